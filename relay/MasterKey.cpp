// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "MasterKey.h"

#include "RelayConfig.h"
#include "RelayStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <sodium.h>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kengele::relay {

namespace {

constexpr int KeyBytes = crypto_aead_xchacha20poly1305_ietf_KEYBYTES;
constexpr int NonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
const QByteArray FileHeader = QByteArrayLiteral("kengele-relay master key v1\n");

bool sodiumReady()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}

} // namespace

QString MasterKey::pathFor(const RelayConfig &config)
{
    if (!config.keyFile.isEmpty())
        return config.keyFile;
    const auto location = DatabaseLocation::parse(config.database);
    if (location && location->kind == DatabaseLocation::Kind::Sqlite)
        return QFileInfo(location->path).absoluteDir().filePath(QStringLiteral("relay.key"));
    return QDir::current().filePath(QStringLiteral("relay.key"));
}

MasterKey MasterKey::random()
{
    MasterKey key;
    if (!sodiumReady())
        return key;
    key.m_key.resize(KeyBytes);
    crypto_aead_xchacha20poly1305_ietf_keygen(reinterpret_cast<unsigned char *>(key.m_key.data()));
    return key;
}

std::expected<MasterKey, QString> MasterKey::loadOrCreate(const QString &path)
{
    if (!sodiumReady())
        return std::unexpected(QStringLiteral("libsodium cannot start"));
    const QByteArray native = QFile::encodeName(path);
    // O_EXCL: two relay processes starting at once never both write a key; the loser reads the winner's.
    const int fd = ::open(native.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0) {
        MasterKey fresh = random();
        const QByteArray text = FileHeader + fresh.m_key.toBase64() + '\n';
        const bool written = ::write(fd, text.constData(), size_t(text.size())) == text.size() && ::fsync(fd) == 0;
        ::close(fd);
        if (!written) {
            QFile::remove(path);
            return std::unexpected(QStringLiteral("cannot write the key file %1").arg(path));
        }
        return fresh;
    }
    if (errno != EEXIST)
        return std::unexpected(
            QStringLiteral("cannot create the key file %1 (does its folder exist, and may the relay's user write there?)")
                .arg(path));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::unexpected(QStringLiteral("cannot read the key file %1").arg(path));
    const QByteArray text = file.read(4096);
    if (!text.startsWith(FileHeader))
        return std::unexpected(QStringLiteral("the key file %1 is not a kengele-relay key file").arg(path));
    const auto decoded
        = QByteArray::fromBase64Encoding(text.mid(FileHeader.size()).trimmed(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != KeyBytes)
        return std::unexpected(QStringLiteral("the key file %1 is damaged").arg(path));
    struct stat info {
    };
    if (::stat(native.constData(), &info) == 0 && (info.st_mode & 077) != 0)
        ::chmod(native.constData(), 0600); // others never read it, whatever copied it here
    MasterKey key;
    key.m_key = decoded.decoded;
    return key;
}

QString MasterKey::seal(const QByteArray &plain, const QString &context) const
{
    if (m_key.size() != KeyBytes)
        return {};
    const QByteArray ad = context.toUtf8();
    QByteArray out(NonceBytes + plain.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES, Qt::Uninitialized);
    auto *nonce = reinterpret_cast<unsigned char *>(out.data());
    randombytes_buf(nonce, NonceBytes);
    unsigned long long length = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        nonce + NonceBytes, &length, reinterpret_cast<const unsigned char *>(plain.constData()), (unsigned long long)plain.size(),
        reinterpret_cast<const unsigned char *>(ad.constData()), (unsigned long long)ad.size(), nullptr, nonce,
        reinterpret_cast<const unsigned char *>(m_key.constData()));
    out.resize(NonceBytes + qsizetype(length));
    return QStringLiteral("v1:") + QString::fromLatin1(out.toBase64());
}

std::optional<QByteArray> MasterKey::open(const QString &sealed, const QString &context) const
{
    if (m_key.size() != KeyBytes || !sealed.startsWith(QLatin1String("v1:")))
        return std::nullopt;
    const auto result = QByteArray::fromBase64Encoding(sealed.mid(3).toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    const QByteArray *bytes = &result.decoded;
    if (!result || bytes->size() < NonceBytes + crypto_aead_xchacha20poly1305_ietf_ABYTES)
        return std::nullopt;
    const QByteArray ad = context.toUtf8();
    const auto *nonce = reinterpret_cast<const unsigned char *>(bytes->constData());
    QByteArray plain(bytes->size() - NonceBytes - crypto_aead_xchacha20poly1305_ietf_ABYTES, Qt::Uninitialized);
    unsigned long long length = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            reinterpret_cast<unsigned char *>(plain.data()), &length, nullptr, nonce + NonceBytes,
            (unsigned long long)(bytes->size() - NonceBytes), reinterpret_cast<const unsigned char *>(ad.constData()),
            (unsigned long long)ad.size(), nonce, reinterpret_cast<const unsigned char *>(m_key.constData()))
        != 0)
        return std::nullopt;
    plain.resize(qsizetype(length));
    return plain;
}

} // namespace kengele::relay
