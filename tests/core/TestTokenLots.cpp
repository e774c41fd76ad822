// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// TokenLedger's lots (architecture.md §5): expiry, the order tokens are drawn in, and the upgrade
// of a ledger written before lots existed. The rest of TokenLedger is in TestTokenLedger.

#include "TestSupport.h"
#include "storage/Database.h"
#include "tokens/LedgerVerifier.h"
#include "tokens/TokenLedger.h"

#include <QHash>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QtTest>

using namespace kengele;
using kengele::test::FixedClock;
using kengele::test::TempProfile;

namespace {

const QString Mary = QStringLiteral("Mary Wanjiku");
const QString Main = QStringLiteral("Main");
const QString Youth = QStringLiteral("Youth");

// Seeded by schema version 2.
constexpr qint64 MainId = 2;
constexpr qint64 ExpiredId = 5;

template<typename T> QByteArray why(const std::expected<T, Error> &result)
{
    return result ? QByteArray() : result.error().message.toUtf8();
}

QString problemsOf(const Database &database)
{
    const Result<QList<LedgerProblem>> problems = LedgerVerifier(database).verify();
    if (!problems)
        return problems.error().message;
    QStringList lines;
    for (const LedgerProblem &problem : *problems)
        lines << problem.message;
    return lines.join(u'\n');
}

#define VERIFY_CLEAN(database)                                                                                                   \
    do {                                                                                                                         \
        const QString report_ = problemsOf(database);                                                                            \
        QVERIFY2(report_.isEmpty(), qPrintable(report_));                                                                        \
    } while (false)

// "account:tokens@days-after-the-start" for each lot, in the order lots() gives them ("never" for no expiry).
QStringList describe(const QList<TokenLot> &lots, const QDateTime &start)
{
    QStringList out;
    for (const TokenLot &lot : lots) {
        out << lot.accountName + u':' + QString::number(lot.remaining) + u'@'
                + (lot.expires.isValid() ? QString::number(start.daysTo(lot.expires)) : QStringLiteral("never"));
    }
    return out;
}

// "a b c" as {"a", "b", "c"}.
QStringList lotList(const char *lots)
{
    return QString::fromUtf8(lots).split(u' ', Qt::SkipEmptyParts);
}

QStringList lotsOf(const TokenLedger &ledger, const QDateTime &start)
{
    const Result<QList<TokenLot>> lots = ledger.lots();
    if (!lots)
        return {lots.error().message};
    return describe(*lots, start);
}

} // namespace

class TestTokenLots final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void drawsFromTheLotThatExpiresFirst();
    void expiryMovesTheRestButNotWhatCampaignsHold();
    void purchaseWithTermsIsCreditedOnce();
    void refusesBadTerms();
    void manualExpiryTakesTheSoonestLots();
    void renameAndAlertThreshold();
    void upgradeKeepsBalancesInALotThatNeverExpires();
    void randomOperationsKeepTheLotsRight();
};

void TestTokenLots::drawsFromTheLotThatExpiresFirst()
{
    TempProfile profile;
    TokenLedger &ledger = profile->tokens();
    const QSqlDatabase db = profile->database().connection();
    const QDateTime start = profile.clock().nowUtc();
    QVERIFY(ledger.createBudgetAccount(Youth));
    QVERIFY(ledger.grant(Main, 100, QStringLiteral("By hand"), Mary));
    QVERIFY(ledger.grant(Main, 50, QStringLiteral("Starter"), Mary, LotTerms{QStringLiteral("starter"), start.addDays(10)}));
    const auto bought
        = ledger.purchase(Main, 30, QStringLiteral("vch_1"), Mary, LotTerms{QStringLiteral("demo"), start.addDays(5)});
    QVERIFY2(bought, why(bought));
    QCOMPARE(lotsOf(ledger, start), lotList("Main:30@5 Main:50@10 Main:100@never"));

    // A transfer takes the soonest lots and keeps their expiry.
    QVERIFY(ledger.transfer(Main, Youth, 40, QStringLiteral("Camp"), Mary));
    QCOMPARE(lotsOf(ledger, start), lotList("Youth:30@5 Main:40@10 Youth:10@10 Main:100@never"));

    // A campaign reserves the soonest: all 40 of the 10-day lot, then 20 that never expire.
    QVERIFY(ledger.reserveInTransaction(db, MainId, 1, 60, Mary));
    QCOMPARE(lotsOf(ledger, start), lotList("Youth:30@5 Youth:10@10 Main:80@never"));
    // Its spending comes out of the soonest of what it holds; a release goes back to the lot
    // it still held: 30 spent and 10 released from the 10-day lot...
    QVERIFY(ledger.spendInTransaction(db, 1, 30, Mary));
    QVERIFY(ledger.releaseInTransaction(db, 1, 10, QStringLiteral("Failed"), Mary));
    QCOMPARE(lotsOf(ledger, start), lotList("Youth:30@5 Main:10@10 Youth:10@10 Main:80@never"));
    // ...and the 20 left come from the lot that never expires.
    const auto rest = ledger.releaseAllInTransaction(db, 1, QStringLiteral("Done"), Mary);
    QVERIFY2(rest, why(rest));
    QCOMPARE(*rest, 20);
    QCOMPARE(lotsOf(ledger, start), lotList("Youth:30@5 Main:10@10 Youth:10@10 Main:100@never"));
    QCOMPARE(*ledger.balance(MainId), 110);
    VERIFY_CLEAN(profile->database());

    const auto lots = ledger.lots();
    QVERIFY2(lots, why(lots));
    QCOMPARE(lots->at(0).plan, QStringLiteral("demo"));
    QCOMPARE(lots->at(0).tokens, 30);
    QCOMPARE(lots->at(0).reference, QStringLiteral("vch_1"));
    QCOMPARE(lots->at(0).credited, start);
    QCOMPARE(lots->at(1).plan, QStringLiteral("starter"));
    QCOMPARE(lots->at(3).plan, QString());
    QVERIFY(!lots->at(3).expires.isValid());
}

void TestTokenLots::expiryMovesTheRestButNotWhatCampaignsHold()
{
    TempProfile profile;
    TokenLedger &ledger = profile->tokens();
    const QSqlDatabase db = profile->database().connection();
    const QDateTime start = profile.clock().nowUtc();
    QVERIFY(ledger.createBudgetAccount(Youth));
    QVERIFY(ledger.purchase(Main, 100, QStringLiteral("vch_1"), Mary, LotTerms{QStringLiteral("starter"), start.addDays(2)}));
    QVERIFY(ledger.grant(Main, 5, {}, Mary));
    QVERIFY(ledger.transfer(Main, Youth, 20, QStringLiteral("Camp"), Mary));
    QVERIFY(ledger.reserveInTransaction(db, MainId, 1, 30, Mary)); // a launched campaign holds 30

    // Nothing is due yet.
    QCOMPARE(*ledger.expireDue(QStringLiteral("system")), 0);
    QSignalSpy changed(&ledger, &TokenLedger::balancesChanged);
    profile.clock().set(start.addDays(2)); // the moment it expires
    const auto expired = ledger.expireDue(QStringLiteral("system"));
    QVERIFY2(expired, why(expired));
    QCOMPARE(*expired, 70); // Main's 50 and Youth's 20; not the campaign's 30
    QCOMPARE(changed.size(), 1);
    QCOMPARE(*ledger.balance(MainId), 5);
    QCOMPARE(*ledger.balance(ExpiredId), 70);
    QCOMPARE(ledger.findAccount(Youth)->balance, 0);
    QCOMPARE(ledger.campaignTokens(1)->held, 30);
    QCOMPARE(lotsOf(ledger, start), lotList("Main:5@never"));
    // Idempotent.
    QCOMPARE(*ledger.expireDue(QStringLiteral("system")), 0);
    QCOMPARE(*ledger.balance(ExpiredId), 70);
    QCOMPARE(changed.size(), 1);
    VERIFY_CLEAN(profile->database());

    // Each lot's rest is one expiry, with the voucher and why.
    const auto history = ledger.history(MainId, 1);
    QCOMPARE(history->at(0).kind, TokenTransferKind::Expiry);
    QCOMPARE(history->at(0).amount, -50);
    QCOMPARE(history->at(0).reference, QStringLiteral("vch_1"));
    QVERIFY2(history->at(0).reason.contains(QStringLiteral("starter")), qPrintable(history->at(0).reason));

    // What the campaign gives back after its lot expired is unused and past its time: it expires next.
    QVERIFY(ledger.spendInTransaction(db, 1, 10, Mary));
    QCOMPARE(*ledger.releaseAllInTransaction(db, 1, QStringLiteral("Done"), Mary), 20);
    QCOMPARE(lotsOf(ledger, start), lotList("Main:20@2 Main:5@never"));
    QCOMPARE(*ledger.expireDue(QStringLiteral("system")), 20);
    QCOMPARE(*ledger.balance(MainId), 5);
    QCOMPARE(*ledger.expireDue(QStringLiteral("system")), 0);
    VERIFY_CLEAN(profile->database());
}

void TestTokenLots::purchaseWithTermsIsCreditedOnce()
{
    TempProfile profile;
    TokenLedger &ledger = profile->tokens();
    const QDateTime start = profile.clock().nowUtc();
    const LotTerms starter{QStringLiteral("starter"), start.addDays(30)};
    const auto first = ledger.purchase(Main, 1000, QStringLiteral("vch_9"), Mary, starter);
    QVERIFY2(first, why(first));
    QVERIFY(!first->alreadyCredited);
    const auto again = ledger.purchase(Main, 1000, QStringLiteral("vch_9"), Mary, starter);
    QVERIFY2(again, why(again));
    QVERIFY(again->alreadyCredited);
    QCOMPARE(again->transfer.id, first->transfer.id);
    QCOMPARE(ledger.lots()->size(), 1);
    QCOMPARE(*ledger.balance(MainId), 1000);

    const auto inForce = ledger.purchasedLotsInForce(start);
    QVERIFY2(inForce, why(inForce));
    QCOMPARE(inForce->size(), 1);
    QCOMPARE(inForce->at(0).plan, QStringLiteral("starter"));
    QCOMPARE(inForce->at(0).accountName, Main);
    QCOMPARE(inForce->at(0).remaining, 1000);
    QCOMPARE(inForce->at(0).expires, start.addDays(30));
    // Tokens added by hand carry no plan.
    QVERIFY(ledger.grant(Main, 10, {}, Mary, LotTerms{{}, start.addDays(60)}));
    QCOMPARE(ledger.purchasedLotsInForce(start)->size(), 1);
    // Once spent it is still in force until it expires; then no longer.
    QVERIFY(ledger.reserveInTransaction(profile->database().connection(), MainId, 3, 1000, Mary));
    QCOMPARE(ledger.purchasedLotsInForce(start.addDays(29))->at(0).remaining, 0);
    QCOMPARE(ledger.purchasedLotsInForce(start.addDays(30))->size(), 0);
    // The voucher again after its expiry: still credited once, nothing added.
    profile.clock().set(start.addDays(40));
    QVERIFY(ledger.purchase(Main, 1000, QStringLiteral("vch_9"), Mary, starter)->alreadyCredited);
    VERIFY_CLEAN(profile->database());
}

void TestTokenLots::refusesBadTerms()
{
    TempProfile profile;
    TokenLedger &ledger = profile->tokens();
    const QDateTime now = profile.clock().nowUtc();
    QCOMPARE(ledger.grant(Main, 10, {}, Mary, LotTerms{QStringLiteral("gold"), now.addDays(1)}).error().code,
             ErrorCode::InvalidInput);
    QCOMPARE(ledger.grant(Main, 10, {}, Mary, LotTerms{{}, now}).error().code, ErrorCode::InvalidInput);
    QCOMPARE(ledger.purchase(Main, 10, QStringLiteral("vch_2"), Mary, LotTerms{{}, now.addDays(-1)}).error().code,
             ErrorCode::InvalidInput);
    QCOMPARE(*ledger.balance(MainId), 0);
    QVERIFY(ledger.lots()->isEmpty());
    VERIFY_CLEAN(profile->database());
}

void TestTokenLots::manualExpiryTakesTheSoonestLots()
{
    TempProfile profile;
    TokenLedger &ledger = profile->tokens();
    const QDateTime start = profile.clock().nowUtc();
    QVERIFY(ledger.grant(Main, 100, {}, Mary));
    QVERIFY(ledger.grant(Main, 30, {}, Mary, LotTerms{{}, start.addDays(3)}));
    QVERIFY(ledger.expire(Main, 40, QStringLiteral("End of year"), Mary));
    QCOMPARE(lotsOf(ledger, start), lotList("Main:90@never"));
    QCOMPARE(ledger.expire(Main, 91, {}, Mary).error().code, ErrorCode::Conflict);
    VERIFY_CLEAN(profile->database());
}

void TestTokenLots::renameAndAlertThreshold()
{
    TempProfile profile;
    TokenLedger &ledger = profile->tokens();
    QVERIFY(ledger.createBudgetAccount(Youth));
    QVERIFY(ledger.createBudgetAccount(QStringLiteral("Choir")));
    QVERIFY(ledger.grant(Youth, 10, {}, Mary));
    const auto renamed = ledger.renameBudgetAccount(QStringLiteral("youth"), QStringLiteral("  Youth   Ministry "));
    QVERIFY2(renamed, why(renamed));
    QCOMPARE(renamed->name, QStringLiteral("Youth Ministry"));
    QCOMPARE(renamed->balance, 10);
    QCOMPARE(ledger.findAccount(Youth).error().code, ErrorCode::NotFound);
    QCOMPARE(ledger.lots()->at(0).accountName, QStringLiteral("Youth Ministry"));
    // Only a case change of its own name is fine.
    QVERIFY(ledger.renameBudgetAccount(QStringLiteral("Youth Ministry"), QStringLiteral("youth ministry")));
    QCOMPARE(ledger.renameBudgetAccount(QStringLiteral("Choir"), QStringLiteral("YOUTH MINISTRY")).error().code,
             ErrorCode::Conflict);
    QCOMPARE(ledger.renameBudgetAccount(Main, QStringLiteral("General")).error().code, ErrorCode::InvalidInput);
    QCOMPARE(ledger.renameBudgetAccount(QStringLiteral("Spent"), QStringLiteral("Gone")).error().code, ErrorCode::InvalidInput);
    QCOMPARE(ledger.renameBudgetAccount(QStringLiteral("Choir"), QStringLiteral("  ")).error().code, ErrorCode::InvalidInput);
    QCOMPARE(ledger.renameBudgetAccount(QStringLiteral("Nobody"), QStringLiteral("X")).error().code, ErrorCode::NotFound);

    QCOMPARE(ledger.findAccount(QStringLiteral("Choir"))->alertBelow, -1);
    const auto set = ledger.setAlertThreshold(QStringLiteral("Choir"), 500);
    QVERIFY2(set, why(set));
    QCOMPARE(set->alertBelow, 500);
    QCOMPARE(ledger.findAccount(QStringLiteral("Choir"))->alertBelow, 500);
    QCOMPARE(ledger.setAlertThreshold(QStringLiteral("Choir"), -1)->alertBelow, -1);
    QCOMPARE(ledger.setAlertThreshold(QStringLiteral("Choir"), -5).error().code, ErrorCode::InvalidInput);
    QCOMPARE(ledger.setAlertThreshold(QStringLiteral("Reserved"), 5).error().code, ErrorCode::InvalidInput);
    VERIFY_CLEAN(profile->database());
}

// A ledger from before lots (the version 4 fixture: 300 tokens granted to Main, campaign 1 still
// sending and holding tokens) upgrades to one lot that never expires.
void TestTokenLots::upgradeKeepsBalancesInALotThatNeverExpires()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("k.sqlite"));
    QVERIFY(QFile::copy(test::testDataPath(QStringLiteral("fixtures/kengele-v4.sqlite")), path));
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    auto opened = Database::open(path);
    QVERIFY2(opened, why(opened));
    Database &database = **opened;
    VERIFY_CLEAN(database);
    FixedClock clock(QDateTime(QDate(2027, 1, 1), QTime(9, 0), Qt::UTC));
    TokenLedger ledger(database, clock);
    const qint64 before = *ledger.balance(MainId);
    const CampaignTokens held = *ledger.campaignTokens(1);
    QVERIFY(held.held > 0);

    const auto lots = ledger.lots();
    QVERIFY2(lots, why(lots));
    QCOMPARE(lots->size(), 1);
    QCOMPARE(lots->at(0).accountId, MainId);
    QCOMPARE(lots->at(0).remaining, before);
    QCOMPARE(lots->at(0).plan, QString());
    QVERIFY(!lots->at(0).expires.isValid());
    QVERIFY(ledger.purchasedLotsInForce(clock.nowUtc())->isEmpty());
    QCOMPARE(*ledger.expireDue(QStringLiteral("system")), 0);

    // What the campaign held comes back to that lot; new tokens are lots of their own.
    const QSqlDatabase db = database.connection();
    const auto released = ledger.releaseAllInTransaction(db, 1, QStringLiteral("Done"), Mary);
    QVERIFY2(released, why(released));
    QCOMPARE(*released, held.held);
    QVERIFY(ledger.grant(Main, 10, {}, Mary, LotTerms{{}, clock.nowUtc().addDays(1)}));
    QCOMPARE(describe(*ledger.lots(), clock.nowUtc()),
             (QStringList{QStringLiteral("Main:10@1"), QStringLiteral("Main:%1@never").arg(before + held.held)}));
    VERIFY_CLEAN(database);
}

// Random grants with and without expiry, transfers, campaigns and time passing: after each step the
// ledger checks clean, each budget's lots add up to its balance, and after expireDue no lot that
// has ended is left in a budget.
void TestTokenLots::randomOperationsKeepTheLotsRight()
{
    TempProfile profile;
    TokenLedger &ledger = profile->tokens();
    const QSqlDatabase db = profile->database().connection();
    QRandomGenerator rng(20261302);
    const QStringList names{Main, Youth, QStringLiteral("Choir")};
    QVERIFY(ledger.createBudgetAccount(Youth));
    QVERIFY(ledger.createBudgetAccount(QStringLiteral("Choir")));
    QHash<qint64, QString> campaignAccount; // campaign -> account name it reserves from
    constexpr int Operations = 400;
    for (int i = 0; i < Operations; ++i) {
        const QString account = names.at(rng.bounded(int(names.size())));
        const qint64 campaign = rng.bounded(1, 8);
        const qint64 tokens = rng.bounded(1, 60);
        switch (rng.bounded(7)) {
        case 0: {
            const QDateTime now = profile.clock().nowUtc();
            const LotTerms terms{QString(), rng.bounded(3) == 0 ? QDateTime() : now.addSecs(rng.bounded(3600, 5 * 86400))};
            QVERIFY(ledger.grant(account, tokens, {}, Mary, terms));
            break;
        }
        case 1:
            ledger.transfer(account, names.at((names.indexOf(account) + 1) % names.size()), tokens, QStringLiteral("move"), Mary);
            break;
        case 2: {
            const QString from = campaignAccount.value(campaign, account);
            if (ledger.reserveInTransaction(db, *ledger.accountId(from), campaign, tokens, Mary))
                campaignAccount.insert(campaign, from);
            break;
        }
        case 3:
            ledger.spendInTransaction(db, campaign, qMin(tokens, qMax<qint64>(ledger.campaignTokens(campaign)->held, 1)), Mary);
            break;
        case 4:
            ledger.releaseInTransaction(db, campaign, qMin(tokens, qMax<qint64>(ledger.campaignTokens(campaign)->held, 1)),
                                        QStringLiteral("failed"), Mary);
            break;
        case 5: {
            profile.clock().advanceMs(qint64(rng.bounded(1, 36)) * 3'600'000);
            QVERIFY(ledger.expireDue(QStringLiteral("system")));
            const Result<QList<TokenLot>> left = ledger.lots();
            QVERIFY(left);
            for (const TokenLot &lot : *left)
                QVERIFY(!lot.expires.isValid() || lot.expires > profile.clock().nowUtc());
            break;
        }
        default:
            ledger.expire(account, tokens, QStringLiteral("by hand"), Mary);
            break;
        }
        QHash<qint64, qint64> inLots;
        const Result<QList<TokenLot>> lots = ledger.lots();
        const Result<QList<TokenAccount>> budgets = ledger.budgetAccounts();
        QVERIFY(lots && budgets);
        for (const TokenLot &lot : *lots) {
            QVERIFY(lot.remaining > 0);
            inLots[lot.accountId] += lot.remaining;
        }
        for (const TokenAccount &budget : *budgets)
            QCOMPARE(inLots.value(budget.id), budget.balance);
        const QString problems = problemsOf(profile->database());
        QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("after operation %1:\n%2").arg(i).arg(problems)));
    }
}

QTEST_GUILESS_MAIN(TestTokenLots)
#include "TestTokenLots.moc"
