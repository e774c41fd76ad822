// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "common/Result.h"
#include "security/Passwords.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>

class QIODevice;

namespace kengele {

// What a backup file says about itself before it is opened (read without the passphrase; trusted
// only once the first chunk decrypted, since the whole header is that chunk's additional data).
struct BackupHeader {
    int formatVersion = 0;
    int schemaVersion = 0;
    QDateTime created; // UTC
    quint64 plainBytes = 0; // the database's size
    quint64 opsLimit = 0;
    quint64 memLimit = 0;
};

// The sealed backup format (docs/architecture.md §7, "Backups"):
//
//   magic "KNGLBKUP" | format u16 | 0 u16 | schema version u32 | created (UTC ms) i64
//   | database bytes u64 | Argon2id opslimit u64 | memlimit u64 | salt 16 | key check 32
//   | secretstream header 24
//   then the database in chunks of 64 KiB, each sealed with crypto_secretstream_xchacha20poly1305
//   (17 bytes more), the whole header as every chunk's additional data; the last chunk is tagged
//   FINAL and nothing follows it.
//
// Numbers are big-endian. The key is Argon2id over the passphrase and the salt; the key check is
// BLAKE2b keyed with that key over a fixed text, so a wrong passphrase is told apart from a damaged
// file (it lets a guess be checked, as the first chunk would anyway). libsodium 1.0.18 pulls a
// stream cut before its FINAL chunk without an error: open() checks the file's length against the
// header, the FINAL tag on the last chunk and that nothing follows it.
class BackupFile final
{
    Q_DECLARE_TR_FUNCTIONS(BackupFile)

public:
    static constexpr int FormatVersion = 1;
    static constexpr int ChunkBytes = 64 * 1024;
    static constexpr int HeaderBytes = 8 + 2 + 2 + 4 + 8 + 8 + 8 + 8 + 16 + 32 + 24;
    // The size of a sealed file of a database of `plainBytes`.
    static qint64 sealedSize(quint64 plainBytes);

    // Seals all of `plain` (a file or buffer: its size is in the header) into `sealed`. Cost::TestsOnly is for the test suite.
    static Status seal(QIODevice &plain, QIODevice &sealed, const QString &passphrase, int schemaVersion,
                       const QDateTime &created, Passwords::Cost cost);
    // The header of `sealed` (its position moves past it), or why the file is not a backup this
    // Kengele can read: not one at all (Unsupported) or from a newer Kengele (NewerSchema, when the
    // format or the schema version is newer than `newestSchema`).
    static Result<BackupHeader> readHeader(QIODevice &sealed, int newestSchema);
    // Checks and opens the whole of `sealed` into `plain`. Refusals, each in its own words: wrong
    // passphrase (ErrorCode::SignIn), damaged or changed (Storage), cut short (Storage), not a
    // backup (Unsupported), newer (NewerSchema). On a refusal `plain` holds part of the data at
    // most: the caller throws it away.
    static Result<BackupHeader> open(QIODevice &sealed, QIODevice &plain, const QString &passphrase, int newestSchema);
};

} // namespace kengele
