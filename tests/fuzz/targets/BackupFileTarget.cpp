// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "FuzzTargets.h"
#include "backup/BackupFile.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QtEndian>

#include <sodium.h>

#include <cstring>

namespace kengele::fuzz {

namespace {

// Newer schemas than this are refused as "from a newer Kengele"; the inputs choose theirs.
constexpr int NewestSchema = 1000;
constexpr int ABytes = crypto_secretstream_xchacha20poly1305_ABYTES;

// The key BackupFile derives from BackupPassphrase and `salt` at the cheapest cost the format
// allows (Argon2id's minimum: 1 pass over 8 KiB), which is what every input here asks for.
struct TestKey {
    unsigned char salt[crypto_pwhash_SALTBYTES];
    unsigned char key[crypto_secretstream_xchacha20poly1305_KEYBYTES];
    unsigned char check[32];

    TestKey()
    {
        require(sodium_init() >= 0, "libsodium starts");
        for (std::size_t i = 0; i < sizeof salt; ++i)
            salt[i] = static_cast<unsigned char>(0xa0 + i);
        const char *passphrase = BackupPassphrase;
        require(crypto_pwhash(key, sizeof key, passphrase, std::strlen(passphrase), salt, crypto_pwhash_OPSLIMIT_MIN,
                              crypto_pwhash_MEMLIMIT_MIN, crypto_pwhash_ALG_ARGON2ID13)
                    == 0,
                "the test key is derived");
        // BackupFile's key check: BLAKE2b keyed with the key over a fixed text.
        static const char text[] = "Kengele backup key check, format 1";
        crypto_generichash(check, sizeof check, reinterpret_cast<const unsigned char *>(text), sizeof text - 1, key, sizeof key);
    }
};

const TestKey &testKey()
{
    static const TestKey key;
    return key;
}

// A header as BackupFile::seal writes one, with the test key's salt and check; the secretstream
// header is filled in by the caller.
QByteArray header(quint16 format, quint32 schema, qint64 created, quint64 plainBytes)
{
    QByteArray h(BackupFile::HeaderBytes, '\0');
    auto *at = reinterpret_cast<unsigned char *>(h.data());
    std::memcpy(at, "KNGLBKUP", 8);
    qToBigEndian<quint16>(format, at + 8);
    qToBigEndian<quint32>(schema, at + 12);
    qToBigEndian<qint64>(created, at + 16);
    qToBigEndian<quint64>(plainBytes, at + 24);
    qToBigEndian<quint64>(crypto_pwhash_OPSLIMIT_MIN, at + 32);
    qToBigEndian<quint64>(crypto_pwhash_MEMLIMIT_MIN, at + 40);
    std::memcpy(at + 48, testKey().salt, sizeof TestKey::salt);
    std::memcpy(at + 64, testKey().check, sizeof TestKey::check);
    return h;
}

struct Chunk {
    int length = 0;
    unsigned char tag = 0;
};

// The file a script describes: a header (format, schema, database size) and chunks of zeros of
// the given lengths and tags, each sealed with the test key as a real backup's are. What the
// fuzzer cannot do itself (forge the authentication) is done, so open()'s checks after the
// decryption are reached: chunk sizes, tags, lengths against the header.
QByteArray sealScript(QByteArrayView script, QList<Chunk> *chunks, quint64 *plainBytes, bool *headerValid)
{
    QByteArrayView in = script;
    const auto take = [&in](int n) {
        QByteArray out = in.first(qMin<qsizetype>(n, in.size())).toByteArray();
        out.resize(n, '\0');
        in = in.sliced(qMin<qsizetype>(n, in.size()));
        return out;
    };
    const QByteArray head = take(6); // the sixth byte is spare
    const auto *h = reinterpret_cast<const unsigned char *>(head.constData());
    const quint16 format = h[0] % 3; // 0, 1 (this one) or 2 (newer)
    const quint32 schema = h[1] == 0xff ? NewestSchema + 1 : h[1];
    // The database size: mostly what the chunks hold, sometimes off by a little.
    const int sizeSkew = int(h[2] % 8) == 0 ? int(qint8(h[3])) : 0;
    const int chunkCount = 1 + h[4] % 4;
    quint64 total = 0;
    for (int i = 0; i < chunkCount; ++i) {
        const QByteArray c = take(3);
        const auto *b = reinterpret_cast<const unsigned char *>(c.constData());
        Chunk chunk;
        // Full chunks are the rule; small ones and the stray byte around 64 KiB are what go wrong.
        const int raw = (b[0] << 8) | b[1];
        chunk.length = (b[2] & 0x80) ? BackupFile::ChunkBytes - int(b[2] & 0x3) + int(bool(b[2] & 0x4)) * 2 : raw;
        chunk.length = qMin(chunk.length, BackupFile::ChunkBytes + 1);
        const int tags[] = {crypto_secretstream_xchacha20poly1305_TAG_MESSAGE, crypto_secretstream_xchacha20poly1305_TAG_FINAL,
                            crypto_secretstream_xchacha20poly1305_TAG_PUSH, crypto_secretstream_xchacha20poly1305_TAG_REKEY};
        chunk.tag = static_cast<unsigned char>(tags[(b[2] >> 4) & 0x3]);
        chunks->append(chunk);
        total += quint64(chunk.length);
    }
    *plainBytes = quint64(qint64(total) + sizeSkew);
    if (qint64(total) + sizeSkew < 0)
        *plainBytes = 0;
    *headerValid = format == 1 && schema <= quint32(NewestSchema);

    QByteArray file = header(format, schema, 1767225600000, *plainBytes);
    crypto_secretstream_xchacha20poly1305_state state;
    crypto_secretstream_xchacha20poly1305_init_push(&state, reinterpret_cast<unsigned char *>(file.data()) + 96, testKey().key);
    const QByteArray ad = file;
    QByteArray plain(BackupFile::ChunkBytes + 1, '\0');
    QByteArray cipher(BackupFile::ChunkBytes + 1 + ABytes, '\0');
    for (const Chunk &chunk : std::as_const(*chunks)) {
        unsigned long long written = 0;
        crypto_secretstream_xchacha20poly1305_push(&state, reinterpret_cast<unsigned char *>(cipher.data()), &written,
                                                   reinterpret_cast<const unsigned char *>(plain.constData()),
                                                   quint64(chunk.length), reinterpret_cast<const unsigned char *>(ad.constData()),
                                                   quint64(ad.size()), chunk.tag);
        file.append(cipher.constData(), qsizetype(written));
    }
    // Bytes after the last chunk, as a damaged copy might have.
    file.append(in.first(qMin<qsizetype>(in.size(), 2)).toByteArray());
    return file;
}

// Opens `file` with the test passphrase: a refusal says why in its own words; what opens is as long
// as the header says.
Result<BackupHeader> openChecked(const QByteArray &file, qint64 *written)
{
    QByteArray fileCopy = file;
    QBuffer sealed(&fileCopy);
    require(sealed.open(QIODevice::ReadOnly), "a buffer opens");
    QByteArray plainBytes;
    QBuffer plain(&plainBytes);
    require(plain.open(QIODevice::WriteOnly), "a buffer opens");
    Result<BackupHeader> opened = BackupFile::open(sealed, plain, QString::fromUtf8(BackupPassphrase), NewestSchema);
    *written = plainBytes.size();
    if (opened) {
        require(quint64(plainBytes.size()) == opened->plainBytes, "an opened backup holds as many bytes as its header says");
        require(opened->formatVersion == BackupFile::FormatVersion && opened->schemaVersion <= NewestSchema,
                "an opened backup is of a format and schema this Kengele reads");
        require(qint64(file.size()) == BackupFile::sealedSize(opened->plainBytes),
                "an opened backup is exactly as long as it should be");
    } else {
        const ErrorCode code = opened.error().code;
        require(code == ErrorCode::SignIn || code == ErrorCode::Storage || code == ErrorCode::Unsupported
                    || code == ErrorCode::NewerSchema,
                "a backup is refused for one of the documented reasons");
        require(!opened.error().message.isEmpty(), "a refused backup says why");
    }
    return opened;
}

void rawFile(QByteArrayView bytes)
{
    const QByteArray file = bytes.toByteArray();
    QByteArray copy = file;
    QBuffer buffer(&copy);
    require(buffer.open(QIODevice::ReadOnly), "a buffer opens");
    const Result<BackupHeader> header = BackupFile::readHeader(buffer, NewestSchema);
    if (!header) {
        require(!header.error().message.isEmpty(), "an unreadable header says why");
        return;
    }
    require(buffer.pos() == BackupFile::HeaderBytes, "reading the header moves past it");
    // A file may ask Argon2id for up to 16 passes over 1 GiB; that is a second or more per input,
    // so only files at the cheapest cost are opened (the seeds and their mutations are).
    if (header->opsLimit != crypto_pwhash_OPSLIMIT_MIN || header->memLimit > 64 * 1024)
        return;
    qint64 written = 0;
    openChecked(file, &written);
}

void scriptedFile(QByteArrayView script)
{
    QList<Chunk> chunks;
    quint64 plainBytes = 0;
    bool headerValid = false;
    const QByteArray file = sealScript(script, &chunks, &plainBytes, &headerValid);
    qint64 written = 0;
    const Result<BackupHeader> opened = openChecked(file, &written);

    // What seal() makes, and only that, opens: full chunks tagged MESSAGE, then one FINAL chunk
    // (empty only when it is the only one), the header's size their sum, and nothing after.
    bool wellFormed = headerValid && qint64(file.size()) == BackupFile::sealedSize(plainBytes);
    quint64 total = 0;
    for (qsizetype i = 0; i < chunks.size(); ++i) {
        const bool last = i == chunks.size() - 1;
        const Chunk &chunk = chunks[i];
        total += quint64(chunk.length);
        if (last) {
            wellFormed = wellFormed && chunk.tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL
                && chunk.length <= BackupFile::ChunkBytes && (chunk.length > 0 || chunks.size() == 1);
        } else {
            wellFormed = wellFormed && chunk.tag == crypto_secretstream_xchacha20poly1305_TAG_MESSAGE
                && chunk.length == BackupFile::ChunkBytes;
        }
    }
    wellFormed = wellFormed && total == plainBytes;
    if (wellFormed && !opened)
        std::fprintf(stderr, "refused: %s\n", qPrintable(opened.error().message));
    require(opened.has_value() == wellFormed, "a backup opens exactly when it is what seal() makes");
}

} // namespace

void backupFile(QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return;
    if (bytes[0] & 1)
        scriptedFile(bytes.sliced(1));
    else
        rawFile(bytes.sliced(1));
}

bool writeBackupSeeds(const QString &dir)
{
    // Real backups made by BackupFile::seal at the test cost, of an empty database, a small one and
    // one of two chunks; the first byte (even) says "the file as it is".
    const QList<std::pair<QString, qsizetype>> sizes = {
        {QStringLiteral("sealed_empty"), 0}, {QStringLiteral("sealed_small"), 300}, {QStringLiteral("sealed_two_chunks"), 66000}};
    for (const auto &[name, size] : sizes) {
        QByteArray data(size, Qt::Uninitialized);
        for (qsizetype i = 0; i < size; ++i)
            data[i] = char("SQLite format 3"[i % 15]);
        QBuffer plain(&data);
        QByteArray sealedBytes;
        QBuffer sealed(&sealedBytes);
        if (!plain.open(QIODevice::ReadOnly) || !sealed.open(QIODevice::WriteOnly))
            return false;
        if (!BackupFile::seal(plain, sealed, QString::fromUtf8(BackupPassphrase), 7,
                              QDateTime(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC), Passwords::Cost::TestsOnly))
            return false;
        QFile file(QDir(dir).filePath(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(QByteArray(1, '\0') + sealedBytes) != sealedBytes.size() + 1)
            return false;
    }
    // Scripts (first byte odd): one FINAL chunk of 300 bytes; a full MESSAGE chunk then a FINAL one.
    const QList<std::pair<QString, QByteArray>> scripts = {
        {QStringLiteral("script_one_chunk"),
         QByteArray::fromHex("01"
                             "010101000000"
                             "012c10")},
        {QStringLiteral("script_two_chunks"),
         QByteArray::fromHex("01"
                             "010101000100"
                             "000080"
                             "006410")},
    };
    for (const auto &[name, script] : scripts) {
        QFile file(QDir(dir).filePath(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(script) != script.size())
            return false;
    }
    return true;
}

} // namespace kengele::fuzz
