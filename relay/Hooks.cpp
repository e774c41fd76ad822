// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Hooks.h"

#include <nlohmann/json.hpp>

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringDecoder>

#include <algorithm>
#include <cctype>

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
constexpr int MaxJsonDepth = 64;

// Africa's Talking's fields that hold an id, a number, a status or a code: never a control
// character (a line break in an id is an attack, not a provider's data). The inbound message's
// text, and any field the provider may add, can hold line breaks and tabs, but no field can hold
// NUL: PostgreSQL text cannot store it, and no provider sends it.
constexpr const char *IdentifierFields[]
    = {"id", "status", "phoneNumber", "senderId", "networkCode", "failureReason", "from", "to", "linkId", "date", "retryCount"};

bool isIdentifierField(const QString &key)
{
    return std::any_of(std::begin(IdentifierFields), std::end(IdentifierFields),
                       [&key](const char *name) { return key == QLatin1String(name); });
}

bool hasControlCharacter(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.category() == QChar::Other_Control; });
}

// Checks one form field; the reason names the field only when it is one we know (the reason is
// logged and stored, and must not carry what the sender wrote).
std::optional<QString> formFieldProblem(const QString &key, const QString &value)
{
    if (key.size() > 64 || value.size() > MaxFieldLength)
        return QStringLiteral("a form field is too long");
    if (hasControlCharacter(key))
        return QStringLiteral("a form field's name holds a control character");
    const bool known = isIdentifierField(key) || key == QLatin1String("text");
    const QString name = known ? QStringLiteral("the field '%1'").arg(key) : QStringLiteral("a form field");
    if (isIdentifierField(key) && hasControlCharacter(value))
        return name + QStringLiteral(" holds a control character");
    if (value.contains(QChar(0)))
        return name + QStringLiteral(" holds a NUL character");
    return std::nullopt;
}

// RFC 8259 JSON, checked to the letter by nlohmann/json's parser (SAX, no document built):
// QJsonDocument lets through raw control characters inside strings, unknown escapes such as \x,
// numbers such as "1." and ".5", none of which a strict reader of the feed accepts (the feed embeds
// the provider's bytes as they are). Also refuses a string holding NUL (the escape \u0000): PostgreSQL
// text cannot store it; and nesting deeper than MaxJsonDepth.
class StrictJson final : public nlohmann::json_sax<nlohmann::json>
{
public:
    std::optional<QString> problem;
    bool holdsNul = false; // a string holds the escape \u0000

    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t &) override { return true; }
    bool string(string_t &value) override { return text(value); }
    bool binary(binary_t &) override { return true; }
    bool key(string_t &value) override { return text(value); }
    bool start_object(std::size_t) override { return deeper(); }
    bool end_object() override { return shallower(); }
    bool start_array(std::size_t) override { return deeper(); }
    bool end_array() override { return shallower(); }
    bool parse_error(std::size_t position, const std::string &, const nlohmann::detail::exception &error) override
    {
        // The library's message ends with the text it last read ("; last read: ..."): that is
        // the provider's body, which never goes into a reason. Only what was wrong, and where.
        std::string what = error.what();
        if (const auto cut = what.find("; last read"); cut != std::string::npos)
            what.resize(cut);
        if (const auto dash = what.find(" - "); dash != std::string::npos)
            what = what.substr(dash + 3);
        problem = QStringLiteral("the body is not valid JSON (%1 at byte %2)").arg(QString::fromStdString(what)).arg(position);
        return false;
    }

private:
    bool text(const string_t &value)
    {
        if (value.find('\0') == string_t::npos)
            return true;
        holdsNul = true;
        return false;
    }
    bool deeper()
    {
        if (++m_depth <= MaxJsonDepth)
            return true;
        problem = QStringLiteral("the body is nested too deeply");
        return false;
    }
    bool shallower()
    {
        --m_depth;
        return true;
    }
    int m_depth = 0;
};

std::expected<ParsedHook, QString> parseAtForm(HookKind kind, const QByteArray &body)
{
    auto form = parseForm(body);
    if (!form)
        return std::unexpected(form.error());
    QJsonObject data;
    for (const auto &[key, value] : *form) {
        if (auto problem = formFieldProblem(key, value))
            return std::unexpected(*problem);
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
    QByteArray json = body.trimmed();
    // A byte order mark is allowed to be ignored (RFC 8259), and must go: the feed embeds the
    // data inside its own JSON.
    if (json.startsWith("\xEF\xBB\xBF"))
        json = json.mid(3).trimmed();
    if (auto problem = strictJsonProblem(json))
        return std::unexpected(*problem);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
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
    if (hasControlCharacter(key))
        return std::unexpected(QStringLiteral("the provider's id holds a control character"));
    return ParsedHook{key, json};
}

} // namespace

std::optional<QString> strictJsonProblem(const QByteArray &json)
{
    // nlohmann/json takes a NUL byte for the end of the text and skips a byte order mark: both are
    // refused here first.
    if (const qsizetype nul = json.indexOf('\0'); nul >= 0)
        return QStringLiteral("the body is not valid JSON (a NUL character at byte %1)").arg(nul);
    if (json.startsWith("\xEF\xBB\xBF"))
        return QStringLiteral("the body starts with a byte order mark");
    StrictJson checker;
    const bool ok = nlohmann::json::sax_parse(json.constBegin(), json.constEnd(), &checker, nlohmann::json::input_format_t::json,
                                              /*strict=*/true, /*ignore_comments=*/false);
    if (ok)
        return std::nullopt;
    if (checker.holdsNul) {
        // Where: the first \u0000 that is an escape (not "\\u0000", an escaped backslash).
        for (qsizetype at = json.indexOf("\\u0000"); at >= 0; at = json.indexOf("\\u0000", at + 1)) {
            qsizetype backslashes = 0;
            while (at - backslashes > 0 && json.at(at - backslashes - 1) == '\\')
                ++backslashes;
            if (backslashes % 2 == 0)
                return QStringLiteral("the body holds the escape \\u0000 (a NUL character) at byte %1").arg(at);
        }
    }
    return checker.problem.value_or(QStringLiteral("the body is not valid JSON"));
}

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
