// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArrayView>
#include <QString>

class QDebug;

namespace kengele {

// Key material in memory that libsodium guards (sodium_malloc: locked where the system allows, kept
// out of core dumps, fenced by guard pages) and wipes when it goes. Move-only: a copy is explicit
// (clone()). QByteArray and QString copy freely and are never wiped, so secrets stay here and only
// pass through a QByteArray or QString on their way to or from the keychain, wiped straight after.
//
// Printing one with qDebug() shows only its length.
class SecretBytes final
{
public:
    SecretBytes() = default;
    // `size` zero bytes (empty when the memory cannot be had: check size()).
    explicit SecretBytes(qsizetype size);
    ~SecretBytes();
    SecretBytes(SecretBytes &&other) noexcept;
    SecretBytes &operator=(SecretBytes &&other) noexcept;
    SecretBytes(const SecretBytes &) = delete;
    SecretBytes &operator=(const SecretBytes &) = delete;

    static SecretBytes random(qsizetype size);
    static SecretBytes copyOf(QByteArrayView bytes);
    // Moves the bytes out of `bytes` and wipes it.
    static SecretBytes takeFrom(QByteArray &bytes);
    // The keychain's text form (base64); the temporaries are wiped. Empty when the text is not base64.
    static SecretBytes fromBase64(const QString &text);
    QString toBase64() const;

    SecretBytes clone() const { return copyOf(view()); }

    unsigned char *data() { return m_bytes; }
    const unsigned char *data() const { return m_bytes; }
    qsizetype size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }
    QByteArrayView view() const { return {m_bytes, m_size}; }

    // Constant time; sizes must match too.
    bool equals(const SecretBytes &other) const;

private:
    unsigned char *m_bytes = nullptr;
    qsizetype m_size = 0;
};

// Wipes a QByteArray's or QString's bytes in place (a secret that had to pass through one).
void wipe(QByteArray &bytes);
void wipe(QString &text);

QDebug operator<<(QDebug debug, const SecretBytes &secret);

} // namespace kengele
