// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Arbitrary bytes as a contact file for the CSV import: decoding, the preview's guess, the rows.
// The work is in targets/CsvImportTarget.cpp (shared with the replay test, tests/core/TestFuzzReplay.cpp).
#include "FuzzTargets.h"

#include <cstdint>

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    kengele::fuzz::initialise(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    kengele::fuzz::csvImport(QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)));
    return 0;
}
