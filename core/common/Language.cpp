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
    if (current) {
        QCoreApplication::removeTranslator(current);
        delete current;
        current = nullptr;
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
    return true;
}

} // namespace kengele::Language
