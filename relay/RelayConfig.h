// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QHostAddress>
#include <QString>
#include <QStringList>

#include <expected>

namespace kengele::relay {

// Everything an operator can set, from the config file ([relay] section, INI) and then the
// command line, which wins. Keys and flags share names: listen / --listen, db / --db, …
struct RelayConfig {
    QHostAddress listenAddress = QHostAddress::LocalHost;
    quint16 listenPort = 8080;
    QString database = QStringLiteral("sqlite:/var/lib/kengele/relay.db");
    QString publicUrl; // empty: http://LISTEN
    qint64 maxBodyBytes = 64 * 1024LL;
    double ipRate = 20; // requests/s per address for requests that fail to authenticate, and enrolment
    double deviceRate = 20; // requests/s per enrolled device on /v1
    int maxWaitSeconds = 30; // longest long-poll
    int enrolCodeHours = 24;
    int requestTimeoutMs = 10000; // a request must arrive whole within this time
    int idleTimeoutMs = 60000; // an idle keep-alive connection is closed after this
    bool trustProxy = false; // take the client address from X-Forwarded-For (only behind your own proxy)
    QString keyFile; // the master key (MasterKey::pathFor): empty = relay.key beside the SQLite file or in the working folder
    // Buying tokens (docs/relay.md, "Buying tokens with M-Pesa")
    int purchaseQueryAfterMs = 120000; // no callback this long after the push: the relay asks Daraja itself
    int purchaseGiveUpMs = 900000; // still no definite answer this long after the push: failed
    int purchaseScanMs = 5000; // how often waiting purchases are looked at
    int purchaseClaimMs = 60000; // how long one relay process owns a purchase it is checking
    int simulatorDelayMs = 3000; // the Daraja simulator's callback comes this long after the push
    QString supportLine; // the operator's support line, shown in Help to enterprise customers (GET /v1/plans)

    QString effectivePublicUrl() const;
    QString listenText() const;

    // Reads an INI file's [relay] section over the defaults.
    std::expected<void, QString> readFile(const QString &path);
    // "127.0.0.1:8080", "[::1]:8080", ":8080"
    std::expected<void, QString> setListen(const QString &text);
    // Sets one key from the file or the command line; an unknown key or bad value is an error.
    std::expected<void, QString> set(const QString &key, const QString &value);
    static QStringList keys();
};

} // namespace kengele::relay
