// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Secrets.h"

#include <QCryptographicHash>

#include <sodium.h>

#include <array>

namespace kengele::relay::secrets {

namespace {

void ensureSodium()
{
    static const bool ready = sodium_init() >= 0;
    Q_ASSERT(ready);
    Q_UNUSED(ready);
}

QString randomFrom(QLatin1StringView alphabet, int length)
{
    ensureSodium();
    QString result;
    result.reserve(length);
    for (int i = 0; i < length; ++i)
        result.append(QChar(alphabet.at(randombytes_uniform(quint32(alphabet.size())))));
    return result;
}

} // namespace

QString randomBase32(int length)
{
    return randomFrom(QLatin1StringView("abcdefghijklmnopqrstuvwxyz234567"), length);
}

QString organisationId()
{
    return QStringLiteral("org_") + randomBase32(10);
}

QString deviceId()
{
    return QStringLiteral("dev_") + randomBase32(10);
}

QString hookSecret()
{
    // Daraja refuses callback URLs that contain these words, in any case (provider-apis B.3).
    static const std::array<QLatin1StringView, 9> refused
        = {QLatin1StringView("mpesa"), QLatin1StringView("m-pesa"), QLatin1StringView("safaricom"),
           QLatin1StringView("exe"),   QLatin1StringView("exec"),   QLatin1StringView("cmd"),
           QLatin1StringView("sql"),   QLatin1StringView("query"),  QLatin1StringView("ngrok")};
    for (;;) {
        QString secret = randomBase32(26);
        bool clean = true;
        for (const auto word : refused)
            clean = clean && !secret.contains(word, Qt::CaseInsensitive);
        if (clean)
            return secret;
    }
}

QString deviceToken()
{
    ensureSodium();
    QByteArray bytes(32, Qt::Uninitialized);
    randombytes_buf(bytes.data(), size_t(bytes.size()));
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString enrolCode()
{
    const QLatin1StringView crockford("0123456789ABCDEFGHJKMNPQRSTVWXYZ");
    return QStringLiteral("KGL-") + randomFrom(crockford, 4) + QLatin1Char('-') + randomFrom(crockford, 4) + QLatin1Char('-')
        + randomFrom(crockford, 4);
}

QString normaliseEnrolCode(const QString &typed)
{
    QString result;
    for (const QChar c : typed) {
        if (c.isLetterOrNumber())
            result.append(c.toUpper());
    }
    return result;
}

QByteArray sha256(const QString &text)
{
    return QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256);
}

bool constantTimeEqual(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size() || a.isEmpty())
        return false;
    return sodium_memcmp(a.constData(), b.constData(), size_t(a.size())) == 0;
}

} // namespace kengele::relay::secrets
