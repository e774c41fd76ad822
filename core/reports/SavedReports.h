// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "ReportQuery.h"
#include "common/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>

namespace kengele {

class Access;
class Clock;
class Database;

struct SavedReport {
    qint64 id = 0;
    QString name;
    QJsonObject query; // ReportQuery::toJson()
    QDateTime createdAt;
};

// The report builder's saved reports (table saved_reports): a name and a ReportQuery. Saving and
// deleting are changes like a template's: Permission::EditContacts (staff and up; a viewer only
// runs them) and an entry in the audit trail ("reports.save", "reports.delete", object
// "report:ID"). Saving under a name that exists replaces its query.
class SavedReports final
{
    Q_DECLARE_TR_FUNCTIONS(SavedReports)

public:
    static constexpr int MaxNameLength = 80;

    SavedReports(const Database &database, const Clock &clock);
    void setAccess(Access *access) { m_access = access; }

    Result<SavedReport> save(const QString &name, const ReportQuery &query);
    Result<QList<SavedReport>> list() const; // by name
    Result<SavedReport> find(const QString &name) const;
    Status remove(const QString &name);

private:
    const Database &m_database;
    const Clock &m_clock;
    Access *m_access = nullptr;
};

} // namespace kengele
