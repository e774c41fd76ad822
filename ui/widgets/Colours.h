// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QColor>
#include <QPalette>

class QAbstractItemView;
class QPainter;
class QRectF;
class QWidget;

namespace kengele {

// The colours Kengele adds to the desktop's palette, worked out from it so they read in a light
// and a dark theme alike: red and green text that keeps enough contrast on the window colour, and
// the tinted panels of banners and message bubbles. No widget writes a colour of its own.
class Colours final
{
public:
    // Text: as the palette says, a mistake, something that worked, something to look at again
    // (a message Kengele is not sure about), a merge field in a message, or a hint (the palette's
    // quieter text, as for something disabled).
    enum class Tone { Normal, Error, Success, Warning, Field, Hint };
    // Panels: a note, a warning, an error, an SMS as it will read.
    enum class Panel { Info, Warning, Error, Message };

    // A dark theme: the window is darker than its text.
    static bool isDark(const QPalette &palette);
    // The WCAG contrast ratio of two colours, 1 to 21.
    static qreal contrast(const QColor &a, const QColor &b);
    // `from` moved `amount` (0 to 1) of the way to `to`.
    static QColor mix(const QColor &from, const QColor &to, qreal amount);
    // `wanted`, lightened or darkened just enough to read on `background` (contrast at least 4.5).
    static QColor readable(const QColor &wanted, const QColor &background);

    // Text of this tone, readable on the palette's window colour (or, in lists and editors, on
    // their base colour).
    static QColor text(Tone tone, const QPalette &palette, QPalette::ColorRole background = QPalette::Window);
    // Gives the widget's text this tone (and, if asked, bold); Normal gives the palette's own back.
    static void setTone(QWidget *widget, Tone tone, bool bold = false);

    // Unticked check boxes in a list stay visible in a dark theme. Fusion outlines them with the
    // window colour darkened, which on a dark list (base) colour is the base itself: the list gets a
    // window colour whose darker shade shows (its scroll bars keep the palette as it was).
    static void showCheckBoxes(QAbstractItemView *view);

    static QColor panelFill(Panel panel, const QPalette &palette);
    static QColor panelBorder(Panel panel, const QPalette &palette);
    // A stronger tint than a panel's, behind a few characters (the ones that need Unicode); the
    // editor's text stays readable on it.
    static QColor marker(Panel panel, const QPalette &palette);
    // A rounded panel of this kind; with a border or without (message bubbles).
    static void paintPanel(QPainter &painter, const QRectF &rect, Panel panel, const QPalette &palette, qreal radius,
                           bool border);

    Colours() = delete;
};

} // namespace kengele
