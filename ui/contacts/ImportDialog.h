// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "importexport/ImportPreview.h"
#include "importexport/ImportReport.h"

#include <QDialog>
#include <QFutureWatcher>

#include <atomic>
#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTableWidget;

namespace kengele {

class ContactImportService;
class GroupService;

// Importing a CSV or vCard file in three steps: check what each column holds (with a few rows
// from the file), watch the progress (and cancel: nothing is changed), then read what happened,
// including every row that was skipped and why.
class ImportDialog final : public QDialog
{
    Q_OBJECT

public:
    // `groups` offers the existing groups to add everyone to.
    ImportDialog(ContactImportService &imports, const GroupService &groups, const QString &filePath, QWidget *parent = nullptr);
    ~ImportDialog() override;

    // Starts the import with the mapping shown (also what the Import button does).
    void startImport();
    void cancelImport();
    bool isImporting() const;
    std::optional<ImportReport> report() const { return m_report; }
    // True once the file has been read (or found unreadable) and a page other than "Reading" shows.
    bool isReady() const { return m_ready; }

    void reject() override;

private:
    void buildMappingPage();
    void buildProgressPage();
    void buildResultPage();
    void fillMappingTable();
    void mappingChanged();
    void showProgress(qint64 done, qint64 total);
    void importFinished();
    void showError(const QString &message);
    void previewLoaded();
    void saveSkippedRows();

    ContactImportService &m_imports;
    const GroupService &m_groups;
    std::optional<ImportPreview> m_preview;
    std::optional<ImportReport> m_report;
    std::shared_ptr<std::atomic_bool> m_cancel;
    QString m_filePath;
    QFutureWatcher<Result<ImportReport>> m_watcher;
    QFutureWatcher<Result<ImportPreview>> m_previewWatcher;
    bool m_ready = false;

    QStackedWidget *m_pages = nullptr;
    QWidget *m_errorPage = nullptr;
    QLabel *m_errorText = nullptr;
    QWidget *m_mappingPage = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_warnings = nullptr;
    QCheckBox *m_headerRow = nullptr;
    QTableWidget *m_mappingTable = nullptr;
    QList<QComboBox *> m_fieldCombos;
    QComboBox *m_group = nullptr;
    QLabel *m_mappingHint = nullptr;
    QPushButton *m_start = nullptr;
    QWidget *m_progressPage = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_progressText = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QWidget *m_resultPage = nullptr;
    QLabel *m_resultText = nullptr;
    QTableWidget *m_skipped = nullptr;
    QPushButton *m_saveSkipped = nullptr;
};

} // namespace kengele
