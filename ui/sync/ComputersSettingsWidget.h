// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace kengele {

class Banner;
class ChangeLog;
class Clock;
class ComputersBanner;
class ComputersWatcher;
class SettingsDialog;

// Settings → Computers: the church's computers (name, its user when known, last seen, state), the
// notice of one waiting to be let in, "Let in…" and "Remove…" for an administrator, and "Recent
// conflicts…" (ConflictsDialog). Without a relay it says how a computer is added.
class ComputersSettingsWidget final : public QWidget
{
    Q_OBJECT

public:
    ComputersSettingsWidget(ComputersWatcher &watcher, const ChangeLog &changes, const Clock &clock, QWidget *parent = nullptr);

    // Adds the tab to Settings; returns its index.
    static int addTo(SettingsDialog &dialog, ComputersWatcher &watcher, const ChangeLog &changes, const Clock &clock);

    QTreeWidget *list() const { return m_list; }
    ComputersBanner *banner() const { return m_banner; }
    // The state of a computer in plain words (the list's last column).
    static QString stateText(bool isThis, bool approved, bool pending, bool removed);

private:
    void reload();
    void updateButtons();
    QString selectedDevice() const;
    void letInSelected();
    void removeSelected();
    void openConflicts();

    ComputersWatcher &m_watcher;
    const ChangeLog &m_changes;
    const Clock &m_clock;
    ComputersBanner *m_banner = nullptr;
    Banner *m_result = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_empty = nullptr;
    QTreeWidget *m_list = nullptr;
    QPushButton *m_letIn = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_conflicts = nullptr;
    QPushButton *m_refresh = nullptr;
};

} // namespace kengele
