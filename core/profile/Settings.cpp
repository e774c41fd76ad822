// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Settings.h"

#include <QUuid>

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

QString Settings::relayUrl() const
{
    return m_settings.value(key("relay/url")).toString();
}

void Settings::setRelayUrl(const QString &url)
{
    m_settings.setValue(key("relay/url"), url);
}

QString Settings::gatewayProvider() const
{
    return m_settings.value(key("gateway/provider"), QStringLiteral("simulator")).toString();
}

void Settings::setGatewayProvider(const QString &provider)
{
    m_settings.setValue(key("gateway/provider"), provider);
}

QString Settings::gatewayUsername() const
{
    return m_settings.value(key("gateway/username")).toString();
}

void Settings::setGatewayUsername(const QString &username)
{
    m_settings.setValue(key("gateway/username"), username);
}

QString Settings::gatewaySenderId() const
{
    return m_settings.value(key("gateway/senderId")).toString();
}

void Settings::setGatewaySenderId(const QString &senderId)
{
    m_settings.setValue(key("gateway/senderId"), senderId);
}

QString Settings::gatewayEnvironment() const
{
    return m_settings.value(key("gateway/environment"), QStringLiteral("live")).toString();
}

void Settings::setGatewayEnvironment(const QString &environment)
{
    m_settings.setValue(key("gateway/environment"), environment);
}

QString Settings::simulatorReportUrl() const
{
    return m_settings.value(key("gateway/simulatorReportUrl")).toString();
}

void Settings::setSimulatorReportUrl(const QString &url)
{
    if (url.isEmpty())
        m_settings.remove(key("gateway/simulatorReportUrl"));
    else
        m_settings.setValue(key("gateway/simulatorReportUrl"), url);
}

QString Settings::gatewayBaseUrl() const
{
    return m_settings.value(key("gateway/baseUrl")).toString();
}

void Settings::setGatewayBaseUrl(const QString &url)
{
    m_settings.setValue(key("gateway/baseUrl"), url);
}

double Settings::gatewayRatePerSecond() const
{
    return m_settings.value(key("gateway/ratePerSecond"), 20.0).toDouble();
}

void Settings::setGatewayRatePerSecond(double rate)
{
    m_settings.setValue(key("gateway/ratePerSecond"), rate);
}

QTime Settings::quietHoursStart() const
{
    return QTime::fromString(m_settings.value(key("sending/quietStart"), QStringLiteral("21:00")).toString(),
                             QStringLiteral("HH:mm"));
}

QTime Settings::quietHoursEnd() const
{
    return QTime::fromString(m_settings.value(key("sending/quietEnd"), QStringLiteral("07:00")).toString(),
                             QStringLiteral("HH:mm"));
}

void Settings::setQuietHours(const QTime &start, const QTime &end)
{
    m_settings.setValue(key("sending/quietStart"), start.toString(QStringLiteral("HH:mm")));
    m_settings.setValue(key("sending/quietEnd"), end.toString(QStringLiteral("HH:mm")));
}

bool Settings::hasQuietHours() const
{
    return quietHoursStart() != quietHoursEnd();
}

void Settings::setNoQuietHours()
{
    setQuietHours(QTime(0, 0), QTime(0, 0));
}

int Settings::maxSegmentsPerMessage() const
{
    return m_settings.value(key("sending/maxSegments"), 20).toInt();
}

void Settings::setMaxSegmentsPerMessage(int segments)
{
    m_settings.setValue(key("sending/maxSegments"), segments);
}

QString Settings::profileId()
{
    QString id = m_settings.value(key("profile/id")).toString();
    if (id.isEmpty()) {
        id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        m_settings.setValue(key("profile/id"), id);
        m_settings.sync();
    }
    return id;
}

void Settings::sync()
{
    m_settings.sync();
}

} // namespace kengele
