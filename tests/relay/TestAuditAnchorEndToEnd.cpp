// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The daily audit anchor end to end (docs/architecture.md §7, docs/relay.md "Audit anchors"): a
// desktop profile connected (with `kengele-cli relay connect`, in process, a fake keychain) to a
// real relay on loopback sends its audit trail's head and compares the trail with the relay's
// anchors. Then the trail is rewritten as a whole behind Kengele's back (every entry and its hash,
// and the audit-head file, so that the trail holds by itself) or cut short: the local check still
// passes, the anchors do not; the same through `kengele-cli audit verify`.
#include "CliCall.h"
#include "FakeSecretStore.h"
#include "RelayHarness.h"
#include "TestSupport.h"

#include "backup/BackupService.h"
#include "backup/PendingRestore.h"
#include "common/Language.h"
#include "profile/Profile.h"
#include "security/AuditLog.h"
#include "settings/Settings.h"
#include "sync/AuditAnchor.h"
#include "sync/RelayClient.h"
#include "sync/RelayLinkStore.h"

#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

using namespace kengele;
using namespace kengele::test;

class TestAuditAnchorEndToEnd final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void sendAndCheckThenTheWholeTrailRewritten();
    void aTrailCutShortFails();
    void theHeadIsSentOnceADay();
    void relaySyncSendsTheHead();
    void auditVerifyComparesWithTheRelay();
    void anchorsFromBeforeARestoreAreSetAside();

private:
    using Outcome = test::CliOutcome;
    Outcome cli(QStringList arguments);
    QString profileDir() const { return m_dir.filePath(QStringLiteral("profile")); }
    std::unique_ptr<Profile> openProfile();
    void record(Profile &profile, int count);
    // An AuditAnchor over this profile with the relay's address and the device token the CLI saved.
    std::unique_ptr<AuditAnchor> anchorFor(Profile &profile);
    Result<AnchorCheck> check(AuditAnchor &anchor);
    Result<RelayAnchor> send(AuditAnchor &anchor);
    // The relay's anchor for a day before today, as that day's send would have left it.
    void storeEarlierAnchor(Profile &profile, int daysAgo);
    // What someone with the data folder and an SQLite tool can do: drop the append-only triggers,
    // run `statements`, then write every entry's hash anew (and the audit-head file) so that the
    // trail holds by itself.
    void rewriteTrail(const QStringList &statements);

    QTemporaryDir m_dir;
    FixedClock m_clock{QDateTime::currentDateTimeUtc()};
    FakeSecretStore m_secrets;
    std::unique_ptr<RelayHarness> m_relay;
    QNetworkAccessManager m_network;
    std::unique_ptr<RelayClient> m_client;
};

void TestAuditAnchorEndToEnd::init()
{
    Language::install(QStringLiteral("en"));
    QDir(profileDir()).removeRecursively();
    m_secrets.values.clear();
    m_relay = std::make_unique<RelayHarness>(RelayHarness::Backend::Sqlite);
    QString why;
    QVERIFY2(m_relay->open(&why), qPrintable(why));
    QVERIFY(m_relay->start());
    const auto org = m_relay->createOrgWithDevice();
    QVERIFY(!org.id.isEmpty());
    // The desktop here is the church's only computer: the harness's own device leaves, so the
    // desktop enrolled next is the organisation's founder (a second computer would wait for approval).
    QVERIFY(m_relay->store().revokeDevice(org.deviceId, QDateTime::currentMSecsSinceEpoch()).value_or(false));
    const auto code = relay::createEnrolCode(m_relay->store(), org.id, 24);
    QVERIFY(code);
    const Outcome connected = cli({QStringLiteral("relay"), QStringLiteral("connect"), m_relay->baseUrl().toString(),
                                   QStringLiteral("--code"), code->code});
    QVERIFY2(connected.code == 0, qPrintable(connected.err));
}

void TestAuditAnchorEndToEnd::cleanup()
{
    m_client.reset();
    m_relay.reset();
}

TestAuditAnchorEndToEnd::Outcome TestAuditAnchorEndToEnd::cli(QStringList arguments)
{
    return test::runCli(profileDir(), arguments, m_clock, m_secrets);
}

std::unique_ptr<Profile> TestAuditAnchorEndToEnd::openProfile()
{
    auto profile = Profile::open(profileDir(), m_clock);
    if (!profile) {
        qWarning().noquote() << profile.error().message;
        return nullptr;
    }
    return std::move(*profile);
}

void TestAuditAnchorEndToEnd::record(Profile &profile, int count)
{
    for (int i = 0; i < count; ++i) {
        profile.audit().setActor(QStringLiteral("mary"));
        QVERIFY(profile.audit().record(QStringLiteral("contacts.edit"), QStringLiteral("contact:%1").arg(i + 1),
                                       QStringLiteral("phone changed")));
        m_clock.advanceMs(1000);
    }
}

std::unique_ptr<AuditAnchor> TestAuditAnchorEndToEnd::anchorFor(Profile &profile)
{
    // The fake keychain holds one secret: the device token `relay connect` saved.
    const QList<QString> secrets = m_secrets.values.values();
    if (secrets.size() != 1)
        return nullptr;
    m_client = std::make_unique<RelayClient>(m_network);
    m_client->setBaseUrl(QUrl(profile.settings().relayUrl()));
    m_client->setToken(secrets.first());
    return std::make_unique<AuditAnchor>(profile.audit(), profile.settings(), *m_client, m_clock);
}

Result<AnchorCheck> TestAuditAnchorEndToEnd::check(AuditAnchor &anchor)
{
    std::optional<Result<AnchorCheck>> answer;
    anchor.check([&](Result<AnchorCheck> result) { answer = std::move(result); });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, 30'000))
        return fail(ErrorCode::Io, QStringLiteral("no answer in 30 s"));
    return *answer;
}

Result<RelayAnchor> TestAuditAnchorEndToEnd::send(AuditAnchor &anchor)
{
    std::optional<Result<RelayAnchor>> answer;
    anchor.sendNow([&](Result<RelayAnchor> result) { answer = std::move(result); });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, 30'000))
        return fail(ErrorCode::Io, QStringLiteral("no answer in 30 s"));
    return *answer;
}

void TestAuditAnchorEndToEnd::storeEarlierAnchor(Profile &profile, int daysAgo)
{
    const auto head = profile.audit().head();
    QVERIFY(head);
    const auto link = profile.relayLinks().load();
    QVERIFY(link);
    const QDateTime then = QDateTime::currentDateTimeUtc().addDays(-daysAgo);
    const relay::AuditAnchorRecord anchor{link->device, link->org,    then.date().toString(Qt::ISODate),
                                          head->first,  head->second, then.toMSecsSinceEpoch()};
    QVERIFY(m_relay->store().putAuditAnchor(anchor, AuditAnchor::MaxAnchors));
}

void TestAuditAnchorEndToEnd::rewriteTrail(const QStringList &statements)
{
    const QString name = QStringLiteral("rewrite");
    qint64 lastId = 0;
    QString previous = AuditLog::zeroHash();
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        raw.setDatabaseName(QDir(profileDir()).filePath(QStringLiteral("kengele.sqlite")));
        QVERIFY(raw.open());
        QSqlQuery q(raw);
        QVERIFY(q.exec(QStringLiteral("DROP TRIGGER IF EXISTS audit_log_append_only_update")));
        QVERIFY(q.exec(QStringLiteral("DROP TRIGGER IF EXISTS audit_log_append_only_delete")));
        for (const QString &statement : statements)
            QVERIFY2(q.exec(statement), qPrintable(q.lastError().text()));
        QVERIFY(q.exec(QStringLiteral("SELECT id, at, user_name, device, action, object, summary FROM audit_log ORDER BY id")));
        QList<AuditEntry> entries;
        while (q.next()) {
            AuditEntry e;
            e.id = q.value(0).toLongLong();
            e.time = QDateTime::fromMSecsSinceEpoch(q.value(1).toLongLong(), Qt::UTC);
            e.user = q.value(2).toString();
            e.device = q.value(3).toString();
            e.action = q.value(4).toString();
            e.object = q.value(5).toString();
            e.summary = q.value(6).toString();
            entries.append(e);
        }
        QVERIFY(!entries.isEmpty());
        for (AuditEntry &e : entries) {
            e.hash = AuditLog::chainHash(previous, e);
            previous = e.hash;
            lastId = e.id;
            QSqlQuery update(raw);
            update.prepare(QStringLiteral("UPDATE audit_log SET hash = ? WHERE id = ?"));
            update.addBindValue(e.hash);
            update.addBindValue(e.id);
            QVERIFY2(update.exec(), qPrintable(update.lastError().text()));
        }
        raw.close();
    }
    QSqlDatabase::removeDatabase(name);
    QFile head(QDir(profileDir()).filePath(QStringLiteral("audit-head")));
    QVERIFY(head.open(QIODevice::WriteOnly | QIODevice::Truncate));
    head.write(QByteArray::number(lastId) + ' ' + previous.toLatin1() + '\n');
}

void TestAuditAnchorEndToEnd::sendAndCheckThenTheWholeTrailRewritten()
{
    {
        auto profile = openProfile();
        QVERIFY(profile);
        QVERIFY(QFile::exists(profile->databasePath()));
        QCOMPARE(profile->databasePath(), QDir(profileDir()).filePath(QStringLiteral("kengele.sqlite")));
        record(*profile, 3);
        storeEarlierAnchor(*profile, 2); // two days ago the trail was 3 entries longer than at connecting
        record(*profile, 4);
        auto anchor = anchorFor(*profile);
        QVERIFY(anchor);
        QVERIFY(anchor->lastSentDay().isEmpty());
        const Result<RelayAnchor> sent = send(*anchor);
        QVERIFY2(sent, qPrintable(sent ? QString() : sent.error().message));
        QCOMPARE(sent->entries, profile->audit().head()->first);
        QCOMPARE(sent->hash, profile->audit().head()->second);
        QCOMPARE(anchor->lastSentDay(), m_clock.nowUtc().date().toString(Qt::ISODate));
        const Result<AnchorCheck> holds = check(*anchor);
        QVERIFY2(holds, qPrintable(holds ? QString() : holds.error().message));
        QCOMPARE(holds->checked, 2);
        QVERIFY(holds->ok);
    }
    // Every summary changed, every hash worked out again, the head file too: the trail holds here.
    rewriteTrail({QStringLiteral("UPDATE audit_log SET summary = 'nothing happened'")});
    auto profile = openProfile();
    QVERIFY(profile);
    const Result<AuditCheck> local = profile->audit().verify();
    QVERIFY(local);
    QVERIFY2(local->ok, qPrintable(local->reason));
    auto anchor = anchorFor(*profile);
    const Result<AnchorCheck> rewritten = check(*anchor);
    QVERIFY(rewritten);
    QVERIFY(!rewritten->ok);
    QCOMPARE(rewritten->checked, 2);
    // The oldest anchor that fails: the one of two days ago, 4 entries (connect + 3).
    QCOMPARE(rewritten->firstBadAnchor, 4);
    QVERIFY2(rewritten->reason.contains(QLatin1String("written anew")), qPrintable(rewritten->reason));
}

void TestAuditAnchorEndToEnd::aTrailCutShortFails()
{
    qint64 anchored = 0;
    {
        auto profile = openProfile();
        QVERIFY(profile);
        record(*profile, 5);
        auto anchor = anchorFor(*profile);
        const Result<RelayAnchor> sent = send(*anchor);
        QVERIFY(sent);
        anchored = sent->entries;
        QCOMPARE(anchored, 6);
    }
    // The last two entries removed, the head file set back to the new last one: it holds here.
    rewriteTrail({QStringLiteral("DELETE FROM audit_log WHERE id > 4")});
    auto profile = openProfile();
    QVERIFY(profile);
    QVERIFY(profile->audit().verify()->ok);
    auto anchor = anchorFor(*profile);
    const Result<AnchorCheck> cut = check(*anchor);
    QVERIFY(cut);
    QVERIFY(!cut->ok);
    QCOMPARE(cut->firstBadAnchor, anchored);
    QVERIFY2(cut->reason.contains(QLatin1String("entries were removed")), qPrintable(cut->reason));
    QVERIFY2(cut->reason.contains(QLatin1String("holds 4")), qPrintable(cut->reason));
    // A trail that does not hold by itself is not anchored either.
    rewriteTrail({});
    profile.reset();
    {
        const QString name = QStringLiteral("break");
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        raw.setDatabaseName(QDir(profileDir()).filePath(QStringLiteral("kengele.sqlite")));
        QVERIFY(raw.open());
        QSqlQuery q(raw);
        QVERIFY(q.exec(QStringLiteral("UPDATE audit_log SET summary = 'changed' WHERE id = 2")));
        raw.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("break"));
    profile = openProfile();
    anchor = anchorFor(*profile);
    const Result<RelayAnchor> refused = send(*anchor);
    QVERIFY(!refused);
    QVERIFY2(refused.error().message.contains(QLatin1String("not sent")), qPrintable(refused.error().message));
}

void TestAuditAnchorEndToEnd::theHeadIsSentOnceADay()
{
    auto profile = openProfile();
    QVERIFY(profile);
    record(*profile, 2);
    auto anchor = anchorFor(*profile);
    const QString deviceId = profile->relayLinks().load()->device;
    auto relayAnchors = [&] {
        return m_relay->store().auditAnchors(deviceId, 10).value_or(QList<relay::AuditAnchorRecord>{});
    };
    // Sent today already: nothing goes.
    profile->settings().setValue(Settings::Key::AuditAnchorDay, m_clock.nowUtc().date().toString(Qt::ISODate));
    anchor->sendIfDue();
    QTest::qWait(200);
    QCOMPARE(relayAnchors().size(), 0);
    // The last send was yesterday (by this computer's clock): the next sync sends.
    profile->settings().setValue(Settings::Key::AuditAnchorDay, m_clock.nowUtc().addDays(-1).date().toString(Qt::ISODate));
    anchor->sendIfDue();
    QTRY_COMPARE_WITH_TIMEOUT(relayAnchors().size(), 1, 30'000);
    QCOMPARE(relayAnchors().first().entries, 3);
    QTRY_COMPARE_WITH_TIMEOUT(anchor->lastSentDay(), m_clock.nowUtc().date().toString(Qt::ISODate), 30'000);
    // More entries the same day: not sent again by itself.
    record(*profile, 2);
    anchor->sendIfDue();
    QTest::qWait(200);
    QCOMPARE(relayAnchors().first().entries, 3);
}

void TestAuditAnchorEndToEnd::relaySyncSendsTheHead()
{
    QString deviceId;
    {
        auto profile = openProfile();
        QVERIFY(profile);
        record(*profile, 2);
        deviceId = profile->relayLinks().load()->device;
    }
    Outcome synced = cli({QStringLiteral("relay"), QStringLiteral("sync"), QStringLiteral("--once")});
    QVERIFY2(synced.code == 0, qPrintable(synced.err));
    QVERIFY2(!synced.err.contains(QLatin1String("not sent")), qPrintable(synced.err));
    auto anchors = m_relay->store().auditAnchors(deviceId, 10);
    QVERIFY(anchors);
    QCOMPARE(anchors->size(), 1);
    // The head after the sync (it credits the relay's demo voucher, an entry of Kengele's own).
    qint64 head = 0;
    {
        auto profile = openProfile();
        head = profile->audit().head()->first;
    }
    QVERIFY(head >= 3); // relay.connect and the two above, at least
    QCOMPARE(anchors->first().entries, head);
    // Once a day: the next sync the same day sends nothing, even with more entries.
    {
        auto profile = openProfile();
        record(*profile, 1);
    }
    synced = cli({QStringLiteral("relay"), QStringLiteral("sync"), QStringLiteral("--once")});
    QCOMPARE(synced.code, 0);
    QCOMPARE(m_relay->store().auditAnchors(deviceId, 10)->first().entries, head);
}

void TestAuditAnchorEndToEnd::auditVerifyComparesWithTheRelay()
{
    {
        auto profile = openProfile();
        QVERIFY(profile);
        record(*profile, 3);
    }
    const Outcome sent = cli({QStringLiteral("--json"), QStringLiteral("audit"), QStringLiteral("anchor")});
    QVERIFY2(sent.code == 0, qPrintable(sent.err));
    QCOMPARE(sent.json().object().value(QLatin1String("entries")).toInteger(), 4);
    Outcome verified = cli({QStringLiteral("--json"), QStringLiteral("audit"), QStringLiteral("verify")});
    QVERIFY2(verified.code == 0, qPrintable(verified.err));
    QJsonObject object = verified.json().object();
    QCOMPARE(object.value(QLatin1String("ok")).toBool(), true);
    QCOMPARE(object.value(QLatin1String("entries")).toInteger(), 4);
    QJsonObject anchored = object.value(QLatin1String("anchored")).toObject();
    QCOMPARE(anchored.value(QLatin1String("checked")).toInt(), 1);
    QCOMPARE(anchored.value(QLatin1String("ok")).toBool(), true);
    QVERIFY(!anchored.contains(QLatin1String("first_bad_anchor")));
    // In words too.
    verified = cli({QStringLiteral("audit"), QStringLiteral("verify")});
    QCOMPARE(verified.code, 0);
    QVERIFY2(verified.out.contains(QLatin1String("matches the relay's daily copies")), qPrintable(verified.out));

    rewriteTrail({QStringLiteral("UPDATE audit_log SET user_name = 'john'")});
    verified = cli({QStringLiteral("--json"), QStringLiteral("audit"), QStringLiteral("verify")});
    QCOMPARE(verified.code, 1);
    object = verified.json().object();
    QCOMPARE(object.value(QLatin1String("ok")).toBool(true), false);
    QVERIFY(!object.contains(QLatin1String("first_bad"))); // the trail holds by itself
    anchored = object.value(QLatin1String("anchored")).toObject();
    QCOMPARE(anchored.value(QLatin1String("ok")).toBool(true), false);
    QCOMPARE(anchored.value(QLatin1String("first_bad_anchor")).toInteger(), 4);
    QVERIFY2(verified.err.contains(QLatin1String("relay's copy of 4 entries")), qPrintable(verified.err));

    // The relay cannot be reached: the local result still, and why the anchors were not compared.
    m_relay->stop();
    verified = cli({QStringLiteral("--json"), QStringLiteral("audit"), QStringLiteral("verify")});
    QCOMPARE(verified.code, 0);
    object = verified.json().object();
    QCOMPARE(object.value(QLatin1String("ok")).toBool(), true);
    anchored = object.value(QLatin1String("anchored")).toObject();
    QVERIFY(anchored.value(QLatin1String("ok")).isNull());
    QVERIFY2(anchored.value(QLatin1String("error")).toString().contains(QLatin1String("cannot reach the relay")),
             qPrintable(anchored.value(QLatin1String("error")).toString()));
    QVERIFY2(verified.err.contains(QLatin1String("could not be compared")), qPrintable(verified.err));
}

void TestAuditAnchorEndToEnd::anchorsFromBeforeARestoreAreSetAside()
{
    const QString backup = m_dir.filePath(QStringLiteral("before.kengele-backup"));
    const QString passphrase = QStringLiteral("long enough to keep");
    // Entries are recorded a second apart by the test clock, faster than real time; with this
    // computer's clock ten minutes behind the relay's, what is sent after the restore reaches the
    // relay after it by both clocks, as it does in an office.
    m_clock.set(QDateTime::currentDateTimeUtc().addSecs(-600));
    {
        auto profile = openProfile();
        QVERIFY(profile);
        record(*profile, 3);
        storeEarlierAnchor(*profile, 3); // 4 entries: in the backup too, so it must still hold after
        profile->backups().setCost(Passwords::Cost::TestsOnly);
        const Result<BackupCreated> made = profile->backups().create(backup, passphrase);
        QVERIFY2(made, qPrintable(made ? QString() : made.error().message));
        record(*profile, 4);
        storeEarlierAnchor(*profile, 2); // 9 entries: the backup does not have the last 4
        record(*profile, 2);
        storeEarlierAnchor(*profile, 1); // 11 entries
    }
    // Restored today: the relay received the three anchors on the days before.
    {
        auto profile = openProfile();
        QVERIFY(profile);
        profile->backups().setCost(Passwords::Cost::TestsOnly);
        Result<std::unique_ptr<PendingRestore>> pending = profile->backups().prepareRestore(backup, passphrase);
        QVERIFY2(pending, qPrintable(pending ? QString() : pending.error().message));
        profile.reset();
        QVERIFY((*pending)->swapIn());
    }
    auto profile = openProfile();
    QVERIFY(profile);
    QVERIFY(profile->audit().verify()->ok);
    // The backup's 4 entries (connect and 3; its own creation is recorded after it was made) and
    // the restore: the trails of 9 and 11 entries are gone.
    QCOMPARE(profile->audit().head()->first, 5);
    auto anchor = anchorFor(*profile);
    QVERIFY(anchor);
    Result<AnchorCheck> restored = check(*anchor);
    QVERIFY2(restored, qPrintable(restored ? QString() : restored.error().message));
    QVERIFY2(restored->ok, qPrintable(restored->reason));
    QCOMPARE(restored->checked, 1);
    QCOMPARE(restored->replacedByRestore, 2);
    QVERIFY(restored->lastRestore.isValid());
    QVERIFY2(restored->note.contains(QLatin1String("2 of the relay's daily copies were made before the backup restored")),
             qPrintable(restored->note));

    // Today's anchor, sent after the restore, is checked like any other.
    QVERIFY(send(*anchor));
    restored = check(*anchor);
    QVERIFY(restored);
    QVERIFY(restored->ok);
    QCOMPARE(restored->checked, 2);
    QCOMPARE(restored->replacedByRestore, 2);
    Outcome verified = cli({QStringLiteral("--json"), QStringLiteral("audit"), QStringLiteral("verify")});
    QVERIFY2(verified.code == 0, qPrintable(verified.err));
    QJsonObject anchored = verified.json().object().value(QLatin1String("anchored")).toObject();
    QCOMPARE(anchored.value(QLatin1String("ok")).toBool(), true);
    QCOMPARE(anchored.value(QLatin1String("checked")).toInt(), 2);
    QCOMPARE(anchored.value(QLatin1String("replaced_by_restore")).toInt(), 2);
    QVERIFY(QDateTime::fromString(anchored.value(QLatin1String("last_restore")).toString(), Qt::ISODate).isValid());
    verified = cli({QStringLiteral("audit"), QStringLiteral("verify")});
    QCOMPARE(verified.code, 0);
    QVERIFY2(verified.out.contains(QLatin1String("no longer apply")), qPrintable(verified.out));

    // A restore does not excuse what happens after it: the restore's own entry rewritten fails
    // today's anchor.
    anchor.reset();
    profile.reset();
    rewriteTrail({QStringLiteral("UPDATE audit_log SET summary = 'nothing happened' WHERE id = 5")});
    profile = openProfile();
    QVERIFY(profile);
    anchor = anchorFor(*profile);
    const Result<AnchorCheck> rewritten = check(*anchor);
    QVERIFY(rewritten);
    QVERIFY(!rewritten->ok);
    QCOMPARE(rewritten->firstBadAnchor, 5);
    QCOMPARE(rewritten->replacedByRestore, 2);
    // The anchor of three days ago (4 entries) still holds: the first 4 entries were not touched.
    QCOMPARE(rewritten->checked, 2);
}

QTEST_GUILESS_MAIN(TestAuditAnchorEndToEnd)

#include "TestAuditAnchorEndToEnd.moc"
