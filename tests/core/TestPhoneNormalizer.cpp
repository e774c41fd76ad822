// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "contacts/PhoneNormalizer.h"

#include <QtTest>

using namespace kengele;

class TestPhoneNormalizer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void normalises_data();
    void normalises();
    void refusesWithReason_data();
    void refusesWithReason();
    void regions();
};

void TestPhoneNormalizer::normalises_data()
{
    QTest::addColumn<QString>("region");
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("e164");
    const QString mary = QStringLiteral("+254712345678");
    QTest::addRow("national") << "KE"
                              << "0712345678" << mary;
    QTest::addRow("international") << "KE"
                                   << "+254712345678" << mary;
    QTest::addRow("country code without plus") << "KE"
                                               << "254712345678" << mary;
    QTest::addRow("no trunk zero") << "KE"
                                   << "712345678" << mary;
    QTest::addRow("spaces and dashes") << "KE"
                                       << "0712 345-678" << mary;
    QTest::addRow("brackets") << "KE"
                              << "(0712) 345 678" << mary;
    QTest::addRow("surrounding space") << "KE"
                                       << "  0712345678 " << mary;
    QTest::addRow("new 01 prefix") << "KE"
                                   << "0112345678"
                                   << "+254112345678";
    QTest::addRow("00 international prefix (UK)") << "GB"
                                                  << "00254712345678" << mary;
    QTest::addRow("foreign number keeps its country") << "KE"
                                                      << "+256 772 123456"
                                                      << "+256772123456";
    QTest::addRow("Uganda default region") << "UG"
                                           << "0772123456"
                                           << "+256772123456";
    QTest::addRow("Tanzania default region") << "TZ"
                                             << "0754123456"
                                             << "+255754123456";
}

void TestPhoneNormalizer::normalises()
{
    QFETCH(QString, region);
    QFETCH(QString, raw);
    QFETCH(QString, e164);
    const PhoneNormalizer phones(region);
    const Result<QString> result = phones.normalize(raw);
    QVERIFY2(result, qPrintable(result ? QString() : result.error().message));
    QCOMPARE(*result, e164);
}

void TestPhoneNormalizer::refusesWithReason_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("expected");
    QTest::addRow("empty") << ""
                           << "no phone number";
    QTest::addRow("blank") << "   "
                           << "no phone number";
    QTest::addRow("too short") << "12345"
                               << "too few digits";
    QTest::addRow("too long") << "07123456789012345"
                              << "too";
    QTest::addRow("letters") << "Mary"
                             << "not a phone number";
    QTest::addRow("unknown country code") << "+999 123 456"
                                          << "country code";
}

void TestPhoneNormalizer::refusesWithReason()
{
    QFETCH(QString, raw);
    QFETCH(QString, expected);
    const PhoneNormalizer phones;
    const Result<QString> result = phones.normalize(raw);
    QVERIFY(!result);
    QCOMPARE(result.error().code, ErrorCode::InvalidInput);
    QVERIFY2(result.error().message.contains(expected), qPrintable(result.error().message));
}

void TestPhoneNormalizer::regions()
{
    QVERIFY(PhoneNormalizer::isSupportedRegion(QStringLiteral("KE")));
    QVERIFY(PhoneNormalizer::isSupportedRegion(QStringLiteral("ug")));
    QVERIFY(!PhoneNormalizer::isSupportedRegion(QStringLiteral("XX")));
    QCOMPARE(PhoneNormalizer::regionName(QStringLiteral("KE")), QStringLiteral("Kenya"));
}

QTEST_GUILESS_MAIN(TestPhoneNormalizer)
#include "TestPhoneNormalizer.moc"
