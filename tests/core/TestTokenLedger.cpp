// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TestSupport.h"
#include "storage/Database.h"
#include "storage/Transaction.h"
#include "tokens/LedgerVerifier.h"
#include "tokens/TokenLedger.h"

#include <QMap>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QtTest>
#include <atomic>
#include <memory>

using namespace kengele;
using kengele::test::TempProfile;

namespace {

const QString Mary = QStringLiteral("Mary Wanjiku");

// Seeded by schema version 2.
constexpr qint64 WorldId = 1;
constexpr qint64 MainId = 2;
constexpr qint64 ReservedId = 3;
constexpr qint64 SpentId = 4;
constexpr qint64 ExpiredId = 5;

template<typename T> QByteArray why(const std::expected<T, Error> &result)
{
    return result ? QByteArray() : result.error().message.toUtf8();
}

qint64 scalar(TempProfile &profile, const QString &sql)
{
    QSqlQuery q(profile->database().connection());
    if (!q.exec(sql) || !q.next())
        qFatal("query failed: %s", qPrintable(q.lastError().text()));
    return q.value(0).toLongLong();
}

qint64 transferCount(TempProfile &profile)
{
    return scalar(profile, QStringLiteral("SELECT count(*) FROM token_transfers"));
}

qint64 entryCount(TempProfile &profile)
{
    return scalar(profile, QStringLiteral("SELECT count(*) FROM token_entries"));
}

// The balance straight from the entries, not through the ledger.
qint64 rawBalance(TempProfile &profile, qint64 accountId)
{
    return scalar(profile,
                  QStringLiteral("SELECT coalesce(sum(amount), 0) FROM token_entries WHERE account_id = %1").arg(accountId));
}

QString describe(const QList<LedgerProblem> &problems)
{
    QStringList lines;
    for (const LedgerProblem &problem : problems)
        lines << problem.message;
    return lines.join(u'\n');
}

bool ledgerIsClean(TempProfile &profile, QString *report = nullptr)
{
    const Result<QList<LedgerProblem>> problems = LedgerVerifier(profile->database()).verify();
    if (!problems) {
        if (report)
            *report = problems.error().message;
        return false;
    }
    if (report)
        *report = describe(*problems);
    return problems->isEmpty();
}

#define VERIFY_CLEAN(profile)                                                                                                    \
    do {                                                                                                                         \
        QString report_;                                                                                                         \
        QVERIFY2(ledgerIsClean(profile, &report_), qPrintable(report_));                                                         \
    } while (false)

} // namespace

class TestTokenLedger final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void seededAccounts();
    void mainAccountHasAPlainLabel();
    void grantsAndBalances();
    void budgetAccountsPerDepartment();
    void refusesBadInput_data();
    void refusesBadInput();
    void reserveMoreThanBalanceIsRefused();
    void transferBetweenBudgets();
    void purchaseIsIdempotentOnVoucher();
    void campaignLifecycle();
    void spendOrReleaseBeyondHeldIsRefused_data();
    void spendOrReleaseBeyondHeldIsRefused();
    void twoCampaignsOnOneAccount();
    void reserveInCallerTransactionRolledBackLeavesNoTrace();
    void reserveInCallerTransactionCommits();
    void refusedReserveKeepsCallerWork();
    void expireUnusedTokens();
    void historyNewestFirst();
    void usageByKind();
    void randomOperationsKeepInvariants();
    void concurrentReserversNeverOverdraw();
};

void TestTokenLedger::seededAccounts()
{
    TempProfile profile;
    TokenLedger ledger(profile->database(), profile.clock());
    const auto accounts = ledger.list();
    QVERIFY2(accounts, why(accounts));
    QCOMPARE(accounts->size(), 5);
    QCOMPARE(accounts->at(0).name, QStringLiteral("World"));
    QCOMPARE(accounts->at(0).kind, TokenAccountKind::Source);
    QCOMPARE(accounts->at(1).name, QStringLiteral("Main"));
    QCOMPARE(accounts->at(1).kind, TokenAccountKind::Budget);
    QCOMPARE(accounts->at(2).kind, TokenAccountKind::Reserved);
    QCOMPARE(accounts->at(3).kind, TokenAccountKind::Spent);
    QCOMPARE(accounts->at(4).kind, TokenAccountKind::Expired);
    for (const TokenAccount &account : *accounts)
        QCOMPARE(account.balance, 0);
    QCOMPARE(*ledger.accountId(QStringLiteral("main")), MainId);
    QCOMPARE(*ledger.totalBudgetBalance(), 0);
    VERIFY_CLEAN(profile);
}

void TestTokenLedger::grantsAndBalances()
{
    TempProfile profile;
    TokenLedger ledger(profile->database(), profile.clock());
    QSignalSpy changed(&ledger, &TokenLedger::balancesChanged);

    const auto demo = ledger.grant(QStringLiteral("Main"), 100, QStringLiteral("Demo plan"), Mary);
    QVERIFY2(demo, why(demo));
    QCOMPARE(demo->kind, TokenTransferKind::Grant);
    QCOMPARE(demo->fromAccountId, WorldId);
    QCOMPARE(demo->toAccountId, MainId);
    QCOMPARE(demo->tokens, 100);
    QCOMPARE(demo->reason, QStringLiteral("Demo plan"));
    QCOMPARE(demo->user, Mary);
    QCOMPARE(demo->created, profile.clock().nowUtc());
    QCOMPARE(demo->created.timeSpec(), Qt::UTC);
    QCOMPARE(changed.count(), 1);

    profile.clock().advanceMs(1000);
    QVERIFY(ledger.grant(QStringLiteral("main"), 50, QStringLiteral("Top-up"), Mary));
    QCOMPARE(changed.count(), 2);

    QCOMPARE(*ledger.balance(MainId), 150);
    QCOMPARE(*ledger.balance(WorldId), -150);
    QCOMPARE(*ledger.totalBudgetBalance(), 150);
    QCOMPARE(ledger.findAccount(QStringLiteral("MAIN"))->balance, 150);
    QCOMPARE(rawBalance(profile, MainId), 150);
    QCOMPARE(ledger.balance(999).error().code, ErrorCode::NotFound);

    // Stored as one transfer with two entries that sum to zero, time in UTC ms.
    QCOMPARE(transferCount(profile), 2);
    QCOMPARE(entryCount(profile), 4);
    QCOMPARE(scalar(profile, QStringLiteral("SELECT sum(amount) FROM token_entries")), 0);
    QCOMPARE(scalar(profile, QStringLiteral("SELECT created_at FROM token_transfers WHERE id = %1").arg(demo->id)),
             demo->created.toMSecsSinceEpoch());
    VERIFY_CLEAN(profile);
}

void TestTokenLedger::budgetAccountsPerDepartment()
{
    TempProfile profile;
    TokenLedger ledger(profile->database(), profile.clock());
    QSignalSpy changed(&ledger, &TokenLedger::balancesChanged);

    const auto youth = ledger.createBudgetAccount(QStringLiteral("  Youth "));
    QVERIFY2(youth, why(youth));
    QCOMPARE(youth->name, QStringLiteral("Youth"));
    QCOMPARE(youth->kind, TokenAccountKind::Budget);
    QCOMPARE(youth->balance, 0);
    const auto women = ledger.createBudgetAccount(QStringLiteral("Women's ministry"));
    QVERIFY2(women, why(women));
    QCOMPARE(changed.count(), 2);

    const auto again = ledger.createBudgetAccount(QStringLiteral("youth"));
    QVERIFY(!again);
    QCOMPARE(again.error().code, ErrorCode::Conflict);
    QVERIFY2(again.error().message.contains(QStringLiteral("Youth")), qPrintable(again.error().message));
    QCOMPARE(ledger.createBudgetAccount(QStringLiteral("Reserved")).error().code, ErrorCode::Conflict);
    QCOMPARE(ledger.createBudgetAccount(QStringLiteral("   ")).error().code, ErrorCode::InvalidInput);
    QCOMPARE(ledger.createBudgetAccount(QString(61, u'x')).error().code, ErrorCode::InvalidInput);

    const auto budgets = ledger.budgetAccounts();
    QVERIFY2(budgets, why(budgets));
    QCOMPARE(budgets->size(), 3);
    QCOMPARE(budgets->at(0).name, QStringLiteral("Main"));
    QCOMPARE(budgets->at(1).name, QStringLiteral("Youth"));
    QCOMPARE(budgets->at(2).name, QStringLiteral("Women's ministry"));

    QVERIFY(ledger.grant(QStringLiteral("Youth"), 70, {}, Mary));
    QVERIFY(ledger.grant(QStringLiteral("women's MINISTRY"), 30, {}, Mary));
    QCOMPARE(ledger.findAccount(QStringLiteral("Women's ministry"))->balance, 30);
    QCOMPARE(*ledger.totalBudgetBalance(), 100);
    QCOMPARE(ledger.findAccount(QStringLiteral("Choir")).error().code, ErrorCode::NotFound);
    QCOMPARE(ledger.accountId(QStringLiteral("Choir")).error().code, ErrorCode::NotFound);
}

// Every refused operation changes nothing: no rows, no balances, no signal.
void TestTokenLedger::refusesBadInput_data()
{
    QTest::addColumn<QString>("op");
    QTest::addColumn<QString>("account");
    QTest::addColumn<QString>("other"); // transfer: the destination; purchase: the voucher
    QTest::addColumn<qint64>("tokens");
    QTest::addColumn<qint64>("campaign");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("says");

    // Main holds 60 and campaign 7 holds 40 of Main's tokens; Youth holds 25.
    QTest::addRow("grant zero") << "grant"
                                << "Main"
                                << "" << qint64(0) << qint64(0) << "" << ErrorCode::InvalidInput << "at least 1";
    QTest::addRow("grant negative") << "grant"
                                    << "Main"
                                    << "" << qint64(-5) << qint64(0) << "" << ErrorCode::InvalidInput << "at least 1";
    QTest::addRow("grant absurd") << "grant"
                                  << "Main"
                                  << "" << qint64(2'000'000'000) << qint64(0) << "" << ErrorCode::InvalidInput << "1,000,000,000";
    QTest::addRow("grant unknown account") << "grant"
                                           << "Choir"
                                           << "" << qint64(10) << qint64(0) << "" << ErrorCode::NotFound << "Choir";
    QTest::addRow("grant no account") << "grant"
                                      << " "
                                      << "" << qint64(10) << qint64(0) << "" << ErrorCode::InvalidInput << "Choose";
    QTest::addRow("grant to Reserved") << "grant"
                                       << "Reserved"
                                       << "" << qint64(10) << qint64(0) << "" << ErrorCode::InvalidInput << "budget account";
    QTest::addRow("grant long reason") << "grant"
                                       << "Main"
                                       << "" << qint64(10) << qint64(0) << QString(501, u'r') << ErrorCode::InvalidInput << "500";
    QTest::addRow("purchase without voucher") << "purchase"
                                              << "Main"
                                              << " " << qint64(10) << qint64(0) << "" << ErrorCode::InvalidInput << "voucher";
    QTest::addRow("purchase to Spent") << "purchase"
                                       << "Spent"
                                       << "V-1" << qint64(10) << qint64(0) << "" << ErrorCode::InvalidInput << "budget account";
    QTest::addRow("transfer to itself") << "transfer"
                                        << "Main"
                                        << "main" << qint64(10) << qint64(0) << "Camp" << ErrorCode::InvalidInput << "different";
    QTest::addRow("transfer without reason") << "transfer"
                                             << "Main"
                                             << "Youth" << qint64(10) << qint64(0) << " " << ErrorCode::InvalidInput << "why";
    QTest::addRow("transfer to Expired") << "transfer"
                                         << "Main"
                                         << "Expired" << qint64(10) << qint64(0) << "Camp" << ErrorCode::InvalidInput
                                         << "budget account";
    QTest::addRow("transfer from World") << "transfer"
                                         << "World"
                                         << "Main" << qint64(10) << qint64(0) << "Camp" << ErrorCode::InvalidInput
                                         << "budget account";
    QTest::addRow("transfer when short") << "transfer"
                                         << "Main"
                                         << "Youth" << qint64(61) << qint64(0) << "Camp" << ErrorCode::Conflict
                                         << "Not enough tokens: the Main account has 60";
    QTest::addRow("expire when short") << "expire"
                                       << "Youth"
                                       << "" << qint64(26) << qint64(0) << "" << ErrorCode::Conflict << "Youth account has 25";
    QTest::addRow("expire from World") << "expire"
                                       << "World"
                                       << "" << qint64(1) << qint64(0) << "" << ErrorCode::InvalidInput << "budget account";
    QTest::addRow("reserve when short") << "reserve"
                                        << "Main"
                                        << "" << qint64(61) << qint64(8) << "" << ErrorCode::Conflict
                                        << "Not enough tokens: this campaign needs 61";
    QTest::addRow("reserve from Reserved") << "reserve"
                                           << "Reserved"
                                           << "" << qint64(1) << qint64(8) << "" << ErrorCode::InvalidInput << "budget account";
    QTest::addRow("reserve without campaign") << "reserve"
                                              << "Main"
                                              << "" << qint64(1) << qint64(0) << "" << ErrorCode::InvalidInput << "campaign";
    QTest::addRow("reserve from a second account")
        << "reserve"
        << "Youth"
        << "" << qint64(5) << qint64(7) << "" << ErrorCode::Conflict << "from the Main account";
    QTest::addRow("spend beyond held") << "spend"
                                       << ""
                                       << "" << qint64(41) << qint64(7) << "" << ErrorCode::Conflict << "has 40";
    QTest::addRow("release beyond held") << "release"
                                         << ""
                                         << "" << qint64(41) << qint64(7) << "" << ErrorCode::Conflict << "has 40";
    QTest::addRow("spend for another campaign") << "spend"
                                                << ""
                                                << "" << qint64(1) << qint64(99) << "" << ErrorCode::Conflict << "has 0";
    QTest::addRow("release for another campaign") << "release"
                                                  << ""
                                                  << "" << qint64(1) << qint64(99) << "" << ErrorCode::Conflict << "has 0";
    QTest::addRow("spend zero") << "spend"
                                << ""
                                << "" << qint64(0) << qint64(7) << "" << ErrorCode::InvalidInput << "at least 1";
}

void TestTokenLedger::refusesBadInput()
{
    QFETCH(QString, op);
    QFETCH(QString, account);
    QFETCH(QString, other);
    QFETCH(qint64, tokens);
    QFETCH(qint64, campaign);
    QFETCH(QString, reason);
    QFETCH(ErrorCode, code);
    QFETCH(QString, says);

    TempProfile profile;
    TokenLedger ledger(profile->database(), profile.clock());
    const QSqlDatabase db = profile->database().connection();
    QVERIFY(ledger.createBudgetAccount(QStringLiteral("Youth")));
    QVERIFY(ledger.grant(QStringLiteral("Main"), 100, {}, Mary));
    QVERIFY(ledger.grant(QStringLiteral("Youth"), 25, {}, Mary));
    QVERIFY(ledger.reserveInTransaction(db, MainId, 7, 40, Mary));
    const qint64 transfers = transferCount(profile);
    const qint64 entries = entryCount(profile);
    const auto before = ledger.list();
    QVERIFY(before);
    QSignalSpy changed(&ledger, &TokenLedger::balancesChanged);

    std::optional<Error> error;
    const auto keep = [&error](const auto &result) {
        if (!result)
            error = result.error();
    };
    if (op == u"grant")
        keep(ledger.grant(account, tokens, reason, Mary));
    else if (op == u"purchase")
        keep(ledger.purchase(account, tokens, other, Mary));
    else if (op == u"transfer")
        keep(ledger.transfer(account, other, tokens, reason, Mary));
    else if (op == u"expire")
        keep(ledger.expire(account, tokens, reason, Mary));
    else if (op == u"reserve")
        keep(account.isEmpty() ? Result<TokenTransfer>()
                               : ledger.reserveInTransaction(db, *ledger.accountId(account), campaign, tokens, Mary));
    else if (op == u"spend")
        keep(ledger.spendInTransaction(db, campaign, tokens, Mary));
    else if (op == u"release")
        keep(ledger.releaseInTransaction(db, campaign, tokens, reason, Mary));
    else
        QFAIL("unknown operation");

    QVERIFY2(error.has_value(), "the operation should have been refused");
    QCOMPARE(error->code, code);
    QVERIFY2(error->message.contains(says), qPrintable(error->message));
    QCOMPARE(transferCount(profile), transfers);
    QCOMPARE(entryCount(profile), entries);
    const auto after = ledger.list();
    QVERIFY(after);
    for (qsizetype i = 0; i < after->size(); ++i)
        QCOMPARE(after->at(i).balance, before->at(i).balance);
    QCOMPARE(changed.count(), 0);
    VERIFY_CLEAN(profile);
}

void TestTokenLedger::reserveMoreThanBalanceIsRefused()
{
    TempProfile profile;
    TokenLedger ledger(profile->database(), profile.clock());
    const QSqlDatabase db = profile->database().connection();
    const auto youth = ledger.createBudgetAccount(QStringLiteral("Youth"));
    QVERIFY(youth);
    QVERIFY(ledger.grant(QStringLiteral("Youth"), 1150, QStringLiteral("Starter plan"), Mary));

    const auto refused = ledger.reserveInTransaction(db, youth->id, 42, 3200, Mary);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::Conflict);
    const QString message = refused.error().message;
    QVERIFY2(message.startsWith(QStringLiteral("Not enough tokens: this campaign needs 3,200 token")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("the Youth account has 1,150.")), qPrintable(message));
    QVERIFY2(message.endsWith(QStringLiteral("Buy more tokens or send to fewer people.")), qPrintable(message));

    // Nothing written: balance, campaign and row counts as before.
    QCOMPARE(*ledger.balance(youth->id), 1150);
    QCOMPARE(transferCount(profile), 1);
    QCOMPARE(entryCount(profile), 2);
    const auto campaign = ledger.campaignTokens(42);
    QVERIFY(campaign);
    QCOMPARE(campaign->reserved, 0);
    QCOMPARE(campaign->accountId, 0);

    // Exactly the balance is fine, and leaves zero (never below).
    QVERIFY(ledger.reserveInTransaction(db, youth->id, 42, 1150, Mary));
    QCOMPARE(*ledger.balance(youth->id), 0);
    QVERIFY(!ledger.reserveInTransaction(db, youth->id, 43, 1, Mary));
    QCOMPARE(*ledger.balance(youth->id), 0);
    VERIFY_CLEAN(profile);
}

void TestTokenLedger::transferBetweenBudgets()
{
    TempProfile profile;
    TokenLedger ledger(profile->database(), profile.clock());
    const auto youth = ledger.createBudgetAccount(QStringLiteral("Youth"));
    QVERIFY(youth);
    QVERIFY(ledger.grant(QStringLiteral("Main"), 500, {}, Mary));

    const auto moved
        = ledger.transfer(QStringLiteral("Main"), QStringLiteral("youth"), 200, QStringLiteral(" Youth camp reminders "), Mary);
    QVERIFY2(moved, why(moved));
    QCOMPARE(moved->kind, TokenTransferKind::Transfer);
    QCOMPARE(moved->fromAccountId, MainId);
    QCOMPARE(moved->toAccountId, youth->id);
    QCOMPARE(moved->reason, QStringLiteral("Youth camp reminders"));
    QCOMPARE(*ledger.balance(MainId), 300);
    QCOMPARE(*ledger.balance(youth->id), 200);
    QCOMPARE(*ledger.totalBudgetBalance(), 500);

    // Short: refused, nothing moves.
    const auto refused = ledger.transfer(QStringLiteral("Youth"), QStringLiteral("Main"), 201, QStringLiteral("Back"), Mary);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::Conflict);
    QVERIFY2(refused.error().message.contains(QStringLiteral("Youth account has 200")), qPrintable(refused.error().message));
    QCOMPARE(*ledger.balance(youth->id), 200);
    QCOMPARE(*ledger.balance(MainId), 300);

    // All of it is fine.
    QVERIFY(ledger.transfer(QStringLiteral("Youth"), QStringLiteral("Main"), 200, QStringLiteral("Back"), Mary));
    QCOMPARE(*ledger.balance(youth->id), 0);
    QCOMPARE(*ledger.balance(MainId), 500);
    VERIFY_CLEAN(profile);
}

void TestTokenLedger::purchaseIsIdempotentOnVoucher()
{
    TempProfile profile;
    TokenLedger ledger(profile->database(), profile.clock());
    QSignalSpy changed(&ledger, &TokenLedger::balancesChanged);

    const auto first = ledger.purchase(QStringLiteral("Main"), 1000, QStringLiteral("VCH-0001"), Mary);
    QVERIFY2(first, why(first));
    QVERIFY(!first->alreadyCredited);
    QCOMPARE(first->transfer.kind, TokenTransferKind::Purchase);
    QCOMPARE(first->transfer.reference, QStringLiteral("VCH-0001"));
    QCOMPARE(*ledger.balance(MainId), 1000);
    QCOMPARE(changed.count(), 1);

    // The same voucher again (a retried callback, a second window): the earlier credit, nothing added.
    profile.clock().advanceMs(5000);
    const auto again = ledger.purchase(QStringLiteral("main"), 1000, QStringLiteral(" VCH-0001 "), QStringLiteral("John"));
    QVERIFY2(again, why(again));
    QVERIFY(again->alreadyCredited);
    QCOMPARE(again->transfer.id, first->transfer.id);
    QCOMPARE(again->transfer.tokens, 1000);
    QCOMPARE(again->transfer.toAccountId, MainId);
    QCOMPARE(again->transfer.user, Mary);
    QCOMPARE(again->transfer.created, first->transfer.created);
    QCOMPARE(*ledger.balance(MainId), 1000);
    QCOMPARE(transferCount(profile), 1);
    QCOMPARE(changed.count(), 1);

    // The same voucher with other details is refused: still credited once.
    const auto tampered = ledger.purchase(QStringLiteral("Main"), 5000, QStringLiteral("VCH-0001"), Mary);
    QVERIFY(!tampered);
    QCOMPARE(tampered.error().code, ErrorCode::Conflict);
    QVERIFY2(tampered.error().message.contains(QStringLiteral("VCH-0001")), qPrintable(tampered.error().message));
    QVERIFY(ledger.createBudgetAccount(QStringLiteral("Youth")));
    QCOMPARE(ledger.purchase(QStringLiteral("Youth"), 1000, QStringLiteral("VCH-0001"), Mary).error().code, ErrorCode::Conflict);
    QCOMPARE(*ledger.balance(MainId), 1000);
    QCOMPARE(transferCount(profile), 1);

    // Another voucher credits.
    const auto second = ledger.purchase(QStringLiteral("Main"), 1000, QStringLiteral("VCH-0002"), Mary);
    QVERIFY2(second, why(second));
    QVERIFY(!second->alreadyCredited);
    QCOMPARE(*ledger.balance(MainId), 2000);
    VERIFY_CLEAN(profile);
}

void TestTokenLedger::campaignLifecycle()
{
    TempProfile profile;
    TokenLedger ledger(profile->database(), profile.clock());
    const QSqlDatabase db = profile->database().connection();
    QVERIFY(ledger.grant(QStringLiteral("Main"), 1000, {}, Mary));

    const auto reserved = ledger.reserveInTransaction(db, MainId, 5, 300, Mary);
    QVERIFY2(reserved, why(reserved));
    QCOMPARE(reserved->kind, TokenTransferKind::Reserve);
    QCOMPARE(reserved->campaignId, 5);
    QCOMPARE(reserved->fromAccountId, MainId);
    QCOMPARE(reserved->toAccountId, ReservedId);
    QCOMPARE(*ledger.balance(MainId), 700);
    QCOMPARE(*ledger.balance(ReservedId), 300);

    // Partial spends as the gateway takes messages.
    const auto spent = ledger.spendInTransaction(db, 5, 120, QStringLiteral("dispatcher"));
    QVERIFY2(spent, why(spent));
    QCOMPARE(spent->fromAccountId, ReservedId);
    QCOMPARE(spent->toAccountId, SpentId);
    QVERIFY(ledger.spendInTransaction(db, 5, 80, QStringLiteral("dispatcher")));
    // A permanent failure gives some back.
    const auto released = ledger.releaseInTransaction(db, 5, 30, QStringLiteral("Invalid number"), QStringLiteral("dispatcher"));
    QVERIFY2(released, why(released));
    QCOMPARE(released->toAccountId, MainId);
    QCOMPARE(released->reason, QStringLiteral("Invalid number"));

    auto tokens = ledger.campaignTokens(5);
    QVERIFY2(tokens, why(tokens));
    QCOMPARE(tokens->accountId, MainId);
    QCOMPARE(tokens->reserved, 300);
    QCOMPARE(tokens->spent, 200);
    QCOMPARE(tokens->released, 30);
    QCOMPARE(tokens->held, 70);
    QCOMPARE(tokens->reserved, tokens->spent + tokens->released + tokens->held);

    // Beyond what it holds: refused.
    QCOMPARE(ledger.spendInTransaction(db, 5, 71, Mary).error().code, ErrorCode::Conflict);
    QCOMPARE(ledger.releaseInTransaction(db, 5, 71, {}, Mary).error().code, ErrorCode::Conflict);

    // The end of the campaign gives back the rest.
    const auto rest = ledger.releaseAllInTransaction(db, 5, QStringLiteral("Campaign finished"), QStringLiteral("dispatcher"));
    QVERIFY2(rest, why(rest));
    QCOMPARE(*rest, 70);
    tokens = ledger.campaignTokens(5);
    QCOMPARE(tokens->held, 0);
    QCOMPARE(tokens->released, 100);
    QCOMPARE(tokens->reserved, tokens->spent + tokens->released + tokens->held);
    QCOMPARE(*ledger.balance(MainId), 800);
    QCOMPARE(*ledger.balance(ReservedId), 0);
    QCOMPARE(*ledger.balance(SpentId), 200);

    // Nothing left: releasing all again writes nothing, spending anything is refused.
    const qint64 transfers = transferCount(profile);
    QCOMPARE(*ledger.releaseAllInTransaction(db, 5, QStringLiteral("again"), Mary), 0);
    QCOMPARE(transferCount(profile), transfers);
    QCOMPARE(ledger.spendInTransaction(db, 5, 1, Mary).error().code, ErrorCode::Conflict);
    // A never-reserved campaign: nothing to release.
    QCOMPARE(*ledger.releaseAllInTransaction(db, 6, QStringLiteral("cancel"), Mary), 0);

    // More for the same campaign (resending after failures) from the same account.
    QVERIFY(ledger.reserveInTransaction(db, MainId, 5, 10, Mary));
    QCOMPARE(ledger.campaignTokens(5)->held, 10);
    QCOMPARE(ledger.campaignTokens(5)->reserved, 310);
    VERIFY_CLEAN(profile);
}

void TestTokenLedger::spendOrReleaseBeyondHeldIsRefused_data()
{
    QTest::addColumn<QString>("op");
    QTest::addColumn<qint64>("tokens");
    QTest::addColumn<bool>("allowed");
    // Campaign 9 reserved 100, spent 60 and released 15: it holds 25.
    QTest::addRow("spend what it holds") << "spend" << qint64(25) << true;
    QTest::addRow("spend one more than it holds") << "spend" << qint64(26) << false;
    QTest::addRow("spend what it reserved") << "spend" << qint64(100) << false;
    QTest::addRow("release what it holds") << "release" << qint64(25) << true;
    QTest::addRow("release one more than it holds") << "release" << qint64(26) << false;
    QTest::addRow("release what it reserved") << "release" << qint64(100) << false;
}

void TestTokenLedger::spendOrReleaseBeyondHeldIsRefused()
{
    QFETCH(QString, op);
    QFETCH(qint64, tokens);
    QFETCH(bool, allowed);

    TempProfile profile;
    TokenLedger ledger(profile->database(), profile.clock());
    const QSqlDatabase db = profile->database().connection();
    QVERIFY(ledger.grant(QStringLiteral("Main"), 1000, {}, Mary));
    QVERIFY(ledger.reserveInTransaction(db, MainId, 9, 100, Mary));
    QVERIFY(ledger.spendInTransaction(db, 9, 60, Mary));
    QVERIFY(ledger.releaseInTransaction(db, 9, 15, QStringLiteral("failed"), Mary));
    // Another campaign's tokens in Reserved must not count for campaign 9.
    QVERIFY(ledger.reserveInTransaction(db, MainId, 10, 500, Mary));

    const auto done = op == u"spend" ? ledger.spendInTransaction(db, 9, tokens, Mary)
                                     : ledger.releaseInTransaction(db, 9, tokens, QStringLiteral("cancel"), Mary);
    QCOMPARE(bool(done), allowed);
    const auto campaign = ledger.campaignTokens(9);
    QVERIFY(campaign);
    if (allowed) {
        QCOMPARE(campaign->held, 0);
    } else {
        QCOMPARE(done.error().code, ErrorCode::Conflict);
        QVERIFY2(done.error().message.contains(QStringLiteral("has 25")), qPrintable(done.error().message));
        QCOMPARE(campaign->held, 25);
    }
    QCOMPARE(campaign->reserved, campaign->spent + campaign->released + campaign->held);
    QCOMPARE(ledger.campaignTokens(10)->held, 500);
    VERIFY_CLEAN(profile);
}

void TestTokenLedger::twoCampaignsOnOneAccount()
{
    TempProfile profile;
    TokenLedger ledger(profile->database(), profile.clock());
    const QSqlDatabase db = profile->database().connection();
    const auto youth = ledger.createBudgetAccount(QStringLiteral("Youth"));
    QVERIFY(youth);
    QVERIFY(ledger.grant(QStringLiteral("Youth"), 1000, {}, Mary));
    QVERIFY(ledger.grant(QStringLiteral("Main"), 1000, {}, Mary));

    QVERIFY(ledger.reserveInTransaction(db, youth->id, 1, 400, Mary));
    QVERIFY(ledger.reserveInTransaction(db, youth->id, 2, 500, Mary));
    QCOMPARE(*ledger.balance(youth->id), 100);
    // A third that does not fit is refused although Reserved holds plenty.
    QVERIFY(!ledger.reserveInTransaction(db, youth->id, 3, 101, Mary));

    // Campaign 1 cannot spend campaign 2's tokens.
    QVERIFY(ledger.spendInTransaction(db, 1, 400, Mary));
    QCOMPARE(ledger.spendInTransaction(db, 1, 1, Mary).error().code, ErrorCode::Conflict);
    QCOMPARE(ledger.campaignTokens(2)->held, 500);

    // A campaign draws on one account: more for campaign 2 from Main is refused.
    const auto otherAccount = ledger.reserveInTransaction(db, MainId, 2, 10, Mary);
    QVERIFY(!otherAccount);
    QCOMPARE(otherAccount.error().code, ErrorCode::Conflict);
    QVERIFY2(otherAccount.error().message.contains(QStringLiteral("Youth")), qPrintable(otherAccount.error().message));

    // Releases go back to the account the campaign reserved from.
    QCOMPARE(*ledger.releaseAllInTransaction(db, 2, QStringLiteral("Cancelled"), Mary), 500);
    QCOMPARE(*ledger.balance(youth->id), 600);
    QCOMPARE(*ledger.balance(MainId), 1000);
    QCOMPARE(*ledger.balance(ReservedId), 0);

    const auto one = ledger.campaignTokens(1);
    const auto two = ledger.campaignTokens(2);
    QCOMPARE(one->reserved, 400);
    QCOMPARE(one->spent, 400);
    QCOMPARE(one->held, 0);
    QCOMPARE(two->reserved, 500);
    QCOMPARE(two->released, 500);
    QCOMPARE(two->held, 0);
    VERIFY_CLEAN(profile);
}

void TestTokenLedger::reserveInCallerTransactionRolledBackLeavesNoTrace()
{
    TempProfile profile;
    TokenLedger ledger(profile->database(), profile.clock());
    QVERIFY(ledger.grant(QStringLiteral("Main"), 100, {}, Mary));
    const qint64 transfers = transferCount(profile);
    const qint64 entries = entryCount(profile);
    QSignalSpy changed(&ledger, &TokenLedger::balancesChanged);

    QSqlDatabase db = profile->database().connection();
    {
        Transaction transaction(db);
        QVERIFY(transaction.isActive());
        const auto reserved = ledger.reserveInTransaction(db, MainId, 11, 40, Mary);
        QVERIFY2(reserved, why(reserved));
        QVERIFY(ledger.spendInTransaction(db, 11, 15, Mary));
        // Inside, the caller sees its own uncommitted reservation.
        QCOMPARE(ledger.campaignTokens(11)->held, 25);
        QCOMPARE(*ledger.balance(MainId), 60);
        // A second reservation inside the same transaction sees the first one's effect.
        QVERIFY(!ledger.reserveInTransaction(db, MainId, 12, 61, Mary));
        transaction.rollback();
    }
    QCOMPARE(transferCount(profile), transfers);
    QCOMPARE(entryCount(profile), entries);
    QCOMPARE(*ledger.balance(MainId), 100);
    QCOMPARE(*ledger.balance(ReservedId), 0);
    const auto campaign = ledger.campaignTokens(11);
    QCOMPARE(campaign->reserved, 0);
    QCOMPARE(campaign->held, 0);
    QCOMPARE(changed.count(), 0);
    VERIFY_CLEAN(profile);
}

void TestTokenLedger::reserveInCallerTransactionCommits()
{
    TempProfile profile;
    TokenLedger ledger(profile->database(), profile.clock());
    QVERIFY(ledger.grant(QStringLiteral("Main"), 100, {}, Mary));
    QSignalSpy changed(&ledger, &TokenLedger::balancesChanged);

    QSqlDatabase db = profile->database().connection();
    {
        Transaction transaction(db);
        // The caller's own write first (as a launch writes its campaign and outbox rows).
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("INSERT INTO meta(key, value) VALUES ('launch', 'campaign 11')")));
        QVERIFY(ledger.reserveInTransaction(db, MainId, 11, 40, Mary));
        QCOMPARE(changed.count(), 0); // not before the caller commits
        QVERIFY(transaction.commit());
    }
    ledger.notifyBulkChange();
    QCOMPARE(changed.count(), 1);
    QCOMPARE(*ledger.balance(MainId), 60);
    QCOMPARE(ledger.campaignTokens(11)->held, 40);
    QCOMPARE(scalar(profile,
                    QStringLiteral("SELECT user_name = 'Mary Wanjiku' AND campaign_id = 11 FROM token_transfers "
                                   "WHERE kind = 'reserve'")),
             1);

    {
        Transaction transaction(db);
        QCOMPARE(*ledger.releaseAllInTransaction(db, 11, QStringLiteral("Cancelled"), Mary), 40);
        QVERIFY(transaction.commit());
    }
    QCOMPARE(*ledger.balance(MainId), 100);
    VERIFY_CLEAN(profile);
}

void TestTokenLedger::refusedReserveKeepsCallerWork()
{
    TempProfile profile;
    TokenLedger ledger(profile->database(), profile.clock());
    QVERIFY(ledger.grant(QStringLiteral("Main"), 100, {}, Mary));
    const qint64 transfers = transferCount(profile);

    QSqlDatabase db = profile->database().connection();
    Transaction transaction(db);
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("INSERT INTO meta(key, value) VALUES ('caller', 'kept')")));
    const auto refused = ledger.reserveInTransaction(db, MainId, 11, 101, Mary);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::Conflict);
    // The ledger took back only its own rows; the caller's write and transaction are intact.
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM token_transfers")) && q.next());
    QCOMPARE(q.value(0).toLongLong(), transfers);
    q.finish();
    QVERIFY(ledger.reserveInTransaction(db, MainId, 11, 100, Mary));
    QVERIFY(transaction.commit());
    QCOMPARE(scalar(profile, QStringLiteral("SELECT count(*) FROM meta WHERE key = 'caller'")), 1);
    QCOMPARE(*ledger.balance(MainId), 0);
    QCOMPARE(transferCount(profile), transfers + 1);
    VERIFY_CLEAN(profile);
}

void TestTokenLedger::expireUnusedTokens()
{
    TempProfile profile;
    TokenLedger ledger(profile->database(), profile.clock());
    const QSqlDatabase db = profile->database().connection();
    QVERIFY(ledger.grant(QStringLiteral("Main"), 100, QStringLiteral("Demo plan"), Mary));
    QVERIFY(ledger.reserveInTransaction(db, MainId, 1, 30, Mary));

    const auto expired = ledger.expire(QStringLiteral("Main"), 70, QStringLiteral("Demo plan ended"), QStringLiteral("system"));
    QVERIFY2(expired, why(expired));
    QCOMPARE(expired->kind, TokenTransferKind::Expiry);
    QCOMPARE(expired->toAccountId, ExpiredId);
    QCOMPARE(*ledger.balance(MainId), 0);
    QCOMPARE(*ledger.balance(ExpiredId), 70);
    // Tokens held by a queued campaign are not in Main, so they do not expire with it.
    QCOMPARE(ledger.campaignTokens(1)->held, 30);
    QCOMPARE(ledger.expire(QStringLiteral("Main"), 1, {}, Mary).error().code, ErrorCode::Conflict);
    VERIFY_CLEAN(profile);
}

void TestTokenLedger::historyNewestFirst()
{
    TempProfile profile;
    TokenLedger ledger(profile->database(), profile.clock());
    const QSqlDatabase db = profile->database().connection();
    const auto youth = ledger.createBudgetAccount(QStringLiteral("Youth"));
    QVERIFY(youth);
    const QDateTime start = profile.clock().nowUtc();
    QVERIFY(ledger.purchase(QStringLiteral("Main"), 100, QStringLiteral("VCH-9"), Mary));
    profile.clock().advanceMs(60'000);
    QVERIFY(ledger.transfer(QStringLiteral("Main"), QStringLiteral("Youth"), 30, QStringLiteral("Youth camp"),
                            QStringLiteral("Pastor")));
    profile.clock().advanceMs(60'000);
    QVERIFY(ledger.reserveInTransaction(db, MainId, 3, 20, Mary));

    const auto lines = ledger.history(MainId, 10);
    QVERIFY2(lines, why(lines));
    QCOMPARE(lines->size(), 3);
    QCOMPARE(lines->at(0).kind, TokenTransferKind::Reserve);
    QCOMPARE(lines->at(0).amount, -20);
    QCOMPARE(lines->at(0).balanceAfter, 50);
    QCOMPARE(lines->at(0).counterpart, QStringLiteral("Reserved"));
    QCOMPARE(lines->at(0).campaignId, 3);
    QCOMPARE(lines->at(0).created, start.addMSecs(120'000));
    QCOMPARE(lines->at(1).kind, TokenTransferKind::Transfer);
    QCOMPARE(lines->at(1).amount, -30);
    QCOMPARE(lines->at(1).balanceAfter, 70);
    QCOMPARE(lines->at(1).counterpart, QStringLiteral("Youth"));
    QCOMPARE(lines->at(1).reason, QStringLiteral("Youth camp"));
    QCOMPARE(lines->at(1).user, QStringLiteral("Pastor"));
    QCOMPARE(lines->at(2).kind, TokenTransferKind::Purchase);
    QCOMPARE(lines->at(2).amount, 100);
    QCOMPARE(lines->at(2).balanceAfter, 100);
    QCOMPARE(lines->at(2).counterpart, QStringLiteral("World"));
    QCOMPARE(lines->at(2).reference, QStringLiteral("VCH-9"));
    QCOMPARE(lines->at(2).user, Mary);
    QCOMPARE(lines->at(2).created, start);

    QCOMPARE(ledger.history(MainId, 2)->size(), 2);
    const auto youthLines = ledger.history(youth->id, 10);
    QCOMPARE(youthLines->size(), 1);
    QCOMPARE(youthLines->at(0).amount, 30);
    QCOMPARE(youthLines->at(0).counterpart, QStringLiteral("Main"));
    QCOMPARE(ledger.history(999, 10).error().code, ErrorCode::NotFound);
    QVERIFY(!TokenLedger::kindName(TokenTransferKind::Spend).isEmpty());
}

void TestTokenLedger::usageByKind()
{
    TempProfile profile;
    TokenLedger ledger(profile->database(), profile.clock());
    const QSqlDatabase db = profile->database().connection();
    const QDateTime day1 = profile.clock().nowUtc();
    const QDateTime day2 = day1.addDays(1);
    const QDateTime day3 = day1.addDays(2);
    QVERIFY(ledger.grant(QStringLiteral("Main"), 100, QStringLiteral("Demo plan"), Mary));
    profile.clock().set(day2);
    QVERIFY(ledger.purchase(QStringLiteral("Main"), 50, QStringLiteral("VCH-1"), Mary));
    QVERIFY(ledger.reserveInTransaction(db, MainId, 1, 40, Mary));
    QVERIFY(ledger.spendInTransaction(db, 1, 30, Mary));
    QVERIFY(ledger.releaseInTransaction(db, 1, 10, QStringLiteral("failed"), Mary));
    QVERIFY(ledger.createBudgetAccount(QStringLiteral("Youth")));
    QVERIFY(ledger.transfer(QStringLiteral("Main"), QStringLiteral("Youth"), 20, QStringLiteral("camp"), Mary));
    profile.clock().set(day3);
    QVERIFY(ledger.expire(QStringLiteral("Main"), 5, QStringLiteral("end"), Mary));

    const auto first = ledger.usage(day1, day2);
    QVERIFY2(first, why(first));
    QCOMPARE(first->granted, 100);
    QCOMPARE(first->purchased, 0);
    QCOMPARE(first->spent, 0);

    const auto second = ledger.usage(day2, day3);
    QVERIFY2(second, why(second));
    QCOMPARE(second->granted, 0);
    QCOMPARE(second->purchased, 50);
    QCOMPARE(second->reserved, 40);
    QCOMPARE(second->spent, 30);
    QCOMPARE(second->released, 10);
    QCOMPARE(second->transferred, 20);
    QCOMPARE(second->expired, 0);
    QCOMPARE(second->of(TokenTransferKind::Spend), 30);

    const auto all = ledger.usage(day1, day3.addMSecs(1));
    QCOMPARE(all->expired, 5);
    QCOMPARE(all->granted + all->purchased, 150);
    QCOMPARE(ledger.usage(day2, day1).error().code, ErrorCode::InvalidInput);
}

// A few thousand random operations against a model; after each the ledger must agree with the
// model, with the raw sums, and with its own invariants.
void TestTokenLedger::randomOperationsKeepInvariants()
{
    TempProfile profile;
    TokenLedger ledger(profile->database(), profile.clock());
    const QSqlDatabase db = profile->database().connection();
    QRandomGenerator rng(20260301);

    struct CampaignModel {
        qint64 account = 0;
        qint64 reserved = 0;
        qint64 spent = 0;
        qint64 released = 0;
        qint64 held() const { return reserved - spent - released; }
    };
    QMap<qint64, qint64> balances{{WorldId, 0}, {MainId, 0}, {ReservedId, 0}, {SpentId, 0}, {ExpiredId, 0}};
    QList<qint64> budgets{MainId};
    QMap<qint64, QString> names{{MainId, QStringLiteral("Main")}};
    QMap<qint64, CampaignModel> campaigns;
    struct Voucher {
        qint64 account;
        qint64 tokens;
    };
    QHash<QString, Voucher> vouchers;

    const auto pickBudget = [&] {
        return budgets.at(rng.bounded(int(budgets.size())));
    };
    const auto move = [&](qint64 from, qint64 to, qint64 tokens) {
        balances[from] -= tokens;
        balances[to] += tokens;
    };

    constexpr int Operations = 3000;
    int succeeded = 0;
    for (int i = 0; i < Operations; ++i) {
        profile.clock().advanceMs(rng.bounded(1, 100'000));
        const int dice = rng.bounded(100);
        bool expectOk = false;
        bool ok = false;
        QString what;
        if (dice < 3) {
            const QString name = QStringLiteral("Dept %1").arg(rng.bounded(8));
            expectOk = !names.values().contains(name);
            const auto created = ledger.createBudgetAccount(name);
            ok = bool(created);
            if (ok) {
                budgets << created->id;
                names.insert(created->id, name);
                balances.insert(created->id, 0);
            }
            what = u"create " + name;
        } else if (dice < 13) {
            const qint64 account = pickBudget();
            const qint64 tokens = rng.bounded(1, 400);
            expectOk = true;
            ok = bool(ledger.grant(names.value(account), tokens, QStringLiteral("top-up"), Mary));
            if (ok)
                move(WorldId, account, tokens);
            what = QStringLiteral("grant %1 to %2").arg(tokens).arg(account);
        } else if (dice < 21) {
            const qint64 account = pickBudget();
            const qint64 tokens = rng.bounded(1, 3) * 500;
            const QString voucher = QStringLiteral("V%1").arg(rng.bounded(40));
            const auto existing = vouchers.constFind(voucher);
            expectOk = existing == vouchers.cend() || (existing->account == account && existing->tokens == tokens);
            const auto bought = ledger.purchase(names.value(account), tokens, voucher, Mary);
            ok = bool(bought);
            if (ok) {
                QCOMPARE(bought->alreadyCredited, existing != vouchers.cend());
                if (!bought->alreadyCredited) {
                    vouchers.insert(voucher, Voucher{account, tokens});
                    move(WorldId, account, tokens);
                }
            }
            what = QStringLiteral("purchase %1 %2 to %3").arg(voucher).arg(tokens).arg(account);
        } else if (dice < 35) {
            const qint64 from = pickBudget();
            const qint64 to = pickBudget();
            const qint64 tokens = rng.bounded(1, 600);
            expectOk = from != to && balances.value(from) >= tokens;
            ok = bool(ledger.transfer(names.value(from), names.value(to), tokens, QStringLiteral("rebalance"), Mary));
            if (ok)
                move(from, to, tokens);
            what = QStringLiteral("transfer %1 from %2 to %3").arg(tokens).arg(from).arg(to);
        } else if (dice < 55) {
            const qint64 account = pickBudget();
            const qint64 campaign = rng.bounded(1, 41);
            const qint64 tokens = rng.bounded(1, 700);
            const CampaignModel model = campaigns.value(campaign);
            expectOk = balances.value(account) >= tokens && (model.account == 0 || model.account == account);
            ok = bool(ledger.reserveInTransaction(db, account, campaign, tokens, Mary));
            if (ok) {
                move(account, ReservedId, tokens);
                campaigns[campaign].account = account;
                campaigns[campaign].reserved += tokens;
            }
            what = QStringLiteral("reserve %1 from %2 for %3").arg(tokens).arg(account).arg(campaign);
        } else if (dice < 75) {
            const qint64 campaign = rng.bounded(1, 41);
            const qint64 held = campaigns.value(campaign).held();
            const qint64 tokens = rng.bounded(1, int(held) + 10);
            expectOk = tokens <= held;
            ok = bool(ledger.spendInTransaction(db, campaign, tokens, QStringLiteral("dispatcher")));
            if (ok) {
                move(ReservedId, SpentId, tokens);
                campaigns[campaign].spent += tokens;
            }
            what = QStringLiteral("spend %1 for %2").arg(tokens).arg(campaign);
        } else if (dice < 88) {
            const qint64 campaign = rng.bounded(1, 41);
            const qint64 held = campaigns.value(campaign).held();
            const qint64 tokens = rng.bounded(1, int(held) + 10);
            expectOk = tokens <= held;
            ok = bool(ledger.releaseInTransaction(db, campaign, tokens, QStringLiteral("failed"), QStringLiteral("dispatcher")));
            if (ok) {
                move(ReservedId, campaigns.value(campaign).account, tokens);
                campaigns[campaign].released += tokens;
            }
            what = QStringLiteral("release %1 for %2").arg(tokens).arg(campaign);
        } else if (dice < 93) {
            const qint64 campaign = rng.bounded(1, 41);
            const qint64 held = campaigns.value(campaign).held();
            expectOk = true;
            const auto released = ledger.releaseAllInTransaction(db, campaign, QStringLiteral("finished"), Mary);
            ok = bool(released);
            if (ok) {
                QCOMPARE(*released, held);
                if (held > 0) {
                    move(ReservedId, campaigns.value(campaign).account, held);
                    campaigns[campaign].released += held;
                }
            }
            what = QStringLiteral("release all for %1").arg(campaign);
        } else {
            const qint64 account = pickBudget();
            const qint64 tokens = rng.bounded(1, 300);
            expectOk = balances.value(account) >= tokens;
            ok = bool(ledger.expire(names.value(account), tokens, QStringLiteral("period ended"), Mary));
            if (ok)
                move(account, ExpiredId, tokens);
            what = QStringLiteral("expire %1 from %2").arg(tokens).arg(account);
        }
        QVERIFY2(ok == expectOk, qPrintable(QStringLiteral("operation %1 (%2): expected %3").arg(i).arg(what).arg(expectOk)));
        succeeded += ok ? 1 : 0;

        // Every account: the ledger's balance, the raw sum of entries and the model agree; no
        // budget (or reserved, spent, expired) account is below zero.
        const auto accounts = ledger.list();
        QVERIFY(accounts);
        QCOMPARE(accounts->size(), balances.size());
        qint64 total = 0;
        for (const TokenAccount &account : *accounts) {
            QVERIFY2(account.balance == balances.value(account.id),
                     qPrintable(QStringLiteral("after operation %1 (%2): account %3 has %4, expected %5")
                                    .arg(i)
                                    .arg(what)
                                    .arg(account.id)
                                    .arg(account.balance)
                                    .arg(balances.value(account.id))));
            QCOMPARE(rawBalance(profile, account.id), account.balance);
            if (account.kind != TokenAccountKind::Source)
                QVERIFY(account.balance >= 0);
            total += account.balance;
        }
        QCOMPARE(total, 0);
        if (i % 25 == 0 || i == Operations - 1) {
            for (auto it = campaigns.cbegin(); it != campaigns.cend(); ++it) {
                const auto tokens = ledger.campaignTokens(it.key());
                QVERIFY(tokens);
                QCOMPARE(tokens->accountId, it->account);
                QCOMPARE(tokens->reserved, it->reserved);
                QCOMPARE(tokens->spent, it->spent);
                QCOMPARE(tokens->released, it->released);
                QCOMPARE(tokens->held, it->held());
                QVERIFY(tokens->held >= 0);
                QCOMPARE(tokens->reserved, tokens->spent + tokens->released + tokens->held);
            }
        }
        QString report;
        QVERIFY2(ledgerIsClean(profile, &report),
                 qPrintable(QStringLiteral("after operation %1 (%2):\n%3").arg(i).arg(what, report)));
    }
    // Both outcomes were exercised.
    QVERIFY(succeeded > Operations / 3);
    QVERIFY(succeeded < Operations);

    // The end of every campaign: everything still held goes back; nothing is held.
    for (auto it = campaigns.cbegin(); it != campaigns.cend(); ++it)
        QVERIFY(ledger.releaseAllInTransaction(db, it.key(), QStringLiteral("finished"), Mary));
    QCOMPARE(*ledger.balance(ReservedId), 0);
    for (auto it = campaigns.cbegin(); it != campaigns.cend(); ++it) {
        const auto tokens = ledger.campaignTokens(it.key());
        QCOMPARE(tokens->held, 0);
        QCOMPARE(tokens->reserved, tokens->spent + tokens->released);
    }
    VERIFY_CLEAN(profile);
}

// Two threads, each on its own connection, race to reserve from one account (one with no transaction
// open, so each reservation is a transaction of its own; one inside its own transaction as a campaign
// launch does), while also giving tokens back. The account never goes below zero and every token is accounted for.
void TestTokenLedger::concurrentReserversNeverOverdraw()
{
    TempProfile profile;
    TokenLedger ledger(profile->database(), profile.clock());
    constexpr qint64 Initial = 5000;
    QVERIFY(ledger.grant(QStringLiteral("Main"), Initial, {}, Mary));

    std::atomic<qint64> net{0}; // reserved minus released, by the successful calls
    std::atomic<int> refused{0};
    std::atomic<int> failed{0};
    const auto worker = [&](int seed, bool ownTransaction) {
        QRandomGenerator rng(seed);
        QSqlDatabase db = profile->database().connection(); // this thread's own connection
        for (int i = 0; i < 250; ++i) {
            const qint64 campaign = seed * 1000 + i;
            const qint64 tokens = rng.bounded(1, 80);
            Status reserved;
            if (ownTransaction) {
                Transaction transaction(db);
                const auto done = ledger.reserveInTransaction(db, MainId, campaign, tokens, Mary);
                if (done)
                    reserved = transaction.commit();
                else
                    reserved = std::unexpected(done.error());
            } else {
                const auto done = ledger.reserveInTransaction(db, MainId, campaign, tokens, Mary);
                if (!done)
                    reserved = std::unexpected(done.error());
            }
            if (reserved)
                net += tokens;
            else if (reserved.error().code == ErrorCode::Conflict)
                ++refused;
            else
                ++failed;
            // Now and then an earlier campaign of this thread finishes and gives back what it holds.
            if (i % 7 == 6) {
                const auto back = ledger.releaseAllInTransaction(db, campaign - 3, QStringLiteral("finished"), Mary);
                if (back)
                    net -= *back;
                else
                    ++failed;
            }
        }
    };
    std::unique_ptr<QThread> first(QThread::create(worker, 1, false));
    std::unique_ptr<QThread> second(QThread::create(worker, 2, true));
    first->start();
    second->start();
    QVERIFY(first->wait(120'000));
    QVERIFY(second->wait(120'000));

    QCOMPARE(failed.load(), 0); // writers wait for each other; nobody gave up as "busy"
    QVERIFY(refused.load() > 0); // demand was well beyond the balance, so the limit was hit
    const qint64 main = *ledger.balance(MainId);
    QVERIFY(main >= 0);
    QCOMPARE(main, Initial - net.load());
    QCOMPARE(*ledger.balance(ReservedId), net.load());
    VERIFY_CLEAN(profile);
}

// Screens say "Main account"; a department keeps its own name; the stored name stays "Main".
void TestTokenLedger::mainAccountHasAPlainLabel()
{
    QCOMPARE(tokenAccountLabel(QStringLiteral("Main")), QStringLiteral("Main account"));
    QCOMPARE(tokenAccountLabel(QStringLiteral("Youth")), QStringLiteral("Youth"));
    QCOMPARE(tokenAccountLabel(QStringLiteral("main")), QStringLiteral("main"));
}

QTEST_GUILESS_MAIN(TestTokenLedger)
#include "TestTokenLedger.moc"
