// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "RelayError.h"
#include "RelayEvent.h"

#include <QCoreApplication>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

namespace kengele {

// The relay's client API (docs/relay.md, /v1) over an injected QNetworkAccessManager: enrolment
// (code -> device token) and the long-poll event feed. Asynchronous; each call answers its
// callback exactly once, unless cancel() came first (then never). The token is sent only as a
// Bearer header, never logged.
class RelayClient final : public QObject
{
    Q_OBJECT

public:
    using EnrolCallback = std::function<void(RelayResult<RelayEnrolment>)>;
    using EventsCallback = std::function<void(RelayResult<RelayEventBatch>)>;

    explicit RelayClient(QNetworkAccessManager &network, QObject *parent = nullptr);
    ~RelayClient() override;

    // What a person typed as the relay's address: http(s) with a host, nothing after the path.
    static RelayResult<QUrl> parseUrl(const QString &text);

    void setBaseUrl(const QUrl &url) { m_baseUrl = url; }
    QUrl baseUrl() const { return m_baseUrl; }
    void setToken(const QString &token) { m_token = token; }
    bool hasToken() const { return !m_token.isEmpty(); }

    // POST /v1/enrol {"code","name"} -> the device token. 401: unknown, used or expired code.
    void enrol(const QString &code, const QString &deviceName, EnrolCallback done);
    // GET /v1/events?after=N&wait=S&limit=L. The answer is checked: events in order, after N.
    void fetchEvents(qint64 after, int waitSeconds, int limit, EventsCallback done);

    // Gives up what is in flight; their callbacks are not called.
    void cancel();
    bool isBusy() const;

private:
    QUrl endpoint(const QString &path) const;
    QNetworkReply *track(QNetworkReply *reply);
    RelayError errorOf(QNetworkReply *reply, const QByteArray &body, bool enrolling) const;

    QNetworkAccessManager &m_network;
    QUrl m_baseUrl;
    QString m_token;
    QList<QPointer<QNetworkReply>> m_replies;
};

} // namespace kengele
