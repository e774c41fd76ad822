// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArrayView>
#include <QString>

#include <cstdio>
#include <cstdlib>

// What the desktop's libFuzzer harnesses (tests/fuzz/Fuzz*.cpp) run for one input, shared with the
// gcc test that replays the corpora and every input a fuzzer once found (tests/core/TestFuzzReplay):
// the same code runs in both. Each target takes the bytes as they reach Kengele, runs them through
// the real parse path and checks what must always hold; a broken promise ends the process
// (std::abort), which libFuzzer reports as a crash and the replay test as a failure.
namespace kengele::fuzz {

// Ends the process with `what` on stderr when `condition` is false.
inline void require(bool condition, const char *what)
{
    if (!condition) {
        std::fprintf(stderr, "fuzz target: broken promise: %s\n", what);
        std::abort();
    }
}

// A QCoreApplication (QtSql and tr() want one) with Kengele's logging off; once per process. The
// replay test has its own application already and does not call it.
void initialise(int *argc, char ***argv);

// A contact file (bytes) → TextFileDecoder → ImportPreview's guess → CsvRows, as ContactImporter reads it.
void csvImport(QByteArrayView bytes);
// A contact file (bytes) → TextFileDecoder → VCardRows and the preview of the cards.
void vcardImport(QByteArrayView bytes);
// A message text (UTF-8; after a NUL byte, the recipient's values separated by \x01) → MessageTemplate
// parse, render, SegmentCounter and GsmLookalikes, as the compose page and the campaign renderer use them.
void messageTemplate(QByteArrayView bytes);
// The body of the relay's /v1/events answer → RelayClient::parseEventBatch → RelayEventApplier::apply
// on a temporary profile database with the real migrations (restored to its first state after each input).
void relayEvents(QByteArrayView bytes);
// A backup file (first byte even: the file as it is; odd: a script of chunks sealed with the test key)
// → BackupFile::readHeader and BackupFile::open.
void backupFile(QByteArrayView bytes);

// The organisation's crypto (core/sync): the first byte picks what the rest is — a batch the relay
// delivers, a join request, answer or grant, a key ring, a join message to read back — each read
// with keys made in this process, so nothing may ever be accepted.
void orgCrypto(QByteArrayView bytes);

// Seeds that need keys: signed vouchers for relay_events, sealed backups for backup_file. Written
// into `dir` (scripts/dev fuzz does not need to: they are in tests/fuzz/corpus).
bool writeRelayEventSeeds(const QString &dir);
bool writeBackupSeeds(const QString &dir);
// Well-formed join messages, a grant, a batch and a key ring, from keys of their own.
bool writeOrgCryptoSeeds(const QString &dir);

// The passphrase the backup target opens files with, and its voucher key's seed.
inline constexpr const char *BackupPassphrase = "fuzz passphrase";

} // namespace kengele::fuzz
