// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "CliArguments.h"
#include "common/Result.h"

#include <QCoreApplication>
#include <QJsonValue>
#include <QTextStream>

#include <memory>

namespace kengele {

class Clock;
class Profile;
class SecretStore;
struct CampaignDraft;

// kengele-cli: the commands of docs/cli.md, over the same core services as the GUI.
// Exit status: 0 done, 1 failed (reason on stderr), 2 bad usage.
class CliRunner final
{
    Q_DECLARE_TR_FUNCTIONS(CliRunner)

public:
    enum ExitCode { Done = 0, Failed = 1, BadUsage = 2 };

    CliRunner(QTextStream &out, QTextStream &err, QTextStream &in, const Clock &clock);
    ~CliRunner();

    int run(const QStringList &arguments);

    // Where secrets go (API key, relay device token); default: the OS keychain of the profile.
    // Tests hand in a fake.
    void setSecretStore(SecretStore *secrets) { m_secrets = secrets; }

private:
    int dispatch();
    int contacts(const QStringList &words);
    int groups(const QStringList &words);
    int templates(const QStringList &words);
    int segments(const QStringList &words);
    int tokens(const QStringList &words);
    int gateway(const QStringList &words);
    int campaign(const QStringList &words);
    int relay(const QStringList &words);
    int relayConnect(const QStringList &words);
    int relaySync();
    int relayStatus();
    int inbox(const QStringList &words);
    int campaignSend();
    int campaignEdit(qint64 id);
    // Applies --text/--template/--group/--at/--repeat... to a draft; Done or an exit code.
    int applyDraftOptions(CampaignDraft &draft, bool editing);
    int runDispatcher(double rate, bool rateGiven);
    int printCampaign(qint64 id);
    // --rate N (messages per second, 0 = no limit) into rate when given; Done or an exit code.
    int readRate(double &rate);

    int contactsImport(const QStringList &words);
    int contactsList();
    int contactsAdd(const QStringList &words);
    int contactsOptOut(const QStringList &words, bool optIn);
    int contactsExport(const QStringList &words);

    Status openProfile();
    bool allowOnly(const QStringList &options);
    int usage(const QString &message);
    int failed(const Error &error);
    void printJson(const QJsonValue &value);
    void printHelp();

    QTextStream &m_out;
    QTextStream &m_err;
    QTextStream &m_in;
    const Clock &m_clock;
    CliArguments m_args;
    bool m_json = false;
    std::unique_ptr<Profile> m_profile;
    SecretStore *m_secrets = nullptr;
};

} // namespace kengele
