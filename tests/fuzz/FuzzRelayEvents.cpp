// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Arbitrary bytes as the relay's /v1/events answer: parsed into a batch and applied to a profile database.
// The work is in targets/RelayEventsTarget.cpp (shared with the replay test, tests/core/TestFuzzReplay.cpp).
#include "FuzzTargets.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    kengele::fuzz::initialise(argc, argv);
    // KENGELE_FUZZ_WRITE_SEEDS=DIR: write the seeds that need keys into DIR (for tests/fuzz/corpus) and stop.
    if (const char *dir = std::getenv("KENGELE_FUZZ_WRITE_SEEDS"))
        std::exit(kengele::fuzz::writeRelayEventSeeds(QString::fromLocal8Bit(dir)) ? 0 : 1);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    kengele::fuzz::relayEvents(QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)));
    return 0;
}
