// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace kengele {

class Profile;

// One member of the demo congregation, as DemoHistory needs them.
struct DemoPerson {
    qint64 contactId = 0;
    QString phone; // E.164
    QString firstName;
    QString name; // first and last
    qint64 joinedAt = 0; // contacts.created_at (UTC ms)
    QList<int> groups; // indexes into the demo's groups: 0 Youth, 1 Choir, 2 Women's, 3 Men's, 4 Elders, ...
    bool quits = false; // replies STOP during the year
};

// What taking the demo's history away removed.
struct DemoHistoryRemoved {
    int campaigns = 0;
    qint64 messages = 0;
    int received = 0; // replies and opt-outs by SMS
};

// Tokens the demo's purchases left in a budget account at the end of its year.
struct DemoTokensLeft {
    QString account;
    qint64 tokens = 0;
};

// A year of the demo congregation's messaging before the profile clock's now, so reports and the
// dashboard have something to show (issue 15): about fifty campaigns (Sunday reminders, group
// messages, events, a fundraiser, Easter and Christmas) from three budget accounts (Main and two
// departments), each with its outbox rows, delivery reports over Safaricom, Airtel and Telkom,
// replies in the inbox, opt-outs by SMS and an opt-in. Tokens go through the ledger (purchases,
// then a reservation, spends and releases per campaign, each at its own time), so LedgerVerifier
// passes. Delivery reports are kept, tied to their messages and move them on as DeliveryReportApplier
// does (its network names), written directly by number and campaign: the applier's lookups by number took half a
// second for the year's 10,000 reports, too long for a first start. Written in
// the caller's transaction; nothing goes to the audit trail (as for the demo's contacts).
// Deterministic: the same people and seed give the same history.
class DemoHistory final
{
    Q_DECLARE_TR_FUNCTIONS(DemoHistory)

public:
    // The demo's department budget accounts, besides Main.
    static QString youthAccount() { return QStringLiteral("Youth fund"); }
    static QString womenAccount() { return QStringLiteral("Women Guild"); }

    // Inside the caller's open transaction on the profile's connection. groupIds: the demo's groups
    // in DemoCongregation's order. The caller emits the services' change signals after committing.
    // Returns what the year's purchases left in each budget account.
    static Result<QList<DemoTokensLeft>> writeInTransaction(Profile &profile, const QList<DemoPerson> &people,
                                                            const QList<qint64> &groupIds, qint64 now, quint32 seed);
    // After the caller's commit (the ledger's expiry is a transaction of its own): those tokens expire
    // now, so the demo's made-up purchases never pay for real messages and a new profile holds no
    // tokens until it gets the relay's demo voucher or buys some, as before the demo had a history.
    static Status expireLeftovers(Profile &profile, const QList<DemoTokensLeft> &left);
    // Takes the made-up year away again (File → Remove the demo congregation), inside the caller's
    // open transaction: the demo's campaigns (campaigns.demo) with their messages and delivery
    // reports, the replies and SMS opt-outs that answered them (inbox.campaign_id) and the opt-outs
    // and the opt-in those recorded. The summaries follow through their triggers. The token ledger
    // keeps the demo's purchases and spends: it is never rewritten, and they came to nothing (what
    // was left expired at the start).
    static Result<DemoHistoryRemoved> removeInTransaction(QSqlDatabase db);
};

} // namespace kengele
