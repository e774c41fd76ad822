// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CliRunner.h"
#include "common/Clock.h"
#include "common/Language.h"
#include "security/KeychainSecretStore.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTextStream>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // Diagnostics are for developers; a command's own output and errors are what people read.
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("kengele.*.info=false\nkengele.*.debug=false"));
    QCoreApplication::setOrganizationName(QStringLiteral("Kengele"));
    QCoreApplication::setApplicationName(QStringLiteral("Kengele"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KENGELE_VERSION));
    kengele::Language::install(QStringLiteral("en"));
    QTextStream out(stdout);
    QTextStream err(stderr);
    QTextStream in(stdin);
    // The OS keychain; the runner scopes its keys to the profile it opens.
    kengele::KeychainSecretStore keychain(QStringLiteral(KENGELE_APP_ID));
    kengele::CliRunner runner(out, err, in, kengele::Clock::system(), keychain);
    return runner.run(app.arguments().mid(1));
}
