// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QCoreApplication>

namespace kengele {

class CliContext;

// Sends what is due in the open profile's outbox, in the foreground, for `campaign send`, `campaign
// run` and `campaign resend-uncertain`: through the gateway the settings name, until nothing is due
// now, then waits briefly for the simulator's delivery reports. What happens goes to stderr.
class ForegroundDispatch final
{
    Q_DECLARE_TR_FUNCTIONS(ForegroundDispatch)

public:
    explicit ForegroundDispatch(CliContext &cli);

    // rate: messages per second (0: no limit), used when rateGiven, else the settings' rate.
    // Done, or Failed when the outbox could not be written.
    int run(double rate, bool rateGiven);

private:
    CliContext &m_cli;
};

} // namespace kengele
