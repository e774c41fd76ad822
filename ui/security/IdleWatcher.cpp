// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "IdleWatcher.h"

#include <QCoreApplication>
#include <QEvent>
#include <QTimer>

namespace kengele {

IdleWatcher::IdleWatcher(QObject *parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &IdleWatcher::idle);
    if (QCoreApplication *app = QCoreApplication::instance())
        app->installEventFilter(this);
}

IdleWatcher::~IdleWatcher()
{
    if (QCoreApplication *app = QCoreApplication::instance())
        app->removeEventFilter(this);
}

void IdleWatcher::setInterval(int milliseconds)
{
    m_interval = milliseconds;
    if (m_watching)
        start();
}

void IdleWatcher::start()
{
    m_watching = true;
    if (m_interval > 0)
        m_timer->start(m_interval);
    else
        m_timer->stop();
}

void IdleWatcher::stop()
{
    m_watching = false;
    m_timer->stop();
}

bool IdleWatcher::isActive() const
{
    return m_timer->isActive();
}

bool IdleWatcher::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
    case QEvent::TabletPress:
        // Only while it waits: after idle() it stays quiet until start() (the window is locked).
        if (m_watching && m_interval > 0 && m_timer->isActive())
            m_timer->start(m_interval);
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace kengele
