// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "common/Result.h"
#include "reports/DrillDown.h"
#include "reports/ReportQuery.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTableWidget;

namespace kengele {

class Banner;
class Database;

// The rows behind a number on the dashboard (a bar, a slice, a point): the messages, replies,
// opt-outs or contacts DrillDown lists for the query, a page of 200 at a time with Previous and
// Next ("Rows 1–200 of 1,234"), message states in the words the Sent SMS page uses. Each page is
// read on a worker thread. "Export…" writes every row (not only the page) as CSV or Excel, also
// on a worker thread, and says plainly when it could not.
class DrillDownDialog final : public QDialog
{
    Q_OBJECT

public:
    static constexpr int PageSize = 200;

    DrillDownDialog(const Database &database, ReportQuery query, const QString &title, QWidget *parent = nullptr);
    ~DrillDownDialog() override;

    // Greys "Export…" with why (names and phone numbers leave Kengele: RoleGate's ExportContacts).
    void setExportAllowed(const Status &allowed);

    const ReportQuery &query() const { return m_query; }
    bool isLoading() const { return m_loading > 0; }
    bool isExporting() const { return m_exporting; }
    qint64 total() const { return m_total; }
    int offset() const { return m_offset; }
    QTableWidget *table() const { return m_table; }

    // Reads the page that starts at row `offset`.
    void showRowsFrom(int offset);
    void showPreviousPage();
    void showNextPage();
    // Writes every row to `path`: Excel for a name ending in .xlsx, otherwise CSV (tests; "Export…"
    // asks where first). exported() says how it went.
    void exportTo(const QString &path);
    // Every row of a query, read a DrillDown::MaxLimit page at a time, as one table (worker thread).
    static Result<ReportTable> allRows(const Database &database, const ReportQuery &query);

Q_SIGNALS:
    void pageShown();
    // `message`: what was written, or why not (also shown to the person).
    void exported(bool ok, const QString &message);

private:
    void showPage(quint64 request, const Result<DrillDownPage> &page);
    void chooseExportFile();
    void exportFinished(const QString &path, const Result<qint64> &written);
    void updateControls();

    const Database &m_database;
    ReportQuery m_query;
    QLabel *m_rangeLabel = nullptr;
    Banner *m_error = nullptr;
    QTableWidget *m_table = nullptr;
    QPushButton *m_previousButton = nullptr;
    QPushButton *m_nextButton = nullptr;
    QPushButton *m_exportButton = nullptr;
    QPushButton *m_closeButton = nullptr;
    Status m_exportAllowed;
    quint64 m_request = 0;
    int m_loading = 0;
    bool m_exporting = false;
    bool m_loadedOnce = false;
    int m_offset = 0;
    qint64 m_total = 0;
};

} // namespace kengele
