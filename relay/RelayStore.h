// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Purchase.h"
#include "RelaySync.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QStringList>

#include <expected>
#include <functional>
#include <memory>
#include <optional>

namespace kengele::relay {

// Where the relay keeps its data: a SQLite file (one relay process) or a PostgreSQL database
// (several relay processes behind a load balancer). Parsed from "sqlite:PATH" or
// "postgres://user[:password]@host[:port]/db[?sslmode=...]".
struct DatabaseLocation {
    enum class Kind { Sqlite, Postgres };
    Kind kind = Kind::Sqlite;
    QString path; // SQLite file
    QString host, user, password, database, options;
    int port = 5432;

    static std::expected<DatabaseLocation, QString> parse(const QString &text);
    QString describe() const; // for logs and messages: never the password
};

struct Organisation {
    QString id; // org_…
    QString name;
    QByteArray secretHash; // SHA-256 of the hook path secret
    qint64 lastSeq = 0;
    qint64 createdAt = 0;
};

struct Device {
    QString id; // dev_…
    QString orgId;
    QString name;
    qint64 createdAt = 0;
    qint64 lastSeenAt = 0;
    qint64 revokedAt = 0; // 0 = active
    qint64 approvedAt = 0; // 0 = pending: waits for an approved device to let it in (docs/relay.md, sync)
    bool approved() const { return approvedAt != 0; }
};

// One provider callback that passed validation, ready to become an event.
struct HookEvent {
    QString orgId;
    QString kind; // at.delivery, at.inbound, at.optout, daraja.stk, daraja.validation, daraja.confirmation
    QString dedupeKey; // the provider's id for this callback
    QByteArray data; // a JSON object, UTF-8
    qint64 receivedAt = 0; // UTC ms
};

struct StoredEvent {
    qint64 seq = 0;
    QString kind;
    qint64 receivedAt = 0;
    QByteArray data;
};

// A body that failed validation: kept for an operator, never an event.
struct QuarantinedBody {
    qint64 id = 0;
    QString orgId;
    QString kind;
    QString reason;
    QString contentType;
    QString remote;
    QByteArray body;
    qint64 receivedAt = 0;
};

// A desktop's audit trail head as it was on one UTC day (POST /v1/audit-anchor): how many entries
// the trail had and the last one's hash. Nothing else of the congregation's.
struct AuditAnchorRecord {
    QString deviceId;
    QString orgId;
    QString day; // yyyy-MM-dd, UTC
    qint64 entries = 0;
    QString hash; // 64 lowercase hex
    qint64 receivedAt = 0; // UTC ms
};

enum class EnrolProblem { UnknownCode, UsedCode, ExpiredCode, Storage };

// What became of each hook RelayStore::append() was given.
enum class EventOutcome { Stored, Duplicate, Failed };
enum class QuarantineOutcome { Kept, Failed };
struct AppendOutcome {
    QList<EventOutcome> events; // one per event, in order
    QList<QuarantineOutcome> quarantined; // one per quarantined body, in order
    QStringList failures; // why items failed, for the log: error codes and ids, never the data
};

// The relay's store. SQL is written once for both engines; the few differences (auto ids, binary
// columns, row locks, notifications, savepoint statements) are in one place each. One instance per thread.
class RelayStore final
{
public:
    ~RelayStore();
    RelayStore(const RelayStore &) = delete;
    RelayStore &operator=(const RelayStore &) = delete;

    // Opens the database and brings its tables up to date. `connectionName` must be unique in
    // the process.
    static std::expected<std::unique_ptr<RelayStore>, QString> open(const DatabaseLocation &location,
                                                                    const QString &connectionName);

    bool isPostgres() const { return m_postgres; }
    QSqlDatabase database() const;
    bool ping();

    // Organisations
    std::expected<Organisation, QString> createOrganisation(const QString &id, const QString &name, const QByteArray &secretHash,
                                                            qint64 now);
    std::optional<Organisation> organisation(const QString &id);
    // The organisation's hook secret hash, empty when there is no such organisation. Does the same
    // work whether or not it exists, so its timing does not tell (docs/relay.md).
    QByteArray hookSecretHash(const QString &orgId);
    std::expected<QList<Organisation>, QString> organisations();
    std::expected<void, QString> setSecretHash(const QString &orgId, const QByteArray &secretHash);
    // After a restore from a backup: moves every organisation's sequence `by` ahead, so new events
    // get numbers no desktop has seen (a desktop's cursor may be past the backup's last event).
    std::expected<int, QString> advanceSequences(qint64 by);

    // Enrolment codes and devices. enrol() stores the name as cleanDeviceName() makes it.
    std::expected<void, QString> addEnrolCode(const QString &orgId, const QByteArray &codeHash, qint64 expiresAt, qint64 now);
    std::expected<Device, EnrolProblem> enrol(const QByteArray &codeHash, const QString &deviceId, const QString &name,
                                              const QByteArray &tokenHash, qint64 now);
    std::optional<Device> deviceByTokenHash(const QByteArray &tokenHash);
    // A desktop's name as the relay keeps it: one line of at most 100 characters for an operator's
    // terminal (control characters become a space), "Desktop" when nothing is left.
    static QString cleanDeviceName(const QString &name);
    std::expected<QList<Device>, QString> devices(const QString &orgId);
    // false when there is no such device
    std::expected<bool, QString> revokeDevice(const QString &deviceId, qint64 now);
    // The operator approves a pending device (`device approve`); false when there is no such
    // device still enrolled and waiting. Appends device.approved {"device","by":"operator"}.
    std::expected<bool, QString> approveDevice(const QString &deviceId, qint64 now);
    void touchDevice(const QString &deviceId, qint64 now);
    // The device exists and is not revoked (checked again before a held long poll is answered).
    bool isDeviceActive(const QString &deviceId);

    // Events. Appends the events and quarantined bodies in one transaction (group commit), each
    // in its own savepoint: an item the database refuses is rolled back alone and reported
    // Failed, and the others are committed. Events of one organisation get consecutive sequence
    // numbers, committed in order; a failed or duplicate event takes none. The error: nothing
    // was stored (the transaction itself failed).
    std::expected<AppendOutcome, QString> append(const QList<HookEvent> &events, const QList<QuarantinedBody> &quarantined);
    std::expected<QList<StoredEvent>, QString> eventsAfter(const QString &orgId, qint64 after, int limit);
    std::expected<QList<QuarantinedBody>, QString> quarantine(const QString &orgId, int limit);

    // Buying tokens (RelayPurchaseStore.cpp). Hook secrets, M-Pesa credentials and Daraja
    // tokens are given and returned sealed (MasterKey); the store never sees them in plain text.
    std::expected<void, QString> setHookSecretSealed(const QString &orgId, const QString &sealed);
    QString hookSecretSealed(const QString &orgId); // empty: none (an organisation from before schema 2)
    std::expected<void, QString> setMpesaSettings(const MpesaSettings &settings);
    std::expected<std::optional<MpesaSettings>, QString> mpesaSettings(const QString &orgId);
    std::expected<void, QString> setPrices(const QString &orgId, const OrgPrices &prices);
    std::expected<OrgPrices, QString> prices(const QString &orgId);
    // The relay's voucher key pair, shared by every relay process through the database: the
    // public key and the sealed secret key (made by the first process that needs one).
    struct SealedKeyPair {
        QByteArray publicKey;
        QString secretSealed;
    };
    std::expected<SealedKeyPair, QString> voucherKey(const std::function<SealedKeyPair()> &make);

    // Inserts a new purchase; when its request id is already known, nothing is inserted and the
    // purchase that has it is returned with `false`.
    std::expected<std::pair<Purchase, bool>, QString> insertPurchase(const Purchase &purchase);
    std::expected<std::optional<Purchase>, QString> purchaseByRequest(const QString &orgId, const QString &requestId);
    std::expected<bool, QString> phoneBusy(const QString &orgId, const QString &phone, qint64 since);
    std::expected<std::optional<Purchase>, QString> purchase(const QString &id);
    std::expected<std::optional<Purchase>, QString> purchaseByCheckout(const QString &orgId, const QString &checkoutId);
    std::expected<QList<Purchase>, QString> purchases(const QString &orgId, int limit); // newest first
    std::expected<void, QString> setPushed(const QString &id, const QString &checkoutId, const QString &merchantId,
                                           qint64 nextQueryAt, qint64 now);
    // A callback came for this checkout: the purchase (still waiting) is due now. Its id, or empty.
    std::expected<QString, QString> markCallback(const QString &orgId, const QString &checkoutId, qint64 now);
    // Waiting purchases whose time to be checked has come and that no process owns.
    std::expected<QList<Purchase>, QString> duePurchases(qint64 now, int limit);
    // One process owns a purchase while it checks it (a conditional UPDATE: two processes never both win).
    std::expected<bool, QString> claimPurchase(const QString &id, const QString &owner, qint64 until, qint64 now);
    std::expected<void, QString> releasePurchase(const QString &id, const QString &owner, qint64 nextQueryAt, bool countAttempt);
    // Moves a waiting purchase to paid or failed and appends its events, in one transaction.
    // false: it was no longer waiting (another process finished it): nothing changed.
    std::expected<bool, QString> finishPurchase(const Purchase &finished, const QList<OwnEvent> &events, qint64 now);
    // Appends events of the relay's own in one transaction (dedupe keys make it idempotent).
    std::expected<void, QString> appendOwnEvents(const QString &orgId, const QList<OwnEvent> &events, qint64 now);
    // At start: purchases whose callback is stored become due now; on SQLite (one process)
    // claims left by a process that died are dropped.
    std::expected<void, QString> resumePurchases(qint64 now);
    // The stored daraja.stk callback for a checkout, or empty.
    QByteArray stkCallback(const QString &orgId, const QString &checkoutId);

    // Daraja's OAuth token per organisation, shared by all processes (a new token invalidates
    // the old one, so only the process holding the lease mints).
    struct CachedToken {
        QString sealed;
        qint64 expiresAt = 0;
        qint64 leaseUntil = 0;
    };
    std::expected<CachedToken, QString> darajaToken(const QString &orgId);
    std::expected<bool, QString> leaseTokenMint(const QString &orgId, const QString &owner, qint64 until, qint64 now);
    std::expected<void, QString> storeDarajaToken(const QString &orgId, const QString &owner, const QString &sealed,
                                                  qint64 expiresAt);
    std::expected<void, QString> releaseTokenLease(const QString &orgId, const QString &owner);
    std::expected<void, QString> forgetDarajaToken(const QString &orgId);

    // Audit anchors (RelayAuditStore.cpp). Keeps one per device and UTC day (the one received last
    // wins) and that device's newest `keep` days; older ones are removed in the same transaction.
    std::expected<void, QString> putAuditAnchor(const AuditAnchorRecord &anchor, int keep);
    // The device's anchors, newest day first.
    std::expected<QList<AuditAnchorRecord>, QString> auditAnchors(const QString &deviceId, int limit);

    // Several computers, one congregation (RelaySyncStore.cpp, docs/relay.md). Each step runs in
    // one transaction that first locks the organisation's row, so steps of one organisation are
    // serialised across relay processes; a step that appends an event (device.approved,
    // device.removed, keys.rotated) does it in the same transaction, and PostgreSQL notifies the
    // other processes on commit.
    std::expected<JoinRecord, SyncProblem> joinCommit(const Device &newcomer, const QString &commitment, qint64 now);
    std::expected<std::optional<JoinRecord>, QString> joinState(const QString &deviceId);
    std::expected<JoinRecord, SyncProblem> joinKeys(const Device &approver, const QString &deviceId, const QString &keys,
                                                    qint64 now);
    std::expected<JoinRecord, SyncProblem> joinReveal(const Device &newcomer, const QString &reveal, qint64 now);
    std::expected<JoinRecord, SyncProblem> joinApprove(const Device &approver, const QString &deviceId, const QString &grant,
                                                       qint64 now);
    std::expected<JoinRecord, SyncProblem> joinRefuse(const Device &approver, const QString &deviceId, qint64 now);
    std::expected<JoinRequestList, QString> joinRequests(const QString &orgId);
    // Revokes a device of `by`'s organisation (NotFound for any other id) and tells the others.
    std::expected<void, SyncProblem> removeDevice(const Device &by, const QString &deviceId, qint64 now);
    // Stores a change batch under the device's next sequence number (idempotent by device and seq).
    std::expected<ChangeReceipt, SyncProblem> postChange(const Device &device, qint64 deviceSeq, qint64 epoch,
                                                         const QByteArray &batch, qint64 now);
    // Changes after `after`, at most `limit` and (beyond the first) at most `maxBytes` of batches.
    std::expected<ChangePage, QString> changesAfter(const QString &orgId, qint64 after, int limit, qint64 maxBytes);
    std::expected<int, SyncProblem> putKeyGrants(const Device &from, qint64 epoch,
                                                 const QList<std::pair<QString, QString>> &grants, qint64 now);
    std::expected<QList<KeyGrantRecord>, QString> keyGrants(const QString &deviceId, qint64 afterEpoch);
    // The device has applied the changes up to `after` (it asks for those after it). When that
    // moves the slowest approved computer on, the changes the snapshot covers and all have read go.
    std::expected<void, QString> noteChangesSeen(const Device &device, qint64 after, qint64 now);
    // One part of a snapshot upload; the part that completes it makes it the organisation's
    // snapshot, drops the older ones and deletes the changes it covers that every approved
    // computer has read (compactChanges).
    std::expected<SnapshotRecord, SyncProblem> putSnapshotPart(const Device &device, int part, int parts, qint64 covers,
                                                               qint64 epoch, const QByteArray &data, qint64 now);
    std::expected<std::optional<SnapshotRecord>, QString> currentSnapshot(const QString &orgId);
    // Inside a locked transaction: deletes the changes up to min(`covers`, the lowest
    // changes_seen of the approved computers seen in the last HoldCompactionDays days that have
    // read any); returns how many went.
    std::expected<qint64, QString> compactChanges(const QString &orgId, qint64 covers, qint64 now);
    static constexpr qint64 HoldCompactionDays = 90;
    std::expected<std::optional<QByteArray>, QString> snapshotPart(const QString &orgId, qint64 snapshotId, int part);

    // PostgreSQL only: ask to be told when another relay process appends events. The driver's
    // notification() signal then carries the organisation id.
    bool subscribeToEvents();
    static QString eventsChannel();

private:
    RelayStore(const QString &connectionName, bool postgres);
    std::expected<void, QString> migrate();
    std::expected<void, QString> exec(const QString &sql);
    bool begin();
    QSqlQuery &prepared(const QString &sql); // prepared once per store, reused
    // Inside an open transaction: appends events of one organisation (locking its row).
    std::expected<void, QString> appendLocked(const QString &orgId, const QList<OwnEvent> &events, qint64 now);
    // Sync (RelaySyncStore.cpp): opens a transaction and locks the organisation's row.
    std::expected<void, SyncProblem> beginLocked(const QString &orgId);
    std::expected<qint64, QString> bumpJoinVersion(const QString &orgId);
    std::expected<std::optional<JoinRecord>, QString> joinRow(const QString &deviceId);
    std::expected<void, QString> saveJoin(const JoinRecord &join);
    void notifyOrg(const QString &orgId);
    // A store error for logs and messages: the driver's generic text and the engine's error code
    // (SQLSTATE on PostgreSQL), never the database's own text, which may quote the statement
    // and the values in it (a payment body).
    QString error(const QSqlError &sqlError) const;
    QString error(const QSqlQuery &query) const;

    QString m_connectionName;
    bool m_postgres = false;
    QHash<QString, QSqlQuery> m_prepared;
};

} // namespace kengele::relay
