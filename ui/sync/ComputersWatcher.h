// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sync/SyncEngine.h"

#include <functional>

#include <QCoreApplication>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QSet>

class QTimer;

namespace kengele {

class Access;
class BackupScheduler;

// The window's view of the church's computers (docs/architecture.md, "Several computers: the
// window"): what the sync engine says of this computer (waiting to be let in, with its safety code;
// just let in; offline) and the list of the church's computers, asked of the relay through the
// engine every PollMs while the window is open and this computer holds the keys. A computer waiting
// to join shows only in that list (the relay sends no event for it), so the list is the one way to
// notice it; once a minute is soon enough for a person who walks from one computer to the other.
//
// For an administrator it also asks the engine for the safety code of each computer that waits
// (SyncEngine::approve without a code: this computer's keys go to the newcomer, nothing is granted),
// so the notice can ask "does the laptop show the same?"; letIn() then approves with that code and
// the engine compares it again. The banner, Settings → Computers and the status bar all read this.
class ComputersWatcher final : public QObject
{
    Q_OBJECT

public:
    static constexpr int PollMs = 60'000;
    static constexpr int EngineCheckMs = 2'000; // the engine's own state (in memory, no relay call)

    // `engine` may be null (not connected to a relay); `access` says whether an administrator is here.
    ComputersWatcher(SyncEngine *engine, const Access &access, QObject *parent = nullptr);

    enum class Stage {
        NotConnected, // no engine, or not connected to a relay
        Starting, // connected; the engine has not said yet
        Waiting, // this computer waits for an administrator's approval
        Joined, // it was just let in: the congregation's data is coming
        Member, // holds the keys and shares changes
    };
    Stage stage() const { return m_stage; }
    QString newcomerCode() const { return m_newcomerCode; }
    // Let in, with data of its own and nothing chosen about it: what it holds; else empty.
    QString ownDataToChooseFor() const { return m_ownData; }
    // This computer's own contacts join the church's data (SyncEngine::chooseForOwnData).
    void mergeOwnData();
    // Or they are kept in an encrypted backup (JoinChoices::backUpOwnData) and this computer starts
    // from the church's data. The saved backup passphrase is used; without one `askPassphrase` is
    // asked for one ("" cancels). Says how it went through finished().
    void startFromChurchData(const std::function<QString()> &askPassphrase);
    // Where backups go (the window's scheduler); starting from the church's data needs it.
    void setBackups(BackupScheduler *backups) { m_backups = backups; }
    bool canBackUp() const { return m_backups != nullptr; }
    // Batches received since this computer was let in (for "Receiving the data…").
    int receivedSinceJoin() const { return m_received; }
    bool isOffline() const { return m_offline; }
    QString lastProblem() const { return m_problem; }

    const QList<SyncDeviceEntry> &devices() const { return m_devices; }
    bool devicesKnown() const { return m_devicesKnown; }
    // Approved computers other than this one, not removed.
    int otherComputers() const;
    // Computers waiting to be let in (not this one), and those still to be answered in the banner.
    QList<SyncDeviceEntry> waitingComputers() const;
    QList<SyncDeviceEntry> undismissedWaiting() const;
    // The safety code the engine computed for a waiting computer; empty while it is not known.
    QString safetyCodeFor(const QString &device) const { return m_codes.value(device); }
    bool isAskingCodeFor(const QString &device) const { return m_asking.contains(device); }
    bool isAdministrator() const;
    bool isBusy() const { return !m_busy.isEmpty(); }

    // The application's engine (it outlives windows); nullptr: not connected.
    void setEngine(SyncEngine *engine);
    SyncEngine *engine() const { return m_engine; }

    // Asks the relay for the list again now (Settings → Computers opens; after an approval).
    void refresh();
    // An administrator: the safety code of a waiting computer (approve without a code).
    void askSafetyCode(const QString &device);
    // "Yes, let it in": approves with the code shown (the engine compares it with its own).
    void letIn(const QString &device);
    // "No": the banner stops asking for this computer until the window is opened again.
    void dismiss(const QString &device);
    void remove(const QString &device);

    // What the window shows without a relay (the screenshot tour and the tests of the tab).
    void showState(Stage stage, const QString &newcomerCode = {});
    void showDevices(const QList<SyncDeviceEntry> &devices);
    void showSafetyCode(const QString &device, const QString &code);
    // Let in, waiting for the choice about this computer's own data ("412 contacts"; "" none).
    void showOwnData(const QString &ownData);
    void showOffline(bool offline, const QString &problem = {});

Q_SIGNALS:
    void changed();
    // Contacts, groups or templates came from another computer: the pages read them again.
    void dataArrived();
    // An answer to a person's act (let in, removed, refused): for a message box or the status bar.
    void finished(const QString &message, bool ok);

private:
    void checkEngine();
    void engineWaiting(const QString &code);
    void engineJoined();
    void engineApplied();
    void askCodesOfWaiting();

    QPointer<SyncEngine> m_engine;
    BackupScheduler *m_backups = nullptr;
    QList<QMetaObject::Connection> m_engineConnections;
    const Access &m_access;
    QTimer *m_poll = nullptr;
    QTimer *m_engineCheck = nullptr;
    Stage m_stage = Stage::NotConnected;
    QString m_newcomerCode;
    QString m_ownData;
    int m_received = 0;
    bool m_offline = false;
    QString m_problem;
    QList<SyncDeviceEntry> m_devices;
    bool m_devicesKnown = false;
    bool m_listing = false;
    QMap<QString, QString> m_codes;
    QSet<QString> m_asking;
    QSet<QString> m_dismissed;
    QSet<QString> m_busy;
};

} // namespace kengele
