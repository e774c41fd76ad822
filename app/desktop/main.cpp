// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "DesktopApp.h"
#include "profile/Profile.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>

#include <clocale>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    // Numbers in files are written with '.', whatever the language: libxlsxwriter (report
    // spreadsheets) formats them with printf, which follows LC_NUMERIC (QApplication sets it from
    // the environment; a German desktop would give "1234,5" and a damaged workbook).
    std::setlocale(LC_NUMERIC, "C");
    QApplication::setOrganizationName(QStringLiteral("Kengele"));
    QApplication::setApplicationName(QStringLiteral("Kengele"));
    QApplication::setApplicationVersion(QStringLiteral(KENGELE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral(KENGELE_APP_ID));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Kengele: contacts, groups and SMS for the church office"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption profileOption(QStringLiteral("profile"),
                                           QStringLiteral("Data folder to use (or set KENGELE_PROFILE)."), QStringLiteral("DIR"));
    parser.addOption(profileOption);
    parser.process(app);

    kengele::DesktopApp desktop;
    const kengele::Status started = desktop.start(kengele::Profile::resolveDirectory(parser.value(profileOption)));
    if (!started) {
        QMessageBox::critical(nullptr, QStringLiteral("Kengele"), started.error().message);
        return 1;
    }
    if (desktop.signInCancelled())
        return 0;
    return app.exec();
}
