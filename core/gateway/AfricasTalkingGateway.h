// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "gateway/HttpClient.h"
#include "gateway/SmsGateway.h"

#include <QSet>
#include <QUrl>
#include <memory>

namespace kengele {

// SmsGateway over the Africa's Talking HTTP API (the form endpoint POST /version1/messaging and
// GET /version1/user; shared/reference/provider-apis.md part A). The same code talks to the live
// host, the sandbox, any base URL (tests) and the built-in simulator (GatewaySimulator).
//
// How answers are sorted (architecture.md §4):
//   network error before anything went out (connection refused, host not found)  -> NotTaken
//   HTTP 429 or 5xx (Retry-After read into retryAfterMs)                           -> NotTaken
//   timeout, connection closed or reset after the request went out                 -> Uncertain
//       (HttpClient never replays a POST by itself, see there)
//   2xx whose body is not Africa's Talking JSON (malformed, HTML, XML)             -> Uncertain
//   2xx with Recipients                                                              -> Answered, per number:
//       statusCode 100/101/102 (or another 1xx)                                      Accepted
//       401 402 403 404 406 407 409 (or another 4xx)                                 PermanentFailure
//       405 500 501 502 (or another 5xx)                                             TransientFailure
//       no statusCode: by the status text; "Could Not Send" and other unknown texts
//       are a TransientFailure when no message id came back (nothing was queued), Accepted
//       when one did (a delivery report will settle it)
//   2xx with no Recipients and a reason in Message (e.g. "InvalidSenderId")        -> Refused
//       (but "InsufficientBalance" there is NotTaken: topping up the account helps)
//   2xx with no Recipients and no reason                                            -> Uncertain
//   HTTP 401/403, or the body "The supplied authentication is invalid"             -> Refused
//   any other non-2xx whose body lists Recipients (AT answers DoNotDisturb with 409) -> Answered
//   any other 3xx/4xx                                                                -> Refused
//
// The API key lives only in memory, in the Settings this object was given: it is never written
// anywhere and never logged; neither are phone numbers or message texts.
//
// Calls are asynchronous; callbacks run on this object's thread, which must be the thread of the
// HttpClient. Requests still in flight when the gateway is destroyed are aborted and their
// callbacks are not called (their outcome is unknown: the outbox keeps them `submitting`).
class AfricasTalkingGateway final : public SmsGateway
{
    Q_OBJECT

public:
    enum class Environment { Live, Sandbox };

    struct Settings {
        QString username; // the app's username; always "sandbox" in the sandbox
        QString apiKey; // held in memory only
        Environment environment = Environment::Live;
        QUrl baseUrl; // empty: the environment's host. Otherwise any base URL (simulator, tests)
        int requestTimeoutMs = 30'000; // no bytes moving for this long: the request is given up
    };

    // Requests go through `http` (in this object's thread), which must outlive the gateway.
    // Personalised texts go one request per message, kept-alive connections side by side
    // (HttpClient's maxConnections); one text to many numbers goes up to 100 numbers a request.
    AfricasTalkingGateway(Settings settings, HttpClient &http, QObject *parent = nullptr);
    ~AfricasTalkingGateway() override;

    // A gateway for the built-in simulator at `loopbackUrl` (its displayName() is "Simulation — no
    // SMS leaves this computer", isSimulation() is true). Returns nullptr unless the URL points at
    // this computer (127.0.0.1, ::1 or localhost), so the label can never sit on a real gateway.
    static std::unique_ptr<AfricasTalkingGateway> createSimulation(const QUrl &loopbackUrl, HttpClient &http,
                                                                   QObject *parent = nullptr);

    void send(const SendRequest &request, SendCallback done) override;
    void balance(BalanceCallback done) override;

    QString displayName() const override;
    bool isSimulation() const override { return m_simulation; }

    // Where requests go: the base URL override, or the environment's host.
    QUrl baseUrl() const;
    int requestsInFlight() const { return int(m_inFlight.size()); }

    // https://api.africastalking.com or https://api.sandbox.africastalking.com
    static QUrl hostFor(Environment environment);
    // Checks the settings before anything is sent; the message explains what to change.
    static Status validate(const Settings &settings);
    // Empty (the account's default), an alphanumeric sender ID of at most 11 letters, digits and
    // spaces, or a numeric short code of 3 to 8 digits.
    static Status validateSenderId(const QString &senderId);
    // The form body of a send, every value percent-encoded ('+' becomes %2B).
    static QByteArray sendBody(const QString &username, const SendRequest &request);

    static constexpr int MaxSenderIdLength = 11;

private:
    // postBody: a POST of it, else a GET. `done` runs unless the gateway is destroyed first.
    void startRequest(const QUrl &url, const QByteArray *postBody, std::function<void(HttpResponse)> done);
    void finishSend(const HttpResponse &response, const SendRequest &request, const SendCallback &done);
    void finishBalance(const HttpResponse &response, const BalanceCallback &done);

    Settings m_settings;
    HttpClient &m_http;
    Status m_valid;
    bool m_simulation = false;
    QSet<quint64> m_inFlight; // HttpClient ids
};

} // namespace kengele
