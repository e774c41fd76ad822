// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "common/Result.h"
#include "gateway/DeliveryReport.h"

#include <QHash>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QRandomGenerator>
#include <QSet>
#include <QUrl>
#include <atomic>
#include <memory>
#include <optional>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponder;
class QTcpSocket;

namespace kengele {

class AfricasTalkingGateway;
class HttpClient;
class SimulatedDeliveryReports;

// How the simulator behaves. The defaults accept everything and report every message delivered
// after 1–2 seconds; the rest is for demonstrations and tests.
struct SimulatorOptions {
    // Credentials it insists on; empty: any non-empty username and API key will do.
    QString username;
    QString apiKey;

    // Numbers refused in the send answer. A number's fate follows from the number itself (a
    // blacklisted member stays blacklisted), so sending to it again meets the same answer.
    double blacklistedFraction = 0; // 406 UserInBlacklist
    double invalidNumberFraction = 0; // 403 InvalidPhoneNumber
    QSet<QString> blacklisted; // always 406
    QSet<QString> invalidNumbers; // always 403 (so is anything that is not E.164 with +)

    // Delivery reports for accepted messages, after a random delay in [min, max].
    bool deliveryReports = true;
    int reportDelayMinMs = 1000;
    int reportDelayMaxMs = 2000;
    double undeliverableFraction = 0; // accepted, then Failed / Rejected / AbsentSubscriber / Expired
    QSet<QString> undeliverable; // always so
    QUrl callbackUrl; // when set, each report is also POSTed here form-encoded, as AT does
    // With a callback URL: reports go only there (to a relay, as Africa's Talking's do), not
    // through the deliveryReport() signal. A POST that fails is tried again with back-off for
    // up to callbackRetryForMs, as AT retries unacknowledged callbacks.
    bool reportsOnlyThroughCallback = false;
    int callbackRetryForMs = 10 * 60 * 1000;

    // Faults of a whole request, drawn at random for each (failNextRequests() makes bursts).
    double serverErrorFraction = 0; // HTTP 500; nothing taken
    double rateLimitFraction = 0; // HTTP 429 with Retry-After; nothing taken
    int retryAfterSeconds = 1;
    double malformedFraction = 0; // taken, but the answer is not valid JSON
    double neverAnswerFraction = 0; // taken, but no answer ever comes
    int answerDelayMs = 0; // every answer waits this long (a slow network)

    // What GET /version1/user reports, less what accepted messages cost (KES 0.8000 a part).
    qint64 startingBalanceTenThousandths = qint64(10'000) * 10'000; // KES 10000.0000
    quint32 seed = 0; // random sequence for faults, delays and ids; 0: new every run
};

// What the simulator has seen, for tests and the demo screen.
struct SimulatorCounters {
    int sendRequests = 0; // POST /version1/messaging received
    int takenRequests = 0; // of them, the numbers were looked at (malformed and unanswered ones included)
    int refusedRequests = 0; // answered 4xx/5xx/429 or without numbers: nothing taken
    int recipients = 0; // numbers in taken requests
    int accepted = 0; // of them, accepted (statusCode 101)
    int reportsProduced = 0; // delivery reports emitted
    int callbackRetries = 0; // callback POSTs tried again after a failure
    int callbacksAbandoned = 0; // callback POSTs given up after callbackRetryForMs
    int balanceRequests = 0; // GET /version1/user received
};

// The built-in simulator (architecture.md §3.1): a real HTTP server on 127.0.0.1 that speaks Africa's
// Talking's wire format (POST /version1/messaging with a form body, GET /version1/user), so the
// production AfricasTalkingGateway is what runs against it (createGateway()). It checks requests as
// AT does, answers in AT's JSON shape, and produces delivery reports as AT posts them: through the
// deliveryReport() signal and, when a callback URL is set, as form POSTs to it (SimulatedDeliveryReports
// keeps them until they are due and posts them).
//
// It lives in one thread (it may be moved to a worker thread before start()); counters(),
// timesReceived() and the option setters may be called from any thread.
class GatewaySimulator final : public QObject
{
    Q_OBJECT

public:
    enum class Fault {
        ServerError, // HTTP 500, nothing taken
        RateLimited, // HTTP 429 with Retry-After, nothing taken
        MalformedJson, // taken, the answer is cut-off JSON
        NeverAnswer, // taken, no answer at all (the client times out: Uncertain)
    };
    Q_ENUM(Fault)

    explicit GatewaySimulator(QObject *parent = nullptr);
    explicit GatewaySimulator(SimulatorOptions options, QObject *parent = nullptr);
    ~GatewaySimulator() override;

    // Listens on 127.0.0.1 on a free port; returns the port. Call it in the simulator's thread.
    Result<quint16> start();
    bool isRunning() const { return m_port.load() != 0; }
    quint16 port() const { return m_port.load(); }
    // http://127.0.0.1:PORT, the base URL for AfricasTalkingGateway.
    QUrl url() const;

    // The gateway the app uses in simulation: AfricasTalkingGateway pointed at url(), named
    // "Practice mode — no SMS leaves this computer". nullptr before start().
    std::unique_ptr<AfricasTalkingGateway> createGateway(HttpClient &http, QObject *parent = nullptr) const;

    SimulatorOptions options() const;
    void setOptions(const SimulatorOptions &options);
    // The next `count` send requests meet `fault` (before any random fault is drawn).
    void failNextRequests(Fault fault, int count = 1);

    SimulatorCounters counters() const;
    // How often a number arrived in a taken request, and how often it was accepted.
    int timesReceived(const QString &phone) const;
    int timesAccepted(const QString &phone) const;
    QHash<QString, int> receivedCounts() const;
    // Numbers accepted more than once: a test's proof that nothing was sent twice is an empty list.
    QStringList numbersAcceptedMoreThanOnce() const;
    int pendingReports() const;
    void resetCounters();

    // The AT network code for a number by its prefix: "63902" Safaricom, "63903" Airtel Kenya,
    // "63907" Telkom, "63999" Equitel; a few neighbours; "99999" otherwise.
    static QString networkCodeFor(QStringView phone);

Q_SIGNALS:
    void deliveryReport(const kengele::DeliveryReport &report);

private:
    struct Answer {
        int status = 201;
        QByteArray contentType;
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
        bool silent = false; // never answer
    };

    void handleSend(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    void handleBalance(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    Answer processSend(const QHttpServerRequest &request);
    void respond(QHttpServerResponder &&responder, Answer answer, int delayMs);
    std::optional<Fault> nextFault();
    void queueReport(const QString &messageId, const QString &phone);
    QByteArray newMessageId();
    bool authorised(const QHttpServerRequest &request, const QString &username) const;

    mutable QMutex m_mutex; // guards everything below up to m_spentTenThousandths
    SimulatorOptions m_options;
    SimulatorCounters m_counters;
    QHash<QString, int> m_received;
    QHash<QString, int> m_accepted;
    QList<QPair<Fault, int>> m_faultBursts;
    QRandomGenerator m_random;
    qint64 m_spentTenThousandths = 0;

    QHttpServer *m_server = nullptr;
    SimulatedDeliveryReports *m_deliveryReports = nullptr; // a child: moves with this object
    QHash<QTcpSocket *, std::shared_ptr<QHttpServerResponder>> m_silent;
    std::atomic<quint16> m_port{0};
};

} // namespace kengele
