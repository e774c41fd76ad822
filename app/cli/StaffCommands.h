// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "CliCommand.h"

namespace kengele {

// kengele-cli signin require --user NAME --name "Full Name"   (the password on standard input)
class SigninCommand final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(SigninCommand)

public:
    using CliCommand::CliCommand;
    int run(const QStringList &words) override;
};

// kengele-cli users list | add USER --name N --role R | role USER ROLE | disable USER | enable USER
//             | password USER     (new passwords on standard input, after the signing-in one)
class UsersCommand final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(UsersCommand)

public:
    using CliCommand::CliCommand;
    int run(const QStringList &words) override;

private:
    // The next line of standard input, or "" with the reason said.
    QString newPassword();
};

// kengele-cli audit list [--since DATE] [--by USER] [--action A] [--limit N] | audit verify | audit anchor
class AuditCommand final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(AuditCommand)

public:
    using CliCommand::CliCommand;
    int run(const QStringList &words) override;

private:
    int verify();
    int verifyOthers(const QString &computer);
    int anchor();
    int computers();
    // --computer NAME|ID|all: "" for this computer, AuditFilter::AllComputers, or another
    // computer's replica id; an error (bad usage) when no computer or more than one goes by NAME.
    Result<QString> chosenComputer() const;
};

} // namespace kengele
