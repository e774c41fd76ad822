// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TestSupport.h"
#include "campaigns/CampaignService.h"
#include "campaigns/OutboxStore.h"
#include "contacts/ContactForgetter.h"
#include "contacts/ContactService.h"
#include "contacts/ForgottenOptOuts.h"
#include "contacts/GroupService.h"
#include "contacts/PastoralNotes.h"
#include "importexport/ContactImportService.h"
#include "inbox/InboxService.h"
#include "security/AuditLog.h"
#include "storage/Database.h"
#include "tokens/TokenLedger.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QtTest>

using namespace kengele;
using namespace Qt::StringLiterals;

// "Forget this person" (docs/architecture.md §7, "Forgetting a person"; docs/cli.md, contacts forget):
// nothing of the person is left in any table, nor in the file's bytes; an opted-out number stays
// blocked as a keyed hash at add, import and launch; counts and costs of what was sent stay; the
// audit entry names neither person nor number; without the key an opted-out number is refused.
class TestContactForgetter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void nothingOfThePersonIsLeft();
    void aForgottenOptedOutNumberStaysBlocked();
    void sendingFiguresAreKept();
    void withoutTheKeyAnOptedOutNumberIsRefused();
    void aNumberThatNeverOptedOutNeedsNoKey();
    void anotherKeyIsNoticed();
    void unknownNumbersAreRefused();

private:
    Profile &profile() { return m_profile->profile(); }
    // Every row of every table (the audit trail too), hashed.
    QByteArray fingerprint();
    // Where `needle` occurs: "table.column" for every value that contains it, in any table.
    QStringList tablesHolding(const QByteArray &needle);
    // The database file and its write-ahead log, as bytes.
    QByteArray fileBytes();
    QString csvWith(const QString &phone);

    std::unique_ptr<test::TempProfile> m_profile;
    QTemporaryDir m_files;
    qint64 m_asha = 0;
    qint64 m_harvest = 0; // still queued (tomorrow)
    qint64 m_sent = 0; // sent and reported
};

namespace {
const QString Asha = u"+254712000001"_s;
const QString Baraka = u"+254712000002"_s;
const QByteArray Key(32, 'k');

// Every spelling of Asha's number, her name and what she wrote or was sent.
const QList<QByteArray> AshaTraces{"+254712000001", "254712000001",     "0712000001", "712000001",   "Asha",
                                   "Njeri",         "asha@example.org", "mother",     "Tunakuombea", "Nyeri"};
} // namespace

void TestContactForgetter::init()
{
    QVERIFY(m_files.isValid());
    m_profile = std::make_unique<test::TempProfile>();
    profile().pastoral().setKeySource([] { return Result<QByteArray>(Key); });
    profile().forgottenOptOuts().setKeySource([] { return Result<QByteArray>(Key); });
    const auto asha
        = profile().contacts().add({u"Asha"_s, u"Njeri"_s, u"0712000001"_s, u"asha@example.org"_s, u"Lives in Nyeri"_s});
    QVERIFY(asha);
    m_asha = asha->id;
    QVERIFY(profile().contacts().add({u"Baraka"_s, u"Otieno"_s, Baraka, {}, {}}));
    const auto choir = profile().groups().create(u"Choir"_s);
    QVERIFY(choir);
    QVERIFY(profile().groups().addMembers(choir->id, {m_asha, m_asha + 1}));
    QVERIFY(profile().pastoral().write(m_asha, u"Mother in hospital"_s));
    QVERIFY(profile().tokens().grant(u"Main"_s, 100, u"start"_s, u"test"_s));

    // One campaign sent and reported (as the dispatcher and the relay would leave it)...
    CampaignDraft sent;
    sent.name = u"Welcome"_s;
    sent.body = u"Karibu {first_name}, see you on Sunday"_s;
    sent.groupIds = {choir->id};
    const auto first = profile().campaigns().launch(sent);
    QVERIFY2(first, first ? "" : qPrintable(first.error().message));
    m_sent = first->id;
    QSqlQuery q(profile().database().connection());
    QVERIFY(q.exec(u"UPDATE outbox SET state = 'delivered', message_id = 'ATX' || id, cost = 'KES 0.8000', network = "
                   "'Safaricom' WHERE campaign_id = %1"_s.arg(m_sent)));
    QVERIFY(q.exec(u"INSERT INTO delivery_reports(message_id, status, received_at, outbox_id, phone) SELECT message_id, "
                   "'Success', 1000, id, phone FROM outbox WHERE campaign_id = %1"_s.arg(m_sent)));
    // ... one still waiting for tomorrow, with tokens held for it ...
    CampaignDraft harvest = sent;
    harvest.name = u"Harvest"_s;
    harvest.body = u"Harvest service on Sunday, {first_name}"_s;
    harvest.scheduledAt = m_profile->clock().nowUtc().addDays(1);
    const auto second = profile().campaigns().launch(harvest);
    QVERIFY2(second, second ? "" : qPrintable(second.error().message));
    m_harvest = second->id;
    // ... what she sent, a reply to it, a prayer request, a payment kept as received and a purchase
    // she paid for from her phone ...
    QVERIFY(q.exec(u"INSERT INTO inbox(provider_id, phone, text, received_at, contact_id, handled_as) VALUES "
                   "('p1', '+254712000001', 'Pray for my mother', 1000, %1, 'prayer'), "
                   "('p2', '+254712000001', 'Thank you for the visit', 2000, %1, 'inbox'), "
                   "('p3', '+254712000002', 'Not hers', 3000, %2, 'inbox')"_s.arg(m_asha)
                       .arg(m_asha + 1)));
    QVERIFY(q.exec(u"INSERT INTO prayer_intake(inbox_id, phone, contact_id, text, received_at) SELECT id, phone, contact_id, "
                   "'for my mother', received_at FROM inbox WHERE provider_id = 'p1'"_s));
    QVERIFY(q.exec(u"SELECT id FROM inbox WHERE provider_id = 'p2'"_s) && q.next());
    const qint64 thanks = q.value(0).toLongLong();
    q.finish();
    const auto replied = profile().inbox().reply(thanks, u"Tunakuombea, Asha"_s, u"mary"_s);
    QVERIFY2(replied, replied ? "" : qPrintable(replied.error().message));
    QVERIFY(q.exec(u"INSERT INTO relay_events(org, seq, kind, received_at, applied_at, handled, data) VALUES "
                   "('org_a', 1, 'daraja.stk', 1, 1, 'kept', '{\"MSISDN\":\"254712000001\",\"Amount\":\"500\"}'), "
                   "('org_a', 2, 'daraja.stk', 1, 1, 'kept', '{\"MSISDN\":\"254712000002\",\"Amount\":\"200\"}')"_s));
    QVERIFY(q.exec(u"INSERT INTO token_purchases(request_id, plan, tokens, validity_days, phone, account, state, "
                   "requested_at, updated_at) VALUES ('r1', 'starter', 1000, 30, '2547•••••001', 'Main', 'paid', 1, 1)"_s));
    // ... and she opted out, came back, and opted out again.
    QVERIFY(profile().contacts().optOut(Asha, u"moved to Nyeri"_s));
    QVERIFY(profile().contacts().allowAgain(Asha, u"came back"_s, u"mary"_s));
    QVERIFY(profile().contacts().optOut(Asha, u"STOP"_s, u"sms"_s));
    for (const QByteArray &trace : {QByteArray("712000001"), QByteArray("Asha"), QByteArray("mother")})
        QVERIFY2(!tablesHolding(trace).isEmpty(), trace.constData()); // the search finds what is there
}

void TestContactForgetter::cleanup()
{
    m_profile.reset();
}

QByteArray TestContactForgetter::fingerprint()
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const QSqlDatabase db = profile().database().connection();
    QSqlQuery tables(db);
    if (!tables.exec(u"SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"_s))
        return {};
    while (tables.next()) {
        hash.addData(tables.value(0).toString().toUtf8());
        QSqlQuery rows(db);
        if (!rows.exec(u"SELECT * FROM \"%1\" ORDER BY 1"_s.arg(tables.value(0).toString())))
            return {};
        while (rows.next()) {
            for (int i = 0; i < rows.record().count(); ++i)
                hash.addData(QByteArray(rows.value(i).toByteArray() + '\x1f'));
        }
    }
    return hash.result();
}

QStringList TestContactForgetter::tablesHolding(const QByteArray &needle)
{
    QStringList found;
    const QSqlDatabase db = profile().database().connection();
    QSqlQuery tables(db);
    if (!tables.exec(u"SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"_s))
        return {u"(the tables could not be listed)"_s};
    while (tables.next()) {
        const QString table = tables.value(0).toString();
        QSqlQuery rows(db);
        if (!rows.exec(u"SELECT * FROM \"%1\""_s.arg(table)))
            return {u"(%1 could not be read)"_s.arg(table)};
        while (rows.next()) {
            for (int i = 0; i < rows.record().count(); ++i) {
                if (rows.value(i).toByteArray().contains(needle))
                    found << table + u'.' + rows.record().fieldName(i);
            }
        }
    }
    return found;
}

QByteArray TestContactForgetter::fileBytes()
{
    QByteArray bytes;
    for (const QString &suffix : {QString(), u"-wal"_s, u"-journal"_s}) {
        QFile file(profile().databasePath() + suffix);
        if (file.open(QIODevice::ReadOnly))
            bytes += file.readAll();
    }
    return bytes;
}

QString TestContactForgetter::csvWith(const QString &phone)
{
    const QString path = m_files.filePath(u"members.csv"_s);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        file.write("First Name,Phone\nAsha," + phone.toUtf8() + "\nNeema,0712000077\n");
    return path;
}

void TestContactForgetter::nothingOfThePersonIsLeft()
{
    const QByteArray before = fileBytes();
    QVERIFY(before.contains("712000001") && before.contains("Njeri"));
    const auto forgotten = profile().forgetter().forget(u"0712 000 001"_s);
    QVERIFY2(forgotten, forgotten ? "" : qPrintable(forgotten.error().message));
    QCOMPARE(forgotten->contactId, m_asha);
    QVERIFY(forgotten->keptBlocked);
    QCOMPARE(forgotten->messagesCancelled, 2); // Harvest, and the reply not sent yet
    QVERIFY(forgotten->fileCleaned);

    for (const QByteArray &trace : AshaTraces)
        QVERIFY2(tablesHolding(trace).isEmpty(),
                 qPrintable(QString::fromUtf8(trace) + u": "_s + tablesHolding(trace).join(u", ")));
    const QByteArray bytes = fileBytes();
    for (const QByteArray &trace : AshaTraces)
        QVERIFY2(!bytes.contains(trace), trace.constData());
    // Everyone else is still there, and the search would see them.
    QVERIFY(bytes.contains("712000002") && bytes.contains("Baraka"));
    QVERIFY(!tablesHolding("Not hers").isEmpty());
    QVERIFY(!tablesHolding("254712000002").isEmpty()); // Baraka's payment, kept as received

    QCOMPARE(profile().contacts().count().value_or(-1), 1);
    QCOMPARE(profile().contacts().isOptedOut(Asha).value_or(true), false); // no plain row; the hash blocks it
    QSqlQuery q(profile().database().connection());
    QVERIFY(q.exec(u"SELECT count(*) FROM forgotten_optouts"_s) && q.next());
    QCOMPARE(q.value(0).toInt(), 1);
    QVERIFY(q.exec(u"SELECT count(*) FROM pastoral_notes"_s) && q.next());
    QCOMPARE(q.value(0).toInt(), 0);
    QVERIFY(q.exec(u"SELECT count(*) FROM group_members"_s) && q.next());
    QCOMPARE(q.value(0).toInt(), 1);

    // The audit trail has the action, never the person; none of its entries names her.
    const auto entries = profile().audit().list({{}, {}, u"contacts.forget"_s, 0});
    QVERIFY(entries && entries->size() == 1);
    QCOMPARE(entries->first().object, u"contact:%1"_s.arg(m_asha));
    const auto all = profile().audit().list();
    QVERIFY(all && !all->isEmpty());
    for (const AuditEntry &entry : *all) {
        for (const QByteArray &trace : AshaTraces) {
            QVERIFY2(!entry.summary.toUtf8().contains(trace) && !entry.object.toUtf8().contains(trace),
                     qPrintable(entry.action + u": "_s + entry.summary));
        }
    }
    const auto verified = profile().audit().verify();
    QVERIFY2(verified && verified->ok, "the trail still holds together");
}

void TestContactForgetter::aForgottenOptedOutNumberStaysBlocked()
{
    QVERIFY(profile().forgetter().forget(Asha));
    const QList<QString> spellings{u"0712000001"_s, u"+254 712 000 001"_s, u"254712000001"_s};
    for (const QString &typed : spellings) {
        const auto added = profile().contacts().add({u"Asha"_s, {}, typed, {}, {}});
        QVERIFY(!added);
        QCOMPARE(added.error().code, ErrorCode::Conflict);
        QVERIFY2(added.error().message.contains(u"asked not to receive messages"_s), qPrintable(added.error().message));
    }
    // Nor by changing another contact's number to it.
    const auto changed = profile().contacts().update(m_asha + 1, {u"Baraka"_s, u"Otieno"_s, u"0712000001"_s, {}, {}});
    QVERIFY(!changed);
    QCOMPARE(changed.error().code, ErrorCode::Conflict);

    // An import skips it, saying why, and takes the rest.
    const auto report = profile().imports().import(csvWith(u"0712 000 001"_s));
    QVERIFY2(report, report ? "" : qPrintable(report.error().message));
    QCOMPARE(report->created, 1);
    QCOMPARE(report->skipped.size(), 1);
    QCOMPARE(report->skipped.first().line, 2);
    QVERIFY2(report->skipped.first().reason.contains(u"asked not to receive messages"_s),
             qPrintable(report->skipped.first().reason));
    QVERIFY(tablesHolding("712000001").isEmpty());

    // A campaign to the number alone is refused; with others it is left out, counted as opted out.
    CampaignDraft draft;
    draft.name = u"Visitors"_s;
    draft.body = u"Welcome to our church"_s;
    draft.phones = {Asha};
    const auto alone = profile().campaigns().launch(draft);
    QVERIFY(!alone);
    QCOMPARE(alone.error().code, ErrorCode::InvalidInput);
    draft.phones = {Asha, u"+254712000055"_s};
    const auto preview = profile().campaigns().preview(draft);
    QVERIFY2(preview, preview ? "" : qPrintable(preview.error().message));
    QCOMPARE(preview->recipients, 1);
    QCOMPARE(preview->optedOut, 1);
    const auto launched = profile().campaigns().launch(draft);
    QVERIFY2(launched, launched ? "" : qPrintable(launched.error().message));
    QSqlQuery q(profile().database().connection());
    QVERIFY(q.exec(u"SELECT count(*) FROM outbox WHERE campaign_id = %1"_s.arg(launched->id)) && q.next());
    QCOMPARE(q.value(0).toInt(), 1);
    // A contact that came back by a way nothing checks (written straight into the file) is still
    // left out of everyone's campaign.
    QVERIFY(q.exec(u"INSERT INTO contacts(first_name, phone, created_at, updated_at) VALUES ('Asha', '+254712000001', 1, 1)"_s));
    CampaignDraft everyone;
    everyone.name = u"All"_s;
    everyone.body = u"Church closed on Monday"_s;
    everyone.allContacts = true;
    const auto all = profile().campaigns().preview(everyone);
    QVERIFY2(all, all ? "" : qPrintable(all.error().message));
    QCOMPARE(all->optedOut, 1);
    QCOMPARE(all->recipients, 2); // Baraka and Neema
}

void TestContactForgetter::sendingFiguresAreKept()
{
    QSqlQuery q(profile().database().connection());
    const QString figures = u"SELECT campaign_id, state, count(*), group_concat(cost), group_concat(segments), "
                            "group_concat(network), count(message_id) FROM outbox GROUP BY campaign_id, state "
                            "ORDER BY campaign_id, state"_s;
    const auto read = [&q, &figures] {
        QStringList rows;
        if (!q.exec(figures))
            return QStringList{u"(unreadable)"_s};
        while (q.next())
            rows << u"%1 %2 %3 %4 %5 %6 %7"_s.arg(q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                                                  q.value(3).toString(), q.value(4).toString(), q.value(5).toString(),
                                                  q.value(6).toString());
        return rows;
    };
    QVERIFY(q.exec(u"SELECT id, recipients, segments, tokens FROM campaigns ORDER BY id"_s));
    QStringList campaignsBefore;
    while (q.next())
        campaignsBefore << q.value(0).toString() + u' ' + q.value(1).toString() + u' ' + q.value(2).toString() + u' '
                + q.value(3).toString();
    const QStringList before = read();
    const auto heldBefore = profile().tokens().campaignTokens(m_harvest);
    QVERIFY(heldBefore && heldBefore->held == 2);
    const auto mainBefore = profile().tokens().totalBudgetBalance();
    QVERIFY(mainBefore);

    QVERIFY(profile().forgetter().forget(Asha));

    // Sent messages: the same counts, costs, networks and ids; only her waiting one is cancelled.
    QStringList after = read();
    QCOMPARE(after.size(), before.size() + 1);
    QCOMPARE(after.first(), before.first()); // the sent campaign
    QVERIFY2(after.contains(u"%1 cancelled 1  1  0"_s.arg(m_harvest)), qPrintable(after.join(u" | ")));
    QVERIFY2(after.contains(u"%1 queued 1  1  0"_s.arg(m_harvest)), qPrintable(after.join(u" | ")));
    QVERIFY(q.exec(u"SELECT id, recipients, segments, tokens FROM campaigns ORDER BY id"_s));
    QStringList campaignsAfter;
    while (q.next())
        campaignsAfter << q.value(0).toString() + u' ' + q.value(1).toString() + u' ' + q.value(2).toString() + u' '
                + q.value(3).toString();
    QCOMPARE(campaignsAfter, campaignsBefore);
    // Her message's token went back to Main.
    QCOMPARE(profile().tokens().campaignTokens(m_harvest)->held, 1);
    QCOMPARE(*profile().tokens().totalBudgetBalance(), *mainBefore + 1);
    // Delivery reports stay tied to their messages.
    QVERIFY(q.exec(u"SELECT count(*), count(outbox_id) FROM delivery_reports"_s) && q.next());
    QCOMPARE(q.value(0).toInt(), 2);
    QCOMPARE(q.value(1).toInt(), 2);
    // A forgotten message is never sent again: "send failed again" leaves it alone.
    QVERIFY(q.exec(u"UPDATE outbox SET state = 'failed' WHERE campaign_id = %1"_s.arg(m_sent)));
    const auto retried = profile().outbox().retryFailed(m_sent);
    QVERIFY2(retried, retried ? "" : qPrintable(retried.error().message));
    QCOMPARE(*retried, 1); // Baraka's only
}

void TestContactForgetter::withoutTheKeyAnOptedOutNumberIsRefused()
{
    profile().forgottenOptOuts().setKeySource([] { return Result<QByteArray>(fail(ErrorCode::Keychain, u"No keychain."_s)); });
    const QByteArray before = fingerprint();
    QVERIFY(!before.isEmpty());
    const auto refused = profile().forgetter().forget(Asha);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::Keychain);
    QVERIFY2(refused.error().message.contains(u"Nothing was changed"_s), qPrintable(refused.error().message));
    QCOMPARE(fingerprint(), before);
    // With no key source at all, the same.
    profile().forgottenOptOuts().setKeySource({});
    QVERIFY(!profile().forgetter().forget(Asha));
    QCOMPARE(fingerprint(), before);
}

void TestContactForgetter::aNumberThatNeverOptedOutNeedsNoKey()
{
    profile().forgottenOptOuts().setKeySource({});
    const auto forgotten = profile().forgetter().forget(Baraka);
    QVERIFY2(forgotten, forgotten ? "" : qPrintable(forgotten.error().message));
    QVERIFY(!forgotten->keptBlocked);
    QVERIFY(tablesHolding("712000002").isEmpty());
    QVERIFY(tablesHolding("Baraka").isEmpty());
    // Nothing is kept of it, so it may come back, and adding contacts still needs no key.
    QVERIFY(profile().contacts().add({u"Baraka"_s, {}, Baraka, {}, {}}));
}

void TestContactForgetter::anotherKeyIsNoticed()
{
    QVERIFY(profile().forgetter().forget(Asha));
    profile().forgottenOptOuts().setKeySource([] { return Result<QByteArray>(QByteArray(32, 'z')); });
    const auto added = profile().contacts().add({u"Asha"_s, {}, Asha, {}, {}});
    QVERIFY(!added);
    QCOMPARE(added.error().code, ErrorCode::Keychain);
    CampaignDraft draft;
    draft.name = u"Visitors"_s;
    draft.body = u"Welcome"_s;
    draft.phones = {Asha};
    QVERIFY(!profile().campaigns().launch(draft));
}

void TestContactForgetter::unknownNumbersAreRefused()
{
    const QByteArray before = fingerprint();
    const auto unknown = profile().forgetter().forget(u"0712999999"_s);
    QVERIFY(!unknown);
    QCOMPARE(unknown.error().code, ErrorCode::NotFound);
    const auto invalid = profile().forgetter().forget(u"hello"_s);
    QVERIFY(!invalid);
    QCOMPARE(invalid.error().code, ErrorCode::InvalidInput);
    QCOMPARE(fingerprint(), before);
}

QTEST_GUILESS_MAIN(TestContactForgetter)
#include "TestContactForgetter.moc"
