// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "FuzzTargets.h"

#include <QCoreApplication>
#include <QLoggingCategory>

namespace kengele::fuzz {

void initialise(int *argc, char ***argv)
{
    static QCoreApplication *app = nullptr;
    if (app || QCoreApplication::instance())
        return;
    // Qt's own copy of the arguments: it may take out those it knows, and libFuzzer reads its own.
    static int qtArgc = 1;
    static char *qtArgv[] = {*argc > 0 ? (*argv)[0] : nullptr, nullptr};
    app = new QCoreApplication(qtArgc, qtArgv);
    QLoggingCategory::setFilterRules(QStringLiteral("kengele.*=false\nqt.*=false"));
}

} // namespace kengele::fuzz
