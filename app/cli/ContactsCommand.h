// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "CliCommand.h"

namespace kengele {

// kengele-cli contacts import | list | add | export | optout | allow | optin | notes | person.
class ContactsCommand final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(ContactsCommand)

public:
    using CliCommand::CliCommand;

    int run(const QStringList &words) override;

private:
    int contactsImport(const QStringList &words);
    int contactsList();
    int contactsAdd(const QStringList &words);
    int contactsOptOut(const QStringList &words, bool optIn);
    int contactsAllow(const QStringList &words);
    int contactsExport(const QStringList &words);
    int contactsNotes(const QStringList &words);
    int contactsPerson(const QStringList &words);
    int contactsForget(const QStringList &words);
};

} // namespace kengele
