// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "campaigns/CampaignChanges.h"

#include <QtTest>

using namespace kengele;
using Change = CampaignChanges::Change;

// What "Save changes" lists when a campaign that has not gone yet is changed. Runs with
// TZ=Africa/Nairobi: a repeating campaign's time of day is local.
class TestCampaignChanges final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void onceOnly_data();
    void onceOnly();
    void repeatingLooksAtTheTimeOfDay_data();
    void repeatingLooksAtTheTimeOfDay();
    void severalChangesInTheFormsOrder();
    void describedForPeople();
};

namespace {

CampaignDraft scheduledDraft()
{
    CampaignDraft d;
    d.name = QStringLiteral("Harvest");
    d.body = QStringLiteral("Harvest service on Sunday at 9am");
    d.senderId = QStringLiteral("KANISA");
    d.groupIds = {3, 1};
    d.contactIds = {45, 7};
    d.priority = Priority::High;
    d.scheduledAt = QDateTime(QDate(2026, 3, 3), QTime(18, 30), Qt::UTC);
    d.accountName = QStringLiteral("Main");
    return d;
}

Campaign storedAs(const CampaignDraft &d)
{
    Campaign c;
    c.id = 1;
    c.name = d.name;
    c.body = d.body;
    c.senderId = d.senderId;
    c.priority = d.priority;
    c.scheduledAt = d.scheduledAt;
    c.recurrence = d.recurrence;
    c.status = d.recurrence.isRepeating() ? CampaignStatus::Recurring : CampaignStatus::Scheduled;
    return c;
}

} // namespace

void TestCampaignChanges::onceOnly_data()
{
    QTest::addColumn<CampaignDraft>("after");
    QTest::addColumn<QList<Change>>("expected");
    const CampaignDraft before = scheduledDraft();
    auto changed = [&before](auto change) {
        CampaignDraft d = before;
        change(d);
        return d;
    };
    QTest::addRow("nothing") << before << QList<Change>{};
    QTest::addRow("name") << changed([](CampaignDraft &d) { d.name = QStringLiteral("Harvest thanksgiving"); })
                          << QList<Change>{Change::Name};
    // Emptied: the campaign keeps its name. Spaces alone change nothing either.
    QTest::addRow("name emptied") << changed([](CampaignDraft &d) { d.name.clear(); }) << QList<Change>{};
    QTest::addRow("name spaced") << changed([](CampaignDraft &d) { d.name = QStringLiteral("  Harvest "); }) << QList<Change>{};
    QTest::addRow("message") << changed([](CampaignDraft &d) { d.body += u'!'; }) << QList<Change>{Change::Message};
    QTest::addRow("groups in another order") << changed([](CampaignDraft &d) { d.groupIds = {1, 3}; }) << QList<Change>{};
    QTest::addRow("contacts in another order") << changed([](CampaignDraft &d) { d.contactIds = {7, 45}; }) << QList<Change>{};
    QTest::addRow("another group") << changed([](CampaignDraft &d) { d.groupIds << 2; }) << QList<Change>{Change::Recipients};
    QTest::addRow("a person less") << changed([](CampaignDraft &d) { d.contactIds.removeLast(); })
                                   << QList<Change>{Change::Recipients};
    QTest::addRow("sender") << changed([](CampaignDraft &d) { d.senderId.clear(); }) << QList<Change>{Change::SenderId};
    QTest::addRow("priority") << changed([](CampaignDraft &d) { d.priority = Priority::Urgent; })
                              << QList<Change>{Change::Priority};
    QTest::addRow("seconds later") << changed([](CampaignDraft &d) { d.scheduledAt = d.scheduledAt.addSecs(20); })
                                   << QList<Change>{};
    QTest::addRow("a minute later") << changed([](CampaignDraft &d) { d.scheduledAt = d.scheduledAt.addSecs(60); })
                                    << QList<Change>{Change::Time};
    QTest::addRow("now instead") << changed([](CampaignDraft &d) { d.scheduledAt = QDateTime(); }) << QList<Change>{Change::Time};
    QTest::addRow("another budget") << changed([](CampaignDraft &d) { d.accountName = QStringLiteral("Youth"); })
                                    << QList<Change>{Change::Account};
    QTest::addRow("repeating instead") << changed([](CampaignDraft &d) {
        d.recurrence = Recurrence::weekly({Qt::Tuesday});
        d.repeatUntil = QDate(2026, 4, 30);
    }) << QList<Change>{Change::Recurrence};
}

void TestCampaignChanges::onceOnly()
{
    QFETCH(CampaignDraft, after);
    QFETCH(QList<Change>, expected);
    const CampaignDraft before = scheduledDraft();
    QCOMPARE(CampaignChanges::between(storedAs(before), before, after), expected);
}

void TestCampaignChanges::repeatingLooksAtTheTimeOfDay_data()
{
    QTest::addColumn<QDateTime>("start");
    QTest::addColumn<QDate>("until");
    QTest::addColumn<Recurrence>("recurrence");
    QTest::addColumn<QList<Change>>("expected");
    // Stored: next time Sunday 1 March 2026, 20:00 in Nairobi; the draft starts from the next day.
    const QDateTime nextDay(QDate(2026, 3, 2), QTime(20, 0), Qt::LocalTime);
    const Recurrence sundays = Recurrence::weekly({Qt::Sunday});
    QTest::addRow("as it was") << nextDay << QDate(2026, 5, 31) << sundays << QList<Change>{};
    QTest::addRow("another day, same time") << nextDay.addDays(3) << QDate(2026, 5, 31) << sundays << QList<Change>{};
    QTest::addRow("half an hour later") << nextDay.addSecs(1800) << QDate(2026, 5, 31) << sundays << QList<Change>{Change::Time};
    QTest::addRow("last day") << nextDay << QDate(2026, 4, 30) << sundays << QList<Change>{Change::LastDay};
    // Another rule says it all: the last day is not named besides it.
    QTest::addRow("wednesdays until April") << nextDay << QDate(2026, 4, 30) << Recurrence::weekly({Qt::Wednesday})
                                            << QList<Change>{Change::Recurrence};
    QTest::addRow("every day") << nextDay << QDate(2026, 5, 31) << Recurrence::daily() << QList<Change>{Change::Recurrence};
}

void TestCampaignChanges::repeatingLooksAtTheTimeOfDay()
{
    QFETCH(QDateTime, start);
    QFETCH(QDate, until);
    QFETCH(Recurrence, recurrence);
    QFETCH(QList<Change>, expected);
    CampaignDraft before;
    before.name = QStringLiteral("Sunday reminder");
    before.body = QStringLiteral("Service at 9am");
    before.groupIds = {1};
    before.recurrence = Recurrence::weekly({Qt::Sunday});
    before.repeatUntil = QDate(2026, 5, 31);
    before.scheduledAt = QDateTime(QDate(2026, 3, 2), QTime(20, 0), Qt::LocalTime).toUTC();
    Campaign stored = storedAs(before);
    stored.scheduledAt = QDateTime(QDate(2026, 3, 1), QTime(20, 0), Qt::LocalTime).toUTC();

    CampaignDraft after = before;
    after.scheduledAt = start.toUTC();
    after.repeatUntil = until;
    after.recurrence = recurrence;
    QCOMPARE(CampaignChanges::between(stored, before, after), expected);
}

void TestCampaignChanges::severalChangesInTheFormsOrder()
{
    const CampaignDraft before = scheduledDraft();
    CampaignDraft after = before;
    after.accountName = QStringLiteral("Youth");
    after.body = QStringLiteral("New text");
    after.groupIds = {1};
    after.name = QStringLiteral("Harvest 2026");
    const QList<Change> changes = CampaignChanges::between(storedAs(before), before, after);
    QCOMPARE(changes, (QList<Change>{Change::Name, Change::Message, Change::Recipients, Change::Account}));
    QCOMPARE(CampaignChanges::describe(changes).join(QStringLiteral(", ")),
             QStringLiteral("the name, the message, who gets it, the budget that pays"));
}

void TestCampaignChanges::describedForPeople()
{
    QSet<QString> texts;
    for (const Change change : {Change::Name, Change::Message, Change::Recipients, Change::SenderId, Change::Priority,
                                Change::Recurrence, Change::LastDay, Change::Time, Change::Account}) {
        const QString text = CampaignChanges::describe(change);
        QVERIFY(!text.isEmpty());
        texts.insert(text);
    }
    QCOMPARE(texts.size(), 9); // each says something of its own
    QCOMPARE(CampaignChanges::describe(Change::Recipients), QStringLiteral("who gets it"));
    QCOMPARE(CampaignChanges::describe(Change::Recurrence), QStringLiteral("how it repeats"));
}

QTEST_MAIN(TestCampaignChanges)
#include "TestCampaignChanges.moc"
