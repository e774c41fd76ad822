#include "Settings.h"

namespace kengele {

namespace {

constexpr int CurrentVersion = 1;

QString key(const char *name)
{
    return QString::fromLatin1(name);
}

} // namespace

Settings::Settings(const QString &filePath)
    : m_settings(filePath, QSettings::IniFormat)
{
    migrate();
}

void Settings::migrate()
{
    int version = m_settings.value(key("settingsVersion"), 0).toInt();
    // Ladder: each step brings version N to N+1. Version 0 is a new file.
    if (version < 1)
        version = 1;
    if (version != m_settings.value(key("settingsVersion"), 0).toInt())
        m_settings.setValue(key("settingsVersion"), CurrentVersion);
}

QString Settings::phoneRegion() const
{
    return m_settings.value(key("phone/region"), QStringLiteral("KE")).toString();
}

void Settings::setPhoneRegion(const QString &region)
{
    m_settings.setValue(key("phone/region"), region.toUpper());
}

QString Settings::language() const
{
    return m_settings.value(key("ui/language"), QStringLiteral("en")).toString();
}

void Settings::setLanguage(const QString &language)
{
    m_settings.setValue(key("ui/language"), language);
}

void Settings::sync()
{
    m_settings.sync();
}

} // namespace kengele
