// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "common/Result.h"
#include "reports/DashboardService.h"
#include "reports/Period.h"
#include "reports/ReportDocument.h"

#include <QDateTime>
#include <QList>
#include <QWidget>

#include <functional>
#include <optional>

class QChart;
class QChartView;
class QComboBox;
class QDateEdit;
class QGridLayout;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTimer;

namespace kengele {

class FeatureLocks;

class Banner;
class Clock;
class Database;
class DrillDownDialog;
class EmptyState;
class RoleGate;
class Settings;

// What one request for the dashboard brings back from its worker thread.
struct DashboardData {
    Period period;
    DashboardNumbers numbers;
    ReportDocument document;
    bool everSent = false; // anything sent in any period; false: a new profile (the empty state)
};

// The first page: how the church's SMS went over a period. A period picker (this month, the last 3
// or 12 months, or two dates), seven cards (sent, delivered, failed, delivery rate, replies, opt-outs,
// contacts added) each with its trend against the period before, and DashboardService's six charts
// in two columns; a click on a bar, slice or point opens the rows behind it (DrillDownDialog).
// "Print…" and "Save as PDF…" put the same report on paper.
//
// The numbers are worked out on a worker thread (QtConcurrent; the services use that thread's own
// connection to the database), so the window never waits for them: the page keeps showing what it
// showed until the new numbers come, and the answer to a request that a newer one replaced is
// dropped. It reads again each time it is shown, and after changes (refreshSoon()).
class DashboardPage final : public QWidget
{
    Q_OBJECT

public:
    // The cards, in their order on the page.
    enum Card { SentCard, DeliveredCard, FailedCard, DeliveryRateCard, RepliesCard, OptOutsCard, ContactsAddedCard, CardCount };
    // Works out a period's numbers; runs on a worker thread (never touches a widget).
    using Loader = std::function<Result<DashboardData>(const Period &period, const QDateTime &now)>;

    DashboardPage(const Database &database, const Settings &settings, const Clock &clock, QWidget *parent = nullptr);
    ~DashboardPage() override;

    // The numbers and charts for a period, as the page shows them, with the calling thread's connection.
    static Result<DashboardData> load(const Database &database, const Period &period, const QDateTime &now);
    // Tests: another way to work the numbers out (one that waits, to see an old answer dropped).
    void setLoader(Loader loader);
    void setRoleGate(RoleGate &gate);
    // Where the relay's operator locks features by plan, the dashboard needs the plan with "Charts,
    // reports and insights": without it the page says which plan, and works nothing out.
    void setFeatureLocks(const FeatureLocks *locks) { m_locks = locks; }

    // The period chosen in the picker.
    Period period() const;
    void setPeriodKind(Period::Kind kind);
    void setCustomPeriod(QDate from, QDate to);

    // Reads the numbers again now (while the page is hidden: when it is next shown).
    void refresh();
    // The same a moment later, so a burst of changes reads once.
    void refreshSoon();
    bool isLoading() const { return m_pending > 0; }
    // What the page shows now; nullptr until the first numbers came.
    const DashboardData *shown() const { return m_shown.has_value() ? &*m_shown : nullptr; }
    // How many answers came after a newer request and were dropped (tests).
    int droppedResults() const { return m_dropped; }
    bool isEmptyStateShown() const;
    QLabel *cardValue(Card card) const { return m_cards.value(card).value; }
    QLabel *cardTrend(Card card) const { return m_cards.value(card).trend; }
    // The chart of the document's section `section`; nullptr when there is none.
    QChartView *chartView(int section) const { return m_chartViews.value(section); }

    // What a click on a chart does: the rows behind category `index` of section `section`'s chart
    // (series `series` of a stacked bar), in a dialog that deletes itself on close. nullptr when
    // the chart does not drill down.
    DrillDownDialog *openDrillDown(int section, int series, int index);
    // "Save as PDF…" without asking where (tests): the dashboard's document as a PDF.
    Status writePdf(const QString &path) const;

Q_SIGNALS:
    // "Send SMS…" from the empty page.
    void sendSmsRequested();
    // New numbers are shown (or the error that stopped them).
    void loaded();

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct CardLabels {
        QLabel *value = nullptr;
        QLabel *trend = nullptr;
    };
    QWidget *buildCard(Card card, const QString &key, const QString &title, const QString &help);
    void periodKindChosen();
    void startLoading();
    void showResult(quint64 request, const Result<DashboardData> &result);
    void showNumbers();
    void showCharts();
    // Message states in people's words in the charts' legends and the tables (print too).
    static void tidyForScreen(QChart *chart, const ReportChart &report);
    void connectDrillDown(QChartView *view, int section);
    void updateBusy();
    void print();
    void saveAsPdf();

    const Database &m_database;
    const Settings &m_settings;
    const Clock &m_clock;
    const FeatureLocks *m_locks = nullptr;
    Loader m_loader;
    RoleGate *m_gate = nullptr;

    QStackedWidget *m_stack = nullptr;
    QWidget *m_numbers = nullptr; // the cards and charts, scrolled
    QWidget *m_content = nullptr;
    EmptyState *m_empty = nullptr;
    QComboBox *m_periodCombo = nullptr;
    QDateEdit *m_fromEdit = nullptr;
    QDateEdit *m_toEdit = nullptr;
    QLabel *m_periodLabel = nullptr;
    QLabel *m_busyLabel = nullptr;
    QPushButton *m_printButton = nullptr;
    QPushButton *m_pdfButton = nullptr;
    Banner *m_error = nullptr;
    QList<CardLabels> m_cards;
    QWidget *m_chartsArea = nullptr;
    QGridLayout *m_chartsGrid = nullptr;
    QList<QChartView *> m_chartViews;
    QTimer *m_refreshTimer = nullptr;
    QTimer *m_customTimer = nullptr;

    std::optional<DashboardData> m_shown;
    quint64 m_request = 0;
    int m_pending = 0;
    int m_dropped = 0;
    bool m_chartsDark = false;
};

} // namespace kengele
