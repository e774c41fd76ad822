// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "DemoHistory.h"

#include "campaigns/CampaignOrigin.h"
#include "campaigns/CampaignStatus.h"
#include "campaigns/DeliveryReportApplier.h"
#include "campaigns/MessageState.h"
#include "common/Clock.h"
#include "contacts/ContactStore.h"
#include "gateway/DeliveryReport.h"
#include "gateway/GatewayKind.h"
#include "gateway/GatewaySimulator.h"
#include "messaging/SegmentCounter.h"
#include "profile/Profile.h"
#include "storage/Database.h"
#include "storage/SqliteStatement.h"
#include "tokens/TokenLedger.h"

#include <QDate>
#include <QHash>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <functional>
#include <limits>
#include <numeric>
#include <optional>

namespace kengele {

namespace {

constexpr qint64 Second = 1000;
constexpr qint64 Minute = 60 * Second;
constexpr qint64 Hour = 60 * Minute;
constexpr qint64 Day = 24 * Hour;
// Messages leave at about this pace (the dispatcher's batches to Africa's Talking).
constexpr qint64 SendPaceMs = 120;
// What Africa's Talking charges per SMS part in Kenya, as its send answer writes it.
constexpr double CostPerPartKes = 0.8;
// The church's short code, where replies arrive.
constexpr const char *ShortCode = "22384";

// The demo's groups, in DemoCongregation's order.
enum GroupIndex { Youth = 0, Choir = 1, Women = 2, Men = 3, Elders = 4, Everyone = -1 };
enum class Payer { Main, Youth, Women };

// The time the ledger and the delivery reports see while the year is written.
class StepClock final : public Clock
{
public:
    QDateTime nowUtc() const override { return QDateTime::fromMSecsSinceEpoch(m_now, Qt::UTC); }
    void set(qint64 ms) { m_now = ms; }

private:
    qint64 m_now = 0;
};

struct Message {
    const char *name;
    const char *body; // {first_name} is the only field
};

// Plain church announcements, English and Kiswahili.
constexpr std::array SundayReminders = {
    Message{"Sunday service reminder",
            "Dear {first_name}, join us this Sunday at 9:00 for worship. God bless you! - Kengele Church"},
    Message{"Ujumbe wa Jumapili", "Mpendwa {first_name}, karibu kwenye ibada ya Jumapili saa tatu asubuhi. Mungu akubariki!"},
    Message{"Holy Communion Sunday",
            "Dear {first_name}, this Sunday we share Holy Communion at both services, 7:30 and 10:00. Come early and "
            "bring a friend. - Kengele Church"},
    Message{"Ibada ya familia",
            "Mpendwa {first_name}, Jumapili hii ni ibada ya familia saa nne asubuhi. Kuja na watoto wako wote. "
            "Karibu sana!"},
    Message{"Guest preacher Sunday",
            "Dear {first_name}, our guest preacher this Sunday is Rev. Mwangi from Nakuru. Service at 9:00. Don’t miss it!"},
};
constexpr std::array ChoirMessages = {
    Message{"Choir practice",
            "Hello {first_name}, choir practice is on Saturday at 2pm in the church hall. Please come on time."},
    Message{"Mazoezi ya kwaya", "Habari {first_name}, mazoezi ya kwaya ni Jumamosi saa nane mchana. Tafadhali fika mapema."},
};
constexpr std::array YouthMessages = {
    Message{"Youth fellowship",
            "Hi {first_name}! Youth fellowship this Friday at 5pm: worship, games and a talk on purpose. Bring a friend!"},
    Message{"Vijana: mkutano", "Habari {first_name}! Mkutano wa vijana Ijumaa saa kumi na moja jioni. Karibu na rafiki yako!"},
};
constexpr std::array WomenMessages = {
    Message{"Women's meeting",
            "Dear {first_name}, the Women's Fellowship meets on Saturday at 10am in the church hall. Tea will be served."},
    Message{"Mkutano wa akina mama", "Mpendwa {first_name}, mkutano wa akina mama ni Jumamosi saa nne asubuhi. Karibu!"},
};
constexpr Message MenMessage{"Men's breakfast",
                             "Dear {first_name}, Men's Fellowship breakfast this Saturday at 7:30am. Topic: a father's prayer."};
constexpr Message EldersMessage{
    "Elders' meeting", "Dear {first_name}, the elders and deacons meet on Tuesday at 6pm in the vestry. Agenda sent by email."};

// Words people send back.
constexpr std::array RepliesEnglish = {"Amen",
                                       "Thank you, I will be there",
                                       "Amen, God bless you too",
                                       "Noted, thank you",
                                       "Please call me, I need prayer",
                                       "What time does it end?",
                                       "I will come with my family"};
constexpr std::array RepliesKiswahili
    = {"Amina", "Asante sana", "Nitakuja, Mungu akubariki", "Amina, asante mchungaji", "Tafadhali niombee"};

struct Campaign {
    qint64 at = 0; // launch time
    QString name;
    QString body;
    int group = Everyone;
    Payer payer = Payer::Main;
    bool kiswahili = false;
    bool cancelled = false; // the secretary stopped it halfway
    bool hiccup = false; // a few requests got no answer
    int repliesPerThousand = 8;
};

// Easter Sunday of `year` (the anonymous Gregorian algorithm).
QDate easter(int year)
{
    const int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
    const int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
    const int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
    const int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
    return QDate(year, month, day);
}

qint64 at(const QDate &date, int hourUtc)
{
    return QDateTime(date, QTime(hourUtc, 0), Qt::UTC).toMSecsSinceEpoch();
}

// The occurrence of a day of the year (or of a date a year gives) that falls in [start, end).
std::optional<qint64> inWindow(qint64 start, qint64 end, int hourUtc, const std::function<QDate(int)> &dateOf)
{
    const int last = QDateTime::fromMSecsSinceEpoch(end, Qt::UTC).date().year();
    for (int year = last; year >= last - 1; --year) {
        const qint64 when = at(dateOf(year), hourUtc);
        if (when >= start && when < end)
            return when;
    }
    return std::nullopt;
}

Campaign fromMessage(const Message &m, qint64 when, int group, Payer payer, bool kiswahili)
{
    Campaign c;
    c.at = when;
    c.name = QString::fromUtf8(m.name);
    c.body = QString::fromUtf8(m.body);
    c.group = group;
    c.payer = payer;
    c.kiswahili = kiswahili;
    return c;
}

// The year's campaigns, oldest first.
QList<Campaign> plan(qint64 start, qint64 now)
{
    QList<Campaign> campaigns;
    const auto add = [&](Campaign c) {
        if (c.at >= start && c.at < now - Hour)
            campaigns.append(std::move(c));
    };
    const auto event
        = [&](const char *name, const char *body, int hourUtc, const std::function<QDate(int)> &dateOf, bool kiswahili = false) {
              if (const std::optional<qint64> when = inWindow(start, now - Hour, hourUtc, dateOf))
                  add(fromMessage(Message{name, body}, *when, Everyone, Payer::Main, kiswahili));
          };

    // Easter, Christmas and the new year.
    event("Easter services",
          "Dear {first_name}, Good Friday service is at 9:00 and Easter Sunday services at 7:00 and 10:00. He is risen!", 7,
          [](int y) { return easter(y).addDays(-4); });
    event(
        "Pasaka njema", "Mpendwa {first_name}, Kristo amefufuka! Pasaka njema kwako na familia yako.", 5,
        [](int y) { return easter(y); }, true);
    event("Carol service",
          "Dear {first_name}, our Christmas carol service is on Sunday 21st at 5pm. Bring your family and neighbours!", 7,
          [](int y) { return QDate(y, 12, 16); });
    event("Christmas Day service",
          "Dear {first_name}, Christmas Day service at 10:00. Merry Christmas from all of us at Kengele Church!", 7,
          [](int y) { return QDate(y, 12, 23); });
    event(
        "Kesha ya mwaka mpya",
        "Mpendwa {first_name}, karibu kwenye kesha ya kuukaribisha mwaka mpya tarehe 31 kuanzia saa tatu usiku.", 7,
        [](int y) { return QDate(y, 12, 29); }, true);
    // A fundraiser, and the thanks after it.
    event("Harambee: church roof",
          "Dear {first_name}, our harambee for the new church roof is on Sunday 20th July after the service. M-Pesa "
          "paybill 247247, account ROOF. Every shilling counts, karibu wote!",
          6, [](int y) { return QDate(y, 7, 8); });
    event("Harambee: thank you",
          "Dear {first_name}, thank you! The harambee raised KES 1,240,000 for the roof. Work starts in August. God bless you.",
          6, [](int y) { return QDate(y, 7, 22); });
    event("Church AGM",
          "Dear {first_name}, the church AGM is on Sunday 23rd February after the second service. All members please attend.", 7,
          [](int y) { return QDate(y, 2, 12); });
    // A picnic announced with the wrong date: stopped halfway and sent again, corrected.
    {
        const std::optional<qint64> when = inWindow(start, now - Day, 8, [](int y) { return QDate(y, 10, 1); });
        if (when) {
            Campaign wrong = fromMessage(Message{"Church picnic",
                                                 "Dear {first_name}, the church picnic is on Saturday 12th "
                                                 "October at Uhuru Park from 10am. Bring a dish to share!"},
                                         *when, Everyone, Payer::Main, false);
            wrong.cancelled = true;
            add(wrong);
            add(fromMessage(
                Message{"Picnic: correction",
                        "Sorry {first_name}, the picnic is on Saturday 19th October, not the 12th. Uhuru Park from 10am."},
                *when + 40 * Minute, Everyone, Payer::Main, false));
        }
    }
    // Department events, paid from the departments' own tokens.
    if (const std::optional<qint64> when = inWindow(start, now - Hour, 9, [](int y) { return QDate(y, 8, 4); }))
        add(fromMessage(Message{"Youth camp",
                                "Hi {first_name}! Youth camp is 22-25 August in Limuru, KES 2,500. Registration "
                                "closes on 15th August. Talk to your youth leader to book."},
                        *when, Youth, Payer::Youth, false));
    if (const std::optional<qint64> when = inWindow(start, now - Hour, 9, [](int y) { return QDate(y, 9, 10); }))
        add(fromMessage(Message{"Women's conference",
                                "Dear {first_name}, the Women's conference is on 27th September, 9am-4pm. "
                                "Theme: Women of purpose. Lunch provided, KES 500."},
                        *when, Women, Payer::Women, false));

    // The weekly rhythm: Sunday reminders every other Saturday, group messages every few weeks.
    QDate saturday = QDateTime::fromMSecsSinceEpoch(start, Qt::UTC).date();
    while (saturday.dayOfWeek() != Qt::Saturday)
        saturday = saturday.addDays(1);
    for (int week = 0; week < 53; ++week) {
        const QDate day = saturday.addDays(7 * week);
        if (week % 2 == 0) {
            const Message &m = SundayReminders[std::size_t(week / 2) % SundayReminders.size()];
            Campaign c = fromMessage(m, at(day, 13), Everyone, Payer::Main, (week / 2) % SundayReminders.size() % 2 == 1);
            c.hiccup = week == 10;
            c.repliesPerThousand = 6;
            add(c);
        }
        if (week % 12 == 3)
            add(fromMessage(ChoirMessages[std::size_t(week / 12) % 2], at(day.addDays(-2), 14), Choir, Payer::Main,
                            week / 12 % 2));
        if (week % 10 == 5)
            add(fromMessage(YouthMessages[std::size_t(week / 10) % 2], at(day.addDays(-3), 12), Youth, Payer::Youth,
                            week / 10 % 2));
        if (week % 12 == 7)
            add(fromMessage(WomenMessages[std::size_t(week / 12) % 2], at(day.addDays(-4), 8), Women, Payer::Women,
                            week / 12 % 2));
        if (week % 26 == 12)
            add(fromMessage(MenMessage, at(day.addDays(-3), 15), Men, Payer::Main, false));
        if (week % 17 == 8)
            add(fromMessage(EldersMessage, at(day.addDays(-5), 9), Elders, Payer::Main, false));
    }
    std::stable_sort(campaigns.begin(), campaigns.end(), [](const Campaign &a, const Campaign &b) { return a.at < b.at; });
    return campaigns;
}

// What happens to one message, decided before anything is written.
struct Row {
    int person = 0;
    QString text;
    int segments = 1;
    enum class Fate { Sent, Refused, Uncertain, Cancelled } fate = Fate::Sent;
    qint64 attemptedAt = 0;
    QString messageId;
};

// How each person's phone behaves over the year.
struct Phone {
    QString networkCode;
    qint64 deadFrom = 0; // the number stopped working then (0: never)
    bool blacklisted = false; // refused at sending (DND)
    bool oftenOff = false;
    qint64 quitAt = 0; // replies STOP to the first message after this
};

QString hex(QRandomGenerator &random, int digits)
{
    QString out;
    out.reserve(digits);
    for (int i = 0; i < digits; ++i)
        out.append(QLatin1Char("0123456789abcdef"[random.bounded(16)]));
    return out;
}

} // namespace

Result<QList<DemoTokensLeft>> DemoHistory::writeInTransaction(Profile &profile, const QList<DemoPerson> &people,
                                                              const QList<qint64> &groupIds, qint64 now, quint32 seed)
{
    const QString what = tr("Creating the demo congregation's history");
    QRandomGenerator random(seed ^ 0x4b656e67u);
    QSqlDatabase db = profile.database().connection();
    const qint64 start = now - 365 * Day;
    StepClock clock;
    clock.set(start);
    // A ledger of its own, on the profile's connection, that sees the year's time.
    TokenLedger ledger(profile.database(), clock);
    ContactStore contacts(db, what);

    // Departments with budgets of their own, from the start of the year (indexed by Payer).
    const std::array<QString, 3> accountNames = {QStringLiteral("Main"), youthAccount(), womenAccount()};
    constexpr std::array<qint64, 3> topUp = {4000, 600, 500};
    std::array<qint64, 3> accountIds = {};
    std::array<qint64, 3> balances = {};
    std::array<qint64, 3> initial = {};
    for (std::size_t a = 0; a < accountNames.size(); ++a) {
        Result<qint64> id = ledger.accountId(accountNames[a]);
        if (!id && a != 0) {
            const Result<TokenAccount> created = ledger.createBudgetAccount(accountNames[a]);
            if (!created)
                return std::unexpected(created.error());
            id = created->id;
        }
        if (!id)
            return std::unexpected(id.error());
        accountIds[a] = *id;
        const Result<qint64> balance = ledger.balance(*id);
        if (!balance)
            return std::unexpected(balance.error());
        balances[a] = *balance;
        initial[a] = *balance;
    }

    // Each phone's year, decided once.
    QList<Phone> phones(people.size());
    for (qsizetype i = 0; i < people.size(); ++i) {
        Phone &p = phones[i];
        p.networkCode = GatewaySimulator::networkCodeFor(people[i].phone);
        const int roll = random.bounded(1000);
        if (roll < 20)
            p.deadFrom = start + qint64(random.bounded(330)) * Day;
        else if (roll < 26)
            p.blacklisted = true;
        p.oftenOff = random.bounded(100) < 8;
        if (people[i].quits)
            p.quitAt = start + qint64(30 + random.bounded(300)) * Day;
    }
    // Launch order: by number, as a launch writes them.
    QList<int> byPhone(people.size());
    std::iota(byPhone.begin(), byPhone.end(), 0);
    std::sort(byPhone.begin(), byPhone.end(), [&](int a, int b) { return people[a].phone < people[b].phone; });
    QHash<QString, int> personByPhone;
    for (qsizetype i = 0; i < people.size(); ++i)
        personByPhone.insert(people[i].phone, int(i));
    // Who has opted out, until when (the one who opts in again) or for good.
    QHash<int, qint64> optedOutUntil;
    const auto isOptedOut = [&optedOutUntil](int person, qint64 when) {
        const auto it = optedOutUntil.constFind(person);
        return it != optedOutUntil.cend() && when < *it;
    };
    int purchases = 0;
    int optIns = 0;

    QSqlQuery campaignInsert(db);
    campaignInsert.prepare(QStringLiteral(
        "INSERT INTO campaigns(name, body, sender_id, priority, status, status_reason, gateway, account_id, recipients, "
        "segments, tokens, created_at, launched_at, finished_at, all_contacts, demo, uid, origin) "
        "VALUES (?, ?, '', 1, ?, coalesce(?, ''), ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, kengele_uuid7(), "
        "(SELECT device FROM sync_state WHERE id = 1))"));
    SqliteStatement target(db, "INSERT INTO campaign_targets(campaign_id, group_id) VALUES (?1, ?2)");
    SqliteStatement outbox(db,
                           "INSERT INTO outbox(campaign_id, contact_id, phone, name, text, segments, state, priority, due_at, "
                           "attempts, message_id, reason, cost, updated_at, attempted_at) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1, ?8, ?9, ?10, coalesce(?11, ''), coalesce(?12, ''), ?13, ?14)");
    SqliteStatement inbox(db,
                          "INSERT INTO inbox(provider_id, phone, to_number, text, received_at, contact_id, handled_as, "
                          "network_code, read_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    SqliteStatement reportInsert(db,
                                 "INSERT INTO delivery_reports(message_id, status, failure_reason, network_code, received_at, "
                                 "phone, outbox_id) VALUES (?1, ?2, coalesce(?3, ''), ?4, ?5, ?6, ?7)");
    SqliteStatement moveOn(db,
                           "UPDATE outbox SET state = ?1, reason = coalesce(?2, ''), network = ?3, updated_at = ?4 "
                           "WHERE id = ?5 AND state = 'sent'");
    sqlite3 *const sqlite = SqliteStatement::handle(db);
    if (!sqlite)
        return fail(ErrorCode::Storage, tr("The demo congregation's history could not be written: the data file is not open."));
    for (const SqliteStatement *s : {&target, &outbox, &inbox, &reportInsert, &moveOn}) {
        if (!s->isValid())
            return std::unexpected(s->error(what));
    }
    const QString uncertainReason = tr("No answer came from Africa's Talking, so this message may or may not have been sent.");
    const QString cancelledReason = tr("Campaign cancelled");

    for (const Campaign &c : plan(start, now)) {
        // Who it goes to: members of its group (or everyone) who had joined and had not opted out.
        const qint64 groupId = c.group == Everyone ? 0 : groupIds.value(c.group);
        QList<Row> rows;
        for (const int i : std::as_const(byPhone)) {
            const DemoPerson &person = people[i];
            if (person.joinedAt > c.at - Day || isOptedOut(i, c.at))
                continue;
            if (c.group != Everyone && !person.groups.contains(c.group))
                continue;
            Row row;
            row.person = i;
            row.text = QString(c.body).replace(QStringLiteral("{first_name}"), person.firstName);
            row.segments = std::max(1, SegmentCounter::count(row.text).segments);
            rows.append(row);
        }
        if (rows.isEmpty())
            continue;
        qint64 tokens = 0;
        for (const Row &row : std::as_const(rows))
            tokens += row.segments;
        const qint64 cut = c.cancelled ? rows.size() * 2 / 5 : rows.size();
        for (qsizetype r = 0; r < rows.size(); ++r) {
            Row &row = rows[r];
            const Phone &phone = phones[row.person];
            row.attemptedAt = c.at + 2 * Second + r * SendPaceMs;
            if (r >= cut)
                row.fate = Row::Fate::Cancelled;
            else if (phone.blacklisted)
                row.fate = Row::Fate::Refused;
            else if (c.hiccup && r % 53 == 17)
                row.fate = Row::Fate::Uncertain;
            else
                row.messageId = QStringLiteral("ATXid_%1%2")
                                    .arg(random.generate64(), 16, 16, QLatin1Char('0'))
                                    .arg(random.generate64(), 16, 16, QLatin1Char('0'));
        }
        const qint64 finished = c.at + 2 * Second + cut * SendPaceMs + 3 * Second;

        // The budget first: bought with M-Pesa when it runs low.
        clock.set(c.at - 30 * Minute);
        const std::size_t payer = std::size_t(c.payer);
        while (balances[payer] < tokens) {
            const qint64 amount = topUp[payer];
            const Result<TokenPurchase> bought = ledger.purchaseInTransaction(
                db, accountNames[payer], amount, QStringLiteral("vch_demo_%1").arg(++purchases, 3, 10, QLatin1Char('0')), {});
            if (!bought)
                return std::unexpected(bought.error());
            balances[payer] += amount;
        }

        // The campaign, its targets, its reservation, its messages.
        campaignInsert.addBindValue(c.name);
        campaignInsert.addBindValue(c.body);
        campaignInsert.addBindValue(toText(c.cancelled ? CampaignStatus::Cancelled : CampaignStatus::Done));
        campaignInsert.addBindValue(c.cancelled ? tr("Cancelled: the date was wrong") : QString());
        campaignInsert.addBindValue(toText(GatewayKind::AfricasTalking));
        campaignInsert.addBindValue(accountIds[payer]);
        campaignInsert.addBindValue(qint64(rows.size()));
        campaignInsert.addBindValue(tokens);
        campaignInsert.addBindValue(tokens);
        campaignInsert.addBindValue(c.at - 20 * Minute);
        campaignInsert.addBindValue(c.at);
        campaignInsert.addBindValue(finished);
        campaignInsert.addBindValue(c.group == Everyone ? 1 : 0);
        if (!campaignInsert.exec())
            return std::unexpected(Database::storageError(campaignInsert.lastError(), what));
        const qint64 campaignId = campaignInsert.lastInsertId().toLongLong();
        if (c.group != Everyone) {
            target.bind(1, campaignId);
            target.bind(2, groupId);
            if (!target.exec())
                return std::unexpected(target.error(what));
        }
        clock.set(c.at);
        if (const auto reserved = ledger.reserveInTransaction(db, accountIds[payer], campaignId, tokens, {}); !reserved)
            return std::unexpected(reserved.error());
        balances[payer] -= tokens;

        qint64 spent = 0;
        qint64 released = 0;
        QList<DeliveryReport> delivery;
        QHash<QString, qint64> outboxIds; // by message id
        for (const Row &row : std::as_const(rows)) {
            const DemoPerson &person = people[row.person];
            const Phone &phone = phones[row.person];
            outbox.bind(1, campaignId);
            outbox.bind(2, person.contactId);
            outbox.bind(3, person.phone);
            outbox.bind(4, person.name);
            outbox.bind(5, row.text);
            outbox.bind(6, qint64(row.segments));
            outbox.bind(8, c.at);
            outbox.bindNull(10);
            outbox.bind(12, QString());
            switch (row.fate) {
            case Row::Fate::Sent:
                outbox.bind(7, toText(MessageState::Sent));
                outbox.bind(10, row.messageId);
                outbox.bind(11, QString());
                outbox.bind(12, QStringLiteral("KES %1").arg(CostPerPartKes * row.segments, 0, 'f', 4));
                spent += row.segments;
                break;
            case Row::Fate::Refused:
                outbox.bind(7, toText(MessageState::Failed));
                outbox.bind(11, QStringLiteral("UserInBlacklist"));
                released += row.segments;
                break;
            case Row::Fate::Uncertain:
                outbox.bind(7, toText(MessageState::Uncertain));
                outbox.bind(11, uncertainReason);
                break;
            case Row::Fate::Cancelled:
                outbox.bind(7, toText(MessageState::Cancelled));
                outbox.bind(11, cancelledReason);
                released += row.segments;
                break;
            }
            const bool attempted = row.fate != Row::Fate::Cancelled;
            outbox.bind(9, qint64(attempted ? 1 : 0));
            outbox.bind(13, attempted ? row.attemptedAt + 800 : finished);
            if (attempted)
                outbox.bind(14, row.attemptedAt);
            else
                outbox.bindNull(14);
            if (!outbox.exec())
                return std::unexpected(outbox.error(what));
            if (row.fate != Row::Fate::Sent)
                continue;
            outboxIds.insert(row.messageId, sqlite3_last_insert_rowid(sqlite));

            // Its delivery report: most within a minute or two, some hours late, a few never.
            DeliveryReport report;
            report.messageId = row.messageId;
            report.phoneNumber = person.phone;
            report.networkCode = phone.networkCode;
            const int roll = random.bounded(1000);
            const bool telkom = phone.networkCode == QStringLiteral("63907");
            const bool airtel = phone.networkCode == QStringLiteral("63903");
            qint64 delay = 3 * Second + random.bounded(int(90 * Second));
            if (phone.deadFrom != 0 && c.at >= phone.deadFrom) {
                report.status = QStringLiteral("Failed");
                report.failureReason = QStringLiteral("UserDoesNotExist");
            } else if (phone.oftenOff && random.bounded(100) < 18) {
                report.status = QStringLiteral("AbsentSubscriber");
            } else if (roll < (airtel ? 18 : 8)) {
                report.status = QStringLiteral("AbsentSubscriber");
            } else if (roll < (telkom ? 60 : 22)) {
                report.status = QStringLiteral("Failed");
                report.failureReason = QStringLiteral("DeliveryFailure");
            } else if (roll < (telkom ? 64 : 25)) {
                report.status = QStringLiteral("Failed");
                report.failureReason = QStringLiteral("InsufficientCredit");
            } else if (roll < (telkom ? 68 : 28)) {
                report.status = QStringLiteral("Expired");
                delay = 2 * Day + random.bounded(int(Hour));
            } else if (roll < (telkom ? 73 : 32)) {
                continue; // no report ever came
            } else {
                report.status = QStringLiteral("Success");
            }
            if (report.status != QStringLiteral("Expired") && random.bounded(100) < 4) {
                // Late: the network held it ("Buffered") while the phone was off.
                DeliveryReport buffered = report;
                buffered.status = QStringLiteral("Buffered");
                buffered.failureReason.clear();
                buffered.receivedAt = QDateTime::fromMSecsSinceEpoch(row.attemptedAt + delay, Qt::UTC);
                if (row.attemptedAt + delay < now)
                    delivery.append(buffered);
                delay = Hour + random.bounded(int(8 * Hour));
            }
            report.receivedAt = QDateTime::fromMSecsSinceEpoch(row.attemptedAt + delay, Qt::UTC);
            // A report due after now has not come yet: the message is still sent, waiting for it.
            if (report.receivedAt.toMSecsSinceEpoch() < now)
                delivery.append(report);
        }
        clock.set(finished);
        if (spent > 0) {
            if (const auto s = ledger.spendInTransaction(db, campaignId, spent, {}); !s)
                return std::unexpected(s.error());
        }
        if (released > 0) {
            if (const auto r = ledger.releaseInTransaction(db, campaignId, released,
                                                           c.cancelled ? cancelledReason : tr("Could not be sent"), {});
                !r)
                return std::unexpected(r.error());
            balances[payer] += released;
        }

        // The reports, in the order they came, as DeliveryReportApplier records them: each kept and
        // tied to its message, which a final one moves from sent to delivered or failed.
        std::stable_sort(delivery.begin(), delivery.end(),
                         [](const DeliveryReport &a, const DeliveryReport &b) { return a.receivedAt < b.receivedAt; });
        for (const DeliveryReport &report : std::as_const(delivery)) {
            const qint64 received = report.receivedAt.toMSecsSinceEpoch();
            reportInsert.bind(1, report.messageId);
            reportInsert.bind(2, report.status);
            reportInsert.bind(3, report.failureReason);
            reportInsert.bind(4, report.networkCode);
            reportInsert.bind(5, received);
            reportInsert.bind(6, report.phoneNumber);
            reportInsert.bind(7, outboxIds.value(report.messageId));
            if (!reportInsert.exec())
                return std::unexpected(reportInsert.error(what));
            QString state = toText(MessageState::Failed);
            QString reason
                = report.failureReason.isEmpty() ? report.status : report.status + QStringLiteral(": ") + report.failureReason;
            if (report.status == QStringLiteral("Success")) {
                state = toText(MessageState::Delivered);
                reason.clear();
            } else if (report.status == QStringLiteral("Buffered")) {
                state = toText(MessageState::Sent);
                reason.clear();
            }
            moveOn.bind(1, state);
            moveOn.bind(2, reason);
            moveOn.bind(3, DeliveryReportApplier::networkName(report.networkCode));
            moveOn.bind(4, received + Second);
            moveOn.bind(5, outboxIds.value(report.messageId));
            if (!moveOn.exec())
                return std::unexpected(moveOn.error(what));
        }

        // Replies, STOPs and the odd opt-in again.
        for (const DeliveryReport &report : std::as_const(delivery)) {
            if (report.status != QStringLiteral("Success"))
                continue;
            const int person = personByPhone.value(report.phoneNumber);
            const Phone &phone = phones[person];
            const bool stops = phone.quitAt != 0 && c.at >= phone.quitAt && !optedOutUntil.contains(person);
            if (!stops && random.bounded(1000) >= c.repliesPerThousand)
                continue;
            const qint64 received = report.receivedAt.toMSecsSinceEpoch() + 2 * Minute + random.bounded(int(5 * Hour));
            if (received >= now)
                continue;
            QString text;
            if (stops)
                text = c.kiswahili ? QStringLiteral("ACHA") : QStringLiteral("STOP");
            else if (c.kiswahili)
                text = QString::fromUtf8(RepliesKiswahili[std::size_t(random.bounded(int(RepliesKiswahili.size())))]);
            else
                text = QString::fromUtf8(RepliesEnglish[std::size_t(random.bounded(int(RepliesEnglish.size())))]);
            inbox.bind(1,
                       QStringLiteral("%1-%2-%3-%4-%5")
                           .arg(hex(random, 8), hex(random, 4), hex(random, 4), hex(random, 4), hex(random, 12)));
            inbox.bind(2, people[person].phone);
            inbox.bind(3, QString::fromLatin1(ShortCode));
            inbox.bind(4, text);
            inbox.bind(5, received);
            inbox.bind(6, people[person].contactId);
            inbox.bind(7, stops ? QStringLiteral("optout") : QStringLiteral("inbox"));
            inbox.bind(8, phone.networkCode);
            // The office reads its messages within a day or two; the last week's wait.
            if (received < now - 7 * Day)
                inbox.bind(9, received + Hour + random.bounded(int(40 * Hour)));
            else
                inbox.bindNull(9);
            if (!inbox.exec())
                return std::unexpected(inbox.error(what));
            if (!stops)
                continue;
            // As the relay records an SMS opt-out: the keyword, from "sms".
            if (Status out = contacts.recordOptOut(people[person].phone, text, u"sms", received); !out)
                return std::unexpected(out.error());
            optedOutUntil.insert(person, std::numeric_limits<qint64>::max());
            // The first to leave asked at church, weeks later, to get the messages again.
            if (optIns == 0 && received + 40 * Day < now - Day) {
                const qint64 back = received + 40 * Day;
                const Result<bool> recorded = contacts.recordOptIn(
                    people[person].phone, tr("Asked at church to receive the messages again"), QString(), back);
                if (!recorded)
                    return std::unexpected(recorded.error());
                if (Status removed = contacts.removeOptOut(people[person].phone); !removed)
                    return std::unexpected(removed.error());
                ++optIns;
                // Back on the list from then: later campaigns reach them again.
                optedOutUntil.insert(person, back);
            }
        }
    }
    // The other computers of the church see each campaign's budget and group too.
    if (Status linked = CampaignOrigin::publishDemoLinks(db); !linked)
        return std::unexpected(linked.error());
    QList<DemoTokensLeft> left;
    for (std::size_t a = 0; a < accountNames.size(); ++a) {
        if (balances[a] > initial[a])
            left.append(DemoTokensLeft{accountNames[a], balances[a] - initial[a]});
    }
    return left;
}

Status DemoHistory::expireLeftovers(Profile &profile, const QList<DemoTokensLeft> &left)
{
    // A ledger of its own without the profile's access: Kengele's own step, like the demo's contacts.
    TokenLedger ledger(profile.database(), profile.clock());
    for (const DemoTokensLeft &l : left) {
        const Result<TokenTransfer> expired = ledger.expire(l.account, l.tokens, tr("End of the demo's tokens"), {});
        if (!expired)
            return std::unexpected(expired.error());
    }
    return {};
}

} // namespace kengele
