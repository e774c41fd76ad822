#include "UiLanguage.h"

#include "common/Log.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

namespace kengele::UiLanguage {

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
    QLocale::setDefault(QLocale(code == QStringLiteral("sw") ? QStringLiteral("sw_KE") : QStringLiteral("en_KE")));
    if (code == QStringLiteral("en"))
        return true;
    auto *translator = new QTranslator;
    if (!translator->load(QStringLiteral(":/i18n/kengele_%1.qm").arg(code))) {
        qCWarning(lcUi) << "no translation for language" << code;
        delete translator;
        return false;
    }
    QCoreApplication::installTranslator(translator);
    current = translator;
    return true;
}

} // namespace kengele::UiLanguage
