// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Language.h"

#include "Log.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

namespace kengele::Language {

QList<QPair<QString, QString>> available()
{
    return {{QStringLiteral("en"), QStringLiteral("English")}, {QStringLiteral("sw"), QStringLiteral("Kiswahili")}};
}

bool install(const QString &code)
{
    static QTranslator *current = nullptr;
    static QTranslator *qtStrings = nullptr;
    for (QTranslator **installed : {&current, &qtStrings}) {
        if (*installed) {
            QCoreApplication::removeTranslator(*installed);
            delete *installed;
            *installed = nullptr;
        }
    }
    const QString language = code == QStringLiteral("sw") ? code : QStringLiteral("en");
    QLocale::setDefault(QLocale(language == QStringLiteral("sw") ? QStringLiteral("sw_KE") : QStringLiteral("en_KE")));
    auto *translator = new QTranslator;
    if (!translator->load(QStringLiteral(":/i18n/kengele_%1.qm").arg(language))) {
        qCWarning(lcUi) << "no translation for language" << language;
        delete translator;
        return false;
    }
    QCoreApplication::installTranslator(translator);
    current = translator;
    // Qt's own words (Cancel, Yes, Copy, …): Debian ships no Kiswahili for them, so Kengele carries its own.
    if (language == QStringLiteral("sw")) {
        auto *qt = new QTranslator;
        if (qt->load(QStringLiteral(":/i18n/qt_sw.qm"))) {
            QCoreApplication::installTranslator(qt);
            qtStrings = qt;
        } else {
            qCWarning(lcUi) << "no translation of Qt's own strings for" << language;
            delete qt;
        }
    }
    return true;
}

} // namespace kengele::Language
