// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "SecretBytes.h"

#include <QDebug>

#include <sodium.h>

#include <utility>

namespace kengele {

namespace {

bool sodiumReady()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}

} // namespace

SecretBytes::SecretBytes(qsizetype size)
{
    if (size <= 0 || !sodiumReady())
        return;
    m_bytes = static_cast<unsigned char *>(sodium_malloc(size_t(size)));
    if (!m_bytes)
        return;
    sodium_memzero(m_bytes, size_t(size));
    m_size = size;
}

SecretBytes::~SecretBytes()
{
    sodium_free(m_bytes); // wipes, then frees; null is fine
}

SecretBytes::SecretBytes(SecretBytes &&other) noexcept
    : m_bytes(std::exchange(other.m_bytes, nullptr))
    , m_size(std::exchange(other.m_size, 0))
{ }

SecretBytes &SecretBytes::operator=(SecretBytes &&other) noexcept
{
    if (this != &other) {
        sodium_free(m_bytes);
        m_bytes = std::exchange(other.m_bytes, nullptr);
        m_size = std::exchange(other.m_size, 0);
    }
    return *this;
}

SecretBytes SecretBytes::random(qsizetype size)
{
    SecretBytes secret(size);
    if (secret.m_bytes)
        randombytes_buf(secret.m_bytes, size_t(secret.m_size));
    return secret;
}

SecretBytes SecretBytes::copyOf(QByteArrayView bytes)
{
    SecretBytes secret(bytes.size());
    if (secret.m_bytes)
        memcpy(secret.m_bytes, bytes.data(), size_t(bytes.size()));
    return secret;
}

SecretBytes SecretBytes::takeFrom(QByteArray &bytes)
{
    SecretBytes secret = copyOf(bytes);
    wipe(bytes);
    bytes.clear();
    return secret;
}

SecretBytes SecretBytes::fromBase64(const QString &text)
{
    QByteArray latin = text.toLatin1();
    auto decoded = QByteArray::fromBase64Encoding(latin, QByteArray::AbortOnBase64DecodingErrors);
    wipe(latin);
    if (!decoded)
        return {};
    return takeFrom(decoded.decoded);
}

QString SecretBytes::toBase64() const
{
    QByteArray raw = QByteArray::fromRawData(reinterpret_cast<const char *>(m_bytes), m_size);
    QByteArray encoded = raw.toBase64();
    QString text = QString::fromLatin1(encoded);
    wipe(encoded);
    return text;
}

bool SecretBytes::equals(const SecretBytes &other) const
{
    if (m_size != other.m_size)
        return false;
    return m_size == 0 || sodium_memcmp(m_bytes, other.m_bytes, size_t(m_size)) == 0;
}

void wipe(QByteArray &bytes)
{
    if (!bytes.isEmpty() && !bytes.isDetached())
        return bytes.clear(); // shared: another owner still uses these bytes
    if (!bytes.isEmpty())
        sodium_memzero(bytes.data(), size_t(bytes.size()));
}

void wipe(QString &text)
{
    if (!text.isEmpty() && !text.isDetached())
        return text.clear();
    if (!text.isEmpty())
        sodium_memzero(text.data(), size_t(text.size()) * sizeof(QChar));
}

QDebug operator<<(QDebug debug, const SecretBytes &secret)
{
    QDebugStateSaver saver(debug);
    debug.nospace() << "SecretBytes(" << secret.size() << " bytes)";
    return debug;
}

} // namespace kengele
