// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TestSupport.h"
#include "templates/TemplateService.h"

#include <QtTest>

using namespace kengele;
using kengele::test::TempProfile;

class TestTemplateService final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void saveUpsertsByName();
    void refusesBrokenTemplates_data();
    void refusesBrokenTemplates();
    void updateRenamesButNotOntoAnother();
    void remove();
};

void TestTemplateService::saveUpsertsByName()
{
    TempProfile profile;
    auto &templates = profile->templates();
    const auto first = templates.save(QStringLiteral("Reminder"), QStringLiteral("Hi {first_name|friend}"));
    QVERIFY2(first, qPrintable(first ? QString() : first.error().message));
    const auto second = templates.save(QStringLiteral("reminder"), QStringLiteral("Habari {first_name|ndugu}"));
    QVERIFY(second);
    QCOMPARE(second->id, first->id);
    QCOMPARE(templates.list()->size(), 1);
    QCOMPARE(templates.findByName(QStringLiteral("Reminder"))->body, QStringLiteral("Habari {first_name|ndugu}"));
}

void TestTemplateService::refusesBrokenTemplates_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("expected");
    QTest::addRow("no name") << ""
                             << "Hello"
                             << "name";
    QTest::addRow("empty text") << "A"
                                << "   "
                                << "empty";
    QTest::addRow("unknown field") << "A"
                                   << "Hello {frist_name}"
                                   << "frist_name";
    QTest::addRow("unclosed brace") << "A"
                                    << "Hello {first_name"
                                    << "}";
    QTest::addRow("too long") << "A" << QString(4001, u'a') << "too long";
}

void TestTemplateService::refusesBrokenTemplates()
{
    QFETCH(QString, name);
    QFETCH(QString, body);
    QFETCH(QString, expected);
    TempProfile profile;
    const auto saved = profile->templates().save(name, body);
    QVERIFY(!saved);
    QCOMPARE(saved.error().code, ErrorCode::InvalidInput);
    QVERIFY2(saved.error().message.contains(expected), qPrintable(saved.error().message));
    QVERIFY(profile->templates().list()->isEmpty());
}

void TestTemplateService::updateRenamesButNotOntoAnother()
{
    TempProfile profile;
    auto &templates = profile->templates();
    const auto a = templates.save(QStringLiteral("A"), QStringLiteral("one"));
    const auto b = templates.save(QStringLiteral("B"), QStringLiteral("two"));
    QVERIFY(templates.update(a->id, QStringLiteral("A2"), QStringLiteral("one!")));
    QCOMPARE(templates.get(a->id)->name, QStringLiteral("A2"));
    const auto clash = templates.update(a->id, QStringLiteral("b"), QStringLiteral("x"));
    QVERIFY(!clash);
    QCOMPARE(clash.error().code, ErrorCode::Conflict);
    QCOMPARE(templates.get(b->id)->body, QStringLiteral("two"));
}

void TestTemplateService::remove()
{
    TempProfile profile;
    const auto a = profile->templates().save(QStringLiteral("A"), QStringLiteral("one"));
    QVERIFY(profile->templates().remove(a->id));
    QCOMPARE(profile->templates().get(a->id).error().code, ErrorCode::NotFound);
}

QTEST_GUILESS_MAIN(TestTemplateService)
#include "TestTemplateService.moc"
