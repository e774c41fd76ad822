// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The token ledger shared between computers (architecture.md §5, "Several computers: the change
// log"): two profiles hand each other their changes the way the relay would (without network and
// encryption); one voucher is one credit wherever it is credited; two computers that spend the same
// tokens offline leave the budget overdrawn, launching from it is refused until it is topped up;
// the ledger check is clean on each computer after every merge.

#include "TestSupport.h"
#include "storage/Database.h"
#include "storage/Transaction.h"
#include "sync/ChangeLog.h"
#include "sync/ReplicaApplier.h"
#include "sync/ReplicaUid.h"
#include "tokens/LedgerReplay.h"
#include "tokens/LedgerVerifier.h"
#include "tokens/LotBook.h"
#include "tokens/TokenLedger.h"

#include <QSqlQuery>
#include <QTest>

using namespace kengele;
using namespace Qt::StringLiterals;

namespace {

qint64 scalar(test::TempProfile &p, const QString &sql)
{
    QSqlQuery q(p->database().connection());
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

// What `from` has not sent yet, applied on `to`.
bool send(test::TempProfile &from, test::TempProfile &to)
{
    ChangeLog log(from->database());
    const auto out = log.pendingOut(100000);
    if (!out)
        return false;
    if (out->ops.isEmpty())
        return true;
    if (!ReplicaApplier(to->database(), to.clock()).apply(out->ops))
        return false;
    return bool(log.markSent(out->upTo));
}

bool exchange(test::TempProfile &a, test::TempProfile &b)
{
    // Twice: joining budgets of the same name sends one change more.
    return send(a, b) && send(b, a) && send(a, b) && send(b, a);
}

QString problemsOf(test::TempProfile &p)
{
    const auto problems = LedgerVerifier(p->database()).verify();
    if (!problems)
        return problems.error().message;
    QStringList lines;
    for (const LedgerProblem &problem : *problems)
        lines << problem.message;
    return lines.join(u'\n');
}

qint64 balanceOf(test::TempProfile &p, const QString &account)
{
    const auto found = TokenLedger(p->database(), p.clock()).findAccount(account);
    return found ? found->balance : -999999;
}

} // namespace

class TestLedgerSync final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void voucherUidIsNamed();
    void sameVoucherOnTwoComputersIsOneCredit();
    void concurrentSpendingShowsTheOverdraft();
    void budgetsOfTheSameNameAreOne();
    void lotsFollowTheMergedEntries();
    void newTransfersAreCountedOnTheirOwn();
};

void TestLedgerSync::voucherUidIsNamed()
{
    const QString a = ReplicaUid::fromName(u"voucher", u"vch_1");
    QCOMPARE(a, ReplicaUid::fromName(u"voucher", u"vch_1"));
    QVERIFY(a != ReplicaUid::fromName(u"voucher", u"vch_2"));
    QVERIFY(a != ReplicaUid::fromName(u"expiry", u"vch_1"));
    QVERIFY(ReplicaUid::isValid(a));
    QCOMPARE(a.at(14), u'8'); // version 8: name-based
}

void TestLedgerSync::sameVoucherOnTwoComputersIsOneCredit()
{
    test::TempProfile a;
    test::TempProfile b;
    b.clock().advanceMs(90'000);
    const LotTerms terms{u"demo"_s, a.clock().nowUtc().addDays(7)};
    // The relay's demo voucher reaches both computers; each credits it before hearing of the other.
    QVERIFY(TokenLedger(a->database(), a.clock()).purchase(u"Main"_s, 100, u"vch_demo"_s, u"kengele"_s, terms));
    QVERIFY(TokenLedger(b->database(), b.clock()).purchase(u"Main"_s, 100, u"vch_demo"_s, u"kengele"_s, terms));
    QVERIFY(exchange(a, b));
    for (test::TempProfile *p : {&a, &b}) {
        QCOMPARE(scalar(*p, u"SELECT count(*) FROM token_transfers WHERE kind = 'purchase'"_s), 1);
        QCOMPARE(scalar(*p, u"SELECT count(*) FROM token_lots WHERE transfer_id IS NOT NULL"_s), 1);
        QCOMPARE(balanceOf(*p, u"Main"_s), 100);
        QCOMPARE(problemsOf(*p), QString());
    }
    QCOMPARE(*ChangeLog(a->database()).canonicalDump(), *ChangeLog(b->database()).canonicalDump());
    // Credited again after the merge: the earlier credit, nothing added.
    const auto again = TokenLedger(b->database(), b.clock()).purchase(u"Main"_s, 100, u"vch_demo"_s, u"kengele"_s, terms);
    QVERIFY(again);
    QVERIFY(again->alreadyCredited);
    QCOMPARE(balanceOf(b, u"Main"_s), 100);
}

void TestLedgerSync::concurrentSpendingShowsTheOverdraft()
{
    test::TempProfile a;
    test::TempProfile b;
    b.clock().advanceMs(30'000);
    TokenLedger la(a->database(), a.clock());
    TokenLedger lb(b->database(), b.clock());
    QVERIFY(la.grant(u"Main"_s, 100, u"Demo"_s, u"treasurer"_s));
    QVERIFY(exchange(a, b));
    QCOMPARE(balanceOf(b, u"Main"_s), 100);
    const qint64 mainA = *la.accountId(u"Main"_s);
    const qint64 mainB = *lb.accountId(u"Main"_s);

    // Offline, each sends a campaign the budget could pay for alone.
    QVERIFY(la.reserveInTransaction(a->database().connection(), mainA, 1, 80, u"secretary"_s));
    QVERIFY(la.spendInTransaction(a->database().connection(), 1, 80, u"secretary"_s));
    QVERIFY(lb.reserveInTransaction(b->database().connection(), mainB, 1, 70, u"pastor"_s));
    QVERIFY(lb.spendInTransaction(b->database().connection(), 1, 60, u"pastor"_s));
    QVERIFY(lb.releaseAllInTransaction(b->database().connection(), 1, u"Done"_s, u"pastor"_s));
    a.clock().advanceMs(60'000);
    b.clock().advanceMs(60'000);
    QVERIFY(exchange(a, b));

    for (test::TempProfile *p : {&a, &b}) {
        TokenLedger ledger((*p)->database(), p->clock());
        // Two campaigns: one from each computer, told apart although both are "campaign 1" there.
        QCOMPARE(scalar(*p, u"SELECT count(DISTINCT campaign_ref) FROM token_transfers WHERE campaign_ref <> ''"_s), 2);
        QCOMPARE(ledger.findAccount(u"Main"_s)->balance, -40);
        QCOMPARE(scalar(*p,
                        u"SELECT coalesce(sum(tokens), 0) FROM token_lot_holdings WHERE account_id = %1"_s.arg(
                            *ledger.accountId(u"Main"_s))),
                 -40);
        QCOMPARE(problemsOf(*p), QString());
        // Launching from it is refused, with the reason.
        const auto refused
            = ledger.reserveInTransaction((*p)->database().connection(), *ledger.accountId(u"Main"_s), 7, 5, u"secretary"_s);
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(u"overdrawn by 40 token"_s), qPrintable(refused.error().message));
        QVERIFY(!ledger.transfer(u"Main"_s, u"Spent"_s, 1, u"x"_s, u"x"_s));
    }
    QCOMPARE(*ChangeLog(a->database()).canonicalDump(), *ChangeLog(b->database()).canonicalDump());

    // Topped up on one computer: it pays the overdraft first, then sending works again everywhere.
    QVERIFY(lb.grant(u"Main"_s, 100, u"Top-up"_s, u"treasurer"_s));
    QCOMPARE(balanceOf(b, u"Main"_s), 60);
    QCOMPARE(problemsOf(b), QString());
    QVERIFY(exchange(a, b));
    QCOMPARE(balanceOf(a, u"Main"_s), 60);
    QVERIFY(la.reserveInTransaction(a->database().connection(), mainA, 2, 60, u"secretary"_s));
    QCOMPARE(balanceOf(a, u"Main"_s), 0);
    QVERIFY(exchange(a, b));
    for (test::TempProfile *p : {&a, &b})
        QCOMPARE(problemsOf(*p), QString());
    QCOMPARE(*ChangeLog(a->database()).canonicalDump(), *ChangeLog(b->database()).canonicalDump());
}

void TestLedgerSync::budgetsOfTheSameNameAreOne()
{
    test::TempProfile a;
    test::TempProfile b;
    TokenLedger la(a->database(), a.clock());
    TokenLedger lb(b->database(), b.clock());
    QVERIFY(la.grant(u"Main"_s, 50, u"Demo"_s, u"treasurer"_s));
    QVERIFY(lb.grant(u"Main"_s, 70, u"Demo"_s, u"treasurer"_s));
    QVERIFY(la.createBudgetAccount(u"Youth"_s));
    QVERIFY(lb.createBudgetAccount(u"youth"_s));
    QVERIFY(la.transfer(u"Main"_s, u"Youth"_s, 20, u"Camp"_s, u"treasurer"_s));
    QVERIFY(lb.transfer(u"Main"_s, u"youth"_s, 30, u"Camp"_s, u"treasurer"_s));
    QVERIFY(lb.setAlertThreshold(u"youth"_s, 10));
    QVERIFY(exchange(a, b));
    for (test::TempProfile *p : {&a, &b}) {
        QCOMPARE(scalar(*p, u"SELECT count(*) FROM token_accounts WHERE lower(name) = 'youth'"_s), 1);
        QCOMPARE(balanceOf(*p, u"Youth"_s), 50);
        QCOMPARE(balanceOf(*p, u"Main"_s), 70);
        QCOMPARE(problemsOf(*p), QString());
    }
    QCOMPARE(*ChangeLog(a->database()).canonicalDump(), *ChangeLog(b->database()).canonicalDump());
    // A rename travels; the other computer's later transfer lands in the renamed budget.
    QVERIFY(la.renameBudgetAccount(u"Youth"_s, u"Young adults"_s));
    QVERIFY(lb.transfer(u"Main"_s, u"youth"_s, 5, u"Bus"_s, u"treasurer"_s));
    QVERIFY(exchange(a, b));
    for (test::TempProfile *p : {&a, &b}) {
        QCOMPARE(balanceOf(*p, u"Young adults"_s), 55);
        QCOMPARE(problemsOf(*p), QString());
    }
}

void TestLedgerSync::lotsFollowTheMergedEntries()
{
    // B's expiring purchase and A's grant that never expires: a transfer on A (made before it heard
    // of the purchase) and a campaign on B draw from the lots in clock order on both computers.
    test::TempProfile a;
    test::TempProfile b;
    TokenLedger la(a->database(), a.clock());
    TokenLedger lb(b->database(), b.clock());
    QVERIFY(la.grant(u"Main"_s, 40, u"Demo"_s, u"treasurer"_s));
    QVERIFY(exchange(a, b));
    QVERIFY(lb.purchase(u"Main"_s, 60, u"vch_9"_s, u"kengele"_s, {u"starter"_s, b.clock().nowUtc().addDays(3)}));
    QVERIFY(la.createBudgetAccount(u"Choir"_s));
    QVERIFY(la.transfer(u"Main"_s, u"Choir"_s, 30, u"Robes"_s, u"treasurer"_s));
    QVERIFY(lb.reserveInTransaction(b->database().connection(), *lb.accountId(u"Main"_s), 5, 50, u"secretary"_s));
    QVERIFY(exchange(a, b));
    QStringList holdings;
    for (test::TempProfile *p : {&a, &b}) {
        QCOMPARE(problemsOf(*p), QString());
        QSqlQuery q((*p)->database().connection());
        QVERIFY(q.exec(u"SELECT a.name, coalesce(t.reference, ''), h.tokens FROM token_lot_holdings h "
                       "JOIN token_accounts a ON a.id = h.account_id JOIN token_lots l ON l.id = h.lot_id "
                       "LEFT JOIN token_transfers t ON t.id = l.transfer_id WHERE h.tokens <> 0 ORDER BY 1, 2"_s));
        QStringList rows;
        while (q.next())
            rows << u"%1 %2 %3"_s.arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString());
        holdings << rows.join(u"; "_s);
    }
    QCOMPARE(holdings[0], holdings[1]);
    // Midnight after the purchase's expiry on both computers: one expiry, not two.
    a.clock().advanceMs(4 * 86'400'000LL);
    b.clock().advanceMs(4 * 86'400'000LL);
    QVERIFY(la.expireDue(u"system"_s));
    QVERIFY(lb.expireDue(u"system"_s));
    QVERIFY(exchange(a, b));
    for (test::TempProfile *p : {&a, &b}) {
        QCOMPARE(scalar(*p, u"SELECT count(*) FROM token_transfers WHERE kind = 'expiry'"_s),
                 scalar(*p, u"SELECT count(DISTINCT uid) FROM token_transfers WHERE kind = 'expiry'"_s));
        QCOMPARE(problemsOf(*p), QString());
        QVERIFY(balanceOf(*p, u"Main"_s) >= 0);
    }
    QCOMPARE(*ChangeLog(a->database()).canonicalDump(), *ChangeLog(b->database()).canonicalDump());
}

// A computer that hears of the other's transfers as they are made counts only them on top of its
// lots (LedgerReplay::append); one that hears of them late, between its own, recounts all; both
// end with the lots a full recount gives.
void TestLedgerSync::newTransfersAreCountedOnTheirOwn()
{
    test::TempProfile a;
    test::TempProfile b;
    TokenLedger la(a->database(), a.clock());
    TokenLedger lb(b->database(), b.clock());
    QVERIFY(la.grant(u"Main"_s, 500, u"Demo"_s, u"treasurer"_s));
    QVERIFY(la.purchase(u"Main"_s, 60, u"vch_1"_s, u"kengele"_s, {u"starter"_s, a.clock().nowUtc().addDays(3)}));
    QVERIFY(exchange(a, b));
    const auto deliver = [](test::TempProfile &from, test::TempProfile &to) -> std::optional<ReplicaApplier::Report> {
        ChangeLog log(from->database());
        const auto out = log.pendingOut(100000);
        if (!out || out->ops.isEmpty())
            return std::nullopt;
        auto report = ReplicaApplier(to->database(), to.clock()).apply(out->ops);
        if (!report || !log.markSent(out->upTo))
            return std::nullopt;
        return *report;
    };
    const auto lotBook = [](test::TempProfile &p) {
        QSqlQuery q(p->database().connection());
        QStringList rows;
        for (const QString &sql : {u"SELECT e.transfer_id, e.amount, el.lot_id, el.amount FROM token_entry_lots el JOIN "
                                   "token_entries e ON e.id = el.entry_id ORDER BY 1, 2, 3"_s,
                                   u"SELECT account_id, lot_id, tokens FROM token_lot_holdings ORDER BY 1, 2"_s,
                                   u"SELECT hour, account_id, tokens FROM token_spend_hours WHERE tokens <> 0 ORDER BY 1, 2"_s}) {
            q.exec(sql);
            while (q.next())
                rows << u"%1 %2 %3 %4"_s.arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                                             q.value(3).toString());
        }
        return rows.join(u'\n');
    };
    const auto recounted = [&lotBook](test::TempProfile &p) {
        const QSqlDatabase db = p->database().connection();
        Transaction recount(db);
        if (!recount.began(u"recount"_s) || !LedgerReplay::rebuild(db))
            return QString();
        return lotBook(p);
    };
    // A campaign on A: reserved, spent message by message, the rest given back; B hears each step.
    const qint64 main = *la.accountId(u"Main"_s);
    for (int campaign = 1; campaign <= 2; ++campaign) {
        QVERIFY(la.reserveInTransaction(a->database().connection(), main, campaign, 80, u"secretary"_s));
        auto report = deliver(a, b);
        QVERIFY(report && report->ledgerAppended && !report->ledgerRebuilt);
        for (int message = 0; message < 3; ++message) {
            a.clock().advanceMs(3'600'000); // one message an hour: each in its own hour of spending
            b.clock().advanceMs(3'600'000);
            QVERIFY(la.spendInTransaction(a->database().connection(), campaign, 1, u"secretary"_s));
            report = deliver(a, b);
            QVERIFY(report && report->ledgerAppended);
        }
        QVERIFY(la.releaseInTransaction(a->database().connection(), campaign, 77, u"Finished"_s, u"secretary"_s));
        report = deliver(a, b);
        QVERIFY(report && report->ledgerAppended);
        QCOMPARE(lotBook(b), recounted(b));
        QCOMPARE(problemsOf(b), QString());
    }
    // B spends offline, then A's transfer written before B's arrives: it falls between, all is recounted.
    QVERIFY(la.createBudgetAccount(u"Choir"_s));
    QVERIFY(exchange(a, b));
    a.clock().advanceMs(1000);
    QVERIFY(la.transfer(u"Main"_s, u"Choir"_s, 30, u"Robes"_s, u"treasurer"_s));
    b.clock().advanceMs(60'000);
    QVERIFY(lb.transfer(u"Main"_s, u"Choir"_s, 20, u"Hymn books"_s, u"treasurer"_s));
    const auto late = deliver(a, b);
    QVERIFY(late && late->ledgerRebuilt && !late->ledgerAppended);
    QCOMPARE(lotBook(b), recounted(b));
    QCOMPARE(problemsOf(b), QString());
}

QTEST_GUILESS_MAIN(TestLedgerSync)
#include "TestLedgerSync.moc"
