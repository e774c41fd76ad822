// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>

namespace kengele {

// Globally unique ids for shared rows: UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, the
// version (7) and variant bits, and 74 random bits from the operating system's generator. Written
// as 36 lower-case characters, so ids sort by creation time as text, and the smallest id (the
// canonical one when two rows turn out to be the same, see ReplicaApplier) is the oldest.
class ReplicaUid final
{
public:
    static QString generate(qint64 unixMs);
    static bool isValid(QStringView uid);
};

} // namespace kengele
