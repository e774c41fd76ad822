// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "SyncEngine.h"

#include "CampaignStatePublisher.h"

#include "ChangeLog.h"
#include "JoinApprover.h"
#include "JoinChoice.h"
#include "KeyGrant.h"
#include "RelayClient.h"
#include "RelayLinkStore.h"
#include "ReplicaSqlFunctions.h"
#include "SafetyCode.h"
#include "SyncLog.h"
#include "SyncOpCodec.h"
#include "common/Clock.h"
#include "security/SecretStore.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

#include <QJsonArray>

#include <QPointer>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace kengele {

namespace {

// The newcomer's join nonce, between its request and its reveal.
constexpr const char *JoinNonceSecret = "sync/join-nonce";

Error storage(const QSqlQuery &q, const QString &what)
{
    return Database::storageError(q.lastError(), what);
}

} // namespace

QJsonObject SyncEngineStatus::toJson() const
{
    QJsonObject out{
        {u"pending_out"_s, pendingOut},
        {u"last_in"_s,
         lastIn ? QJsonValue(QDateTime::fromMSecsSinceEpoch(*lastIn, Qt::UTC).toString(Qt::ISODateWithMs)) : QJsonValue()},
        {u"conflicts"_s, conflicts},
        {u"parked"_s, parked},
        {u"refused"_s, refused},
        {u"waiting_for_approval"_s, waitingForApproval},
        {u"ready"_s, ready},
        {u"epoch"_s, qint64(epoch)},
    };
    QJsonObject codes;
    for (auto it = refusals.cbegin(); it != refusals.cend(); ++it)
        codes.insert(it.key(), it.value());
    out.insert(u"refusals"_s, codes);
    if (!safetyCode.isEmpty())
        out.insert(u"safety_code"_s, safetyCode);
    return out;
}

QJsonObject SyncDeviceEntry::toJson() const
{
    return QJsonObject{
        {u"device"_s, device},
        {u"name"_s, name},
        {u"user"_s, user.isEmpty() ? QJsonValue() : QJsonValue(user)},
        {u"approved"_s, approved},
        {u"pending"_s, pending},
        {u"removed"_s, removed},
        {u"trusted"_s, inRoster},
        {u"last_seen"_s, lastSeen.isValid() ? QJsonValue(lastSeen.toUTC().toString(Qt::ISODate)) : QJsonValue()},
        {u"this"_s, isThis},
    };
}

SyncEngine::SyncEngine(Database &database, SecretStore &secrets, RelayClient &client, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_secrets(secrets)
    , m_client(client)
    , m_clock(clock)
    , m_applier(database, clock)
    , m_roster(database)
{
    m_watchTimer.setSingleShot(false);
    connect(&m_watchTimer, &QTimer::timeout, this, &SyncEngine::watch);
    m_loopTimer.setSingleShot(true);
    connect(&m_loopTimer, &QTimer::timeout, this, &SyncEngine::loop);
}

SyncEngine::~SyncEngine() = default;

qint64 SyncEngine::nowMs() const
{
    return m_clock.nowUtc().toMSecsSinceEpoch();
}

QString SyncEngine::safetyCode() const
{
    return m_join ? m_join->safetyCode() : QString();
}

// --- preparing, founding, joining -------------------------------------------------------------

void SyncEngine::prepare(Done done)
{
    if (m_prepared && (m_ready || m_waiting)) {
        done({});
        return;
    }
    RelayLinkStore links(m_database, m_clock);
    Result<RelayLink> link = links.load();
    if (!link) {
        done(std::unexpected(link.error()));
        return;
    }
    if (!link->isEnrolled()) {
        done(fail(ErrorCode::NotFound, tr("This computer is not connected to the relay yet.")));
        return;
    }
    m_org = link->org;
    m_deviceId = link->device;
    if (!m_identity) {
        Result<DeviceIdentity> identity = DeviceIdentity::loadOrCreate(m_secrets);
        if (!identity) {
            done(std::unexpected(identity.error()));
            return;
        }
        m_identity = std::move(*identity);
    }
    Result<std::optional<OrgKeyRing>> ring = OrgKeyRing::load(m_secrets);
    if (!ring) {
        done(std::unexpected(ring.error()));
        return;
    }
    if (!m_cipher)
        m_cipher = std::make_unique<BatchCipher>(m_org, m_ring);
    if (*ring && !(*ring)->isEmpty()) {
        m_ring = std::move(**ring);
        m_prepared = true;
        m_ready = true;
        m_waiting = false;
        done({});
        return;
    }
    QPointer<SyncEngine> self(this);
    m_client.fetchOwnDevice([self, done](RelayResult<RelayDeviceInfo> own) {
        if (!self)
            return;
        if (!own) {
            done(std::unexpected(own.error().toError()));
            return;
        }
        self->m_name = own->name;
        // Approved while this program was not running: the grant waits in the join, taken up there.
        QSqlQuery joining(self->m_database.connection());
        const bool joinKept
            = joining.exec(u"SELECT 1 FROM sync_engine WHERE id = 1 AND join_reveal IS NOT NULL"_s) && joining.next();
        if (own->pending || joinKept) {
            self->m_prepared = true;
            self->m_waiting = true;
            QSqlQuery(self->m_database.connection()).exec(u"UPDATE sync_engine SET waiting = 1 WHERE id = 1"_s);
            done({});
            return;
        }
        // Approved, and no keys here: the organisation's first computer makes them, unless another
        // approved computer exists (then this one lost its keys and must be joined again).
        self->m_client.fetchDevices([self, done](RelayResult<QList<RelayDeviceInfo>> devices) {
            if (!self)
                return;
            if (!devices) {
                done(std::unexpected(devices.error().toError()));
                return;
            }
            for (const RelayDeviceInfo &d : *devices) {
                if (!d.isThis && d.approved && !d.revoked) {
                    done(fail(ErrorCode::Conflict,
                              tr("This computer is approved but does not hold the congregation's keys. "
                                 "Remove it on another computer and connect it again.")));
                    return;
                }
            }
            if (Status founded = self->found(); !founded) {
                done(founded);
                return;
            }
            self->m_prepared = true;
            self->m_ready = true;
            done({});
        });
    });
}

void SyncEngine::clearJoin()
{
    (void)m_secrets.removeNow(QString::fromLatin1(JoinNonceSecret));
    QSqlQuery(m_database.connection())
        .exec(u"UPDATE sync_engine SET join_request = NULL, join_answer = NULL, join_reveal = NULL WHERE id = 1"_s);
}

Status SyncEngine::found()
{
    OrgKeyRing ring = OrgKeyRing::createFirst();
    if (Status saved = ring.save(m_secrets); !saved)
        return saved;
    m_ring = std::move(ring);
    DeviceRecord me;
    me.id = m_deviceId;
    me.name = m_name;
    me.keys = m_identity->publicKeys();
    me.state = DeviceRecord::State::Approved;
    Result<bool> merged = DeviceRoster::merge(m_database.connection(), me, true, nowMs());
    if (!merged)
        return std::unexpected(merged.error());
    qCInfo(lcSync) << "this computer is the congregation's first: key epoch 1 made";
    return {};
}

void SyncEngine::joinStep(int waitSeconds, Done done)
{
    QPointer<SyncEngine> self(this);
    auto handle = [self, done](RelayResult<RelayJoinState> state) {
        if (!self)
            return;
        if (!state) {
            done(std::unexpected(state.error().toError()));
            return;
        }
        self->handleJoinState(*state, done);
    };
    if (!m_join) {
        m_join = std::make_unique<JoinNewcomer>(*m_identity, m_org, m_deviceId, m_name);
        // A join whose reveal an earlier run sent goes on from there.
        QSqlQuery kept(m_database.connection());
        if (kept.exec(
                u"SELECT join_request, join_answer, join_reveal FROM sync_engine WHERE id = 1 AND join_reveal IS NOT NULL"_s)
            && kept.next()) {
            if (m_join->resume(kept.value(0).toByteArray(), kept.value(1).toByteArray(), kept.value(2).toByteArray())) {
                m_joinVersion = -1;
                m_client.fetchJoinState(-1, 0, handle);
                return;
            }
            clearJoin();
            m_join = std::make_unique<JoinNewcomer>(*m_identity, m_org, m_deviceId, m_name);
        }
        // A request an earlier run sent, not answered then: the same commitment again (the relay
        // takes no other once an approver answered).
        if (kept.exec(u"SELECT join_request FROM sync_engine WHERE id = 1 AND join_request IS NOT NULL"_s) && kept.next()) {
            const QByteArray requestBytes = kept.value(0).toByteArray();
            const Result<QString> nonce = m_secrets.readNow(QString::fromLatin1(JoinNonceSecret));
            if (nonce && !nonce->isEmpty() && m_join->resumeRequest(requestBytes, QByteArray::fromBase64(nonce->toLatin1()))) {
                m_joinRequest = requestBytes;
                m_client.postJoinCommitment(requestBytes, handle);
                return;
            }
            clearJoin();
            m_join = std::make_unique<JoinNewcomer>(*m_identity, m_org, m_deviceId, m_name);
        }
        Result<QByteArray> request = m_join->request();
        if (!request) {
            m_join.reset();
            done(std::unexpected(request.error()));
            return;
        }
        m_joinRequest = *request;
        // The nonce stays secret until the reveal: the keychain, not the data file.
        if (Status kept
            = m_secrets.writeNow(QString::fromLatin1(JoinNonceSecret), QString::fromLatin1(m_join->nonce().toBase64()));
            !kept) {
            m_join.reset();
            done(kept);
            return;
        }
        QSqlQuery keep(m_database.connection());
        keep.prepare(u"UPDATE sync_engine SET join_request = ?, join_answer = NULL, join_reveal = NULL WHERE id = 1"_s);
        keep.addBindValue(*request);
        keep.exec();
        m_client.postJoinCommitment(*request, handle);
        return;
    }
    m_client.fetchJoinState(m_joinVersion, waitSeconds, handle);
}

void SyncEngine::handleJoinState(const RelayJoinState &state, Done done)
{
    m_joinVersion = state.version;
    if (state.state == u"refused"_s) {
        m_join.reset();
        clearJoin();
        done(fail(ErrorCode::Conflict, tr("Another computer refused to let this one in.")));
        return;
    }
    if (state.state == u"keys"_s && m_join->state() == JoinNewcomer::State::WaitingForAnswer) {
        Result<QByteArray> reveal = m_join->answer(state.keys);
        if (!reveal) {
            m_join.reset();
            done(std::unexpected(reveal.error()));
            return;
        }
        {
            // Kept before it goes out: a later run of the program picks the join up from here.
            QSqlQuery keep(m_database.connection());
            keep.prepare(u"UPDATE sync_engine SET join_request = ?, join_answer = ?, join_reveal = ? WHERE id = 1"_s);
            keep.addBindValue(m_joinRequest);
            keep.addBindValue(state.keys);
            keep.addBindValue(*reveal);
            if (!keep.exec()) {
                done(std::unexpected(storage(keep, tr("Keeping the request to join"))));
                return;
            }
        }
        QPointer<SyncEngine> self(this);
        m_client.postJoinReveal(*reveal, [self, done](RelayResult<RelayJoinState> next) {
            if (!self)
                return;
            if (!next) {
                done(std::unexpected(next.error().toError()));
                return;
            }
            Q_EMIT self->waitingForApproval(self->m_join->safetyCode());
            self->handleJoinState(*next, done);
        });
        return;
    }
    if (state.state == u"approved"_s && !state.grant.isEmpty() && m_join->state() == JoinNewcomer::State::ComparingCodes) {
        // Let in: a computer with data of its own that has not said what happens to it waits here,
        // before it takes the keys (the relay keeps the grant).
        if (!JoinChoices::load(m_database.connection())) {
            const Result<OwnSharedData> own = JoinChoices::ownData(m_database);
            if (!own) {
                done(std::unexpected(own.error()));
                return;
            }
            if (!own->isEmpty()) {
                m_ownDataChoice = own->describe();
                Q_EMIT ownDataChoiceNeeded(m_ownDataChoice);
                done(fail(ErrorCode::Conflict,
                          tr("This computer has been let in, and it holds %1 of its own. Choose what happens to them "
                             "before it joins the church's data: merge them with the church's (the same number "
                             "becomes one contact), or keep them in a backup and start from the church's data. "
                             "(kengele-cli: sync own-data merge | sync own-data start-from-church-data)")
                              .arg(m_ownDataChoice)));
                return;
            }
        }
        m_ownDataChoice.clear();
        Result<KeyGrantContents> contents = m_join->grant(state.grant);
        if (!contents) {
            m_join.reset();
            done(std::unexpected(contents.error()));
            return;
        }
        if (Status saved = contents->ring.save(m_secrets); !saved) {
            done(saved);
            return;
        }
        m_ring = std::move(contents->ring);
        const QSqlDatabase db = m_database.connection();
        Transaction transaction(db);
        if (Status began = transaction.began(tr("Saving the list of computers")); !began) {
            done(began);
            return;
        }
        for (const DeviceRecord &record : contents->roster) {
            if (Result<bool> merged = DeviceRoster::merge(db, record, false, nowMs()); !merged) {
                done(std::unexpected(merged.error()));
                return;
            }
        }
        const bool cleared = JoinChoices::load(db) == std::optional(JoinChoice::StartFromChurch);
        if (cleared) {
            // Chosen when it connected (its own data is in a backup): nothing of it goes out.
            if (Status clearedNow = JoinChoices::clearSharedData(db); !clearedNow) {
                done(clearedNow);
                return;
            }
            m_snapshotChecked = false;
        }
        QSqlQuery(db).exec(
            u"UPDATE sync_engine SET waiting = 0, join_request = NULL, join_answer = NULL, join_reveal = NULL WHERE id = 1"_s);
        if (Status committed = transaction.commit(); !committed) {
            done(committed);
            return;
        }
        if (cleared)
            m_database.replicaContext().notifySharedDataChanged(); // this computer's own settings went too
        m_join.reset();
        (void)m_secrets.removeNow(QString::fromLatin1(JoinNonceSecret));
        m_waiting = false;
        m_ready = true;
        qCInfo(lcSync) << "this computer was approved and holds the congregation's keys";
        Q_EMIT joined();
    }
    done({});
}

// --- push --------------------------------------------------------------------------------------

bool SyncEngine::hasOutgoing() const
{
    QSqlQuery q(m_database.connection());
    if (!q.exec(u"SELECT (SELECT out_seq FROM sync_engine WHERE id = 1) > 0 "
                "OR EXISTS (SELECT 1 FROM change_log WHERE seq > (SELECT sent_up_to FROM sync_state WHERE id = 1)) "
                "OR EXISTS (SELECT 1 FROM sync_devices WHERE dirty = 1)"_s)
        || !q.next())
        return false;
    return q.value(0).toBool();
}

void SyncEngine::pushNow(Done done)
{
    if (!m_ready) {
        done({});
        return;
    }
    if (m_pushing) {
        m_pushAgain = true;
        done({});
        return;
    }
    m_pushing = true;
    // The messages' states first, so the batch that follows carries them (at most every
    // statesEveryMs while running; a failure is logged and tried again at the next push).
    if (m_publishStatesNow || !m_sincePublished.isValid() || m_sincePublished.elapsed() >= m_options.statesEveryMs) {
        m_publishStatesNow = false;
        m_sincePublished.start();
        if (const auto published = CampaignStatePublisher(m_database, m_clock).publish(); !published)
            qCWarning(lcSync) << "publishing the messages' states failed:" << published.error().message;
    }
    QPointer<SyncEngine> self(this);
    pushStep([self, done](Status status) {
        if (!self)
            return;
        self->m_pushing = false;
        if (status && std::exchange(self->m_pushAgain, false)) {
            self->pushNow(done);
            return;
        }
        done(status);
    });
}

void SyncEngine::pushStep(Done done)
{
    const QSqlDatabase db = m_database.connection();
    {
        // A batch sealed earlier and not yet accepted goes again, the same bytes under the same number.
        QSqlQuery q(db);
        if (q.exec(u"SELECT out_seq, out_epoch, out_blob, out_up_to FROM sync_engine WHERE id = 1 AND out_seq > 0"_s)
            && q.next()) {
            postOutgoing(q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toByteArray(), q.value(3).toLongLong(),
                         done);
            return;
        }
    }
    ChangeLog log(m_database);
    Result<OutgoingOps> pending = log.pendingOut(500);
    if (!pending) {
        done(std::unexpected(pending.error()));
        return;
    }
    Result<QList<DeviceRecord>> dirty = DeviceRoster::all(db, true);
    if (!dirty) {
        done(std::unexpected(dirty.error()));
        return;
    }
    if (pending->ops.isEmpty() && dirty->isEmpty()) {
        done({});
        return;
    }
    QList<SyncOp> ops;
    for (const DeviceRecord &record : *dirty)
        ops.append(DeviceRoster::toOp(record, quint64(nowMs()), m_deviceId));
    ops.append(pending->ops);
    const QByteArray plain = SyncOpCodec::encodeOps(ops);
    qint64 seq = 1;
    {
        QSqlQuery q(db);
        if (q.exec(u"SELECT next_seq FROM sync_engine WHERE id = 1"_s) && q.next())
            seq = q.value(0).toLongLong();
    }
    Result<SealedBatch> sealed = m_cipher->seal(*m_identity, m_deviceId, quint64(seq), plain);
    if (!sealed) {
        done(std::unexpected(sealed.error()));
        return;
    }
    // The number and the bytes are saved before they are posted: a crash resends exactly these.
    Transaction transaction(db);
    if (Status began = transaction.began(tr("Preparing changes to send")); !began) {
        done(began);
        return;
    }
    QSqlQuery q(db);
    q.prepare(u"UPDATE sync_engine SET out_seq = ?, out_epoch = ?, out_blob = ?, out_up_to = ?, next_seq = ? WHERE id = 1"_s);
    q.addBindValue(seq);
    q.addBindValue(qint64(sealed->label.epoch));
    q.addBindValue(sealed->blob);
    q.addBindValue(pending->upTo);
    q.addBindValue(seq + 1);
    if (!q.exec() || !QSqlQuery(db).exec(u"UPDATE sync_devices SET dirty = 0 WHERE dirty = 1"_s)) {
        done(std::unexpected(storage(q, tr("Preparing changes to send"))));
        return;
    }
    if (Status committed = transaction.commit(); !committed) {
        done(committed);
        return;
    }
    postOutgoing(seq, sealed->label.epoch, sealed->blob, pending->upTo, done);
}

void SyncEngine::postOutgoing(qint64 seq, qint64 epoch, QByteArray blob, qint64 upTo, Done done)
{
    QPointer<SyncEngine> self(this);
    m_client.postChangeBatch(seq, epoch, blob, [self, seq, upTo, done](RelayResult<RelayChangeReceipt> receipt) {
        if (!self)
            return;
        const QSqlDatabase db = self->m_database.connection();
        if (!receipt) {
            const RelayError &error = receipt.error();
            if (error.code == u"seq_gap"_s && error.expected > 0 && error.expected < seq) {
                // The relay lost batches it had accepted (restored from a backup): seal these changes
                // again under the number it expects.
                qCWarning(lcSync) << "relay expects batch" << error.expected << "instead of" << seq << ": sealing again";
                QSqlQuery q(db);
                q.prepare(u"UPDATE sync_engine SET out_seq = 0, out_blob = NULL, next_seq = ? WHERE id = 1"_s);
                q.addBindValue(error.expected);
                q.exec();
                self->pushStep(done);
                return;
            }
            done(std::unexpected(error.toError()));
            return;
        }
        ++self->m_accepted;
        ChangeLog log(self->m_database);
        if (Status sent = log.markSent(upTo); !sent) {
            done(sent);
            return;
        }
        QSqlQuery q(db);
        q.prepare(u"UPDATE sync_engine SET out_seq = 0, out_blob = NULL, out_up_to = 0 WHERE id = 1 AND out_seq = ?"_s);
        q.addBindValue(seq);
        q.exec();
        self->pushStep(done);
    });
}

// --- running -----------------------------------------------------------------------------------

void SyncEngine::syncOnce(Done done)
{
    m_publishStatesNow = true;
    QPointer<SyncEngine> self(this);
    prepare([self, done](Status prepared) {
        if (!self)
            return;
        if (!prepared) {
            done(prepared);
            return;
        }
        if (self->m_waiting) {
            self->joinStep(0, [self, done](Status joined) {
                if (!self)
                    return;
                if (joined && self->m_ready)
                    self->syncOnce(done); // let in just now: fill up at once
                else
                    done(joined);
            });
            return;
        }
        self->pushNow([self, done](Status pushed) {
            if (!self)
                return;
            if (!pushed) {
                done(pushed);
                return;
            }
            self->pullUntilCaughtUp([self, done](Status pulled) {
                if (!self)
                    return;
                if (!pulled) {
                    done(pulled);
                    return;
                }
                self->pushNow(done); // roster entries learnt while pulling are not sent again; own changes made meanwhile are
            });
        });
    });
}

void SyncEngine::start()
{
    if (m_running)
        return;
    m_running = true;
    scheduleLoop(0);
}

void SyncEngine::stop()
{
    m_running = false;
    m_watchTimer.stop();
    m_loopTimer.stop();
}

void SyncEngine::scheduleLoop(qint64 ms)
{
    if (m_running)
        m_loopTimer.start(int(ms));
}

void SyncEngine::watch()
{
    const bool statesDue = !m_sincePublished.isValid() || m_sincePublished.elapsed() >= m_options.statesEveryMs;
    if (m_ready && !m_pushing && (statesDue || hasOutgoing())) {
        QPointer<SyncEngine> self(this);
        pushNow([self](Status pushed) {
            if (self && !pushed)
                qCWarning(lcSync) << "sending changes failed:" << pushed.error().message;
        });
    }
}

void SyncEngine::loop()
{
    if (!m_running || m_pulling)
        return;
    m_pulling = true;
    QPointer<SyncEngine> self(this);
    auto again = [self](Status status) {
        if (!self)
            return;
        self->m_pulling = false;
        if (!status) {
            Q_EMIT self->failed(status.error().message);
            // 2 s, doubling up to 5 minutes (an older relay without sync answers the same each time).
            self->m_failures = std::min(self->m_failures + 1, 12);
            self->scheduleLoop(std::min<qint64>(self->m_options.retryMs << (self->m_failures - 1), 5 * 60'000LL));
            return;
        }
        self->m_failures = 0;
        self->scheduleLoop(0);
    };
    prepare([self, again](Status prepared) {
        if (!self)
            return;
        if (!prepared) {
            again(prepared);
            return;
        }
        if (self->m_waiting) {
            self->joinStep(self->m_options.waitSeconds, again);
            return;
        }
        if (!self->m_watchTimer.isActive()) {
            self->m_watchTimer.start(self->m_options.watchMs);
            self->watch();
        }
        self->pullPage(self->m_options.waitSeconds, [self, again](Result<bool> more) {
            if (self && more && !*more)
                self->maybeUploadSnapshot();
            again(more ? Status{} : Status(std::unexpected(more.error())));
        });
    });
}

// Approving, removing and listing computers: SyncEngineDevices.cpp.

} // namespace kengele
