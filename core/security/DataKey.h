// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QCoreApplication>

#include <functional>

namespace kengele {

class SecretStore;

// The profile's data key: 32 random bytes kept in the operating system's keychain beside the other
// secrets (never in the database, the settings or a backup), made the first time something
// confidential is written. Confidential fields — pastoral notes — are sealed with it
// (XChaCha20-Poly1305, libsodium), so the database file alone, a copied file or a backup reveals
// nothing of them.
class DataKey final
{
    Q_DECLARE_TR_FUNCTIONS(DataKey)

public:
    static constexpr int KeyBytes = 32;
    // Its name in the (profile-scoped) secret store.
    static constexpr const char *SecretName = "data-key";

    // Reads the key, or makes and saves one when there is none yet. Blocking (SecretStore::readNow):
    // not on the GUI thread.
    static Result<QByteArray> loadOrCreate(SecretStore &secrets);
    // The same without blocking, for the desktop app: `done` is called once, when the keychain has
    // answered (and, for a new key, saved it). `secrets` must outlive the call.
    using LoadCallback = std::function<void(Result<QByteArray>)>;
    static void loadOrCreate(SecretStore &secrets, LoadCallback done);

    // nonce (24 bytes) + ciphertext with its tag. `context` (e.g. "contact:42:pastoral") is bound
    // to it: a sealed value moved to another record does not open there.
    static Result<QByteArray> seal(const QByteArray &key, const QByteArray &plain, const QByteArray &context);
    static Result<QByteArray> open(const QByteArray &key, const QByteArray &sealed, const QByteArray &context);

    // A key for another purpose derived from the data key (libsodium's crypto_kdf): `purpose` is
    // 8 characters, e.g. "optouts_".
    static QByteArray subkey(const QByteArray &key, quint64 id, const char (&purpose)[9]);
};

} // namespace kengele
