// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QTextStream>

#include <functional>
#include <memory>

namespace kengele {

class CliCommand;
class CliContext;

// The one list of kengele-cli's command families: the first word, the help's heading and lines,
// and how to make the command. `kengele-cli --help` is this table, printed in its order; a new
// family is one entry here and one class of its own (see docs/architecture.md).
class CliCommandTable final
{
    Q_DECLARE_TR_FUNCTIONS(CliCommandTable)

public:
    struct Entry {
        QString name; // the first word: "contacts"
        QString heading; // the help's heading: "Contacts:"
        QString help; // the help's lines, each "  USAGE   what it does\n"
        std::function<std::unique_ptr<CliCommand>(CliContext &)> make;
    };

    // In the order --help lists them (translated into the current language).
    static QList<Entry> entries();
    // The command family called `name`; nullptr when there is none.
    static std::unique_ptr<CliCommand> make(const QString &name, CliContext &context);
    static void printHelp(QTextStream &out);
};

} // namespace kengele
