// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "OutboxWriter.h"

#include "storage/SqliteStatement.h"

#include <QByteArray>

#include <algorithm>
#include <numeric>
#include <vector>

namespace kengele {

namespace {
// Rows written by one INSERT statement at launch. One statement per row spends more in starting
// and finishing statements (and in the foreign key bookkeeping of each) than in the rows; a
// statement of many rows also keeps its b-tree cursors where the last row went.
constexpr int RowsPerInsert = 100;

// INSERT INTO outbox(...) VALUES (...), (...)... for `rows` rows. ?1 to ?4 are the same in every
// row (campaign, priority, due time, now); each row then has five of its own, from ?5.
QByteArray insertQueuedSql(int rows)
{
    QByteArray sql
        = "INSERT INTO outbox(campaign_id, contact_id, phone, name, text, segments, priority, due_at, updated_at) VALUES ";
    sql.reserve(sql.size() + qsizetype(rows) * 48);
    for (int row = 0; row < rows; ++row) {
        const int first = 5 + row * 5;
        if (row > 0)
            sql += ',';
        sql += "(?1,?" + QByteArray::number(first) + ",?" + QByteArray::number(first + 1) + ",?" + QByteArray::number(first + 2)
            + ",?" + QByteArray::number(first + 3) + ",?" + QByteArray::number(first + 4) + ",?2,?3,?4)";
    }
    return sql;
}
} // namespace

Status OutboxWriter::insertQueued(const QSqlDatabase &db, qint64 campaignId, int priority, qint64 dueAt, qint64 now,
                                  const QList<NewMessage> &messages)
{
    // 100,000 rows in well under a second: SQLite's own API, prepared statements of many rows,
    // written in the order of their numbers. The unique (phone, campaign_id) index then takes them
    // page after page instead of at random places all over it; and a campaign's messages go out
    // in that order.
    std::vector<qsizetype> order(std::size_t(messages.size()));
    std::iota(order.begin(), order.end(), qsizetype(0));
    std::sort(order.begin(), order.end(),
              [&messages](qsizetype a, qsizetype b) { return messages.at(a).phone < messages.at(b).phone; });
    const auto write = [&](qsizetype from, int rows) -> Status {
        SqliteStatement outbox(db, insertQueuedSql(rows).constData());
        if (!outbox.isValid())
            return std::unexpected(outbox.error(tr("Queuing the campaign")));
        outbox.bind(1, campaignId);
        outbox.bind(2, priority);
        outbox.bind(3, dueAt);
        outbox.bind(4, now);
        for (; from + rows <= messages.size(); from += rows) {
            for (int row = 0; row < rows; ++row) {
                const NewMessage &m = messages.at(order[std::size_t(from + row)]);
                const int first = 5 + row * 5;
                if (m.contactId > 0)
                    outbox.bind(first, m.contactId);
                else
                    outbox.bindNull(first);
                outbox.bind(first + 1, m.phone);
                outbox.bind(first + 2, m.name);
                outbox.bind(first + 3, m.text);
                outbox.bind(first + 4, m.segments);
            }
            if (!outbox.exec())
                return std::unexpected(outbox.error(tr("Queuing the campaign")));
        }
        return {};
    };
    const qsizetype whole = messages.size() - messages.size() % RowsPerInsert;
    if (whole > 0) {
        if (Status written = write(0, RowsPerInsert); !written)
            return written;
    }
    if (const int rest = int(messages.size() - whole); rest > 0)
        return write(whole, rest);
    return {};
}

} // namespace kengele
