// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "settings/SharedSettingsStore.h"

#include <QCoreApplication>
#include <QSet>

namespace kengele {

class Access;
class Database;

// The organisation's settings in the shared table org_settings (schema 21, architecture.md §7):
// what Settings reads and writes its shared keys through once the Profile attaches it. A write is
// one transaction, captured by the table's triggers like any shared change; the row's uid comes
// from the setting's name, so every computer writes the same row and the later value wins.
class OrgSettingsStore final : public SharedSettingsStore
{
    Q_DECLARE_TR_FUNCTIONS(OrgSettingsStore)

public:
    explicit OrgSettingsStore(Database &database);

    // The profile's role checks and audit trail (none: everything allowed, nothing recorded, as for
    // a service built on its own). Every write is recorded ("settings.change", the setting's name,
    // never its value); the `administrators` names (the gateway account's: the SMS gateway page
    // and `gateway set` are an administrator's) are refused to anyone else.
    void setAccess(Access *access, QSet<QString> administrators);

    Result<QHash<QString, QString>> readAll() const override;
    Status write(const QString &name, const QString &value) override;
    // Written as this computer's own changes stamped HLC 0, like the rows migration 15 queued:
    // older than any change made since, so the church's later choices win; between two computers
    // that both had a value before, the same one wins everywhere (the device id decides).
    Status adopt(const QHash<QString, QString> &values) override;

private:
    Database &m_database;
    Access *m_access = nullptr;
    QSet<QString> m_administrators;
};

} // namespace kengele
