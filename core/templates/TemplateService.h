// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "MessageTemplateRecord.h"
#include "common/Result.h"
#include "security/Access.h"

#include <QList>
#include <QObject>

namespace kengele {

class Clock;
class Database;

// Saved SMS templates. A template with a broken merge field is refused, so nothing unusable is
// ever stored.
class TemplateService final : public QObject
{
    Q_OBJECT

public:
    TemplateService(Database &database, const Clock &clock, QObject *parent = nullptr);

    // Who may change templates, and the audit trail; none: everyone, unrecorded. Changes need
    // Permission::EditContacts.
    void setAccess(Access *access) { m_access = access; }

    Result<QList<MessageTemplateRecord>> list() const;
    Result<MessageTemplateRecord> get(qint64 id) const;
    Result<MessageTemplateRecord> findByName(const QString &name) const;
    // Creates the template, or replaces the text of the one with that name.
    Result<MessageTemplateRecord> save(const QString &name, const QString &body);
    // Changes name and text of an existing template.
    Result<MessageTemplateRecord> update(qint64 id, const QString &name, const QString &body);
    Status remove(qint64 id);

Q_SIGNALS:
    void templatesChanged();

private:
    Status validate(const QString &name, const QString &body) const;

    Database &m_database;
    const Clock &m_clock;
    Access *m_access = nullptr;
};

} // namespace kengele
