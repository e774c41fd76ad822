// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Arbitrary text as a message template and a recipient's values: parsing, rendering, SMS parts, look-alikes.
// The work is in targets/TemplateTarget.cpp (shared with the replay test, tests/core/TestFuzzReplay.cpp).
#include "FuzzTargets.h"

#include <cstdint>

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    kengele::fuzz::initialise(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    kengele::fuzz::messageTemplate(QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)));
    return 0;
}
