// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "campaigns/CampaignStatus.h"
#include "campaigns/MessageState.h"
#include "gateway/GatewayKind.h"
#include "messaging/SegmentCounter.h"
#include "messaging/SmsEncoding.h"
#include "storage/Database.h"

#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace kengele;

// The domain enums and their words: the words are what the database stores and what kengele-cli
// prints (docs/cli.md), so each one is pinned here; every value goes to its word and back; a word
// that names no value is refused (the readers' fallbacks are tested with them: TestCampaignService,
// TestDispatcher, TestSettings).
class TestDomainEnums final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void underwayIsWhatTheDispatcherClaims();
    void campaignStatusWords_data();
    void campaignStatusWords();
    void messageStateWords_data();
    void messageStateWords();
    void gatewayKindWords_data();
    void gatewayKindWords();
    void smsEncodingWords_data();
    void smsEncodingWords();
    void everyValueRoundTrips();
    void otherWordsAreRefused_data();
    void otherWordsAreRefused();
    void segmentInfoUsesTheSameWords();
    void outboxCheckAllowsExactlyTheMessageStates();
};

void TestDomainEnums::campaignStatusWords_data()
{
    QTest::addColumn<CampaignStatus>("value");
    QTest::addColumn<QString>("word");
    QTest::newRow("scheduled") << CampaignStatus::Scheduled << QStringLiteral("scheduled");
    QTest::newRow("queued") << CampaignStatus::Queued << QStringLiteral("queued");
    QTest::newRow("sending") << CampaignStatus::Sending << QStringLiteral("sending");
    QTest::newRow("paused") << CampaignStatus::Paused << QStringLiteral("paused");
    QTest::newRow("done") << CampaignStatus::Done << QStringLiteral("done");
    QTest::newRow("cancelled") << CampaignStatus::Cancelled << QStringLiteral("cancelled");
    QTest::newRow("recurring") << CampaignStatus::Recurring << QStringLiteral("recurring");
    QTest::newRow("skipped") << CampaignStatus::Skipped << QStringLiteral("skipped");
}

void TestDomainEnums::campaignStatusWords()
{
    QFETCH(CampaignStatus, value);
    QFETCH(QString, word);
    QCOMPARE(toText(value), word);
    QCOMPARE(campaignStatusFromText(word), std::optional(value));
}

void TestDomainEnums::messageStateWords_data()
{
    QTest::addColumn<MessageState>("value");
    QTest::addColumn<QString>("word");
    QTest::newRow("queued") << MessageState::Queued << QStringLiteral("queued");
    QTest::newRow("submitting") << MessageState::Submitting << QStringLiteral("submitting");
    QTest::newRow("sent") << MessageState::Sent << QStringLiteral("sent");
    QTest::newRow("delivered") << MessageState::Delivered << QStringLiteral("delivered");
    QTest::newRow("failed") << MessageState::Failed << QStringLiteral("failed");
    QTest::newRow("uncertain") << MessageState::Uncertain << QStringLiteral("uncertain");
    QTest::newRow("cancelled") << MessageState::Cancelled << QStringLiteral("cancelled");
}

void TestDomainEnums::messageStateWords()
{
    QFETCH(MessageState, value);
    QFETCH(QString, word);
    QCOMPARE(toText(value), word);
    QCOMPARE(messageStateFromText(word), std::optional(value));
}

void TestDomainEnums::gatewayKindWords_data()
{
    QTest::addColumn<GatewayKind>("value");
    QTest::addColumn<QString>("word");
    QTest::newRow("simulator") << GatewayKind::Simulator << QStringLiteral("simulator");
    QTest::newRow("africastalking") << GatewayKind::AfricasTalking << QStringLiteral("africastalking");
}

void TestDomainEnums::gatewayKindWords()
{
    QFETCH(GatewayKind, value);
    QFETCH(QString, word);
    QCOMPARE(toText(value), word);
    QCOMPARE(gatewayKindFromText(word), std::optional(value));
}

void TestDomainEnums::smsEncodingWords_data()
{
    QTest::addColumn<SmsEncoding>("value");
    QTest::addColumn<QString>("word");
    QTest::newRow("GSM-7") << SmsEncoding::Gsm7 << QStringLiteral("GSM-7");
    QTest::newRow("UCS-2") << SmsEncoding::Ucs2 << QStringLiteral("UCS-2");
    QTest::newRow("mixed") << SmsEncoding::Mixed << QStringLiteral("mixed");
}

void TestDomainEnums::smsEncodingWords()
{
    QFETCH(SmsEncoding, value);
    QFETCH(QString, word);
    QCOMPARE(toText(value), word);
    QCOMPARE(smsEncodingFromText(word), std::optional(value));
}

namespace {

// Every value of the list goes to a word of its own and back to itself.
template<typename Enum, std::size_t N, typename FromText> void checkRoundTrips(const std::array<Enum, N> &all, FromText fromText)
{
    QSet<QString> words;
    QSet<int> values;
    for (const Enum value : all) {
        const QString word = toText(value);
        QVERIFY2(!word.isEmpty(), qPrintable(QString::number(int(value))));
        QVERIFY2(!words.contains(word), qPrintable(word));
        words.insert(word);
        values.insert(int(value));
        QCOMPARE(fromText(word), std::optional(value));
    }
    // The list holds each value once, and the values are 0..N-1 (no enumerator left out between).
    QCOMPARE(values.size(), qsizetype(N));
    for (int i = 0; i < int(N); ++i)
        QVERIFY2(values.contains(i), qPrintable(QString::number(i)));
}

} // namespace

void TestDomainEnums::everyValueRoundTrips()
{
    checkRoundTrips(AllCampaignStatuses, campaignStatusFromText);
    checkRoundTrips(AllMessageStates, messageStateFromText);
    checkRoundTrips(AllGatewayKinds, gatewayKindFromText);
    checkRoundTrips(AllSmsEncodings, smsEncodingFromText);
}

void TestDomainEnums::otherWordsAreRefused_data()
{
    QTest::addColumn<QString>("word");
    QTest::newRow("empty") << QString();
    QTest::newRow("capitalised") << QStringLiteral("Queued");
    QTest::newRow("spaces around") << QStringLiteral(" sent ");
    QTest::newRow("unknown") << QStringLiteral("carrier-pigeon");
    QTest::newRow("provider's status") << QStringLiteral("Success");
    QTest::newRow("lower-case encoding") << QStringLiteral("gsm-7");
}

void TestDomainEnums::otherWordsAreRefused()
{
    QFETCH(QString, word);
    QCOMPARE(campaignStatusFromText(word), std::nullopt);
    QCOMPARE(messageStateFromText(word), std::nullopt);
    QCOMPARE(gatewayKindFromText(word), std::nullopt);
    QCOMPARE(smsEncodingFromText(word), std::nullopt);
}

void TestDomainEnums::segmentInfoUsesTheSameWords()
{
    // `segments` and `templates` print one text's encoding with the same words (docs/cli.md).
    QCOMPARE(SegmentCounter::count(u"Amani").encodingName(), toText(SmsEncoding::Gsm7));
    QCOMPARE(SegmentCounter::count(u"Amani\u2019").encodingName(), toText(SmsEncoding::Ucs2));
}

void TestDomainEnums::outboxCheckAllowsExactlyTheMessageStates()
{
    // The schema's CHECK on outbox.state and MessageState name the same words: a state the
    // database would refuse, or a word it allows that no state reads, fails here.
    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(QStringLiteral("kengele.db")));
    QVERIFY(db);
    QSqlQuery q((*db)->connection());
    QVERIFY(q.exec(QStringLiteral("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'outbox'")));
    QVERIFY(q.next());
    const QString sql = q.value(0).toString();
    const QRegularExpressionMatch check = QRegularExpression(QStringLiteral(R"(CHECK \(state IN \(([^)]*)\)\))")).match(sql);
    QVERIFY2(check.hasMatch(), qPrintable(sql));
    QStringList allowed;
    for (const QString &quoted : check.captured(1).split(u','))
        allowed << quoted.trimmed().remove(u'\'');
    QStringList states;
    for (const MessageState state : AllMessageStates)
        states << toText(state);
    QCOMPARE(allowed, states);
}

void TestDomainEnums::underwayIsWhatTheDispatcherClaims()
{
    QList<CampaignStatus> underway;
    for (const CampaignStatus status : AllCampaignStatuses) {
        if (isUnderway(status))
            underway << status;
    }
    QCOMPARE(underway, (QList<CampaignStatus>{CampaignStatus::Scheduled, CampaignStatus::Queued, CampaignStatus::Sending}));
}

QTEST_GUILESS_MAIN(TestDomainEnums)
#include "TestDomainEnums.moc"
