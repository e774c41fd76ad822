// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "campaigns/CampaignRenderer.h"
#include "messaging/MessageTemplate.h"

#include <QtTest>

using namespace kengele;

namespace {

using Recipient = RecipientSnapshot::Recipient;

const QString Date = QStringLiteral("21/11/2026");

Recipient person(const QString &first, const QString &last, const QString &group = {})
{
    return Recipient{1, first, last, QStringLiteral("+254712000001"), group};
}

} // namespace

class TestCampaignRenderer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aTextWithoutFieldsIsSharedByEveryone();
    void fieldsForEachRecipient_data();
    void fieldsForEachRecipient();
    void partsAndEncoding_data();
    void partsAndEncoding();
    void renderingAgainReplacesTheEarlierOne();
};

void TestCampaignRenderer::aTextWithoutFieldsIsSharedByEveryone()
{
    CampaignRenderer renderer;
    renderer.render(MessageTemplate(u"Service at 9 on Sunday"), Date,
                    {person(QStringLiteral("Mary"), {}), person(QStringLiteral("John"), {}), person(QStringLiteral("Ann"), {})});
    QVERIFY(!renderer.isPersonalised());
    QCOMPARE(renderer.texts(), QStringList(3, QStringLiteral("Service at 9 on Sunday")));
    // Rendered once: every recipient's text is the same string, not a copy.
    QCOMPARE(renderer.texts().at(2).constData(), renderer.texts().at(0).constData());
    QCOMPARE(renderer.segments(), (QList<int>{1, 1, 1}));
    QCOMPARE(renderer.totalSegments(), 3);
    QCOMPARE(renderer.maxSegments(), 1);
    QCOMPARE(renderer.encoding(), SmsEncoding::Gsm7);
    QVERIFY(!renderer.needsUnicode());
}

void TestCampaignRenderer::fieldsForEachRecipient_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("last");
    QTest::addColumn<QString>("group");
    QTest::addColumn<QString>("expected");

    QTest::addRow("first name") << "Habari {first_name}"
                                << "Mary"
                                << "Wanjiku"
                                << ""
                                << "Habari Mary";
    QTest::addRow("name: both") << "Dear {name}"
                                << "Mary"
                                << "Wanjiku"
                                << ""
                                << "Dear Mary Wanjiku";
    QTest::addRow("name: first only") << "Dear {name}"
                                      << "Mary"
                                      << ""
                                      << ""
                                      << "Dear Mary";
    QTest::addRow("name: last only") << "Dear {name}"
                                     << ""
                                     << "Wanjiku"
                                     << ""
                                     << "Dear Wanjiku";
    QTest::addRow("fallback") << "Habari {first_name|ndugu}"
                              << ""
                              << "Wanjiku"
                              << ""
                              << "Habari ndugu";
    QTest::addRow("group") << "Karibu {group}!"
                           << "Mary"
                           << ""
                           << "Youth"
                           << "Karibu Youth!";
    QTest::addRow("phone") << "{phone}"
                           << "Mary"
                           << ""
                           << ""
                           << "+254712000001";
    QTest::addRow("date") << "Harvest on {date}"
                          << "Mary"
                          << ""
                          << ""
                          << "Harvest on 21/11/2026";
}

void TestCampaignRenderer::fieldsForEachRecipient()
{
    QFETCH(QString, body);
    QFETCH(QString, first);
    QFETCH(QString, last);
    QFETCH(QString, group);
    QFETCH(QString, expected);

    CampaignRenderer renderer;
    renderer.render(MessageTemplate(body), Date, {person(first, last, group), person(QStringLiteral("Other"), {}, {})});
    QVERIFY(renderer.isPersonalised());
    QCOMPARE(renderer.texts().size(), 2);
    QCOMPARE(renderer.texts().constFirst(), expected);
}

void TestCampaignRenderer::partsAndEncoding_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QStringList>("firstNames");
    QTest::addColumn<QList<int>>("segments");
    QTest::addColumn<SmsEncoding>("encoding");

    QTest::addRow("one GSM part") << QString(160, u'a') << QStringList{QStringLiteral("A"), QStringLiteral("B")}
                                  << QList<int>{1, 1} << SmsEncoding::Gsm7;
    QTest::addRow("two GSM parts") << QString(161, u'a') << QStringList{QStringLiteral("A")} << QList<int>{2}
                                   << SmsEncoding::Gsm7;
    QTest::addRow("one UCS-2 part") << QString(QString(69, u'a') + u'ë') << QStringList{QStringLiteral("A")} << QList<int>{1}
                                    << SmsEncoding::Ucs2;
    QTest::addRow("two UCS-2 parts") << QString(QString(70, u'a') + u'ë') << QStringList{QStringLiteral("A")} << QList<int>{2}
                                     << SmsEncoding::Ucs2;
    // Personalised: the names decide each text's length and encoding.
    QTest::addRow("lengths differ") << QString(QStringLiteral("{first_name}") + QString(150, u'a'))
                                    << QStringList{QStringLiteral("Mary"), QStringLiteral("Bartholomew-Kiprotich")}
                                    << QList<int>{1, 2} << SmsEncoding::Gsm7;
    QTest::addRow("one name needs Unicode") << QStringLiteral("Habari {first_name}")
                                            << QStringList{QStringLiteral("Mary"), QStringLiteral("Zoë")} << QList<int>{1, 1}
                                            << SmsEncoding::Mixed;
    QTest::addRow("every name needs Unicode")
        << QStringLiteral("Habari {first_name}") << QStringList{QStringLiteral("Zoë"), QStringLiteral("Chloë")}
        << QList<int>{1, 1} << SmsEncoding::Ucs2;
}

void TestCampaignRenderer::partsAndEncoding()
{
    QFETCH(QString, body);
    QFETCH(QStringList, firstNames);
    QFETCH(QList<int>, segments);
    QFETCH(SmsEncoding, encoding);

    QList<Recipient> recipients;
    for (const QString &name : firstNames)
        recipients << person(name, {});
    CampaignRenderer renderer;
    renderer.render(MessageTemplate(body), Date, recipients);
    QCOMPARE(renderer.segments(), segments);
    int total = 0;
    int most = 0;
    for (const int s : segments) {
        total += s;
        most = qMax(most, s);
    }
    QCOMPARE(renderer.totalSegments(), total);
    QCOMPARE(renderer.maxSegments(), most);
    QCOMPARE(renderer.encoding(), encoding);
    QCOMPARE(renderer.needsUnicode(), encoding != SmsEncoding::Gsm7);
}

void TestCampaignRenderer::renderingAgainReplacesTheEarlierOne()
{
    CampaignRenderer renderer;
    renderer.render(MessageTemplate(u"Habari {first_name}"), Date,
                    {person(QStringLiteral("Zoë"), {}), person(QStringLiteral("Mary"), {})});
    renderer.render(MessageTemplate(QString(161, u'a')), Date, {person(QStringLiteral("John"), {})});
    QVERIFY(!renderer.isPersonalised());
    QCOMPARE(renderer.texts(), QStringList{QString(161, u'a')});
    QCOMPARE(renderer.segments(), QList<int>{2});
    QCOMPARE(renderer.totalSegments(), 2);
    QCOMPARE(renderer.maxSegments(), 2);
    QCOMPARE(renderer.encoding(), SmsEncoding::Gsm7);
}

QTEST_GUILESS_MAIN(TestCampaignRenderer)
#include "TestCampaignRenderer.moc"
