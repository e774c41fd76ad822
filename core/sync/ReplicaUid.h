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
    // A name-based id (RFC 9562 version 8 layout): the first 16 bytes of BLAKE2b over "kengele",
    // the namespace and the name, with the version and variant bits set. Every computer derives
    // the same id from the same name: a voucher's credit is one row wherever it is credited
    // (namespace "voucher", the voucher id), a lot's expiry in one budget one row however many
    // computers expire it.
    static QString fromName(QStringView nameSpace, QStringView name);
    static bool isValid(QStringView uid);
};

} // namespace kengele
