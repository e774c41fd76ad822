// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "RelayHarness.h"

#include "TestSupport.h"

#include <QJsonDocument>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrlQuery>

namespace kengele::test {

RelayHarness::RelayHarness(Backend backend)
    : m_backend(backend)
{ }

RelayHarness::~RelayHarness()
{
    m_server.reset();
    m_store.reset();
    if (!m_scratchUrl.isEmpty())
        dropScratchPostgresDatabase(m_scratchUrl);
}

bool RelayHarness::open(QString *why)
{
    if (m_backend == Backend::Sqlite) {
        m_location = QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("relay.db"));
    } else {
        m_scratchUrl = createScratchPostgresDatabase(QStringLiteral("relay_test"));
        if (m_scratchUrl.isEmpty()) {
            if (why)
                *why = QStringLiteral("cannot create a scratch PostgreSQL database");
            return false;
        }
        m_location = m_scratchUrl;
    }
    const auto location = relay::DatabaseLocation::parse(m_location);
    if (!location) {
        if (why)
            *why = location.error();
        return false;
    }
    auto store = relay::RelayStore::open(*location, QStringLiteral("relay-harness"));
    if (!store) {
        if (why)
            *why = store.error();
        return false;
    }
    m_store = std::move(*store);
    auto key = relay::MasterKey::loadOrCreate(keyFile());
    if (!key) {
        if (why)
            *why = key.error();
        return false;
    }
    m_key = *key;
    return true;
}

std::unique_ptr<relay::RelayStore> RelayHarness::openExtraStore(const QString &connectionName)
{
    auto store = relay::RelayStore::open(*relay::DatabaseLocation::parse(m_location), connectionName);
    return store ? std::move(*store) : nullptr;
}

bool RelayHarness::start(relay::RelayConfig config)
{
    m_server.reset();
    config.listenAddress = QHostAddress::LocalHost;
    config.listenPort = m_port;
    if (config.keyFile.isEmpty())
        config.keyFile = keyFile();
    m_server = std::make_unique<relay::RelayServer>(m_store.get(), config);
    const quint16 port = m_server->start();
    if (port == 0)
        return false;
    m_port = port;
    return true;
}

void RelayHarness::stop()
{
    m_server.reset();
}

QUrl RelayHarness::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}

bool RelayHarness::poisonStore(const QString &message)
{
    QSqlQuery query(m_store->database());
    const QStringList statements = m_backend == Backend::Postgres
        ? QStringList{QStringLiteral("CREATE FUNCTION poison_event() RETURNS trigger AS $$ BEGIN IF NEW.dedupe_key LIKE 'poison%'"
                                     " THEN RAISE EXCEPTION '%1'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql")
                          .arg(message),
                      QStringLiteral("CREATE FUNCTION poison_body() RETURNS trigger AS $$ BEGIN IF NEW.reason LIKE 'poison%'"
                                     " THEN RAISE EXCEPTION '%1'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql")
                          .arg(message),
                      QStringLiteral(
                          "CREATE TRIGGER poison BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION poison_event()"),
                      QStringLiteral(
                          "CREATE TRIGGER poison BEFORE INSERT ON quarantine FOR EACH ROW EXECUTE FUNCTION poison_body()")}
        : QStringList{QStringLiteral("CREATE TRIGGER poison_event BEFORE INSERT ON events WHEN NEW.dedupe_key LIKE 'poison%'"
                                     " BEGIN SELECT RAISE(ABORT, '%1'); END")
                          .arg(message),
                      QStringLiteral("CREATE TRIGGER poison_body BEFORE INSERT ON quarantine WHEN NEW.reason LIKE 'poison%'"
                                     " BEGIN SELECT RAISE(ABORT, '%1'); END")
                          .arg(message)};
    for (const QString &sql : statements) {
        if (!query.exec(sql)) {
            qWarning().noquote() << "cannot poison the store:" << query.lastError().text();
            return false;
        }
    }
    return true;
}

RelayHarness::Org RelayHarness::createOrgWithDevice(const QString &name)
{
    Org org;
    auto created = relay::createOrganisation(*m_store, *m_key, name, baseUrl().toString());
    if (!created)
        return org;
    org.id = created->org.id;
    org.secret = created->secret;
    org.hooks = created->hooks;
    auto code = relay::createEnrolCode(*m_store, org.id, 24);
    if (!code)
        return org;
    const Reply enrolled = post(
        baseUrl().resolved(QUrl(QStringLiteral("/v1/enrol"))),
        QJsonDocument(QJsonObject{{QStringLiteral("code"), code->code}, {QStringLiteral("name"), QStringLiteral("Office PC")}})
            .toJson(QJsonDocument::Compact),
        "application/json");
    org.token = enrolled.json().value(QLatin1String("token")).toString();
    org.deviceId = enrolled.json().value(QLatin1String("device")).toString();
    return org;
}

RelayHarness::Org RelayHarness::enrolAnother(const Org &org, const QString &deviceName)
{
    Org another = org;
    another.token.clear();
    another.deviceId.clear();
    auto code = relay::createEnrolCode(*m_store, org.id, 24);
    if (!code)
        return another;
    const Reply enrolled
        = post(baseUrl().resolved(QUrl(QStringLiteral("/v1/enrol"))),
               QJsonDocument(QJsonObject{{QStringLiteral("code"), code->code}, {QStringLiteral("name"), deviceName}})
                   .toJson(QJsonDocument::Compact),
               "application/json");
    another.token = enrolled.json().value(QLatin1String("token")).toString();
    another.deviceId = enrolled.json().value(QLatin1String("device")).toString();
    return another;
}

QJsonObject RelayHarness::Reply::json() const
{
    return QJsonDocument::fromJson(body).object();
}

namespace {

RelayHarness::Reply finish(QNetworkReply *reply, int timeoutMs)
{
    RelayHarness::Reply result;
    if (!reply->isFinished()) {
        QSignalSpy finished(reply, &QNetworkReply::finished);
        finished.wait(timeoutMs);
    }
    if (reply->isFinished()) {
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.body = reply->readAll();
        result.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        const auto pairs = reply->rawHeaderPairs();
        for (const auto &pair : pairs)
            result.headers.insert(pair.first.toLower(), pair.second);
    } else {
        reply->abort();
    }
    reply->deleteLater();
    return result;
}

} // namespace

RelayHarness::Reply RelayHarness::post(const QUrl &url, const QByteArray &body, const QByteArray &contentType,
                                       const QByteArray &token)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token);
    return finish(m_network.post(request, body), 10000);
}

RelayHarness::Reply RelayHarness::get(const QUrl &url, const QByteArray &token, int timeoutMs)
{
    QNetworkRequest request(url);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token);
    return finish(m_network.get(request), timeoutMs);
}

RelayHarness::Reply RelayHarness::send(const QByteArray &verb, const QUrl &url, const QByteArray &body, const QByteArray &token,
                                       const QByteArray &contentType, int timeoutMs)
{
    QNetworkRequest request(url);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token);
    return finish(m_network.sendCustomRequest(request, verb, body), timeoutMs);
}

RelayHarness::Reply RelayHarness::events(const Org &org, qint64 after, int wait, int limit)
{
    QUrl url = baseUrl().resolved(QUrl(QStringLiteral("/v1/events")));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("after"), QString::number(after));
    if (wait > 0)
        query.addQueryItem(QStringLiteral("wait"), QString::number(wait));
    if (limit > 0)
        query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    url.setQuery(query);
    return get(url, org.token.toLatin1(), (wait + 10) * 1000);
}

} // namespace kengele::test
