// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "BatchCipher.h"
#include "DeviceIdentity.h"
#include "DeviceRoster.h"
#include "JoinChoice.h"
#include "JoinNewcomer.h"
#include "OrgKeyRing.h"
#include "RelayClientSync.h"
#include "RelayError.h"
#include "ReplicaApplier.h"
#include "SnapshotService.h"
#include "common/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QMap>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

namespace kengele {

class Access;
class Clock;
class Database;
class RelayClient;
class SecretStore;

// Where this computer stands in the organisation's sync (`sync status`, the window's indicator).
struct SyncEngineStatus {
    bool ready = false; // holds the keys: its changes go out, the others' come in
    bool waitingForApproval = false;
    QString safetyCode; // while waiting, once it can be computed ("4821 1934")
    qint64 pendingOut = 0; // changes not yet accepted by the relay
    std::optional<qint64> lastIn; // UTC ms
    qint64 conflicts = 0;
    qint64 parked = 0; // batches waiting (a number missing before them, or a computer not yet known)
    qint64 refused = 0; // batches refused since this computer joined
    QMap<QString, qint64> refusals; // by BatchCipher::code
    qint64 cursor = 0; // the relay's change feed applied up to here
    quint32 epoch = 0; // the key epoch new batches are sealed with
    // {"pending_out","last_in","conflicts","parked","refused","refusals","waiting_for_approval"[,"safety_code"]}
    QJsonObject toJson() const;
};

// One of the organisation's computers (`devices list`): the relay's list and this computer's roster.
struct SyncDeviceEntry {
    QString device;
    QString name;
    QString user; // not known to the relay yet: empty
    bool approved = false;
    bool pending = false;
    bool removed = false;
    bool inRoster = false; // its keys are known here (from inside the organisation's data)
    QDateTime lastSeen;
    bool isThis = false;
    // {"device","name","user","approved","last_seen","this"} (+ "pending","removed","trusted")
    QJsonObject toJson() const;
};

struct SyncApproval {
    QString device;
    QString name;
    QString safetyCode;
    bool approved = false; // false: the code is shown, run again with it to approve
};

// Sync of shared data between the organisation's computers through the relay (docs/architecture.md,
// "Several computers: the sync engine"). Pushes this computer's change log as encrypted, signed
// batches (ChangeLog → SyncOpCodec → BatchCipher::seal → POST /v1/changes); pulls the others'
// (GET /v1/changes → BatchCipher::open → SyncOpCodec → ReplicaApplier, with the sender's progress and
// the cursor in the same transaction). Also the first computer's keys (founding), the newcomer's
// side of a join, approving and removing computers. Lives on the thread of its database connection.
class SyncEngine final : public QObject
{
    Q_OBJECT

public:
    struct Options {
        int waitSeconds = 25; // long poll of the change feed
        int watchMs = 200; // how often the change log is looked at for new local changes
        qint64 retryMs = 2'000; // after a failure, before trying again
        int approveWaitSeconds = 120; // how long `approve` waits for the new computer's code
        int pageLimit = 200;
        bool snapshots = true; // fill a new computer from the relay's snapshot; upload by SnapshotPolicy
        qint64 snapshotCheckMs = 3600'000; // how often SnapshotPolicy is asked (after a pull that caught up)
        // How often, at most, the states of the messages this computer sends are published while
        // running (CampaignStatePublisher); syncOnce always publishes.
        int statesEveryMs = 2'000;
    };

    SyncEngine(Database &database, SecretStore &secrets, RelayClient &client, const Clock &clock, QObject *parent = nullptr);
    ~SyncEngine() override;

    void setOptions(const Options &options) { m_options = options; }
    // Who is at the computer: approving and removing computers need Permission::Administer (the
    // desktop and the CLI hand it the profile's Access; without one, as in the core's own tests,
    // everything is allowed).
    void setAccess(const Access *access) { m_access = access; }

    using Done = std::function<void(Status)>;

    // Reads the link, this computer's keys and the key ring; founds the organisation's keys when
    // this is its first computer; else, when not approved yet, starts (or goes on with) the join.
    void prepare(Done done);

    // Keeps syncing until stop(): local changes go out within watchMs, the others' are long-polled.
    // A pending computer first goes through its join (long-polled) and then syncs.
    void start();
    void stop();
    bool isRunning() const { return m_running; }

    // One round: join step (no waiting) or push everything, pull until caught up, push again.
    void syncOnce(Done done);
    // Hands this computer's changes to the relay now.
    void pushNow(Done done);

    Result<SyncEngineStatus> status() const;
    // This computer's id at the relay (empty before prepare()).
    QString deviceId() const { return m_deviceId; }
    bool isReady() const { return m_ready; }
    bool isWaitingForApproval() const { return m_waiting; }
    QString safetyCode() const;
    // Let in, but waiting for the choice about this computer's own data (JoinChoices): what it holds
    // ("412 contacts and 6 groups"); empty when not waiting for it.
    QString ownDataWaitingForChoice() const { return m_ownDataChoice; }
    // Keeps the choice (JoinChoices::save) and goes on at once. StartFromChurch: the caller has
    // made a backup first.
    Status chooseForOwnData(JoinChoice choice);

    // Approving a computer waiting to join (an administrator's act: refused with Forbidden otherwise).
    // Sends this computer's keys (or picks up its earlier answer), waits up to approveWaitSeconds for
    // the new computer's reveal, computes the safety code; without `expectedCode` answers the code
    // (approved false; the code empty when the new computer did not reveal in time: run again once it
    // synced); with one, refuses when it differs, else grants the keys and writes the new computer's
    // roster entry as a replicated change.
    void setApproveWaitSeconds(int seconds) { m_options.approveWaitSeconds = seconds; }
    void approve(const QString &device, const QString &expectedCode, std::function<void(Result<SyncApproval>)> done);
    // Removes a computer: the relay revokes it, its roster entry is marked removed (epoch and feed
    // position), a new key epoch is made and granted to the computers that remain.
    void removeDevice(const QString &device, Done done);
    void listDevices(std::function<void(Result<QList<SyncDeviceEntry>>)> done);

    // Puts this computer's snapshot of the shared data on the relay now, whatever SnapshotPolicy
    // says: sends its own changes, reads everyone's, then writes and uploads (SnapshotService). The
    // relay then deletes the changes it covers once every computer has read them.
    void uploadSnapshot(std::function<void(Result<SnapshotUploaded>)> done);

Q_SIGNALS:
    void changesApplied();
    void waitingForApproval(const QString &safetyCode);
    void joined();
    void failed(const QString &message);
    // A new computer loading the church's data from the relay's snapshot: `loaded` of `total` rows;
    // `contactsReady` once the contact list can show them.
    void filling(qint64 loaded, qint64 total, bool contactsReady);
    // Let in, with data of its own and no choice made about it (JoinChoices::save, then sync again).
    void ownDataChoiceNeeded(const QString &ownData);

private:
    struct Outgoing;
    void pushStep(Done done);
    void postOutgoing(qint64 seq, qint64 epoch, QByteArray blob, qint64 upTo, Done done);
    void pullUntilCaughtUp(Done done);
    void pullPage(int waitSeconds, std::function<void(Result<bool>)> done); // more?
    void withRotations(quint32 neededEpoch, Done done);
    Status processChange(const RelayChange &change);
    enum class Outcome { Applied, Refused, Parked, Failed };
    Outcome openAndApply(const BatchLabel &label, const QByteArray &blob, const ReplicaApplier::AlsoInside &also,
                         QString *failure);
    Status park(const RelayChange &change, const QString &reason);
    Status retryParked();
    Status setCursor(const QSqlDatabase &db, qint64 cursor);
    qint64 cursor() const;
    DeviceProgress progressOf(const QString &device) const;
    void joinStep(int waitSeconds, Done done);
    void handleJoinState(const RelayJoinState &state, Done done);
    Status found();
    void clearJoin();
    // Snapshots (SyncEngineSnapshots.cpp).
    // An empty profile at the start of the feed, or (`behindCompaction`) one the relay answered 410.
    void fillFromSnapshot(bool behindCompaction, Done done);
    void maybeUploadSnapshot();
    void uploadWhenCaughtUp(std::function<void(Result<SnapshotUploaded>)> done, int attempts);
    QCborMap engineState() const;
    Status takeEngineState(const QCborMap &state, qint64 covers);
    void loop();
    void scheduleLoop(qint64 ms);
    void watch();
    bool hasOutgoing() const;
    qint64 nowMs() const;
    Result<QList<DeviceRecord>> rosterWith(const DeviceRecord &extra) const;

    Status mayAdminister() const;

    Database &m_database;
    const Access *m_access = nullptr;
    SecretStore &m_secrets;
    RelayClient &m_client;
    const Clock &m_clock;
    Options m_options;
    ReplicaApplier m_applier;
    DeviceRoster m_roster;
    QString m_org;
    QString m_deviceId;
    QString m_name;
    std::optional<DeviceIdentity> m_identity;
    OrgKeyRing m_ring;
    std::unique_ptr<BatchCipher> m_cipher;
    std::unique_ptr<JoinNewcomer> m_join;
    qint64 m_joinVersion = -1;
    QByteArray m_joinRequest;
    bool m_prepared = false;
    bool m_ready = false;
    bool m_waiting = false;
    bool m_running = false;
    bool m_pushing = false;
    bool m_pushAgain = false;
    bool m_publishStatesNow = true; // the next push publishes the states first, whatever the time
    QElapsedTimer m_sincePublished;
    bool m_pulling = false;
    QString m_ownDataChoice;
    bool m_snapshotChecked = false; // the relay was asked for a snapshot to fill from
    bool m_uploading = false;
    qint64 m_accepted = 0; // batches the relay accepted from this computer while this program ran
    qint64 m_lastPolicyAt = 0; // UTC ms, SnapshotPolicy last asked
    int m_failures = 0;
    QTimer m_watchTimer;
    QTimer m_loopTimer;
};

} // namespace kengele
