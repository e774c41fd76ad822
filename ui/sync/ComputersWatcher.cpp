// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ComputersWatcher.h"

#include "backup/BackupScheduler.h"
#include "security/Access.h"
#include "sync/JoinChoice.h"

#include <QCursor>
#include <QDir>
#include <QGuiApplication>
#include <QTimer>

namespace kengele {

ComputersWatcher::ComputersWatcher(SyncEngine *engine, const Access &access, QObject *parent)
    : QObject(parent)
    , m_access(access)
{
    m_poll = new QTimer(this);
    m_poll->setInterval(PollMs);
    connect(m_poll, &QTimer::timeout, this, &ComputersWatcher::refresh);
    m_engineCheck = new QTimer(this);
    m_engineCheck->setInterval(EngineCheckMs);
    connect(m_engineCheck, &QTimer::timeout, this, &ComputersWatcher::checkEngine);
    setEngine(engine);
}

void ComputersWatcher::setEngine(SyncEngine *engine)
{
    for (const QMetaObject::Connection &c : std::as_const(m_engineConnections))
        disconnect(c);
    m_engineConnections.clear();
    m_engine = engine;
    if (!m_engine) {
        m_poll->stop();
        m_engineCheck->stop();
        return;
    }
    m_engineConnections << connect(m_engine, &SyncEngine::waitingForApproval, this, &ComputersWatcher::engineWaiting)
                        << connect(m_engine, &SyncEngine::joined, this, &ComputersWatcher::engineJoined)
                        << connect(m_engine, &SyncEngine::changesApplied, this, &ComputersWatcher::engineApplied)
                        << connect(m_engine, &SyncEngine::failed, this, [this](const QString &reason) {
                               // Let in and waiting for the choice about its own data is not
                               // being offline: the notice asks for the choice.
                               if (m_engine && !m_engine->ownDataWaitingForChoice().isEmpty()) {
                                   checkEngine();
                                   return;
                               }
                               showOffline(true, reason);
                           });
    m_engineCheck->start();
    m_poll->start();
    checkEngine();
}

bool ComputersWatcher::isAdministrator() const
{
    return bool(m_access.check(Permission::Administer));
}

int ComputersWatcher::otherComputers() const
{
    int n = 0;
    for (const SyncDeviceEntry &d : m_devices)
        n += d.approved && !d.removed && !d.isThis ? 1 : 0;
    return n;
}

QList<SyncDeviceEntry> ComputersWatcher::waitingComputers() const
{
    QList<SyncDeviceEntry> out;
    for (const SyncDeviceEntry &d : m_devices) {
        if (d.pending && !d.removed && !d.isThis)
            out.append(d);
    }
    return out;
}

QList<SyncDeviceEntry> ComputersWatcher::undismissedWaiting() const
{
    QList<SyncDeviceEntry> out = waitingComputers();
    out.removeIf([this](const SyncDeviceEntry &d) { return m_dismissed.contains(d.device); });
    return out;
}

void ComputersWatcher::checkEngine()
{
    if (!m_engine)
        return;
    Stage stage = m_stage;
    QString code = m_newcomerCode;
    if (m_engine->isWaitingForApproval()) {
        stage = Stage::Waiting;
        code = m_engine->safetyCode();
    } else if (m_engine->isReady()) {
        stage = m_stage == Stage::Joined ? Stage::Joined : Stage::Member;
    } else if (m_stage == Stage::NotConnected || m_stage == Stage::Starting) {
        stage = m_engine->isRunning() ? Stage::Starting : Stage::NotConnected;
    }
    const bool firstTimeReady = stage == Stage::Member && m_stage != Stage::Member && !m_devicesKnown;
    const QString ownData = m_engine->ownDataWaitingForChoice();
    if (stage != m_stage || code != m_newcomerCode || ownData != m_ownData) {
        m_stage = stage;
        m_newcomerCode = code;
        m_ownData = ownData;
        Q_EMIT changed();
    }
    if (firstTimeReady)
        refresh();
}

void ComputersWatcher::mergeOwnData()
{
    if (!m_engine)
        return;
    if (Status chosen = m_engine->chooseForOwnData(JoinChoice::Merge); !chosen) {
        Q_EMIT finished(chosen.error().message, false);
        return;
    }
    checkEngine();
}

void ComputersWatcher::startFromChurchData(const std::function<QString()> &askPassphrase)
{
    if (!m_engine || !m_backups)
        return;
    QPointer<ComputersWatcher> self(this);
    m_backups->readPassphrase([self, askPassphrase](Result<QString> saved) {
        if (!self || !self->m_engine || !self->m_backups)
            return;
        QString passphrase = saved ? *saved : QString();
        if (passphrase.isEmpty())
            passphrase = askPassphrase();
        if (passphrase.isEmpty())
            return; // cancelled: nothing changed
        QGuiApplication::setOverrideCursor(QCursor(Qt::WaitCursor));
        const Result<QString> kept = JoinChoices::backUpOwnData(*self->m_backups, passphrase);
        QGuiApplication::restoreOverrideCursor();
        if (!kept) {
            Q_EMIT self->finished(kept.error().message, false);
            return;
        }
        if (Status chosen = self->m_engine->chooseForOwnData(JoinChoice::StartFromChurch); !chosen) {
            Q_EMIT self->finished(chosen.error().message, false);
            return;
        }
        Q_EMIT self->finished(tr("This computer's own data is kept in the backup %1. It now starts from the church's data.")
                                  .arg(QDir::toNativeSeparators(*kept)),
                              true);
        self->checkEngine();
    });
}

void ComputersWatcher::engineWaiting(const QString &code)
{
    m_offline = false;
    showState(Stage::Waiting, code);
}

void ComputersWatcher::engineJoined()
{
    m_received = 0;
    m_offline = false;
    showState(Stage::Joined);
    refresh();
}

void ComputersWatcher::engineApplied()
{
    if (m_stage == Stage::Joined)
        ++m_received;
    if (m_offline)
        m_offline = false;
    Q_EMIT dataArrived();
    Q_EMIT changed();
}

void ComputersWatcher::refresh()
{
    if (!m_engine || !m_engine->isReady() || m_listing)
        return;
    m_listing = true;
    QPointer<ComputersWatcher> self(this);
    m_engine->listDevices([self](Result<QList<SyncDeviceEntry>> devices) {
        if (!self)
            return;
        self->m_listing = false;
        if (!devices) {
            self->showOffline(true, devices.error().message);
            return;
        }
        self->m_offline = false;
        self->showDevices(*devices);
        self->askCodesOfWaiting();
    });
}

void ComputersWatcher::askCodesOfWaiting()
{
    if (!isAdministrator())
        return;
    for (const SyncDeviceEntry &d : undismissedWaiting()) {
        if (m_codes.value(d.device).isEmpty())
            askSafetyCode(d.device);
    }
}

void ComputersWatcher::askSafetyCode(const QString &device)
{
    if (!m_engine || m_asking.contains(device) || !isAdministrator())
        return;
    m_asking.insert(device);
    Q_EMIT changed();
    QPointer<ComputersWatcher> self(this);
    m_engine->approve(device, QString(), [self, device](Result<SyncApproval> answer) {
        if (!self)
            return;
        self->m_asking.remove(device);
        if (!answer) {
            Q_EMIT self->finished(answer.error().message, false);
        } else if (!answer->safetyCode.isEmpty()) {
            self->m_codes.insert(device, answer->safetyCode);
        }
        // No code yet: the new computer has not answered; asked again at the next look at the list.
        Q_EMIT self->changed();
    });
}

void ComputersWatcher::letIn(const QString &device)
{
    const QString code = m_codes.value(device);
    if (!m_engine || code.isEmpty() || m_busy.contains(device))
        return;
    m_busy.insert(device);
    Q_EMIT changed();
    QPointer<ComputersWatcher> self(this);
    m_engine->approve(device, code, [self, device](Result<SyncApproval> answer) {
        if (!self)
            return;
        self->m_busy.remove(device);
        if (!answer) {
            self->m_codes.remove(device);
            Q_EMIT self->finished(answer.error().message, false);
        } else {
            self->m_codes.remove(device);
            Q_EMIT self->finished(tr("“%1” is now one of the church's computers. It receives the contacts, groups and "
                                     "templates over the next minutes.")
                                      .arg(answer->name),
                                  true);
        }
        Q_EMIT self->changed();
        self->refresh();
    });
}

void ComputersWatcher::dismiss(const QString &device)
{
    m_dismissed.insert(device);
    Q_EMIT changed();
}

void ComputersWatcher::remove(const QString &device)
{
    if (!m_engine || m_busy.contains(device))
        return;
    QString name = device;
    for (const SyncDeviceEntry &d : std::as_const(m_devices)) {
        if (d.device == device)
            name = d.name;
    }
    m_busy.insert(device);
    Q_EMIT changed();
    QPointer<ComputersWatcher> self(this);
    m_engine->removeDevice(device, [self, device, name](Status removed) {
        if (!self)
            return;
        self->m_busy.remove(device);
        if (!removed)
            Q_EMIT self->finished(removed.error().message, false);
        else
            Q_EMIT self->finished(
                tr("“%1” was removed. It cannot read anything the church adds or changes from now on.").arg(name), true);
        Q_EMIT self->changed();
        self->refresh();
    });
}

void ComputersWatcher::showState(Stage stage, const QString &newcomerCode)
{
    m_stage = stage;
    m_newcomerCode = newcomerCode;
    Q_EMIT changed();
}

void ComputersWatcher::showDevices(const QList<SyncDeviceEntry> &devices)
{
    m_devices = devices;
    m_devicesKnown = true;
    Q_EMIT changed();
}

void ComputersWatcher::showOwnData(const QString &ownData)
{
    m_ownData = ownData;
    Q_EMIT changed();
}

void ComputersWatcher::showSafetyCode(const QString &device, const QString &code)
{
    m_codes.insert(device, code);
    Q_EMIT changed();
}

void ComputersWatcher::showOffline(bool offline, const QString &problem)
{
    if (m_offline == offline && m_problem == problem)
        return;
    m_offline = offline;
    m_problem = problem;
    Q_EMIT changed();
}

} // namespace kengele
