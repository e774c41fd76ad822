// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "DeliveryReportApplier.h"

#include "common/Clock.h"
#include "gateway/DeliveryReport.h"
#include "storage/Database.h"
#include "storage/SqliteStatement.h"
#include "storage/Transaction.h"

#include <QHash>

namespace kengele {

DeliveryReportApplier::DeliveryReportApplier(Database &database, const Clock &clock)
    : m_database(database)
    , m_clock(clock)
{ }

namespace {
QString networkName(const QString &code)
{
    static const QHash<QString, QString> names = {
        {QStringLiteral("63902"), QStringLiteral("Safaricom")},
        {QStringLiteral("63903"), QStringLiteral("Airtel Kenya")},
        {QStringLiteral("63907"), QStringLiteral("Orange Kenya")},
        {QStringLiteral("63999"), QStringLiteral("Equitel Kenya")},
        {QStringLiteral("64101"), QStringLiteral("Airtel Uganda")},
        {QStringLiteral("64110"), QStringLiteral("MTN Uganda")},
        {QStringLiteral("64002"), QStringLiteral("Tigo Tanzania")},
        {QStringLiteral("64004"), QStringLiteral("Vodacom Tanzania")},
        {QStringLiteral("64005"), QStringLiteral("Airtel Tanzania")},
        {QStringLiteral("63510"), QStringLiteral("MTN Rwanda")},
        {QStringLiteral("99999"), QStringLiteral("Sandbox")},
    };
    return names.value(code, code);
}
} // namespace

Result<int> DeliveryReportApplier::apply(const QList<DeliveryReport> &reports)
{
    if (reports.isEmpty())
        return 0;
    Transaction transaction(m_database.connection());
    if (Status begun = transaction.began(tr("Recording delivery reports")); !begun)
        return std::unexpected(begun.error());
    const Result<int> changed = applyInTransaction(reports);
    if (!changed)
        return changed;
    if (Status committed = transaction.commit(); !committed)
        return std::unexpected(committed.error());
    return changed;
}

namespace {
// Which message a report is about. Africa's Talking's message ids are random, so an index on them
// would put every message of a campaign on a different page of it while it is sent, each page
// written again at every commit of the dispatcher (that index halved the rate of a bulk send).
// The report names the number too: the unique (phone, campaign_id) index, written once at launch,
// holds a number's messages (one per campaign), newest campaign first; the one with the report's
// id is taken. A report without a number (not from Africa's Talking) looks among the messages
// still waiting for their report.
constexpr const char *MessageByPhoneSql
    = "SELECT id FROM outbox WHERE phone = ?1 AND message_id = ?2 ORDER BY campaign_id DESC LIMIT 1";
constexpr const char *WaitingMessageSql
    = "SELECT o.id FROM campaigns c JOIN outbox o ON o.campaign_id = c.id AND o.state = 'sent' "
      "WHERE o.message_id = ?1 LIMIT 1";
} // namespace

Result<int> DeliveryReportApplier::applyInTransaction(const QList<DeliveryReport> &reports)
{
    QSqlDatabase db = m_database.connection();
    const QString what = tr("Recording delivery reports");
    SqliteStatement byPhone(db, MessageByPhoneSql);
    SqliteStatement waiting(db, WaitingMessageSql);
    SqliteStatement keep(
        db,
        "INSERT OR IGNORE INTO delivery_reports(message_id, status, failure_reason, network_code, received_at, outbox_id) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    SqliteStatement delivered(
        db, "UPDATE outbox SET state = 'delivered', network = ?1, updated_at = ?2 WHERE id = ?3 AND state = 'sent'");
    SqliteStatement failed(
        db, "UPDATE outbox SET state = 'failed', network = ?1, updated_at = ?2, reason = ?4 WHERE id = ?3 AND state = 'sent'");
    SqliteStatement pending(db, "UPDATE outbox SET network = ?1, updated_at = ?2 WHERE id = ?3 AND state = 'sent'");
    for (const SqliteStatement *statement : {&byPhone, &waiting, &keep, &delivered, &failed, &pending}) {
        if (!statement->isValid())
            return std::unexpected(statement->error(what));
    }
    // The id of the message a report is about; 0 when it is none of ours.
    const auto find = [&](const DeliveryReport &report) -> Result<qint64> {
        const QString phone = report.phoneNumber.trimmed();
        SqliteStatement &query = phone.isEmpty() ? waiting : byPhone;
        if (phone.isEmpty()) {
            waiting.bind(1, report.messageId);
        } else {
            // Numbers are kept in E.164; a report's may have lost its '+'.
            byPhone.bind(1, phone.startsWith(u'+') ? phone : u'+' + phone);
            byPhone.bind(2, report.messageId);
        }
        const bool found = query.next();
        const qint64 id = found ? query.columnInt64(0) : 0;
        const bool broken = query.failed();
        query.reset();
        if (broken)
            return std::unexpected(query.error(what));
        return id;
    };

    const qint64 now = m_clock.nowMs();
    int changed = 0;
    for (const DeliveryReport &report : reports) {
        if (report.messageId.isEmpty())
            continue;
        const Result<qint64> outboxId = find(report);
        if (!outboxId)
            return std::unexpected(outboxId.error());
        keep.bind(1, report.messageId);
        keep.bind(2, report.status);
        keep.bind(3, report.failureReason);
        keep.bind(4, report.networkCode);
        keep.bind(5, report.receivedAt.isValid() ? report.receivedAt.toMSecsSinceEpoch() : now);
        if (*outboxId > 0)
            keep.bind(6, *outboxId);
        else
            keep.bindNull(6);
        if (!keep.exec())
            return std::unexpected(keep.error(what));
        if (keep.changes() == 0 || *outboxId == 0)
            continue; // the same report again, or not one of our messages (kept all the same)
        SqliteStatement *query = &pending;
        if (report.status == QStringLiteral("Success")) {
            query = &delivered;
        } else if (report.status == QStringLiteral("Failed") || report.status == QStringLiteral("Rejected")
                   || report.status == QStringLiteral("AbsentSubscriber") || report.status == QStringLiteral("Expired")) {
            query = &failed;
            failed.bind(
                4, report.failureReason.isEmpty() ? report.status : report.status + QStringLiteral(": ") + report.failureReason);
        }
        query->bind(1, networkName(report.networkCode)); // a report without networkCode: '' (the column is NOT NULL)
        query->bind(2, now);
        query->bind(3, *outboxId);
        if (!query->exec())
            return std::unexpected(query->error(what));
        if (query != &pending)
            changed += query->changes();
    }
    return changed;
}

} // namespace kengele
