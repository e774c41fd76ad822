// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArrayView>
#include <QString>

namespace kengele {

// The eight digits two people compare when a computer joins ("4821 1934"). Derived from the join's
// transcript hash (JoinTranscript: both computers' public keys, both fresh nonces, the ids and the
// name), which both sides compute on their own. A relay that swapped a key sees the codes differ;
// it cannot search for a key that gives the same code, because each side commits before it sees
// what the other sends (docs/architecture.md).
class SafetyCode final
{
public:
    static constexpr int Digits = 8;

    // BLAKE2b-128, personal "KglSafetyCode_1", over the transcript hash; its first 8 bytes as a
    // big-endian number modulo 10^8, shown as two groups of four digits.
    static QString fromTranscript(QByteArrayView transcriptHash);
    // Whether two codes are the same, ignoring spaces (typed or read aloud).
    static bool same(const QString &a, const QString &b);
};

} // namespace kengele
