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
#include "contacts/PersonRecord.h"
#include "importexport/ContactExporter.h"
#include "importexport/ContactImportService.h"
#include "security/Access.h"
#include "security/AuditLog.h"
#include "security/Passwords.h"
#include "security/StaffAccounts.h"
#include "storage/Database.h"
#include "sync/RelayClient.h"
#include "sync/TokenShop.h"
#include "templates/TemplateService.h"
#include "tokens/TokenLedger.h"

#include <QCryptographicHash>
#include <QFile>
#include <QNetworkAccessManager>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QtTest>

#include <functional>
#include <map>

using namespace kengele;
using namespace Qt::StringLiterals;

// The role matrix proven in the services themselves (docs/architecture.md §7): every cell of the
// table that says "—" is a call that is refused with Forbidden and changes nothing at all (every
// row of every table is compared); every cell that says "yes" is let through. Signed out, every
// change asks for sign-in; Kengele's own work (a member's STOP) is never held back.
class TestRoleMatrix final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void refusedCellsChangeNothing_data();
    void refusedCellsChangeNothing();
    void allowedCellsGoThrough_data();
    void allowedCellsGoThrough();
    void signedOutEveryChangeAsksForSignIn();
    void kengelesOwnWorkIsNeverHeldBack();
    void changesAreRecordedUnderWhoMadeThem();

private:
    using Operation = std::function<Status()>;
    struct Area {
        Permission permission;
        QString name;
        std::map<QString, Operation> operations;
    };
    QList<Area> areas();
    void signInAs(Role role);
    // Every row of every table but the audit trail's, hashed; and the audit trail's length.
    QByteArray fingerprint();
    qint64 auditEntries();

    Profile &profile() { return m_profile->profile(); }

    std::unique_ptr<test::TempProfile> m_profile;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<RelayClient> m_relay;
    std::unique_ptr<TokenShop> m_shop;
    QTemporaryDir m_files;
    qint64 m_contact = 0;
    qint64 m_group = 0;
    qint64 m_template = 0;
    qint64 m_campaign = 0;
};

namespace {

const QString AdminPassword = QStringLiteral("Mlima wa Sayuni 7");
const QString OtherPassword = QStringLiteral("kwaya ya vijana 2026");
const QString OptedOutPhone = QStringLiteral("+254712000002");

template<typename T> Status status(const Result<T> &result)
{
    if (result)
        return {};
    return std::unexpected(result.error());
}

QString userFor(Role role)
{
    return toText(role) + u"-user"_s;
}

QList<Role> roles()
{
    return {Role::Viewer, Role::Staff, Role::Pastor, Role::Administrator};
}

} // namespace

void TestRoleMatrix::init()
{
    m_profile = std::make_unique<test::TempProfile>();
    profile().staff().setCost(Passwords::Cost::TestsOnly);
    profile().pastoral().setKeySource([] { return Result<QByteArray>(QByteArray(32, 'k')); });
    profile().forgottenOptOuts().setKeySource([] { return Result<QByteArray>(QByteArray(32, 'k')); });
    QVERIFY(m_files.isValid());

    // What the calls below work on, made while anyone may (no accounts yet).
    const auto contact = profile().contacts().add({u"Asha"_s, u"Njeri"_s, u"+254712000001"_s, {}, {}});
    QVERIFY(contact);
    m_contact = contact->id;
    QVERIFY(profile().contacts().add({u"Baraka"_s, u"Otieno"_s, OptedOutPhone, {}, {}}));
    QVERIFY(profile().contacts().optOut(OptedOutPhone, u"asked"_s));
    const auto group = profile().groups().create(u"Youth"_s);
    QVERIFY(group);
    m_group = group->id;
    QVERIFY(profile().groups().addMembers(m_group, {m_contact}));
    const auto saved = profile().templates().save(u"Welcome"_s, u"Karibu {first_name}"_s);
    QVERIFY(saved);
    m_template = saved->id;
    QVERIFY(profile().pastoral().write(m_contact, u"Visited in hospital"_s));
    QVERIFY(profile().tokens().grant(u"Main"_s, 100, u"start"_s, u"test"_s));
    QVERIFY(profile().tokens().createBudgetAccount(u"Choir"_s));
    CampaignDraft draft;
    draft.name = u"Harvest"_s;
    draft.body = u"Harvest service on Sunday at 9am"_s;
    draft.groupIds = {m_group};
    draft.scheduledAt = m_profile->clock().nowUtc().addDays(2);
    const auto campaign = profile().campaigns().launch(draft);
    QVERIFY2(campaign, campaign ? "" : qPrintable(campaign.error().message));
    m_campaign = campaign->id;

    m_network = std::make_unique<QNetworkAccessManager>();
    m_relay = std::make_unique<RelayClient>(*m_network);
    m_shop = std::make_unique<TokenShop>(profile().database(), *m_relay, m_profile->clock());
    m_shop->setAccess(&profile().access());

    // Sign-in on, one account for each role.
    QVERIFY(profile().staff().requireSignIn(userFor(Role::Administrator), u"Mary Wanjiku"_s, AdminPassword));
    for (const Role role : {Role::Viewer, Role::Staff, Role::Pastor})
        QVERIFY(profile().staff().add(userFor(role), RoleText::name(role), role, OtherPassword));
    QVERIFY(profile().staff().add(u"spare"_s, u"Spare"_s, Role::Staff, OtherPassword));
}

void TestRoleMatrix::cleanup()
{
    m_shop.reset();
    m_relay.reset();
    m_network.reset();
    m_profile.reset();
}

void TestRoleMatrix::signInAs(Role role)
{
    profile().staff().lock();
    const auto signedIn = profile().staff().signIn(userFor(role), role == Role::Administrator ? AdminPassword : OtherPassword);
    QVERIFY2(signedIn, signedIn ? "" : qPrintable(signedIn.error().message));
}

QList<TestRoleMatrix::Area> TestRoleMatrix::areas()
{
    const QString csv = m_files.filePath(u"members.csv"_s);
    const QString exported = m_files.filePath(u"export.csv"_s);
    // Read when called: the _data functions list the calls before init() has made the profile.
    const auto changed = [this] {
        CampaignDraft draft;
        draft.name = u"Harvest (changed)"_s;
        draft.body = u"Harvest service moved to 10am"_s;
        draft.groupIds = {m_group};
        draft.scheduledAt = m_profile->clock().nowUtc().addDays(3);
        return draft;
    };
    const auto writeCsv = [csv] {
        QFile file(csv);
        if (file.open(QIODevice::WriteOnly))
            file.write("First Name,Phone\nNeema,+254712000077\n");
    };
    return {
        {Permission::EditContacts,
         u"edit contacts, groups, templates; import"_s,
         {
             {u"add a contact"_s,
              [this] {
                  return status(profile().contacts().add({u"Neema"_s, {}, u"+254712000088"_s, {}, {}}));
              }},
             {u"change a contact"_s,
              [this] {
                  return status(profile().contacts().update(m_contact, {u"Asha"_s, u"Kamau"_s, u"+254712000001"_s, {}, {}}));
              }},
             {u"delete a contact"_s,
              [this] {
                  return profile().contacts().remove({m_contact});
              }},
             {u"mark opted out"_s,
              [this] {
                  return profile().contacts().optOut(u"+254712000001"_s, u"asked"_s);
              }},
             {u"allow SMS again"_s,
              [this] {
                  return profile().contacts().allowAgain(OptedOutPhone, u"asked again"_s, u"x"_s);
              }},
             {u"opt in"_s,
              [this] {
                  return profile().contacts().optIn(OptedOutPhone);
              }},
             {u"remove the demo"_s,
              [this] {
                  return status(profile().contacts().removeDemoContacts());
              }},
             {u"create a group"_s,
              [this] {
                  return status(profile().groups().create(u"Choir"_s));
              }},
             {u"rename a group"_s,
              [this] {
                  return profile().groups().rename(m_group, u"Vijana"_s, {});
              }},
             {u"delete a group"_s,
              [this] {
                  return profile().groups().remove(m_group);
              }},
             {u"add members"_s,
              [this] {
                  return status(profile().groups().addMembers(m_group, {m_contact + 1}));
              }},
             {u"remove members"_s,
              [this] {
                  return status(profile().groups().removeMembers(m_group, {m_contact}));
              }},
             {u"save a template"_s,
              [this] {
                  return status(profile().templates().save(u"Thanks"_s, u"Asante"_s));
              }},
             {u"change a template"_s,
              [this] {
                  return status(profile().templates().update(m_template, u"Welcome"_s, u"Karibu sana"_s));
              }},
             {u"delete a template"_s,
              [this] {
                  return profile().templates().remove(m_template);
              }},
             {u"import a file"_s,
              [this, csv, writeCsv]() -> Status {
                  writeCsv();
                  return status(profile().imports().import(csv));
              }},
         }},
        {Permission::ExportContacts,
         u"export contacts"_s,
         {{u"everything held about a person"_s,
           [this] {
               return status(profile().person().everything(u"+254712000001"_s));
           }},
          {u"forget a person"_s,
           [this] {
               return status(profile().forgetter().forget(u"+254712000001"_s));
           }},
          {u"forget a person who opted out"_s,
           [this] {
               return status(profile().forgetter().forget(OptedOutPhone));
           }},
          {u"export to CSV"_s,
           [this, exported]() -> Status {
               QFile::remove(exported);
               Status done = status(profile().exporter().exportCsv(exported));
               if (!done && QFile::exists(exported))
                   return fail(ErrorCode::Storage, u"a refused export left a file behind"_s);
               return done;
           }}}},
        {Permission::SendCampaigns,
         u"send or schedule campaigns"_s,
         {
             {u"launch"_s,
              [this, changed]() -> Status {
                  CampaignDraft now = changed();
                  now.name = u"Choir practice"_s;
                  return status(profile().campaigns().launch(now));
              }},
             {u"change"_s,
              [this, changed] {
                  return status(profile().campaigns().update(m_campaign, changed()));
              }},
             {u"send now"_s,
              [this] {
                  return status(profile().campaigns().sendNow(m_campaign));
              }},
             {u"pause"_s,
              [this] {
                  return profile().outbox().pause(m_campaign, u"wait"_s);
              }},
             {u"resume"_s,
              [this] {
                  return profile().outbox().resume(m_campaign);
              }},
             {u"cancel"_s,
              [this] {
                  return status(profile().outbox().cancel(m_campaign));
              }},
             {u"send failed again"_s,
              [this] {
                  return status(profile().outbox().retryFailed(m_campaign));
              }},
             {u"send unreported again"_s,
              [this] {
                  return status(profile().outbox().resendUncertain(m_campaign));
              }},
         }},
        {Permission::Pastoral,
         u"confidential pastoral records"_s,
         {
             {u"read notes"_s,
              [this] {
                  return status(profile().pastoral().read(m_contact));
              }},
             {u"write notes"_s,
              [this] {
                  return profile().pastoral().write(m_contact, u"Called on Monday"_s);
              }},
             {u"search notes"_s,
              [this] {
                  return status(profile().pastoral().search(u"hospital"_s));
              }},
             {u"see that there are notes"_s,
              [this] {
                  return status(profile().pastoral().has(m_contact));
              }},
         }},
        {Permission::ManageTokens,
         u"tokens: buy, transfer, department budgets"_s,
         {
             {u"grant"_s,
              [this] {
                  return status(profile().tokens().grant(u"Main"_s, 10, u"gift"_s, u"x"_s));
              }},
             {u"transfer"_s,
              [this] {
                  return status(profile().tokens().transfer(u"Main"_s, u"Choir"_s, 5, u"camp"_s, u"x"_s));
              }},
             {u"expire"_s,
              [this] {
                  return status(profile().tokens().expire(u"Main"_s, 1, u"tidy"_s, u"x"_s));
              }},
             {u"new budget"_s,
              [this] {
                  return status(profile().tokens().createBudgetAccount(u"Women"_s));
              }},
             {u"rename budget"_s,
              [this] {
                  return status(profile().tokens().renameBudgetAccount(u"Choir"_s, u"Kwaya"_s));
              }},
             {u"warning level"_s,
              [this] {
                  return status(profile().tokens().setAlertThreshold(u"Main"_s, 50));
              }},
             {u"buy"_s,
              [this]() -> Status {
                  std::optional<Status> answer;
                  m_shop->buy({u"starter"_s, u"0712345678"_s, u"Main"_s, u"x"_s},
                              [&answer](Result<PurchaseRecord> r) { answer = status(r); });
                  // Refused at once; let through, it fails later for want of a relay (not Forbidden).
                  if (!answer)
                      return fail(ErrorCode::Io, u"no answer at once"_s);
                  return *answer;
              }},
         }},
        {Permission::Administer,
         u"gateway, relay, staff accounts, backups"_s,
         {
             {u"add an account"_s,
              [this] {
                  return status(profile().staff().add(u"peter"_s, u"Peter"_s, Role::Staff, u"Anaimba bass kila Jumapili"_s));
              }},
             {u"change a role"_s,
              [this] {
                  return profile().staff().setRole(u"spare"_s, Role::Pastor);
              }},
             {u"disable an account"_s,
              [this] {
                  return profile().staff().setDisabled(u"spare"_s, true);
              }},
             {u"reset a password"_s,
              [this] {
                  return profile().staff().resetPassword(u"spare"_s, u"Neno jipya kabisa 9"_s);
              }},
             {u"gateway and relay settings"_s,
              [this] {
                  return profile().access().check(Permission::Administer);
              }},
         }},
    };
}

QByteArray TestRoleMatrix::fingerprint()
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const QSqlDatabase db = profile().database().connection();
    QSqlQuery tables(db);
    if (!tables.exec(u"SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'audit_log' ORDER BY name"_s))
        return {};
    while (tables.next()) {
        const QString table = tables.value(0).toString();
        hash.addData(table.toUtf8());
        QSqlQuery rows(db);
        if (!rows.exec(u"SELECT * FROM \"%1\" ORDER BY 1"_s.arg(table)))
            continue;
        while (rows.next()) {
            for (int i = 0; i < rows.record().count(); ++i)
                hash.addData(QByteArray(rows.value(i).toString().toUtf8() + '\x1f'));
            hash.addData(QByteArrayView("\x1e"));
        }
    }
    return hash.result();
}

qint64 TestRoleMatrix::auditEntries()
{
    const auto entries = profile().audit().list();
    return entries ? entries->size() : -1;
}

void TestRoleMatrix::refusedCellsChangeNothing_data()
{
    QTest::addColumn<int>("role");
    QTest::addColumn<QString>("area");
    QTest::addColumn<QString>("operation");
    int rows = 0;
    for (const Role role : roles()) {
        for (const Area &area : areas()) {
            if (allows(role, area.permission))
                continue;
            for (const auto &[name, run] : area.operations) {
                QTest::addRow("%s: %s: %s", qPrintable(toText(role)), qPrintable(area.name), qPrintable(name))
                    << int(role) << area.name << name;
                ++rows;
            }
        }
    }
    QVERIFY(rows > 40);
}

void TestRoleMatrix::refusedCellsChangeNothing()
{
    QFETCH(int, role);
    QFETCH(QString, area);
    QFETCH(QString, operation);
    signInAs(Role(role));
    const QByteArray before = fingerprint();
    QVERIFY(!before.isEmpty());
    const qint64 entriesBefore = auditEntries();
    for (const Area &a : areas()) {
        if (a.name != area)
            continue;
        const Status done = a.operations.at(operation)();
        QVERIFY2(!done, "the call went through");
        QCOMPARE(done.error().code, ErrorCode::Forbidden);
        QVERIFY2(!done.error().message.isEmpty(), "a refusal says why");
    }
    QCOMPARE(fingerprint(), before);
    QCOMPARE(auditEntries(), entriesBefore);
}

void TestRoleMatrix::allowedCellsGoThrough_data()
{
    QTest::addColumn<int>("role");
    QTest::addColumn<QString>("area");
    QTest::addColumn<QString>("operation");
    for (const Role role : roles()) {
        for (const Area &area : areas()) {
            if (!allows(role, area.permission))
                continue;
            for (const auto &[name, run] : area.operations)
                QTest::addRow("%s: %s: %s", qPrintable(toText(role)), qPrintable(area.name), qPrintable(name))
                    << int(role) << area.name << name;
        }
    }
}

void TestRoleMatrix::allowedCellsGoThrough()
{
    QFETCH(int, role);
    QFETCH(QString, area);
    QFETCH(QString, operation);
    signInAs(Role(role));
    for (const Area &a : areas()) {
        if (a.name != area)
            continue;
        const Status done = a.operations.at(operation)();
        if (operation == u"buy"_s) { // no relay here: refused for that, not for the role
            QVERIFY(!done);
            QVERIFY(done.error().code != ErrorCode::Forbidden && done.error().code != ErrorCode::SignIn);
            continue;
        }
        QVERIFY2(done, done ? "" : qPrintable(done.error().message));
    }
}

void TestRoleMatrix::signedOutEveryChangeAsksForSignIn()
{
    profile().staff().lock();
    const QByteArray before = fingerprint();
    int calls = 0;
    for (const Area &area : areas()) {
        for (const auto &[name, run] : area.operations) {
            const Status done = run();
            QVERIFY2(!done, qPrintable(name));
            QVERIFY2(done.error().code == ErrorCode::SignIn, qPrintable(name + u": "_s + done.error().message));
            ++calls;
        }
    }
    QVERIFY(calls > 30);
    QCOMPARE(fingerprint(), before);
}

void TestRoleMatrix::kengelesOwnWorkIsNeverHeldBack()
{
    profile().staff().lock();
    QVERIFY(profile().contacts().optOut(u"+254712000001"_s, u"STOP"_s, u"sms"_s, Actor::Kengele));
    QCOMPARE(profile().contacts().isOptedOut(u"+254712000001"_s), true);
    const auto entries = profile().audit().list({{}, {}, u"contacts.optout"_s, 1});
    QVERIFY(entries && entries->size() == 1);
    QCOMPARE(entries->first().user, QString::fromLatin1(AuditLog::AutomaticUser));
    QCOMPARE(entries->first().object, u"contact:%1"_s.arg(m_contact));
    // No one may take the name Kengele's own work is recorded under.
    signInAs(Role::Administrator);
    const auto taken = profile().staff().add(u"Kengele"_s, u"Someone"_s, Role::Staff, OtherPassword);
    QVERIFY(!taken);
    QCOMPARE(taken.error().code, ErrorCode::InvalidInput);
}

void TestRoleMatrix::changesAreRecordedUnderWhoMadeThem()
{
    signInAs(Role::Staff);
    const auto added = profile().contacts().add({u"Neema"_s, {}, u"+254712000088"_s, {}, {}});
    QVERIFY(added);
    QVERIFY(profile().groups().addMembers(m_group, {added->id}));
    QVERIFY(profile().outbox().pause(m_campaign, u"wait"_s));
    const auto entries = profile().audit().list({{}, userFor(Role::Staff), {}, 0});
    QVERIFY(entries);
    QStringList seen;
    for (const AuditEntry &e : *entries)
        seen.prepend(e.action + u' ' + e.object);
    QVERIFY2(seen.contains(u"contacts.add contact:%1"_s.arg(added->id)), qPrintable(seen.join(u", ")));
    QVERIFY2(seen.contains(u"groups.members group:%1"_s.arg(m_group)), qPrintable(seen.join(u", ")));
    QVERIFY2(seen.contains(u"campaigns.pause campaign:%1"_s.arg(m_campaign)), qPrintable(seen.join(u", ")));
    // No member's name in any summary or object.
    const auto all = profile().audit().list();
    QVERIFY(all);
    for (const AuditEntry &e : *all) {
        QVERIFY2(!e.summary.contains(u"Neema"_s) && !e.object.contains(u"Neema"_s), qPrintable(e.summary));
        QVERIFY2(!e.summary.contains(u"Asha"_s) && !e.object.contains(u"Asha"_s), qPrintable(e.summary));
    }
    const auto check = profile().audit().verify();
    QVERIFY(check && check->ok);
}

QTEST_GUILESS_MAIN(TestRoleMatrix)
#include "TestRoleMatrix.moc"
