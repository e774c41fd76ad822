// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

namespace kengele {

class Access;
class AuditLog;
class BackupService;
class BuiltInReports;
class Clock;
class ContactExporter;
class ContactImportService;
class ContactService;
class Database;
class ContactForgetter;
class FeatureLocks;
class ForgottenOptOuts;
class GroupService;
class OutboxStore;
class PastoralNotes;
class PersonRecord;
class PhoneNormalizer;
class RelayLinkStore;
class ReportSchedules;
class ReportRunner;
class SavedReports;
class Settings;
class StaffAccounts;
class TemplateService;
class TokenInsights;
class TokenLedger;
class CampaignService;
class InboxService;
class OrgSettingsStore;

// One organisation's data folder: the database, the settings and the services over them.
// Front ends (GUI, CLI) and tests build one and pass its services to whoever needs them; this is
// the one place that builds services over the database (docs/architecture.md §2, "Composition").
class Profile final
{
    Q_DECLARE_TR_FUNCTIONS(Profile)

public:
    // --profile DIR wins, then KENGELE_PROFILE, then the per-user application data folder.
    static QString resolveDirectory(const QString &commandLineValue);
    static Result<std::unique_ptr<Profile>> open(const QString &directory, const Clock &clock);

    ~Profile();

    QString directory() const { return m_directory; }
    QString databasePath() const;
    // True when this open created the database (first start of this profile).
    bool isNew() const { return m_isNew; }

    Database &database() { return *m_database; }
    Settings &settings() { return *m_settings; }
    PhoneNormalizer &phones() { return *m_phones; }
    ContactService &contacts() { return *m_contacts; }
    // Confidential notes, sealed with the data key the front end hands over (setKeySource).
    PastoralNotes &pastoral() { return *m_pastoral; }
    // Everything held about one person, for their data-protection request.
    PersonRecord &person() { return *m_person; }
    // "Forget this person": removes their personal data everywhere (pastors and administrators).
    ContactForgetter &forgetter() { return *m_forgetter; }
    // Numbers of forgotten people that had opted out, as keyed hashes; needs the data key the front
    // end hands over (setKeySource) only once someone has been forgotten.
    ForgottenOptOuts &forgottenOptOuts() { return *m_forgotten; }
    GroupService &groups() { return *m_groups; }
    TemplateService &templates() { return *m_templates; }
    TokenLedger &tokens() { return *m_tokens; }
    // Where the tokens stand and go: usage per day, spend rates, expiries, alerts (reads only).
    const TokenInsights &insights() const { return *m_insights; }
    CampaignService &campaigns() { return *m_campaigns; }
    // A person's decisions on a running campaign (pause, cancel, send again).
    OutboxStore &outbox() { return *m_outbox; }
    InboxService &inbox() { return *m_inbox; }
    ContactImportService &imports() { return *m_imports; }
    const ContactExporter &exporter() const { return *m_exporter; }
    RelayLinkStore &relayLinks() { return *m_relayLinks; }
    // Which features the plan in force allows, when the relay's operator locks features by plan.
    // Campaign launches and changes already ask it; front ends ask before offering a feature.
    const FeatureLocks &features() const { return *m_features; }
    // Staff accounts, sign-in and the role checks; and the audit trail of who did what.
    StaffAccounts &staff() { return *m_staff; }
    AuditLog &audit() { return *m_audit; }
    // The role checks and audit entries every service above goes through (the same StaffAccounts
    // and AuditLog); for objects front ends build themselves, such as the TokenShop.
    Access &access() { return *m_access; }
    // Encrypted backups of this store, and their restore (administrators).
    BackupService &backups() { return *m_backups; }
    // Scheduled reports (PDF to a folder, SMS summary to a group); the front end gives it the PDF writer.
    ReportSchedules &reportSchedules() { return *m_reportSchedules; }
    // Reports (read only; on any thread: each uses the calling thread's connection) and the report
    // builder's saved reports (changes audited, staff and up).
    const ReportRunner &reportRunner() const { return *m_reportRunner; }
    const BuiltInReports &builtInReports() const { return *m_builtInReports; }
    SavedReports &savedReports() { return *m_savedReports; }
    const Clock &clock() const { return m_clock; }

private:
    Profile(QString directory, const Clock &clock);
    void followSettings();
    void shareAccess();

    QString m_directory;
    const Clock &m_clock;
    bool m_isNew = false;
    std::shared_ptr<Database> m_database;
    std::unique_ptr<OrgSettingsStore> m_orgSettings; // before m_settings, which reads through it
    std::unique_ptr<Settings> m_settings;
    std::unique_ptr<PhoneNormalizer> m_phones;
    std::unique_ptr<ContactService> m_contacts;
    std::unique_ptr<GroupService> m_groups;
    std::unique_ptr<TemplateService> m_templates;
    std::unique_ptr<TokenLedger> m_tokens;
    std::unique_ptr<TokenInsights> m_insights;
    std::unique_ptr<CampaignService> m_campaigns;
    std::unique_ptr<OutboxStore> m_outbox;
    std::unique_ptr<InboxService> m_inbox;
    std::unique_ptr<ContactImportService> m_imports;
    std::unique_ptr<ContactExporter> m_exporter;
    std::unique_ptr<RelayLinkStore> m_relayLinks;
    std::unique_ptr<FeatureLocks> m_features;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<StaffAccounts> m_staff;
    std::unique_ptr<Access> m_access;
    std::unique_ptr<PastoralNotes> m_pastoral;
    std::unique_ptr<PersonRecord> m_person;
    std::unique_ptr<ForgottenOptOuts> m_forgotten;
    std::unique_ptr<ContactForgetter> m_forgetter;
    std::unique_ptr<BackupService> m_backups;
    std::unique_ptr<ReportSchedules> m_reportSchedules;
    std::unique_ptr<ReportRunner> m_reportRunner;
    std::unique_ptr<BuiltInReports> m_builtInReports;
    std::unique_ptr<SavedReports> m_savedReports;
};

} // namespace kengele
