// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Voucher.h"

#include "Plan.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>
#include <sodium.h>

namespace kengele {

namespace {

constexpr qint64 MaxTokens = 1'000'000'000;
constexpr int MaxValidityDays = 366;
constexpr qint64 MaxAmountKes = 10'000'000;
constexpr int MaxTextLength = 100;

bool sodiumReady()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}

// JSON string escaping as RFC 8259 wants it; the canonical form is written by hand so that the key
// order is fixed and documented rather than whatever a JSON library prefers.
QByteArray jsonString(const QString &text)
{
    const QByteArray quoted = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return quoted.mid(1, quoted.size() - 2);
}

QString isoTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

bool plainText(const QString &text, bool mayBeEmpty)
{
    if (text.isEmpty())
        return mayBeEmpty;
    if (text.size() > MaxTextLength)
        return false;
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control)
            return false;
    }
    return true;
}

} // namespace

QByteArray Voucher::canonical() const
{
    QByteArray out = "{";
    const auto field = [&out](const char *key, const QByteArray &value) {
        if (out.size() > 1)
            out += ',';
        out += '"';
        out += key;
        out += "\":";
        out += value;
    };
    field("id", jsonString(id));
    field("org", jsonString(org));
    field("purchase", jsonString(purchase));
    field("plan", jsonString(plan));
    field("account", jsonString(account));
    field("tokens", QByteArray::number(tokens));
    field("validity_days", QByteArray::number(validityDays));
    field("amount_kes", QByteArray::number(amountKes));
    field("receipt", jsonString(receipt));
    field("issued", jsonString(isoTime(issued)));
    field("simulated", simulated ? QByteArrayLiteral("true") : QByteArrayLiteral("false"));
    out += '}';
    return out;
}

std::expected<Voucher, QString> Voucher::parse(const QByteArray &canonical)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(canonical, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::unexpected(QStringLiteral("the voucher is not a JSON object"));
    const QJsonObject o = document.object();
    const auto isInteger = [&o](const char *key) {
        const QJsonValue v = o.value(QLatin1StringView(key));
        return v.isDouble() && v.toDouble() == static_cast<double>(v.toInteger());
    };
    for (const char *key : {"id", "org", "purchase", "plan", "account", "receipt", "issued"}) {
        if (!o.value(QLatin1StringView(key)).isString())
            return std::unexpected(QStringLiteral("the voucher has no text %1").arg(QLatin1StringView(key)));
    }
    for (const char *key : {"tokens", "validity_days", "amount_kes"}) {
        if (!isInteger(key))
            return std::unexpected(QStringLiteral("the voucher has no whole number %1").arg(QLatin1StringView(key)));
    }
    if (!o.value(QLatin1StringView("simulated")).isBool())
        return std::unexpected(QStringLiteral("the voucher does not say whether it is simulated"));

    Voucher v;
    v.id = o.value(QLatin1StringView("id")).toString();
    v.org = o.value(QLatin1StringView("org")).toString();
    v.purchase = o.value(QLatin1StringView("purchase")).toString();
    v.plan = o.value(QLatin1StringView("plan")).toString();
    v.account = o.value(QLatin1StringView("account")).toString();
    v.receipt = o.value(QLatin1StringView("receipt")).toString();
    v.tokens = o.value(QLatin1StringView("tokens")).toInteger();
    v.validityDays = static_cast<int>(o.value(QLatin1StringView("validity_days")).toInteger());
    v.amountKes = o.value(QLatin1StringView("amount_kes")).toInteger();
    v.simulated = o.value(QLatin1StringView("simulated")).toBool();
    v.issued = QDateTime::fromString(o.value(QLatin1StringView("issued")).toString(), Qt::ISODateWithMs);

    if (!plainText(v.id, false) || !plainText(v.org, false) || !plainText(v.purchase, true) || !plainText(v.account, false)
        || !plainText(v.receipt, true))
        return std::unexpected(QStringLiteral("the voucher has an empty, over-long or unprintable field"));
    if (!Plan::find(v.plan))
        return std::unexpected(QStringLiteral("the voucher names an unknown plan"));
    if (v.tokens <= 0 || v.tokens > MaxTokens)
        return std::unexpected(QStringLiteral("the voucher's number of tokens is out of range"));
    if (v.validityDays <= 0 || v.validityDays > MaxValidityDays)
        return std::unexpected(QStringLiteral("the voucher's validity is out of range"));
    if (v.amountKes < 0 || v.amountKes > MaxAmountKes)
        return std::unexpected(QStringLiteral("the voucher's amount is out of range"));
    if (!v.issued.isValid())
        return std::unexpected(QStringLiteral("the voucher's time of issue cannot be read"));
    v.issued = v.issued.toUTC();
    // The text must be exactly what this voucher writes: a signed text with extra keys, another key
    // order or other spacing is not a voucher this relay issued.
    if (v.canonical() != canonical)
        return std::unexpected(QStringLiteral("the voucher is not in its canonical form"));
    return v;
}

QJsonObject Voucher::signedEventData(const QByteArray &secretKey) const
{
    const QByteArray text = canonical();
    return QJsonObject{{QStringLiteral("voucher"), QString::fromUtf8(text)},
                       {QStringLiteral("signature"), QString::fromLatin1(sign(text, secretKey).toBase64())}};
}

std::expected<Voucher, QString> Voucher::fromEventData(const QJsonObject &data, const QByteArray &publicKey)
{
    if (!data.value(QLatin1StringView("voucher")).isString() || !data.value(QLatin1StringView("signature")).isString())
        return std::unexpected(QStringLiteral("the event has no voucher or no signature"));
    const QByteArray text = data.value(QLatin1StringView("voucher")).toString().toUtf8();
    const auto signature = QByteArray::fromBase64Encoding(data.value(QLatin1StringView("signature")).toString().toLatin1(),
                                                          QByteArray::AbortOnBase64DecodingErrors);
    if (!signature)
        return std::unexpected(QStringLiteral("the voucher's signature is not base64"));
    if (publicKey.size() != crypto_sign_PUBLICKEYBYTES)
        return std::unexpected(QStringLiteral("no voucher key of the relay is known"));
    if (!verify(text, *signature, publicKey))
        return std::unexpected(QStringLiteral("the voucher's signature does not match the relay's voucher key"));
    return parse(text);
}

Voucher::KeyPair Voucher::generateKeyPair()
{
    KeyPair pair;
    if (!sodiumReady())
        return pair;
    pair.publicKey.resize(crypto_sign_PUBLICKEYBYTES);
    pair.secretKey.resize(crypto_sign_SECRETKEYBYTES);
    crypto_sign_keypair(reinterpret_cast<unsigned char *>(pair.publicKey.data()),
                        reinterpret_cast<unsigned char *>(pair.secretKey.data()));
    return pair;
}

QByteArray Voucher::publicKeyOf(const QByteArray &secretKey)
{
    if (!sodiumReady() || secretKey.size() != crypto_sign_SECRETKEYBYTES)
        return {};
    QByteArray publicKey(crypto_sign_PUBLICKEYBYTES, Qt::Uninitialized);
    crypto_sign_ed25519_sk_to_pk(reinterpret_cast<unsigned char *>(publicKey.data()),
                                 reinterpret_cast<const unsigned char *>(secretKey.constData()));
    return publicKey;
}

QByteArray Voucher::sign(const QByteArray &message, const QByteArray &secretKey)
{
    if (!sodiumReady() || secretKey.size() != crypto_sign_SECRETKEYBYTES)
        return {};
    QByteArray signature(crypto_sign_BYTES, Qt::Uninitialized);
    crypto_sign_detached(reinterpret_cast<unsigned char *>(signature.data()), nullptr,
                         reinterpret_cast<const unsigned char *>(message.constData()),
                         static_cast<unsigned long long>(message.size()),
                         reinterpret_cast<const unsigned char *>(secretKey.constData()));
    return signature;
}

bool Voucher::verify(const QByteArray &message, const QByteArray &signature, const QByteArray &publicKey)
{
    if (!sodiumReady() || signature.size() != crypto_sign_BYTES || publicKey.size() != crypto_sign_PUBLICKEYBYTES)
        return false;
    return crypto_sign_verify_detached(reinterpret_cast<const unsigned char *>(signature.constData()),
                                       reinterpret_cast<const unsigned char *>(message.constData()),
                                       static_cast<unsigned long long>(message.size()),
                                       reinterpret_cast<const unsigned char *>(publicKey.constData()))
        == 0;
}

} // namespace kengele
