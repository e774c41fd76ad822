// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "PurchaseRecord.h"
#include "common/Result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>

class QSqlDatabase;

namespace kengele {

// The token_purchases table (schema 8): purchases asked for and what the relay said of them. Every
// call works on the given connection, inside the caller's transaction when one is open.
class PurchaseStore final
{
    Q_DECLARE_TR_FUNCTIONS(PurchaseStore)

public:
    // A purchase just asked for, before the relay answered.
    static Status insertRequest(const QSqlDatabase &db, const PurchaseRecord &record);
    // A purchase object from the relay (POST/GET /v1/purchases, a "purchase" event): updates the row
    // of its request_id, or adds it (asked for on another computer). A state never goes back: once
    // paid or failed, a late "waiting" changes nothing. Refused when the object cannot be read.
    static Result<PurchaseRecord> saveFromRelay(const QSqlDatabase &db, const QJsonObject &object, qint64 nowMs);
    // The relay refused or could not be asked: the request is failed here with the reason.
    static Status markFailed(const QSqlDatabase &db, const QString &requestId, const QString &reason, qint64 nowMs);
    // A voucher credited its tokens: the purchase it paid for is paid and credited.
    static Status markCredited(const QSqlDatabase &db, const QString &purchase, const QString &voucher, const QString &receipt,
                               qint64 nowMs);
    // Who asked for a purchase on this computer (empty when another computer did or it is unknown).
    static Result<QString> userOf(const QSqlDatabase &db, const QString &purchase);

    static Result<std::optional<PurchaseRecord>> find(const QSqlDatabase &db, const QString &requestId);
    // Newest first.
    static Result<QList<PurchaseRecord>> list(const QSqlDatabase &db, int limit);
    // Removes failed purchases, and requests the relay never answered, older than `beforeMs`, and
    // returns how many. Paid ones stay: they are the story behind a voucher.
    static Result<int> removeAbandoned(const QSqlDatabase &db, qint64 beforeMs);

    // Why a purchase failed, in the reader's language: by M-Pesa's result code when it is one of the
    // common ones, else the relay's own words.
    static QString reasonText(const PurchaseRecord &record);
    // A plan's name for people ("Starter").
    static QString planName(const QString &planKey);
};

} // namespace kengele
