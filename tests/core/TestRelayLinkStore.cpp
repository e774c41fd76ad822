// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TestSupport.h"
#include "storage/Database.h"
#include "storage/Transaction.h"
#include "sync/RelayEvent.h"
#include "sync/RelayLinkStore.h"

#include <QSqlQuery>
#include <QSqlRecord>
#include <QtTest>

using namespace kengele;

// The profile's link to the relay (relay_link): the enrolment, and the feed's cursor that moves
// only forward, inside the transaction that applies the events.
class TestRelayLinkStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void aNewProfileIsNotEnrolled();
    void theEnrolmentIsSavedWithoutTheToken();
    void theCursorMovesOnlyForward();
    void theCursorMovesWithTheCallersTransaction();
    void onlyTheEnrolledOrganisationAdvances();
    void enrollingAgainWithTheSameOrganisationKeepsTheCursor();
    void enrollingWithAnotherOrganisationStartsTheFeedAgain();
    void aStorageFailureIsReported();

private:
    RelayLinkStore store() { return RelayLinkStore(m_profile->profile().database(), m_profile->clock()); }
    RelayLink load();
    Status advance(const QString &org, qint64 cursor);
    static RelayEnrolment enrolment(const QString &org, const QString &device = QStringLiteral("dev_1"));

    std::unique_ptr<test::TempProfile> m_profile;
};

void TestRelayLinkStore::init()
{
    m_profile = std::make_unique<test::TempProfile>();
}

void TestRelayLinkStore::cleanup()
{
    m_profile.reset();
}

RelayLink TestRelayLinkStore::load()
{
    const Result<RelayLink> link = store().load();
    if (!link)
        qWarning() << "load failed:" << link.error().message;
    return link.value_or(RelayLink{});
}

Status TestRelayLinkStore::advance(const QString &org, qint64 cursor)
{
    const QSqlDatabase db = m_profile->profile().database().connection();
    Transaction transaction(db);
    if (Status advanced = RelayLinkStore::advance(db, org, cursor, m_profile->clock().nowMs()); !advanced)
        return advanced;
    return transaction.commit();
}

RelayEnrolment TestRelayLinkStore::enrolment(const QString &org, const QString &device)
{
    return RelayEnrolment{device, QStringLiteral("tok_very_secret"), org, QStringLiteral("St Paul's Church")};
}

void TestRelayLinkStore::aNewProfileIsNotEnrolled()
{
    const Result<RelayLink> link = store().load();
    QVERIFY(link);
    QVERIFY(!link->isEnrolled());
    QCOMPARE(link->org, QString());
    QCOMPARE(link->cursor, 0);
    QVERIFY(!link->lastSync.isValid());
}

void TestRelayLinkStore::theEnrolmentIsSavedWithoutTheToken()
{
    const QDateTime enrolledAt = m_profile->clock().nowUtc();
    QVERIFY(store().saveEnrolment(enrolment(QStringLiteral("org_a"))));
    const RelayLink link = load();
    QVERIFY(link.isEnrolled());
    QCOMPARE(link.org, QStringLiteral("org_a"));
    QCOMPARE(link.orgName, QStringLiteral("St Paul's Church"));
    QCOMPARE(link.device, QStringLiteral("dev_1"));
    QCOMPARE(link.cursor, 0);
    QCOMPARE(link.enrolledAt, enrolledAt);
    QCOMPARE(link.enrolledAt.timeSpec(), Qt::UTC);
    QVERIFY(!link.lastSync.isValid()); // not synced yet
    // The token belongs in the keychain: no column of the row holds it.
    QSqlQuery q(m_profile->profile().database().connection());
    QVERIFY(q.exec(QStringLiteral("SELECT * FROM relay_link")));
    QVERIFY(q.next());
    for (int i = 0; i < q.record().count(); ++i)
        QVERIFY(!q.value(i).toString().contains(QLatin1String("tok_very_secret")));
}

void TestRelayLinkStore::theCursorMovesOnlyForward()
{
    QVERIFY(store().saveEnrolment(enrolment(QStringLiteral("org_a"))));
    m_profile->clock().advanceMs(60'000);
    QVERIFY(advance(QStringLiteral("org_a"), 10));
    RelayLink link = load();
    QCOMPARE(link.cursor, 10);
    QCOMPARE(link.lastSync, m_profile->clock().nowUtc());
    // An older cursor (a batch applied twice) never moves it back; the relay did answer, though.
    m_profile->clock().advanceMs(60'000);
    QVERIFY(advance(QStringLiteral("org_a"), 4));
    link = load();
    QCOMPARE(link.cursor, 10);
    QCOMPARE(link.lastSync, m_profile->clock().nowUtc());
    QVERIFY(advance(QStringLiteral("org_a"), 1'000'012)); // after the relay's after-restore jump
    QCOMPARE(load().cursor, 1'000'012);
}

void TestRelayLinkStore::theCursorMovesWithTheCallersTransaction()
{
    QVERIFY(store().saveEnrolment(enrolment(QStringLiteral("org_a"))));
    QVERIFY(advance(QStringLiteral("org_a"), 5));
    const QDateTime synced = m_profile->clock().nowUtc();
    {
        const QSqlDatabase db = m_profile->profile().database().connection();
        Transaction transaction(db);
        m_profile->clock().advanceMs(1000);
        QVERIFY(RelayLinkStore::advance(db, QStringLiteral("org_a"), 9, m_profile->clock().nowMs()));
        transaction.rollback(); // applying the events failed
    }
    const RelayLink link = load();
    QCOMPARE(link.cursor, 5);
    QCOMPARE(link.lastSync, synced);
}

void TestRelayLinkStore::onlyTheEnrolledOrganisationAdvances()
{
    // Not enrolled at all.
    Status advanced = advance(QStringLiteral("org_a"), 3);
    QVERIFY(!advanced);
    QCOMPARE(advanced.error().code, ErrorCode::NotFound);
    QVERIFY(!advanced.error().message.isEmpty());

    // Enrolled with another organisation (the link changed while a batch was being applied).
    QVERIFY(store().saveEnrolment(enrolment(QStringLiteral("org_b"))));
    advanced = advance(QStringLiteral("org_a"), 3);
    QVERIFY(!advanced);
    QCOMPARE(advanced.error().code, ErrorCode::NotFound);
    const RelayLink link = load();
    QCOMPARE(link.cursor, 0);
    QVERIFY(!link.lastSync.isValid());
}

void TestRelayLinkStore::enrollingAgainWithTheSameOrganisationKeepsTheCursor()
{
    QVERIFY(store().saveEnrolment(enrolment(QStringLiteral("org_a"))));
    QVERIFY(advance(QStringLiteral("org_a"), 25));
    const QDateTime synced = m_profile->clock().nowUtc();
    m_profile->clock().advanceMs(3'600'000);
    RelayEnrolment again = enrolment(QStringLiteral("org_a"), QStringLiteral("dev_2"));
    again.orgName = QStringLiteral("St Paul's Cathedral");
    QVERIFY(store().saveEnrolment(again));
    const RelayLink link = load();
    QCOMPARE(link.org, QStringLiteral("org_a"));
    QCOMPARE(link.device, QStringLiteral("dev_2"));
    QCOMPARE(link.orgName, QStringLiteral("St Paul's Cathedral"));
    QCOMPARE(link.enrolledAt, m_profile->clock().nowUtc());
    QCOMPARE(link.cursor, 25); // events already applied are not fetched again
    QCOMPARE(link.lastSync, synced);
}

void TestRelayLinkStore::enrollingWithAnotherOrganisationStartsTheFeedAgain()
{
    QVERIFY(store().saveEnrolment(enrolment(QStringLiteral("org_a"))));
    QVERIFY(advance(QStringLiteral("org_a"), 25));
    QVERIFY(store().saveEnrolment(enrolment(QStringLiteral("org_b"), QStringLiteral("dev_9"))));
    const RelayLink link = load();
    QCOMPARE(link.org, QStringLiteral("org_b"));
    QCOMPARE(link.device, QStringLiteral("dev_9"));
    QCOMPARE(link.cursor, 0);
    QVERIFY(!link.lastSync.isValid());
    QVERIFY(advance(QStringLiteral("org_b"), 2));
    QCOMPARE(load().cursor, 2);
}

void TestRelayLinkStore::aStorageFailureIsReported()
{
    QSqlQuery q(m_profile->profile().database().connection());
    QVERIFY(q.exec(QStringLiteral("DROP TABLE relay_link")));
    const Result<RelayLink> link = store().load();
    QVERIFY(!link);
    QCOMPARE(link.error().code, ErrorCode::Storage);
    QVERIFY2(link.error().message.startsWith(QLatin1String("Reading the link to the relay failed")),
             qPrintable(link.error().message));
    const Status saved = store().saveEnrolment(enrolment(QStringLiteral("org_a")));
    QVERIFY(!saved);
    QVERIFY2(saved.error().message.startsWith(QLatin1String("Saving the link to the relay failed")),
             qPrintable(saved.error().message));
    const Status advanced = advance(QStringLiteral("org_a"), 1);
    QVERIFY(!advanced);
    QCOMPARE(advanced.error().code, ErrorCode::Storage);
}

QTEST_GUILESS_MAIN(TestRelayLinkStore)
#include "TestRelayLinkStore.moc"
