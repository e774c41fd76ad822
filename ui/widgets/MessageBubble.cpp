// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "MessageBubble.h"

#include "Colours.h"

#include <QPainter>

namespace kengele {

namespace {

constexpr int Padding = 8;
constexpr qreal Radius = 10;

} // namespace

MessageBubble::MessageBubble(QWidget *parent)
    : MessageBubble(QString(), parent)
{ }

MessageBubble::MessageBubble(const QString &text, QWidget *parent)
    : QLabel(text, parent)
{
    setTextFormat(Qt::PlainText);
    setWordWrap(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setContentsMargins(Padding, Padding, Padding, Padding);
}

void MessageBubble::paintEvent(QPaintEvent *event)
{
    {
        QPainter painter(this);
        Colours::paintPanel(painter, rect(), Colours::Panel::Message, palette(), Radius, false);
    }
    QLabel::paintEvent(event);
}

} // namespace kengele
