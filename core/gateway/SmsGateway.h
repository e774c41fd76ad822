// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "DeliveryReport.h"
#include "common/Result.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace kengele {

// One request to the gateway: the same text to one or more numbers (E.164, with +).
struct SendRequest {
    QString text;
    QStringList phones;
    QString senderId; // empty: the account's default sender
};

// What the gateway said about one recipient of a request that it answered.
struct RecipientResult {
    enum class Outcome {
        Accepted, // statusCode 100/101/102: taken; a delivery report will follow
        PermanentFailure, // invalid number, blacklisted, unsupported...: do not retry
        TransientFailure, // InsufficientBalance, InternalServerError, GatewayError...: retry later
    };
    QString phone;
    Outcome outcome = Outcome::Accepted;
    QString messageId; // empty when the gateway gave none ("None")
    QString status; // the provider's status text, e.g. "Success", "UserInBlacklist"
    int statusCode = 0; // the provider's code, e.g. 101, 406; 0 when absent
    QString cost; // as given, e.g. "KES 0.8000"
    int parts = 0; // messageParts when given, else 0
};

// The answer to a whole request (architecture.md §4 decides what each kind means for the outbox).
struct SendResult {
    enum class Kind {
        Answered, // a 2xx with per-recipient results (numbers missing from them are Uncertain)
        NotTaken, // proven not taken: connection refused, HTTP 429 or 5xx. Safe to retry.
        Uncertain, // sent but no usable answer: timeout, reset after sending, malformed 2xx body.
                   // May have been taken: never retried without a person's decision.
        Refused, // the whole request was refused for good: bad API key (401), invalid sender ID,
                 // a 4xx. Retrying the same request cannot help.
    };
    Kind kind = Kind::Answered;
    QList<RecipientResult> recipients;
    int httpStatus = 0;
    QString message; // for people: what went wrong (translated), or the summary
    std::optional<qint64> retryAfterMs; // from Retry-After on 429/503
    // NotTaken because the gateway could not be reached at all (no internet, name not found,
    // connection refused, TLS failed). The dispatcher then waits for the connection instead of
    // spending each message's attempts: an hour offline must not fail a whole campaign.
    bool unreachable = false;
};

struct GatewayBalance {
    QString text; // as the provider writes it, e.g. "KES 1785.50"
};

// A way out for SMS: Africa's Talking, or the built-in simulator that speaks the same wire format.
// Calls are asynchronous; the callbacks run on the thread the gateway object lives in. Several
// requests may be in flight at once.
class SmsGateway : public QObject
{
    Q_OBJECT

public:
    using SendCallback = std::function<void(SendResult)>;
    using BalanceCallback = std::function<void(Result<GatewayBalance>)>;

    using QObject::QObject;
    ~SmsGateway() override = default;

    virtual void send(const SendRequest &request, SendCallback done) = 0;
    virtual void balance(BalanceCallback done) = 0;

    // "Africa's Talking (live)", "Practice mode — no SMS leaves this computer"...
    virtual QString displayName() const = 0;
    virtual bool isSimulation() const = 0;
    // Most recipients one request may carry.
    virtual int maxRecipientsPerRequest() const { return 100; }
    // Delivery reports this gateway will still emit by itself (the simulator's, due shortly).
    virtual int pendingDeliveryReports() const { return 0; }

Q_SIGNALS:
    // A delivery report came straight from the gateway (the simulator does this; Africa's Talking
    // posts its reports to the relay instead).
    void deliveryReport(const kengele::DeliveryReport &report);
};

} // namespace kengele
