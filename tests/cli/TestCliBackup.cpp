// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CliCall.h"
#include "CliRunner.h"
#include "FakeSecretStore.h"
#include "TestSupport.h"
#include "common/Language.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace kengele;
using namespace Qt::StringLiterals;

// kengele-cli backup create|restore|list|folder (docs/cli.md, "Backups"): a round trip, refusals
// with exit 1 and the reason on stderr, and only an administrator once sign-in is required. The
// backup keys are made cheaply (setBackupCost); sign-in passwords are real (about a second each).
class TestCliBackup final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void createListRestore();
    void refusalsSayWhy();
    void onlyAnAdministratorOnceSignInIsRequired();

private:
    using Outcome = test::CliOutcome;
    // kengele-cli with these arguments ("a|b|c") and this standard input, on this test's profile.
    Outcome cli(const QString &line, const QByteArray &input = {});
    QString path(const QString &name) const { return m_dir->filePath(name); }

    std::unique_ptr<QTemporaryDir> m_dir;
    test::FixedClock m_clock{QDateTime(QDate(2026, 12, 3), QTime(9, 0), Qt::UTC)};
    test::FakeSecretStore m_secrets;
};

namespace {
const QByteArray Passphrase = "Mlima wa Sayuni saba";
const QByteArray Mary = "Mlima wa Sayuni 7";
const QByteArray John = "kwaya ya vijana 2026";
} // namespace

void TestCliBackup::init()
{
    Language::install(QStringLiteral("en"));
    m_dir = std::make_unique<QTemporaryDir>();
    qunsetenv("KENGELE_PASSWORD");
    qputenv("KENGELE_BACKUP_PASSPHRASE", Passphrase);
    // Never the real Documents folder.
    QCOMPARE(cli(u"backup|folder|"_s + path(u"backups"_s)).code, 0);
}

void TestCliBackup::cleanup()
{
    qunsetenv("KENGELE_PASSWORD");
    qunsetenv("KENGELE_BACKUP_PASSPHRASE");
}

TestCliBackup::Outcome TestCliBackup::cli(const QString &line, const QByteArray &input)
{
    return test::runCli(m_dir->filePath(QStringLiteral("profile")), test::cliLine(line), m_clock, m_secrets, input,
                        [](CliRunner &runner) { runner.setBackupCost(Passwords::Cost::TestsOnly); });
}

void TestCliBackup::createListRestore()
{
    QCOMPARE(cli(u"contacts|add|+254712345678|--name|Wanjiru Kamau"_s).code, 0);
    Outcome o = cli(u"--json|backup|create|--to|"_s + path(u"usb/sunday.kengele-backup"_s));
    QCOMPARE(o.code, 0);
    const QJsonObject made = o.json().object();
    QCOMPARE(made.value(u"file"_s).toString(), path(u"usb/sunday.kengele-backup"_s));
    QCOMPARE(qint64(made.value(u"bytes"_s).toDouble()), QFileInfo(path(u"usb/sunday.kengele-backup"_s)).size());

    // Into the folder, from standard input this time.
    qunsetenv("KENGELE_BACKUP_PASSPHRASE");
    o = cli(u"--json|backup|create"_s, Passphrase + '\n');
    QCOMPARE(o.code, 0);
    const QString inFolder = o.json().object().value(u"file"_s).toString();
    QCOMPARE(QFileInfo(inFolder).absolutePath(), path(u"backups"_s));
    QVERIFY(QFileInfo(inFolder).fileName().startsWith(u"kengele-20261203-"_s));
    o = cli(u"--json|backup|list"_s);
    QCOMPARE(o.code, 0);
    const QJsonArray listed = o.json().array();
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed.at(0).toObject().value(u"file"_s).toString(), inFolder);
    QCOMPARE(listed.at(0).toObject().value(u"time"_s).toString(), u"2026-12-03T09:00:00.000Z"_s);
    QVERIFY(listed.at(0).toObject().value(u"bytes"_s).toDouble() > 0);

    // Changed after the backup, then restored: the change is gone, the data before kept aside.
    QCOMPARE(cli(u"contacts|add|+254700999888|--name|Baraka"_s).code, 0);
    o = cli(u"--json|backup|restore|"_s + path(u"usb/sunday.kengele-backup"_s), Passphrase + '\n');
    QCOMPARE(o.code, 0);
    QCOMPARE(o.json().object().value(u"restored"_s).toBool(), true);
    const QString previous = o.json().object().value(u"previous"_s).toString();
    QVERIFY2(previous.startsWith(path(u"profile/kengele.sqlite.before-restore-"_s)), qPrintable(previous));
    QVERIFY(QFileInfo::exists(previous));
    o = cli(u"contacts|list"_s);
    QCOMPARE(o.code, 0);
    QVERIFY(o.out.contains(u"Wanjiru"_s));
    QVERIFY(!o.out.contains(u"Baraka"_s));
    o = cli(u"--json|audit|list|--action|backup"_s);
    QCOMPARE(o.code, 0);
    QCOMPARE(o.json().array().at(0).toObject().value(u"action"_s).toString(), u"backup.restore"_s);
    QCOMPARE(o.json().array().at(0).toObject().value(u"object"_s).toString(), u"sunday.kengele-backup"_s);
    QCOMPARE(cli(u"--json|audit|verify"_s).json().object().value(u"ok"_s).toBool(), true);
}

void TestCliBackup::refusalsSayWhy()
{
    QCOMPARE(cli(u"contacts|add|+254712345678|--name|Wanjiru Kamau"_s).code, 0);
    const QString file = path(u"good.kengele-backup"_s);
    QCOMPARE(cli(u"backup|create|--to|"_s + file).code, 0);
    QCOMPARE(cli(u"contacts|add|+254700999888|--name|Baraka"_s).code, 0);

    qunsetenv("KENGELE_BACKUP_PASSPHRASE");
    Outcome o = cli(u"backup|restore|"_s + file, "Mlima wa Sayuni sita\n");
    QCOMPARE(o.code, 1);
    QVERIFY2(o.err.contains(u"passphrase does not open"_s), qPrintable(o.err));
    o = cli(u"backup|restore|"_s + file); // no passphrase at all
    QCOMPARE(o.code, 1);
    QVERIFY2(o.err.contains(u"KENGELE_BACKUP_PASSPHRASE"_s), qPrintable(o.err));

    QFile whole(file);
    QVERIFY(whole.open(QIODevice::ReadOnly));
    QByteArray bytes = whole.readAll();
    whole.close();
    bytes[bytes.size() / 2] = char(bytes.at(bytes.size() / 2) ^ 0x40);
    QFile changed(path(u"changed.kengele-backup"_s));
    QVERIFY(changed.open(QIODevice::WriteOnly));
    changed.write(bytes);
    changed.close();
    o = cli(u"backup|restore|"_s + changed.fileName(), Passphrase + '\n');
    QCOMPARE(o.code, 1);
    QVERIFY2(o.err.contains(u"damaged"_s), qPrintable(o.err));
    o = cli(u"backup|restore|"_s + path(u"profile/kengele.sqlite"_s), Passphrase + '\n');
    QCOMPARE(o.code, 1);
    QVERIFY2(o.err.contains(u"not a Kengele backup"_s), qPrintable(o.err));
    o = cli(u"backup|restore|"_s + path(u"nowhere.kengele-backup"_s), Passphrase + '\n');
    QCOMPARE(o.code, 1);
    QVERIFY2(o.err.contains(u"cannot be read"_s), qPrintable(o.err));
    // A passphrase too short to protect anything makes no backup.
    o = cli(u"backup|create|--to|"_s + path(u"weak.kengele-backup"_s), "short\n");
    QCOMPARE(o.code, 1);
    QVERIFY(!QFileInfo::exists(path(u"weak.kengele-backup"_s)));
    QCOMPARE(cli(u"backup|restore"_s).code, 2);
    QCOMPARE(cli(u"backup|create|--group|x"_s).code, 2);

    // Nothing changed: Baraka is still there.
    QVERIFY(cli(u"contacts|list"_s).out.contains(u"Baraka"_s));
    QCOMPARE(QDir(path(u"profile"_s)).entryList({u"*before-restore*"_s}), QStringList());
}

void TestCliBackup::onlyAnAdministratorOnceSignInIsRequired()
{
    QCOMPARE(cli(u"signin|require|--user|mary|--name|Mary Wanjiku"_s, Mary + '\n').code, 0);
    qputenv("KENGELE_PASSWORD", Mary);
    QCOMPARE(cli(u"users|add|john|--name|John Otieno|--role|staff|--user|mary"_s, John + '\n').code, 0);

    qputenv("KENGELE_PASSWORD", John);
    const QString file = path(u"john.kengele-backup"_s);
    Outcome o = cli(u"backup|create|--to|"_s + file + u"|--user|john"_s);
    QCOMPARE(o.code, 1);
    QVERIFY2(o.err.contains(u"Only an administrator"_s), qPrintable(o.err));
    QVERIFY(!QFileInfo::exists(file));
    QCOMPARE(cli(u"backup|list|--user|john"_s).code, 1);
    QCOMPARE(cli(u"backup|folder|/tmp|--user|john"_s).code, 1);
    QCOMPARE(cli(u"backup|create|--to|"_s + file).code, 1); // nobody signed in

    // Mary: the sign-in password on the first line of standard input, the passphrase on the next.
    qunsetenv("KENGELE_PASSWORD");
    qunsetenv("KENGELE_BACKUP_PASSPHRASE");
    const QString hers = path(u"mary.kengele-backup"_s);
    o = cli(u"--json|backup|create|--to|"_s + hers + u"|--user|mary"_s, Mary + '\n' + Passphrase + '\n');
    QCOMPARE(o.code, 0);
    o = cli(u"backup|restore|"_s + hers + u"|--user|john"_s, John + '\n' + Passphrase + '\n');
    QCOMPARE(o.code, 1);
    QVERIFY2(o.err.contains(u"Only an administrator"_s), qPrintable(o.err));
    o = cli(u"--json|backup|restore|"_s + hers + u"|--user|mary"_s, Mary + '\n' + Passphrase + '\n');
    QCOMPARE(o.code, 0);
    qputenv("KENGELE_PASSWORD", Mary);
    o = cli(u"--json|audit|list|--action|backup|--user|mary"_s);
    QCOMPARE(o.code, 0);
    QCOMPARE(o.json().array().at(0).toObject().value(u"action"_s).toString(), u"backup.restore"_s);
    QCOMPARE(o.json().array().at(0).toObject().value(u"user"_s).toString(), u"mary"_s);
}

QTEST_GUILESS_MAIN(TestCliBackup)
#include "TestCliBackup.moc"
