// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "PurchaseStore.h"

#include "storage/Database.h"
#include "tokens/Plan.h"

#include <QSqlError>
#include <QSqlQuery>

namespace kengele {

namespace {

constexpr int MaxField = 100;

const QString Columns
    = QStringLiteral("request_id, purchase, plan, tokens, validity_days, amount_kes, phone, account, state, reason, "
                     "result_code, receipt, voucher, simulated, user_name, requested_at, updated_at, credited_at");

QDateTime fromMs(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

PurchaseRecord readRow(const QSqlQuery &q)
{
    PurchaseRecord r;
    r.requestId = q.value(0).toString();
    r.purchase = q.value(1).toString();
    r.plan = q.value(2).toString();
    r.tokens = q.value(3).toLongLong();
    r.validityDays = q.value(4).toInt();
    if (!q.value(5).isNull())
        r.amountKes = q.value(5).toLongLong();
    r.phone = q.value(6).toString();
    r.account = q.value(7).toString();
    r.state = PurchaseRecord::stateFromKey(q.value(8).toString()).value_or(PurchaseState::Failed);
    r.reason = q.value(9).toString();
    r.resultCode = q.value(10).toString();
    r.receipt = q.value(11).toString();
    r.voucher = q.value(12).toString();
    r.simulated = q.value(13).toBool();
    r.user = q.value(14).toString();
    r.requested = fromMs(q.value(15));
    r.updated = fromMs(q.value(16));
    r.credited = fromMs(q.value(17));
    return r;
}

QString text(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1StringView(key)).toString().left(MaxField);
}

QDateTime time(const QJsonObject &o, const char *key)
{
    const QDateTime t = QDateTime::fromString(o.value(QLatin1StringView(key)).toString(), Qt::ISODateWithMs);
    return t.isValid() ? t.toUTC() : QDateTime();
}

} // namespace

QString PurchaseRecord::stateKey(PurchaseState state)
{
    switch (state) {
    case PurchaseState::Requesting:
        return QStringLiteral("requesting");
    case PurchaseState::Waiting:
        return QStringLiteral("waiting");
    case PurchaseState::Paid:
        return QStringLiteral("paid");
    case PurchaseState::Failed:
        break;
    }
    return QStringLiteral("failed");
}

std::optional<PurchaseState> PurchaseRecord::stateFromKey(const QString &key)
{
    for (PurchaseState s : {PurchaseState::Requesting, PurchaseState::Waiting, PurchaseState::Paid, PurchaseState::Failed}) {
        if (stateKey(s) == key)
            return s;
    }
    return std::nullopt;
}

Status PurchaseStore::insertRequest(const QSqlDatabase &db, const PurchaseRecord &r)
{
    QSqlQuery q(db);
    q.prepare(
        QStringLiteral("INSERT INTO token_purchases(request_id, plan, tokens, validity_days, amount_kes, phone, account, state, "
                       "user_name, requested_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'requesting', ?, ?, ?)"));
    q.addBindValue(r.requestId);
    q.addBindValue(r.plan);
    q.addBindValue(r.tokens);
    q.addBindValue(r.validityDays);
    q.addBindValue(r.amountKes ? QVariant(*r.amountKes) : QVariant(QMetaType::fromType<qint64>()));
    q.addBindValue(sqlText(r.phone));
    q.addBindValue(r.account);
    q.addBindValue(sqlText(r.user));
    q.addBindValue(r.requested.toMSecsSinceEpoch());
    q.addBindValue(r.requested.toMSecsSinceEpoch());
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Saving the purchase")));
    return {};
}

Result<PurchaseRecord> PurchaseStore::saveFromRelay(const QSqlDatabase &db, const QJsonObject &o, qint64 nowMs)
{
    PurchaseRecord r;
    r.requestId = text(o, "request_id");
    r.purchase = text(o, "purchase");
    r.plan = text(o, "plan");
    r.tokens = o.value(QLatin1StringView("tokens")).toInteger();
    r.validityDays = int(o.value(QLatin1StringView("validity_days")).toInteger());
    if (o.value(QLatin1StringView("amount_kes")).isDouble())
        r.amountKes = o.value(QLatin1StringView("amount_kes")).toInteger();
    r.phone = text(o, "phone");
    r.account = text(o, "account");
    const std::optional<PurchaseState> state = PurchaseRecord::stateFromKey(text(o, "state"));
    r.reason = o.value(QLatin1StringView("reason")).toString().left(500);
    r.resultCode = text(o, "result_code");
    r.receipt = text(o, "receipt");
    r.voucher = text(o, "voucher");
    r.simulated = o.value(QLatin1StringView("simulated")).toBool();
    r.requested = time(o, "requested");
    if (r.requestId.isEmpty() || r.purchase.isEmpty() || !Plan::find(r.plan) || r.tokens <= 0 || !state
        || *state == PurchaseState::Requesting) {
        return fail(ErrorCode::Unsupported, tr("The relay's answer about this purchase could not be read."));
    }
    r.state = *state;
    if (r.account.isEmpty())
        r.account = QStringLiteral("Main");
    if (!r.requested.isValid())
        r.requested = QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC);

    // One statement: a new row, or the known row brought forward (never back from paid or failed,
    // and never to another purchase id once one is known).
    QSqlQuery q(db);
    q.prepare(
        QStringLiteral("INSERT INTO token_purchases(request_id, purchase, plan, tokens, validity_days, amount_kes, phone, "
                       "account, state, reason, "
                       "result_code, receipt, voucher, simulated, requested_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                       "?, ?, ?, ?, ?, ?, ?) "
                       "ON CONFLICT(request_id) DO UPDATE SET "
                       "purchase = CASE WHEN purchase = '' THEN excluded.purchase ELSE purchase END, "
                       "amount_kes = coalesce(excluded.amount_kes, amount_kes), "
                       "phone = CASE WHEN excluded.phone <> '' THEN excluded.phone ELSE phone END, "
                       "state = CASE WHEN state IN ('paid', 'failed') THEN state ELSE excluded.state END, "
                       "reason = CASE WHEN state IN ('paid', 'failed') THEN reason ELSE excluded.reason END, "
                       "result_code = CASE WHEN state IN ('paid', 'failed') THEN result_code ELSE excluded.result_code END, "
                       "receipt = CASE WHEN receipt = '' THEN excluded.receipt ELSE receipt END, "
                       "voucher = CASE WHEN voucher = '' THEN excluded.voucher ELSE voucher END, "
                       "simulated = excluded.simulated, updated_at = excluded.updated_at "
                       "WHERE purchase = '' OR purchase = excluded.purchase"));
    q.addBindValue(r.requestId);
    q.addBindValue(r.purchase);
    q.addBindValue(r.plan);
    q.addBindValue(r.tokens);
    q.addBindValue(r.validityDays);
    q.addBindValue(r.amountKes ? QVariant(*r.amountKes) : QVariant(QMetaType::fromType<qint64>()));
    q.addBindValue(sqlText(r.phone));
    q.addBindValue(r.account);
    q.addBindValue(PurchaseRecord::stateKey(r.state));
    q.addBindValue(sqlText(r.reason));
    q.addBindValue(sqlText(r.resultCode));
    q.addBindValue(sqlText(r.receipt));
    q.addBindValue(sqlText(r.voucher));
    q.addBindValue(r.simulated ? 1 : 0);
    q.addBindValue(r.requested.toMSecsSinceEpoch());
    q.addBindValue(nowMs);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Saving the purchase")));
    const Result<std::optional<PurchaseRecord>> saved = find(db, r.requestId);
    if (!saved)
        return std::unexpected(saved.error());
    return saved->value_or(r);
}

Status PurchaseStore::markFailed(const QSqlDatabase &db, const QString &requestId, const QString &reason, qint64 nowMs)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE token_purchases SET state = 'failed', reason = ?, updated_at = ? "
                             "WHERE request_id = ? AND state IN ('requesting', 'waiting')"));
    q.addBindValue(sqlText(reason));
    q.addBindValue(nowMs);
    q.addBindValue(requestId);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Saving the purchase")));
    return {};
}

Status PurchaseStore::markCredited(const QSqlDatabase &db, const QString &purchase, const QString &voucher,
                                   const QString &receipt, qint64 nowMs)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE token_purchases SET state = 'paid', reason = '', voucher = ?, "
                             "receipt = CASE WHEN ? <> '' THEN ? ELSE receipt END, updated_at = ?, "
                             "credited_at = coalesce(credited_at, ?) WHERE purchase = ?"));
    q.addBindValue(voucher);
    q.addBindValue(sqlText(receipt));
    q.addBindValue(sqlText(receipt));
    q.addBindValue(nowMs);
    q.addBindValue(nowMs);
    q.addBindValue(purchase);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Saving the purchase")));
    return {};
}

Result<QString> PurchaseStore::userOf(const QSqlDatabase &db, const QString &purchase)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT user_name FROM token_purchases WHERE purchase = ?"));
    q.addBindValue(purchase);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Reading the purchases")));
    return q.next() ? q.value(0).toString() : QString();
}

Result<std::optional<PurchaseRecord>> PurchaseStore::find(const QSqlDatabase &db, const QString &requestId)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT %1 FROM token_purchases WHERE request_id = ?").arg(Columns));
    q.addBindValue(requestId);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Reading the purchases")));
    if (!q.next())
        return std::optional<PurchaseRecord>();
    return std::optional<PurchaseRecord>(readRow(q));
}

Result<QList<PurchaseRecord>> PurchaseStore::list(const QSqlDatabase &db, int limit)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT %1 FROM token_purchases ORDER BY requested_at DESC, rowid DESC LIMIT ?").arg(Columns));
    q.addBindValue(limit);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Reading the purchases")));
    QList<PurchaseRecord> out;
    while (q.next())
        out.append(readRow(q));
    return out;
}

Result<int> PurchaseStore::removeAbandoned(const QSqlDatabase &db, qint64 beforeMs)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM token_purchases WHERE state IN ('failed', 'requesting') AND updated_at < ?"));
    q.addBindValue(beforeMs);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Removing old purchase attempts")));
    return q.numRowsAffected();
}

QString PurchaseStore::reasonText(const PurchaseRecord &r)
{
    const QString &code = r.resultCode;
    if (code == QStringLiteral("1032"))
        return tr("The payment was cancelled on the phone.");
    if (code == QStringLiteral("1"))
        return tr("There was not enough money in M-Pesa.");
    if (code == QStringLiteral("1037"))
        return tr("The phone could not be reached. Is it switched on?");
    if (code == QStringLiteral("2001"))
        return tr("The M-Pesa PIN was wrong.");
    if (code == QStringLiteral("1019"))
        return tr("The payment request expired before it was paid.");
    if (code == QStringLiteral("amount"))
        return tr("M-Pesa reported a different amount than the price, so no tokens were added. Ask whoever runs your relay.");
    if (code == QStringLiteral("phone_busy"))
        return tr("A payment is already waiting on this phone. Try again in a minute.");
    if (!r.reason.isEmpty())
        return r.reason;
    return code.isEmpty() ? QString() : tr("M-Pesa did not complete the payment (code %1).").arg(code);
}

QString PurchaseStore::planName(const QString &planKey)
{
    if (planKey == QStringLiteral("demo"))
        return tr("Demo");
    if (planKey == QStringLiteral("starter"))
        return tr("Starter");
    if (planKey == QStringLiteral("business"))
        return tr("Business");
    if (planKey == QStringLiteral("enterprise"))
        return tr("Enterprise");
    return planKey;
}

} // namespace kengele
