// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "DemoScenes.h"

#include "TestSupport.h"
#include "contacts/ContactService.h"
#include "contacts/GroupService.h"
#include "inbox/InboxService.h"
#include "profile/Profile.h"
#include "security/StaffAccounts.h"
#include "settings/Settings.h"
#include "storage/Database.h"
#include "sync/ChangeLog.h"
#include "sync/PurchaseStore.h"
#include "sync/RelayEventApplier.h"
#include "sync/RelayLinkStore.h"
#include "sync/ReplicaApplier.h"
#include "sync/ReplicaSqlFunctions.h"
#include "templates/TemplateService.h"
#include "tokens/TokenLedger.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace kengele::test {

QString receiveDemoInbox(TempProfile &profile)
{
    profile.clock().set(QDateTime(QDate(2026, 3, 15), QTime(17, 30), Qt::UTC));
    if (!RelayLinkStore(profile->database(), profile.clock())
             .saveEnrolment(RelayEnrolment{QStringLiteral("dev_7f3k2"), QStringLiteral("t"), QStringLiteral("org_stpeters"),
                                           QStringLiteral("St. Peter's Parish, Nakuru")}))
        return QStringLiteral("the relay link was not saved");
    profile->settings().setRelayUrl(QStringLiteral("https://relay.kengele.org"));
    const auto members = profile->contacts().fetch({}, 0, 3);
    if (!members || members->size() != 3)
        return QStringLiteral("the demo congregation has fewer than three people");
    RelayEventApplier applier(profile->database(), profile->contacts(), profile->tokens(), profile.clock());
    const QList<std::pair<QString, QString>> texts = {
        {members->at(0).phone, QStringLiteral("Asante pastor kwa ibada ya leo. Mungu akubariki!")},
        {QStringLiteral("+254798112233"),
         QStringLiteral("Habari, I visited on Sunday and would like to join the choir. When do you practise?")},
        {members->at(1).phone, QStringLiteral("PRAY for my mother, she is in hospital in Nakuru since Friday.")},
        {members->at(2).phone, QStringLiteral("STOP")},
        {members->at(0).phone, QStringLiteral("Is the youth camp still on Saturday? My two children want to come.")},
    };
    QList<RelayEvent> events;
    qint64 seq = 0;
    for (const auto &[from, text] : texts) {
        ++seq;
        events.append(RelayEvent{seq, QStringLiteral("at.inbound"),
                                 QDateTime(QDate(2026, 3, 15), QTime(15, 0), Qt::UTC).addSecs(seq * 1500),
                                 QJsonObject{{QStringLiteral("id"), QStringLiteral("ATXid_%1").arg(seq)},
                                             {QStringLiteral("from"), from},
                                             {QStringLiteral("text"), text}}});
    }
    if (const auto applied = applier.apply(QStringLiteral("org_stpeters"), events, seq); !applied)
        return applied.error().message;
    profile->inbox().notifyNewMessages();
    return {};
}

namespace {

QJsonObject purchaseObject(const QString &id, const QString &plan, qint64 tokens, qint64 price, const QString &state,
                           const QDateTime &requested)
{
    return QJsonObject{{QStringLiteral("purchase"), QString(QStringLiteral("pur_") + id)},
                       {QStringLiteral("request_id"), QString(QStringLiteral("req-") + id)},
                       {QStringLiteral("plan"), plan},
                       {QStringLiteral("tokens"), tokens},
                       {QStringLiteral("validity_days"), 30},
                       {QStringLiteral("amount_kes"), price},
                       {QStringLiteral("phone"), QStringLiteral("2547•••••678")},
                       {QStringLiteral("account"), QStringLiteral("Main")},
                       {QStringLiteral("state"), state},
                       {QStringLiteral("simulated"), false},
                       {QStringLiteral("requested"), requested.toString(Qt::ISODateWithMs)},
                       {QStringLiteral("updated"), requested.toString(Qt::ISODateWithMs)}};
}

} // namespace

DemoPurchases buyDemoTokens(TempProfile &profile)
{
    DemoPurchases made;
    Profile &p = profile.profile();
    const QJsonObject offer{
        {QStringLiteral("plans"),
         QJsonArray{
             QJsonObject{{QStringLiteral("plan"), QStringLiteral("demo")}, {QStringLiteral("price_kes"), 0}},
             QJsonObject{{QStringLiteral("plan"), QStringLiteral("starter")}, {QStringLiteral("price_kes"), 500}},
             QJsonObject{{QStringLiteral("plan"), QStringLiteral("business")}, {QStringLiteral("price_kes"), 2000}},
             QJsonObject{{QStringLiteral("plan"), QStringLiteral("enterprise")}, {QStringLiteral("price_kes"), QJsonValue()}}}},
        {QStringLiteral("lock_features"), false},
        {QStringLiteral("mpesa"), QStringLiteral("live")}};
    if (!RelayLinkStore(p.database(), profile.clock()).saveOffer(QJsonDocument(offer).toJson(QJsonDocument::Compact))) {
        made.error = QStringLiteral("the offer was not saved");
        return made;
    }
    TokenLedger &ledger = p.tokens();
    const QDateTime now = profile.clock().nowUtc();
    // The tokens came three weeks ago, before the SMS below used some of them.
    profile.clock().set(now.addDays(-21));
    if (!ledger.grant(QStringLiteral("Main"), 100, QStringLiteral("Demo plan"), QStringLiteral("kengele"),
                      LotTerms{QStringLiteral("demo"), now.addDays(3)})) {
        made.error = QStringLiteral("the demo plan was not granted");
        return made;
    }
    const QSqlDatabase db = p.database().connection();
    QJsonObject paid
        = purchaseObject(QStringLiteral("0001"), QStringLiteral("starter"), 1000, 500, QStringLiteral("paid"), now.addDays(-21));
    paid.insert(QStringLiteral("receipt"), QStringLiteral("SJK4H2L9QX"));
    paid.insert(QStringLiteral("voucher"), QStringLiteral("vch_0001"));
    QJsonObject failed = purchaseObject(QStringLiteral("0002"), QStringLiteral("business"), 5000, 2000, QStringLiteral("failed"),
                                        now.addSecs(-3600));
    failed.insert(QStringLiteral("result_code"), QStringLiteral("1032"));
    failed.insert(QStringLiteral("reason"), QStringLiteral("You cancelled the payment on your phone."));
    const QJsonObject waiting = purchaseObject(QStringLiteral("0003"), QStringLiteral("starter"), 1000, 500,
                                               QStringLiteral("waiting"), now.addSecs(-40));
    for (const QJsonObject &purchase : {paid, failed, waiting}) {
        if (!PurchaseStore::saveFromRelay(db, purchase, now.toMSecsSinceEpoch())) {
            made.error = QStringLiteral("a purchase was not saved");
            return made;
        }
    }
    if (!ledger.purchase(QStringLiteral("Main"), 1000, QStringLiteral("vch_0001"), QStringLiteral("kengele"),
                         LotTerms{QStringLiteral("starter"), now.addDays(24)})
        || !PurchaseStore::markCredited(db, QStringLiteral("pur_0001"), QStringLiteral("vch_0001"), QStringLiteral("SJK4H2L9QX"),
                                        now.addDays(-21).toMSecsSinceEpoch())) {
        made.error = QStringLiteral("the starter plan was not credited");
        return made;
    }
    if (!ledger.createBudgetAccount(QStringLiteral("Youth"))
        || !ledger.transfer(QStringLiteral("Main"), QStringLiteral("Youth"), 300, QStringLiteral("Youth camp reminders"),
                            QStringLiteral("treasurer"))) {
        made.error = QStringLiteral("the Youth budget was not made");
        return made;
    }
    // Three weeks of SMS: a little every day from Main, the youth on Fridays.
    const qint64 mainId = ledger.findAccount(QStringLiteral("Main"))->id;
    const qint64 youthId = ledger.findAccount(QStringLiteral("Youth"))->id;
    qint64 campaign = 1000;
    for (int day = 20; day >= 0; --day) {
        profile.clock().set(now.addDays(-day).addSecs(-3600 * 2));
        const qint64 spent = 8 + (day * 7) % 23;
        const bool friday = profile.clock().nowUtc().date().dayOfWeek() == Qt::Friday;
        const QList<std::pair<qint64, qint64>> spends = friday ? QList<std::pair<qint64, qint64>>{{mainId, spent}, {youthId, 40}}
                                                               : QList<std::pair<qint64, qint64>>{{mainId, spent}};
        for (const auto &[account, tokens] : spends) {
            ++campaign;
            if (!ledger.reserveInTransaction(db, account, campaign, tokens, QStringLiteral("secretary"))
                || !ledger.spendInTransaction(db, campaign, tokens, QStringLiteral("secretary"))) {
                made.error = QStringLiteral("the spending was not recorded");
                return made;
            }
        }
    }
    profile.clock().set(now);
    if (!ledger.setAlertThreshold(QStringLiteral("Youth"), 200)) {
        made.error = QStringLiteral("the warning level was not set");
        return made;
    }
    ledger.notifyBulkChange();
    made.paid = QStringLiteral("req-0001");
    made.failed = QStringLiteral("req-0002");
    made.waiting = QStringLiteral("req-0003");
    return made;
}

QString addDemoStaff(TempProfile &profile)
{
    StaffAccounts &staff = profile->staff();
    staff.setCost(Passwords::Cost::TestsOnly);
    const QString admin = QString::fromLatin1(DemoAdminPassword);
    const QString john = QString::fromLatin1(DemoStaffPassword);
    if (const Result<StaffAccount> made = staff.requireSignIn(QStringLiteral("mary"), QStringLiteral("Mary Wanjiku"), admin);
        !made)
        return made.error().message;
    profile.clock().advanceMs(5 * 60'000);
    if (const Result<StaffAccount> made = staff.add(QStringLiteral("john"), QStringLiteral("John Otieno"), Role::Staff, john);
        !made)
        return made.error().message;
    if (const Result<StaffAccount> made
        = staff.add(QStringLiteral("grace"), QStringLiteral("Grace Njeri"), Role::Pastor, QStringLiteral("psalm twenty three"));
        !made)
        return made.error().message;
    if (const Result<StaffAccount> made = staff.add(QStringLiteral("vera"), QStringLiteral("Vera Achieng"), Role::Viewer,
                                                    QStringLiteral("tea after the service"));
        !made)
        return made.error().message;
    if (const Status done = staff.setDisabled(QStringLiteral("vera"), true); !done)
        return done.error().message;
    staff.lock();
    profile.clock().advanceMs(40 * 60'000);
    (void)staff.signIn(QStringLiteral("john"), QStringLiteral("bells ring on monday"));
    if (const Result<StaffAccount> in = staff.signIn(QStringLiteral("john"), john); !in)
        return in.error().message;
    staff.lock();
    profile.clock().advanceMs(20 * 60'000);
    if (const Result<StaffAccount> in = staff.signIn(QStringLiteral("mary"), admin); !in)
        return in.error().message;
    return {};
}

QString tamperAuditEntry(TempProfile &profile, qint64 id)
{
    const QString name = QStringLiteral("tamper");
    QString problem;
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        raw.setDatabaseName(profile->databasePath());
        if (!raw.open())
            return raw.lastError().text();
        QSqlQuery q(raw);
        if (!q.exec(QStringLiteral("DROP TRIGGER IF EXISTS audit_log_append_only_update"))
            || !q.prepare(QStringLiteral("UPDATE audit_log SET summary = 'nothing happened' WHERE id = ?")))
            problem = q.lastError().text();
        q.addBindValue(id);
        if (problem.isEmpty() && (!q.exec() || q.numRowsAffected() != 1))
            problem = QStringLiteral("no audit entry %1 to change: %2").arg(id).arg(q.lastError().text());
        raw.close();
    }
    QSqlDatabase::removeDatabase(name);
    return problem;
}

QString makeDemoConflicts(TempProfile &here, TempProfile &other)
{
    auto deliver = [](TempProfile &from, TempProfile &to) -> QString {
        const Result<OutgoingOps> out = ChangeLog(from->database()).pendingOut(1'000'000);
        if (!out)
            return out.error().message;
        if (const auto applied = ReplicaApplier(to->database(), to.clock()).apply(out->ops); !applied)
            return applied.error().message;
        return {};
    };
    const Result<Contact> contact = here->contacts().add(
        {QStringLiteral("Asha"), QStringLiteral("Wanjiru"), QStringLiteral("0712000001"), {}, QStringLiteral("Choir")});
    const Result<Group> group = here->groups().create(QStringLiteral("Youth"), QStringLiteral("Friday evenings"));
    const Result<MessageTemplateRecord> reminder
        = here->templates().save(QStringLiteral("Service reminder"), QStringLiteral("Service starts at 9:00, {first_name}."));
    if (!contact || !group || !reminder)
        return QStringLiteral("could not add the shared rows");
    if (QString why = deliver(here, other); !why.isEmpty())
        return why;
    auto idIn = [](TempProfile &p, const QString &sql) {
        QSqlQuery q(p->database().connection());
        return q.exec(sql) && q.next() ? q.value(0).toLongLong() : qint64(0);
    };
    here->database().replicaContext().setUser(QStringLiteral("pastor"));
    other->database().replicaContext().setUser(QStringLiteral("secretary"));
    here.clock().advanceMs(60'000);
    other.clock().advanceMs(61'000);
    if (!here->contacts().update(contact->id,
                                 {QStringLiteral("Asha"),
                                  QStringLiteral("Wanjiru"),
                                  QStringLiteral("0712000001"),
                                  {},
                                  QStringLiteral("Visit on Tuesday")})
        || !other->contacts().update(idIn(other, QStringLiteral("SELECT id FROM contacts")),
                                     {QStringLiteral("Asha"),
                                      QStringLiteral("Wanjiru"),
                                      QStringLiteral("0712000001"),
                                      {},
                                      QStringLiteral("Moved to Nakuru")}))
        return QStringLiteral("could not edit the contact");
    if (!here->groups().rename(group->id, QStringLiteral("Youth"), QStringLiteral("Saturday afternoons"))
        || !other->groups().rename(idIn(other, QStringLiteral("SELECT id FROM groups WHERE name = 'Youth'")),
                                   QStringLiteral("Youth"), QStringLiteral("Friday evenings at 6")))
        return QStringLiteral("could not edit the group");
    if (!here->templates().update(reminder->id, QStringLiteral("Service reminder"),
                                  QStringLiteral("Service starts at 10:00 this Sunday, {first_name}."))
        || !other->templates().update(idIn(other, QStringLiteral("SELECT id FROM templates WHERE name = 'Service reminder'")),
                                      QStringLiteral("Service reminder"),
                                      QStringLiteral("Service starts at 9:30, {first_name}. Karibu!")))
        return QStringLiteral("could not edit the template");
    if (QString why = deliver(here, other); !why.isEmpty())
        return why;
    return deliver(other, here);
}

} // namespace kengele::test
