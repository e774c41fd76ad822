// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "RelayEventApplier.h"

#include "InboundIntent.h"
#include "RelayLinkStore.h"
#include "SyncLog.h"
#include "common/Clock.h"
#include "contacts/ContactService.h"
#include "contacts/ContactStore.h"
#include "contacts/PhoneNormalizer.h"
#include "gateway/DeliveryReport.h"
#include "storage/Database.h"
#include "storage/Transaction.h"
#include "tokens/TokenLedger.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace kengele {

namespace {

// A provider field as text; a missing one is empty, never null (text columns are NOT NULL).
QString field(const RelayEvent &event, const char *name)
{
    const QString value = event.data.value(QLatin1StringView(name)).toString();
    return value.isNull() ? QStringLiteral("") : value;
}

} // namespace

RelayApplyReport &RelayApplyReport::operator+=(const RelayApplyReport &other)
{
    events += other.events;
    duplicates += other.duplicates;
    deliveryReports += other.deliveryReports;
    messagesChanged += other.messagesChanged;
    inbox += other.inbox;
    optOuts += other.optOuts;
    prayers += other.prayers;
    kept += other.kept;
    purchases += other.purchases;
    vouchersRefused += other.vouchersRefused;
    credited += other.credited;
    cursor = qMax(cursor, other.cursor);
    return *this;
}

RelayEventApplier::RelayEventApplier(Database &database, ContactService &contacts, TokenLedger &ledger, const Clock &clock)
    : m_database(database)
    , m_contacts(contacts)
    , m_ledger(ledger)
    , m_clock(clock)
    , m_outbox(database, ledger, clock)
{ }

Result<RelayApplyReport> RelayEventApplier::apply(const QString &org, const QList<RelayEvent> &events, qint64 next)
{
    const QString what = tr("Saving what came from the relay");
    QSqlDatabase db = m_database.connection();
    Transaction transaction(db);
    if (Status begun = transaction.began(what); !begun)
        return std::unexpected(begun.error());
    const qint64 now = m_clock.nowMs();
    RelayApplyReport report;
    report.events = int(events.size());

    QSqlQuery record(db);
    record.prepare(QStringLiteral("INSERT OR IGNORE INTO relay_events(org, seq, kind, received_at, applied_at, handled, data) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?)"));
    ContactStore contactStore(db, what);
    QSqlQuery inbox(db);
    inbox.prepare(
        QStringLiteral("INSERT OR IGNORE INTO inbox(provider_id, phone, to_number, text, received_at, contact_id, handled_as, "
                       "link_id, network_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    QSqlQuery prayer(db);
    prayer.prepare(
        QStringLiteral("INSERT INTO prayer_intake(inbox_id, phone, contact_id, text, received_at) VALUES (?, ?, ?, ?, ?)"));

    // The relay's voucher key as pinned, read inside the transaction.
    QByteArray voucherKey;
    {
        QSqlQuery key(db);
        if (!key.exec(QStringLiteral("SELECT voucher_key FROM relay_link WHERE id = 1")))
            return std::unexpected(Database::storageError(key.lastError(), what));
        if (key.next())
            voucherKey = QByteArray::fromBase64(key.value(0).toString().toLatin1());
    }
    PurchaseEventApplier purchases(m_ledger, now);

    QList<DeliveryReport> reports;
    for (const RelayEvent &event : events) {
        const qint64 received = event.received.isValid() ? event.received.toMSecsSinceEpoch() : now;
        QString handled;
        QString keptData;
        if (event.kind == QStringLiteral("at.delivery")) {
            handled = QStringLiteral("delivery");
        } else if (event.kind == QStringLiteral("at.inbound")) {
            handled = QStringLiteral("inbox");
        } else if (event.kind == QStringLiteral("at.optout")) {
            handled = QStringLiteral("optout");
        } else if (event.kind == QStringLiteral("voucher")) {
            handled = QStringLiteral("voucher");
        } else if (event.kind == QStringLiteral("purchase")) {
            handled = QStringLiteral("purchase");
        } else {
            // Daraja's raw callbacks (a purchase's outcome comes as "purchase" and "voucher") and kinds
            // this version does not know.
            handled = QStringLiteral("kept");
            keptData = QString::fromUtf8(QJsonDocument(event.data).toJson(QJsonDocument::Compact));
        }
        // The intent of an incoming SMS decides how it is recorded.
        const InboundIntent intent
            = handled == QStringLiteral("inbox") ? InboundIntent::classify(field(event, "text")) : InboundIntent{};
        if (intent.kind == InboundIntent::Kind::OptOut)
            handled = QStringLiteral("optout");
        else if (intent.kind == InboundIntent::Kind::Prayer)
            handled = QStringLiteral("prayer");

        record.addBindValue(org);
        record.addBindValue(event.seq);
        record.addBindValue(event.kind);
        record.addBindValue(received);
        record.addBindValue(now);
        record.addBindValue(handled);
        record.addBindValue(sqlText(keptData));
        if (!record.exec())
            return std::unexpected(Database::storageError(record.lastError(), what));
        if (record.numRowsAffected() == 0) {
            ++report.duplicates;
            continue;
        }

        if (event.kind == QStringLiteral("voucher") || event.kind == QStringLiteral("purchase")) {
            Result<bool> applied = true;
            if (event.kind == QStringLiteral("voucher")) {
                CreditedVoucher credited;
                const Result<PurchaseEventApplier::VoucherOutcome> outcome
                    = purchases.applyVoucher(db, org, voucherKey, event.data, &credited);
                if (!outcome)
                    return std::unexpected(outcome.error());
                applied = *outcome != PurchaseEventApplier::VoucherOutcome::Refused;
                if (*outcome == PurchaseEventApplier::VoucherOutcome::Credited)
                    report.credited.append(credited);
                else if (!*applied)
                    ++report.vouchersRefused;
            } else {
                applied = purchases.applyPurchase(db, event.data);
                if (!applied)
                    return std::unexpected(applied.error());
                if (*applied)
                    ++report.purchases;
            }
            if (!*applied) {
                // Kept as it came, for an operator: a refused voucher ("refused") or an unreadable purchase.
                QSqlQuery keep(db);
                keep.prepare(QStringLiteral("UPDATE relay_events SET handled = ?, data = ? WHERE org = ? AND seq = ?"));
                keep.addBindValue(event.kind == QStringLiteral("voucher") ? QStringLiteral("refused") : QStringLiteral("kept"));
                keep.addBindValue(QString::fromUtf8(QJsonDocument(event.data).toJson(QJsonDocument::Compact)));
                keep.addBindValue(org);
                keep.addBindValue(event.seq);
                if (!keep.exec())
                    return std::unexpected(Database::storageError(keep.lastError(), what));
            }
            continue;
        }
        if (event.kind == QStringLiteral("at.delivery")) {
            DeliveryReport r;
            r.messageId = field(event, "id");
            r.status = field(event, "status");
            r.phoneNumber = field(event, "phoneNumber");
            r.networkCode = field(event, "networkCode");
            r.failureReason = field(event, "failureReason");
            r.receivedAt = event.received.isValid() ? event.received : m_clock.nowUtc();
            reports.append(r);
            ++report.deliveryReports;
        } else if (event.kind == QStringLiteral("at.optout")) {
            const QString phone = field(event, "phoneNumber");
            if (const Status done
                = m_contacts.optOutInTransaction(db, phone, field(event, "senderId"), QStringLiteral("provider"));
                done) {
                ++report.optOuts;
            } else if (done.error().code == ErrorCode::Storage) {
                return std::unexpected(done.error());
            } else {
                qCWarning(lcSync) << "opt-out event" << event.seq << "has a number that cannot be read; kept";
            }
        } else if (event.kind == QStringLiteral("at.inbound")) {
            const QString from = field(event, "from");
            const Result<QString> e164 = m_contacts.phones().normalize(from);
            const QString phone = e164 ? *e164 : from.trimmed();
            QVariant contactId(QMetaType::fromType<qint64>());
            if (e164) {
                const Result<qint64> found = contactStore.contactIdByPhone(phone);
                if (!found)
                    return std::unexpected(found.error());
                if (*found != 0)
                    contactId = *found;
            }
            QString handledAs = QStringLiteral("inbox");
            if (intent.kind == InboundIntent::Kind::OptOut && e164)
                handledAs = QStringLiteral("optout");
            else if (intent.kind == InboundIntent::Kind::Prayer)
                handledAs = QStringLiteral("prayer");
            QString providerId = field(event, "id");
            if (providerId.isEmpty())
                providerId = QStringLiteral("relay:%1:%2").arg(org).arg(event.seq);
            inbox.addBindValue(providerId);
            inbox.addBindValue(phone);
            inbox.addBindValue(sqlText(field(event, "to")));
            inbox.addBindValue(sqlText(field(event, "text")));
            inbox.addBindValue(received);
            inbox.addBindValue(contactId);
            inbox.addBindValue(handledAs);
            inbox.addBindValue(sqlText(field(event, "linkId")));
            inbox.addBindValue(sqlText(field(event, "networkCode")));
            if (!inbox.exec())
                return std::unexpected(Database::storageError(inbox.lastError(), what));
            if (inbox.numRowsAffected() == 0) {
                ++report.duplicates; // the same SMS through another event: handled once
                continue;
            }
            const qint64 inboxId = inbox.lastInsertId().toLongLong();
            if (handledAs == QStringLiteral("optout")) {
                if (const Status done = m_contacts.optOutInTransaction(db, phone, intent.keyword, QStringLiteral("sms")); !done)
                    return std::unexpected(done.error());
                ++report.optOuts;
            } else if (handledAs == QStringLiteral("prayer")) {
                prayer.addBindValue(inboxId);
                prayer.addBindValue(phone);
                prayer.addBindValue(contactId);
                prayer.addBindValue(sqlText(intent.text));
                prayer.addBindValue(received);
                if (!prayer.exec())
                    return std::unexpected(Database::storageError(prayer.lastError(), what));
                ++report.prayers;
            } else {
                ++report.inbox;
            }
        } else {
            ++report.kept;
        }
    }
    int confirmed = 0; // messages with no report yet that a report confirmed: their tokens were spent
    if (!reports.isEmpty()) {
        const Result<int> changed = m_outbox.applyDeliveryReportsInTransaction(reports, &confirmed);
        if (!changed)
            return std::unexpected(changed.error());
        report.messagesChanged = *changed;
    }
    if (Status advanced = RelayLinkStore::advance(db, org, next, now); !advanced)
        return std::unexpected(advanced.error());
    if (Status committed = transaction.commit(); !committed)
        return std::unexpected(committed.error());
    if (confirmed > 0 || !report.credited.isEmpty())
        m_ledger.notifyBulkChange();
    report.cursor = next;
    if (report.applied() > 0) {
        qCInfo(lcSync) << "applied" << report.applied() << "relay events up to seq" << next << "(" << report.deliveryReports
                       << "delivery reports," << report.inbox << "messages," << report.optOuts << "opt-outs," << report.prayers
                       << "prayer requests," << report.credited.size() << "vouchers credited," << report.vouchersRefused
                       << "vouchers refused," << report.kept << "kept," << report.duplicates << "already applied)";
    }
    return report;
}

} // namespace kengele
