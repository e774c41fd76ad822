// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TestSupport.h"
#include "backup/BackupFile.h"
#include "backup/BackupService.h"
#include "backup/PendingRestore.h"
#include "contacts/ContactService.h"
#include "contacts/GroupService.h"
#include "security/AuditLog.h"
#include "security/StaffAccounts.h"
#include "storage/Database.h"
#include "storage/Schema.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

using namespace kengele;
using namespace Qt::StringLiterals;

// Encrypted backups and restore (architecture.md §7, "Backups"): a backup restored over a wiped
// store gives the same rows in every table; every bad file is refused with its own words before
// anything changes; the sealed file shows no name or number; only an administrator may do either.
class TestBackupService final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void backupWipeRestoreGivesTheSameStore();
    void badBackupsAreRefusedAndChangeNothing_data();
    void badBackupsAreRefusedAndChangeNothing();
    void aBackupOfANewerSchemaInsideIsRefused();
    void anOlderBackupIsBroughtUpToDate();
    void aStoreStillOpenIsNotReplaced();
    void theSealedFileRevealsNoNameOrNumber();
    void onlyAnAdministratorMakesOrRestoresBackups();
    void listShowsTheFolderNewestFirst();

private:
    Profile &profile() { return *m_profile; }
    BackupService service();
    void open();
    void close() { m_profile.reset(); }
    void fill();
    // A backup of the store as it is now, in the test's folder.
    QString makeBackup(const QString &name = QStringLiteral("good.kengele-backup"));
    QString databasePath() const { return m_dir->filePath(QStringLiteral("profile/kengele.sqlite")); }
    QString profileFolder() const { return m_dir->filePath(QStringLiteral("profile")); }

    std::unique_ptr<QTemporaryDir> m_dir;
    test::FixedClock m_clock{QDateTime(QDate(2026, 12, 3), QTime(9, 0), Qt::UTC)};
    std::unique_ptr<Profile> m_profile;
};

namespace {

const QString Passphrase = QStringLiteral("Mlima wa Sayuni saba");
const QStringList KnownNames
    = {QStringLiteral("Wanjiru"), QStringLiteral("Kamau"), QStringLiteral("Achieng"), QStringLiteral("Otieno")};
const QStringList KnownPhones = {QStringLiteral("+254712345678"), QStringLiteral("+254733111222")};

// Every table's rows (sqlite_master), each row as text with its values' types, sorted: what a
// store holds, compared before and after.
QMap<QString, QStringList> dump(const QString &path)
{
    QMap<QString, QStringList> tables;
    const QString name = QUuid::createUuid().toString();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (!db.open())
            qFatal("cannot open %s", qPrintable(path));
        QSqlQuery master(db);
        master.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"));
        QStringList names;
        while (master.next())
            names << master.value(0).toString();
        for (const QString &table : std::as_const(names)) {
            QSqlQuery rows(db);
            if (!rows.exec(QStringLiteral("SELECT * FROM \"%1\"").arg(table)))
                qFatal("cannot read %s", qPrintable(table));
            QStringList lines;
            while (rows.next()) {
                QStringList values;
                for (int i = 0; i < rows.record().count(); ++i) {
                    const QVariant v = rows.value(i);
                    values << (v.isNull() ? u"NULL"_s : QString::fromLatin1(v.typeName()) + u':' + v.toString());
                }
                lines << values.join(u'|');
            }
            lines.sort();
            tables.insert(table, lines);
        }
        QSqlQuery version(db);
        version.exec(QStringLiteral("PRAGMA user_version"));
        version.next();
        tables.insert(QStringLiteral("(user_version)"), {version.value(0).toString()});
    }
    QSqlDatabase::removeDatabase(name);
    return tables;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
}

QStringList folderEntries(const QString &folder)
{
    return QDir(folder).entryList(QDir::Files | QDir::NoDotAndDotDot, QDir::Name);
}

} // namespace

void TestBackupService::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    open();
}

void TestBackupService::cleanup()
{
    close();
    m_dir.reset();
}

void TestBackupService::open()
{
    auto opened = Profile::open(profileFolder(), m_clock);
    QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message));
    m_profile = std::move(*opened);
    m_profile->staff().setCost(Passwords::Cost::TestsOnly);
}

BackupService TestBackupService::service()
{
    BackupService backups(profile().database(), profile().staff(), profile().audit(), m_clock);
    backups.setCost(Passwords::Cost::TestsOnly);
    return backups;
}

void TestBackupService::fill()
{
    QVERIFY(profile().contacts().add({KnownNames.at(0), KnownNames.at(1), KnownPhones.at(0), {}, {}}));
    QVERIFY(profile().contacts().add({KnownNames.at(2), KnownNames.at(3), KnownPhones.at(1), {}, {}}));
    QVERIFY(test::fillContacts(profile(), 600)); // more than one 64 KiB chunk
    QVERIFY(profile().groups().create(QStringLiteral("Kwaya")));
    QVERIFY(profile().audit().record(QStringLiteral("contacts.edit"), QStringLiteral("contact:1"), QStringLiteral("test")));
}

QString TestBackupService::makeBackup(const QString &name)
{
    const QString file = m_dir->filePath(name);
    const Result<BackupCreated> made = service().create(file, Passphrase);
    if (!made)
        qWarning("backup failed: %s", qPrintable(made.error().message));
    return made ? made->file : QString();
}

void TestBackupService::backupWipeRestoreGivesTheSameStore()
{
    fill();
    const QMap<QString, QStringList> before = dump(databasePath());
    QVERIFY(before.value(QStringLiteral("contacts")).size() >= 602);
    const QString backup = makeBackup();
    QVERIFY(!backup.isEmpty());
    QVERIFY(QFileInfo(backup).size() > BackupFile::HeaderBytes + BackupFile::ChunkBytes);
    // The making is in the trail (after the copy was taken), named by the file.
    const auto made = profile().audit().list({QDateTime(), QString(), QStringLiteral("backup.create"), 0});
    QVERIFY(made && made->size() == 1);
    QCOMPARE(made->first().object, QStringLiteral("good.kengele-backup"));
    // No copy of the data left behind in the profile folder.
    QCOMPARE(folderEntries(profileFolder()).filter(QStringLiteral(".backup-")), QStringList());

    // Wipe: the store goes, a new empty one takes its place and gets a contact of its own.
    close();
    for (const char *end : {"", "-wal", "-shm"})
        QFile::remove(databasePath() + QString::fromLatin1(end));
    QFile::remove(m_dir->filePath(QStringLiteral("profile/audit-head")));
    open();
    QVERIFY(profile().contacts().add({QStringLiteral("Baraka"), QString(), QStringLiteral("+254700999888"), {}, {}}));

    m_clock.set(m_clock.nowUtc().addSecs(3600));
    Result<std::unique_ptr<PendingRestore>> pending = service().prepareRestore(backup, Passphrase);
    QVERIFY2(pending, pending ? "" : qPrintable(pending.error().message));
    const QString previous = (*pending)->previousPath();
    close();
    const Result<QString> swapped = (*pending)->swapIn();
    QVERIFY2(swapped, swapped ? "" : qPrintable(swapped.error().message));
    QCOMPARE(*swapped, previous);
    QVERIFY(previous.startsWith(databasePath() + QStringLiteral(".before-restore-")));
    pending->reset();

    QMap<QString, QStringList> after = dump(databasePath());
    // The restore is the one new entry in the trail; everything else is as it was.
    QStringList trail = after.take(QStringLiteral("audit_log"));
    QStringList trailBefore = before.value(QStringLiteral("audit_log"));
    QCOMPARE(trail.size(), trailBefore.size() + 1);
    for (const QString &entry : std::as_const(trailBefore))
        QVERIFY(trail.contains(entry));
    QMap<QString, QStringList> expected = before;
    expected.remove(QStringLiteral("audit_log"));
    // The restore's entry is also queued for the other computers (one change more), and stamped
    // with the next clock.
    QStringList changes = after.take(QStringLiteral("change_log"));
    QStringList changesBefore = expected.take(QStringLiteral("change_log"));
    QCOMPARE(changes.size(), changesBefore.size() + 1);
    for (const QString &change : std::as_const(changesBefore))
        changes.removeOne(change);
    QVERIFY2(changes.size() == 1 && changes.first().contains(QStringLiteral("audit_entry"))
                 && changes.first().contains(QStringLiteral("backup.restore")),
             qPrintable(changes.join(u'\n')));
    for (QMap<QString, QStringList> *tables : {&after, &expected}) {
        QStringList &state = (*tables)[QStringLiteral("sync_state")];
        for (QString &row : state) {
            QStringList fields = row.split(u'|');
            fields.removeAt(1); // the clock (id, hlc, device, …)
            row = fields.join(u'|');
        }
    }
    QCOMPARE(after.keys(), expected.keys());
    for (auto it = expected.cbegin(); it != expected.cend(); ++it)
        QCOMPARE(after.value(it.key()), it.value());

    // The store that was replaced is kept, whole, with the contact it had.
    QVERIFY(dump(previous).value(QStringLiteral("contacts")).join(u'\n').contains(QStringLiteral("Baraka")));
    // Nothing of the restore's work is left in the folder.
    const QStringList left = folderEntries(profileFolder());
    QCOMPARE(left.filter(QStringLiteral("restoring")), QStringList());

    // The profile opens, its trail holds (its head outside the store followed it) and ends with the restore.
    open();
    const Result<AuditCheck> check = profile().audit().verify();
    QVERIFY(check && check->ok);
    const auto restored = profile().audit().list({QDateTime(), QString(), QString(), 1});
    QVERIFY(restored && restored->size() == 1);
    QCOMPARE(restored->first().action, QStringLiteral("backup.restore"));
    QCOMPARE(restored->first().object, QStringLiteral("good.kengele-backup"));
    QVERIFY(!restored->first().summary.contains(Passphrase));
}

void TestBackupService::badBackupsAreRefusedAndChangeNothing_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<qint64>("at"); // where to cut or flip; negative: from the end
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("words");

    const int wrong = int(ErrorCode::SignIn);
    const int damaged = int(ErrorCode::Storage);
    const int notOne = int(ErrorCode::Unsupported);
    const int newer = int(ErrorCode::NewerSchema);
    const qint64 firstChunkEnd = BackupFile::HeaderBytes + BackupFile::ChunkBytes + 17;
    QTest::addRow("wrong passphrase") << u"passphrase"_s << qint64(0) << wrong << u"passphrase does not open"_s;
    QTest::addRow("cut at a chunk boundary") << u"cut"_s << firstChunkEnd << damaged << u"cut short"_s;
    QTest::addRow("cut at the second chunk boundary")
        << u"cut"_s << firstChunkEnd + BackupFile::ChunkBytes + 17 << damaged << u"cut short"_s;
    QTest::addRow("cut inside a chunk") << u"cut"_s << firstChunkEnd + 1000 << damaged << u"cut short"_s;
    QTest::addRow("cut after the header") << u"cut"_s << qint64(BackupFile::HeaderBytes) << damaged << u"cut short"_s;
    QTest::addRow("cut inside the header") << u"cut"_s << qint64(40) << damaged << u"cut short"_s;
    QTest::addRow("last byte missing") << u"cut"_s << qint64(-1) << damaged << u"cut short"_s;
    QTest::addRow("a byte added") << u"append"_s << qint64(0) << damaged << u"damaged or was changed"_s;
    QTest::addRow("header byte flipped (time)") << u"flip"_s << qint64(20) << damaged << u"damaged or was changed"_s;
    QTest::addRow("header byte flipped (stream)")
        << u"flip"_s << qint64(BackupFile::HeaderBytes - 3) << damaged << u"damaged or was changed"_s;
    // The salt or the key check changed: the key made from the passphrase no longer fits.
    QTest::addRow("header byte flipped (salt)") << u"flip"_s << qint64(50) << wrong << u"passphrase does not open"_s;
    QTest::addRow("body byte flipped (first chunk)")
        << u"flip"_s << qint64(BackupFile::HeaderBytes + 5) << damaged << u"damaged or was changed"_s;
    QTest::addRow("body byte flipped (middle)") << u"flip"_s << firstChunkEnd + 300 << damaged << u"damaged or was changed"_s;
    QTest::addRow("body byte flipped (last)") << u"flip"_s << qint64(-1) << damaged << u"damaged or was changed"_s;
    QTest::addRow("random file") << u"random"_s << qint64(0) << notOne << u"not a Kengele backup"_s;
    QTest::addRow("empty file") << u"empty"_s << qint64(0) << notOne << u"not a Kengele backup"_s;
    QTest::addRow("a plain store") << u"sqlite"_s << qint64(0) << notOne << u"not a Kengele backup"_s;
    QTest::addRow("newer schema in the header") << u"newer"_s << qint64(0) << newer << u"newer version of Kengele"_s;
    QTest::addRow("newer format") << u"newer-format"_s << qint64(0) << newer << u"newer version of Kengele"_s;
}

void TestBackupService::badBackupsAreRefusedAndChangeNothing()
{
    QFETCH(QString, kind);
    QFETCH(qint64, at);
    QFETCH(int, code);
    QFETCH(QString, words);

    fill();
    const QString good = makeBackup();
    QVERIFY(!good.isEmpty());
    QByteArray bytes = readAll(good);
    QVERIFY(bytes.size() > BackupFile::HeaderBytes + 2 * (BackupFile::ChunkBytes + 17)); // three chunks or more
    const qint64 where = at < 0 ? bytes.size() + at : at;
    QString passphrase = Passphrase;
    if (kind == u"passphrase"_s) {
        passphrase = QStringLiteral("Mlima wa Sayuni sita");
    } else if (kind == u"cut"_s) {
        bytes.truncate(where);
    } else if (kind == u"append"_s) {
        bytes.append('\0');
    } else if (kind == u"flip"_s) {
        bytes[where] = char(bytes.at(where) ^ 0x01);
    } else if (kind == u"random"_s) {
        bytes.resize(5000);
        QRandomGenerator generator(42);
        for (char &c : bytes)
            c = char(generator.bounded(256));
    } else if (kind == u"empty"_s) {
        bytes.clear();
    } else if (kind == u"sqlite"_s) {
        bytes = readAll(databasePath());
        QVERIFY(bytes.startsWith("SQLite format 3"));
    } else if (kind == u"newer"_s) {
        bytes[15] = char(schema::CurrentVersion + 1); // schema version, big-endian u32 at 12
    } else if (kind == u"newer-format"_s) {
        bytes[9] = char(BackupFile::FormatVersion + 1); // format, big-endian u16 at 8
    }
    const QString bad = m_dir->filePath(QStringLiteral("bad.kengele-backup"));
    writeAll(bad, bytes);

    const QMap<QString, QStringList> before = dump(databasePath());
    const QStringList filesBefore = folderEntries(profileFolder());
    Result<std::unique_ptr<PendingRestore>> pending = service().prepareRestore(bad, passphrase);
    QVERIFY(!pending);
    QCOMPARE(int(pending.error().code), code);
    QVERIFY2(pending.error().message.contains(words), qPrintable(pending.error().message));
    QVERIFY(pending.error().message.contains(QStringLiteral("Nothing was restored")));
    QCOMPARE(dump(databasePath()), before);
    QCOMPARE(folderEntries(profileFolder()), filesBefore);
}

void TestBackupService::aBackupOfANewerSchemaInsideIsRefused()
{
    // A store from a newer Kengele, sealed with a header that claims this version: opened, then refused.
    const QString plainPath = m_dir->filePath(QStringLiteral("newer.sqlite"));
    {
        const QString name = QStringLiteral("newer");
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(plainPath);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE t(x)")));
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = %1").arg(schema::CurrentVersion + 5)));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("newer"));
    QFile plain(plainPath);
    QVERIFY(plain.open(QIODevice::ReadOnly));
    const QString sealedPath = m_dir->filePath(QStringLiteral("newer.kengele-backup"));
    QFile sealed(sealedPath);
    QVERIFY(sealed.open(QIODevice::WriteOnly));
    QVERIFY(BackupFile::seal(plain, sealed, Passphrase, schema::CurrentVersion, m_clock.nowUtc(), Passwords::Cost::TestsOnly));
    sealed.close();
    const QMap<QString, QStringList> before = dump(databasePath());
    const QStringList filesBefore = folderEntries(profileFolder());
    Result<std::unique_ptr<PendingRestore>> pending = service().prepareRestore(sealedPath, Passphrase);
    QVERIFY(!pending);
    QCOMPARE(pending.error().code, ErrorCode::NewerSchema);
    QCOMPARE(dump(databasePath()), before);
    QCOMPARE(folderEntries(profileFolder()), filesBefore);
}

void TestBackupService::anOlderBackupIsBroughtUpToDate()
{
    // tests/data/fixtures/kengele-v4.sqlite, sealed as a backup made by that Kengele.
    QFile plain(QDir(qEnvironmentVariable("KENGELE_TEST_DATA")).filePath(QStringLiteral("fixtures/kengele-v4.sqlite")));
    QVERIFY(plain.open(QIODevice::ReadOnly));
    const QString sealedPath = m_dir->filePath(QStringLiteral("v4.kengele-backup"));
    QFile sealed(sealedPath);
    QVERIFY(sealed.open(QIODevice::WriteOnly));
    QVERIFY(BackupFile::seal(plain, sealed, Passphrase, 4, m_clock.nowUtc(), Passwords::Cost::TestsOnly));
    sealed.close();
    Result<std::unique_ptr<PendingRestore>> pending = service().prepareRestore(sealedPath, Passphrase);
    QVERIFY2(pending, pending ? "" : qPrintable(pending.error().message));
    close();
    QVERIFY((*pending)->swapIn());
    open();
    QCOMPARE(profile().database().schemaVersion(), schema::CurrentVersion);
    QVERIFY(dump(databasePath()).value(QStringLiteral("contacts")).size() > 0);
}

void TestBackupService::aStoreStillOpenIsNotReplaced()
{
    fill();
    const QString good = makeBackup();
    QVERIFY(profile().contacts().add({QStringLiteral("Baraka"), QString(), QStringLiteral("+254700999888"), {}, {}}));
    Result<std::unique_ptr<PendingRestore>> pending = service().prepareRestore(good, Passphrase);
    QVERIFY(pending);
    // The profile is still open (as another Kengele window would hold it): refused, nothing changed.
    const Result<QString> refused = (*pending)->swapIn();
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::Conflict);
    QVERIFY2(refused.error().message.contains(QStringLiteral("still open")), qPrintable(refused.error().message));
    QVERIFY(!QFileInfo::exists((*pending)->previousPath()));
    QVERIFY(dump(databasePath()).value(QStringLiteral("contacts")).join(u'\n').contains(QStringLiteral("Baraka")));
    // Once it is closed, the same restore goes through.
    close();
    QVERIFY((*pending)->swapIn());
    QVERIFY(!dump(databasePath()).value(QStringLiteral("contacts")).join(u'\n').contains(QStringLiteral("Baraka")));
}

void TestBackupService::theSealedFileRevealsNoNameOrNumber()
{
    fill();
    // The test can fail: the store itself holds them.
    close();
    const QByteArray store = readAll(databasePath());
    open();
    for (const QString &known : KnownNames + KnownPhones)
        QVERIFY2(store.contains(known.toUtf8()), qPrintable(known));
    const QByteArray sealed = readAll(makeBackup());
    QVERIFY(!sealed.isEmpty());
    for (const QString &known : KnownNames + KnownPhones + QStringList{QStringLiteral("Member 0000"), QStringLiteral("2547")}) {
        QVERIFY2(!sealed.contains(known.toUtf8()), qPrintable(known));
        QVERIFY2(!sealed.contains(QByteArray(reinterpret_cast<const char *>(known.utf16()), known.size() * 2)),
                 qPrintable(known));
    }
    QVERIFY(!sealed.contains("SQLite format"));
    QVERIFY(!sealed.contains("CREATE TABLE"));
    QVERIFY(!sealed.contains(Passphrase.toUtf8()));
}

void TestBackupService::onlyAnAdministratorMakesOrRestoresBackups()
{
    fill();
    const QString good = makeBackup();
    QVERIFY(!good.isEmpty());
    StaffAccounts &staff = profile().staff();
    QVERIFY(staff.requireSignIn(u"mary"_s, u"Mary Wanjiku"_s, u"Mlima wa Sayuni 7"_s));
    QVERIFY(staff.add(u"john"_s, u"John Otieno"_s, Role::Staff, u"kwaya ya vijana 2026"_s));
    QVERIFY(staff.signIn(u"john"_s, u"kwaya ya vijana 2026"_s));
    const QMap<QString, QStringList> before = dump(databasePath());
    const QString refusedFile = m_dir->filePath(u"john.kengele-backup"_s);
    const Result<BackupCreated> made = service().create(refusedFile, Passphrase);
    QVERIFY(!made);
    QCOMPARE(made.error().code, ErrorCode::Forbidden);
    QVERIFY(!QFileInfo::exists(refusedFile));
    const auto restore = service().prepareRestore(good, Passphrase);
    QVERIFY(!restore);
    QCOMPARE(restore.error().code, ErrorCode::Forbidden);
    QCOMPARE(dump(databasePath()), before);
    // The daily schedule an administrator turned on still runs while someone else is signed in.
    QVERIFY(service().create(m_dir->filePath(u"auto.kengele-backup"_s), Passphrase, BackupService::Trigger::Schedule));
    staff.lock();
    QCOMPARE(service().create(refusedFile, Passphrase).error().code, ErrorCode::SignIn);
    QVERIFY(staff.signIn(u"mary"_s, u"Mlima wa Sayuni 7"_s));
    QVERIFY(service().create(refusedFile, Passphrase));
    const auto entries = profile().audit().list({QDateTime(), QString(), QStringLiteral("backup"), 0});
    QVERIFY(entries);
    QCOMPARE(entries->size(), 3);
    QCOMPARE(entries->first().user, u"mary"_s);
}

void TestBackupService::listShowsTheFolderNewestFirst()
{
    const QString folder = m_dir->filePath(u"backups"_s);
    QVERIFY(service().create(QDir(folder).filePath(BackupService::fileNameFor(m_clock.nowUtc())), Passphrase));
    m_clock.set(m_clock.nowUtc().addDays(1));
    QVERIFY(service().create(QDir(folder).filePath(BackupService::fileNameFor(m_clock.nowUtc())), Passphrase));
    writeAll(QDir(folder).filePath(u"notes.kengele-backup"_s), "not a backup");
    const QList<BackupListEntry> entries = BackupService::list(folder);
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.at(0).time, m_clock.nowUtc());
    QCOMPARE(entries.at(1).time, m_clock.nowUtc().addDays(-1));
    QCOMPARE(entries.at(0).bytes, QFileInfo(entries.at(0).file).size());
    // A file that exists is never overwritten.
    const auto again = service().create(entries.at(0).file, Passphrase);
    QVERIFY(!again);
    QCOMPARE(again.error().code, ErrorCode::Conflict);
}

QTEST_GUILESS_MAIN(TestBackupService)
#include "TestBackupService.moc"
