// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QDialog>

class QLabel;
class QTreeWidget;

namespace kengele {

class ChangeLog;
class Clock;
struct SyncConflict;

// Settings → Computers → Recent conflicts: the changes two computers made to the same thing at the
// same time (ChangeLog::conflicts()), newest first: what (the contact, group or template and the
// field in plain words), the value kept and the one replaced, who wrote each and on which computer,
// and when it was noticed.
class ConflictsDialog final : public QDialog
{
    Q_OBJECT

public:
    ConflictsDialog(const ChangeLog &changes, const Clock &clock, QWidget *parent = nullptr);

    QTreeWidget *list() const { return m_list; }

    // "Contact Asha Wanjiru: notes", in plain words.
    static QString whatText(const SyncConflict &conflict);
    static QString fieldText(const QString &entity, const QString &field);
    // "Setting: quiet hours" for a shared setting's name ("sending/quietHours").
    static QString settingText(const QString &name);

private:
    QTreeWidget *m_list = nullptr;
    QLabel *m_empty = nullptr;
};

} // namespace kengele
