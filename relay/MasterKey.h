// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QString>

#include <expected>
#include <optional>

namespace kengele::relay {

struct RelayConfig;

// The relay's master key (docs/relay.md, "The key file"): 32 random bytes in a file outside the
// database, created 0600 when missing. Every secret the relay keeps in its database (M-Pesa
// credentials, Daraja tokens, hook secrets, the voucher signing key) is sealed with it using
// XChaCha20-Poly1305 (libsodium), with the secret's place as associated data, so that a copy of
// the database alone reveals nothing and a sealed value cannot be moved to another column or
// organisation. Every relay process on one database needs the same key file.
class MasterKey final
{
public:
    // The key file a configuration means: `key-file` when set, else relay.key beside the SQLite
    // file, else relay.key in the working folder (PostgreSQL).
    static QString pathFor(const RelayConfig &config);
    // Reads the key file, or creates it (mode 0600) when it does not exist.
    static std::expected<MasterKey, QString> loadOrCreate(const QString &path);
    // A key held only in memory (tests of the store alone).
    static MasterKey random();

    // "v1:" + base64(nonce + ciphertext). `context` names the secret's place, e.g. "mpesa:org_x:passkey".
    QString seal(const QByteArray &plain, const QString &context) const;
    // nullopt when the text was not sealed with this key for this context.
    std::optional<QByteArray> open(const QString &sealed, const QString &context) const;

private:
    MasterKey() = default;
    QByteArray m_key;
};

} // namespace kengele::relay
