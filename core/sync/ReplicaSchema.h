// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QLatin1StringView>
#include <QList>
#include <QString>
#include <QStringList>

namespace kengele {

// The shared tables as the change log sees them (architecture.md "Several computers: the change
// log"). A "row" entity has a uid column and last-writer-wins fields; memberships and opt-outs are
// add-wins sets of tagged adds (plus, for opt-outs, last-writer-wins fields).
struct ReplicaEntity {
    QLatin1StringView name; // in operations: "contact"
    QLatin1StringView table; // "contacts"
    QList<QLatin1StringView> fields; // replicated columns, in dump order
    QLatin1StringView uniqueField; // "" when none; two rows may not share its value
    QList<QLatin1StringView> required; // the row cannot be written without them
    // Tables and columns (not foreign keys) that hold this entity's integer id.
    QList<std::pair<QLatin1StringView, QLatin1StringView>> plainReferences;
    bool hasUpdatedAt = false; // the table's local updated_at, stamped when another computer's change lands
    int since = 15; // the schema version that made it shared (its uid column and triggers)
    // Fields added to an entity after it was shared, and the schema version that added them: that
    // version adds their columns and makes the capture triggers anew. `fields` lists them too; an
    // earlier version's migration sees the entity without them (ReplicaSchema.cpp, entitiesOf).
    QList<QLatin1StringView> laterFields = {};
    int laterSince = 0;
};

class ReplicaSchema final
{
public:
    static const QList<ReplicaEntity> &rowEntities();
    static const ReplicaEntity *rowEntity(QStringView name);
    static constexpr QLatin1StringView Membership{"membership"};
    static constexpr QLatin1StringView OptOut{"opt_out"};
    static const QList<QLatin1StringView> &optOutFields();
    // Per-recipient states of campaigns, published by the computer that sends each campaign
    // (CampaignStatePublisher): uid = the campaign's uid, field "states", value a map
    // phone -> [version, rank, state, reason]; merged per phone by the larger (version, rank).
    static constexpr QLatin1StringView CampaignStates{"campaign_states"};
    // Schema version 15: uid columns (backfilled), the change log and its side tables, the
    // capture triggers, and every row already there recorded as this computer's own change.
    static QStringList migrationStatements();
    // Schema version 17: campaigns become shared (uid, origin: the computer that sends it; the
    // existing ones are this computer's), their per-recipient states (campaign_recipients), the
    // publishing mark, and every shared table's update trigger made anew so a field set to NULL
    // travels too. One self-contained step (Migrations::apply has one branch for it).
    static QStringList campaignMigrationStatements();
    // The token ledger (architecture.md §5 and "Several computers: the change log"): budget
    // accounts are the row entity "token_account" (merged by name like groups); a transfer is the
    // grow-only entity "token_transfer", one operation carrying the whole transfer (kind, the two
    // accounts' uids, tokens, campaign, reference, reason, user, time, and a credit's lot terms),
    // never edited; the lots and summaries are each computer's own, rebuilt from the entries.
    static constexpr QLatin1StringView TokenTransfer{"token_transfer"};
    static constexpr QLatin1StringView TokenAccount{"token_account"};
    static const QList<QLatin1StringView> &tokenTransferFields();
    // Schema version 18: the token ledger shared (uids on accounts and transfers, the transfers'
    // clocks, the overdraft lot, the capture triggers; what is there queued as this computer's own).
    static QStringList ledgerMigrationStatements();
    // Staff accounts (architecture.md "Who may do what"): the row entity "staff", merged by user
    // name. Schema version 20: their uids, the capture triggers, the accounts there queued as this
    // computer's own.
    static constexpr QLatin1StringView Staff{"staff"};
    static QStringList staffMigrationStatements();
    // The organisation's settings (architecture.md §7): the row entity "org_setting", one row per
    // setting (name as in settings.ini, value as text, NULL: the default), its uid made from the
    // name (kengele_name_uid('org_setting', name)), so two computers that set quiet hours write
    // one row and the later value wins. Schema version 21: the table and its capture triggers;
    // this computer's values come from settings.ini when the Profile attaches it (OrgSettingsStore).
    static constexpr QLatin1StringView OrgSetting{"org_setting"};
    static QStringList settingsMigrationStatements();
    // Audit entries (architecture.md "Who may do what, and the audit trail"): each entry of this
    // computer's own trail (audit_log) is the grow-only entity "audit_entry", one operation
    // carrying the whole entry (uid "<replica id>/<entry id>"); other computers' entries are kept
    // in audit_remote, never mixed into this computer's chain.
    static constexpr QLatin1StringView AuditEntry{"audit_entry"};
    static const QList<QLatin1StringView> &auditEntryFields();
    // Schema version 22: audit_remote, the view audit_entries (every computer's entries), the
    // capture trigger on audit_log, and this computer's trail queued as its own changes.
    static QStringList auditMigrationStatements();
    // A campaign's links (architecture.md "Several computers: campaigns"): its budget, template,
    // repeating campaign and who it was aimed at travel as uids (account_uid, template_uid,
    // parent_uid, targets: a JSON array of "group:<uid>" and "contact:<uid>"), written by the
    // computer that launched it (CampaignOrigin::publishLinks); every other computer links them to
    // its own rows (account_id, template_id, parent_id, campaign_targets) by triggers, at once or
    // when the row they name arrives. Schema version 24.
    static QStringList campaignLinkMigrationStatements();
    // The statement that sets a campaign's link uids from its local ids; `where` picks the
    // campaigns (on campaigns, e.g. "id = ?1"), and only this computer's own are ever changed.
    static QString campaignLinksUpdate(const QString &where);
    // Links every other computer's campaign to this computer's rows again (after a snapshot is
    // loaded, whose tables come in an order of their own): the update fires the linking trigger.
    static constexpr const char *CampaignRelink
        = "UPDATE campaigns SET targets = targets WHERE origin <> (SELECT device FROM sync_state WHERE id = 1)";
};

} // namespace kengele
