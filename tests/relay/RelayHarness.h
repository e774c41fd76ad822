// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "RelayAdmin.h"
#include "RelayConfig.h"
#include "RelayServer.h"
#include "RelayStore.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QString>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <memory>
#include <optional>

namespace kengele::test {

// A relay on loopback for tests: a store (SQLite in a temporary folder, or a scratch PostgreSQL
// database) and a server on a free port. The store outlives server restarts.
class RelayHarness
{
public:
    enum class Backend { Sqlite, Postgres };

    explicit RelayHarness(Backend backend);
    ~RelayHarness();

    // Opens the store (a second store on the same database with openExtraStore()).
    bool open(QString *why = nullptr);
    relay::RelayStore &store() { return *m_store; }
    // The master key of this relay (relay.key in the harness's folder; start() points key-file at it).
    const relay::MasterKey &masterKey() const { return *m_key; }
    QString keyFile() const { return m_dir.filePath(QStringLiteral("relay.key")); }
    std::unique_ptr<relay::RelayStore> openExtraStore(const QString &connectionName);
    QString databaseLocation() const { return m_location; }
    // Makes the store refuse, with the error text `message`, an event whose dedupe key or a
    // quarantined body whose reason starts with "poison" (a trigger): a hook the database refuses.
    bool poisonStore(const QString &message);
    Backend backend() const { return m_backend; }

    // Starts (or restarts) the server with this configuration; the port stays the same on restart.
    bool start(relay::RelayConfig config = {});
    void stop();
    relay::RelayServer *server() { return m_server.get(); }
    QUrl baseUrl() const;

    // A new organisation with a device enrolled; hooks holds the hook URLs.
    struct Org {
        QString id;
        QString secret;
        QJsonObject hooks;
        QString token; // device token
        QString deviceId;
    };
    Org createOrgWithDevice(const QString &name = QStringLiteral("St Paul's Church"));
    // Another device enrolled in the same organisation (it waits for approval: the first was the founder).
    Org enrolAnother(const Org &org, const QString &deviceName = QStringLiteral("Office laptop"));

    struct Reply {
        int status = 0; // 0: no answer (connection failed)
        QByteArray body;
        QByteArray contentType;
        QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
        QHash<QByteArray, QByteArray> headers;
        QJsonObject json() const;
    };
    Reply post(const QUrl &url, const QByteArray &body, const QByteArray &contentType, const QByteArray &token = {});
    Reply postForm(const QUrl &url, const QByteArray &form) { return post(url, form, "application/x-www-form-urlencoded"); }
    Reply get(const QUrl &url, const QByteArray &token = {}, int timeoutMs = 10000);
    // Any method (PUT, DELETE, …) with a body; the content type JSON unless given.
    Reply send(const QByteArray &verb, const QUrl &url, const QByteArray &body, const QByteArray &token = {},
               const QByteArray &contentType = "application/json", int timeoutMs = 10000);
    // A path (and query) on this relay.
    QUrl url(const QString &pathAndQuery) const { return baseUrl().resolved(QUrl(pathAndQuery)); }
    Reply events(const Org &org, qint64 after, int wait = 0, int limit = 0);

private:
    Backend m_backend;
    QTemporaryDir m_dir;
    QString m_location;
    QString m_scratchUrl;
    std::unique_ptr<relay::RelayStore> m_store;
    std::optional<relay::MasterKey> m_key;
    std::unique_ptr<relay::RelayServer> m_server;
    quint16 m_port = 0;
    QNetworkAccessManager m_network;
};

// The main() of a relay test class constructed with a Backend: runs it on SQLite, then on
// PostgreSQL (skipped without KENGELE_TEST_POSTGRES), with the access log and debug output off.
template<typename Test> int runOnSqliteAndPostgres(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("kengele.relay.access=false\nkengele.*.debug=false"));
    int failures = 0;
    for (const RelayHarness::Backend backend : {RelayHarness::Backend::Sqlite, RelayHarness::Backend::Postgres}) {
        Test test(backend);
        failures += QTest::qExec(&test, argc, argv);
    }
    return failures;
}

} // namespace kengele::test
