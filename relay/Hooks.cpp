// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Hooks.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringDecoder>

namespace kengele::relay {

namespace {

struct KindInfo {
    HookKind kind;
    const char *path;
    const char *event;
    const char *urlKey;
};

constexpr KindInfo Kinds[] = {
    {HookKind::AtDelivery, "at/delivery", "at.delivery", "at_delivery"},
    {HookKind::AtInbound, "at/inbound", "at.inbound", "at_inbound"},
    {HookKind::AtOptOut, "at/optout", "at.optout", "at_optout"},
    {HookKind::DarajaStk, "daraja/stk", "daraja.stk", "mpesa_stk"},
    {HookKind::DarajaValidation, "daraja/validation", "daraja.validation", "c2b_validation"},
    {HookKind::DarajaConfirmation, "daraja/confirmation", "daraja.confirmation", "c2b_confirmation"},
};

const KindInfo &info(HookKind kind)
{
    for (const KindInfo &k : Kinds) {
        if (k.kind == kind)
            return k;
    }
    Q_UNREACHABLE();
}

constexpr qsizetype MaxFieldLength = 4096;

std::expected<ParsedHook, QString> parseAtForm(HookKind kind, const QByteArray &body)
{
    auto form = parseForm(body);
    if (!form)
        return std::unexpected(form.error());
    QJsonObject data;
    for (const auto &[key, value] : *form) {
        if (key.size() > 64 || value.size() > MaxFieldLength)
            return std::unexpected(QStringLiteral("a form field is too long"));
        data.insert(key, value);
    }
    auto field = [&data](const char *name) {
        return data.value(QLatin1String(name)).toString();
    };
    auto require = [&data](std::initializer_list<const char *> names) -> std::optional<QString> {
        for (const char *name : names) {
            if (data.value(QLatin1String(name)).toString().trimmed().isEmpty())
                return QStringLiteral("the field '%1' is missing").arg(QLatin1String(name));
        }
        return std::nullopt;
    };
    QString key;
    switch (kind) {
    case HookKind::AtDelivery:
        if (auto missing = require({"id", "status"}))
            return std::unexpected(*missing);
        key = field("id") + QLatin1Char('|') + field("status");
        break;
    case HookKind::AtInbound:
        if (auto missing = require({"id", "from"}))
            return std::unexpected(*missing);
        if (!data.contains(QLatin1String("text")))
            return std::unexpected(QStringLiteral("the field 'text' is missing"));
        key = field("id");
        break;
    case HookKind::AtOptOut:
        if (auto missing = require({"phoneNumber"}))
            return std::unexpected(*missing);
        key = field("senderId") + QLatin1Char('|') + field("phoneNumber");
        break;
    default:
        Q_UNREACHABLE();
    }
    return ParsedHook{key, QJsonDocument(data).toJson(QJsonDocument::Compact)};
}

// Daraja posts JSON. The event keeps the provider's bytes as they came (numbers such as
// TransactionDate and PhoneNumber must not pass through a double), once they parse as an object.
std::expected<ParsedHook, QString> parseDaraja(HookKind kind, const QByteArray &body)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return std::unexpected(
            QStringLiteral("the body is not valid JSON (%1 at byte %2)").arg(parseError.errorString()).arg(parseError.offset));
    if (!document.isObject())
        return std::unexpected(QStringLiteral("the body is not a JSON object"));
    const QJsonObject root = document.object();
    QString key;
    if (kind == HookKind::DarajaStk) {
        const QJsonObject callback = root.value(QLatin1String("Body")).toObject().value(QLatin1String("stkCallback")).toObject();
        if (callback.isEmpty())
            return std::unexpected(QStringLiteral("Body.stkCallback is missing"));
        key = callback.value(QLatin1String("CheckoutRequestID")).toString();
        if (key.trimmed().isEmpty())
            return std::unexpected(QStringLiteral("Body.stkCallback.CheckoutRequestID is missing"));
        const QJsonValue result = callback.value(QLatin1String("ResultCode"));
        if (!result.isDouble() && !result.isString())
            return std::unexpected(QStringLiteral("Body.stkCallback.ResultCode is missing"));
    } else {
        key = root.value(QLatin1String("TransID")).toString();
        if (key.trimmed().isEmpty())
            return std::unexpected(QStringLiteral("TransID is missing"));
        if (!root.value(QLatin1String("TransAmount")).isString() && !root.value(QLatin1String("TransAmount")).isDouble())
            return std::unexpected(QStringLiteral("TransAmount is missing"));
    }
    if (key.size() > 128)
        return std::unexpected(QStringLiteral("the provider's id is too long"));
    return ParsedHook{key, body.trimmed()};
}

} // namespace

std::optional<HookKind> hookKindFromPath(QStringView path)
{
    for (const KindInfo &k : Kinds) {
        if (path == QLatin1String(k.path))
            return k.kind;
    }
    return std::nullopt;
}

QString hookPath(HookKind kind)
{
    return QLatin1String(info(kind).path);
}

QString eventKind(HookKind kind)
{
    return QLatin1String(info(kind).event);
}

QString hookUrlKey(HookKind kind)
{
    return QLatin1String(info(kind).urlKey);
}

std::expected<QList<std::pair<QString, QString>>, QString> parseForm(const QByteArray &body)
{
    QList<std::pair<QString, QString>> fields;
    if (body.trimmed().isEmpty())
        return std::unexpected(QStringLiteral("the body is empty"));
    const QList<QByteArray> pairs = body.trimmed().split('&');
    for (const QByteArray &pair : pairs) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        if (eq <= 0)
            return std::unexpected(QStringLiteral("the body is not form data"));
        auto decode = [](QByteArray part) -> std::optional<QString> {
            part.replace('+', ' ');
            const QByteArray bytes = QByteArray::fromPercentEncoding(part);
            QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
            QString text = utf8(bytes);
            if (utf8.hasError())
                return std::nullopt;
            return text;
        };
        auto key = decode(pair.left(eq));
        auto value = decode(pair.mid(eq + 1));
        if (!key || !value)
            return std::unexpected(QStringLiteral("the form data is not UTF-8"));
        fields.append({*key, *value});
    }
    if (fields.isEmpty())
        return std::unexpected(QStringLiteral("the body is not form data"));
    return fields;
}

std::expected<ParsedHook, QString> parseHook(HookKind kind, const QByteArray &body)
{
    switch (kind) {
    case HookKind::AtDelivery:
    case HookKind::AtInbound:
    case HookKind::AtOptOut:
        return parseAtForm(kind, body);
    case HookKind::DarajaStk:
    case HookKind::DarajaValidation:
    case HookKind::DarajaConfirmation:
        return parseDaraja(kind, body);
    }
    Q_UNREACHABLE();
}

HookAnswer hookAnswer(HookKind kind)
{
    switch (kind) {
    case HookKind::AtDelivery:
    case HookKind::AtInbound:
    case HookKind::AtOptOut:
        return {"text/plain", "OK"};
    case HookKind::DarajaStk:
        return {"application/json", R"({"ResultCode":0,"ResultDesc":"Accepted"})"};
    case HookKind::DarajaValidation:
        return {"application/json", R"({"ResultCode":"0","ResultDesc":"Accepted"})"};
    case HookKind::DarajaConfirmation:
        return {"application/json", R"({"ResultCode":0,"ResultDesc":"Success"})"};
    }
    Q_UNREACHABLE();
}

} // namespace kengele::relay
