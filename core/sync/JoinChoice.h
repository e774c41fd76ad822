// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QSqlDatabase>

#include <optional>

namespace kengele {

class BackupScheduler;
class Database;

// A computer that already holds data of its own when it joins its church's Kengele (issue 16)
// chooses what happens to it, before it connects:
// - Merge: its contacts, groups and templates join the church's (the same number is one contact,
//   the same name one group or template; nothing is duplicated). The default.
// - StartFromChurch: its own shared data is set aside (the caller makes a backup first) and it fills
//   itself from the church's. Its own campaigns and their messages are shared data too and go with
//   it (they are in the backup); the inbox and settings stay.
// The choice is kept in `meta` ("sync.join_choice") and acted on by the SyncEngine at the moment the
// computer is let in, before it sends anything. A computer with data of its own that has not chosen
// waits there (the first computer of a church is never asked: it joins nobody).
enum class JoinChoice { Merge, StartFromChurch };

// What of the shared data this computer holds (what the choice is about). Its shared settings are
// not counted (a setting chosen before joining is no reason to ask): merging sends them and the
// later value of each wins; filling from a snapshot or starting from the church's data, the
// church's replace them (architecture.md §7).
struct OwnSharedData {
    qint64 contacts = 0;
    qint64 groups = 0;
    qint64 templates = 0;
    qint64 optOuts = 0;
    qint64 staffAccounts = 0;
    bool isEmpty() const { return contacts == 0 && groups == 0 && templates == 0 && optOuts == 0 && staffAccounts == 0; }
    // "412 contacts, 6 groups and 3 templates" (translated), for the question.
    QString describe() const;
};

class JoinChoices final
{
    Q_DECLARE_TR_FUNCTIONS(JoinChoices)

public:
    static Result<OwnSharedData> ownData(Database &database);
    // Before StartFromChurch: keeps this computer's data in an encrypted backup in the backup folder
    // (restorable from Settings → Backups) and returns the file. Refused without a passphrase: the
    // data is never set aside without a copy.
    static Result<QString> backUpOwnData(BackupScheduler &backups, const QString &passphrase);
    static Status save(Database &database, JoinChoice choice);
    // nullopt: not chosen.
    static std::optional<JoinChoice> load(const QSqlDatabase &db);
    // Inside the caller's transaction: removes every shared row and what the change log knows of
    // them, without recording the removals as changes (they are not the church's). After it the
    // profile is empty as a new computer's, and the engine fills it from the relay. The
    // organisation's settings (org_settings) go too: the church's come instead (the engine tells
    // Settings once the transaction is saved).
    static Status clearSharedData(const QSqlDatabase &db);
};

} // namespace kengele
