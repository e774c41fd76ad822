// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "CliContext.h"

#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

namespace kengele {

class Clock;
class SecretStore;

// kengele-cli: the commands of docs/cli.md, over the same core services as the GUI. Reads the
// options, then hands the words to the command family CliCommandTable names.
// Exit status: 0 done, 1 failed (reason on stderr), 2 bad usage.
class CliRunner final
{
    Q_DECLARE_TR_FUNCTIONS(CliRunner)

public:
    // secrets: where secrets go (API key, relay device token), each key scoped to the profile the
    // command opens: the OS keychain in kengele-cli, a fake in tests.
    CliRunner(QTextStream &out, QTextStream &err, QTextStream &in, const Clock &clock, SecretStore &secrets);

    int run(const QStringList &arguments);

    // The back-off between tries of a message the gateway did not take (default: RetryPolicy's);
    // tests shorten it.
    void setRetryPolicy(const RetryPolicy &retry) { m_cli.setRetryPolicy(retry); }
    // How long backup keys take to make (Moderate; tests use TestsOnly).
    void setBackupCost(Passwords::Cost cost) { m_cli.setBackupCost(cost); }

private:
    int dispatch();

    CliContext m_cli;
};

} // namespace kengele
