// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace kengele {

class BackupScheduler;
class Clock;

// Settings → Backups: the folder backups go to, automatic daily backups on or off, the backup
// passphrase (kept in the keychain), "Back up now", the backups in the folder and "Restore…".
// Changes take effect at once (like connecting a relay), not on the dialog's OK. A restore is
// checked here, then handed to the application (BackupScheduler::stageRestore), which closes the
// data, puts the backup in its place and opens it again. For administrators; others see why not.
class BackupSettingsWidget final : public QWidget
{
    Q_OBJECT

public:
    BackupSettingsWidget(BackupScheduler &scheduler, const Clock &clock, QWidget *parent = nullptr);

    // The list of backups and the states, read again.
    void refresh();

    // Asks for a new backup passphrase, typed twice and long enough; "" when cancelled. `intro`
    // replaces the first line (how long it must be) when given.
    static QString askNewPassphrase(QWidget *parent, const QString &title, const QString &intro = {});

private:
    void chooseFolder();
    void setPassphrase();
    void backUpNow();
    void restore();
    // The saved passphrase, read from the keychain, then `then` with it ("" when none).
    void withPassphrase(const std::function<void(const QString &)> &then);

    BackupScheduler &m_scheduler;
    const Clock &m_clock;
    QLabel *m_notAllowed = nullptr;
    QLineEdit *m_folder = nullptr;
    QPushButton *m_chooseFolder = nullptr;
    QCheckBox *m_automatic = nullptr;
    QLabel *m_passphraseState = nullptr;
    QPushButton *m_setPassphrase = nullptr;
    QPushButton *m_backUpNow = nullptr;
    QTreeWidget *m_list = nullptr;
    QPushButton *m_restore = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace kengele
