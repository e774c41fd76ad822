// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "DeliveryReportApplier.h"

#include "common/Clock.h"
#include "common/Log.h"
#include "gateway/DeliveryReport.h"
#include "storage/Database.h"
#include "storage/SqliteStatement.h"
#include "storage/Transaction.h"
#include "tokens/TokenLedger.h"

#include <QHash>

#include <algorithm>
#include <utility>

namespace kengele {

DeliveryReportApplier::DeliveryReportApplier(Database &database, TokenLedger &ledger, const Clock &clock)
    : m_database(database)
    , m_ledger(ledger)
    , m_clock(clock)
{ }

QString DeliveryReportApplier::networkName(const QString &code)
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

Result<int> DeliveryReportApplier::apply(const QList<DeliveryReport> &reports)
{
    if (reports.isEmpty())
        return 0;
    Transaction transaction(m_database.connection());
    if (Status begun = transaction.began(tr("Recording delivery reports")); !begun)
        return std::unexpected(begun.error());
    int confirmed = 0;
    const Result<int> changed = applyInTransaction(reports, &confirmed);
    if (!changed)
        return changed;
    if (Status committed = transaction.commit(); !committed)
        return std::unexpected(committed.error());
    if (confirmed > 0)
        m_ledger.notifyBulkChange();
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
// The uncertain message to ?1 that a report received at ?2 confirms: no recorded id, attempted at
// most ?3 ms before the report (or up to ?4 ms after it: clocks differ); the oldest attempt first. Rows from before attempted_at
// existed were last written when they became uncertain, which is the nearest thing to their attempt.
constexpr const char *UncertainForReportSql
    = "SELECT o.id, o.campaign_id, o.segments, c.tokens > 0 FROM outbox o JOIN campaigns c ON c.id = o.campaign_id "
      "WHERE o.phone = ?1 AND o.state = 'uncertain' AND o.message_id IS NULL "
      "AND coalesce(o.attempted_at, o.updated_at) BETWEEN ?2 - ?3 AND ?2 + ?4 "
      "ORDER BY coalesce(o.attempted_at, o.updated_at), o.id LIMIT 1";
// A message that just became uncertain, if it still is and has no recorded id.
constexpr const char *UncertainMessageSql
    = "SELECT o.phone, coalesce(o.attempted_at, o.updated_at), o.campaign_id, o.segments, c.tokens > 0 "
      "FROM outbox o JOIN campaigns c ON c.id = o.campaign_id "
      "WHERE o.id = ?1 AND o.state = 'uncertain' AND o.message_id IS NULL";
// The earliest report kept for no message that confirms a message to ?1 attempted at ?2: received
// within ?3 ms after it (or ?4 ms before it: clocks differ), with an id no message to that number has. "phone <> ''" lets SQLite
// use the partial index of reports kept for no message (delivery_reports_untied).
constexpr const char *KeptReportSql
    = "SELECT d.message_id FROM delivery_reports d WHERE d.phone = ?1 AND d.phone <> '' AND d.outbox_id IS NULL "
      "AND d.received_at BETWEEN ?2 - ?4 AND ?2 + ?3 "
      "AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.phone = ?1 AND o.message_id = d.message_id) "
      "ORDER BY d.received_at, d.id LIMIT 1";
constexpr const char *ConfirmSql
    = "UPDATE outbox SET state = 'sent', message_id = ?1, reason = ?2, confirmed_at = ?3, updated_at = ?3 "
      "WHERE id = ?4 AND state = 'uncertain' AND message_id IS NULL";

// Numbers are kept in E.164; a report's may have lost its '+'.
QString storedPhone(const QString &reported)
{
    const QString phone = reported.trimmed();
    return phone.isEmpty() || phone.startsWith(u'+') ? phone : u'+' + phone;
}

bool isFailure(QStringView status)
{
    return status == u"Failed" || status == u"Rejected" || status == u"AbsentSubscriber" || status == u"Expired";
}

// The statements that move a message on with a report, and that tie a report to an uncertain
// message, prepared once per batch.
class Moves final
{
public:
    Moves(const QSqlDatabase &db, const QString &what)
        : m_what(what)
        , m_delivered(db, "UPDATE outbox SET state = 'delivered', network = ?1, updated_at = ?2 WHERE id = ?3 AND state = 'sent'")
        , m_failed(db,
                   "UPDATE outbox SET state = 'failed', network = ?1, updated_at = ?2, reason = ?4 "
                   "WHERE id = ?3 AND state = 'sent'")
        , m_pending(db, "UPDATE outbox SET network = ?1, updated_at = ?2 WHERE id = ?3 AND state = 'sent'")
        , m_confirm(db, ConfirmSql)
        , m_attach(db,
                   "UPDATE delivery_reports SET outbox_id = ?1 "
                   "WHERE phone = ?2 AND phone <> '' AND message_id = ?3 AND outbox_id IS NULL")
        , m_tied(db,
                 "SELECT status, failure_reason, network_code FROM delivery_reports WHERE outbox_id = ?1 AND message_id = ?2 "
                 "ORDER BY received_at, id")
    { }

    Status valid() const
    {
        for (const SqliteStatement *statement : {&m_delivered, &m_failed, &m_pending, &m_confirm, &m_attach, &m_tied}) {
            if (!statement->isValid())
                return std::unexpected(statement->error(m_what));
        }
        return {};
    }

    // Moves a message on with one report. Returns whether it became delivered or failed.
    Result<bool> move(qint64 outboxId, const QString &status, const QString &failureReason, const QString &networkCode,
                      qint64 now)
    {
        SqliteStatement *query = &m_pending;
        if (status == QStringLiteral("Success")) {
            query = &m_delivered;
        } else if (isFailure(status)) {
            query = &m_failed;
            m_failed.bind(4, failureReason.isEmpty() ? status : status + QStringLiteral(": ") + failureReason);
        }
        // A report without networkCode: '' (the column is NOT NULL).
        query->bind(1, DeliveryReportApplier::networkName(networkCode));
        query->bind(2, now);
        query->bind(3, outboxId);
        if (!query->exec())
            return std::unexpected(query->error(m_what));
        return query != &m_pending && query->changes() > 0;
    }

    // An uncertain message takes the report's id and becomes sent; its tokens are spent at the end
    // of the batch (spend()). False when it was no longer uncertain without an id.
    Result<bool> confirm(qint64 outboxId, qint64 campaignId, int segments, bool charged, const QString &messageId, qint64 now)
    {
        m_confirm.bind(1, messageId);
        m_confirm.bind(2, DeliveryReportApplier::tr("Confirmed by a delivery report"));
        m_confirm.bind(3, now);
        m_confirm.bind(4, outboxId);
        if (!m_confirm.exec())
            return std::unexpected(m_confirm.error(m_what));
        if (m_confirm.changes() == 0)
            return false;
        if (charged)
            m_spend[campaignId] += segments;
        ++m_confirmed;
        qCInfo(lcCampaigns) << "a delivery report confirmed message" << outboxId << "that had no answer";
        return true;
    }

    // Ties every report kept for no message with this number and id to the message, then moves the
    // message on with each report of that id in the order they came.
    Status settle(qint64 outboxId, const QString &phone, const QString &messageId, qint64 now)
    {
        m_attach.bind(1, outboxId);
        m_attach.bind(2, phone);
        m_attach.bind(3, messageId);
        if (!m_attach.exec())
            return std::unexpected(m_attach.error(m_what));
        struct Kept {
            QString status, failureReason, networkCode;
        };
        QList<Kept> kept;
        m_tied.bind(1, outboxId);
        m_tied.bind(2, messageId);
        while (m_tied.next())
            kept.append({m_tied.columnText(0), m_tied.columnText(1), m_tied.columnText(2)});
        const bool broken = m_tied.failed();
        m_tied.reset();
        if (broken)
            return std::unexpected(m_tied.error(m_what));
        for (const Kept &report : std::as_const(kept)) {
            if (const Result<bool> moved = move(outboxId, report.status, report.failureReason, report.networkCode, now); !moved)
                return std::unexpected(moved.error());
        }
        return {};
    }

    // Reserved -> spent for the confirmed messages, as when the gateway accepts a message.
    Status spend(const QSqlDatabase &db, TokenLedger &ledger)
    {
        for (auto it = m_spend.cbegin(); it != m_spend.cend(); ++it) {
            if (const auto spent = ledger.spendInTransaction(db, it.key(), it.value(), {}); !spent)
                return std::unexpected(spent.error());
        }
        m_spend.clear();
        return {};
    }

    int confirmed() const { return m_confirmed; }

private:
    QString m_what;
    SqliteStatement m_delivered;
    SqliteStatement m_failed;
    SqliteStatement m_pending;
    SqliteStatement m_confirm;
    SqliteStatement m_attach;
    SqliteStatement m_tied;
    QHash<qint64, int> m_spend; // campaign -> tokens of its confirmed messages
    int m_confirmed = 0;
};
} // namespace

Result<int> DeliveryReportApplier::applyInTransaction(const QList<DeliveryReport> &reports, int *confirmed)
{
    QSqlDatabase db = m_database.connection();
    const QString what = tr("Recording delivery reports");
    SqliteStatement byPhone(db, MessageByPhoneSql);
    SqliteStatement waiting(db, WaitingMessageSql);
    SqliteStatement uncertain(db, UncertainForReportSql);
    SqliteStatement keep(db,
                         "INSERT OR IGNORE INTO delivery_reports(message_id, status, failure_reason, network_code, received_at, "
                         "outbox_id, phone) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    for (const SqliteStatement *statement : {&byPhone, &waiting, &uncertain, &keep}) {
        if (!statement->isValid())
            return std::unexpected(statement->error(what));
    }
    Moves moves(db, what);
    if (Status ready = moves.valid(); !ready)
        return std::unexpected(ready.error());
    // The id of the message a report is about; 0 when it is none of ours.
    const auto find = [&](const DeliveryReport &report, const QString &phone) -> Result<qint64> {
        SqliteStatement &query = phone.isEmpty() ? waiting : byPhone;
        if (phone.isEmpty()) {
            waiting.bind(1, report.messageId);
        } else {
            byPhone.bind(1, phone);
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
        const QString phone = storedPhone(report.phoneNumber);
        Result<qint64> outboxId = find(report, phone);
        if (!outboxId)
            return std::unexpected(outboxId.error());
        const qint64 received = report.receivedAt.isValid() ? report.receivedAt.toMSecsSinceEpoch() : now;
        bool confirms = false;
        if (*outboxId == 0 && !phone.isEmpty()) {
            // An id never recorded for this number: it may be the answer Kengele never had.
            uncertain.bind(1, phone);
            uncertain.bind(2, received);
            uncertain.bind(3, ConfirmWindowMs);
            uncertain.bind(4, ClockSkewMs);
            const bool found = uncertain.next();
            const qint64 id = found ? uncertain.columnInt64(0) : 0;
            const qint64 campaignId = found ? uncertain.columnInt64(1) : 0;
            const int segments = found ? uncertain.columnInt(2) : 0;
            const bool charged = found && uncertain.columnInt(3) != 0;
            const bool broken = uncertain.failed();
            uncertain.reset();
            if (broken)
                return std::unexpected(uncertain.error(what));
            if (id > 0) {
                const Result<bool> tied = moves.confirm(id, campaignId, segments, charged, report.messageId, now);
                if (!tied)
                    return std::unexpected(tied.error());
                if (*tied) {
                    *outboxId = id;
                    confirms = true;
                    ++changed;
                }
            }
        }
        keep.bind(1, report.messageId);
        keep.bind(2, report.status);
        keep.bind(3, report.failureReason);
        keep.bind(4, report.networkCode);
        keep.bind(5, received);
        if (*outboxId > 0)
            keep.bind(6, *outboxId);
        else
            keep.bindNull(6);
        keep.bind(7, phone);
        if (!keep.exec())
            return std::unexpected(keep.error(what));
        if (confirms) {
            // This report and any of its id kept before (an earlier status) move the message on.
            if (Status settled = moves.settle(*outboxId, phone, report.messageId, now); !settled)
                return std::unexpected(settled.error());
            continue;
        }
        if (keep.changes() == 0 || *outboxId == 0)
            continue; // the same report again, or not one of our messages (kept all the same)
        const Result<bool> moved = moves.move(*outboxId, report.status, report.failureReason, report.networkCode, now);
        if (!moved)
            return std::unexpected(moved.error());
        if (*moved)
            ++changed;
    }
    if (Status spent = moves.spend(db, m_ledger); !spent)
        return std::unexpected(spent.error());
    if (confirmed)
        *confirmed += moves.confirmed();
    return changed;
}

Result<int> DeliveryReportApplier::confirmUncertainInTransaction(const QList<qint64> &outboxIds)
{
    if (outboxIds.isEmpty())
        return 0;
    QSqlDatabase db = m_database.connection();
    const QString what = tr("Recording delivery reports");
    SqliteStatement message(db, UncertainMessageSql);
    SqliteStatement kept(db, KeptReportSql);
    for (const SqliteStatement *statement : {&message, &kept}) {
        if (!statement->isValid())
            return std::unexpected(statement->error(what));
    }
    Moves moves(db, what);
    if (Status ready = moves.valid(); !ready)
        return std::unexpected(ready.error());
    struct Waiting {
        qint64 id, attempted, campaignId;
        QString phone;
        int segments;
        bool charged;
    };
    QList<Waiting> waiting;
    for (const qint64 id : outboxIds) {
        message.bind(1, id);
        if (message.next())
            waiting.append({id, message.columnInt64(1), message.columnInt64(2), message.columnText(0), message.columnInt(3),
                            message.columnInt(4) != 0});
        const bool broken = message.failed();
        message.reset();
        if (broken)
            return std::unexpected(message.error(what));
    }
    // One report confirms one message: the oldest attempt takes the earliest report.
    std::sort(waiting.begin(), waiting.end(),
              [](const Waiting &a, const Waiting &b) { return std::pair(a.attempted, a.id) < std::pair(b.attempted, b.id); });
    const qint64 now = m_clock.nowMs();
    for (const Waiting &w : std::as_const(waiting)) {
        kept.bind(1, w.phone);
        kept.bind(2, w.attempted);
        kept.bind(3, ConfirmWindowMs);
        kept.bind(4, ClockSkewMs);
        const bool found = kept.next();
        const QString messageId = found ? kept.columnText(0) : QString();
        const bool broken = kept.failed();
        kept.reset();
        if (broken)
            return std::unexpected(kept.error(what));
        if (messageId.isEmpty())
            continue;
        const Result<bool> tied = moves.confirm(w.id, w.campaignId, w.segments, w.charged, messageId, now);
        if (!tied)
            return std::unexpected(tied.error());
        if (!*tied)
            continue;
        if (Status settled = moves.settle(w.id, w.phone, messageId, now); !settled)
            return std::unexpected(settled.error());
    }
    if (Status spent = moves.spend(db, m_ledger); !spent)
        return std::unexpected(spent.error());
    return moves.confirmed();
}

} // namespace kengele
