// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Arbitrary bytes as the organisation's crypto blobs (batches, join messages, grants, key rings).
// The work is in targets/OrgCryptoTarget.cpp (shared with the replay test, tests/core/TestFuzzReplay.cpp).
#include "FuzzTargets.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    kengele::fuzz::initialise(argc, argv);
    // KENGELE_FUZZ_WRITE_SEEDS=DIR: write the seeds into DIR (for tests/fuzz/corpus) and stop.
    if (const char *dir = std::getenv("KENGELE_FUZZ_WRITE_SEEDS"))
        std::exit(kengele::fuzz::writeOrgCryptoSeeds(QString::fromLocal8Bit(dir)) ? 0 : 1);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    kengele::fuzz::orgCrypto(QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)));
    return 0;
}
