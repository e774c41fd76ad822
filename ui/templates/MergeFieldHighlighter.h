// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace kengele {

// Colours a message as it is typed: merge fields blue, broken fields underlined in red, and any
// character that forces the expensive UCS-2 encoding on an amber background; the colours fit the
// editor's palette (Colours), light or dark.
class MergeFieldHighlighter final : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    MergeFieldHighlighter(QTextDocument *document, const QPalette &palette);

protected:
    void highlightBlock(const QString &text) override;

private:
    QTextCharFormat m_field;
    QTextCharFormat m_problem;
    QTextCharFormat m_nonGsm;
};

} // namespace kengele
