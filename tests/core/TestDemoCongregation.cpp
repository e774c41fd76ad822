// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TestSupport.h"
#include "contacts/ContactService.h"
#include "contacts/GroupService.h"
#include "contacts/PhoneNormalizer.h"
#include "demo/DemoCongregation.h"
#include "templates/TemplateService.h"

#include <QSet>
#include <QtTest>

using namespace kengele;
using kengele::test::TempProfile;

class TestDemoCongregation final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createsABelievableCongregation();
    void isDeterministic();
    void canBeRemoved();
};

void TestDemoCongregation::createsABelievableCongregation()
{
    TempProfile profile;
    QVERIFY(DemoCongregation::populate(*profile));
    const auto contacts = profile->contacts().fetch({}, 0, 10000);
    QCOMPARE(contacts->size(), 320);
    QSet<QString> phones;
    int optedOut = 0;
    for (const Contact &c : *contacts) {
        QVERIFY(!c.firstName.isEmpty() && !c.lastName.isEmpty());
        // Every number is a valid Kenyan mobile number as libphonenumber sees it.
        QCOMPARE(*profile->phones().normalize(c.phone), c.phone);
        QCOMPARE(*profile->phones().normalize(c.phoneRaw), c.phone);
        phones.insert(c.phone);
        optedOut += c.optedOut;
    }
    QCOMPARE(phones.size(), 320);
    QVERIFY(optedOut > 0 && optedOut < 30);
    const auto groups = profile->groups().list();
    QVERIFY(groups->size() >= 6);
    QStringList names;
    for (const Group &g : *groups) {
        names << g.name;
        QVERIFY2(g.memberCount > 0, qPrintable(g.name));
    }
    for (const char *expected : {"Youth", "Choir", "Women's Fellowship", "Elders"})
        QVERIFY2(names.contains(QString::fromUtf8(expected)), expected);
    QVERIFY(profile->templates().list()->size() >= 4);
}

void TestDemoCongregation::isDeterministic()
{
    TempProfile a;
    TempProfile b;
    QVERIFY(DemoCongregation::populate(*a, 50, 7));
    QVERIFY(DemoCongregation::populate(*b, 50, 7));
    const auto left = a->contacts().fetch({}, 0, 100);
    const auto right = b->contacts().fetch({}, 0, 100);
    QCOMPARE(left->size(), right->size());
    for (int i = 0; i < left->size(); ++i) {
        QCOMPARE(left->at(i).name(), right->at(i).name());
        QCOMPARE(left->at(i).phone, right->at(i).phone);
    }
}

void TestDemoCongregation::canBeRemoved()
{
    TempProfile profile;
    QVERIFY(DemoCongregation::populate(*profile, 40));
    ContactInput mine;
    mine.firstName = QStringLiteral("Pastor");
    mine.phone = QStringLiteral("0700111222");
    QVERIFY(profile->contacts().add(mine));
    QCOMPARE(profile->contacts().removeDemoContacts()->contacts, 40);
    QCOMPARE(*profile->contacts().count(), 1);
}

QTEST_GUILESS_MAIN(TestDemoCongregation)
#include "TestDemoCongregation.moc"
