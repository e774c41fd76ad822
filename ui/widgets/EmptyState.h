// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QWidget>

class QHBoxLayout;
class QLabel;
class QPushButton;

namespace kengele {

// What a page shows while it has nothing to list: a heading and a sentence that say what belongs
// here, and the buttons that start it ("No contacts yet … [Add a contact] [Import a spreadsheet]"),
// in the middle of the page.
class EmptyState final : public QWidget
{
    Q_OBJECT

public:
    // `labelObjectName` names the text for tests and screenshots.
    explicit EmptyState(const QString &labelObjectName, QWidget *parent = nullptr);

    // Rich text: "<h2>heading</h2><p>what to do</p>".
    void setText(const QString &text);
    QString text() const;
    // A button under the text, after the ones added before.
    QPushButton *addButton(const QString &text);

private:
    QLabel *m_text = nullptr;
    QHBoxLayout *m_buttons = nullptr;
};

} // namespace kengele
