// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QString>

namespace kengele {

// Staff passwords: Argon2id hashes in libsodium's self-describing form ("$argon2id$v=19$m=…"), so
// a hash made with other limits still verifies. Hashing and checking take about a second with the
// moderate limits (on purpose: a stolen database is slow to guess through); the GUI does both off
// its own thread.
class Passwords final
{
    Q_DECLARE_TR_FUNCTIONS(Passwords)

public:
    enum class Cost {
        Moderate, // libsodium's MODERATE: 3 passes over 256 MiB, about 1 s here
        TestsOnly, // the smallest limits libsodium allows: for the test suite's many accounts
    };

    static constexpr int MinimumLength = 10;

    // Why `password` is not good enough for `userName`, in words for the person choosing it; empty
    // when it is: at least 10 characters, not one of the most common passwords, not the user name.
    static QString problem(const QString &password, const QString &userName = {});

    static Result<QString> hash(const QString &password, Cost cost);
    static bool verify(const QString &hash, const QString &password);
    // True when `hash` was made with other limits than `cost` (it is made again at the next sign-in).
    static bool needsRehash(const QString &hash, Cost cost);
};

} // namespace kengele
