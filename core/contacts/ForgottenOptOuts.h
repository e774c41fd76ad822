// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "ForgottenCheck.h"
#include "common/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QMutex>
#include <QString>

#include <functional>

class QSqlDatabase;

namespace kengele {

// Numbers that opted out and whose person was then forgotten at their request (ContactForgetter):
// kept only as a keyed hash (table forgotten_optouts, docs/architecture.md §7 "Forgetting a
// person"), so they are still never texted, added or imported again while the number itself is
// nowhere in the file. The hash is BLAKE2b keyed with a subkey of the profile's data key
// (DataKey::subkey(key, 1, "optouts_")); the front end hands the data key over (setKeySource), as
// for PastoralNotes. While nobody has been forgotten no key is needed, so nothing else depends on the
// keychain. One per Profile; safe to use from the importer's worker thread.
class ForgottenOptOuts final
{
    Q_DECLARE_TR_FUNCTIONS(ForgottenOptOuts)

public:
    using KeySource = std::function<Result<QByteArray>()>;

    void setKeySource(KeySource source);

    // What to check numbers against, read on `db` (inside the caller's transaction, if any).
    // Refused (Keychain) when numbers are kept and the key cannot be had, or is another key than the
    // one they were kept with: a number that asked not to be texted must never slip through.
    Result<ForgottenCheck> check(const QSqlDatabase &db);
    // Keeps the hash of `e164` (inside the caller's transaction). Needs the key.
    Status add(const QSqlDatabase &db, const QString &e164, qint64 now);

    // The keyed hash of an E.164 number (32 bytes).
    static QByteArray hashOf(const QByteArray &subkey, const QString &e164);
    // "… asked not to receive messages …": why such a number is refused, for the person at the desk.
    static QString refusal(const QString &e164);

private:
    Result<QByteArray> subkey();
    // The stored check value of the subkey the hashes were made with; written with the first hash.
    Status matchesKey(const QSqlDatabase &db, const QByteArray &subkey, bool remember);

    QMutex m_mutex;
    KeySource m_keySource;
    QByteArray m_subkey; // cached once read
};

} // namespace kengele
