// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Profile.h"

#include "backup/BackupService.h"
#include "campaigns/CampaignService.h"
#include "campaigns/OutboxStore.h"
#include "contacts/ContactForgetter.h"
#include "contacts/ContactService.h"
#include "contacts/ForgottenOptOuts.h"
#include "contacts/GroupService.h"
#include "contacts/PastoralNotes.h"
#include "contacts/PersonRecord.h"
#include "contacts/PhoneNormalizer.h"
#include "importexport/ContactExporter.h"
#include "importexport/ContactImportService.h"
#include "inbox/InboxService.h"
#include "reports/BuiltInReports.h"
#include "reports/ReportRunner.h"
#include "reports/ReportSchedules.h"
#include "reports/SavedReports.h"
#include "security/Access.h"
#include "security/AuditLog.h"
#include "security/StaffAccounts.h"
#include "settings/Settings.h"
#include "storage/Database.h"
#include "sync/FeatureLocks.h"
#include "sync/OrgSettingsStore.h"
#include "sync/RelayLinkStore.h"
#include "sync/ReplicaSqlFunctions.h"
#include "templates/TemplateService.h"
#include "tokens/TokenInsights.h"
#include "tokens/TokenLedger.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QSysInfo>

namespace kengele {

QString Profile::resolveDirectory(const QString &commandLineValue)
{
    if (!commandLineValue.isEmpty())
        return QDir(commandLineValue).absolutePath();
    const QString fromEnvironment = qEnvironmentVariable("KENGELE_PROFILE");
    if (!fromEnvironment.isEmpty())
        return QDir(fromEnvironment).absolutePath();
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

Profile::Profile(QString directory, const Clock &clock)
    : m_directory(std::move(directory))
    , m_clock(clock)
{ }

Profile::~Profile() = default;

QString Profile::databasePath() const
{
    return QDir(m_directory).filePath(QStringLiteral("kengele.sqlite"));
}

Result<std::unique_ptr<Profile>> Profile::open(const QString &directory, const Clock &clock)
{
    if (directory.isEmpty())
        return fail(ErrorCode::InvalidInput, tr("No data folder was given."));
    QDir dir(directory);
    if (QFileInfo(directory).exists() && !QFileInfo(directory).isDir())
        return fail(
            ErrorCode::InvalidInput,
            tr("%1 is a file, not a folder. Choose a folder for Kengele's data.").arg(QDir::toNativeSeparators(directory)));
    if (!dir.exists() && !dir.mkpath(QStringLiteral("."))) {
        return fail(ErrorCode::ReadOnly,
                    tr("Kengele cannot create its data folder %1. Choose a folder you are allowed to change.")
                        .arg(QDir::toNativeSeparators(directory)));
    }

    std::unique_ptr<Profile> profile(new Profile(dir.absolutePath(), clock));
    profile->m_isNew = !QFileInfo::exists(profile->databasePath());
    Result<std::shared_ptr<Database>> database = Database::open(profile->databasePath());
    if (!database)
        return std::unexpected(database.error());
    profile->m_database = std::move(*database);
    // The change log's hybrid logical clock reads the profile's clock (tests hand in a fake one).
    profile->m_database->replicaContext().setClock(&clock);
    profile->m_settings = std::make_unique<Settings>(dir.filePath(QStringLiteral("settings.ini")));
    // The organisation's settings live in the shared data (architecture.md §7); another computer's
    // change to one is announced by Settings::changed like a change made here.
    profile->m_orgSettings = std::make_unique<OrgSettingsStore>(*profile->m_database);
    if (Status attached = profile->m_settings->attachSharedStore(profile->m_orgSettings.get()); !attached)
        return std::unexpected(attached.error());
    profile->m_database->replicaContext().onSharedDataChanged(
        profile->m_settings.get(), [settings = profile->m_settings.get()] { settings->reloadShared(); });
    profile->m_phones = std::make_unique<PhoneNormalizer>(profile->m_settings->phoneRegion());
    profile->m_contacts = std::make_unique<ContactService>(*profile->m_database, *profile->m_phones, clock);
    profile->m_groups = std::make_unique<GroupService>(*profile->m_database, clock);
    profile->m_templates = std::make_unique<TemplateService>(*profile->m_database, clock);
    profile->m_tokens = std::make_unique<TokenLedger>(*profile->m_database, clock);
    profile->m_insights = std::make_unique<TokenInsights>(*profile->m_database, clock);
    profile->m_campaigns = std::make_unique<CampaignService>(*profile->m_database, *profile->m_tokens, clock);
    CampaignService::Limits limits;
    limits.maxSegments = profile->m_settings->maxSegmentsPerMessage();
    profile->m_campaigns->setLimits(limits);
    profile->m_outbox = std::make_unique<OutboxStore>(*profile->m_database, *profile->m_tokens, clock);
    profile->m_inbox = std::make_unique<InboxService>(*profile->m_database, *profile->m_contacts, *profile->m_campaigns,
                                                      *profile->m_settings, clock);
    profile->m_imports = std::make_unique<ContactImportService>(*profile->m_database, *profile->m_phones, *profile->m_contacts,
                                                                *profile->m_groups, clock);
    profile->m_exporter = std::make_unique<ContactExporter>(*profile->m_database);
    profile->m_relayLinks = std::make_unique<RelayLinkStore>(*profile->m_database, clock);
    profile->m_audit = std::make_unique<AuditLog>(*profile->m_database, clock, dir.filePath(QStringLiteral("audit-head")),
                                                  QSysInfo::machineHostName());
    profile->m_staff = std::make_unique<StaffAccounts>(*profile->m_database, clock, *profile->m_audit);
    profile->m_access = std::make_unique<Access>(*profile->m_staff, *profile->m_audit);
    profile->m_pastoral = std::make_unique<PastoralNotes>(*profile->m_database, clock);
    profile->m_person = std::make_unique<PersonRecord>(*profile->m_database, *profile->m_phones, *profile->m_pastoral);
    profile->m_forgotten = std::make_unique<ForgottenOptOuts>();
    profile->m_reportRunner = std::make_unique<ReportRunner>(*profile->m_database);
    profile->m_builtInReports = std::make_unique<BuiltInReports>(*profile->m_database);
    profile->m_savedReports = std::make_unique<SavedReports>(*profile->m_database, clock);
    profile->m_forgetter = std::make_unique<ContactForgetter>(*profile->m_database, *profile->m_phones, *profile->m_contacts,
                                                              *profile->m_tokens, *profile->m_forgotten, clock);
    profile->m_contacts->setForgottenOptOuts(profile->m_forgotten.get());
    profile->m_imports->setForgottenOptOuts(profile->m_forgotten.get());
    profile->m_campaigns->setForgottenOptOuts(profile->m_forgotten.get());
    profile->shareAccess();
    profile->m_backups = std::make_unique<BackupService>(*profile->m_database, *profile->m_staff, *profile->m_audit, clock);
    profile->m_features = std::make_unique<FeatureLocks>(*profile->m_database, *profile->m_tokens, *profile->m_settings, clock);
    profile->m_reportSchedules
        = std::make_unique<ReportSchedules>(*profile->m_database, *profile->m_campaigns, *profile->m_settings, clock);
    profile->m_reportSchedules->setAccess(profile->m_access.get());
    profile->m_campaigns->setFeatureGate(
        [features = profile->m_features.get()](PlanFeature feature) { return features->check(feature); });
    profile->followSettings();
    return profile;
}

// Every service that changes data asks the same Access (docs/architecture.md §7).
void Profile::shareAccess()
{
    Access *access = m_access.get();
    m_contacts->setAccess(access);
    m_groups->setAccess(access);
    m_templates->setAccess(access);
    m_tokens->setAccess(access);
    m_campaigns->setAccess(access);
    m_outbox->setAccess(access);
    m_imports->setAccess(access);
    m_exporter->setAccess(access);
    m_pastoral->setAccess(access);
    m_person->setAccess(access);
    m_forgetter->setAccess(access);
    m_savedReports->setAccess(access);
    m_orgSettings->setAccess(access,
                             {Settings::name(Settings::Key::GatewayUsername), Settings::name(Settings::Key::GatewaySenderId),
                              Settings::name(Settings::Key::GatewayEnvironment)});
}

// The services built from settings follow them when they change, whoever changes them.
void Profile::followSettings()
{
    QObject::connect(m_settings.get(), &Settings::changed, m_settings.get(), [this](Settings::Key key) {
        switch (key) {
        case Settings::Key::PhoneRegion:
            m_phones->setDefaultRegion(m_settings->phoneRegion());
            break;
        case Settings::Key::MaxSegmentsPerMessage: {
            CampaignService::Limits limits = m_campaigns->limits();
            limits.maxSegments = m_settings->maxSegmentsPerMessage();
            m_campaigns->setLimits(limits);
            break;
        }
        default:
            break;
        }
    });
}

} // namespace kengele
