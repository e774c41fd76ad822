// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "SidebarDelegate.h"

#include <QPainter>

namespace kengele {

QColor SidebarDelegate::selectionColour(const QPalette &palette)
{
    const QColor highlight = palette.color(QPalette::Highlight);
    const QColor window = palette.color(QPalette::Window);
    const qreal share = 0.3;
    return QColor::fromRgbF(float(highlight.redF() * share + window.redF() * (1 - share)),
                            float(highlight.greenF() * share + window.greenF() * (1 - share)),
                            float(highlight.blueF() * share + window.blueF() * (1 - share)));
}

void SidebarDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const bool selected = option.state & QStyle::State_Selected;
    QStyleOptionViewItem plain(option);
    plain.state &= ~QStyle::State_HasFocus;
    if (selected) {
        plain.state &= ~(QStyle::State_Selected | QStyle::State_MouseOver);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(selectionColour(option.palette));
        painter->drawRoundedRect(QRectF(option.rect), 6, 6);
        painter->restore();
    }
    QStyledItemDelegate::paint(painter, plain, index);
    if (selected && option.widget && option.widget->hasFocus()) {
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(option.palette.color(QPalette::Highlight));
        const QRectF bar(option.rect.left() + 3, option.rect.top() + 8, 3, option.rect.height() - 16);
        painter->drawRoundedRect(bar, 1.5, 1.5);
        painter->restore();
    }
}

} // namespace kengele
