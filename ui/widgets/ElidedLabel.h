// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QLabel>

namespace kengele {

// A one-line label with a long part (a folder path) that is shortened in the middle when the
// label is too narrow, again whenever it is resized; its tooltip shows the whole text.
// "Data folder: /home/mary/…/Kengele/profile".
class ElidedLabel final : public QLabel
{
    Q_OBJECT

public:
    explicit ElidedLabel(QWidget *parent = nullptr);

    // `format` with %1 for the long part: only that part is shortened.
    void setElidableText(const QString &format, const QString &longPart);
    // The whole text, as the tooltip shows it.
    QString fullText() const;

    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void elide();

    QString m_format;
    QString m_longPart;
};

} // namespace kengele
