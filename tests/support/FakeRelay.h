// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

#include <memory>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponder;
class QTcpServer;
class QTcpSocket;

namespace kengele::test {

// A small kengele-relay for desktop tests: the client API of docs/relay.md on 127.0.0.1 —
// POST /v1/enrol (one-time codes), GET /v1/events (Bearer token, after/wait/limit, long-poll held
// until an event comes or `wait` seconds pass), DELETE /v1/device (Bearer token: the device
// withdraws itself); buying tokens: GET /v1/voucher-key, GET /v1/plans, POST and GET /v1/purchases
// (a purchase waits until the test settles it). Events are added by the test. It can go down (stop listening, drop held
// polls) and come back on the same port, answer the next requests with a scripted status, or
// redirect them elsewhere.
class FakeRelay final : public QObject
{
    Q_OBJECT

public:
    explicit FakeRelay(QObject *parent = nullptr);
    ~FakeRelay() override;

    bool start(); // 127.0.0.1, a free port
    QUrl url() const; // http://127.0.0.1:PORT
    quint16 port() const { return m_port; }

    // Enrolment codes that work once; what they give.
    void addCode(const QString &code) { m_codes.insert(code); }
    QString org = QStringLiteral("org_test");
    QString orgName = QStringLiteral("St. Test's Parish");
    QString issuedToken = QStringLiteral("tok_test_secret");
    // Tokens the feed accepts (the issued one is added on enrolment).
    QSet<QString> tokens;

    // The feed. Returns the new event's seq; wakes held long-polls.
    qint64 addEvent(const QString &kind, const QJsonObject &data);
    qint64 addDelivery(const QString &messageId, const QString &status, const QString &phone, const QString &failureReason = {});
    qint64 addInbound(const QString &id, const QString &from, const QString &text, const QString &to = QStringLiteral("22384"));
    qint64 addOptOut(const QString &phone, const QString &senderId = QStringLiteral("KENGELE"));
    int eventCount() const { return int(m_events.size()); }

    // The feed answers the next `count` requests with this status (e.g. 500, 429, 401).
    void failNext(int status, int count = 1)
    {
        m_failStatus = status;
        m_failCount = count;
    }
    // The next `count` requests, whatever they are, are answered with a redirect (301, 302, 307,
    // 308) to the same path and query at `to`.
    void redirectNext(int status, const QUrl &to, int count = 1)
    {
        m_redirectStatus = status;
        m_redirectTo = to;
        m_redirectCount = count;
    }
    // DELETE /v1/device answers this status instead (0: 204 for a known token, 401 otherwise).
    int deletionStatus = 0;
    // Stops listening and drops the connections (held polls included); comeBack() listens again.
    void goDown();
    bool comeBack();
    bool isDown() const { return m_down; }

    // Buying tokens (docs/relay.md, "Buying tokens"). The relay's voucher key: in the enrolment's
    // answer and at GET /v1/voucher-key (404 while empty, as an older relay).
    QByteArray voucherKey;
    // GET /v1/plans answers this (starter 500, business 2000, enterprise 7000 KES; M-Pesa "simulator").
    QJsonObject plans;
    // POST /v1/purchases answers this error instead (status 0: none), e.g. 409 "phone_busy".
    int purchaseErrorStatus = 0;
    QString purchaseErrorCode;
    // New purchases are marked simulated (the relay's practice M-Pesa).
    bool simulatedPayments = true;
    // POST /v1/purchases requests received, whatever the answer.
    int purchaseRequests() const { return m_purchaseRequests; }
    // The purchases, in the order they were asked for.
    const QList<QJsonObject> &purchases() const { return m_purchases; }
    // What M-Pesa answered for a purchase: its new state ("paid" with a receipt, or "failed" with
    // M-Pesa's result code and the relay's words), appended to the feed as a "purchase" event.
    // Returns the purchase object; empty when no purchase has this request id.
    QJsonObject settlePurchase(const QString &requestId, const QString &state, const QString &receipt = {},
                               const QString &resultCode = {}, const QString &reason = {});
    // The voucher of a paid purchase, signed with `secretKey`, appended to the feed; its seq, or 0.
    qint64 addVoucherFor(const QString &requestId, const QByteArray &secretKey);

    // What was asked of the feed.
    struct FeedRequest {
        qint64 after = 0;
        int wait = 0;
        int limit = 0;
        QString token;
        QDateTime at;
    };
    const QList<FeedRequest> &feedRequests() const { return m_feedRequests; }
    int enrolRequests() const { return m_enrolRequests; }
    // The tokens DELETE /v1/device was asked with, in order (whatever the answer).
    const QStringList &deletions() const { return m_deletions; }
    // Every request it received, whatever its path.
    int requestCount() const { return m_requestCount; }
    int heldPolls() const { return int(m_held.size()); }

Q_SIGNALS:
    void feedRequested(int index);

private:
    struct Event {
        qint64 seq;
        QString kind;
        QDateTime received;
        QJsonObject data;
    };
    struct HeldPoll {
        std::shared_ptr<QHttpServerResponder> responder;
        QTcpSocket *socket;
        qint64 after;
        int limit;
        QDateTime deadline;
    };
    void handle(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    // The buying routes; false when the request is for none of them.
    bool handleShop(const QHttpServerRequest &request, QHttpServerResponder &responder);
    void answerFeed(QHttpServerResponder &responder, qint64 after, int limit);
    void wakeHeld();
    void expireHeld();

    QHttpServer *m_server = nullptr;
    QTcpServer *m_tcp = nullptr;
    quint16 m_port = 0;
    bool m_down = false;
    QSet<QString> m_codes;
    QList<Event> m_events;
    QList<HeldPoll> m_held;
    QList<FeedRequest> m_feedRequests;
    int m_enrolRequests = 0;
    int m_failStatus = 0;
    int m_failCount = 0;
    int m_redirectStatus = 0;
    int m_redirectCount = 0;
    QUrl m_redirectTo;
    QStringList m_deletions;
    int m_requestCount = 0;
    int m_purchaseRequests = 0;
    QList<QJsonObject> m_purchases;
};

} // namespace kengele::test
