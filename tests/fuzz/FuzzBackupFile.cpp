// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Arbitrary bytes as a backup file, or as a script of chunks sealed with the test key: header and opening.
// The work is in targets/BackupFileTarget.cpp (shared with the replay test, tests/core/TestFuzzReplay.cpp).
#include "FuzzTargets.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    kengele::fuzz::initialise(argc, argv);
    // KENGELE_FUZZ_WRITE_SEEDS=DIR: write the seeds that need keys into DIR (for tests/fuzz/corpus) and stop.
    if (const char *dir = std::getenv("KENGELE_FUZZ_WRITE_SEEDS"))
        std::exit(kengele::fuzz::writeBackupSeeds(QString::fromLocal8Bit(dir)) ? 0 : 1);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    kengele::fuzz::backupFile(QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)));
    return 0;
}
