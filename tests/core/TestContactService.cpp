// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TestSupport.h"
#include "contacts/ContactService.h"
#include "contacts/GroupService.h"
#include "storage/Database.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QtTest>

using namespace kengele;
using kengele::test::TempProfile;

namespace {
ContactInput person(const QString &first, const QString &last, const QString &phone)
{
    ContactInput input;
    input.firstName = first;
    input.lastName = last;
    input.phone = phone;
    return input;
}
} // namespace

class TestContactService final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addNormalisesAndKeepsRawInput();
    void sameNumberInAnyFormatIsOneContact();
    void refusesInvalidInput_data();
    void refusesInvalidInput();
    void updateAndRemove();
    void searchByNameAndPhoneDigits_data();
    void searchByNameAndPhoneDigits();
    void sortAndPage();
    void unicodeNamesRoundTrip();
    void optOutBelongsToTheNumber();
    void allowAgainRecordsWhoAndWhy();
    void groupFilter();
};

void TestContactService::addNormalisesAndKeepsRawInput()
{
    TempProfile profile;
    QSignalSpy changed(&profile->contacts(), &ContactService::contactsChanged);
    const auto added
        = profile->contacts().add(person(QStringLiteral("Mary"), QStringLiteral("Wanjiku"), QStringLiteral("0712 345-678")));
    QVERIFY2(added, qPrintable(added ? QString() : added.error().message));
    QCOMPARE(added->phone, QStringLiteral("+254712345678"));
    QCOMPARE(added->phoneRaw, QStringLiteral("0712 345-678"));
    QCOMPARE(added->name(), QStringLiteral("Mary Wanjiku"));
    QCOMPARE(added->source, QStringLiteral("manual"));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(*profile->contacts().count(), 1);
}

void TestContactService::sameNumberInAnyFormatIsOneContact()
{
    TempProfile profile;
    QVERIFY(profile->contacts().add(person(QStringLiteral("Mary"), {}, QStringLiteral("0712345678"))));
    for (const QString &form : {QStringLiteral("+254712345678"), QStringLiteral("254712345678"), QStringLiteral("712345678"),
                                QStringLiteral("0712 345 678")}) {
        const auto again = profile->contacts().add(person(QStringLiteral("Someone"), {}, form));
        QVERIFY(!again);
        QCOMPARE(again.error().code, ErrorCode::Conflict);
        QVERIFY(again.error().message.contains(QStringLiteral("Mary")));
    }
    QCOMPARE(*profile->contacts().count(), 1);
    const auto found = profile->contacts().findByPhone(QStringLiteral("712 345 678"));
    QVERIFY(found);
    QCOMPARE(found->firstName, QStringLiteral("Mary"));
}

void TestContactService::refusesInvalidInput_data()
{
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("phone");
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("expected");
    QTest::addRow("no name") << ""
                             << "0712345678"
                             << ""
                             << "name";
    QTest::addRow("no phone") << "Mary"
                              << ""
                              << ""
                              << "no phone number";
    QTest::addRow("short phone") << "Mary"
                                 << "0712"
                                 << ""
                                 << "0712";
    QTest::addRow("bad email") << "Mary"
                               << "0712345678"
                               << "mary at home"
                               << "e-mail";
    QTest::addRow("very long name") << QString(101, u'a') << "0712345678"
                                    << ""
                                    << "100";
}

void TestContactService::refusesInvalidInput()
{
    QFETCH(QString, first);
    QFETCH(QString, phone);
    QFETCH(QString, email);
    QFETCH(QString, expected);
    TempProfile profile;
    ContactInput input = person(first, {}, phone);
    input.email = email;
    const auto added = profile->contacts().add(input);
    QVERIFY(!added);
    QCOMPARE(added.error().code, ErrorCode::InvalidInput);
    QVERIFY2(added.error().message.contains(expected), qPrintable(added.error().message));
    QCOMPARE(*profile->contacts().count(), 0);
}

void TestContactService::updateAndRemove()
{
    TempProfile profile;
    auto &contacts = profile->contacts();
    const auto mary = contacts.add(person(QStringLiteral("Mary"), {}, QStringLiteral("0712345678")));
    const auto john = contacts.add(person(QStringLiteral("John"), {}, QStringLiteral("0722345678")));
    QVERIFY(mary && john);
    // Taking someone else's number is refused and changes nothing.
    const auto clash = contacts.update(john->id, person(QStringLiteral("John"), {}, QStringLiteral("+254712345678")));
    QVERIFY(!clash);
    QCOMPARE(clash.error().code, ErrorCode::Conflict);
    QCOMPARE(contacts.get(john->id)->phone, QStringLiteral("+254722345678"));

    profile.clock().advanceMs(60'000);
    const auto updated
        = contacts.update(mary->id, person(QStringLiteral("Mary"), QStringLiteral("Wanjiku"), QStringLiteral("0733000111")));
    QVERIFY(updated);
    QCOMPARE(updated->phone, QStringLiteral("+254733000111"));
    QVERIFY(updated->updated > mary->updated);

    QVERIFY(contacts.remove({mary->id, john->id}));
    QCOMPARE(*contacts.count(), 0);
    QCOMPARE(contacts.update(mary->id, person(QStringLiteral("Mary"), {}, QStringLiteral("0712345678"))).error().code,
             ErrorCode::NotFound);
}

void TestContactService::searchByNameAndPhoneDigits_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<int>("matches");
    QTest::addRow("first name") << "mary" << 1;
    QTest::addRow("part of a surname") << "anji" << 1;
    QTest::addRow("national digits") << "0712" << 1;
    QTest::addRow("digits with spaces") << "0712 345" << 1;
    QTest::addRow("international digits") << "+25472" << 1;
    QTest::addRow("shared digits") << "345678" << 2;
    QTest::addRow("email") << "example.org" << 1;
    QTest::addRow("like wildcards are literal") << "%" << 0;
    QTest::addRow("nothing") << "zzz" << 0;
    QTest::addRow("empty shows all") << "" << 3;
}

void TestContactService::searchByNameAndPhoneDigits()
{
    QFETCH(QString, search);
    QFETCH(int, matches);
    TempProfile profile;
    auto &contacts = profile->contacts();
    ContactInput mary = person(QStringLiteral("Mary"), QStringLiteral("Wanjiku"), QStringLiteral("0712345678"));
    mary.email = QStringLiteral("mary@example.org");
    QVERIFY(contacts.add(mary));
    QVERIFY(contacts.add(person(QStringLiteral("John"), QStringLiteral("Otieno"), QStringLiteral("0722345678"))));
    QVERIFY(contacts.add(person(QStringLiteral("Akinyi"), {}, QStringLiteral("0733000111"))));
    ContactQuery query;
    query.search = search;
    QCOMPARE(*contacts.count(query), matches);
    QCOMPARE(int(contacts.fetch(query, 0, 100)->size()), matches);
}

void TestContactService::sortAndPage()
{
    TempProfile profile;
    auto &contacts = profile->contacts();
    const QStringList names
        = {QStringLiteral("beatrice"), QStringLiteral("Agnes"), QStringLiteral("Caroline"), QStringLiteral("Dorcas")};
    int n = 0;
    for (const QString &name : names)
        QVERIFY(contacts.add(person(name, {}, QStringLiteral("07123000%1").arg(++n, 2, 10, QLatin1Char('0')))));
    ContactQuery query;
    const auto page1 = contacts.fetch(query, 0, 2);
    const auto page2 = contacts.fetch(query, 2, 2);
    QCOMPARE(page1->at(0).firstName, QStringLiteral("Agnes"));
    QCOMPARE(page1->at(1).firstName, QStringLiteral("beatrice")); // case does not matter
    QCOMPARE(page2->at(1).firstName, QStringLiteral("Dorcas"));
    query.order = Qt::DescendingOrder;
    QCOMPARE(contacts.fetch(query, 0, 1)->at(0).firstName, QStringLiteral("Dorcas"));
    query.sort = ContactSort::Phone;
    query.order = Qt::AscendingOrder;
    QCOMPARE(contacts.fetch(query, 0, 1)->at(0).firstName, QStringLiteral("beatrice"));
}

void TestContactService::unicodeNamesRoundTrip()
{
    TempProfile profile;
    const QString arabic = QStringLiteral("محمد");
    const QString emoji = QStringLiteral("Grace 🙏🏾");
    const auto added = profile->contacts().add(person(arabic, emoji, QStringLiteral("0712345678")));
    QVERIFY(added);
    const auto back = profile->contacts().get(added->id);
    QCOMPARE(back->firstName, arabic);
    QCOMPARE(back->lastName, emoji);
    ContactQuery query;
    query.search = arabic;
    QCOMPARE(*profile->contacts().count(query), 1);
}

void TestContactService::optOutBelongsToTheNumber()
{
    TempProfile profile;
    auto &contacts = profile->contacts();
    const auto mary = contacts.add(person(QStringLiteral("Mary"), {}, QStringLiteral("0712345678")));
    QVERIFY(contacts.optOut(QStringLiteral("+254 712 345678"), QStringLiteral("Replied STOP"), QStringLiteral("sms")));
    QVERIFY(contacts.get(mary->id)->optedOut);
    QCOMPARE(contacts.get(mary->id)->optOutReason, QStringLiteral("Replied STOP"));
    // Deleting and adding the person again does not undo their wish.
    QVERIFY(contacts.remove({mary->id}));
    const auto again = contacts.add(person(QStringLiteral("Mary"), {}, QStringLiteral("712345678")));
    QVERIFY(again->optedOut);
    // A number that is not a contact can be opted out too.
    QVERIFY(contacts.optOut(QStringLiteral("0799000111"), {}, QStringLiteral("cli")));
    QVERIFY(*contacts.isOptedOut(QStringLiteral("+254799000111")));
    QVERIFY(contacts.optIn(QStringLiteral("0712345678")));
    QVERIFY(!contacts.get(again->id)->optedOut);
    QVERIFY(!contacts.optOut(QStringLiteral("123"), {}));
}

void TestContactService::allowAgainRecordsWhoAndWhy()
{
    TempProfile profile;
    auto &contacts = profile->contacts();
    const auto mary = contacts.add(person(QStringLiteral("Mary"), {}, QStringLiteral("0712345678")));
    QVERIFY(contacts.optOut(QStringLiteral("0712345678"), QStringLiteral("STOP"), QStringLiteral("sms")));
    QSignalSpy changed(&contacts, &ContactService::contactsChanged);

    // No reason: refused in plain words, nothing changes.
    const Status empty = contacts.allowAgain(QStringLiteral("0712345678"), QStringLiteral("   "), QStringLiteral("secretary"));
    QVERIFY(!empty);
    QCOMPARE(empty.error().code, ErrorCode::InvalidInput);
    QCOMPARE(empty.error().message, QStringLiteral("Say why SMS may be sent to this number again."));
    QVERIFY(contacts.get(mary->id)->optedOut);
    QCOMPARE(changed.count(), 0);

    profile.clock().advanceMs(1000);
    QVERIFY(contacts.allowAgain(QStringLiteral("+254712345678"), QStringLiteral(" She asked at church "),
                                QStringLiteral("secretary")));
    QVERIFY(!contacts.get(mary->id)->optedOut);
    QCOMPARE(changed.count(), 1);
    QSqlQuery q(profile->database().connection());
    QVERIFY(
        q.exec(QStringLiteral("SELECT phone, reason, user_name, opted_out_reason, opted_out_source, opted_out_at IS NOT NULL, "
                              "created_at FROM opt_ins")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("+254712345678"));
    QCOMPARE(q.value(1).toString(), QStringLiteral("She asked at church"));
    QCOMPARE(q.value(2).toString(), QStringLiteral("secretary"));
    QCOMPARE(q.value(3).toString(), QStringLiteral("STOP"));
    QCOMPARE(q.value(4).toString(), QStringLiteral("sms"));
    QVERIFY(q.value(5).toBool());
    QCOMPARE(q.value(6).toLongLong(), profile.clock().nowMs());
    QVERIFY(!q.next());

    // A number that is not opted out: nothing to allow, said plainly.
    const Status again = contacts.allowAgain(QStringLiteral("0712345678"), QStringLiteral("again"), QStringLiteral("secretary"));
    QVERIFY(!again);
    QVERIFY(again.error().message.contains(QStringLiteral("is not opted out")));
}

void TestContactService::groupFilter()
{
    TempProfile profile;
    auto &contacts = profile->contacts();
    const auto mary = contacts.add(person(QStringLiteral("Mary"), {}, QStringLiteral("0712345678")));
    const auto john = contacts.add(person(QStringLiteral("John"), {}, QStringLiteral("0722345678")));
    const auto choir = profile->groups().create(QStringLiteral("Choir"));
    QVERIFY(profile->groups().addMembers(choir->id, {mary->id}));
    ContactQuery query;
    query.groupId = choir->id;
    QCOMPARE(*contacts.count(query), 1);
    QCOMPARE(contacts.fetch(query, 0, 10)->at(0).groups, QStringList{QStringLiteral("Choir")});
    query.groupId = 0;
    query.notInGroupId = choir->id;
    QCOMPARE(contacts.fetch(query, 0, 10)->at(0).id, john->id);
    query = {};
    query.groupId = -1; // "no group chosen" matches nobody
    QCOMPARE(*contacts.count(query), 0);
}

QTEST_GUILESS_MAIN(TestContactService)
#include "TestContactService.moc"
