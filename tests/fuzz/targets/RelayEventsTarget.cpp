// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "FuzzTargets.h"
#include "common/Clock.h"
#include "contacts/ContactService.h"
#include "contacts/PhoneNormalizer.h"
#include "storage/Database.h"
#include "sync/RelayClient.h"
#include "sync/RelayEventApplier.h"
#include "sync/RelayLinkStore.h"
#include "tokens/TokenLedger.h"
#include "tokens/Voucher.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <sodium.h>
#include <sqlite3.h>

#include <memory>

namespace kengele::fuzz {

namespace {

const QString Org = QStringLiteral("org_fuzz");

// The relay's voucher key, from a fixed seed so that the seed corpus's vouchers stay valid.
Voucher::KeyPair voucherKeys()
{
    Voucher::KeyPair keys;
    require(sodium_init() >= 0, "libsodium starts");
    unsigned char seed[crypto_sign_SEEDBYTES];
    for (std::size_t i = 0; i < sizeof seed; ++i)
        seed[i] = static_cast<unsigned char>(i * 7 + 1);
    keys.publicKey.resize(crypto_sign_PUBLICKEYBYTES);
    keys.secretKey.resize(crypto_sign_SECRETKEYBYTES);
    crypto_sign_seed_keypair(reinterpret_cast<unsigned char *>(keys.publicKey.data()),
                             reinterpret_cast<unsigned char *>(keys.secretKey.data()), seed);
    return keys;
}

class FixedClock final : public Clock
{
public:
    QDateTime nowUtc() const override { return QDateTime(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC); }
};

sqlite3 *handleOf(const QSqlDatabase &db)
{
    const QVariant handle = db.driver()->handle();
    require(handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0, "the profile database is SQLite");
    return *static_cast<sqlite3 *const *>(handle.data());
}

// Copies the whole of `from` into `to` (SQLite's online backup).
void copyDatabase(sqlite3 *from, sqlite3 *to)
{
    sqlite3_backup *backup = sqlite3_backup_init(to, "main", from, "main");
    require(backup != nullptr, "a database copy starts");
    const int stepped = sqlite3_backup_step(backup, -1);
    require(sqlite3_backup_finish(backup) == SQLITE_OK && stepped == SQLITE_DONE, "a database copy completes");
}

// A profile database made by the real migrations, enrolled with the relay (voucher key pinned),
// with a contact and a sent message for delivery reports to find; and a copy of its first state
// that is put back after every input that changed something.
struct World {
    QTemporaryDir dir;
    FixedClock clock;
    PhoneNormalizer phones{QStringLiteral("KE")};
    std::shared_ptr<Database> database;
    std::unique_ptr<ContactService> contacts;
    std::unique_ptr<TokenLedger> ledger;
    std::unique_ptr<RelayEventApplier> applier;
    sqlite3 *pristine = nullptr;
    sqlite3 *live = nullptr;
    sqlite3_int64 changesAtRest = 0;

    World()
    {
        require(dir.isValid(), "a temporary folder");
        auto opened = Database::open(dir.filePath(QStringLiteral("kengele.sqlite")));
        require(opened.has_value(), "the profile database opens with its migrations");
        database = std::move(*opened);
        contacts = std::make_unique<ContactService>(*database, phones, clock);
        ledger = std::make_unique<TokenLedger>(*database, clock);
        applier = std::make_unique<RelayEventApplier>(*database, *contacts, *ledger, clock);
        RelayLinkStore links(*database, clock);
        require(links
                    .saveEnrolment(RelayEnrolment{QStringLiteral("dev_fuzz"), QStringLiteral("token"), Org,
                                                  QStringLiteral("Fuzz Parish"), voucherKeys().publicKey})
                    .has_value(),
                "the enrolment is saved");
        ContactInput mary;
        mary.firstName = QStringLiteral("Mary");
        mary.lastName = QStringLiteral("Wanjiku");
        mary.phone = QStringLiteral("0712 345 678");
        require(contacts->add(mary).has_value(), "a contact is added");
        QSqlQuery q(database->connection());
        require(q.exec(QStringLiteral("INSERT INTO campaigns(id, name, body, status, gateway, created_at) "
                                      "VALUES (1, 'Service', 'See you Sunday', 'sending', 'simulator', 0)")),
                "a campaign is added");
        require(q.exec(QStringLiteral("INSERT INTO outbox(campaign_id, phone, text, segments, state, due_at, message_id, "
                                      "updated_at) VALUES (1, '+254712345678', 'See you Sunday', 1, 'sent', 0, 'ATXid_1', 0)")),
                "a sent message is added");
        q.finish();
        live = handleOf(database->connection());
        require(sqlite3_open(":memory:", &pristine) == SQLITE_OK, "an in-memory copy opens");
        copyDatabase(live, pristine);
        changesAtRest = sqlite3_total_changes64(live);
    }

    ~World() { sqlite3_close(pristine); }
    World(const World &) = delete;
    World &operator=(const World &) = delete;

    // Puts the first state back when the input changed anything.
    void restore()
    {
        if (sqlite3_total_changes64(live) == changesAtRest)
            return;
        copyDatabase(pristine, live);
        changesAtRest = sqlite3_total_changes64(live);
    }

    qint64 cursor() const
    {
        QSqlQuery q(database->connection());
        require(q.exec(QStringLiteral("SELECT cursor FROM relay_link WHERE id = 1")) && q.next(), "the cursor can be read");
        return q.value(0).toLongLong();
    }
};

World &world()
{
    static World w; // made by the first input, removed when the process ends
    return w;
}

} // namespace

void relayEvents(QByteArrayView bytes)
{
    World &w = world();
    const std::optional<RelayEventBatch> batch = RelayClient::parseEventBatch(bytes.toByteArray(), 0);
    if (!batch)
        return;
    qint64 last = 0;
    for (const RelayEvent &event : batch->events) {
        require(event.seq > last && !event.kind.isEmpty(), "a parsed batch is in order and every event has a kind");
        last = event.seq;
    }
    require(batch->next == last, "a batch's cursor is its last event");

    // Whatever the relay sends in a readable batch is applied: an event the store refused would stop
    // the feed for good, since the cursor only moves with it.
    const Result<RelayApplyReport> report = w.applier->apply(Org, batch->events, batch->next);
    if (!report)
        std::fprintf(stderr, "apply refused the batch: %s\n", qPrintable(report.error().message));
    require(report.has_value(), "a readable batch is applied");
    require(report->events == batch->events.size(), "the report counts the batch");
    require(report->applied() >= 0 && report->cursor == batch->next, "the report's cursor is the batch's");
    require(w.cursor() == batch->next, "the stored cursor moved to the batch's end");

    // The same batch again (the answer came twice): every event was applied once already.
    const Result<RelayApplyReport> again = w.applier->apply(Org, batch->events, batch->next);
    require(again.has_value(), "a batch applied twice is applied");
    require(again->duplicates == again->events && again->messagesChanged == 0 && again->credited.isEmpty(),
            "a batch applied twice changes nothing the second time");
    w.restore();
}

bool writeRelayEventSeeds(const QString &dir)
{
    const Voucher::KeyPair keys = voucherKeys();
    Voucher voucher;
    voucher.id = QStringLiteral("vch_fuzz1");
    voucher.org = Org;
    voucher.plan = QStringLiteral("starter");
    voucher.account = QStringLiteral("Main");
    voucher.tokens = 500;
    voucher.validityDays = 90;
    voucher.amountKes = 1000;
    voucher.purchase = QStringLiteral("pur_fuzz1");
    voucher.receipt = QStringLiteral("QK12345678");
    voucher.issued = QDateTime(QDate(2026, 2, 27), QTime(10, 0), Qt::UTC);
    const auto event = [](qint64 seq, const QString &kind, const QJsonObject &data) {
        return QJsonObject{
            {QStringLiteral("seq"), seq},
            {QStringLiteral("kind"), kind},
            {QStringLiteral("received"), QStringLiteral("2026-03-01T08:00:%1.000Z").arg(seq % 60, 2, 10, QChar(u'0'))},
            {QStringLiteral("data"), data}};
    };
    const QJsonObject paid{{QStringLiteral("purchase"), QStringLiteral("pur_fuzz1")},
                           {QStringLiteral("state"), QStringLiteral("paid")},
                           {QStringLiteral("plan"), QStringLiteral("starter")},
                           {QStringLiteral("account"), QStringLiteral("Main")},
                           {QStringLiteral("tokens"), 500},
                           {QStringLiteral("validity_days"), 90},
                           {QStringLiteral("amount_kes"), 1000},
                           {QStringLiteral("phone"), QStringLiteral("+254712345678")},
                           {QStringLiteral("receipt"), QStringLiteral("QK12345678")},
                           {QStringLiteral("voucher"), QStringLiteral("vch_fuzz1")},
                           {QStringLiteral("requested"), QStringLiteral("2026-02-27T09:59:00.000Z")}};
    const QList<std::pair<QString, QJsonArray>> seeds = {
        {QStringLiteral("voucher_and_purchase"),
         QJsonArray{event(1, QStringLiteral("voucher"), voucher.signedEventData(keys.secretKey)),
                    event(2, QStringLiteral("purchase"), paid)}},
        {QStringLiteral("purchase_first"),
         QJsonArray{event(3, QStringLiteral("purchase"), paid),
                    event(4, QStringLiteral("voucher"), voucher.signedEventData(keys.secretKey))}},
    };
    for (const auto &[name, events] : seeds) {
        QFile file(QDir(dir).filePath(name));
        const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("events"), events}, {QStringLiteral("more"), false}})
                                    .toJson(QJsonDocument::Compact);
        if (!file.open(QIODevice::WriteOnly) || file.write(body) != body.size())
            return false;
    }
    return true;
}

} // namespace kengele::fuzz
