// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "BackupSettingsWidget.h"

#include "MessageBox.h"
#include "backup/BackupScheduler.h"
#include "backup/BackupService.h"
#include "backup/PendingRestore.h"
#include "common/Clock.h"
#include "widgets/Colours.h"

#include <QApplication>
#include <QCheckBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace kengele {

namespace {

// Shows the wait cursor while a backup is made or checked (a second or two).
struct WaitCursor {
    WaitCursor() { QApplication::setOverrideCursor(Qt::WaitCursor); }
    ~WaitCursor() { QApplication::restoreOverrideCursor(); }
    WaitCursor(const WaitCursor &) = delete;
    WaitCursor &operator=(const WaitCursor &) = delete;
};

} // namespace

BackupSettingsWidget::BackupSettingsWidget(BackupScheduler &scheduler, const Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_scheduler(scheduler)
    , m_clock(clock)
{
    setObjectName(QStringLiteral("backupSettings"));
    m_notAllowed = new QLabel(tr("Only an administrator may make, restore or change backups."), this);
    m_notAllowed->setWordWrap(true);
    Colours::setTone(m_notAllowed, Colours::Tone::Warning);

    m_folder = new QLineEdit(this);
    m_folder->setObjectName(QStringLiteral("backupFolder"));
    m_folder->setReadOnly(true);
    m_chooseFolder = new QPushButton(tr("Choose…"), this);
    m_chooseFolder->setObjectName(QStringLiteral("chooseBackupFolder"));
    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(m_chooseFolder);

    m_automatic = new QCheckBox(tr("Back up automatically once a day"), this);
    m_automatic->setObjectName(QStringLiteral("automaticBackups"));
    auto *automaticHint = new QLabel(tr("A day missed because the computer was off is made up at the next start."), this);
    automaticHint->setWordWrap(true);
    Colours::setTone(automaticHint, Colours::Tone::Hint);
    auto *automaticColumn = new QVBoxLayout;
    automaticColumn->setSpacing(0);
    automaticColumn->addWidget(m_automatic);
    automaticColumn->addWidget(automaticHint);
    m_passphraseState = new QLabel(this);
    m_passphraseState->setObjectName(QStringLiteral("passphraseState"));
    m_passphraseState->setWordWrap(true); // long in Kiswahili
    m_setPassphrase = new QPushButton(tr("Set passphrase…"), this);
    m_setPassphrase->setObjectName(QStringLiteral("setBackupPassphrase"));
    // One above the other: a wrapped label beside a button is squeezed to the wrong height in a form.
    auto *passphraseColumn = new QVBoxLayout;
    passphraseColumn->addWidget(m_passphraseState);
    passphraseColumn->addWidget(m_setPassphrase, 0, Qt::AlignLeft);
    auto *passphraseHint = new QLabel(tr("Backups are locked with this passphrase, so a lost USB stick shows nothing. "
                                         "Without it nobody can open a backup, not even you: write it down and keep it "
                                         "apart from the backups. Passwords and keys kept by the computer are not in "
                                         "backups."),
                                      this);
    passphraseHint->setWordWrap(true);
    Colours::setTone(passphraseHint, Colours::Tone::Hint);

    auto *form = new QFormLayout;
    form->addRow(tr("Folder:"), folderRow);
    form->addRow(QString(), automaticColumn);
    passphraseColumn->addWidget(passphraseHint);
    form->addRow(tr("Passphrase:"), passphraseColumn);

    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("backupList"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Made"), tr("Size"), tr("File")});
    m_list->header()->setStretchLastSection(true);

    m_backUpNow = new QPushButton(tr("Back up now"), this);
    m_backUpNow->setObjectName(QStringLiteral("backUpNow"));
    m_restore = new QPushButton(tr("Restore…"), this);
    m_restore->setObjectName(QStringLiteral("restoreBackup"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_backUpNow);
    buttons->addStretch(1);
    buttons->addWidget(m_restore);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("backupStatus"));
    m_status->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_notAllowed);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Backups in the folder:"), this));
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_status);

    connect(m_chooseFolder, &QPushButton::clicked, this, &BackupSettingsWidget::chooseFolder);
    connect(m_setPassphrase, &QPushButton::clicked, this, &BackupSettingsWidget::setPassphrase);
    connect(m_backUpNow, &QPushButton::clicked, this, &BackupSettingsWidget::backUpNow);
    connect(m_restore, &QPushButton::clicked, this, &BackupSettingsWidget::restore);
    connect(m_automatic, &QCheckBox::toggled, this, [this](bool on) {
        if (on == m_scheduler.automatic())
            return;
        if (Status changed = m_scheduler.setAutomatic(on); !changed)
            MessageBox::warning(this, tr("Backups"), changed.error().message);
        refresh();
    });
    connect(&m_scheduler, &BackupScheduler::automaticFailed, this, [this](const QString &reason) {
        m_status->setText(reason);
        Colours::setTone(m_status, Colours::Tone::Error);
    });
    refresh();
}

void BackupSettingsWidget::refresh()
{
    const bool allowed = m_scheduler.service().checkAllowed().has_value();
    m_notAllowed->setVisible(!allowed);
    for (QWidget *w : std::initializer_list<QWidget *>{m_chooseFolder, m_automatic, m_setPassphrase, m_backUpNow, m_restore})
        w->setEnabled(allowed);
    m_folder->setText(QDir::toNativeSeparators(m_scheduler.folder()));
    {
        const QSignalBlocker blocker(m_automatic);
        m_automatic->setChecked(m_scheduler.automatic());
    }
    m_list->clear();
    const QLocale locale;
    for (const BackupListEntry &entry : m_scheduler.list()) {
        auto *item = new QTreeWidgetItem(m_list,
                                         {locale.toString(entry.time.toLocalTime(), QLocale::ShortFormat),
                                          locale.formattedDataSize(entry.bytes), QFileInfo(entry.file).fileName()});
        item->setData(0, Qt::UserRole, entry.file);
    }
    // The date and the size in full; the file name takes the rest of the width.
    m_list->resizeColumnToContents(0);
    m_list->resizeColumnToContents(1);
    if (m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
    QPointer<BackupSettingsWidget> self(this);
    m_scheduler.readPassphrase([self](Result<QString> passphrase) {
        if (!self)
            return;
        self->m_passphraseState->setText(!passphrase                 ? passphrase.error().message
                                             : passphrase->isEmpty() ? tr("Not set yet: set one before the first backup.")
                                                                     : tr("Set (kept in this computer's password store)."));
    });
}

void BackupSettingsWidget::withPassphrase(const std::function<void(const QString &)> &then)
{
    QPointer<BackupSettingsWidget> self(this);
    m_scheduler.readPassphrase([self, then](Result<QString> passphrase) {
        if (!self)
            return;
        if (!passphrase) {
            MessageBox::warning(self, tr("Backups"), passphrase.error().message);
            return;
        }
        then(*passphrase);
    });
}

void BackupSettingsWidget::chooseFolder()
{
    const QString chosen = QFileDialog::getExistingDirectory(this, tr("Folder for backups"), m_scheduler.folder());
    if (chosen.isEmpty())
        return;
    if (Status changed = m_scheduler.setFolder(chosen); !changed)
        MessageBox::warning(this, tr("Backups"), changed.error().message);
    refresh();
}

QString BackupSettingsWidget::askNewPassphrase(QWidget *parent, const QString &title, const QString &intro)
{
    QDialog dialog(parent);
    dialog.setWindowTitle(title);
    auto *first = new QLineEdit(&dialog);
    first->setObjectName(QStringLiteral("passphrase"));
    first->setEchoMode(QLineEdit::Password);
    auto *second = new QLineEdit(&dialog);
    second->setObjectName(QStringLiteral("passphraseAgain"));
    second->setEchoMode(QLineEdit::Password);
    auto *problem = new QLabel(&dialog);
    problem->setWordWrap(true);
    Colours::setTone(problem, Colours::Tone::Error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    auto *form = new QFormLayout(&dialog);
    const QString length
        = tr("At least %n characters; a few words you will remember work well.", nullptr, Passwords::MinimumLength);
    auto *introLabel = new QLabel(intro.isEmpty() ? length : intro + u'\n' + length, &dialog);
    introLabel->setWordWrap(true);
    form->addRow(introLabel);
    form->addRow(tr("Passphrase:"), first);
    form->addRow(tr("Again:"), second);
    form->addRow(problem);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, [&] {
        if (first->text() != second->text()) {
            problem->setText(tr("The two passphrases differ. Type the same one twice."));
            return;
        }
        if (const QString why = BackupService::passphraseProblem(first->text()); !why.isEmpty()) {
            problem->setText(why);
            return;
        }
        dialog.accept();
    });
    if (dialog.exec() != QDialog::Accepted)
        return QString();
    return first->text();
}

void BackupSettingsWidget::setPassphrase()
{
    const QString passphrase = askNewPassphrase(this, tr("Backup passphrase"));
    if (passphrase.isEmpty())
        return;
    QPointer<BackupSettingsWidget> self(this);
    m_scheduler.setPassphrase(passphrase, [self](Status stored) {
        if (!self)
            return;
        if (!stored)
            MessageBox::warning(self, tr("Backup passphrase"), stored.error().message);
        self->refresh();
    });
}

void BackupSettingsWidget::backUpNow()
{
    withPassphrase([this](const QString &passphrase) {
        if (passphrase.isEmpty()) {
            MessageBox::information(this, tr("Back up now"), tr("Set the backup passphrase first (Set passphrase…)."));
            return;
        }
        Result<BackupCreated> made = [&] {
            WaitCursor wait;
            return m_scheduler.backupNow(passphrase);
        }();
        if (!made) {
            m_status->setText(made.error().message);
            Colours::setTone(m_status, Colours::Tone::Error);
        } else {
            m_status->setText(tr("Backup saved: %1.").arg(QDir::toNativeSeparators(made->file)));
            Colours::setTone(m_status, Colours::Tone::Success);
        }
        refresh();
    });
}

void BackupSettingsWidget::restore()
{
    QString file;
    if (QTreeWidgetItem *item = m_list->currentItem())
        file = item->data(0, Qt::UserRole).toString();
    file = QFileDialog::getOpenFileName(this, tr("Restore a backup"), file.isEmpty() ? m_scheduler.folder() : file,
                                        tr("Kengele backups (*%1)").arg(BackupService::Suffix));
    if (file.isEmpty())
        return;
    bool ok = false;
    const QString passphrase = QInputDialog::getText(this, tr("Restore a backup"), tr("The passphrase of this backup:"),
                                                     QLineEdit::Password, QString(), &ok);
    if (!ok || passphrase.isEmpty())
        return;
    if (MessageBox::question(this, tr("Restore a backup"),
                             tr("All the data on this computer (contacts, groups, messages, tokens, the audit trail) will "
                                "be replaced by the data in %1. The data as it is now is kept aside in the data folder, "
                                "so nothing is lost. Kengele reopens afterwards.\n\nRestore this backup?")
                                 .arg(QFileInfo(file).fileName()))
        != QMessageBox::Yes)
        return;
    Result<std::unique_ptr<PendingRestore>> pending = [&] {
        WaitCursor wait;
        return m_scheduler.service().prepareRestore(file, passphrase);
    }();
    if (!pending) {
        MessageBox::warning(this, tr("Restore a backup"), pending.error().message);
        return;
    }
    m_scheduler.stageRestore(std::move(*pending));
    // The application closes the data once this dialog is gone.
    if (auto *dialog = qobject_cast<QDialog *>(window()))
        dialog->reject();
}

} // namespace kengele
