// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "LongPollRegistry.h"

#include <QDateTime>

namespace kengele::relay {

LongPollRegistry::LongPollRegistry(Answer answer, QObject *parent)
    : QObject(parent)
    , m_answer(std::move(answer))
{
    m_sweepTimer.setInterval(250);
    connect(&m_sweepTimer, &QTimer::timeout, this, &LongPollRegistry::sweep);
}

void LongPollRegistry::hold(Waiter &&waiter)
{
    m_waiters.push_back(std::move(waiter)); // std::list: moves construct only
    if (!m_sweepTimer.isActive())
        m_sweepTimer.start();
}

void LongPollRegistry::wake(const QString &orgId)
{
    for (auto it = m_waiters.begin(); it != m_waiters.end();) {
        if (it->orgId == orgId && m_answer(*it, false))
            it = m_waiters.erase(it);
        else
            ++it;
    }
}

void LongPollRegistry::sweep()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (auto it = m_waiters.begin(); it != m_waiters.end();) {
        const bool gone = !it->responder.isOpen();
        if (gone || (it->deadlineMs <= now && m_answer(*it, true)))
            it = m_waiters.erase(it);
        else
            ++it;
    }
    if (m_waiters.empty())
        m_sweepTimer.stop();
}

} // namespace kengele::relay
