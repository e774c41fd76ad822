// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "FakeSecretStore.h"
#include "TestSupport.h"
#include "contacts/ContactService.h"
#include "contacts/PastoralNotes.h"
#include "importexport/ContactExporter.h"
#include "security/AuditLog.h"
#include "security/DataKey.h"
#include "security/Passwords.h"
#include "security/StaffAccounts.h"
#include "storage/Database.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QtTest>

#include <optional>

using namespace kengele;
using namespace Qt::StringLiterals;

// Confidential pastoral notes (docs/architecture.md §7): sealed with the profile's data key from the
// keychain before they reach the file, opened only for a pastor or an administrator, every opening
// in the audit trail, and never in an export.
class TestPastoralNotes final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void dataKeyIsMadeOnceAndKeptInTheKeychain();
    void desktopFormGivesTheSameKeyWithoutBlocking();
    void sealedValuesOpenOnlyWithTheirKeyAndPlace();
    void notesAreSealedInTheFile();
    void onlyPastorsAndAdministratorsOpenThem();
    void everyOpeningIsRecordedWithoutTheText();
    void searchFindsAndDeleteRemoves();
    void exportNeverCarriesThem();
    void withoutTheKeychainNothingIsWritten();

private:
    QByteArray fileBytes();

    std::unique_ptr<test::TempProfile> m_profile;
    test::FakeSecretStore m_secrets;
    qint64 m_asha = 0;
    qint64 m_baraka = 0;
};

namespace {
const QString Secret = u"Struggling with drink; visit weekly"_s;
const QString AdminPassword = u"Mlima wa Sayuni 7"_s;
const QString OtherPassword = u"kwaya ya vijana 2026"_s;
} // namespace

void TestPastoralNotes::init()
{
    m_secrets.values.clear();
    m_profile = std::make_unique<test::TempProfile>();
    Profile &p = m_profile->profile();
    p.staff().setCost(Passwords::Cost::TestsOnly);
    p.pastoral().setKeySource([this] { return DataKey::loadOrCreate(m_secrets); });
    const auto asha = p.contacts().add({u"Asha"_s, u"Njeri"_s, u"+254712000001"_s, {}, {}});
    const auto baraka = p.contacts().add({u"Baraka"_s, u"Otieno"_s, u"+254712000002"_s, {}, {}});
    QVERIFY(asha && baraka);
    m_asha = asha->id;
    m_baraka = baraka->id;
}

void TestPastoralNotes::cleanup()
{
    m_profile.reset();
}

QByteArray TestPastoralNotes::fileBytes()
{
    QByteArray all;
    for (const QString &suffix : {QString(), u"-wal"_s}) {
        QFile file(m_profile->profile().databasePath() + suffix);
        if (file.open(QIODevice::ReadOnly))
            all += file.readAll();
    }
    return all;
}

void TestPastoralNotes::dataKeyIsMadeOnceAndKeptInTheKeychain()
{
    const auto first = DataKey::loadOrCreate(m_secrets);
    QVERIFY(first);
    QCOMPARE(first->size(), DataKey::KeyBytes);
    const auto again = DataKey::loadOrCreate(m_secrets);
    QVERIFY(again);
    QCOMPARE(*again, *first);
    const auto stored = m_secrets.readNow(QString::fromLatin1(DataKey::SecretName));
    QVERIFY(stored);
    QCOMPARE(QByteArray::fromBase64(stored->toLatin1()), *first);
    // Nothing of it in the profile's files.
    QVERIFY(m_profile->profile().pastoral().write(m_asha, Secret));
    QVERIFY(!fileBytes().contains(first->toBase64()));
    QVERIFY(!fileBytes().contains(*first));
}

// The desktop app asks without blocking (DataKey::loadOrCreate with a callback): the first answer
// makes and saves the key, a later one reads the same key, and a keychain that cannot save gives an
// error rather than a key that would be lost.
void TestPastoralNotes::desktopFormGivesTheSameKeyWithoutBlocking()
{
    auto ask = [this]() -> Result<QByteArray> {
        std::optional<Result<QByteArray>> answer;
        DataKey::loadOrCreate(m_secrets, [&answer](Result<QByteArray> key) { answer = std::move(key); });
        if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, 10000))
            return fail(ErrorCode::Keychain, u"no answer"_s);
        return *answer;
    };
    const Result<QByteArray> first = ask();
    QVERIFY(first);
    QCOMPARE(first->size(), DataKey::KeyBytes);
    const Result<QByteArray> again = ask();
    QVERIFY(again);
    QCOMPARE(*again, *first);
    QCOMPARE(DataKey::loadOrCreate(m_secrets).value(), *first);

    m_secrets.values.clear();
    m_secrets.refuseWrite = [](const QString &) {
        return true;
    };
    const Result<QByteArray> refused = ask();
    m_secrets.refuseWrite = nullptr;
    QVERIFY(!refused);
    QVERIFY(m_secrets.values.isEmpty());
}

void TestPastoralNotes::sealedValuesOpenOnlyWithTheirKeyAndPlace()
{
    const QByteArray key(32, 'a');
    const auto sealed = DataKey::seal(key, Secret.toUtf8(), "contact:1:pastoral");
    QVERIFY(sealed);
    QVERIFY(!sealed->contains("drink"));
    QCOMPARE(DataKey::open(key, *sealed, "contact:1:pastoral").value(), Secret.toUtf8());
    QVERIFY(!DataKey::open(QByteArray(32, 'b'), *sealed, "contact:1:pastoral"));
    QVERIFY(!DataKey::open(key, *sealed, "contact:2:pastoral"));
    QByteArray flipped = *sealed;
    flipped[flipped.size() / 2] = char(flipped.at(flipped.size() / 2) ^ 0x01);
    QVERIFY(!DataKey::open(key, flipped, "contact:1:pastoral"));
    QVERIFY(!DataKey::open(key, sealed->left(20), "contact:1:pastoral"));
    // The same text sealed twice differs (a fresh nonce each time).
    QVERIFY(*DataKey::seal(key, Secret.toUtf8(), "contact:1:pastoral") != *sealed);
}

void TestPastoralNotes::notesAreSealedInTheFile()
{
    PastoralNotes &notes = m_profile->profile().pastoral();
    QVERIFY(notes.write(m_asha, Secret));
    QCOMPARE(notes.read(m_asha).value(), Secret);
    QCOMPARE(notes.read(m_baraka).value(), QString());
    QVERIFY(notes.has(m_asha).value());
    QVERIFY(!notes.has(m_baraka).value());
    QVERIFY(!fileBytes().contains("drink"));
    QVERIFY(!fileBytes().contains("Struggling"));
    // A sealed note copied onto another member does not open there.
    QSqlQuery q(m_profile->profile().database().connection());
    QVERIFY(q.exec(u"INSERT INTO pastoral_notes(contact_id, sealed, updated_at) "
                   "SELECT %1, sealed, updated_at FROM pastoral_notes WHERE contact_id = %2"_s.arg(m_baraka)
                       .arg(m_asha)));
    const auto moved = notes.read(m_baraka);
    QVERIFY(!moved);
    QVERIFY2(moved.error().message.contains(u"could not be opened"_s), qPrintable(moved.error().message));
    // Clearing removes the row.
    QVERIFY(notes.write(m_asha, u"  "_s));
    QVERIFY(!notes.has(m_asha).value());
}

void TestPastoralNotes::onlyPastorsAndAdministratorsOpenThem()
{
    Profile &p = m_profile->profile();
    QVERIFY(p.pastoral().write(m_asha, Secret));
    QVERIFY(p.staff().requireSignIn(u"mary"_s, u"Mary"_s, AdminPassword));
    QVERIFY(p.staff().add(u"john"_s, u"John"_s, Role::Staff, OtherPassword));
    QVERIFY(p.staff().add(u"peter"_s, u"Pastor Peter"_s, Role::Pastor, OtherPassword));
    p.staff().lock();
    QVERIFY(p.staff().signIn(u"john"_s, OtherPassword));
    const auto refused = p.pastoral().read(m_asha);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::Forbidden);
    QCOMPARE(p.pastoral().write(m_asha, u"x"_s).error().code, ErrorCode::Forbidden);
    QCOMPARE(p.pastoral().search(u"drink"_s).error().code, ErrorCode::Forbidden);
    QCOMPARE(p.pastoral().has(m_asha).error().code, ErrorCode::Forbidden);
    QCOMPARE(p.pastoral().mayOpen().error().code, ErrorCode::Forbidden);
    p.staff().lock();
    QCOMPARE(p.pastoral().mayOpen().error().code, ErrorCode::SignIn);
    QVERIFY(p.staff().signIn(u"peter"_s, OtherPassword));
    QVERIFY(p.pastoral().mayOpen());
    QCOMPARE(p.pastoral().read(m_asha).value(), Secret);
}

void TestPastoralNotes::everyOpeningIsRecordedWithoutTheText()
{
    Profile &p = m_profile->profile();
    QVERIFY(p.pastoral().write(m_asha, Secret));
    QVERIFY(p.pastoral().read(m_asha));
    QVERIFY(p.pastoral().read(m_asha));
    QVERIFY(p.pastoral().search(u"drink"_s));
    const auto entries = p.audit().list({{}, {}, u"pastoral"_s, 0});
    QVERIFY(entries);
    QStringList actions;
    for (const AuditEntry &e : *entries) {
        actions.prepend(e.action + u' ' + e.object);
        QVERIFY2(!e.summary.contains(u"drink"_s, Qt::CaseInsensitive), qPrintable(e.summary));
    }
    QCOMPARE(actions,
             (QStringList{u"pastoral.edit contact:%1"_s.arg(m_asha), u"pastoral.read contact:%1"_s.arg(m_asha),
                          u"pastoral.read contact:%1"_s.arg(m_asha), u"pastoral.search contacts"_s}));
    QVERIFY(p.audit().verify().value().ok);
}

void TestPastoralNotes::searchFindsAndDeleteRemoves()
{
    Profile &p = m_profile->profile();
    QVERIFY(p.pastoral().write(m_asha, Secret));
    QVERIFY(p.pastoral().write(m_baraka, u"New believer, baptism class in March"_s));
    QCOMPARE(p.pastoral().search(u"DRINK"_s).value(), QList<qint64>{m_asha});
    QCOMPARE(p.pastoral().search(u"baptism"_s).value(), QList<qint64>{m_baraka});
    QCOMPARE(p.pastoral().search(u"choir"_s).value(), QList<qint64>());
    QVERIFY(p.contacts().remove({m_asha}));
    QSqlQuery q(p.database().connection());
    QVERIFY(q.exec(u"SELECT count(*) FROM pastoral_notes"_s) && q.next());
    QCOMPARE(q.value(0).toInt(), 1);
}

void TestPastoralNotes::exportNeverCarriesThem()
{
    Profile &p = m_profile->profile();
    QVERIFY(p.pastoral().write(m_asha, Secret));
    QTemporaryDir dir;
    const QString path = dir.filePath(u"members.csv"_s);
    QCOMPARE(p.exporter().exportCsv(path).value(), 2);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray csv = file.readAll();
    QVERIFY(csv.contains("Asha"));
    QVERIFY(!csv.contains("drink"));
}

void TestPastoralNotes::withoutTheKeychainNothingIsWritten()
{
    Profile &p = m_profile->profile();
    p.pastoral().setKeySource({});
    // A fresh PastoralNotes has no key cached yet; this profile's has none either (nothing read).
    const Status written = p.pastoral().write(m_asha, Secret);
    QVERIFY(!written);
    QCOMPARE(written.error().code, ErrorCode::Keychain);
    QVERIFY(!p.pastoral().has(m_asha).value());
    p.pastoral().setKeySource([] { return Result<QByteArray>(fail(ErrorCode::Keychain, u"locked"_s)); });
    QCOMPARE(p.pastoral().write(m_asha, Secret).error().code, ErrorCode::Keychain);
}

QTEST_GUILESS_MAIN(TestPastoralNotes)
#include "TestPastoralNotes.moc"
