// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QDateTime>

namespace kengele {

class CliContext;
class OutboxStore;
struct QuietHours;

// Sends what is due in the open profile's outbox, in the foreground, for `campaign send`, `campaign
// run` and `campaign resend-uncertain`: through the gateway the settings name, until nothing is due
// now, then waits briefly for the simulator's delivery reports. Messages the gateway did not take
// wait for another try (RetryPolicy's back-off): it keeps going through those back-offs until every
// message is sent, failed or uncertain (the retry limit bounds it), saying so on stderr. When the
// next try is further away than the back-off's ceiling (a gateway that asked for a long pause, quiet
// hours), it stops and says how many wait and when to run `campaign run`.
class ForegroundDispatch final
{
    Q_DECLARE_TR_FUNCTIONS(ForegroundDispatch)

public:
    explicit ForegroundDispatch(CliContext &cli);

    // rate: messages per second (0: no limit), used when rateGiven, else the settings' rate.
    // Done, or Failed when the outbox could not be written.
    int run(double rate, bool rateGiven);

private:
    // Messages of campaigns that are going out, back in the queue after a try the gateway did not take.
    struct Retries {
        int messages = 0;
        QDateTime next; // when the first of them may go (local time); invalid: none
    };
    Result<Retries> waitingForRetry(OutboxStore &store, const QuietHours &quiet, bool respectQuietHours);

    CliContext &m_cli;
};

} // namespace kengele
