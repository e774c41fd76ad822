// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QStyledItemDelegate>

namespace kengele {

// The sidebar's rows. The chosen page is a soft tint of the highlight with the normal text colour,
// so it never looks like the "Send SMS…" button above it (solid highlight), and no focus frame is
// drawn inside it: the keyboard's place is the chosen row itself, with a bar at its start while
// the list has the focus.
class SidebarDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    static QColor selectionColour(const QPalette &palette);
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace kengele
