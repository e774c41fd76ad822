// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "common/Result.h"
#include "gateway/HttpClient.h"
#include "gateway/SmsGateway.h"

#include <QCoreApplication>
#include <QString>
#include <optional>

namespace kengele {

// What an Africa's Talking HTTP answer means for the messages it was about: the send answer
// becomes a SendResult (per number for an Answered one), the balance answer a GatewayBalance or
// an error to show. No network here: AfricasTalkingGateway makes the requests and hands their
// answers to this class. AT is not consistent about key case or about numbers versus strings;
// both are read either way.
//
// How answers are sorted (an Uncertain message is never sent again without a person's decision):
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
class AfricasTalkingAnswer final
{
    Q_DECLARE_TR_FUNCTIONS(AfricasTalkingAnswer)

public:
    AfricasTalkingAnswer() = delete;

    // The answer to POST /version1/messaging for `request` (its sender ID names the refused one).
    static SendResult send(const HttpResponse &response, const SendRequest &request);
    // The answer to GET /version1/user.
    static Result<GatewayBalance> balance(const HttpResponse &response);
    // A request refused before it went out (the settings or the request are wrong).
    static SendResult refusedBeforeSending(QString message);

    // One recipient's outcome from its statusCode, or (without one) its status text and message id.
    static RecipientResult::Outcome recipientOutcome(int statusCode, const QString &status, const QString &messageId);
    // Retry-After in milliseconds (0 to a day): delta-seconds or an HTTP date; nullopt when unreadable.
    static std::optional<qint64> retryAfterMs(const QByteArray &header);
};

} // namespace kengele
