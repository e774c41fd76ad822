// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "SnapshotWriter.h"

#include "DeviceIdentity.h"
#include "OrgKeyRing.h"
#include "SyncLog.h"
#include "storage/Database.h"
#include "storage/SqliteStatement.h"

#include <QBuffer>
#include <QCborStreamWriter>
#include <QScopeGuard>
#include <QtEndian>

#include <sodium.h>
#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace kengele {

namespace {

bool isDeviceColumn(QLatin1StringView column)
{
    return column == "device"_L1 || column == "kept_device"_L1 || column == "lost_device"_L1;
}

// Collects records as CBOR and seals them chunk by chunk; the last chunk is held back so that it
// can be tagged FINAL.
class ChunkSealer final
{
public:
    ChunkSealer(const SecretBytes &key, QByteArray prefix)
        : m_prefix(std::move(prefix))
        , m_buffer(&m_raw)
        , m_writer(&m_buffer)
    {
        m_buffer.open(QIODevice::WriteOnly);
        m_writer.startArray(); // a chunk's records are one CBOR array of unknown length
        m_out = m_prefix;
        unsigned char header[crypto_secretstream_xchacha20poly1305_HEADERBYTES];
        crypto_secretstream_xchacha20poly1305_init_push(&m_state, header, key.data());
        m_out.append(reinterpret_cast<const char *>(header), sizeof header);
    }
    ~ChunkSealer() { sodium_memzero(&m_state, sizeof m_state); }

    QCborStreamWriter &writer() { return m_writer; }
    qint64 rawSize() const { return m_raw.size(); }

    // After each whole record.
    void recordDone()
    {
        if (m_raw.size() >= SnapshotFormat::SegmentBytes)
            cut();
    }

    QByteArray finish()
    {
        cut(false);
        if (!m_pending.isNull())
            push(m_pending, crypto_secretstream_xchacha20poly1305_TAG_FINAL);
        m_pending.clear();
        return std::move(m_out);
    }

    qint64 plainBytes() const { return m_plainBytes; }

private:
    void cut(bool more = true)
    {
        m_writer.endArray();
        m_plainBytes += m_raw.size();
        QByteArray compressed = qCompress(m_raw, 3);
        m_buffer.close();
        m_raw.clear();
        m_buffer.open(QIODevice::WriteOnly);
        if (more)
            m_writer.startArray();
        if (!m_pending.isNull())
            push(m_pending, crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
        m_pending = std::move(compressed);
    }

    void push(const QByteArray &plain, unsigned char tag)
    {
        const qsizetype size = plain.size() + qsizetype(crypto_secretstream_xchacha20poly1305_ABYTES);
        char length[4];
        qToBigEndian(quint32(size), length);
        m_out.append(length, 4);
        const qsizetype at = m_out.size();
        m_out.resize(at + size);
        const bool first = !m_pushedAny;
        m_pushedAny = true;
        crypto_secretstream_xchacha20poly1305_push(
            &m_state, reinterpret_cast<unsigned char *>(m_out.data() + at), nullptr,
            reinterpret_cast<const unsigned char *>(plain.constData()), quint64(plain.size()),
            first ? reinterpret_cast<const unsigned char *>(m_prefix.constData()) : nullptr, first ? quint64(m_prefix.size()) : 0,
            tag);
    }

    QByteArray m_prefix;
    QByteArray m_out;
    QByteArray m_raw;
    QByteArray m_pending;
    QBuffer m_buffer;
    QCborStreamWriter m_writer;
    crypto_secretstream_xchacha20poly1305_state m_state{};
    bool m_pushedAny = false;
    qint64 m_plainBytes = 0;
};

class RawQuery final
{
public:
    RawQuery(sqlite3 *db, const QByteArray &sql)
    {
        if (sqlite3_prepare_v2(db, sql.constData(), int(sql.size()), &m_stmt, nullptr) != SQLITE_OK)
            m_stmt = nullptr;
    }
    ~RawQuery() { sqlite3_finalize(m_stmt); }
    RawQuery(const RawQuery &) = delete;
    RawQuery &operator=(const RawQuery &) = delete;
    bool ok() const { return m_stmt != nullptr; }
    sqlite3_stmt *get() const { return m_stmt; }
    // True while there is a row; a failure is remembered.
    bool next()
    {
        const int rc = sqlite3_step(m_stmt);
        if (rc == SQLITE_ROW)
            return true;
        if (rc != SQLITE_DONE)
            m_failed = true;
        return false;
    }
    bool failed() const { return m_failed; }

private:
    sqlite3_stmt *m_stmt = nullptr;
    bool m_failed = false;
};

void writeValue(QCborStreamWriter &w, sqlite3_stmt *stmt, int column)
{
    switch (sqlite3_column_type(stmt, column)) {
    case SQLITE_INTEGER:
        w.append(qint64(sqlite3_column_int64(stmt, column)));
        break;
    case SQLITE_FLOAT:
        w.append(sqlite3_column_double(stmt, column));
        break;
    case SQLITE_TEXT:
        w.appendTextString(reinterpret_cast<const char *>(sqlite3_column_text(stmt, column)), sqlite3_column_bytes(stmt, column));
        break;
    case SQLITE_BLOB: {
        const auto *data = static_cast<const char *>(sqlite3_column_blob(stmt, column));
        w.appendByteString(data ? data : "", sqlite3_column_bytes(stmt, column));
        break;
    }
    default:
        w.appendNull();
        break;
    }
}

QByteArray selectSql(const SnapshotTable &table)
{
    QStringList columns;
    for (QLatin1StringView c : table.columns) {
        if (isDeviceColumn(c))
            columns << u"CASE %1 WHEN '' THEN ?1 ELSE %1 END"_s.arg(c);
        else
            columns << QString(c);
    }
    QString sql = u"SELECT %1 FROM %2"_s.arg(columns.join(u", "_s), table.from.isEmpty() ? table.table : table.from);
    if (!table.where.isEmpty())
        sql += u" WHERE "_s + table.where;
    return sql.toUtf8();
}

} // namespace

SnapshotWriter::SnapshotWriter(Database &database, const OrgKeyRing &keys, const DeviceIdentity &me, QString org, QString device)
    : m_database(database)
    , m_keys(keys)
    , m_me(me)
    , m_org(std::move(org))
    , m_device(std::move(device))
{ }

Result<SnapshotBlob> SnapshotWriter::write(qint64 covers, qint64 createdMs, const QCborMap &engineState) const
{
    const auto failed = [](const QString &why) {
        qCWarning(lcSync) << "writing a snapshot failed:" << why;
        return fail(ErrorCode::Storage, tr("The copy of the church's data could not be made (%1).").arg(why));
    };
    if (m_keys.isEmpty() || !m_me.isValid())
        return fail(ErrorCode::InvalidInput, tr("This computer has no key for the church's data yet."));
    const QSqlDatabase db = m_database.connection();
    sqlite3 *handle = SqliteStatement::handle(db);
    if (!handle)
        return failed(u"the data file is not open"_s);

    SnapshotBlob blob;
    blob.header = {m_org, m_device, m_keys.currentEpoch(), covers, createdMs};
    const SecretBytes key = m_keys.subKey(blob.header.epoch, OrgKeyRing::Purpose::Snapshot);
    if (key.size() != OrgKeyRing::SubKeyBytes)
        return failed(u"no key"_s);

    // One read transaction: every table as of the same moment.
    const bool ownTransaction = sqlite3_get_autocommit(handle) != 0;
    if (ownTransaction && sqlite3_exec(handle, "BEGIN DEFERRED", nullptr, nullptr, nullptr) != SQLITE_OK)
        return failed(QString::fromUtf8(sqlite3_errmsg(handle)));
    const auto end = qScopeGuard([&] {
        if (ownTransaction)
            sqlite3_exec(handle, "COMMIT", nullptr, nullptr, nullptr);
    });

    QString replica;
    qint64 hlc = 0;
    {
        RawQuery state(handle, "SELECT device, hlc FROM sync_state WHERE id = 1");
        if (!state.ok() || !state.next())
            return failed(u"sync_state"_s);
        replica = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(state.get(), 0)));
        hlc = sqlite3_column_int64(state.get(), 1);
    }
    const QByteArray replicaUtf8 = replica.toUtf8();

    // How many rows each part holds, for the reader's progress bar.
    QCborMap counts;
    qint64 contactsPartRows = 0;
    for (const SnapshotTable &table : SnapshotFormat::tables()) {
        QString sql = u"SELECT count(*) FROM %1"_s.arg(table.from.isEmpty() ? table.table : table.from);
        if (!table.where.isEmpty())
            sql += u" WHERE "_s + table.where;
        RawQuery count(handle, sql.toUtf8());
        if (!count.ok() || !count.next())
            return failed(QString(table.table));
        const qint64 n = sqlite3_column_int64(count.get(), 0);
        const QString name = table.where.isEmpty() ? QString(table.table)
                                                   : QString(table.table) + (table.contactsPart ? u":contacts"_s : u":others"_s);
        counts[name] = n;
        blob.counts.rows += n;
        if (table.contactsPart)
            contactsPartRows += n;
        if (table.table == "contacts"_L1)
            blob.counts.contacts = n;
        else if (table.table == "groups"_L1)
            blob.counts.groups = n;
        else if (table.table == "group_members"_L1)
            blob.counts.memberships = n;
        else if (table.table == "templates"_L1)
            blob.counts.templates = n;
        else if (table.table == "opt_outs"_L1)
            blob.counts.optOuts = n;
    }

    const QByteArray prefix = SnapshotFormat::prefix(blob.header);
    ChunkSealer sealer(key, prefix);
    QCborStreamWriter &w = sealer.writer();
    {
        QCborMap summary;
        summary[u"summary"_s] = 1;
        summary[u"replica"_s] = replica;
        summary[u"hlc"_s] = hlc;
        summary[u"rows"_s] = blob.counts.rows;
        summary[u"contacts_part"_s] = contactsPartRows;
        summary[u"contacts"_s] = blob.counts.contacts;
        summary[u"groups"_s] = blob.counts.groups;
        summary[u"memberships"_s] = blob.counts.memberships;
        summary[u"templates"_s] = blob.counts.templates;
        summary[u"opt_outs"_s] = blob.counts.optOuts;
        summary[u"tables"_s] = counts;
        summary[u"engine"_s] = engineState;
        summary.toCborValue().toCbor(w);
        sealer.recordDone();
    }

    bool checkpointed = false;
    for (const SnapshotTable &table : SnapshotFormat::tables()) {
        if (!table.contactsPart && !checkpointed) {
            w.startMap(1);
            w.append("checkpoint"_L1);
            w.append("contacts"_L1);
            w.endMap();
            sealer.recordDone();
            checkpointed = true;
        }
        w.startMap(2);
        w.append("t"_L1);
        w.append(table.table);
        w.append("c"_L1);
        w.startArray(quint64(table.columns.size()));
        for (QLatin1StringView c : table.columns)
            w.append(c);
        w.endArray();
        w.endMap();
        sealer.recordDone();

        RawQuery rows(handle, selectSql(table));
        if (!rows.ok())
            return failed(QString(table.table));
        if (sqlite3_bind_parameter_count(rows.get()) > 0)
            sqlite3_bind_text(rows.get(), 1, replicaUtf8.constData(), int(replicaUtf8.size()), SQLITE_STATIC);
        const int columns = int(table.columns.size());
        while (rows.next()) {
            w.startArray(quint64(columns));
            for (int c = 0; c < columns; ++c)
                writeValue(w, rows.get(), c);
            w.endArray();
            sealer.recordDone();
        }
        if (rows.failed())
            return failed(QString::fromUtf8(sqlite3_errmsg(handle)));
    }
    w.startMap(1);
    w.append("end"_L1);
    w.append(blob.counts.rows);
    w.endMap();

    blob.bytes = sealer.finish();
    blob.plainBytes = sealer.plainBytes();
    blob.bytes.append(m_me.sign(SnapshotFormat::signingMessage(blob.bytes)));
    qCInfo(lcSync) << "snapshot written:" << blob.counts.rows << "rows," << blob.bytes.size() << "bytes, epoch"
                   << blob.header.epoch << "covers" << covers;
    return blob;
}

} // namespace kengele
