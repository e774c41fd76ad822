// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QObject>
#include <QTimer>

namespace kengele {

class Clock;
class TokenLedger;

// Expires the tokens whose lot has reached its end (TokenLedger::expireDue) while the app runs: at
// start, and just after each local midnight (a single-shot timer to the next midnight by the clock,
// armed again after each run, so a changed clock or a machine that slept catches up at the next run).
class TokenExpiryScheduler final : public QObject
{
    Q_OBJECT

public:
    // How long after midnight the run comes, so that a lot expiring at midnight is due.
    static constexpr qint64 AfterMidnightMs = 1'000;

    TokenExpiryScheduler(TokenLedger &ledger, const Clock &clock, QObject *parent = nullptr);

    // Runs now and arms the timer.
    void start();
    void stop();
    bool isActive() const { return m_timer.isActive(); }
    // Milliseconds from the clock's now to the next run (the next local midnight plus AfterMidnightMs).
    qint64 msUntilNextRun() const;
    // Expires what is due and arms the timer again; returns the tokens expired (-1 when it failed).
    qint64 runNow();

Q_SIGNALS:
    // After a run that moved tokens to Expired.
    void expired(qint64 tokens);

private:
    TokenLedger &m_ledger;
    const Clock &m_clock;
    QTimer m_timer;
};

} // namespace kengele
