// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "EventLoopWait.h"

#include <QTimer>

namespace kengele {

void EventLoopWait::quit()
{
    m_quit = true;
    m_loop.quit();
}

bool EventLoopWait::run(std::chrono::milliseconds timeout)
{
    if (m_quit)
        return true;
    QTimer timer;
    if (timeout >= std::chrono::milliseconds::zero()) {
        timer.setSingleShot(true);
        QObject::connect(&timer, &QTimer::timeout, &m_loop, &QEventLoop::quit);
        timer.start(timeout);
    }
    // quit() from a slot or callback ends exec(); QEventLoop forgets a quit() made before exec(),
    // which m_quit remembers.
    m_loop.exec();
    return m_quit;
}

} // namespace kengele
