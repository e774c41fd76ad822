// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "DemoCongregation.h"

#include "DemoHistory.h"

#include "campaigns/CampaignService.h"
#include "common/Clock.h"
#include "contacts/ContactService.h"
#include "contacts/ContactStore.h"
#include "contacts/GroupService.h"
#include "inbox/InboxService.h"
#include "profile/Profile.h"
#include "storage/Database.h"
#include "storage/Transaction.h"
#include "templates/TemplateService.h"
#include "tokens/TokenLedger.h"

#include <QRandomGenerator>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <array>
#include <cmath>

namespace kengele {

namespace {

// Given names common in Kenyan congregations: Christian names and names from several communities.
constexpr std::array WomenNames
    = {"Mary",    "Grace",    "Faith",    "Mercy",   "Esther", "Joyce",   "Ruth",   "Lucy",   "Jane",      "Ann",
       "Wanjiku", "Njeri",    "Wambui",   "Achieng", "Akinyi", "Atieno",  "Awuor",  "Chebet", "Jepkosgei", "Chepkoech",
       "Nafula",  "Nekesa",   "Mwikali",  "Mumbua",  "Kanini", "Zawadi",  "Neema",  "Rehema", "Imani",     "Baraka",
       "Purity",  "Caroline", "Beatrice", "Winnie",  "Agnes",  "Phyllis", "Eunice", "Salome", "Dorcas",    "Tabitha"};
constexpr std::array MenNames
    = {"John",   "Peter",  "James",   "Joseph",  "David",    "Samuel", "Daniel",  "Paul",     "Stephen",  "Moses",
       "Kamau",  "Mwangi", "Kariuki", "Otieno",  "Odhiambo", "Omondi", "Ochieng", "Kiprono",  "Kipchoge", "Kibet",
       "Wafula", "Wekesa", "Mutua",   "Musyoka", "Kioko",    "Juma",   "Hassan",  "Baraka",   "Amani",    "Brian",
       "Kevin",  "Dennis", "Collins", "Victor",  "Emmanuel", "Isaac",  "Elijah",  "Nicholas", "George",   "Simon"};
constexpr std::array Surnames
    = {"Kamau",     "Mwangi",    "Njoroge", "Kariuki", "Wanjiru",     "Maina",  "Ndungu",  "Githinji", "Kimani",   "Macharia",
       "Otieno",    "Odhiambo",  "Onyango", "Ochieng", "Owino",       "Okoth",  "Oduor",   "Atieno",   "Adhiambo", "Ouma",
       "Kiprotich", "Cheruiyot", "Kiptoo",  "Rotich",  "Kosgei",      "Langat", "Koech",   "Mutai",    "Ruto",     "Bett",
       "Wafula",    "Wanyama",   "Barasa",  "Simiyu",  "Masinde",     "Mutua",  "Musyoka", "Mwendwa",  "Kilonzo",  "Nzioka",
       "Mohamed",   "Ali",       "Omar",    "Mwakio",  "Mwashighadi", "Chege",  "Gitau",   "Kinyua",   "Mugo",     "Nyambura"};
// Safaricom, Airtel and Telkom mobile prefixes (as libphonenumber knows them), Safaricom's most often.
constexpr std::array Prefixes
    = {"700", "701", "702", "705", "708", "710", "711", "712", "713", "714", "715", "716", "717", "718", "719", "720",
       "721", "722", "723", "724", "725", "726", "727", "728", "729", "740", "741", "742", "743", "745", "746", "748",
       "757", "758", "759", "768", "769", "790", "791", "792", "793", "794", "795", "796", "797", "798", "799", "110",
       "111", "112", "113", "114", "115", "730", "731", "732", "733", "734", "735", "736", "737", "738", "739", "750",
       "751", "752", "753", "754", "755", "756", "762", "780", "781", "782", "785", "786", "787", "788", "789", "100",
       "101", "102", "770", "771", "772", "773", "774", "775", "776", "777", "778", "779"};

struct DemoGroup {
    const char *name;
    const char *description;
};
constexpr std::array Groups = {
    DemoGroup{"Youth", "Young people, 13–30"},
    DemoGroup{"Choir", "Sunday choir and praise team"},
    DemoGroup{"Women's Fellowship", "Women's ministry"},
    DemoGroup{"Men's Fellowship", "Men's ministry"},
    DemoGroup{"Elders", "Church elders and deacons"},
    DemoGroup{"Sunday School Teachers", "Children's ministry teachers"},
    DemoGroup{"Ushers", "Welcome team"},
    DemoGroup{"Prayer Chain", "Receives prayer requests by SMS"},
};

struct DemoTemplate {
    const char *name;
    const char *body;
};
constexpr std::array Templates = {
    DemoTemplate{"Sunday service reminder",
                 "Dear {first_name|friend}, join us this Sunday at 9:00 for worship. God bless you! - Kengele Church"},
    DemoTemplate{"Choir practice",
                 "Hello {first_name}, choir practice is on Saturday at 2pm in the church hall. Please come on time."},
    DemoTemplate{"Youth camp",
                 "Hi {first_name|friend}! Youth camp registration closes on {date}. Talk to your {group} leader to book."},
    DemoTemplate{"Ujumbe wa Jumapili",
                 "Mpendwa {first_name|ndugu}, karibu kwenye ibada ya Jumapili saa tatu asubuhi. Mungu akubariki!"},
    DemoTemplate{"Birthday blessing", "Happy birthday {first_name}! May the Lord bless you and keep you this new year."},
};

} // namespace

Status DemoCongregation::populate(Profile &profile, int count, quint32 seed)
{
    QRandomGenerator random(seed);
    QRandomGenerator joining(seed ^ 0x6a6f696eu);
    QSqlDatabase db = profile.database().connection();
    Transaction transaction(db);
    if (Status begun = transaction.began(tr("Creating the demo congregation")); !begun)
        return std::unexpected(begun.error());
    const qint64 now = profile.clock().nowMs();

    ContactStore store(db, tr("Creating the demo congregation"));
    QList<qint64> groupIds;
    for (const DemoGroup &group : Groups) {
        const Result<qint64> id = store.insertGroup(QString::fromUtf8(group.name), QString::fromUtf8(group.description), now);
        if (!id)
            return std::unexpected(id.error());
        groupIds.append(*id);
    }

    QSet<QString> used;
    QList<Membership> memberships;
    QList<DemoPerson> people;
    people.reserve(count);
    for (int i = 0; i < count; ++i) {
        const bool woman = random.bounded(100) < 56;
        const QString first = QString::fromUtf8(woman ? WomenNames[random.bounded(int(WomenNames.size()))]
                                                      : MenNames[random.bounded(int(MenNames.size()))]);
        const QString last = QString::fromUtf8(Surnames[random.bounded(int(Surnames.size()))]);
        QString national;
        do {
            national = QString::fromLatin1(Prefixes[random.bounded(int(Prefixes.size()))])
                + QStringLiteral("%1").arg(random.bounded(1000000), 6, 10, QLatin1Char('0'));
        } while (used.contains(national));
        used.insert(national);
        const QString e164 = QStringLiteral("+254") + national;
        // Raw forms as a secretary would type them.
        const QString raw = i % 3 == 0
            ? QStringLiteral("0") + national.left(3) + u' ' + national.mid(3, 3) + u' ' + national.mid(6)
            : i % 3 == 1 ? QStringLiteral("0") + national
                         : e164;
        // Two in three were members before the year DemoHistory covers; the others joined during it,
        // more of them in recent months (the congregation grows). One draw of `random` per person, as
        // before the history, so the same seed still gives the same people; the rest from `joining`.
        const int draw = random.bounded(400);
        const qint64 created = draw < 264
            ? now - (366 + qint64(draw) * 5) * 86'400'000 - joining.bounded(86'400'000)
            : now - qint64(365 - std::sqrt(double(joining.bounded(365 * 365)))) * 86'400'000 - joining.bounded(86'400'000);
        const Result<qint64> contactId
            = store.insertContact(ContactRecord{first, last, e164, raw, {}, {}}, u"demo", created, now);
        if (!contactId)
            return std::unexpected(contactId.error());

        DemoPerson person{*contactId, e164, first, first + u' ' + last, created, {}, false};
        QList<qint64> memberOf;
        const int age = 12 + random.bounded(70);
        if (age <= 30)
            memberOf << groupIds[0];
        if (random.bounded(100) < 18)
            memberOf << groupIds[1];
        memberOf << (woman ? groupIds[2] : groupIds[3]);
        if (age > 45 && random.bounded(100) < 20)
            memberOf << groupIds[4];
        if (age > 20 && random.bounded(100) < 8)
            memberOf << groupIds[5];
        if (random.bounded(100) < 10)
            memberOf << groupIds[6];
        if (random.bounded(100) < 12)
            memberOf << groupIds[7];
        for (const qint64 groupId : std::as_const(memberOf)) {
            memberships.append(Membership{groupId, *contactId});
            person.groups.append(int(groupIds.indexOf(groupId)));
        }
        // Replies STOP during the year (DemoHistory records it then).
        person.quits = random.bounded(100) < 3;
        people.append(std::move(person));
    }
    if (const Result<int> added = store.addMemberships(memberships, now); !added)
        return std::unexpected(added.error());

    QSqlQuery templateInsert(db);
    templateInsert.prepare(
        QStringLiteral("INSERT OR IGNORE INTO templates(name, body, created_at, updated_at) VALUES (?, ?, ?, ?)"));
    for (const DemoTemplate &t : Templates) {
        templateInsert.addBindValue(QString::fromUtf8(t.name));
        templateInsert.addBindValue(QString::fromUtf8(t.body));
        templateInsert.addBindValue(now);
        templateInsert.addBindValue(now);
        if (!templateInsert.exec())
            return std::unexpected(Database::storageError(templateInsert.lastError(), tr("Creating the demo congregation")));
    }
    const Result<QList<DemoTokensLeft>> history = DemoHistory::writeInTransaction(profile, people, groupIds, now, seed);
    if (!history)
        return std::unexpected(history.error());
    if (Status committed = transaction.commit(); !committed)
        return committed;
    if (Status expired = DemoHistory::expireLeftovers(profile, *history); !expired)
        return expired;
    profile.contacts().notifyBulkChange();
    profile.tokens().notifyBulkChange();
    Q_EMIT profile.campaigns().campaignsChanged();
    Q_EMIT profile.inbox().inboxChanged();
    profile.groups().notifyBulkChange();
    Q_EMIT profile.templates().templatesChanged();
    return {};
}

} // namespace kengele
