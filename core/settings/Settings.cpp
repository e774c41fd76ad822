// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Settings.h"

#include "SharedSettingsStore.h"
#include "common/Log.h"

#include <QRegularExpression>
#include <QUuid>

#include <array>

namespace kengele {

namespace {

struct KeyInfo {
    Settings::Key key;
    const char *name;
    QVariant defaultValue;
    bool shared = false; // the organisation's, the same on all its computers (architecture.md §7)
};

// Every setting: its name in settings.ini and its default. The one place either is written.
const std::array<KeyInfo, 21> &keyTable()
{
    using K = Settings::Key;
    static const std::array<KeyInfo, 21> table{{
        {K::PhoneRegion, "phone/region", QStringLiteral("KE"), true},
        {K::Language, "ui/language", QStringLiteral("en")},
        {K::GatewayProvider, "gateway/provider", toText(GatewayKind::Simulator)},
        {K::GatewayUsername, "gateway/username", QString(), true},
        {K::GatewaySenderId, "gateway/senderId", QString(), true},
        {K::GatewayEnvironment, "gateway/environment", QStringLiteral("live"), true},
        {K::GatewayBaseUrl, "gateway/baseUrl", QString()},
        {K::GatewayRatePerSecond, "gateway/ratePerSecond", 20.0},
        {K::SimulatorReportUrl, "gateway/simulatorReportUrl", QString()},
        {K::RelayUrl, "relay/url", QString()},
        {K::QuietHours, "sending/quietHours", QStringLiteral("21:00-07:00"), true},
        {K::MaxSegmentsPerMessage, "sending/maxSegments", Settings::DefaultMaxSegmentsPerMessage, true},
        {K::ProfileId, "profile/id", QString()},
        {K::WelcomeShown, "ui/welcomeShown", false},
        {K::BackupFolder, "backup/folder", QString()},
        {K::BackupAutomatic, "backup/automatic", false},
        {K::LastBackup, "backup/last", QString()},
        {K::IdleLockMinutes, "security/idleLockMinutes", Settings::DefaultIdleLockMinutes},
        {K::AuditAnchorDay, "audit/anchorDay", QString()},
        {K::OrganisationName, "organisation/name", QString(), true},
        {K::OrganisationLogo, "organisation/logo", QString()},
    }};
    return table;
}

const KeyInfo &info(Settings::Key key)
{
    const auto &table = keyTable();
    const auto index = static_cast<std::size_t>(key);
    Q_ASSERT(index < table.size() && table[index].key == key);
    return table[index];
}

const QString VersionKey = QStringLiteral("settingsVersion");
const QString TimeFormat = QStringLiteral("HH:mm");
const QString Off = QStringLiteral("off");

// "21:00-07:00" -> the two times; both invalid for anything else.
std::pair<QTime, QTime> parseWindow(const QString &text)
{
    const std::optional<std::pair<QTime, QTime>> window = Settings::parseQuietHours(text);
    return window ? *window : std::pair<QTime, QTime>{};
}

QString windowText(const QTime &start, const QTime &end)
{
    return start.toString(TimeFormat) + u'-' + end.toString(TimeFormat);
}

} // namespace

Settings::Settings(const QString &filePath, QObject *parent)
    : QObject(parent)
    , m_settings(filePath, QSettings::IniFormat)
{
    migrate();
}

// The ladder: each step brings a file of version N to N+1 and nothing else, in order; a new file
// (version 0, no keys) just gets the current version. A step never reads a key through the table
// (which describes the current version), only the names it knew.
void Settings::migrate()
{
    m_openedVersion = m_settings.value(VersionKey, 0).toInt();
    int version = m_openedVersion;
    if (version > CurrentVersion)
        return; // written by a newer Kengele: read what we know, change nothing
    if (version < 1) {
        // 0 -> 1: the first versioned file. Files from before versioning had the same keys.
        version = 1;
    }
    if (version < 2) {
        // 1 -> 2: quiet hours become one value ("21:00-07:00" or "off") instead of two times, so
        // that "no quiet hours" can be said. Equal start and end already meant none.
        const QString oldStart = QStringLiteral("sending/quietStart");
        const QString oldEnd = QStringLiteral("sending/quietEnd");
        if (m_settings.contains(oldStart) || m_settings.contains(oldEnd)) {
            const QTime start = QTime::fromString(m_settings.value(oldStart, QStringLiteral("21:00")).toString(), TimeFormat);
            const QTime end = QTime::fromString(m_settings.value(oldEnd, QStringLiteral("07:00")).toString(), TimeFormat);
            if (start.isValid() && end.isValid())
                m_settings.setValue(name(Key::QuietHours), start == end ? Off : windowText(start, end));
            m_settings.remove(oldStart);
            m_settings.remove(oldEnd);
        }
        version = 2;
    }
    if (version < 3) {
        // 2 -> 3: the welcome page came. A profile already in use (any file but a brand-new one) has
        // found its way without it: it is not shown again by itself (Help → Getting started shows it).
        if (m_openedVersion > 0 || !m_settings.allKeys().isEmpty())
            m_settings.setValue(QStringLiteral("ui/welcomeShown"), true);
        version = 3;
    }
    if (version != m_openedVersion || !m_settings.contains(VersionKey))
        m_settings.setValue(VersionKey, CurrentVersion);
}

std::optional<std::pair<QTime, QTime>> Settings::parseQuietHours(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral(R"(^\s*(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})\s*$)"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    const QTime start(match.captured(1).toInt(), match.captured(2).toInt());
    const QTime end(match.captured(3).toInt(), match.captured(4).toInt());
    if (!start.isValid() || !end.isValid())
        return std::nullopt;
    return std::pair{start, end};
}

QString Settings::name(Key key)
{
    return QString::fromLatin1(info(key).name);
}

QVariant Settings::defaultValue(Key key)
{
    return info(key).defaultValue;
}

bool Settings::isShared(Key key)
{
    return info(key).shared;
}

QVariant Settings::value(Key key) const
{
    if (m_store && isShared(key)) {
        const auto stored = m_shared.constFind(name(key));
        return stored != m_shared.cend() ? QVariant(*stored) : defaultValue(key);
    }
    return m_settings.value(name(key), defaultValue(key));
}

void Settings::setValue(Key key, const QVariant &newValue)
{
    const QString before = value(key).toString();
    // An empty text removes the entry, so the default applies again. Any other value is kept as
    // chosen, even when it equals today's default: a later default must not overrule a choice.
    const bool remove = newValue.typeId() == QMetaType::QString && newValue.toString().isEmpty();
    if (m_store && isShared(key)) {
        // The organisation's: one transaction in the shared table (the change log captures it).
        const QString keyName = name(key);
        const auto stored = m_shared.constFind(keyName);
        const QString text = remove ? QString() : newValue.toString();
        if (stored == m_shared.cend() ? remove : (!remove && *stored == text))
            return; // already so
        if (Status written = m_store->write(keyName, text); !written) {
            qCWarning(lcStorage) << "the shared setting" << keyName << "was not saved:" << written.error().message;
            return;
        }
        if (remove)
            m_shared.remove(keyName);
        else
            m_shared.insert(keyName, text);
    } else if (remove) {
        m_settings.remove(name(key));
    } else {
        m_settings.setValue(name(key), newValue);
    }
    // Values read back from an ini file are text: compare as text, so 20 and "20" are the same.
    if (value(key).toString() != before)
        Q_EMIT changed(key);
}

QString Settings::phoneRegion() const
{
    return value(Key::PhoneRegion).toString();
}

void Settings::setPhoneRegion(const QString &region)
{
    setValue(Key::PhoneRegion, region.toUpper());
}

QString Settings::language() const
{
    return value(Key::Language).toString();
}

void Settings::setLanguage(const QString &language)
{
    setValue(Key::Language, language);
}

GatewayKind Settings::gatewayProvider() const
{
    return gatewayKindFromText(value(Key::GatewayProvider).toString()).value_or(GatewayKind::Simulator);
}

void Settings::setGatewayProvider(GatewayKind provider)
{
    setValue(Key::GatewayProvider, toText(provider));
}

QString Settings::gatewayUsername() const
{
    return value(Key::GatewayUsername).toString();
}

void Settings::setGatewayUsername(const QString &username)
{
    setValue(Key::GatewayUsername, username);
}

QString Settings::gatewaySenderId() const
{
    return value(Key::GatewaySenderId).toString();
}

void Settings::setGatewaySenderId(const QString &senderId)
{
    setValue(Key::GatewaySenderId, senderId);
}

QString Settings::gatewayEnvironment() const
{
    return value(Key::GatewayEnvironment).toString();
}

void Settings::setGatewayEnvironment(const QString &environment)
{
    setValue(Key::GatewayEnvironment, environment);
}

QString Settings::gatewayBaseUrl() const
{
    return value(Key::GatewayBaseUrl).toString();
}

void Settings::setGatewayBaseUrl(const QString &url)
{
    setValue(Key::GatewayBaseUrl, url);
}

double Settings::gatewayRatePerSecond() const
{
    return value(Key::GatewayRatePerSecond).toDouble();
}

void Settings::setGatewayRatePerSecond(double rate)
{
    setValue(Key::GatewayRatePerSecond, rate);
}

QString Settings::simulatorReportUrl() const
{
    return value(Key::SimulatorReportUrl).toString();
}

void Settings::setSimulatorReportUrl(const QString &url)
{
    setValue(Key::SimulatorReportUrl, url);
}

QString Settings::relayUrl() const
{
    return value(Key::RelayUrl).toString();
}

void Settings::setRelayUrl(const QString &url)
{
    setValue(Key::RelayUrl, url);
}

bool Settings::quietHoursEnabled() const
{
    return parseWindow(quietHoursText()).first.isValid();
}

QTime Settings::quietHoursStart() const
{
    return parseWindow(quietHoursText()).first;
}

QTime Settings::quietHoursEnd() const
{
    return parseWindow(quietHoursText()).second;
}

void Settings::setQuietHours(const QTime &start, const QTime &end)
{
    if (!start.isValid() || !end.isValid() || start == end)
        setQuietHoursOff();
    else
        setValue(Key::QuietHours, windowText(start, end));
}

void Settings::setQuietHoursOff()
{
    setValue(Key::QuietHours, Off);
}

QString Settings::quietHoursText() const
{
    const QString stored = value(Key::QuietHours).toString();
    const auto [start, end] = parseWindow(stored);
    if (!start.isValid() || start == end)
        return stored.compare(Off, Qt::CaseInsensitive) == 0 ? Off : defaultValue(Key::QuietHours).toString();
    return windowText(start, end);
}

bool Settings::setQuietHoursText(const QString &text)
{
    if (text.trimmed().compare(Off, Qt::CaseInsensitive) == 0) {
        setQuietHoursOff();
        return true;
    }
    const auto [start, end] = parseWindow(text);
    if (!start.isValid() || start == end)
        return false;
    setQuietHours(start, end);
    return true;
}

int Settings::maxSegmentsPerMessage() const
{
    return value(Key::MaxSegmentsPerMessage).toInt();
}

void Settings::setMaxSegmentsPerMessage(int segments)
{
    setValue(Key::MaxSegmentsPerMessage, segments);
}

QString Settings::profileId()
{
    QString id = value(Key::ProfileId).toString();
    if (id.isEmpty()) {
        id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        setValue(Key::ProfileId, id);
        m_settings.sync();
    }
    return id;
}

bool Settings::welcomeShown() const
{
    return value(Key::WelcomeShown).toBool();
}

void Settings::setWelcomeShown(bool shown)
{
    setValue(Key::WelcomeShown, shown);
}

int Settings::idleLockMinutes() const
{
    bool ok = false;
    const int minutes = value(Key::IdleLockMinutes).toInt(&ok);
    return ok ? qBound(0, minutes, MaxIdleLockMinutes) : DefaultIdleLockMinutes;
}

void Settings::setIdleLockMinutes(int minutes)
{
    setValue(Key::IdleLockMinutes, qBound(0, minutes, MaxIdleLockMinutes));
}

QString Settings::organisationName() const
{
    return value(Key::OrganisationName).toString();
}

void Settings::setOrganisationName(const QString &name)
{
    setValue(Key::OrganisationName, name.simplified());
}

QString Settings::organisationLogo() const
{
    return value(Key::OrganisationLogo).toString();
}

void Settings::setOrganisationLogo(const QString &path)
{
    setValue(Key::OrganisationLogo, path.trimmed());
}

void Settings::sync()
{
    m_settings.sync();
}

QHash<Settings::Key, QString> Settings::sharedValues() const
{
    QHash<Key, QString> out;
    for (const KeyInfo &k : keyTable()) {
        if (k.shared)
            out.insert(k.key, value(k.key).toString());
    }
    return out;
}

void Settings::announceChanges(const QHash<Key, QString> &before)
{
    for (const KeyInfo &k : keyTable()) {
        if (k.shared && value(k.key).toString() != before.value(k.key))
            Q_EMIT changed(k.key);
    }
}

Status Settings::attachSharedStore(SharedSettingsStore *store)
{
    const QHash<Key, QString> before = sharedValues();
    QHash<QString, QString> shared;
    if (store) {
        // This computer's own values from before the settings were shared move to the store once;
        // the file then holds no shared key (one place for each value).
        QHash<QString, QString> local;
        for (const KeyInfo &k : keyTable()) {
            const QString keyName = name(k.key);
            if (k.shared && m_settings.contains(keyName))
                local.insert(keyName, m_settings.value(keyName).toString());
        }
        if (!local.isEmpty()) {
            if (Status adopted = store->adopt(local); !adopted)
                return adopted;
            for (auto it = local.cbegin(); it != local.cend(); ++it)
                m_settings.remove(it.key());
            m_settings.sync();
        }
        Result<QHash<QString, QString>> all = store->readAll();
        if (!all)
            return std::unexpected(all.error());
        shared = std::move(*all);
    }
    m_store = store;
    m_shared = std::move(shared);
    announceChanges(before);
    return {};
}

void Settings::reloadShared()
{
    if (!m_store)
        return;
    Result<QHash<QString, QString>> all = m_store->readAll();
    if (!all) {
        qCWarning(lcStorage) << "the shared settings could not be read again:" << all.error().message;
        return;
    }
    const QHash<Key, QString> before = sharedValues();
    m_shared = std::move(*all);
    announceChanges(before);
}

} // namespace kengele
