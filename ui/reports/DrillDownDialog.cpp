// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "DrillDownDialog.h"

#include "MessageBox.h"
#include "campaigns/CampaignText.h"
#include "campaigns/MessageState.h"
#include "importexport/ReportCsvWriter.h"
#include "importexport/ReportXlsxWriter.h"
#include "reports/ReportPrinter.h"
#include "widgets/Banner.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace kengele {

namespace {

struct PageAnswer {
    quint64 request = 0;
    Result<DrillDownPage> page;
};

// A cell as people read it: a message's state in the Sent SMS page's words, numbers and times in
// the interface's language.
QString cellText(const ReportColumn &column, const QVariant &value)
{
    if (column.key == u"state") {
        if (const std::optional<MessageState> state = messageStateFromText(value.toString()))
            return CampaignText::messageState(*state);
    }
    return ReportPrinter::valueText(value, column.kind, QLocale());
}

} // namespace

DrillDownDialog::DrillDownDialog(const Database &database, ReportQuery query, const QString &title, QWidget *parent)
    : QDialog(parent)
    , m_database(database)
    , m_query(std::move(query))
{
    setObjectName(QStringLiteral("drillDownDialog"));
    setWindowTitle(title);

    auto *heading = new QLabel(
        QStringLiteral("<b>%1</b><br>%2").arg(title.toHtmlEscaped(), m_query.period.describe().toHtmlEscaped()), this);
    heading->setObjectName(QStringLiteral("drillDownHeadingLabel"));
    heading->setWordWrap(true);
    m_error = new Banner(Banner::Kind::Error, this);
    m_error->setObjectName(QStringLiteral("drillDownErrorBanner"));
    m_error->hide();

    m_table = new QTableWidget(this);
    m_table->setObjectName(QStringLiteral("drillDownTable"));
    m_table->setAccessibleName(tr("Rows"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);

    m_rangeLabel = new QLabel(this);
    m_rangeLabel->setObjectName(QStringLiteral("drillDownRangeLabel"));
    m_previousButton = new QPushButton(tr("Previous"), this);
    m_previousButton->setObjectName(QStringLiteral("previousPageButton"));
    m_nextButton = new QPushButton(tr("Next"), this);
    m_nextButton->setObjectName(QStringLiteral("nextPageButton"));
    connect(m_previousButton, &QPushButton::clicked, this, &DrillDownDialog::showPreviousPage);
    connect(m_nextButton, &QPushButton::clicked, this, &DrillDownDialog::showNextPage);

    auto *buttons = new QDialogButtonBox(this);
    m_exportButton = buttons->addButton(tr("Export…"), QDialogButtonBox::ActionRole);
    m_exportButton->setObjectName(QStringLiteral("exportButton"));
    m_exportButton->setToolTip(tr("Save every row, not only this page, as a CSV or Excel file."));
    connect(m_exportButton, &QPushButton::clicked, this, &DrillDownDialog::chooseExportFile);
    m_closeButton = buttons->addButton(QDialogButtonBox::Close);
    m_closeButton->setObjectName(QStringLiteral("closeButton"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *paging = new QHBoxLayout;
    paging->addWidget(m_rangeLabel, 1);
    paging->addWidget(m_previousButton);
    paging->addWidget(m_nextButton);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(m_error);
    layout->addWidget(m_table, 1);
    layout->addLayout(paging);
    layout->addWidget(buttons);
    resize(900, 560);
    showRowsFrom(0);
}

DrillDownDialog::~DrillDownDialog()
{
    // A worker still reading uses the database and this query: let it finish first.
    for (QFutureWatcherBase *watcher : findChildren<QFutureWatcherBase *>())
        watcher->waitForFinished();
}

void DrillDownDialog::setExportAllowed(const Status &allowed)
{
    m_exportAllowed = allowed;
    updateControls();
}

void DrillDownDialog::showRowsFrom(int offset)
{
    const quint64 request = ++m_request;
    ++m_loading;
    m_offset = qMax(0, offset);
    updateControls();
    const Database *database = &m_database;
    const ReportQuery query = m_query;
    const int from = m_offset;
    auto *watcher = new QFutureWatcher<PageAnswer>(this);
    connect(watcher, &QFutureWatcher<PageAnswer>::finished, this, [this, watcher] {
        --m_loading;
        const PageAnswer answer = watcher->result();
        watcher->deleteLater();
        showPage(answer.request, answer.page);
    });
    watcher->setFuture(QtConcurrent::run([database, query, from, request] {
        return PageAnswer{request, DrillDown(*database).rows(query, PageSize, from)};
    }));
}

void DrillDownDialog::showPreviousPage()
{
    showRowsFrom(qMax(0, m_offset - PageSize));
}

void DrillDownDialog::showNextPage()
{
    if (m_offset + PageSize < m_total)
        showRowsFrom(m_offset + PageSize);
}

void DrillDownDialog::showPage(quint64 request, const Result<DrillDownPage> &page)
{
    if (request != m_request) {
        updateControls();
        return; // another page was asked for since
    }
    if (!page) {
        m_error->setText(tr("The rows could not be read: %1").arg(page.error().message));
        m_error->show();
        updateControls();
        Q_EMIT pageShown();
        return;
    }
    m_error->hide();
    m_loadedOnce = true;
    m_total = page->total;
    const ReportTable &table = page->table;
    m_table->clear();
    m_table->setColumnCount(int(table.columns.size()));
    m_table->setRowCount(int(table.rows.size()));
    QStringList headers;
    for (const ReportColumn &column : table.columns)
        headers << column.title;
    m_table->setHorizontalHeaderLabels(headers);
    for (int r = 0; r < table.rows.size(); ++r) {
        const QVariantList &row = table.rows[r];
        for (int c = 0; c < table.columns.size(); ++c) {
            const ReportColumn &column = table.columns[c];
            auto *item = new QTableWidgetItem(cellText(column, row.value(c)));
            if (column.kind == ReportColumn::Kind::Count || column.kind == ReportColumn::Kind::Number)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(r, c, item);
        }
    }
    m_table->resizeColumnsToContents();
    updateControls();
    Q_EMIT pageShown();
}

void DrillDownDialog::updateControls()
{
    const int shownRows = m_table->rowCount();
    if (isLoading() && !m_loadedOnce) {
        m_rangeLabel->setText(tr("Reading the rows…"));
    } else if (m_total == 0) {
        m_rangeLabel->setText(tr("Nothing to list: no rows match."));
    } else {
        const QLocale locale;
        //: The rows shown in the table and how many there are: "Rows 1–200 of 1,234"
        m_rangeLabel->setText(
            tr("Rows %1–%2 of %3")
                .arg(locale.toString(m_offset + 1), locale.toString(m_offset + shownRows), locale.toString(m_total)));
    }
    m_previousButton->setEnabled(!isLoading() && m_offset > 0);
    m_nextButton->setEnabled(!isLoading() && m_offset + PageSize < m_total);
    m_exportButton->setEnabled(m_exportAllowed.has_value() && !m_exporting && m_total > 0);
    m_exportButton->setToolTip(m_exportAllowed ? tr("Save every row, not only this page, as a CSV or Excel file.")
                                               : m_exportAllowed.error().message);
}

Result<ReportTable> DrillDownDialog::allRows(const Database &database, const ReportQuery &query)
{
    const DrillDown drillDown(database);
    ReportTable all;
    for (int offset = 0;; offset += DrillDown::MaxLimit) {
        Result<DrillDownPage> page = drillDown.rows(query, DrillDown::MaxLimit, offset);
        if (!page)
            return std::unexpected(page.error());
        if (offset == 0) {
            all.title = page->table.title;
            all.columns = page->table.columns;
        }
        all.rows << page->table.rows;
        if (page->table.rows.size() < DrillDown::MaxLimit || offset + DrillDown::MaxLimit >= page->total)
            break;
    }
    return all;
}

void DrillDownDialog::chooseExportFile()
{
    if (!m_exportAllowed)
        return;
    const QString csvFilter = tr("CSV spreadsheet (*.csv)");
    const QString xlsxFilter = tr("Excel workbook (*.xlsx)");
    QString chosenFilter = csvFilter;
    const QString suggested = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) + QStringLiteral("/")
        + tr("rows") + QStringLiteral(".csv");
    QString path = QFileDialog::getSaveFileName(this, tr("Export the rows"), suggested,
                                                csvFilter + QStringLiteral(";;") + xlsxFilter, &chosenFilter);
    if (path.isEmpty())
        return;
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != u"csv" && suffix != u"xlsx")
        path += chosenFilter == xlsxFilter ? QStringLiteral(".xlsx") : QStringLiteral(".csv");
    exportTo(path);
}

void DrillDownDialog::exportTo(const QString &path)
{
    if (m_exporting)
        return;
    m_exporting = true;
    updateControls();
    setCursor(Qt::BusyCursor);
    const Database *database = &m_database;
    const ReportQuery query = m_query;
    const QString title = windowTitle();
    auto *watcher = new QFutureWatcher<Result<qint64>>(this);
    connect(watcher, &QFutureWatcher<Result<qint64>>::finished, this, [this, watcher, path] {
        const Result<qint64> written = watcher->result();
        watcher->deleteLater();
        exportFinished(path, written);
    });
    watcher->setFuture(QtConcurrent::run([database, query, title, path]() -> Result<qint64> {
        Result<ReportTable> table = allRows(*database, query);
        if (!table)
            return std::unexpected(table.error());
        ReportDocument document;
        document.title = title;
        document.subtitle = query.period.describe();
        document.generatedAt = QDateTime::currentDateTimeUtc();
        ReportSection section;
        section.heading = title;
        section.table = std::move(*table);
        document.sections << section;
        return path.endsWith(QStringLiteral(".xlsx"), Qt::CaseInsensitive) ? ReportXlsxWriter::write(path, document)
                                                                           : ReportCsvWriter::write(path, document);
    }));
}

void DrillDownDialog::exportFinished(const QString &path, const Result<qint64> &written)
{
    m_exporting = false;
    unsetCursor();
    updateControls();
    if (!written) {
        const QString message
            = tr("The rows were not saved to %1.\n\n%2").arg(QDir::toNativeSeparators(path), written.error().message);
        MessageBox::warning(this, tr("Export the rows"), message);
        Q_EMIT exported(false, message);
        return;
    }
    const QString message = tr("Saved %n row(s) to %1.", nullptr, int(*written)).arg(QDir::toNativeSeparators(path));
    MessageBox::information(this, tr("Export the rows"), message);
    Q_EMIT exported(true, message);
}

} // namespace kengele
