// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "SyncCommands.h"

#include "backup/BackupScheduler.h"
#include "backup/BackupService.h"
#include "common/EventLoopWait.h"
#include "profile/Profile.h"
#include "security/Access.h"
#include "settings/Settings.h"
#include "sync/ChangeLog.h"
#include "sync/RelayClient.h"
#include "sync/SyncEngine.h"

#include <QCborValue>
#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkRequest>

namespace kengele {

int SyncCommand::chooseForOwnData(CliContext &cli, JoinChoice choice, QString *backupFile)
{
    const Result<OwnSharedData> own = JoinChoices::ownData(cli.profile().database());
    if (!own)
        return cli.failed(own.error());
    if (own->isEmpty())
        return Done;
    if (choice == JoinChoice::Merge) {
        if (Status saved = JoinChoices::save(cli.profile().database(), JoinChoice::Merge); !saved)
            return cli.failed(saved.error());
        return Done;
    }
    Profile &profile = cli.profile();
    BackupService &backups = profile.backups();
    backups.setCost(cli.backupCost());
    const QString passphrase = cli.backupPassphrase();
    if (passphrase.isEmpty())
        return Failed;
    BackupScheduler folder(backups, profile.settings(), cli.secrets(), profile.clock());
    const Result<QString> made = JoinChoices::backUpOwnData(folder, passphrase);
    if (!made)
        return cli.failed(made.error());
    profile.settings().sync();
    if (Status saved = JoinChoices::save(profile.database(), JoinChoice::StartFromChurch); !saved)
        return cli.failed(saved.error());
    *backupFile = *made;
    return Done;
}

// sync own-data merge | sync own-data start-from-church-data
int SyncCommand::ownData(const QStringList &words)
{
    const QString how = words.value(1);
    if (words.size() != 2 || (how != QStringLiteral("merge") && how != QStringLiteral("start-from-church-data")))
        return m_cli.usage(tr("Use: sync own-data merge, or sync own-data start-from-church-data."));
    if (!m_cli.allowOnly({}))
        return BadUsage;
    if (Status opened = m_cli.openProfile(); !opened)
        return m_cli.failed(opened.error());
    if (Status allowed = m_cli.profile().access().check(Permission::Administer); !allowed)
        return m_cli.failed(allowed.error());
    const Result<OwnSharedData> own = JoinChoices::ownData(m_cli.profile().database());
    if (!own)
        return m_cli.failed(own.error());
    QString backup;
    const JoinChoice choice = how == QStringLiteral("merge") ? JoinChoice::Merge : JoinChoice::StartFromChurch;
    if (const int chosen = chooseForOwnData(m_cli, choice, &backup); chosen != Done)
        return chosen;
    if (m_cli.json()) {
        m_cli.printJson(QJsonObject{{QStringLiteral("choice"), how},
                                    {QStringLiteral("own_data"), own->describe()},
                                    {QStringLiteral("backup"), backup.isEmpty() ? QJsonValue() : QJsonValue(backup)}});
    } else if (own->isEmpty()) {
        m_cli.out() << tr("This computer holds no contacts, groups or templates of its own: there is nothing to choose.")
                    << Qt::endl;
    } else if (choice == JoinChoice::Merge) {
        m_cli.out() << tr("When this computer is let in, its %1 join the church's data. Run “kengele-cli relay sync”.")
                           .arg(own->describe())
                    << Qt::endl;
    } else {
        m_cli.out() << tr("This computer's data is kept in the backup %1. When it is let in, its %2 are set aside and it "
                          "starts from the church's data. Run “kengele-cli relay sync”.")
                           .arg(QDir::toNativeSeparators(backup), own->describe())
                    << Qt::endl;
    }
    return Done;
}

int SyncCommand::run(const QStringList &words)
{
    const QString sub = words.value(0);
    if (sub == QStringLiteral("own-data"))
        return ownData(words);
    if (words.size() != 1 || (sub != QStringLiteral("status") && sub != QStringLiteral("conflicts")))
        return m_cli.usage(
            tr("Use one of: sync status, sync conflicts [--limit N], sync own-data merge|start-from-church-data."));
    if (!m_cli.allowOnly(sub == QStringLiteral("conflicts") ? QStringList{QStringLiteral("limit")} : QStringList{}))
        return BadUsage;
    int limit = 100;
    if (m_cli.args().has(QStringLiteral("limit"))) {
        bool ok = false;
        limit = m_cli.args().value(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 1)
            return m_cli.usage(tr("--limit takes a number of entries, 1 or more."));
    }
    if (Status opened = m_cli.openProfile(); !opened)
        return m_cli.failed(opened.error());
    if (sub == QStringLiteral("status")) {
        // Read from the data file alone: no call to the relay.
        QNetworkAccessManager network;
        RelayClient client(network);
        SyncEngine engine(m_cli.profile().database(), m_cli.secrets(), client, m_cli.clock());
        const Result<SyncEngineStatus> status = engine.status();
        if (!status)
            return m_cli.failed(status.error());
        if (m_cli.json()) {
            m_cli.printJson(status->toJson());
            return Done;
        }
        if (status->waitingForApproval)
            m_cli.out() << tr("This computer is waiting for another computer of the congregation to let it in.") << Qt::endl;
        m_cli.out() << tr("Changes not yet sent: %1").arg(status->pendingOut) << Qt::endl;
        m_cli.out() << tr("Last changes from another computer: %1")
                           .arg(status->lastIn ? CliContext::localTime(QDateTime::fromMSecsSinceEpoch(*status->lastIn, Qt::UTC))
                                               : tr("never"))
                    << Qt::endl;
        m_cli.out() << tr("Conflicts settled: %1; changes waiting: %2; refused: %3")
                           .arg(status->conflicts)
                           .arg(status->parked)
                           .arg(status->refused)
                    << Qt::endl;
        return Done;
    }
    const Result<QList<SyncConflict>> conflicts = ChangeLog(m_cli.profile().database()).conflicts(limit);
    if (!conflicts)
        return m_cli.failed(conflicts.error());
    if (m_cli.json()) {
        QJsonArray out;
        for (const SyncConflict &c : *conflicts)
            out.append(c.toJson());
        m_cli.printJson(out);
        return Done;
    }
    if (conflicts->isEmpty())
        m_cli.out() << tr("No conflicts.") << Qt::endl;
    for (const SyncConflict &c : *conflicts) {
        const QJsonObject o = c.toJson();
        m_cli.out() << CliContext::padded(o.value(QStringLiteral("time")).toString(), 26) << CliContext::padded(c.entity, 12)
                    << CliContext::padded(c.field, 14)
                    << tr("kept: %1  lost: %2").arg(c.kept.toVariant().toString(), c.lost.toVariant().toString()) << Qt::endl;
    }
    return Done;
}

int DevicesCommand::run(const QStringList &words)
{
    const QString sub = words.value(0);
    const bool list = sub == QStringLiteral("list") && words.size() == 1;
    const bool approve = sub == QStringLiteral("approve") && words.size() == 2;
    const bool remove = sub == QStringLiteral("remove") && words.size() == 2;
    if (!list && !approve && !remove)
        return m_cli.usage(tr("Use one of: devices list, devices approve DEVICE [--safety-code CODE], devices remove DEVICE."));
    if (!m_cli.allowOnly(approve ? QStringList{QStringLiteral("safety-code"), QStringLiteral("wait")} : QStringList{}))
        return BadUsage;
    int waitSeconds = 120;
    if (m_cli.args().has(QStringLiteral("wait"))) {
        bool ok = false;
        waitSeconds = m_cli.args().value(QStringLiteral("wait")).toInt(&ok);
        if (!ok || waitSeconds < 0 || waitSeconds > 3600)
            return m_cli.usage(tr("--wait takes a number of seconds, 0 to 3600."));
    }
    if (Status opened = m_cli.openProfile(); !opened)
        return m_cli.failed(opened.error());
    if (!list) {
        if (Status allowed = m_cli.profile().access().check(Permission::Administer); !allowed) {
            if (allowed.error().code == ErrorCode::Forbidden)
                return m_cli.failed(
                    Error{ErrorCode::Forbidden, tr("Only an administrator may let a computer in or remove one.")});
            return m_cli.failed(allowed.error());
        }
    }
    QNetworkAccessManager network;
    network.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    RelayClient client(network);
    if (Status ready = m_cli.prepareRelayClient(client); !ready)
        return m_cli.failed(ready.error());
    SyncEngine engine(m_cli.profile().database(), m_cli.secrets(), client, m_cli.clock());
    engine.setAccess(&m_cli.profile().access());

    if (list) {
        (void)EventLoopWait::forAnswer<Status>([&](auto done) { engine.prepare(done); });
        const auto devices
            = EventLoopWait::forAnswer<Result<QList<SyncDeviceEntry>>>([&](auto done) { engine.listDevices(done); });
        if (!devices)
            return m_cli.failed(devices.error());
        if (m_cli.json()) {
            QJsonArray out;
            for (const SyncDeviceEntry &d : *devices)
                out.append(d.toJson());
            m_cli.printJson(out);
            return Done;
        }
        for (const SyncDeviceEntry &d : *devices) {
            const QString state = d.removed ? tr("removed") : d.pending ? tr("waiting for approval") : tr("approved");
            m_cli.out() << CliContext::padded(d.device, 30) << CliContext::padded(d.name, 24) << CliContext::padded(state, 22)
                        << (d.isThis ? tr("this computer") : QString()) << Qt::endl;
        }
        return Done;
    }

    const QString device = words.at(1);
    if (remove) {
        const Status removed = EventLoopWait::forAnswer<Status>([&](auto done) { engine.removeDevice(device, done); });
        if (!removed)
            return m_cli.failed(removed.error());
        if (m_cli.json())
            m_cli.printJson(QJsonObject{{QStringLiteral("device"), device}, {QStringLiteral("removed"), true}});
        else
            m_cli.out() << tr("The computer %1 was removed. The congregation's keys were changed; the others get the new ones "
                              "when they sync.")
                               .arg(device)
                        << Qt::endl;
        return Done;
    }
    const QString code = m_cli.args().value(QStringLiteral("safety-code"));
    engine.setApproveWaitSeconds(waitSeconds);
    const Result<SyncApproval> approval
        = EventLoopWait::forAnswer<Result<SyncApproval>>([&](auto done) { engine.approve(device, code, done); });
    if (!approval)
        return m_cli.failed(approval.error());
    if (m_cli.json()) {
        m_cli.printJson(QJsonObject{
            {QStringLiteral("device"), approval->device},
            {QStringLiteral("name"), approval->name},
            {QStringLiteral("safety_code"), approval->safetyCode.isEmpty() ? QJsonValue() : QJsonValue(approval->safetyCode)},
            {QStringLiteral("approved"), approval->approved}});
    } else if (approval->approved) {
        m_cli.out() << tr("“%1” is now one of the congregation's computers.").arg(approval->name) << Qt::endl;
    } else if (approval->safetyCode.isEmpty()) {
        m_cli.out() << tr("This computer's keys were sent. Run “kengele-cli relay sync” on the new computer, then run this "
                          "command again to see the safety code.")
                    << Qt::endl;
    } else {
        m_cli.out() << tr("Safety code: %1").arg(approval->safetyCode) << Qt::endl
                    << tr("Check that “%1” shows the same code, then run: kengele-cli devices approve %2 --safety-code \"%3\"")
                           .arg(approval->name, device, approval->safetyCode)
                    << Qt::endl;
    }
    return Done;
}

} // namespace kengele
