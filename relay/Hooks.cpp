// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Hooks.h"

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

// RFC 8259 JSON, checked to the letter: QJsonDocument lets through raw control characters inside
// strings, unknown escapes such as \x, numbers such as "1." and ".5", and a byte order mark, none
// of which a strict reader of the feed accepts (the feed embeds the provider's bytes as they are).
// Also refuses the escape \u0000: the NUL it stands for cannot be stored in PostgreSQL text.
class StrictJson
{
public:
    explicit StrictJson(const QByteArray &text)
        : m_begin(text.constData())
        , m_p(m_begin)
        , m_end(m_begin + text.size())
    { }

    std::optional<QString> problem()
    {
        space();
        if (value(0)) {
            space();
            if (m_p == m_end)
                return std::nullopt;
            fail("garbage at the end of the document");
        }
        return m_problem;
    }

private:
    bool fail(const char *what)
    {
        m_problem = QStringLiteral("the body is not valid JSON (%1 at byte %2)").arg(QLatin1String(what)).arg(m_p - m_begin);
        return false;
    }
    bool at(char c) const { return m_p < m_end && *m_p == c; }
    bool digit() const { return m_p < m_end && *m_p >= '0' && *m_p <= '9'; }
    void space()
    {
        while (at(' ') || at('\t') || at('\n') || at('\r'))
            ++m_p;
    }
    bool digits()
    {
        if (!digit())
            return false;
        while (digit())
            ++m_p;
        return true;
    }
    bool literal(QByteArrayView word)
    {
        if (QByteArrayView(m_p, m_end - m_p).startsWith(word)) {
            m_p += word.size();
            return true;
        }
        return fail("illegal value");
    }

    bool value(int depth)
    {
        if (depth > MaxJsonDepth)
            return fail("too deeply nested");
        if (m_p == m_end)
            return fail("a value is missing");
        switch (*m_p) {
        case '{':
            return object(depth + 1);
        case '[':
            return array(depth + 1);
        case '"':
            return string();
        case 't':
            return literal("true");
        case 'f':
            return literal("false");
        case 'n':
            return literal("null");
        default:
            return number();
        }
    }

    bool object(int depth)
    {
        ++m_p;
        space();
        if (at('}')) {
            ++m_p;
            return true;
        }
        for (;;) {
            if (!at('"'))
                return fail("a name is missing");
            if (!string())
                return false;
            space();
            if (!at(':'))
                return fail("a colon is missing");
            ++m_p;
            space();
            if (!value(depth))
                return false;
            space();
            if (at('}')) {
                ++m_p;
                return true;
            }
            if (!at(','))
                return fail("unterminated object");
            ++m_p;
            space();
        }
    }

    bool array(int depth)
    {
        ++m_p;
        space();
        if (at(']')) {
            ++m_p;
            return true;
        }
        for (;;) {
            if (!value(depth))
                return false;
            space();
            if (at(']')) {
                ++m_p;
                return true;
            }
            if (!at(','))
                return fail("unterminated array");
            ++m_p;
            space();
        }
    }

    bool string()
    {
        ++m_p;
        while (m_p < m_end) {
            const auto c = static_cast<unsigned char>(*m_p);
            if (c == '"') {
                ++m_p;
                return true;
            }
            if (c < 0x20)
                return fail(c == 0 ? "a NUL character" : "a control character in a string");
            if (c == '\\') {
                ++m_p;
                if (m_p == m_end)
                    break;
                if (*m_p == 'u') {
                    const QByteArrayView hex(m_p + 1, std::min<qsizetype>(4, m_end - m_p - 1));
                    if (hex.size() < 4 || !std::all_of(hex.begin(), hex.end(), [](char h) {
                            return std::isxdigit(static_cast<unsigned char>(h));
                        }))
                        return fail("invalid escape sequence");
                    if (hex == "0000") {
                        m_problem = QStringLiteral("the body holds the escape \\u0000 (a NUL character) at byte %1")
                                        .arg(m_p - 1 - m_begin);
                        return false;
                    }
                    m_p += 5;
                    continue;
                }
                if (!QByteArrayView("\"\\/bfnrt").contains(*m_p))
                    return fail("invalid escape sequence");
            }
            ++m_p;
        }
        return fail("unterminated string");
    }

    bool number()
    {
        if (at('-'))
            ++m_p;
        if (at('0'))
            ++m_p;
        else if (!digit())
            return fail(m_p < m_end && static_cast<unsigned char>(*m_p) < 0x20 ? "a control character" : "illegal value");
        else
            digits();
        if (at('.')) {
            ++m_p;
            if (!digits())
                return fail("illegal number");
        }
        if (at('e') || at('E')) {
            ++m_p;
            if (at('+') || at('-'))
                ++m_p;
            if (!digits())
                return fail("illegal number");
        }
        return true;
    }

    const char *m_begin;
    const char *m_p;
    const char *m_end;
    QString m_problem;
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
    return StrictJson(json).problem();
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
