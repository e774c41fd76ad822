// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "sync/InboundIntent.h"

#include <QtTest>

using namespace kengele;

Q_DECLARE_METATYPE(kengele::InboundIntent::Kind)

class TestInboundIntent final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void classify_data();
    void classify();
};

void TestInboundIntent::classify_data()
{
    using Kind = InboundIntent::Kind;
    QTest::addColumn<QString>("text");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("keyword");
    QTest::addColumn<QString>("rest");
    QTest::addRow("STOP") << "STOP" << Kind::OptOut << "STOP"
                          << "STOP";
    QTest::addRow("stop, lower case, spaces") << "  stop \n"
                                              << Kind::OptOut << "STOP"
                                              << "  stop \n";
    QTest::addRow("Stop.") << "Stop." << Kind::OptOut << "STOP"
                           << "Stop.";
    QTest::addRow("STOP ALL") << "STOP ALL" << Kind::OptOut << "STOP ALL"
                              << "STOP ALL";
    QTest::addRow("stop all!") << "stop   all!" << Kind::OptOut << "STOP ALL"
                               << "stop   all!";
    QTest::addRow("stop please") << "Stop please" << Kind::OptOut << "STOP"
                                 << "Stop please";
    QTest::addRow("UNSUBSCRIBE") << "unsubscribe" << Kind::OptOut << "UNSUBSCRIBE"
                                 << "unsubscribe";
    QTest::addRow("ACHA") << "Acha" << Kind::OptOut << "ACHA"
                          << "Acha";
    QTest::addRow("ACHA tafadhali") << "ACHA tafadhali" << Kind::OptOut << "ACHA"
                                    << "ACHA tafadhali";
    QTest::addRow("PRAY") << "PRAY for my mother in hospital" << Kind::Prayer << "PRAY"
                          << "for my mother in hospital";
    QTest::addRow("pray: lower case") << "pray: exams next week" << Kind::Prayer << "PRAY"
                                      << "exams next week";
    QTest::addRow("OMBI") << "Ombi  naomba maombi kwa familia yangu" << Kind::Prayer << "OMBI"
                          << "naomba maombi kwa familia yangu";
    QTest::addRow("PRAY alone") << "PRAY" << Kind::Prayer << "PRAY"
                                << "";
    QTest::addRow("PRAY keeps line breaks") << "PRAY line one\nline two" << Kind::Prayer << "PRAY"
                                            << "line one\nline two";
    QTest::addRow("PRAYER is not PRAY") << "Prayer meeting at 6?" << Kind::Message << ""
                                        << "Prayer meeting at 6?";
    QTest::addRow("STOPPED is not STOP") << "Stopped by the office" << Kind::Message << ""
                                         << "Stopped by the office";
    QTest::addRow("stop later in the text") << "Please don't stop" << Kind::Message << ""
                                            << "Please don't stop";
    QTest::addRow("plain") << "Asante sana pastor" << Kind::Message << ""
                           << "Asante sana pastor";
    QTest::addRow("empty") << "" << Kind::Message << ""
                           << "";
}

void TestInboundIntent::classify()
{
    QFETCH(QString, text);
    QFETCH(InboundIntent::Kind, kind);
    QFETCH(QString, keyword);
    QFETCH(QString, rest);
    const InboundIntent intent = InboundIntent::classify(text);
    QCOMPARE(intent.kind, kind);
    QCOMPARE(intent.keyword, keyword);
    QCOMPARE(intent.text, rest);
}

QTEST_GUILESS_MAIN(TestInboundIntent)
#include "TestInboundIntent.moc"
