// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <functional>

namespace kengele {

class Access;
class Clock;
class Database;

// A pastor's confidential notes on a member (docs/architecture.md §7, "Confidential data at rest"):
// sealed with the profile's data key before they reach the database, opened only for a pastor or an
// administrator (Permission::Pastoral), and every opening — reading one, searching them — is in the
// audit trail. Never in an export, a log or an audit summary.
class PastoralNotes final
{
    Q_DECLARE_TR_FUNCTIONS(PastoralNotes)

public:
    // Hands out the data key (DataKey::loadOrCreate through the front end's keychain), or why not.
    using KeySource = std::function<Result<QByteArray>()>;

    PastoralNotes(Database &database, const Clock &clock);

    void setAccess(Access *access) { m_access = access; }
    void setKeySource(KeySource source) { m_keySource = std::move(source); }

    // The notes on this contact; empty when there are none.
    Result<QString> read(qint64 contactId);
    // Replaces them; empty text removes them.
    Status write(qint64 contactId, const QString &text);
    // The contacts whose notes contain `text` (any case), for a pastor's search.
    Result<QList<qint64>> search(const QString &text);
    // Whether the contact has notes (to show that there is something to open).
    Result<bool> has(qint64 contactId) const;
    // Whether whoever is at the computer may open notes at all (pastor or administrator), so a
    // front end shows the notes only to them. Nothing is opened or recorded.
    Status mayOpen() const;

    static constexpr int MaxLength = 20000;

private:
    Result<QByteArray> key();
    static QByteArray context(qint64 contactId);

    Database &m_database;
    const Clock &m_clock;
    Access *m_access = nullptr;
    KeySource m_keySource;
    QByteArray m_key;
};

} // namespace kengele
