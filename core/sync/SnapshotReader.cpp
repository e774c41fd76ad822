// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "SnapshotReader.h"

#include "OrgKeyRing.h"
#include "ReplicaSchema.h"
#include "ReplicaSqlFunctions.h"
#include "SyncLog.h"
#include "storage/Database.h"
#include "storage/SqliteStatement.h"
#include "storage/Transaction.h"
#include "tokens/LedgerReplay.h"

#include <QCborArray>
#include <QCborStreamReader>
#include <QCborValue>
#include <QScopeGuard>
#include <QtEndian>

#include <sodium.h>
#include <sqlite3.h>

#include <limits>
#include <memory>

using namespace Qt::StringLiterals;

namespace kengele {

namespace {

std::unexpected<SnapshotRefused> refuse(SnapshotRefusal reason)
{
    qCWarning(lcSync) << "snapshot refused:" << SnapshotFormat::code(reason);
    return std::unexpected(SnapshotFormat::refused(reason));
}

quint32 readU32(QByteArrayView bytes, qsizetype at)
{
    return qFromBigEndian<quint32>(bytes.data() + at);
}

std::optional<SnapshotHeader> parseHeader(QByteArrayView blob, qsizetype *prefixSize)
{
    constexpr qsizetype MagicBytes = sizeof SnapshotFormat::Magic;
    if (blob.size() < MagicBytes + 4
        || QByteArrayView(blob.data(), MagicBytes) != QByteArrayView(SnapshotFormat::Magic, MagicBytes))
        return std::nullopt;
    const quint32 length = readU32(blob, MagicBytes);
    if (length == 0 || length > SnapshotFormat::MaxHeaderBytes || blob.size() < MagicBytes + 4 + qsizetype(length))
        return std::nullopt;
    QCborParserError error;
    const QCborValue value = QCborValue::fromCbor(blob.sliced(MagicBytes + 4, length).toByteArray(), &error);
    if (error.error != QCborError::NoError || !value.isMap())
        return std::nullopt;
    const QCborMap map = value.toMap();
    SnapshotHeader header;
    header.org = map.value(u"org"_s).toString();
    header.device = map.value(u"device"_s).toString();
    const qint64 epoch = map.value(u"epoch"_s).toInteger(-1);
    header.covers = map.value(u"covers"_s).toInteger(-1);
    header.created = map.value(u"created"_s).toInteger(-1);
    if (header.org.isEmpty() || header.device.isEmpty() || epoch <= 0 || epoch > std::numeric_limits<quint32>::max()
        || header.covers < 0 || header.created < 0)
        return std::nullopt;
    header.epoch = quint32(epoch);
    if (prefixSize)
        *prefixSize = MagicBytes + 4 + length;
    return header;
}

// A prepared statement on the raw handle for the inserts.
class Insert final
{
public:
    Insert(sqlite3 *db, const QByteArray &sql)
    {
        if (sqlite3_prepare_v3(db, sql.constData(), int(sql.size()), SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr) != SQLITE_OK)
            m_stmt = nullptr;
    }
    ~Insert() { sqlite3_finalize(m_stmt); }
    Insert(const Insert &) = delete;
    Insert &operator=(const Insert &) = delete;
    sqlite3_stmt *get() const { return m_stmt; }

private:
    sqlite3_stmt *m_stmt = nullptr;
};

bool readText(QCborStreamReader &r, QByteArray &out, bool bytes)
{
    out.clear();
    if (bytes) {
        auto chunk = r.readByteArray();
        while (chunk.status == QCborStreamReader::Ok) {
            out += chunk.data;
            chunk = r.readByteArray();
        }
        return chunk.status != QCborStreamReader::Error;
    }
    auto chunk = r.readString();
    QString text;
    while (chunk.status == QCborStreamReader::Ok) {
        text += chunk.data;
        chunk = r.readString();
    }
    out = text.toUtf8();
    return chunk.status != QCborStreamReader::Error;
}

// Loads the records of the decrypted segments, one transaction for the contacts part and one for
// the rest.
class Loader final
{
public:
    Loader(sqlite3 *db, const SnapshotRestorer::Progress &progress)
        : m_db(db)
        , m_progress(progress)
    { }

    QString failure() const { return m_failure; }
    SnapshotProgress &progress() { return m_state; }
    qint64 hlc() const { return m_hlc; }
    QCborMap engine() const { return m_engine; }
    bool sawEnd() const { return m_sawEnd; }
    bool storageFailed() const { return m_storageFailed || m_failure.isEmpty(); }

    // Called at the checkpoint: commit the contacts part.
    std::function<bool()> onCheckpoint;

    bool load(const QByteArray &raw)
    {
        // One chunk: a CBOR array of records.
        QCborStreamReader r(raw);
        if (!r.isArray() || !r.enterContainer())
            return fail(u"unreadable chunk"_s);
        while (r.hasNext()) {
            if (r.lastError() != QCborError::NoError)
                return fail(u"unreadable record"_s);
            if (r.isArray()) {
                if (!row(r))
                    return false;
            } else if (r.isMap()) {
                const QCborValue record = QCborValue::fromCbor(r);
                if (!control(record.toMap()))
                    return false;
            } else {
                return fail(u"unexpected record"_s);
            }
        }
        if (r.lastError() != QCborError::NoError || !r.leaveContainer() || r.currentOffset() != raw.size())
            return fail(u"unreadable chunk"_s);
        return true;
    }

private:
    bool fail(const QString &why)
    {
        if (m_failure.isEmpty())
            m_failure = why;
        return false;
    }

    bool control(const QCborMap &record)
    {
        if (record.contains(u"summary"_s)) {
            m_hlc = record.value(u"hlc"_s).toInteger();
            m_engine = record.value(u"engine"_s).toMap();
            SnapshotCounts &t = m_state.total;
            t.rows = record.value(u"rows"_s).toInteger();
            t.contacts = record.value(u"contacts"_s).toInteger();
            t.groups = record.value(u"groups"_s).toInteger();
            t.memberships = record.value(u"memberships"_s).toInteger();
            t.templates = record.value(u"templates"_s).toInteger();
            t.optOuts = record.value(u"opt_outs"_s).toInteger();
            return true;
        }
        if (record.contains(u"checkpoint"_s)) {
            m_insert.reset();
            if (onCheckpoint && !onCheckpoint()) {
                m_storageFailed = true;
                return fail(u"saving the contacts"_s);
            }
            m_state.contactsReady = true;
            report();
            return true;
        }
        if (record.contains(u"end"_s)) {
            m_insert.reset();
            if (record.value(u"end"_s).toInteger() != m_state.loaded.rows)
                return fail(u"row count"_s);
            m_sawEnd = true;
            return true;
        }
        const QString table = record.value(u"t"_s).toString();
        const QCborArray columns = record.value(u"c"_s).toArray();
        const SnapshotTable *known = nullptr;
        for (const SnapshotTable &t : SnapshotFormat::tables()) {
            if (t.table == table)
                known = &t;
        }
        if (!known || columns.isEmpty())
            return fail(u"unknown table"_s);
        QStringList names;
        QStringList params;
        for (const QCborValue &c : columns) {
            const QString name = c.toString();
            if (!known->columns.contains(QLatin1StringView(name.toLatin1())))
                return fail(u"unknown column"_s);
            names << name;
            params << u"?%1"_s.arg(params.size() + 1);
        }
        // Every profile is created with the ledger's own accounts and Main; the snapshot's take
        // their place (the same names, the same uids, the writer's ids). The profile was empty:
        // no transfer refers to them; campaigns loaded just before may have been linked to Main
        // (the same uid), and are linked again at the end (ReplicaSchema::CampaignRelink).
        if (table == u"token_accounts"
            && sqlite3_exec(m_db,
                            "UPDATE campaigns SET account_id = NULL WHERE NOT EXISTS (SELECT 1 FROM token_entries); "
                            "DELETE FROM token_accounts WHERE NOT EXISTS (SELECT 1 FROM token_entries)",
                            nullptr, nullptr, nullptr)
                != SQLITE_OK) {
            m_storageFailed = true;
            return fail(QString::fromUtf8(sqlite3_errmsg(m_db)));
        }
        // Settings this computer chose before it joined give way to the church's (architecture.md
        // §7): its rows, their clocks (before the snapshot's come) and its changes not yet sent.
        if (table == u"org_settings"
            && sqlite3_exec(m_db,
                            "DELETE FROM org_settings; DELETE FROM sync_clocks WHERE entity = 'org_setting'; "
                            "DELETE FROM change_log WHERE entity = 'org_setting'",
                            nullptr, nullptr, nullptr)
                != SQLITE_OK) {
            m_storageFailed = true;
            return fail(QString::fromUtf8(sqlite3_errmsg(m_db)));
        }
        m_table = table;
        m_columns = int(names.size());
        m_insert = std::make_unique<Insert>(
            m_db, u"INSERT INTO %1(%2) VALUES (%3)"_s.arg(table, names.join(u", "_s), params.join(u", "_s)).toUtf8());
        if (!m_insert->get())
            return fail(QString::fromUtf8(sqlite3_errmsg(m_db)));
        return true;
    }

    bool row(QCborStreamReader &r)
    {
        if (!m_insert)
            return fail(u"row outside a table"_s);
        sqlite3_stmt *stmt = m_insert->get();
        if (!r.enterContainer())
            return fail(u"unreadable row"_s);
        int column = 0;
        while (r.hasNext()) {
            if (++column > m_columns)
                return fail(u"row too long"_s);
            if (r.isInteger()) {
                sqlite3_bind_int64(stmt, column, r.toInteger());
                r.next();
            } else if (r.isString() || r.isByteArray()) {
                const bool bytes = r.isByteArray();
                if (!readText(r, m_text, bytes))
                    return fail(u"unreadable text"_s);
                if (bytes)
                    sqlite3_bind_blob(stmt, column, m_text.constData(), int(m_text.size()), SQLITE_TRANSIENT);
                else
                    sqlite3_bind_text(stmt, column, m_text.constData(), int(m_text.size()), SQLITE_TRANSIENT);
            } else if (r.isDouble()) {
                sqlite3_bind_double(stmt, column, r.toDouble());
                r.next();
            } else if (r.isFloat()) {
                sqlite3_bind_double(stmt, column, double(r.toFloat()));
                r.next();
            } else if (r.isNull()) {
                sqlite3_bind_null(stmt, column);
                r.next();
            } else {
                return fail(u"unexpected value"_s);
            }
        }
        if (!r.leaveContainer() || column != m_columns)
            return fail(u"row of the wrong length"_s);
        const int rc = sqlite3_step(stmt);
        sqlite3_reset(stmt);
        if (rc != SQLITE_DONE) {
            m_storageFailed = true;
            return fail(u"%1: %2"_s.arg(m_table, QString::fromUtf8(sqlite3_errmsg(m_db))));
        }
        SnapshotCounts &n = m_state.loaded;
        ++n.rows;
        if (m_table == u"contacts")
            ++n.contacts;
        else if (m_table == u"groups")
            ++n.groups;
        else if (m_table == u"group_members")
            ++n.memberships;
        else if (m_table == u"templates")
            ++n.templates;
        else if (m_table == u"opt_outs")
            ++n.optOuts;
        if (n.rows % 5000 == 0)
            report();
        return true;
    }

public:
    void report()
    {
        if (m_progress)
            m_progress(m_state);
    }

private:
    sqlite3 *m_db;
    const SnapshotRestorer::Progress &m_progress;
    std::unique_ptr<Insert> m_insert;
    QString m_table;
    int m_columns = 0;
    QByteArray m_text;
    SnapshotProgress m_state;
    qint64 m_hlc = 0;
    QCborMap m_engine;
    bool m_sawEnd = false;
    bool m_storageFailed = false;
    QString m_failure;
};

QStringList distinctTables()
{
    QStringList out;
    for (const SnapshotTable &t : SnapshotFormat::tables()) {
        if (!out.contains(QString(t.table)))
            out << QString(t.table);
    }
    return out;
}

} // namespace

std::optional<SnapshotHeader> SnapshotReader::peekHeader(QByteArrayView blob)
{
    return parseHeader(blob, nullptr);
}

std::expected<OpenedSnapshot, SnapshotRefused>
SnapshotReader::open(QByteArrayView blob, const QString &org, const OrgKeyRing &keys, const BatchCipher::DeviceLookup &devices)
{
    qsizetype prefixSize = 0;
    const std::optional<SnapshotHeader> header = parseHeader(blob, &prefixSize);
    if (!header)
        return refuse(SnapshotRefusal::Malformed);
    if (blob.size() < prefixSize + SnapshotFormat::StreamHeaderBytes + SnapshotFormat::SignatureBytes)
        return refuse(SnapshotRefusal::Truncated);
    if (header->org != org)
        return refuse(SnapshotRefusal::WrongOrganisation);
    const std::optional<DeviceRecord> writer = devices ? devices(header->device) : std::nullopt;
    if (!writer || !writer->keys.isValid())
        return refuse(SnapshotRefusal::UnknownDevice);
    if (writer->state == DeviceRecord::State::Pending
        || (writer->state == DeviceRecord::State::Removed
            && (writer->removedAtEpoch == 0 || header->epoch >= writer->removedAtEpoch)))
        return refuse(SnapshotRefusal::DeviceNotApproved);
    if (!keys.hasEpoch(header->epoch))
        return refuse(SnapshotRefusal::UnknownEpoch);

    const qsizetype signedSize = blob.size() - SnapshotFormat::SignatureBytes;
    const QByteArray message = SnapshotFormat::signingMessage(blob.first(signedSize));
    if (crypto_sign_verify_detached(reinterpret_cast<const unsigned char *>(blob.data() + signedSize),
                                    reinterpret_cast<const unsigned char *>(message.constData()), quint64(message.size()),
                                    reinterpret_cast<const unsigned char *>(writer->keys.sign.constData()))
        != 0)
        return refuse(SnapshotRefusal::BadSignature);

    const SecretBytes key = keys.subKey(header->epoch, OrgKeyRing::Purpose::Snapshot);
    if (key.size() != OrgKeyRing::SubKeyBytes)
        return refuse(SnapshotRefusal::UnknownEpoch);
    crypto_secretstream_xchacha20poly1305_state state;
    const auto wipe = qScopeGuard([&state] { sodium_memzero(&state, sizeof state); });
    if (crypto_secretstream_xchacha20poly1305_init_pull(&state, reinterpret_cast<const unsigned char *>(blob.data() + prefixSize),
                                                        key.data())
        != 0)
        return refuse(SnapshotRefusal::DecryptionFailed);

    OpenedSnapshot opened;
    opened.header = *header;
    opened.bytes = blob.size();
    qsizetype at = prefixSize + SnapshotFormat::StreamHeaderBytes;
    bool final = false;
    while (at < signedSize) {
        if (final)
            return refuse(SnapshotRefusal::Truncated); // something after the FINAL chunk
        if (signedSize - at < 4)
            return refuse(SnapshotRefusal::Malformed);
        const qsizetype length = readU32(blob, at);
        at += 4;
        if (length < qsizetype(crypto_secretstream_xchacha20poly1305_ABYTES)
            || length > SnapshotFormat::MaxChunkBytes + qsizetype(crypto_secretstream_xchacha20poly1305_ABYTES)
            || length > signedSize - at)
            return refuse(SnapshotRefusal::Malformed);
        QByteArray plain(length - qsizetype(crypto_secretstream_xchacha20poly1305_ABYTES), Qt::Uninitialized);
        unsigned char tag = 0;
        const bool first = opened.segments.isEmpty();
        if (crypto_secretstream_xchacha20poly1305_pull(&state, reinterpret_cast<unsigned char *>(plain.data()), nullptr, &tag,
                                                       reinterpret_cast<const unsigned char *>(blob.data() + at), quint64(length),
                                                       first ? reinterpret_cast<const unsigned char *>(blob.data()) : nullptr,
                                                       first ? quint64(prefixSize) : 0)
            != 0)
            return refuse(SnapshotRefusal::DecryptionFailed);
        at += length;
        if (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL)
            final = true;
        else if (tag != crypto_secretstream_xchacha20poly1305_TAG_MESSAGE)
            return refuse(SnapshotRefusal::Malformed);
        opened.segments.append(std::move(plain));
    }
    // A stream cut before its FINAL chunk decrypts cleanly up to the cut: only this check sees it.
    if (!final)
        return refuse(SnapshotRefusal::Truncated);
    return opened;
}

SnapshotRestorer::SnapshotRestorer(Database &database)
    : m_database(database)
{ }

std::expected<bool, SnapshotRefused> SnapshotRestorer::isEmpty() const
{
    const QSqlDatabase db = m_database.connection();
    sqlite3 *handle = SqliteStatement::handle(db);
    if (!handle)
        return refuse(SnapshotRefusal::Storage);
    for (const QString &table : distinctTables()) {
        // Every profile holds the ledger's own accounts, Main and the overdraft lot from the start;
        // settings chosen before joining are not data of its own (the church's replace them).
        if (table == u"token_accounts" || table == u"token_lots" || table == u"org_settings")
            continue;
        const QString notSettings = table == u"sync_clocks" ? u" WHERE entity <> 'org_setting'"_s : QString();
        const QByteArray sql = u"SELECT EXISTS (SELECT 1 FROM %1%2)"_s.arg(table, notSettings).toUtf8();
        sqlite3_stmt *stmt = nullptr;
        if (sqlite3_prepare_v2(handle, sql.constData(), int(sql.size()), &stmt, nullptr) != SQLITE_OK) {
            sqlite3_finalize(stmt);
            return refuse(SnapshotRefusal::Storage);
        }
        const bool any = sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_int(stmt, 0) != 0;
        sqlite3_finalize(stmt);
        if (any)
            return false;
    }
    return true;
}

std::expected<SnapshotRestored, SnapshotRefused> SnapshotRestorer::restore(const OpenedSnapshot &snapshot,
                                                                           const Progress &progress, const AlsoInside &alsoInside)
{
    const auto empty = isEmpty();
    if (!empty)
        return std::unexpected(empty.error());
    if (!*empty)
        return refuse(SnapshotRefusal::ProfileNotEmpty);
    const QSqlDatabase db = m_database.connection();
    sqlite3 *handle = SqliteStatement::handle(db);
    if (!handle || !ReplicaSqlFunctions::setApplying(db, true))
        return refuse(SnapshotRefusal::Storage);
    const auto notApplying = qScopeGuard([&db] { ReplicaSqlFunctions::setApplying(db, false); });

    auto transaction = std::make_unique<Transaction>(db);
    if (!transaction->began(tr("Loading the church's data")))
        return refuse(SnapshotRefusal::Storage);

    Loader loader(handle, progress);
    const auto moveClock = [&]() {
        // This computer's clock goes past every stamp the snapshot holds.
        sqlite3_stmt *stmt = nullptr;
        const char *sql = "UPDATE sync_state SET hlc = max(hlc, ?1) WHERE id = 1";
        if (sqlite3_prepare_v2(handle, sql, -1, &stmt, nullptr) != SQLITE_OK) {
            sqlite3_finalize(stmt);
            return false;
        }
        sqlite3_bind_int64(stmt, 1, loader.hlc());
        const bool ok = sqlite3_step(stmt) == SQLITE_DONE;
        sqlite3_finalize(stmt);
        return ok;
    };
    bool firstPartCommitted = false;
    loader.onCheckpoint = [&]() {
        if (!moveClock() || !transaction->commit())
            return false;
        firstPartCommitted = true;
        transaction = std::make_unique<Transaction>(db);
        return bool(transaction->began(tr("Loading the church's data")));
    };

    bool ok = true;
    for (const QByteArray &segment : snapshot.segments) {
        if (segment.size() < 4 || qFromBigEndian<quint32>(segment.constData()) > quint32(SnapshotFormat::MaxSegmentBytes)) {
            ok = false;
            break;
        }
        const QByteArray raw = qUncompress(segment);
        if (raw.isEmpty() || !loader.load(raw)) {
            ok = false;
            break;
        }
    }
    ok = ok && loader.sawEnd() && moveClock();
    // What each budget holds of each lot, and the spending by hour: this computer's own, recounted.
    ok = ok && bool(LedgerReplay::rebuild(db));
    // The campaigns' links, now that every row and alias they can name is here.
    ok = ok && sqlite3_exec(handle, ReplicaSchema::CampaignRelink, nullptr, nullptr, nullptr) == SQLITE_OK;
    if (ok) {
        sqlite3_stmt *stmt = nullptr;
        const char *sql = "INSERT OR REPLACE INTO meta(key, value) VALUES ('sync.snapshot_covers', ?1)";
        ok = sqlite3_prepare_v2(handle, sql, -1, &stmt, nullptr) == SQLITE_OK;
        if (ok) {
            const QByteArray covers = QByteArray::number(snapshot.header.covers);
            sqlite3_bind_text(stmt, 1, covers.constData(), int(covers.size()), SQLITE_TRANSIENT);
            ok = sqlite3_step(stmt) == SQLITE_DONE;
        }
        sqlite3_finalize(stmt);
    }
    if (ok && alsoInside)
        ok = alsoInside(db, loader.engine(), snapshot.header.covers);
    ok = ok && transaction->commit();
    if (!ok) {
        qCWarning(lcSync) << "loading a snapshot failed:" << (loader.failure().isEmpty() ? u"storage"_s : loader.failure());
        transaction->rollback();
        transaction.reset();
        if (firstPartCommitted) {
            // The contacts part was saved: take it out again (the profile was empty before).
            Transaction undo(db);
            bool undone = bool(undo.began(tr("Loading the church's data")));
            for (const QString &table : distinctTables()) {
                if (table.startsWith(u"token_") || table == u"org_settings")
                    continue; // in the part that was rolled back
                if (undone)
                    undone
                        = sqlite3_exec(handle,
                                       u"DELETE FROM %1%2"_s
                                           .arg(table, table == u"sync_clocks" ? u" WHERE entity <> 'org_setting'"_s : QString())
                                           .toUtf8()
                                           .constData(),
                                       nullptr, nullptr, nullptr)
                        == SQLITE_OK;
            }
            if (!undone || !undo.commit())
                qCCritical(lcSync) << "a failed snapshot load could not be taken out again";
        }
        return refuse(loader.storageFailed() ? SnapshotRefusal::Storage : SnapshotRefusal::Malformed);
    }
    m_database.replicaContext().notifySharedDataChanged();
    loader.progress().done = true;
    loader.progress().contactsReady = true;
    loader.report();
    qCInfo(lcSync) << "snapshot loaded:" << loader.progress().loaded.rows << "rows, covers" << snapshot.header.covers;
    return SnapshotRestored{snapshot.header, loader.progress().loaded, snapshot.header.covers, loader.engine()};
}

} // namespace kengele
