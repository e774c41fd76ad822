// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "sync/BatchCipher.h"
#include "sync/DeviceIdentity.h"
#include "sync/JoinApprover.h"
#include "sync/JoinNewcomer.h"
#include "sync/KeyGrant.h"
#include "sync/OrgKeyRing.h"
#include "sync/SafetyCode.h"

#include <QRegularExpression>
#include <QScopeGuard>
#include <QtTest>

using namespace kengele;
using namespace Qt::StringLiterals;

// A computer joining the organisation (JoinNewcomer, JoinApprover, SafetyCode, KeyGrant of a join):
// the happy path through opaque messages; a relay that swaps either side's keys makes the two safety
// codes differ; a grant not signed by the approver the code was computed with is refused; messages
// out of turn end the attempt.
class TestOrgJoin final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void bothSidesShowTheSameCodeAndTheNewcomerGetsTheKeys();
    void eachJoinHasItsOwnCode();
    void aRelayThatSwapsBothKeysMakesTheCodesDiffer();
    void aRelayThatSwapsTheApproversKeyIsCaught();
    void aRelayThatSwapsTheNewcomersKeyIsCaught();
    void aRelayThatRenamesTheNewcomerIsCaught();
    void aGrantWithABadSignatureIsRefused();
    void aGrantForAnotherComputerOrJoinIsRefused();
    void aRequestMustComeFromTheComputerItNames();
    void messagesOutOfTurnEndTheAttempt();
    void damagedMessagesAreRefused();
    void theCodeIsEightDigitsInTwoGroups();

private:
    QString m_org = u"org_stmark"_s;
    OrgKeyRing m_ring;
    std::optional<DeviceIdentity> m_office; // already in
    std::optional<DeviceIdentity> m_laptop; // joining
    std::optional<DeviceIdentity> m_relay; // a relay that tries to sit in the middle
    std::optional<DeviceIdentity> m_relay2;
};

namespace {

const QRegularExpression CodeShape(u"^\\d{4} \\d{4}$"_s);

DeviceRecord officeRecord(const DeviceIdentity &office)
{
    return DeviceRecord{u"dev_office"_s, u"Office PC"_s, office.publicKeys(), DeviceRecord::State::Approved, 0, 0};
}

} // namespace

void TestOrgJoin::init()
{
    m_ring = OrgKeyRing::createFirst();
    m_ring.rotate(); // epochs 1 and 2: a join grants all of them
    m_office.emplace(DeviceIdentity::generate());
    m_laptop.emplace(DeviceIdentity::generate());
    m_relay.emplace(DeviceIdentity::generate());
    m_relay2.emplace(DeviceIdentity::generate());
}

void TestOrgJoin::bothSidesShowTheSameCodeAndTheNewcomerGetsTheKeys()
{
    JoinNewcomer laptop(*m_laptop, m_org, u"dev_laptop"_s, u"Office laptop"_s);
    JoinApprover office(*m_office, m_org, u"dev_office"_s);

    const Result<QByteArray> request = laptop.request();
    QVERIFY(request.has_value());
    QCOMPARE(laptop.state(), JoinNewcomer::State::WaitingForAnswer);
    // The request commits to the laptop's keys without showing them.
    QVERIFY(!request->contains(m_laptop->publicKeys().box));
    QVERIFY(!request->contains(m_laptop->publicKeys().sign));

    const Result<QByteArray> answer = office.request(*request, u"dev_laptop"_s);
    QVERIFY(answer.has_value());
    QCOMPARE(office.newcomerName(), u"Office laptop"_s);
    QCOMPARE(office.newcomerId(), u"dev_laptop"_s);
    QVERIFY(office.safetyCode().isEmpty()); // no code before the reveal

    const Result<QByteArray> reveal = laptop.answer(*answer);
    QVERIFY(reveal.has_value());
    QVERIFY(office.reveal(*reveal).has_value());
    QCOMPARE(office.state(), JoinApprover::State::ComparingCodes);
    QCOMPARE(laptop.state(), JoinNewcomer::State::ComparingCodes);

    QVERIFY(CodeShape.match(laptop.safetyCode()).hasMatch());
    QCOMPARE(laptop.safetyCode(), office.safetyCode());
    QCOMPARE(laptop.approverId(), u"dev_office"_s);
    QCOMPARE(laptop.approverKeys(), m_office->publicKeys());
    QCOMPARE(office.newcomerRecord().keys, m_laptop->publicKeys());

    const QList<DeviceRecord> roster{officeRecord(*m_office), office.newcomerRecord()};
    const Result<QByteArray> grant = office.approve(m_ring, roster);
    QVERIFY(grant.has_value());
    QCOMPARE(office.state(), JoinApprover::State::Approved);
    const Result<KeyGrantContents> keys = laptop.grant(*grant);
    QVERIFY2(keys.has_value(), keys ? "" : qPrintable(keys.error().message));
    QCOMPARE(laptop.state(), JoinNewcomer::State::Joined);
    QCOMPARE(keys->ring.epochs(), (QList<quint32>{1, 2}));
    QCOMPARE(keys->roster, roster);

    // The laptop reads the office's batches, and the office the laptop's.
    const Result<SealedBatch> fromOffice = BatchCipher(m_org, m_ring).seal(*m_office, u"dev_office"_s, 1, "hello");
    QVERIFY(fromOffice.has_value());
    const auto lookup = [&roster](const QString &id) -> std::optional<DeviceRecord> {
        for (const DeviceRecord &device : roster)
            if (device.id == id)
                return device;
        return std::nullopt;
    };
    const auto opened = BatchCipher(m_org, keys->ring).open(fromOffice->label, fromOffice->blob, lookup, {});
    QVERIFY(opened.has_value());
    QCOMPARE(*opened, QByteArray("hello"));
    const Result<SealedBatch> fromLaptop = BatchCipher(m_org, keys->ring).seal(*m_laptop, u"dev_laptop"_s, 1, "jambo");
    QVERIFY(fromLaptop.has_value());
    QCOMPARE(fromLaptop->label.epoch, quint32(2));
    QCOMPARE(*BatchCipher(m_org, m_ring).open(fromLaptop->label, fromLaptop->blob, lookup, {}), QByteArray("jambo"));
}

void TestOrgJoin::eachJoinHasItsOwnCode()
{
    // Fresh nonces on both sides: the same two computers get another code each time (a relay cannot
    // learn a code in advance). Equal by chance once in 10^8.
    QSet<QString> codes;
    for (int i = 0; i < 5; ++i) {
        JoinNewcomer laptop(*m_laptop, m_org, u"dev_laptop"_s, u"Office laptop"_s);
        JoinApprover office(*m_office, m_org, u"dev_office"_s);
        const QByteArray reveal = *laptop.answer(*office.request(*laptop.request(), u"dev_laptop"_s));
        QVERIFY(office.reveal(reveal).has_value());
        QCOMPARE(laptop.safetyCode(), office.safetyCode());
        codes.insert(office.safetyCode());
    }
    QCOMPARE(codes.size(), 5);
}

void TestOrgJoin::aRelayThatSwapsBothKeysMakesTheCodesDiffer()
{
    // The relay plays the approver to the laptop and the laptop to the office, with its own keys on
    // both sides, and forwards nothing it did not make itself.
    JoinNewcomer laptop(*m_laptop, m_org, u"dev_laptop"_s, u"Office laptop"_s);
    JoinApprover office(*m_office, m_org, u"dev_office"_s);
    JoinApprover relayAsOffice(*m_relay, m_org, u"dev_office"_s);
    JoinNewcomer relayAsLaptop(*m_relay2, m_org, u"dev_laptop"_s, u"Office laptop"_s);

    const QByteArray toRelay = *laptop.request();
    const QByteArray toOffice = *relayAsLaptop.request();
    const QByteArray officeAnswer = *office.request(toOffice, u"dev_laptop"_s);
    const QByteArray relayAnswer = *relayAsOffice.request(toRelay, u"dev_laptop"_s);
    const QByteArray laptopReveal = *laptop.answer(relayAnswer);
    QVERIFY(relayAsOffice.reveal(laptopReveal).has_value());
    const QByteArray relayReveal = *relayAsLaptop.answer(officeAnswer);
    QVERIFY(office.reveal(relayReveal).has_value());

    // Each side's code matches the relay's half it talked to, not the other person's.
    QCOMPARE(laptop.safetyCode(), relayAsOffice.safetyCode());
    QCOMPARE(office.safetyCode(), relayAsLaptop.safetyCode());
    QVERIFY(laptop.safetyCode() != office.safetyCode());
    QVERIFY(!SafetyCode::same(laptop.safetyCode(), office.safetyCode()));

    // Should the office approve anyway, its grant is sealed to the relay's key and useless to the
    // laptop, which only accepts a grant signed by the key it computed its code with (the relay's).
    const QByteArray officeGrant = *office.approve(m_ring, {officeRecord(*m_office), office.newcomerRecord()});
    QVERIFY(!laptop.grant(officeGrant).has_value());
}

void TestOrgJoin::aRelayThatSwapsTheApproversKeyIsCaught()
{
    JoinNewcomer laptop(*m_laptop, m_org, u"dev_laptop"_s, u"Office laptop"_s);
    JoinApprover office(*m_office, m_org, u"dev_office"_s);
    const QByteArray answer = *office.request(*laptop.request(), u"dev_laptop"_s);

    // The relay puts its own public keys in the office's answer.
    std::optional<join::Answer> changed = join::decodeAnswer(answer);
    QVERIFY(changed.has_value());
    changed->approver = m_relay->publicKeys();
    const QByteArray reveal = *laptop.answer(join::encode(*changed));
    QVERIFY(office.reveal(reveal).has_value());
    QVERIFY(laptop.safetyCode() != office.safetyCode());

    // And the office's real grant does not match the key the laptop was shown: refused.
    const QByteArray grant = *office.approve(m_ring, {officeRecord(*m_office), office.newcomerRecord()});
    const Result<KeyGrantContents> keys = laptop.grant(grant);
    QVERIFY(!keys.has_value());
    QCOMPARE(laptop.state(), JoinNewcomer::State::Failed);
}

void TestOrgJoin::aRelayThatSwapsTheNewcomersKeyIsCaught()
{
    JoinNewcomer laptop(*m_laptop, m_org, u"dev_laptop"_s, u"Office laptop"_s);
    JoinApprover office(*m_office, m_org, u"dev_office"_s);
    const QByteArray reveal = *laptop.answer(*office.request(*laptop.request(), u"dev_laptop"_s));

    // Keys changed after the commitment: the office refuses the reveal, and there is no code at all.
    std::optional<join::Reveal> changed = join::decodeReveal(reveal);
    QVERIFY(changed.has_value());
    changed->newcomer = m_relay->publicKeys();
    const Status revealed = office.reveal(join::encode(*changed));
    QVERIFY(!revealed.has_value());
    QCOMPARE(office.state(), JoinApprover::State::Failed);
    QVERIFY(office.safetyCode().isEmpty());
    QVERIFY(!office.approve(m_ring, {}).has_value());
}

void TestOrgJoin::aRelayThatRenamesTheNewcomerIsCaught()
{
    // The name is inside the commitment: "Pastor's laptop" cannot become "Office laptop" on the way.
    JoinNewcomer laptop(*m_laptop, m_org, u"dev_laptop"_s, u"Unknown laptop"_s);
    JoinApprover office(*m_office, m_org, u"dev_office"_s);
    std::optional<join::Request> request = join::decodeRequest(*laptop.request());
    QVERIFY(request.has_value());
    request->name = u"Pastor's laptop"_s;
    const QByteArray answer = *office.request(join::encode(*request), u"dev_laptop"_s);
    QCOMPARE(office.newcomerName(), u"Pastor's laptop"_s);
    // The laptop refuses an answer to a request it did not send.
    QVERIFY(!laptop.answer(answer).has_value());

    // Even with the request hash fixed up, the commitment does not match the reveal.
    JoinNewcomer laptop2(*m_laptop, m_org, u"dev_laptop"_s, u"Unknown laptop"_s);
    JoinApprover office2(*m_office, m_org, u"dev_office"_s);
    const QByteArray original = *laptop2.request();
    request = join::decodeRequest(original);
    request->name = u"Pastor's laptop"_s;
    const QByteArray renamed = join::encode(*request);
    std::optional<join::Answer> answer2 = join::decodeAnswer(*office2.request(renamed, u"dev_laptop"_s));
    answer2->requestHash = join::requestHash(original);
    std::optional<join::Reveal> reveal = join::decodeReveal(*laptop2.answer(join::encode(*answer2)));
    reveal->requestHash = join::requestHash(renamed);
    QVERIFY(!office2.reveal(join::encode(*reveal)).has_value());
}

void TestOrgJoin::aGrantWithABadSignatureIsRefused()
{
    JoinNewcomer laptop(*m_laptop, m_org, u"dev_laptop"_s, u"Office laptop"_s);
    JoinApprover office(*m_office, m_org, u"dev_office"_s);
    QVERIFY(office.reveal(*laptop.answer(*office.request(*laptop.request(), u"dev_laptop"_s))).has_value());
    QByteArray grant = *office.approve(m_ring, {officeRecord(*m_office), office.newcomerRecord()});

    // A grant made by someone else (it holds the laptop's public key, as the relay does) for the
    // same session, signed with its own key: refused, and the laptop's attempt ends.
    JoinNewcomer laptopCopy(*m_laptop, m_org, u"dev_laptop"_s, u"Office laptop"_s);
    const Result<KeyGrantHeader> header = KeyGrant::peek(grant);
    QVERIFY(header.has_value());
    const OrgKeyRing fake = OrgKeyRing::createFirst();
    const Result<QByteArray> forged = KeyGrant::make(
        *m_relay,
        KeyGrant::Address{KeyGrantKind::Join, m_org, u"dev_office"_s, u"dev_laptop"_s, m_laptop->publicKeys(), header->context},
        fake, {});
    QVERIFY(forged.has_value());
    const Result<KeyGrantContents> refused = laptop.grant(*forged);
    QVERIFY(!refused.has_value());
    QVERIFY(refused.error().message.contains(u"signed"_s));
    QCOMPARE(laptop.state(), JoinNewcomer::State::Failed);
    QVERIFY(!laptop.grant(grant).has_value()); // one attempt: a new join is needed

    // The office's real grant with one bit of its signature changed: refused as well.
    const auto expect = KeyGrant::Expect{KeyGrantKind::Join,          m_org,          u"dev_laptop"_s, u"dev_office"_s,
                                         m_office->publicKeys().sign, header->context};
    QVERIFY(KeyGrant::open(grant, *m_laptop, expect).has_value());
    grant[grant.size() - 5] = char(grant[grant.size() - 5] ^ 0x10);
    const Result<KeyGrantContents> bent = KeyGrant::open(grant, *m_laptop, expect);
    QVERIFY(!bent.has_value());
    QVERIFY(bent.error().message.contains(u"signed"_s));
}

void TestOrgJoin::aGrantForAnotherComputerOrJoinIsRefused()
{
    JoinNewcomer laptop(*m_laptop, m_org, u"dev_laptop"_s, u"Office laptop"_s);
    JoinApprover office(*m_office, m_org, u"dev_office"_s);
    QVERIFY(office.reveal(*laptop.answer(*office.request(*laptop.request(), u"dev_laptop"_s))).has_value());
    const QByteArray grant = *office.approve(m_ring, {});
    const QByteArray context = KeyGrant::peek(grant)->context;
    auto expect
        = KeyGrant::Expect{KeyGrantKind::Join, m_org, u"dev_laptop"_s, u"dev_office"_s, m_office->publicKeys().sign, context};
    QVERIFY(KeyGrant::open(grant, *m_laptop, expect).has_value());

    // Another computer cannot open it, even claiming to be the laptop.
    QVERIFY(!KeyGrant::open(grant, *m_relay, expect).has_value());
    // Another join's grant (another transcript) is not this one's.
    expect.context = QByteArray(32, 'x');
    QVERIFY(!KeyGrant::open(grant, *m_laptop, expect).has_value());
    expect.context = context;
    expect.kind = KeyGrantKind::Rotation;
    QVERIFY(!KeyGrant::open(grant, *m_laptop, expect).has_value());
    expect.kind = KeyGrantKind::Join;
    expect.org = u"org_other"_s;
    QVERIFY(!KeyGrant::open(grant, *m_laptop, expect).has_value());
}

void TestOrgJoin::aRequestMustComeFromTheComputerItNames()
{
    JoinNewcomer laptop(*m_laptop, m_org, u"dev_laptop"_s, u"Office laptop"_s);
    JoinApprover office(*m_office, m_org, u"dev_office"_s);
    QVERIFY(!office.request(*laptop.request(), u"dev_other"_s).has_value());
    QCOMPARE(office.state(), JoinApprover::State::Failed);

    JoinNewcomer elsewhere(*m_laptop, u"org_other"_s, u"dev_laptop"_s, u"Office laptop"_s);
    JoinApprover office2(*m_office, m_org, u"dev_office"_s);
    QVERIFY(!office2.request(*elsewhere.request(), u"dev_laptop"_s).has_value());
}

void TestOrgJoin::messagesOutOfTurnEndTheAttempt()
{
    JoinNewcomer laptop(*m_laptop, m_org, u"dev_laptop"_s, u"Office laptop"_s);
    JoinApprover office(*m_office, m_org, u"dev_office"_s);
    QVERIFY(!office.approve(m_ring, {}).has_value()); // no approval before the codes are shown
    QCOMPARE(office.state(), JoinApprover::State::Failed);

    JoinApprover office2(*m_office, m_org, u"dev_office"_s);
    const QByteArray request = *laptop.request();
    QVERIFY(!laptop.request().has_value()); // one request per attempt
    QCOMPARE(laptop.state(), JoinNewcomer::State::Failed);

    JoinNewcomer laptop2(*m_laptop, m_org, u"dev_laptop"_s, u"Office laptop"_s);
    QVERIFY(!laptop2.grant(QByteArray(300, 'g')).has_value()); // keys before any answer
    QCOMPARE(laptop2.state(), JoinNewcomer::State::Failed);

    const QByteArray answer = *office2.request(request, u"dev_laptop"_s);
    QVERIFY(!office2.request(request, u"dev_laptop"_s).has_value()); // answered once
    QCOMPARE(office2.state(), JoinApprover::State::Failed);
    Q_UNUSED(answer)
}

void TestOrgJoin::damagedMessagesAreRefused()
{
    JoinNewcomer laptop(*m_laptop, m_org, u"dev_laptop"_s, u"Office laptop"_s);
    const QByteArray request = *laptop.request();
    for (qsizetype keep = 0; keep < request.size(); keep += 7) {
        JoinApprover office(*m_office, m_org, u"dev_office"_s);
        QVERIFY(!office.request(request.left(keep), u"dev_laptop"_s).has_value());
    }
    JoinApprover office(*m_office, m_org, u"dev_office"_s);
    QVERIFY(!office.request(QByteArray(request + "x"), u"dev_laptop"_s).has_value());
    QVERIFY(!join::decodeAnswer(request).has_value()); // a request is not an answer
    QVERIFY(!join::decodeReveal(QByteArray(4096 * 2, 'K')).has_value());
    QVERIFY(!KeyGrant::peek(QByteArray(100, '\x01')).has_value());
    QVERIFY(!KeyGrant::peek({}).has_value());
}

void TestOrgJoin::theCodeIsEightDigitsInTwoGroups()
{
    for (int i = 0; i < 50; ++i) {
        const QString code = SafetyCode::fromTranscript(QByteArray(32, char(i)));
        QVERIFY2(CodeShape.match(code).hasMatch(), qPrintable(code));
    }
    QCOMPARE(SafetyCode::fromTranscript("x"), SafetyCode::fromTranscript("x"));
    QVERIFY(SafetyCode::fromTranscript("x") != SafetyCode::fromTranscript("y"));
    QVERIFY(SafetyCode::same(u"4821 1934"_s, u"48211934"_s));
    QVERIFY(!SafetyCode::same(u"4821 1934"_s, u"4821 1935"_s));
    QVERIFY(!SafetyCode::same(QString(), QString()));
}

QTEST_GUILESS_MAIN(TestOrgJoin)
#include "TestOrgJoin.moc"
