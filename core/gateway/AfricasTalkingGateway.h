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
// GET /version1/user, as Africa's Talking documents them). The same code talks to the live
// host, the sandbox, any base URL (tests) and the built-in simulator (GatewaySimulator).
//
// What each answer means (answered per number, refused, not taken, uncertain) is AfricasTalkingAnswer's job; this
// class checks the settings, builds the requests and keeps track of those in flight.
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
