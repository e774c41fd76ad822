// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QObject>

class QTimer;

namespace kengele {

// Says when nobody has touched the keyboard or the mouse for a while: an event filter on the whole
// application (every window and dialog) restarts a timer on each key press, click, mouse move,
// wheel or touch; idle() is emitted when it runs out, once, until the next input or start().
// Tests set a short interval and drive it with input of their own.
class IdleWatcher final : public QObject
{
    Q_OBJECT

public:
    explicit IdleWatcher(QObject *parent = nullptr);
    ~IdleWatcher() override;

    // How long without input counts as idle; 0 or less: never.
    void setInterval(int milliseconds);
    int interval() const { return m_interval; }
    // Watching starts (again, from now) or stops.
    void start();
    void stop();
    bool isActive() const;

Q_SIGNALS:
    void idle();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QTimer *m_timer = nullptr;
    int m_interval = 0;
    bool m_watching = false;
};

} // namespace kengele
