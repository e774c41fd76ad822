// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

class QSqlDatabase;

namespace kengele {

class Clock;
class Database;
struct RelayEnrolment;

// The organisation this profile is enrolled with at the relay, and how far its feed was applied.
struct RelayLink {
    QString org; // empty: not enrolled
    QString orgName;
    QString device;
    qint64 cursor = 0; // the last seq applied
    QDateTime enrolledAt;
    QDateTime lastSync; // the last time the relay answered and its events were saved (UTC)
    QByteArray voucherKey; // the relay's voucher key, pinned (32 bytes); empty: not known yet
    QByteArray offer; // the relay's last GET /v1/plans answer (JSON); empty: never asked

    bool isEnrolled() const { return !org.isEmpty(); }
};

// The relay_link row (schema 4). The URL is in the settings, the token in the keychain.
class RelayLinkStore final
{
    Q_DECLARE_TR_FUNCTIONS(RelayLinkStore)

public:
    RelayLinkStore(Database &database, const Clock &clock);

    Result<RelayLink> load() const;
    // Enrolled (again): a new organisation starts its feed from the beginning; the same one keeps
    // its cursor (events already applied are not fetched again).
    Status saveEnrolment(const RelayEnrolment &enrolment);

    // Pins the relay's voucher key for a computer connected before relays had one: kept only when
    // no key is pinned yet (a pinned key changes only with a new enrolment).
    Status pinVoucherKey(const QByteArray &key);
    Status saveOffer(const QByteArray &json);
    // Inside the caller's transaction: the cursor moves forward only (never back), with the time.
    static Status advance(const QSqlDatabase &db, const QString &org, qint64 cursor, qint64 nowMs);

private:
    Database &m_database;
    const Clock &m_clock;
};

} // namespace kengele
