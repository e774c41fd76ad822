// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "BackupFile.h"

#include <QIODevice>
#include <QtEndian>

#include <sodium.h>

#include <algorithm>

namespace kengele {

namespace {

constexpr char Magic[8] = {'K', 'N', 'G', 'L', 'B', 'K', 'U', 'P'};
constexpr int SaltBytes = crypto_pwhash_SALTBYTES; // 16
constexpr int CheckBytes = 32;
constexpr int KeyBytes = crypto_secretstream_xchacha20poly1305_KEYBYTES;
constexpr int StreamHeaderBytes = crypto_secretstream_xchacha20poly1305_HEADERBYTES;
constexpr int ABytes = crypto_secretstream_xchacha20poly1305_ABYTES;
// Offsets in the header.
constexpr int AtFormat = 8;
constexpr int AtSchema = 12;
constexpr int AtCreated = 16;
constexpr int AtPlain = 24;
constexpr int AtOps = 32;
constexpr int AtMem = 40;
constexpr int AtSalt = 48;
constexpr int AtCheck = AtSalt + SaltBytes;
constexpr int AtStream = AtCheck + CheckBytes;
static_assert(AtStream + StreamHeaderBytes == BackupFile::HeaderBytes);
static_assert(SaltBytes == 16 && StreamHeaderBytes == 24);
// What a file may ask of Argon2id before it is refused as damaged (libsodium's SENSITIVE is 4 passes over 1 GiB).
constexpr quint64 MaxOps = 16;
constexpr quint64 MaxMem = quint64(1) << 30;
const QByteArray CheckText = QByteArrayLiteral("Kengele backup key check, format 1");

bool sodiumReady()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}

// A derived key in memory that is locked, kept out of core dumps and wiped when it goes.
struct Key {
    unsigned char *bytes = static_cast<unsigned char *>(sodium_malloc(KeyBytes));
    ~Key() { sodium_free(bytes); }
    Key() = default;
    Key(const Key &) = delete;
    Key &operator=(const Key &) = delete;
};

std::pair<quint64, quint64> limits(Passwords::Cost cost)
{
    if (cost == Passwords::Cost::TestsOnly)
        return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
    return {crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_MODERATE};
}

bool derive(Key &key, const QString &passphrase, const unsigned char *salt, quint64 ops, quint64 mem)
{
    QByteArray secret = passphrase.toUtf8();
    const int done = crypto_pwhash(key.bytes, KeyBytes, secret.constData(), quint64(secret.size()), salt, ops, size_t(mem),
                                   crypto_pwhash_ALG_ARGON2ID13);
    sodium_memzero(secret.data(), size_t(secret.size()));
    return done == 0;
}

QByteArray keyCheck(const Key &key)
{
    QByteArray check(CheckBytes, Qt::Uninitialized);
    crypto_generichash(reinterpret_cast<unsigned char *>(check.data()), CheckBytes,
                       reinterpret_cast<const unsigned char *>(CheckText.constData()), quint64(CheckText.size()), key.bytes,
                       KeyBytes);
    return check;
}

const unsigned char *bytes(const QByteArray &data, int at = 0)
{
    return reinterpret_cast<const unsigned char *>(data.constData()) + at;
}

unsigned char *bytes(QByteArray &data, int at = 0)
{
    return reinterpret_cast<unsigned char *>(data.data()) + at;
}

// Reads up to `size` bytes, across short reads; fewer only at the end of the file.
QByteArray readUpTo(QIODevice &device, qint64 size)
{
    QByteArray data;
    while (data.size() < size) {
        const QByteArray part = device.read(size - data.size());
        if (part.isEmpty())
            break;
        data += part;
    }
    return data;
}

Error damaged()
{
    return {ErrorCode::Storage,
            BackupFile::tr("This backup file is damaged or was changed after it was made, so it cannot be "
                           "trusted. Nothing was restored. Try another backup.")};
}

Error cutShort()
{
    return {ErrorCode::Storage,
            BackupFile::tr("This backup file is incomplete: it was cut short (perhaps copied before it was "
                           "finished, or the disk was full). Nothing was restored. Try another backup.")};
}

Error notABackup()
{
    return {ErrorCode::Unsupported, BackupFile::tr("This file is not a Kengele backup. Nothing was restored.")};
}

Error writeFailed(const QIODevice &device)
{
    return {ErrorCode::Io, BackupFile::tr("The backup could not be written (%1).").arg(device.errorString())};
}

} // namespace

qint64 BackupFile::sealedSize(quint64 plainBytes)
{
    const quint64 chunks = std::max<quint64>(1, (plainBytes + ChunkBytes - 1) / ChunkBytes);
    return qint64(HeaderBytes + plainBytes + chunks * ABytes);
}

Status BackupFile::seal(QIODevice &plain, QIODevice &sealed, const QString &passphrase, int schemaVersion,
                        const QDateTime &created, Passwords::Cost cost)
{
    if (!sodiumReady())
        return fail(ErrorCode::Unsupported, tr("The encryption library could not start, so no backup was made."));
    const auto [ops, mem] = limits(cost);
    QByteArray header(HeaderBytes, '\0');
    memcpy(header.data(), Magic, sizeof Magic);
    qToBigEndian<quint16>(FormatVersion, bytes(header, AtFormat));
    qToBigEndian<quint32>(quint32(schemaVersion), bytes(header, AtSchema));
    qToBigEndian<qint64>(created.toMSecsSinceEpoch(), bytes(header, AtCreated));
    if (!plain.seek(0))
        return fail(ErrorCode::Io, tr("The copy of the data could not be read, so no backup was made."));
    qToBigEndian<quint64>(quint64(plain.size()), bytes(header, AtPlain));
    qToBigEndian<quint64>(ops, bytes(header, AtOps));
    qToBigEndian<quint64>(mem, bytes(header, AtMem));
    randombytes_buf(bytes(header, AtSalt), SaltBytes);
    Key key;
    if (!key.bytes || !derive(key, passphrase, bytes(header, AtSalt), ops, mem))
        return fail(ErrorCode::Unsupported, tr("There was not enough memory to protect the backup, so none was made."));
    header.replace(AtCheck, CheckBytes, keyCheck(key));
    crypto_secretstream_xchacha20poly1305_state state;
    // The stream's header goes into ours before ours is used as additional data.
    crypto_secretstream_xchacha20poly1305_init_push(&state, bytes(header, AtStream), key.bytes);
    if (sealed.write(header) != header.size())
        return std::unexpected(writeFailed(sealed));

    QByteArray chunk = readUpTo(plain, ChunkBytes);
    QByteArray cipher(ChunkBytes + ABytes, Qt::Uninitialized);
    for (;;) {
        const QByteArray next = chunk.size() == ChunkBytes ? readUpTo(plain, ChunkBytes) : QByteArray();
        const bool last = next.isEmpty();
        unsigned long long written = 0;
        crypto_secretstream_xchacha20poly1305_push(
            &state, bytes(cipher), &written, bytes(chunk), quint64(chunk.size()), bytes(header), quint64(header.size()),
            last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
        if (sealed.write(cipher.constData(), qint64(written)) != qint64(written))
            return std::unexpected(writeFailed(sealed));
        sodium_memzero(chunk.data(), size_t(chunk.size()));
        if (last)
            break;
        chunk = next;
    }
    sodium_memzero(&state, sizeof state);
    return {};
}

Result<BackupHeader> BackupFile::readHeader(QIODevice &sealed, int newestSchema)
{
    const QByteArray header = readUpTo(sealed, HeaderBytes);
    if (header.size() < int(sizeof Magic) || memcmp(header.constData(), Magic, sizeof Magic) != 0)
        return std::unexpected(notABackup());
    if (header.size() < HeaderBytes)
        return std::unexpected(cutShort());
    BackupHeader info;
    info.formatVersion = qFromBigEndian<quint16>(bytes(header, AtFormat));
    info.schemaVersion = int(qFromBigEndian<quint32>(bytes(header, AtSchema)));
    info.created = QDateTime::fromMSecsSinceEpoch(qFromBigEndian<qint64>(bytes(header, AtCreated)), Qt::UTC);
    info.plainBytes = qFromBigEndian<quint64>(bytes(header, AtPlain));
    info.opsLimit = qFromBigEndian<quint64>(bytes(header, AtOps));
    info.memLimit = qFromBigEndian<quint64>(bytes(header, AtMem));
    if (info.formatVersion > FormatVersion || info.schemaVersion > newestSchema) {
        return fail(ErrorCode::NewerSchema,
                    tr("This backup was made by a newer version of Kengele. Install that version (or a newer one) "
                       "to restore it. Nothing was restored."));
    }
    if (info.formatVersion < 1 || info.opsLimit < crypto_pwhash_OPSLIMIT_MIN || info.opsLimit > MaxOps
        || info.memLimit < crypto_pwhash_MEMLIMIT_MIN || info.memLimit > MaxMem || info.plainBytes > (quint64(1) << 46))
        return std::unexpected(damaged());
    return info;
}

Result<BackupHeader> BackupFile::open(QIODevice &sealed, QIODevice &plain, const QString &passphrase, int newestSchema)
{
    if (!sodiumReady())
        return fail(ErrorCode::Unsupported, tr("The encryption library could not start, so nothing was restored."));
    const qint64 start = sealed.pos();
    Result<BackupHeader> info = readHeader(sealed, newestSchema);
    if (!info)
        return info;
    const qint64 expected = sealedSize(info->plainBytes);
    const qint64 actual = sealed.size() - start;
    if (actual < expected)
        return std::unexpected(cutShort());
    if (actual > expected)
        return std::unexpected(damaged()); // something was added after the end
    sealed.seek(start);
    const QByteArray header = readUpTo(sealed, HeaderBytes);
    Key key;
    if (!key.bytes || !derive(key, passphrase, bytes(header, AtSalt), info->opsLimit, info->memLimit))
        return fail(ErrorCode::Unsupported, tr("There was not enough memory to open the backup. Nothing was restored."));
    if (sodium_memcmp(keyCheck(key).constData(), header.constData() + AtCheck, CheckBytes) != 0) {
        return fail(ErrorCode::SignIn,
                    tr("The passphrase does not open this backup. Check it and try again (mind capital "
                       "letters). Nothing was restored."));
    }
    crypto_secretstream_xchacha20poly1305_state state;
    if (crypto_secretstream_xchacha20poly1305_init_pull(&state, bytes(header, AtStream), key.bytes) != 0)
        return std::unexpected(damaged());
    QByteArray chunk(ChunkBytes, Qt::Uninitialized);
    for (;;) {
        const QByteArray cipher = readUpTo(sealed, ChunkBytes + ABytes);
        // The length was checked: a file that ends before its FINAL chunk now changed while it was read.
        if (cipher.size() < ABytes)
            return std::unexpected(cutShort());
        unsigned long long length = 0;
        unsigned char tag = 0;
        if (crypto_secretstream_xchacha20poly1305_pull(&state, bytes(chunk), &length, &tag, bytes(cipher), quint64(cipher.size()),
                                                       bytes(header), quint64(header.size()))
            != 0) {
            return std::unexpected(damaged());
        }
        if (plain.write(chunk.constData(), qint64(length)) != qint64(length))
            return fail(ErrorCode::Io,
                        tr("The backup could not be opened here (%1). Nothing was restored.").arg(plain.errorString()));
        if (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL) {
            if (!sealed.read(1).isEmpty())
                return std::unexpected(damaged()); // something follows the end
            break;
        }
        if (sealed.atEnd())
            return std::unexpected(cutShort()); // no FINAL chunk: libsodium 1.0.18 does not notice
        if (tag != crypto_secretstream_xchacha20poly1305_TAG_MESSAGE)
            return std::unexpected(damaged());
    }
    sodium_memzero(chunk.data(), size_t(chunk.size()));
    sodium_memzero(&state, sizeof state);
    return info;
}

} // namespace kengele
