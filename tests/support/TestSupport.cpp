// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TestSupport.h"

#include "common/Language.h"

#include <QCoreApplication>
#include <QDir>
#include <QTcpServer>
#include <QtTest>

namespace kengele::test {

TempProfile::TempProfile()
{
    QVERIFY2(m_dir.isValid(), "cannot create a temporary folder");
    auto opened = Profile::open(m_dir.path(), m_clock);
    if (!opened)
        qFatal("cannot open a temporary profile: %s", qPrintable(opened.error().message));
    m_profile = std::move(*opened);
}

quint16 closedPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 1;
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

void settle(int ms)
{
    QTest::qWait(ms);
    for (int pass = 0; pass < 10; ++pass) {
        QCoreApplication::processEvents();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    }
}

int timeScale()
{
    static const int scale = [] {
        bool ok = false;
        const int value = qEnvironmentVariableIntValue("KENGELE_TEST_TIME_SCALE", &ok);
        return ok && value >= 1 && value <= 20 ? value : 1;
    }();
    return scale;
}

QString testDataPath(const QString &relative)
{
    const QString root = qEnvironmentVariable("KENGELE_TEST_DATA");
    return QDir(root).filePath(relative);
}

} // namespace kengele::test

#include "contacts/ContactService.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

#include <QSqlQuery>

namespace kengele::test {

bool fillContacts(Profile &profile, int n)
{
    QSqlDatabase db = profile.database().connection();
    Transaction transaction(db);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO contacts(first_name, last_name, phone, phone_raw, created_at, updated_at) "
                             "VALUES (?, ?, ?, ?, 0, 0)"));
    static const char *const firsts[] = {"Mary", "John", "Grace", "Peter", "Akinyi", "Otieno", "Wanjiku", "Kamau"};
    for (int i = 0; i < n; ++i) {
        q.addBindValue(QString::fromLatin1(firsts[i % 8]));
        q.addBindValue(QStringLiteral("Member %1").arg(i, 6, 10, QLatin1Char('0')));
        const QString phone = QStringLiteral("+25471%1").arg(i, 7, 10, QLatin1Char('0'));
        q.addBindValue(phone);
        q.addBindValue(phone);
        if (!q.exec())
            return false;
    }
    if (!transaction.commit())
        return false;
    profile.contacts().notifyBulkChange();
    return true;
}

} // namespace kengele::test

// Tests read the English texts, plural forms included ("1 contact", "2 contacts").
static void installEnglishForTests()
{
    kengele::Language::install(QStringLiteral("en"));
}
Q_COREAPP_STARTUP_FUNCTION(installEnglishForTests)

#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlError>
#include <QUrl>
#include <QUrlQuery>

#include <atomic>

namespace kengele::test {

namespace {

bool isPostgresUrl(const QUrl &url)
{
    return url.isValid() && (url.scheme() == QLatin1String("postgres") || url.scheme() == QLatin1String("postgresql"))
        && !url.host().isEmpty() && url.path().size() > 1;
}

// Runs f on a fresh QPSQL connection to url, then removes the connection. Returns an error text, or
// an empty string when f returned one.
template<typename F> QString withPostgres(const QString &url, F &&f)
{
    static std::atomic<int> counter{0};
    const QString name = QStringLiteral("kengele-test-postgres-%1").arg(counter.fetch_add(1));
    QString problem;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        if (!db.isValid())
            problem = QStringLiteral("Qt's PostgreSQL driver QPSQL is not installed (Debian package libqt6sql6-psql)");
        else if (!applyPostgresUrl(db, url))
            problem = QStringLiteral("KENGELE_TEST_POSTGRES is not a postgres://user@host[:port]/database URL: %1").arg(url);
        else if (!db.open())
            problem = QStringLiteral("cannot connect to PostgreSQL at %1: %2").arg(url, db.lastError().text());
        else
            problem = f(db);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return problem;
}

QString execute(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        return QStringLiteral("%1: %2").arg(sql, query.lastError().text());
    return {};
}

} // namespace

std::optional<QString> postgresUrl()
{
    const QString url = qEnvironmentVariable("KENGELE_TEST_POSTGRES");
    if (url.isEmpty())
        return std::nullopt;
    return url;
}

bool postgresRequired()
{
    return qEnvironmentVariable("KENGELE_REQUIRE_POSTGRES") == QLatin1String("1");
}

QString postgresUnavailableReason()
{
    const auto url = postgresUrl();
    if (!url)
        return QStringLiteral("KENGELE_TEST_POSTGRES is not set: no PostgreSQL server for this test "
                              "(scripts/dev test starts one)");
    return withPostgres(*url, [](QSqlDatabase &db) { return execute(db, QStringLiteral("SELECT 1")); });
}

bool applyPostgresUrl(QSqlDatabase &db, const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!isPostgresUrl(url))
        return false;
    db.setHostName(url.host());
    db.setPort(url.port(5432));
    db.setUserName(url.userName());
    db.setPassword(url.password());
    db.setDatabaseName(url.path().mid(1));
    QStringList options;
    const auto items = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
    for (const auto &item : items)
        options << item.first + QLatin1Char('=') + item.second;
    db.setConnectOptions(options.join(QLatin1Char(';')));
    return true;
}

QString createScratchPostgresDatabase(const QString &prefix)
{
    const auto server = postgresUrl();
    if (!server) {
        qWarning("createScratchPostgresDatabase: KENGELE_TEST_POSTGRES is not set");
        return {};
    }
    QString name = prefix.toLower();
    name.replace(QRegularExpression(QStringLiteral("[^a-z0-9_]")), QStringLiteral("_"));
    if (name.isEmpty() || !name.front().isLetter())
        name.prepend(QStringLiteral("t_"));
    name = name.left(40) + QLatin1Char('_')
        + QStringLiteral("%1").arg(QRandomGenerator::system()->generate64(), 16, 16, QLatin1Char('0'));
    const QString problem = withPostgres(
        *server, [&](QSqlDatabase &db) { return execute(db, QStringLiteral("CREATE DATABASE \"%1\"").arg(name)); });
    if (!problem.isEmpty()) {
        qWarning("createScratchPostgresDatabase: %s", qPrintable(problem));
        return {};
    }
    QUrl url(*server, QUrl::StrictMode);
    url.setPath(QLatin1Char('/') + name);
    return url.toString();
}

bool dropScratchPostgresDatabase(const QString &text)
{
    const auto server = postgresUrl();
    const QUrl url(text, QUrl::StrictMode);
    if (!server || !isPostgresUrl(url)) {
        qWarning("dropScratchPostgresDatabase: no server or not a postgres:// URL: %s", qPrintable(text));
        return false;
    }
    const QString name = url.path().mid(1);
    if (name == QUrl(*server).path().mid(1)) {
        qWarning("dropScratchPostgresDatabase: refusing to drop the server's own database %s", qPrintable(name));
        return false;
    }
    const QString problem = withPostgres(*server, [&](QSqlDatabase &db) {
        QString quoted = name;
        quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        return execute(db, QStringLiteral("DROP DATABASE IF EXISTS \"%1\" WITH (FORCE)").arg(quoted));
    });
    if (!problem.isEmpty()) {
        qWarning("dropScratchPostgresDatabase: %s", qPrintable(problem));
        return false;
    }
    return true;
}

} // namespace kengele::test
