// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QLabel>

namespace kengele {

// An SMS as the person will read it: plain, selectable text on a rounded bubble tinted from the
// palette (Colours), the same in the editor's preview, the compose check and a campaign's page.
class MessageBubble final : public QLabel
{
    Q_OBJECT

public:
    explicit MessageBubble(QWidget *parent = nullptr);
    explicit MessageBubble(const QString &text, QWidget *parent = nullptr);

protected:
    void paintEvent(QPaintEvent *event) override;
};

} // namespace kengele
