// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The Reports page's ways out: print, PDF, Excel and CSV files, and reports made by themselves
// (Schedule…, Scheduled reports…). The list, the choice and the working out are in ReportsPage.cpp.

#include "ReportsPage.h"

#include "MessageBox.h"
#include "ReportBuilderDialog.h"
#include "ReportPdfWriter.h"
#include "ReportPeriodPicker.h"
#include "ReportPrintPreview.h"
#include "ReportPrinter.h"
#include "ReportView.h"
#include "ScheduleReportDialog.h"
#include "ScheduledReportsDialog.h"
#include "campaigns/CampaignService.h"
#include "campaigns/CampaignText.h"
#include "common/Clock.h"
#include "importexport/ReportCsvWriter.h"
#include "importexport/ReportXlsxWriter.h"
#include "reports/BuiltInReports.h"
#include "reports/ReportRunner.h"
#include "security/RoleGate.h"
#include "settings/Settings.h"
#include "sync/FeatureLocks.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QPrintPreviewDialog>
#include <QPushButton>
#include <QStandardPaths>
#include <QStyledItemDelegate>
#include <QVBoxLayout>
#include <QtConcurrentRun>

namespace kengele {

namespace {

QString safeFileName(QString name)
{
    for (const QChar c : {u'/', u'\\', u':', u'*', u'?', u'"', u'<', u'>', u'|'})
        name.replace(c, u'-');
    return name.simplified();
}

} // namespace

ScheduleReportDialog *ReportsPage::scheduleReport()
{
    const QString key = currentReport();
    if (!m_reportSchedules || !m_groups || key.isEmpty() || key == u"campaign")
        return nullptr;
    QString title = key;
    for (const BuiltInReports::Entry &entry : BuiltInReports::entries()) {
        if (entry.key == key)
            title = entry.title;
    }
    auto *dialog = new ScheduleReportDialog(key, title, *m_reportSchedules, *m_groups, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

ScheduledReportsDialog *ReportsPage::showSchedules()
{
    if (!m_reportSchedules)
        return nullptr;
    auto *dialog = new ScheduledReportsDialog(
        *m_reportSchedules,
        [](const QString &report) {
            for (const BuiltInReports::Entry &entry : BuiltInReports::entries()) {
                if (entry.key == report)
                    return entry.title;
            }
            return report;
        },
        this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

QPageSize::PageSizeId ReportsPage::defaultPaper(const QLocale &locale)
{
    return locale.territory() == QLocale::UnitedStates ? QPageSize::Letter : QPageSize::A4;
}

QPageSize::PageSizeId ReportsPage::paper() const
{
    return QPageSize::PageSizeId(m_paper->currentData().toInt());
}

QPrintPreviewDialog *ReportsPage::printPreview()
{
    if (!m_view->hasDocument())
        return nullptr;
    ReportPageSetup setup = ReportPageSetup::fromSettings(m_services.settings);
    setup.pageSize = paper();
    QPrintPreviewDialog *dialog = ReportPrintPreview::create(m_view->document(), setup, this);
    dialog->setObjectName(QStringLiteral("reportPrintPreview"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    return dialog;
}

Result<int> ReportsPage::savePdf(const QString &path, QPageSize::PageSizeId paper)
{
    if (!m_view->hasDocument())
        return fail(ErrorCode::InvalidInput, tr("There is no report to save yet."));
    ReportPageSetup setup = ReportPageSetup::fromSettings(m_services.settings);
    setup.pageSize = paper;
    // Qt Charts draws on this thread only; a report of a few pages takes a fraction of a second.
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const Result<int> pages = ReportPdfWriter::write(path, m_view->document(), setup);
    QApplication::restoreOverrideCursor();
    return pages;
}

void ReportsPage::exportFile(const QString &path, FileFormat format)
{
    if (!m_view->hasDocument()) {
        Q_EMIT exportFinished(false, tr("There is no report to export yet."));
        return;
    }
    ++m_exports;
    m_done->setText(tr("Writing %1…").arg(QDir::toNativeSeparators(path)));
    auto *watcher = new QFutureWatcher<Result<qint64>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, path] {
        watcher->deleteLater();
        --m_exports;
        const Result<qint64> written = watcher->result();
        if (written) {
            showDone(tr("Saved %1.").arg(QDir::toNativeSeparators(path)));
            Q_EMIT exportFinished(true, path);
        } else {
            m_done->clear();
            MessageBox::warning(
                this, tr("Export"),
                tr("The report could not be written to %1.\n\n%2").arg(QDir::toNativeSeparators(path), written.error().message));
            Q_EMIT exportFinished(false, written.error().message);
        }
    });
    watcher->setFuture(QtConcurrent::run([path, format, document = m_view->document()] {
        return format == FileFormat::Csv ? ReportCsvWriter::write(path, document) : ReportXlsxWriter::write(path, document);
    }));
}

void ReportsPage::showDone(const QString &text)
{
    m_done->setText(text);
}

QString ReportsPage::suggestedPath(const QString &extension) const
{
    QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (folder.isEmpty())
        folder = QDir::homePath();
    return QDir(folder).filePath(safeFileName(m_view->document().title) + u'.' + extension);
}

void ReportsPage::askSavePdf()
{
    const QString path
        = QFileDialog::getSaveFileName(this, tr("Save as PDF"), suggestedPath(QStringLiteral("pdf")), tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return;
    const Result<int> pages = savePdf(path, paper());
    if (!pages) {
        MessageBox::warning(
            this, tr("Save as PDF"),
            tr("The report could not be saved to %1.\n\n%2").arg(QDir::toNativeSeparators(path), pages.error().message));
        return;
    }
    showDone(tr("Saved %1 (%n page(s)).", nullptr, *pages).arg(QDir::toNativeSeparators(path)));
}

void ReportsPage::askExport(FileFormat format)
{
    const bool csv = format == FileFormat::Csv;
    const QString path = QFileDialog::getSaveFileName(this, csv ? tr("Export to CSV") : tr("Export to Excel"),
                                                      suggestedPath(csv ? QStringLiteral("csv") : QStringLiteral("xlsx")),
                                                      csv ? tr("CSV files (*.csv)") : tr("Excel workbooks (*.xlsx)"));
    if (!path.isEmpty())
        exportFile(path, format);
}

} // namespace kengele
