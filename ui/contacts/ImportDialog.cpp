// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ImportDialog.h"

#include "MessageBox.h"
#include "contacts/GroupService.h"
#include "importexport/ColumnMapping.h"
#include "importexport/ContactExporter.h"
#include "importexport/ContactImportService.h"
#include "widgets/Banner.h"
#include "widgets/Colours.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace kengele {

ImportDialog::ImportDialog(ContactImportService &imports, const GroupService &groups, const QString &filePath, QWidget *parent)
    : QDialog(parent)
    , m_imports(imports)
    , m_groups(groups)
    , m_cancel(std::make_shared<std::atomic_bool>(false))
    , m_filePath(filePath)
{
    setObjectName(QStringLiteral("importDialog"));
    setWindowTitle(tr("Import contacts from %1").arg(QFileInfo(filePath).fileName()));
    resize(820, 560);

    m_pages = new QStackedWidget(this);
    m_errorPage = new QWidget(this);
    m_errorText = new QLabel(m_errorPage);
    m_errorText->setObjectName(QStringLiteral("importErrorLabel"));
    m_errorText->setWordWrap(true);
    m_errorText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *errorClose = new QPushButton(tr("Close"), m_errorPage);
    connect(errorClose, &QPushButton::clicked, this, &ImportDialog::reject);
    auto *errorLayout = new QVBoxLayout(m_errorPage);
    errorLayout->addWidget(m_errorText);
    errorLayout->addStretch();
    errorLayout->addWidget(errorClose, 0, Qt::AlignRight);
    m_pages->addWidget(m_errorPage);

    buildMappingPage();
    buildProgressPage();
    buildResultPage();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages);

    connect(&m_watcher, &QFutureWatcher<Result<ImportReport>>::finished, this, &ImportDialog::importFinished);

    // A large file takes a moment to read: do it off the GUI thread, with the busy bar showing.
    connect(&m_previewWatcher, &QFutureWatcher<Result<ImportPreview>>::finished, this, &ImportDialog::previewLoaded);
    m_progress->setRange(0, 0);
    m_progressText->setText(tr("Reading the file…"));
    m_cancelButton->hide();
    m_pages->setCurrentWidget(m_progressPage);
    m_previewWatcher.setFuture(m_imports.previewInBackground(filePath));
}

void ImportDialog::previewLoaded()
{
    m_ready = true;
    m_cancelButton->show();
    Result<ImportPreview> preview = m_previewWatcher.result();
    if (!preview) {
        showError(preview.error().message);
        return;
    }
    m_preview = std::move(*preview);
    fillMappingTable();
    m_pages->setCurrentWidget(m_mappingPage);
}

ImportDialog::~ImportDialog()
{
    m_previewWatcher.waitForFinished();
    if (isImporting()) {
        m_cancel->store(true);
        m_watcher.waitForFinished();
    }
}

void ImportDialog::buildMappingPage()
{
    m_mappingPage = new QWidget(this);
    m_summary = new QLabel(m_mappingPage);
    m_summary->setObjectName(QStringLiteral("importSummaryLabel"));
    m_summary->setWordWrap(true);
    m_warnings = new Banner(Banner::Kind::Warning, m_mappingPage);
    m_warnings->setObjectName(QStringLiteral("importWarningsLabel"));
    m_warnings->setWordWrap(true);
    m_headerRow = new QCheckBox(tr("The first row holds column titles"), m_mappingPage);
    m_headerRow->setObjectName(QStringLiteral("headerRowCheck"));
    connect(m_headerRow, &QCheckBox::toggled, this, [this](bool header) {
        ColumnMapping mapping = m_preview->mapping();
        mapping.setFirstRowIsHeader(header);
        m_preview->setMapping(mapping);
        fillMappingTable();
    });
    m_mappingTable = new QTableWidget(m_mappingPage);
    m_mappingTable->setObjectName(QStringLiteral("mappingTable"));
    m_mappingTable->setAccessibleName(tr("Columns of the file"));
    m_mappingTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_mappingTable->setSelectionMode(QAbstractItemView::NoSelection);
    m_mappingTable->verticalHeader()->hide();
    m_group = new QComboBox(m_mappingPage);
    m_group->setObjectName(QStringLiteral("importGroupCombo"));
    m_group->setAccessibleName(tr("Add everyone to this group"));
    m_group->setEditable(true);
    m_group->setInsertPolicy(QComboBox::NoInsert);
    m_group->addItem(QString());
    if (const auto groups = m_groups.list(); groups) {
        for (const Group &group : *groups)
            m_group->addItem(group.name);
    }
    m_group->lineEdit()->setPlaceholderText(tr("(no group)"));
    m_mappingHint = new QLabel(m_mappingPage);
    m_mappingHint->setObjectName(QStringLiteral("mappingHintLabel"));
    m_mappingHint->setWordWrap(true);
    m_start = new QPushButton(tr("Import"), m_mappingPage);
    m_start->setObjectName(QStringLiteral("startImportButton"));
    m_start->setDefault(true);
    connect(m_start, &QPushButton::clicked, this, &ImportDialog::startImport);
    auto *cancel = new QPushButton(tr("Cancel"), m_mappingPage);
    connect(cancel, &QPushButton::clicked, this, &ImportDialog::reject);

    auto *groupRow = new QHBoxLayout;
    groupRow->addWidget(new QLabel(tr("Also add everyone to the group:"), m_mappingPage));
    groupRow->addWidget(m_group, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_mappingHint, 1);
    buttons->addWidget(cancel);
    buttons->addWidget(m_start);

    auto *layout = new QVBoxLayout(m_mappingPage);
    layout->addWidget(m_summary);
    layout->addWidget(m_warnings);
    layout->addWidget(m_headerRow);
    layout->addWidget(
        new QLabel(tr("Check what each column holds. Columns set to “Do not import” are left out."), m_mappingPage));
    layout->addWidget(m_mappingTable, 1);
    layout->addLayout(groupRow);
    layout->addLayout(buttons);
    m_pages->addWidget(m_mappingPage);
}

void ImportDialog::buildProgressPage()
{
    m_progressPage = new QWidget(this);
    m_progress = new QProgressBar(m_progressPage);
    m_progress->setObjectName(QStringLiteral("importProgress"));
    m_progressText = new QLabel(tr("Reading the file…"), m_progressPage);
    m_progressText->setObjectName(QStringLiteral("progressLabel"));
    m_cancelButton = new QPushButton(tr("Cancel"), m_progressPage);
    m_cancelButton->setObjectName(QStringLiteral("cancelImportButton"));
    connect(m_cancelButton, &QPushButton::clicked, this, &ImportDialog::cancelImport);
    auto *layout = new QVBoxLayout(m_progressPage);
    layout->addStretch();
    layout->addWidget(m_progressText);
    layout->addWidget(m_progress);
    layout->addWidget(
        new QLabel(tr("Nothing is changed until the whole file has been read. Cancelling leaves your contacts as they were."),
                   m_progressPage));
    layout->addStretch();
    layout->addWidget(m_cancelButton, 0, Qt::AlignRight);
    m_pages->addWidget(m_progressPage);
}

void ImportDialog::buildResultPage()
{
    m_resultPage = new QWidget(this);
    m_resultText = new QLabel(m_resultPage);
    m_resultText->setObjectName(QStringLiteral("resultLabel"));
    m_resultText->setWordWrap(true);
    m_skipped = new QTableWidget(0, 2, m_resultPage);
    m_skipped->setObjectName(QStringLiteral("skippedTable"));
    m_skipped->setAccessibleName(tr("Rows left out"));
    m_skipped->setHorizontalHeaderLabels({tr("Line"), tr("Why it was not imported")});
    m_skipped->horizontalHeader()->setStretchLastSection(true);
    m_skipped->verticalHeader()->hide();
    m_skipped->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_saveSkipped = new QPushButton(tr("Save this list…"), m_resultPage);
    m_saveSkipped->setObjectName(QStringLiteral("saveSkippedButton"));
    connect(m_saveSkipped, &QPushButton::clicked, this, &ImportDialog::saveSkippedRows);
    auto *close = new QPushButton(tr("Close"), m_resultPage);
    close->setObjectName(QStringLiteral("closeImportButton"));
    connect(close, &QPushButton::clicked, this, &ImportDialog::accept);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_saveSkipped);
    buttons->addStretch();
    buttons->addWidget(close);
    auto *layout = new QVBoxLayout(m_resultPage);
    layout->addWidget(m_resultText);
    layout->addWidget(m_skipped, 1);
    layout->addLayout(buttons);
    m_pages->addWidget(m_resultPage);
}

void ImportDialog::fillMappingTable()
{
    if (!m_preview)
        return;
    const ImportPreview &preview = *m_preview;
    const bool vcard = preview.format() == ImportPreview::Format::VCard;
    m_summary->setText(vcard ? tr("<b>%n contact card(s)</b> found in this vCard file.", nullptr, preview.rowCount())
                             : tr("<b>%n row(s)</b> found in this file.", nullptr, preview.rowCount()));
    m_warnings->setText(preview.warnings().join(u'\n'));
    m_warnings->setVisible(!preview.warnings().isEmpty());
    m_headerRow->setVisible(!vcard);
    m_mappingTable->setVisible(!vcard);
    {
        QSignalBlocker blocker(m_headerRow);
        m_headerRow->setChecked(preview.mapping().firstRowIsHeader());
    }
    if (vcard) {
        mappingChanged();
        return;
    }

    const QStringList headers = preview.headers();
    const QList<QStringList> rows = preview.sampleRows();
    const int columns = preview.columnCount();
    m_mappingTable->clear();
    m_mappingTable->setColumnCount(columns);
    m_mappingTable->setRowCount(int(rows.size()) + 1);
    m_mappingTable->setHorizontalHeaderLabels(headers);
    m_fieldCombos.clear();
    for (int column = 0; column < columns; ++column) {
        auto *combo = new QComboBox(m_mappingTable);
        combo->setObjectName(QStringLiteral("fieldCombo%1").arg(column));
        for (const ImportField field : ColumnMapping::allFields())
            combo->addItem(ColumnMapping::fieldName(field), int(field));
        combo->setCurrentIndex(combo->findData(int(preview.mapping().field(column))));
        connect(combo, &QComboBox::currentIndexChanged, this, [this, column, combo] {
            ColumnMapping mapping = m_preview->mapping();
            mapping.setField(column, ImportField(combo->currentData().toInt()));
            m_preview->setMapping(mapping);
            mappingChanged();
        });
        m_mappingTable->setCellWidget(0, column, combo);
        m_fieldCombos.append(combo);
        for (int row = 0; row < rows.size(); ++row)
            m_mappingTable->setItem(row + 1, column, new QTableWidgetItem(rows.at(row).value(column)));
    }
    m_mappingTable->resizeColumnsToContents();
    for (int column = 0; column < columns; ++column)
        m_mappingTable->setColumnWidth(column, qBound(130, m_mappingTable->columnWidth(column), 260));
    mappingChanged();
}

void ImportDialog::mappingChanged()
{
    if (!m_preview) // the file is still being read
        return;
    const bool vcard = m_preview->format() == ImportPreview::Format::VCard;
    const bool ready = vcard || m_preview->mapping().hasPhone();
    m_start->setEnabled(ready);
    if (!ready) {
        m_mappingHint->setText(tr("Choose which column holds the phone numbers."));
        Colours::setTone(m_mappingHint, Colours::Tone::Error);
    } else if (m_preview->needsMapping()) {
        m_mappingHint->setText(tr("Kengele guessed the columns from their contents. Please check them."));
        Colours::setTone(m_mappingHint, Colours::Tone::Normal);
    } else {
        m_mappingHint->clear();
    }
}

void ImportDialog::startImport()
{
    if (!m_preview || isImporting() || !m_start->isEnabled())
        return;
    m_cancel->store(false);
    m_progress->setRange(0, 0);
    m_progressText->setText(tr("Importing…"));
    m_pages->setCurrentWidget(m_progressPage);

    ImportOptions options;
    options.groupName = m_group->currentText().simplified();
    // Progress comes from the worker thread; hand it to the dialog through its event queue.
    QPointer<ImportDialog> self(this);
    options.progress = [self](qint64 done, qint64 total) {
        QMetaObject::invokeMethod(
            self,
            [self, done, total] {
                if (self)
                    self->showProgress(done, total);
            },
            Qt::QueuedConnection);
    };
    options.isCancelled = [cancel = m_cancel] {
        return cancel->load();
    };

    // On a worker thread; the import service tells the views once it has committed.
    m_watcher.setFuture(m_imports.importInBackground(*m_preview, options));
}

void ImportDialog::cancelImport()
{
    m_cancel->store(true);
    m_cancelButton->setEnabled(false);
    m_progressText->setText(tr("Stopping… nothing will be changed."));
}

bool ImportDialog::isImporting() const
{
    return m_watcher.isRunning();
}

void ImportDialog::showProgress(qint64 done, qint64 total)
{
    if (total <= 0)
        return;
    m_progress->setRange(0, 1000);
    m_progress->setValue(int(done * 1000 / total));
    m_progressText->setText(tr("Imported %1 of %2 rows…").arg(done).arg(total));
}

void ImportDialog::importFinished()
{
    const Result<ImportReport> result = m_watcher.result();
    m_cancelButton->setEnabled(true);
    if (!result) {
        if (result.error().code == ErrorCode::Cancelled) {
            QDialog::reject();
            return;
        }
        showError(result.error().message);
        return;
    }
    m_report = *result;

    const ImportReport &report = *m_report;
    QString text = tr("<h3>Import finished</h3>") + tr("%n new contact(s) added.", nullptr, report.created);
    if (report.updated > 0)
        text += QStringLiteral("<br>")
            + tr("%n row(s) matched a number already known and updated that contact.", nullptr, report.updated);
    if (!report.groupsCreated.isEmpty())
        text
            += QStringLiteral("<br>") + tr("New groups: %1").arg(report.groupsCreated.join(QStringLiteral(", ")).toHtmlEscaped());
    for (const QString &warning : report.warnings)
        text += QStringLiteral("<br><i>") + warning.toHtmlEscaped() + QStringLiteral("</i>");
    if (!report.skipped.isEmpty())
        text += QStringLiteral("<br><br><b>") + tr("%n row(s) were not imported:", nullptr, int(report.skipped.size()))
            + QStringLiteral("</b>");
    m_resultText->setText(text);
    m_skipped->setRowCount(int(report.skipped.size()));
    for (int row = 0; row < report.skipped.size(); ++row) {
        auto *line = new QTableWidgetItem;
        line->setData(Qt::DisplayRole, report.skipped.at(row).line);
        m_skipped->setItem(row, 0, line);
        m_skipped->setItem(row, 1, new QTableWidgetItem(report.skipped.at(row).reason));
    }
    m_skipped->setVisible(!report.skipped.isEmpty());
    m_saveSkipped->setVisible(!report.skipped.isEmpty());
    m_pages->setCurrentWidget(m_resultPage);
}

void ImportDialog::showError(const QString &message)
{
    // The file by its name (the title says it too): a long folder path in the message only hides
    // the reason.
    const QString name = QFileInfo(m_filePath).fileName();
    QString plain = message;
    if (!m_filePath.isEmpty() && !name.isEmpty()) {
        plain.replace(QDir::toNativeSeparators(m_filePath), name);
        plain.replace(m_filePath, name);
    }
    m_errorText->setText(
        QStringLiteral("<h3>%1</h3><p>%2</p>").arg(tr("%1 cannot be imported").arg(name.toHtmlEscaped()), plain.toHtmlEscaped()));
    m_pages->setCurrentWidget(m_errorPage);
    // Only the message and Close are left: the dialog shrinks to them instead of keeping the size of
    // the column-matching page.
    for (int i = 0; i < m_pages->count(); ++i) {
        if (QWidget *page = m_pages->widget(i); page != m_errorPage)
            page->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
    }
    const int width = 520;
    const int height = m_errorPage->layout()->hasHeightForWidth() ? m_errorPage->layout()->totalHeightForWidth(width)
                                                                  : m_errorPage->sizeHint().height();
    setMinimumSize(0, 0);
    resize(width, height + layout()->contentsMargins().top() + layout()->contentsMargins().bottom());
}

void ImportDialog::saveSkippedRows()
{
    if (!m_report)
        return;
    const QString path
        = QFileDialog::getSaveFileName(this, tr("Save the rows that were not imported"),
                                       QDir::home().filePath(QStringLiteral("skipped-rows.csv")), tr("CSV spreadsheet (*.csv)"));
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        MessageBox::warning(this, windowTitle(), tr("Could not write %1: %2").arg(path, file.errorString()));
        return;
    }
    QByteArray bytes("\xEF\xBB\xBF");
    bytes += (ContactExporter::csvCell(tr("Line")) + u',' + ContactExporter::csvCell(tr("Reason")) + QStringLiteral("\r\n"))
                 .toUtf8();
    for (const SkippedRow &row : m_report->skipped)
        bytes += (QString::number(row.line) + u',' + ContactExporter::csvCell(row.reason) + QStringLiteral("\r\n")).toUtf8();
    file.write(bytes);
    if (!file.commit())
        MessageBox::warning(this, windowTitle(), tr("Could not write %1: %2").arg(path, file.errorString()));
}

void ImportDialog::reject()
{
    if (isImporting()) {
        cancelImport();
        return; // closes when the worker has rolled back
    }
    QDialog::reject();
}

} // namespace kengele
