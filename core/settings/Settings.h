// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "gateway/GatewayKind.h"

#include "common/Result.h"

#include <QHash>
#include <QObject>
#include <QSettings>
#include <QString>
#include <QTime>
#include <QVariant>

#include <optional>
#include <utility>

namespace kengele {

class SharedSettingsStore;

// Typed per-profile settings, kept in settings.ini inside the profile folder (architecture.md §7).
//
// Every key is a `Key`, with its name in the file and its default in ONE table (Settings.cpp); the
// typed accessors below read and write through it. A change that really changes a value is
// announced with changed(key), so whoever depends on a setting (the phone normaliser, the
// dispatcher's rate, the simulation banner) follows it without being told by hand.
//
// The file carries a version; opening an older file runs the migration ladder (each step brings
// version N to N+1) before anything reads it. Secrets never go here (see SecretStore).
//
// The organisation's settings (isShared: quiet hours, the sender id, the phone region, the church's
// name, the longest message, the gateway's account name and environment) are the same on all the
// congregation's computers: once the Profile attaches the database's SharedSettingsStore they are
// read and written there (and travel with the shared data), no longer in settings.ini. Another
// computer's change is announced with changed(key) too, once reloadShared() sees it.
class Settings final : public QObject
{
    Q_OBJECT

public:
    enum class Key {
        PhoneRegion, // region for numbers written without a country code (ISO 3166 alpha-2)
        Language, // interface language: "en" or "sw"
        GatewayProvider, // a GatewayKind, stored as its text (GatewayKind.h)
        GatewayUsername,
        GatewaySenderId,
        GatewayEnvironment, // "live" or "sandbox"
        GatewayBaseUrl, // empty: the provider's own host
        GatewayRatePerSecond, // messages per second; 0: no limit
        SimulatorReportUrl, // the simulator posts its delivery reports here (a relay hook); empty: straight
        RelayUrl, // the relay this profile syncs with; empty: none
        QuietHours, // "HH:mm-HH:mm" (local time) or "off"
        MaxSegmentsPerMessage, // a message longer than this many SMS parts is refused
        ProfileId, // a stable identity of this profile, made on first use
        WelcomeShown, // the welcome page (three steps to a first send) was shown once; older files: not yet
        BackupFolder, // where automatic backups go; empty: Documents/Kengele backups (BackupService::defaultFolder)
        BackupAutomatic, // a backup a day while Kengele runs (the passphrase is in the keychain, never here)
        LastBackup, // when the last backup into the folder was made (UTC, ISO 8601); empty: never
        IdleLockMinutes, // with sign-in required, the window locks after this many minutes without input; 0: never
        AuditAnchorDay, // the UTC day (yyyy-MM-dd) the audit trail's head was last sent to the relay; empty: never
        OrganisationName, // the church's name, in the header of printed reports; empty: none
        OrganisationLogo, // the path of an image file (PNG, JPEG, SVG…) printed beside that name; empty: none
    };
    Q_ENUM(Key)

    // The version this Kengele writes; older files are migrated when opened.
    static constexpr int CurrentVersion = 3;
    static constexpr int DefaultMaxSegmentsPerMessage = 20;
    static constexpr int DefaultIdleLockMinutes = 15;
    static constexpr int MaxIdleLockMinutes = 480;

    explicit Settings(const QString &filePath, QObject *parent = nullptr);

    // The key's name in settings.ini ("gateway/provider") and its default (invalid: none).
    static QString name(Key key);
    static QVariant defaultValue(Key key);

    // Whether the key is the organisation's, shared by all its computers (architecture.md §7).
    static bool isShared(Key key);

    // The stored value, or the default when none is stored.
    QVariant value(Key key) const;
    // Stores `value` (an empty text removes the entry, so the default applies) and emits
    // changed(key) when the value read back differs from before.
    void setValue(Key key, const QVariant &value);

    // From now on the shared keys are read and written through `store` (nullptr: settings.ini
    // again). This computer's values for them still in settings.ini move there first (taken as
    // its own changes older than any made since, and removed from the file); changed(key) for
    // every key whose value is not what it was.
    Status attachSharedStore(SharedSettingsStore *store);
    // Reads the shared keys again (another computer's changes arrived) and emits changed(key) for
    // each whose value changed.
    void reloadShared();

    // The version of the file as opened (before migration): 0 for a new file.
    int openedVersion() const { return m_openedVersion; }

    QString phoneRegion() const;
    void setPhoneRegion(const QString &region); // stored upper-case

    QString language() const;
    void setLanguage(const QString &language);

    // The gateway. The API key is NOT here: it lives in the OS keychain. A word in the file that
    // names no gateway reads as the simulator (GatewayKind.h says why).
    GatewayKind gatewayProvider() const;
    void setGatewayProvider(GatewayKind provider);
    QString gatewayUsername() const;
    void setGatewayUsername(const QString &username);
    QString gatewaySenderId() const;
    void setGatewaySenderId(const QString &senderId);
    QString gatewayEnvironment() const;
    void setGatewayEnvironment(const QString &environment);
    QString gatewayBaseUrl() const;
    void setGatewayBaseUrl(const QString &url);
    double gatewayRatePerSecond() const;
    void setGatewayRatePerSecond(double rate);
    QString simulatorReportUrl() const;
    void setSimulatorReportUrl(const QString &url);

    // The relay. The device token is NOT here: it lives in the OS keychain.
    QString relayUrl() const;
    void setRelayUrl(const QString &url);

    // Quiet hours hold every message but urgent ones between start and end (local time; the window
    // may cross midnight). Off: messages go at any hour.
    bool quietHoursEnabled() const;
    QTime quietHoursStart() const; // invalid when off
    QTime quietHoursEnd() const; // invalid when off
    void setQuietHours(const QTime &start, const QTime &end);
    void setQuietHoursOff();
    // "21:00-07:00" or "off", as stored and as `kengele-cli settings quiet-hours` takes it.
    QString quietHoursText() const;
    // "HH:MM-HH:MM" (a hyphen or a dash between) -> the two times; nullopt when it is not two times
    // of day. Equal times are returned as they are: the caller says what that means.
    static std::optional<std::pair<QTime, QTime>> parseQuietHours(const QString &text);
    // Reads "HH:MM-HH:MM" or "off"; false (nothing changed) when the text is neither or when start
    // and end are the same time.
    bool setQuietHoursText(const QString &text);

    int maxSegmentsPerMessage() const;
    void setMaxSegmentsPerMessage(int segments);

    // Names the profile's secrets in the keychain, so two congregations on one computer never share
    // an API key. Made and saved on first use.
    QString profileId();

    // The welcome page is shown by itself on the first start of a profile, then only from Help.
    bool welcomeShown() const;
    void setWelcomeShown(bool shown);

    // With sign-in required, the window locks after this many minutes without keyboard or mouse
    // input; 0: never by itself (Lock still does). Stored within 0..480.
    int idleLockMinutes() const;
    void setIdleLockMinutes(int minutes);

    // The church's name and logo, printed at the top of every report page (ReportPrinter). The logo
    // is a path to an image file, read when a report is printed (a file moved away prints no logo).
    QString organisationName() const;
    void setOrganisationName(const QString &name); // trimmed
    QString organisationLogo() const;
    void setOrganisationLogo(const QString &path);

    void sync();

Q_SIGNALS:
    void changed(kengele::Settings::Key key);

private:
    void migrate();
    // The shared keys' values as they read now (for changed(key) after a reload).
    QHash<Key, QString> sharedValues() const;
    void announceChanges(const QHash<Key, QString> &before);

    QSettings m_settings;
    int m_openedVersion = 0;
    SharedSettingsStore *m_store = nullptr;
    QHash<QString, QString> m_shared; // the store's values by name, read at attach and reload
};

} // namespace kengele
