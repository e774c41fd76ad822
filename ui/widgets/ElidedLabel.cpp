// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ElidedLabel.h"

#include <QFontMetrics>

namespace kengele {

ElidedLabel::ElidedLabel(QWidget *parent)
    : QLabel(parent)
{
    setTextFormat(Qt::PlainText);
    setWordWrap(false);
    // It may get narrower than its text: that is what the eliding is for.
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
}

void ElidedLabel::setElidableText(const QString &format, const QString &longPart)
{
    m_format = format;
    m_longPart = longPart;
    setToolTip(fullText());
    elide();
    updateGeometry();
}

QString ElidedLabel::fullText() const
{
    return m_format.isEmpty() ? QString() : m_format.arg(m_longPart);
}

QSize ElidedLabel::sizeHint() const
{
    const QFontMetrics metrics(font());
    const QMargins margins = contentsMargins();
    return {metrics.horizontalAdvance(fullText()) + margins.left() + margins.right() + 2 * margin(), QLabel::sizeHint().height()};
}

QSize ElidedLabel::minimumSizeHint() const
{
    const QFontMetrics metrics(font());
    return {metrics.horizontalAdvance(QStringLiteral("…")), QLabel::minimumSizeHint().height()};
}

void ElidedLabel::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    elide();
}

void ElidedLabel::elide()
{
    if (m_format.isEmpty()) {
        QLabel::setText(QString());
        return;
    }
    const QFontMetrics metrics(font());
    const int available = contentsRect().width() - 2 * margin();
    const QString whole = fullText();
    if (metrics.horizontalAdvance(whole) <= available) {
        QLabel::setText(whole);
        return;
    }
    // The words around the long part stay; the long part loses its middle. Too narrow even for
    // the words: whatever fits from the start.
    const int around = metrics.horizontalAdvance(m_format.arg(QString()));
    const QString shortened = metrics.elidedText(m_longPart, Qt::ElideMiddle, available - around);
    if (shortened.isEmpty())
        QLabel::setText(metrics.elidedText(whole, Qt::ElideRight, available));
    else
        QLabel::setText(m_format.arg(shortened));
}

} // namespace kengele
