// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "BatchCipher.h"
#include "DeviceIdentity.h"
#include "DeviceRoster.h"
#include "JoinNewcomer.h"
#include "OrgKeyRing.h"
#include "RelayClientSync.h"
#include "RelayError.h"
#include "ReplicaApplier.h"
#include "common/Result.h"

#include <QCoreApplication>
#include <QDateTime>
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

Q_SIGNALS:
    void changesApplied();
    void waitingForApproval(const QString &safetyCode);
    void joined();
    void failed(const QString &message);

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
    bool m_pulling = false;
    int m_failures = 0;
    QTimer m_watchTimer;
    QTimer m_loopTimer;
};

} // namespace kengele
