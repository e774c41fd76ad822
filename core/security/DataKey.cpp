// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "DataKey.h"

#include "SecretStore.h"

#include <sodium.h>

namespace kengele {

namespace {

bool sodiumReady()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}

Error unreadable()
{
    return {ErrorCode::Storage,
            DataKey::tr("A confidential note could not be opened: it was changed outside Kengele, or this computer's "
                        "keychain holds another key for this data folder.")};
}

// What the keychain gave back: the key it holds, or empty when it holds none (NotFound).
Result<QByteArray> storedKey(const Result<QString> &stored)
{
    if (!stored)
        return stored.error().code == ErrorCode::NotFound ? Result<QByteArray>(QByteArray()) : std::unexpected(stored.error());
    const QByteArray key = QByteArray::fromBase64(stored->toLatin1());
    if (key.size() != DataKey::KeyBytes)
        return fail(ErrorCode::Keychain,
                    DataKey::tr("The keychain holds a damaged key for this data folder's confidential notes."));
    return key;
}

QByteArray newKey()
{
    QByteArray key(DataKey::KeyBytes, '\0');
    crypto_aead_xchacha20poly1305_ietf_keygen(reinterpret_cast<unsigned char *>(key.data()));
    return key;
}

} // namespace

Result<QByteArray> DataKey::loadOrCreate(SecretStore &secrets)
{
    if (!sodiumReady())
        return fail(ErrorCode::Storage, tr("The encryption library could not start."));
    const QString name = QString::fromLatin1(SecretName);
    const Result<QByteArray> stored = storedKey(secrets.readNow(name));
    if (!stored || !stored->isEmpty())
        return stored;
    const QByteArray key = newKey();
    if (Status saved = secrets.writeNow(name, QString::fromLatin1(key.toBase64())); !saved)
        return std::unexpected(saved.error());
    return key;
}

void DataKey::loadOrCreate(SecretStore &secrets, LoadCallback done)
{
    if (!sodiumReady()) {
        done(fail(ErrorCode::Storage, tr("The encryption library could not start.")));
        return;
    }
    const QString name = QString::fromLatin1(SecretName);
    secrets.read(name, [&secrets, name, done = std::move(done)](const Result<QString> &answer) {
        const Result<QByteArray> stored = storedKey(answer);
        if (!stored || !stored->isEmpty()) {
            done(stored);
            return;
        }
        const QByteArray key = newKey();
        secrets.write(name, QString::fromLatin1(key.toBase64()), [key, done](const Status &saved) {
            done(saved ? Result<QByteArray>(key) : std::unexpected(saved.error()));
        });
    });
}

Result<QByteArray> DataKey::seal(const QByteArray &key, const QByteArray &plain, const QByteArray &context)
{
    if (!sodiumReady() || key.size() != KeyBytes)
        return fail(ErrorCode::Keychain, tr("The key for confidential notes is not available."));
    QByteArray sealed(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + plain.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES,
                      '\0');
    auto *nonce = reinterpret_cast<unsigned char *>(sealed.data());
    randombytes_buf(nonce, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
    unsigned long long length = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(nonce + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES, &length,
                                               reinterpret_cast<const unsigned char *>(plain.constData()), plain.size(),
                                               reinterpret_cast<const unsigned char *>(context.constData()), context.size(),
                                               nullptr, nonce, reinterpret_cast<const unsigned char *>(key.constData()));
    sealed.truncate(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + qsizetype(length));
    return sealed;
}

Result<QByteArray> DataKey::open(const QByteArray &key, const QByteArray &sealed, const QByteArray &context)
{
    if (!sodiumReady() || key.size() != KeyBytes)
        return fail(ErrorCode::Keychain, tr("The key for confidential notes is not available."));
    constexpr qsizetype Overhead = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES + crypto_aead_xchacha20poly1305_ietf_ABYTES;
    if (sealed.size() < Overhead)
        return std::unexpected(unreadable());
    QByteArray plain(sealed.size() - Overhead, '\0');
    unsigned long long length = 0;
    const auto *nonce = reinterpret_cast<const unsigned char *>(sealed.constData());
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(reinterpret_cast<unsigned char *>(plain.data()), &length, nullptr,
                                                   nonce + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES,
                                                   sealed.size() - crypto_aead_xchacha20poly1305_ietf_NPUBBYTES,
                                                   reinterpret_cast<const unsigned char *>(context.constData()), context.size(),
                                                   nonce, reinterpret_cast<const unsigned char *>(key.constData()))
        != 0)
        return std::unexpected(unreadable());
    plain.truncate(qsizetype(length));
    return plain;
}

QByteArray DataKey::subkey(const QByteArray &key, quint64 id, const char (&purpose)[9])
{
    QByteArray sub(crypto_kdf_KEYBYTES, '\0');
    if (!sodiumReady() || key.size() != crypto_kdf_KEYBYTES)
        return {};
    crypto_kdf_derive_from_key(reinterpret_cast<unsigned char *>(sub.data()), sub.size(), id, purpose,
                               reinterpret_cast<const unsigned char *>(key.constData()));
    return sub;
}

} // namespace kengele
