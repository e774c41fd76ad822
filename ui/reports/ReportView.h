// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "reports/ReportDocument.h"

#include <QList>
#include <QScrollArea>

class QChartView;
class QLabel;
class QTableView;
class QVBoxLayout;

namespace kengele {

class Banner;

// A report on screen, read as the printed one: its title and subtitle, then each section's
// heading, chart (Qt Charts, through ReportChartBuilder, themed light or dark by the palette), table
// (read only, values as ReportPrinter writes them) and note. A section with nothing in it says so
// instead of drawing an empty chart. For the Reports page and the report builder's preview.
//
// While a new report is worked out the one shown stays, with a line saying it is on its way
// (setBusy); an error shows above it.
class ReportView final : public QScrollArea
{
    Q_OBJECT

public:
    explicit ReportView(QWidget *parent = nullptr);

    void setDocument(const ReportDocument &document);
    const ReportDocument &document() const { return m_document; }
    bool hasDocument() const { return m_hasDocument; }
    void clear();
    void setBusy(bool busy);
    bool isBusy() const { return m_busy; }
    // Empty: no error.
    void setError(const QString &message);
    // What shows before any report: "Choose a report on the left."
    void setPlaceholder(const QString &text);
    void setTitleShown(bool shown);

    QList<QChartView *> chartViews() const { return m_charts; }
    QList<QTableView *> tableViews() const { return m_tables; }

    // The document with the words people read in place of Kengele's own: message states
    // ("delivered" → "Delivered") in tables, chart categories and series.
    static ReportDocument inPlainWords(ReportDocument document);

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    void updateStatus();
    QWidget *sectionWidget(const ReportSection &section, int index);

    ReportDocument m_document;
    bool m_hasDocument = false;
    bool m_busy = false;
    bool m_titleShown = true;
    QString m_placeholder;
    QWidget *m_page = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_subtitle = nullptr;
    QLabel *m_status = nullptr;
    Banner *m_error = nullptr;
    QWidget *m_sections = nullptr;
    QVBoxLayout *m_sectionsLayout = nullptr;
    QList<QChartView *> m_charts;
    QList<QTableView *> m_tables;
};

} // namespace kengele
