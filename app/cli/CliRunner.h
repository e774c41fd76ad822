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
    CliRunner(QTextStream &out, QTextStream &err, QTextStream &in, const Clock &clock);

    int run(const QStringList &arguments);

    // Where secrets go (API key, relay device token); default: the OS keychain of the profile.
    // Tests hand in a fake.
    void setSecretStore(SecretStore *secrets) { m_cli.setSecretStore(secrets); }

private:
    int dispatch();

    CliContext m_cli;
};

} // namespace kengele
