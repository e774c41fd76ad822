// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CliRunner.h"
#include "common/Clock.h"
#include "common/Language.h"
#include "security/KeychainSecretStore.h"

#include <QApplication>
#include <QLoggingCategory>
#include <QTextStream>

#include <clocale>
#include <cstdio>

int main(int argc, char *argv[])
{
    // A QApplication, because reports draw their charts with Qt Charts (widgets) when they write a
    // PDF; on the offscreen platform unless told otherwise, so that kengele-cli runs the same on a
    // server without a display, over ssh and in cron, and never opens a window.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Starting the platform, Qt warns when XDG_RUNTIME_DIR is not set (cron, ssh, services): nothing
    // kengele-cli uses, and a line on stderr that scripts would take for an error. That one line only
    // is dropped, and only while the application starts.
    static QtMessageHandler previous = nullptr;
    previous = qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &context, const QString &message) {
        if (!message.startsWith(QLatin1StringView("QStandardPaths: XDG_RUNTIME_DIR not set")))
            previous(type, context, message);
    });
    QApplication app(argc, argv);
    qInstallMessageHandler(previous);
    // Numbers in files are written with '.', whatever the language: libxlsxwriter formats them with
    // printf, which follows LC_NUMERIC (QApplication sets it from the environment).
    std::setlocale(LC_NUMERIC, "C");
    // Diagnostics are for developers; a command's own output and errors are what people read.
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("kengele.*.info=false\nkengele.*.debug=false"));
    QApplication::setOrganizationName(QStringLiteral("Kengele"));
    QApplication::setApplicationName(QStringLiteral("Kengele"));
    QApplication::setApplicationVersion(QStringLiteral(KENGELE_VERSION));
    kengele::Language::install(QStringLiteral("en"));
    QTextStream out(stdout);
    QTextStream err(stderr);
    QTextStream in(stdin);
    // The OS keychain; the runner scopes its keys to the profile it opens.
    kengele::KeychainSecretStore keychain(QStringLiteral(KENGELE_APP_ID));
    kengele::CliRunner runner(out, err, in, kengele::Clock::system(), keychain);
    return runner.run(app.arguments().mid(1));
}
