// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Colours.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QPainter>
#include <QScrollBar>
#include <QWidget>

#include <cmath>

namespace kengele {

namespace {

// The hues, before they are fitted to the palette: the red and green of the light theme's text,
// and the amber, red and green of the panels (notes take the palette's highlight).
const QColor ErrorText(0xb0, 0x00, 0x20);
const QColor SuccessText(0x2e, 0x7d, 0x32);
const QColor WarningText(0xb2, 0x6a, 0x00);
const QColor FieldText(0x15, 0x65, 0xc0);
const QColor WarningHue(0xf0, 0xb0, 0x00);
const QColor ErrorHue(0xe5, 0x39, 0x35);
const QColor MessageHue(0x43, 0xa0, 0x47);

constexpr qreal MinimumContrast = 4.5;

qreal channel(qreal value)
{
    return value <= 0.03928 ? value / 12.92 : std::pow((value + 0.055) / 1.055, 2.4);
}

qreal luminance(const QColor &colour)
{
    const QColor rgb = colour.toRgb();
    return 0.2126 * channel(rgb.redF()) + 0.7152 * channel(rgb.greenF()) + 0.0722 * channel(rgb.blueF());
}

QColor hue(Colours::Panel panel, const QPalette &palette)
{
    switch (panel) {
    case Colours::Panel::Info:
        return palette.color(QPalette::Active, QPalette::Highlight);
    case Colours::Panel::Warning:
        return WarningHue;
    case Colours::Panel::Error:
        return ErrorHue;
    case Colours::Panel::Message:
        break;
    }
    return MessageHue;
}

} // namespace

bool Colours::isDark(const QPalette &palette)
{
    return luminance(palette.color(QPalette::Window)) < luminance(palette.color(QPalette::WindowText));
}

qreal Colours::contrast(const QColor &a, const QColor &b)
{
    const qreal la = luminance(a);
    const qreal lb = luminance(b);
    return (qMax(la, lb) + 0.05) / (qMin(la, lb) + 0.05);
}

QColor Colours::mix(const QColor &from, const QColor &to, qreal amount)
{
    const QColor a = from.toRgb();
    const QColor b = to.toRgb();
    const qreal t = qBound(0.0, amount, 1.0);
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * t), float(a.greenF() + (b.greenF() - a.greenF()) * t),
                            float(a.blueF() + (b.blueF() - a.blueF()) * t));
}

QColor Colours::readable(const QColor &wanted, const QColor &background)
{
    if (contrast(wanted, background) >= MinimumContrast)
        return wanted;
    // Towards white on a dark background, towards black on a light one, in small steps.
    const QColor towards = luminance(background) < 0.18 ? QColor(Qt::white) : QColor(Qt::black);
    for (int step = 1; step <= 20; ++step) {
        const QColor candidate = mix(wanted, towards, step / 20.0);
        if (contrast(candidate, background) >= MinimumContrast)
            return candidate;
    }
    return towards;
}

QColor Colours::text(Tone tone, const QPalette &palette, QPalette::ColorRole background)
{
    const QColor behind = palette.color(background);
    switch (tone) {
    case Tone::Normal:
        break;
    case Tone::Error:
        return readable(ErrorText, behind);
    case Tone::Success:
        return readable(SuccessText, behind);
    case Tone::Warning:
        return readable(WarningText, behind);
    case Tone::Field:
        return readable(FieldText, behind);
    case Tone::Hint:
        return palette.color(QPalette::Disabled, background == QPalette::Base ? QPalette::Text : QPalette::WindowText);
    }
    return palette.color(background == QPalette::Base ? QPalette::Text : QPalette::WindowText);
}

void Colours::setTone(QWidget *widget, Tone tone, bool bold)
{
    QFont font = widget->font();
    if (font.bold() != bold) {
        font.setBold(bold);
        widget->setFont(font);
    }
    if (tone == Tone::Normal) {
        // No roles of its own: the widget follows its parent's palette again.
        widget->setPalette(QPalette());
        return;
    }
    const QPalette inherited = widget->parentWidget() ? widget->parentWidget()->palette() : QApplication::palette(widget);
    const QColor colour = text(tone, inherited);
    QPalette palette = widget->palette();
    for (const QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        palette.setColor(role, colour);
    widget->setPalette(palette);
}

void Colours::showCheckBoxes(QAbstractItemView *view)
{
    const QPalette original = view->palette();
    if (!isDark(original))
        return;
    const QColor base = original.color(QPalette::Base);
    QColor window = original.color(QPalette::Window);
    // Fusion's outline is the window colour darker(140), drawn lighter(110).
    auto outline = [](const QColor &w) {
        return w.darker(140).lighter(110);
    };
    for (int step = 0; step < 12 && contrast(outline(window), base) < 1.8; ++step)
        window = window.lighter(115);
    if (window == original.color(QPalette::Window))
        return;
    QPalette palette = original;
    palette.setColor(QPalette::Window, window);
    view->setPalette(palette);
    view->verticalScrollBar()->setPalette(original);
    view->horizontalScrollBar()->setPalette(original);
}

QColor Colours::panelFill(Panel panel, const QPalette &palette)
{
    // A light tint of the base colour in a light theme; a darker theme needs more of the hue to
    // show, while the text on it stays the palette's own.
    const bool dark = isDark(palette);
    const qreal amount = panel == Panel::Warning ? (dark ? 0.22 : 0.16) : (dark ? 0.24 : 0.12);
    return mix(palette.color(QPalette::Base), hue(panel, palette), amount);
}

QColor Colours::panelBorder(Panel panel, const QPalette &palette)
{
    return mix(palette.color(QPalette::Base), hue(panel, palette), panel == Panel::Warning ? 0.7 : 0.6);
}

QColor Colours::marker(Panel panel, const QPalette &palette)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor tinted = mix(base, hue(panel, palette), isDark(palette) ? 0.35 : 0.5);
    // The text on it must still read: in a dark theme a bright hue needs darkening.
    if (contrast(palette.color(QPalette::Text), tinted) >= MinimumContrast)
        return tinted;
    for (int step = 1; step <= 10; ++step) {
        const QColor candidate = mix(tinted, base, step / 10.0);
        if (contrast(palette.color(QPalette::Text), candidate) >= MinimumContrast)
            return candidate;
    }
    return base;
}

void Colours::paintPanel(QPainter &painter, const QRectF &rect, Panel panel, const QPalette &palette, qreal radius, bool border)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setBrush(panelFill(panel, palette));
    if (border)
        painter.setPen(QPen(panelBorder(panel, palette), 1));
    else
        painter.setPen(Qt::NoPen);
    painter.drawRoundedRect(border ? rect.adjusted(0.5, 0.5, -0.5, -0.5) : rect, radius, radius);
    painter.restore();
}

} // namespace kengele
