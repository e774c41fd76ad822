// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "AfricasTalkingAnswer.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace kengele {

namespace {

using Outcome = RecipientResult::Outcome;
using Kind = SendResult::Kind;

constexpr QLatin1StringView kAuthInvalidText = "the supplied authentication is invalid"_L1;

// ---- small JSON helpers: AT is not consistent about key case or about numbers versus strings ----

QJsonValue member(const QJsonObject &object, QLatin1StringView key)
{
    const auto exact = object.constFind(key);
    if (exact != object.constEnd())
        return *exact;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (it.key().compare(key, Qt::CaseInsensitive) == 0)
            return it.value();
    }
    return QJsonValue(QJsonValue::Undefined);
}

QString text(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble()) {
        const double d = value.toDouble();
        const qint64 whole = value.toInteger();
        return double(whole) == d ? QString::number(whole) : QString::number(d);
    }
    return {};
}

int integer(const QJsonValue &value)
{
    if (value.isDouble())
        return value.toInt();
    if (value.isString()) {
        bool ok = false;
        const int n = value.toString().trimmed().toInt(&ok);
        return ok ? n : 0;
    }
    return 0;
}

// ---- recipients ----

Outcome outcomeForStatusText(const QString &status, const QString &messageId)
{
    static const QStringList accepted = {u"Success"_s, u"Sent"_s, u"Queued"_s, u"Processed"_s};
    static const QStringList permanent
        = {u"UserInBlacklist"_s, u"InvalidPhoneNumber"_s,    u"UnsupportedNumberType"_s, u"RiskHold"_s,
           u"CouldNotRoute"_s,   u"DoNotDisturbRejection"_s, u"InvalidSenderId"_s};
    static const QStringList transient
        = {u"InsufficientBalance"_s, u"InternalServerError"_s, u"GatewayError"_s, u"RejectedByGateway"_s, u"Could Not Send"_s};
    const QString s = status.trimmed();
    if (accepted.contains(s, Qt::CaseInsensitive))
        return Outcome::Accepted;
    if (permanent.contains(s, Qt::CaseInsensitive))
        return Outcome::PermanentFailure;
    if (transient.contains(s, Qt::CaseInsensitive))
        return Outcome::TransientFailure;
    // A status nobody documented. A message id means AT queued it (the delivery report settles it);
    // without one nothing was queued, so trying again later cannot send it twice.
    return messageId.isEmpty() ? Outcome::TransientFailure : Outcome::Accepted;
}

Outcome outcomeFor(int statusCode, const QString &status, const QString &messageId)
{
    switch (statusCode) {
    case 100: // Processed
    case 101: // Sent
    case 102: // Queued
        return Outcome::Accepted;
    case 401: // RiskHold
    case 402: // InvalidSenderId
    case 403: // InvalidPhoneNumber
    case 404: // UnsupportedNumberType
    case 406: // UserInBlacklist
    case 407: // CouldNotRoute
    case 409: // DoNotDisturbRejection
        return Outcome::PermanentFailure;
    case 405: // InsufficientBalance
    case 500: // InternalServerError
    case 501: // GatewayError
    case 502: // RejectedByGateway
        return Outcome::TransientFailure;
    default:
        break;
    }
    if (statusCode >= 100 && statusCode < 200)
        return Outcome::Accepted;
    if (statusCode >= 400 && statusCode < 500)
        return Outcome::PermanentFailure;
    if (statusCode >= 500 && statusCode < 600)
        return Outcome::TransientFailure;
    return outcomeForStatusText(status, messageId);
}

RecipientResult recipientFrom(const QJsonObject &object)
{
    RecipientResult r;
    r.phone = text(member(object, "number"_L1)).trimmed();
    r.status = text(member(object, "status"_L1)).trimmed();
    r.statusCode = integer(member(object, "statusCode"_L1));
    r.cost = text(member(object, "cost"_L1)).trimmed();
    r.parts = integer(member(object, "messageParts"_L1));
    r.messageId = text(member(object, "messageId"_L1)).trimmed();
    if (r.messageId.compare("None"_L1, Qt::CaseInsensitive) == 0)
        r.messageId.clear();
    r.outcome = outcomeFor(r.statusCode, r.status, r.messageId);
    return r;
}

// The SMSMessageData object of an AT answer, when the body is one.
std::optional<QJsonObject> messageData(const QByteArray &body)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    const QJsonValue data = member(document.object(), "SMSMessageData"_L1);
    if (!data.isObject())
        return std::nullopt;
    return data.toObject();
}

QList<RecipientResult> recipientsFrom(const QJsonObject &data)
{
    QList<RecipientResult> recipients;
    const QJsonArray array = member(data, "Recipients"_L1).toArray();
    recipients.reserve(array.size());
    for (const auto &item : array) {
        if (!item.isObject())
            continue;
        RecipientResult r = recipientFrom(item.toObject());
        // Without a number the result cannot be matched to a message: the dispatcher treats the
        // numbers missing from an answer as uncertain, which is the safe reading.
        if (!r.phone.isEmpty())
            recipients.append(std::move(r));
    }
    return recipients;
}

// ---- whole answers ----

bool saysAuthenticationInvalid(const QByteArray &body)
{
    if (body.size() > 4096)
        return false;
    return QString::fromUtf8(body).contains(kAuthInvalidText, Qt::CaseInsensitive);
}

// A short plain-text reason from a non-JSON error body ("Request is missing required form field 'to'").
QString shortReason(const QByteArray &body)
{
    QString s = QString::fromUtf8(body).simplified();
    if (s.isEmpty() || s.size() > 200 || s.startsWith(u'<') || s.startsWith(u'{'))
        return {};
    return s;
}

std::optional<qint64> parseRetryAfter(const QByteArray &header)
{
    const QByteArray value = header.trimmed();
    if (value.isEmpty())
        return std::nullopt;
    // The gateway's word, held to a day: a wait beyond that is nonsense, and an absurd number of
    // seconds must not overflow into a negative wait (or a due time before now).
    constexpr qint64 LongestMs = qint64(24) * 3600 * 1000;
    bool ok = false;
    const qint64 seconds = value.toLongLong(&ok);
    if (ok)
        return std::clamp<qint64>(seconds, 0, LongestMs / 1000) * 1000;
    // An HTTP date, "Wed, 21 Oct 2026 07:28:00 GMT"; Qt reads RFC 2822 offsets, not the zone name.
    QString date = QString::fromLatin1(value);
    if (date.endsWith(" GMT"_L1) || date.endsWith(" UTC"_L1))
        date = date.chopped(3) + "+0000"_L1;
    const QDateTime when = QDateTime::fromString(date, Qt::RFC2822Date);
    if (!when.isValid())
        return std::nullopt;
    return std::clamp<qint64>(QDateTime::currentDateTimeUtc().msecsTo(when), 0, LongestMs);
}

QString authenticationMessage()
{
    return AfricasTalkingAnswer::tr(
        "Africa's Talking did not accept the username or API key. Check both in the gateway settings "
        "(in the sandbox the username is “sandbox”). A new API key can take a few minutes to start working. "
        "Nothing was sent.");
}

QString unexpectedFormatMessage()
{
    return AfricasTalkingAnswer::tr(
        "Africa's Talking answered in an unexpected format, so Kengele cannot tell whether the messages were "
        "sent. They are kept as “no report yet” and are not sent again by themselves: a delivery report "
        "may still come for them.");
}

QString noAnswerMessage()
{
    return AfricasTalkingAnswer::tr(
        "Africa's Talking did not answer in time. The messages may have been sent, so they are kept as "
        "“no report yet” and are not sent again by themselves: a delivery report may still come for them.");
}

QString brokenConnectionMessage()
{
    return AfricasTalkingAnswer::tr(
        "The connection to Africa's Talking broke after the messages were handed over. They may have been "
        "sent, so they are kept as “no report yet” and are not sent again by themselves: a delivery report "
        "may still come for them.");
}

// An answer without per-recipient results: the whole request was refused, or its fate is unknown.
SendResult whole(Kind kind, int httpStatus, QString message)
{
    SendResult result;
    result.kind = kind;
    result.httpStatus = httpStatus;
    result.message = std::move(message);
    return result;
}

SendResult refused(int httpStatus, QString message)
{
    return whole(Kind::Refused, httpStatus, std::move(message));
}

SendResult uncertain(int httpStatus, QString message)
{
    return whole(Kind::Uncertain, httpStatus, std::move(message));
}

// No Recipients, the reason only in Message ("InvalidSenderId").
SendResult reasonOnlyAnswer(int httpStatus, const QString &reason, const SendRequest &request)
{
    if (reason.compare("InvalidSenderId"_L1, Qt::CaseInsensitive) == 0) {
        if (request.senderId.isEmpty()) {
            return refused(httpStatus,
                           AfricasTalkingAnswer::tr("Africa's Talking did not accept the default sender ID of "
                                                    "this account. Nothing was sent."));
        }
        return refused(httpStatus,
                       AfricasTalkingAnswer::tr("Africa's Talking did not accept the sender ID “%1”. Use a sender ID "
                                                "registered to your Africa's Talking account, or leave it empty to use "
                                                "the default. Nothing was sent.")
                           .arg(request.senderId));
    }
    if (reason.compare("InsufficientBalance"_L1, Qt::CaseInsensitive) == 0) {
        return whole(Kind::NotTaken, httpStatus,
                     AfricasTalkingAnswer::tr("Your Africa's Talking account has run out of credit. Nothing was "
                                              "sent; top the account up and Kengele will try again."));
    }
    if (reason.contains(kAuthInvalidText, Qt::CaseInsensitive))
        return refused(httpStatus, authenticationMessage());
    return refused(httpStatus,
                   AfricasTalkingAnswer::tr("Africa's Talking refused the messages: %1. Nothing was sent.").arg(reason));
}

SendResult answered(int httpStatus, const QJsonObject &data, QList<RecipientResult> recipients)
{
    SendResult result;
    result.kind = Kind::Answered;
    result.httpStatus = httpStatus;
    result.message = text(member(data, "Message"_L1)).trimmed();
    result.recipients = std::move(recipients);
    return result;
}

SendResult interpretSuccess(int httpStatus, const QByteArray &body, const SendRequest &request)
{
    const std::optional<QJsonObject> data = messageData(body);
    if (!data) {
        if (saysAuthenticationInvalid(body))
            return refused(httpStatus, authenticationMessage());
        return uncertain(httpStatus, unexpectedFormatMessage());
    }
    QList<RecipientResult> recipients = recipientsFrom(*data);
    if (!recipients.isEmpty())
        return answered(httpStatus, *data, std::move(recipients));
    const QString reason = text(member(*data, "Message"_L1)).trimmed();
    if (!reason.isEmpty())
        return reasonOnlyAnswer(httpStatus, reason, request);
    return uncertain(httpStatus,
                     AfricasTalkingAnswer::tr("Africa's Talking answered without saying which numbers it "
                                              "took. The messages are kept as “no report yet” and are not "
                                              "sent again by themselves."));
}

SendResult interpretFailure(int httpStatus, const QByteArray &body, const SendRequest &request)
{
    const std::optional<QJsonObject> data = messageData(body);
    if (data) {
        // AT says per number what happened even on some non-2xx answers (409 DoNotDisturbRejection):
        // believe it, it is more precise than the HTTP status.
        QList<RecipientResult> recipients = recipientsFrom(*data);
        if (!recipients.isEmpty())
            return answered(httpStatus, *data, std::move(recipients));
    }
    if (httpStatus == 401 || httpStatus == 403 || saysAuthenticationInvalid(body))
        return refused(httpStatus, authenticationMessage());
    if (httpStatus == 429) {
        return whole(Kind::NotTaken, httpStatus,
                     AfricasTalkingAnswer::tr("Africa's Talking asked Kengele to slow down. Nothing was sent; "
                                              "Kengele will try again shortly."));
    }
    if (httpStatus >= 500) {
        return whole(Kind::NotTaken, httpStatus,
                     AfricasTalkingAnswer::tr("Africa's Talking had a problem on its side (error %1). Nothing was "
                                              "sent; Kengele will try again shortly.")
                         .arg(httpStatus));
    }
    if (httpStatus >= 300 && httpStatus < 400) {
        return refused(httpStatus,
                       AfricasTalkingAnswer::tr("The gateway address sent Kengele somewhere else instead of "
                                                "answering (error %1). Check the gateway address in the "
                                                "settings. Nothing was sent.")
                           .arg(httpStatus));
    }
    if (data) {
        const QString reason = text(member(*data, "Message"_L1)).trimmed();
        if (!reason.isEmpty())
            return reasonOnlyAnswer(httpStatus, reason, request);
    }
    const QString reason = shortReason(body);
    if (!reason.isEmpty()) {
        return refused(httpStatus,
                       AfricasTalkingAnswer::tr("Africa's Talking refused the request (error %1: %2). "
                                                "Nothing was sent.")
                           .arg(QString::number(httpStatus), reason));
    }
    return refused(
        httpStatus,
        AfricasTalkingAnswer::tr("Africa's Talking refused the request (error %1). Nothing was sent.").arg(httpStatus));
}

// A request that got no HTTP answer (or only part of one).
SendResult interpretTransportFailure(const HttpResponse &response)
{
    SendResult result;
    switch (response.failure) {
    case HttpResponse::Failure::NotConnected:
    case HttpResponse::Failure::Tls:
        // Nothing of the request left this computer.
        result.kind = Kind::NotTaken;
        result.unreachable = true;
        result.message = response.failure == HttpResponse::Failure::Tls
            ? AfricasTalkingAnswer::tr("Kengele could not open a secure connection to Africa's Talking. Nothing was "
                                       "sent; Kengele will try again shortly.")
            : AfricasTalkingAnswer::tr("Kengele could not connect to Africa's Talking. Nothing was sent. Check the "
                                       "internet connection; Kengele will try again shortly.");
        return result;
    case HttpResponse::Failure::TimedOut:
        result.kind = Kind::Uncertain;
        result.message = noAnswerMessage();
        return result;
    case HttpResponse::Failure::None:
    case HttpResponse::Failure::Broken:
        break;
    }
    result.kind = Kind::Uncertain;
    result.message = brokenConnectionMessage();
    return result;
}

} // namespace

SendResult AfricasTalkingAnswer::send(const HttpResponse &response, const SendRequest &request)
{
    SendResult result;
    if (response.status == 0)
        return interpretTransportFailure(response);
    const int status = response.status;
    if (status >= 200 && status < 300) {
        // A 2xx whose body was cut off says nothing reliable about the numbers; and the
        // request did reach AT: it answered.
        result = response.failure != HttpResponse::Failure::None ? interpretTransportFailure(response)
                                                                 : interpretSuccess(status, response.body, request);
        if (result.kind == Kind::NotTaken && response.failure != HttpResponse::Failure::None)
            result.kind = Kind::Uncertain;
        result.httpStatus = status;
    } else {
        result = interpretFailure(status, response.body, request);
    }
    if (!response.retryAfter.isEmpty())
        result.retryAfterMs = parseRetryAfter(response.retryAfter);
    return result;
}

Result<GatewayBalance> AfricasTalkingAnswer::balance(const HttpResponse &response)
{
    const QByteArray &body = response.body;
    const int status = response.status;
    const bool nothingWasSent
        = response.failure == HttpResponse::Failure::NotConnected || response.failure == HttpResponse::Failure::Tls;
    if (status == 0 || (response.failure != HttpResponse::Failure::None && status >= 200 && status < 300)) {
        return fail(ErrorCode::Io,
                    nothingWasSent ? tr("Kengele could not connect to Africa's Talking to read the balance. Check the "
                                        "internet connection and try again.")
                                   : tr("Africa's Talking did not answer in time with the balance. Try again in a "
                                        "moment."));
    }
    if (status == 401 || status == 403 || saysAuthenticationInvalid(body)) {
        return fail(ErrorCode::InvalidInput,
                    tr("Africa's Talking did not accept the username or API key. Check both in "
                       "the gateway settings (in the sandbox the username is “sandbox”)."));
    }
    if (status < 200 || status >= 300) {
        return fail(ErrorCode::Io,
                    tr("Africa's Talking could not give the balance (error %1). Try again in a moment.").arg(status));
    }
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    const QJsonValue userData = document.isObject() ? member(document.object(), "UserData"_L1) : QJsonValue();
    const QString balance = userData.isObject() ? text(member(userData.toObject(), "balance"_L1)).trimmed() : QString();
    if (parseError.error != QJsonParseError::NoError || balance.isEmpty()) {
        return fail(ErrorCode::Unsupported, tr("Africa's Talking answered the balance question in an unexpected format."));
    }
    return GatewayBalance{balance};
}

RecipientResult::Outcome AfricasTalkingAnswer::recipientOutcome(int statusCode, const QString &status, const QString &messageId)
{
    return outcomeFor(statusCode, status, messageId);
}

std::optional<qint64> AfricasTalkingAnswer::retryAfterMs(const QByteArray &header)
{
    return parseRetryAfter(header);
}

SendResult AfricasTalkingAnswer::refusedBeforeSending(QString message)
{
    return refused(0, std::move(message));
}

} // namespace kengele
