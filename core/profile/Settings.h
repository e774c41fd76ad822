#pragma once

#include <QSettings>
#include <QString>

namespace kengele {

// Typed per-profile settings, kept in settings.ini inside the profile folder.
// Defaults live here and nowhere else. Secrets never go here (see SecretStore).
class Settings final
{
public:
    explicit Settings(const QString &filePath);

    // Region used to read numbers written without a country code (ISO 3166 alpha-2).
    QString phoneRegion() const;
    void setPhoneRegion(const QString &region);

    // Interface language: "en" or "sw".
    QString language() const;
    void setLanguage(const QString &language);

    void sync();

private:
    void migrate();

    QSettings m_settings;
};

} // namespace kengele
