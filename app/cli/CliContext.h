// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "CliArguments.h"
#include "campaigns/RetryPolicy.h"
#include "common/Result.h"
#include "security/Passwords.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonValue>
#include <QTextStream>

#include <memory>
#include <optional>

namespace kengele {

class RelayClient;

class Clock;
class Profile;
class ScopedSecretStore;
class SecretStore;

// What every kengele-cli command works with during one run: the parsed arguments, the three
// streams, the clock, the secret store, and the profile once a command opens it; plus the messages
// all commands share (bad usage, failure, JSON output). Exit status: 0 done, 1 failed (reason on stderr),
// 2 bad usage.
class CliContext final
{
    Q_DECLARE_TR_FUNCTIONS(CliContext)

public:
    enum ExitCode { Done = 0, Failed = 1, BadUsage = 2 };

    // secrets: where secrets go (API key, relay device token): the OS keychain, a fake in tests.
    // Every key is scoped to the profile the command opens.
    CliContext(QTextStream &out, QTextStream &err, QTextStream &in, const Clock &clock, SecretStore &secrets);
    ~CliContext();

    // Every option kengele-cli knows: those that take a value (--group NAME) and flags (--json).
    static const QStringList &valueOptions();
    static const QStringList &flagOptions();

    void setArguments(const CliArguments &arguments);
    const CliArguments &args() const { return m_args; }
    bool json() const { return m_json; }

    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }
    QTextStream &in() { return m_in; }
    const Clock &clock() const { return m_clock; }

    // Opens the profile of --profile (or KENGELE_PROFILE), with --region as its default region.
    // Once the profile requires sign-in, also signs in --user NAME with the password from
    // KENGELE_PASSWORD or the first line of standard input; refused without them.
    Status openProfile();
    // The back-off between tries of a message the gateway did not take; nullopt: RetryPolicy's own.
    const std::optional<RetryPolicy> &retryPolicy() const { return m_retry; }
    void setRetryPolicy(const RetryPolicy &retry) { m_retry = retry; }

    // Gives `client` the relay's address and this computer's key (after openProfile()), or says
    // why this data folder cannot talk to its relay (not connected, key missing).
    Status prepareRelayClient(RelayClient &client);

    // The profile openProfile() opened.
    Profile &profile() { return *m_profile; }
    // Closes it (a restore replaces the store underneath).
    void closeProfile();
    // How long backup keys take to make from the passphrase (tests make it cheap).
    Passwords::Cost backupCost() const { return m_backupCost; }
    void setBackupCost(Passwords::Cost cost) { m_backupCost = cost; }
    // The secrets of the profile openProfile() opened.
    SecretStore &secrets();

    // False (after saying so on stderr) when an option outside `options` was given.
    bool allowOnly(const QStringList &options);
    // Says what was wrong and where to find the commands; returns BadUsage.
    int usage(const QString &message);
    // Says why on stderr; returns Failed.
    int failed(const Error &error);
    void printJson(const QJsonValue &value);
    // Standard input, whole (what is left of it).
    QByteArray readInput();
    // One line of standard input, without its line end (a password).
    QString readLine();
    // The backup passphrase: KENGELE_BACKUP_PASSPHRASE, else a line of standard input, else the
    // automatic backups' one from the keychain; empty (and the reason printed) when none.
    QString backupPassphrase();
    // --rate N (messages per second, 0.1 to 1000, or 0 = no limit) into rate when given; Done or
    // an exit code (BadUsage for anything else, nan and inf included).
    int readRate(double &rate);

    // text, padded with spaces to width (at least one space after it).
    static QString padded(const QString &text, int width);
    // UTC ISO 8601 with milliseconds, or null.
    static QJsonValue timeOrNull(const QDateTime &time);
    // The local date and time, short.
    static QString localTime(const QDateTime &time);

private:
    Status signIn();

    QTextStream &m_out;
    QTextStream &m_err;
    QTextStream &m_in;
    const Clock &m_clock;
    CliArguments m_args;
    bool m_json = false;
    SecretStore &m_secrets;
    std::unique_ptr<Profile> m_profile;
    std::unique_ptr<ScopedSecretStore> m_profileSecrets;
    std::optional<RetryPolicy> m_retry;
    Passwords::Cost m_backupCost = Passwords::Cost::Moderate;
    qsizetype m_stringConsumed = 0; // of standard input given as a string (tests)
};

} // namespace kengele
