// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Banner.h"

#include "Colours.h"

#include <QAbstractButton>
#include <QEvent>
#include <QPainter>

namespace kengele {

namespace {

constexpr int Padding = 7; // 6 inside a 1-pixel border
constexpr int ButtonSpacing = 8;

Colours::Panel panelOf(Banner::Kind kind)
{
    switch (kind) {
    case Banner::Kind::Info:
        return Colours::Panel::Info;
    case Banner::Kind::Warning:
        return Colours::Panel::Warning;
    case Banner::Kind::Error:
        break;
    }
    return Colours::Panel::Error;
}

} // namespace

Banner::Banner(Kind kind, QWidget *parent)
    : Banner(kind, QString(), parent)
{ }

Banner::Banner(Kind kind, const QString &text, QWidget *parent)
    : QLabel(text, parent)
    , m_kind(kind)
{
    setContentsMargins(Padding, Padding, Padding, Padding);
}

void Banner::setKind(Kind kind)
{
    if (kind == m_kind)
        return;
    m_kind = kind;
    update();
}

void Banner::setCompact(bool compact)
{
    m_compact = compact;
    layoutButton();
}

int Banner::padding() const
{
    return m_compact ? 2 : Padding;
}

void Banner::setButton(QAbstractButton *button)
{
    if (m_button)
        m_button->removeEventFilter(this);
    m_button = button;
    if (m_button) {
        m_button->setParent(this);
        m_button->installEventFilter(this);
    }
    layoutButton();
}

void Banner::layoutButton()
{
    const int vertical = padding();
    const int horizontal = Padding;
    int right = horizontal;
    int minimumHeight = 0;
    if (m_button && m_button->isVisibleTo(this)) {
        const QSize size = m_button->sizeHint();
        right += size.width() + ButtonSpacing;
        minimumHeight = size.height() + 2 * vertical;
        m_button->setGeometry(width() - horizontal - size.width(), vertical, size.width(), size.height());
    }
    setContentsMargins(horizontal, vertical, right, vertical);
    setMinimumHeight(minimumHeight);
}

void Banner::paintEvent(QPaintEvent *event)
{
    {
        QPainter painter(this);
        Colours::paintPanel(painter, rect(), panelOf(m_kind), palette(), m_compact ? 3 : 4, true);
    }
    QLabel::paintEvent(event);
}

void Banner::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    layoutButton();
}

bool Banner::eventFilter(QObject *watched, QEvent *event)
{
    // The text makes room for the button only while it shows.
    if (watched == m_button && (event->type() == QEvent::ShowToParent || event->type() == QEvent::HideToParent))
        layoutButton();
    return QLabel::eventFilter(watched, event);
}

} // namespace kengele
