// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "DashboardPage.h"

#include "sync/FeatureLocks.h"

#include "DrillDownDialog.h"
#include "MessageBox.h"
#include "campaigns/CampaignText.h"
#include "campaigns/MessageState.h"
#include "common/Clock.h"
#include "reports/ReportChartBuilder.h"
#include "reports/ReportPdfWriter.h"
#include "reports/ReportPrintPreview.h"
#include "reports/ReportRunner.h"
#include "security/RoleGate.h"
#include "settings/Settings.h"
#include "widgets/Banner.h"
#include "widgets/Colours.h"
#include "widgets/EmptyState.h"

#include <QAbstractAxis>
#include <QAbstractBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QCursor>
#include <QDateEdit>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFrame>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPieSeries>
#include <QPieSlice>
#include <QPushButton>
#include <QScrollArea>
#include <QSet>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTimer>
#include <QToolTip>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>

namespace kengele {

namespace {

struct Answer {
    quint64 request = 0;
    Result<DashboardData> data;
};

// Whether more of it is good news (more failures or opt-outs is not).
bool moreIsBetter(DashboardPage::Card card)
{
    return card != DashboardPage::FailedCard && card != DashboardPage::OptOutsCard;
}

QTimeZone localZone()
{
    return QTimeZone::systemTimeZone();
}

// A message state's database word ("delivered") in the Sent SMS page's words ("Delivered").
QString stateWords(const QString &state)
{
    const std::optional<MessageState> known = messageStateFromText(state);
    return known ? CampaignText::messageState(*known) : state;
}

// The days a time grouping's categories start on (its keys are ISO dates), or none for other groupings.
QList<QDate> categoryDates(const ReportChart &chart)
{
    QList<QDate> dates;
    for (const QString &key : chart.categoryKeys) {
        const QDate date = QDate::fromString(key, Qt::ISODate);
        if (!date.isValid())
            return {};
        dates << date;
    }
    return dates;
}

// The chart as the screen shows it, where a card is half a window wide: weeks and months named
// short ("2 Mar", "Apr" — "Jan 26" where a year starts), so that they fit under their bars.
ReportChart forScreen(const ReportChart &chart)
{
    ReportChart shown = chart;
    const QList<QDate> dates = categoryDates(chart);
    if (dates.isEmpty() || dates.size() != chart.categories.size())
        return shown;
    const bool months = dates.size() < 2 || dates.first().daysTo(dates.last()) / qMax<qsizetype>(1, dates.size() - 1) >= 28;
    const QLocale locale;
    for (qsizetype i = 0; i < dates.size(); ++i) {
        const QDate &date = dates[i];
        shown.categories[i]
            = months ? locale.toString(date, QStringLiteral("MMM")) : locale.toString(date, QStringLiteral("d MMM"));
    }
    // A category axis needs every name once: over more than a year, the long names stay.
    if (QSet<QString>(shown.categories.cbegin(), shown.categories.cend()).size() != shown.categories.size())
        return chart;
    return shown;
}

} // namespace

DashboardPage::DashboardPage(const Database &database, const Settings &settings, const Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_database(database)
    , m_settings(settings)
    , m_clock(clock)
{
    setObjectName(QStringLiteral("dashboardPage"));

    // The period picker and what to do with the page.
    m_periodCombo = new QComboBox(this);
    m_periodCombo->setObjectName(QStringLiteral("periodCombo"));
    m_periodCombo->setAccessibleName(tr("Period"));
    m_periodCombo->addItem(tr("This month"), int(Period::Kind::ThisMonth));
    m_periodCombo->addItem(tr("Last 3 months"), int(Period::Kind::Last3Months));
    m_periodCombo->addItem(tr("Last 12 months"), int(Period::Kind::Last12Months));
    m_periodCombo->addItem(tr("Custom…"), int(Period::Kind::Custom));
    auto *periodTitle = new QLabel(tr("Period:"), this);
    periodTitle->setBuddy(m_periodCombo);
    const QDate today = m_clock.nowUtc().toTimeZone(localZone()).date();
    m_fromEdit = new QDateEdit(today.addDays(1 - today.day()), this);
    m_fromEdit->setObjectName(QStringLiteral("fromDateEdit"));
    m_fromEdit->setAccessibleName(tr("From"));
    m_fromEdit->setCalendarPopup(true);
    m_toEdit = new QDateEdit(today, this);
    m_toEdit->setObjectName(QStringLiteral("toDateEdit"));
    m_toEdit->setAccessibleName(tr("To"));
    m_toEdit->setCalendarPopup(true);
    m_fromEdit->hide();
    m_toEdit->hide();
    m_periodLabel = new QLabel(this);
    m_periodLabel->setObjectName(QStringLiteral("periodLabel"));
    Colours::setTone(m_periodLabel, Colours::Tone::Hint);
    m_busyLabel = new QLabel(tr("Working out the numbers…"), this);
    m_busyLabel->setObjectName(QStringLiteral("dashboardBusyLabel"));
    Colours::setTone(m_busyLabel, Colours::Tone::Hint);
    m_busyLabel->hide();
    m_printButton = new QPushButton(tr("Print…"), this);
    m_printButton->setObjectName(QStringLiteral("printButton"));
    m_printButton->setToolTip(tr("Print these numbers and charts, with the church's name at the top."));
    m_pdfButton = new QPushButton(tr("Save as PDF…"), this);
    m_pdfButton->setObjectName(QStringLiteral("savePdfButton"));
    m_pdfButton->setToolTip(tr("Save these numbers and charts as a PDF file to send or keep."));
    connect(m_printButton, &QPushButton::clicked, this, &DashboardPage::print);
    connect(m_pdfButton, &QPushButton::clicked, this, &DashboardPage::saveAsPdf);
    connect(m_periodCombo, &QComboBox::currentIndexChanged, this, &DashboardPage::periodKindChosen);
    m_customTimer = new QTimer(this);
    m_customTimer->setSingleShot(true);
    m_customTimer->setInterval(400);
    connect(m_customTimer, &QTimer::timeout, this, &DashboardPage::refresh);
    connect(m_fromEdit, &QDateEdit::dateChanged, this, [this](QDate from) {
        if (m_toEdit->date() < from)
            m_toEdit->setDate(from);
        m_customTimer->start();
    });
    connect(m_toEdit, &QDateEdit::dateChanged, this, [this](QDate to) {
        if (m_fromEdit->date() > to)
            m_fromEdit->setDate(to);
        m_customTimer->start();
    });
    m_refreshTimer = new QTimer(this);
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(500);
    connect(m_refreshTimer, &QTimer::timeout, this, &DashboardPage::refresh);

    auto *bar = new QHBoxLayout;
    bar->addWidget(periodTitle);
    bar->addWidget(m_periodCombo);
    bar->addWidget(m_fromEdit);
    bar->addWidget(m_toEdit);
    bar->addWidget(m_periodLabel);
    bar->addWidget(m_busyLabel);
    bar->addStretch(1);
    bar->addWidget(m_printButton);
    bar->addWidget(m_pdfButton);

    m_error = new Banner(Banner::Kind::Error, this);
    m_error->setObjectName(QStringLiteral("dashboardErrorBanner"));
    m_error->hide();

    // The cards: four on the first row, three on the second.
    auto *cards = new QGridLayout;
    cards->setSpacing(8);
    m_cards.resize(CardCount);
    const QList<QWidget *> cardWidgets = {
        buildCard(SentCard, QStringLiteral("sent"), tr("Sent"),
                  tr("Messages that left for the phone network in the period (delivered, failed or waiting for a report).")),
        buildCard(DeliveredCard, QStringLiteral("delivered"), tr("Delivered"),
                  tr("Messages the phone network confirmed reached the phone.")),
        buildCard(FailedCard, QStringLiteral("failed"), tr("Failed"),
                  tr("Messages the phone network could not deliver (a phone switched off for days, a wrong number…).")),
        buildCard(DeliveryRateCard, QStringLiteral("deliveryRate"), tr("Delivery rate"),
                  tr("Delivered, out of the messages sent.")),
        buildCard(RepliesCard, QStringLiteral("replies"), tr("Replies"),
                  tr("Messages people sent back within three days of an SMS from the church.")),
        buildCard(OptOutsCard, QStringLiteral("optOuts"), tr("Opt-outs"), tr("People who asked to receive no more SMS.")),
        buildCard(ContactsAddedCard, QStringLiteral("contactsAdded"), tr("Contacts added"),
                  tr("Contacts created in the period, by hand or imported.")),
    };
    for (int i = 0; i < cardWidgets.size(); ++i)
        cards->addWidget(cardWidgets[i], i / 4, i % 4);
    for (int column = 0; column < 4; ++column)
        cards->setColumnStretch(column, 1);

    // The charts, two to a row, under the cards; the whole scrolls.
    m_chartsArea = new QWidget(this);
    m_chartsArea->setObjectName(QStringLiteral("chartsArea"));
    m_chartsGrid = new QGridLayout(m_chartsArea);
    m_chartsGrid->setContentsMargins(0, 0, 0, 0);
    m_chartsGrid->setSpacing(8);
    m_chartsGrid->setColumnStretch(0, 1);
    m_chartsGrid->setColumnStretch(1, 1);

    auto *scrolled = new QWidget(this);
    auto *scrolledLayout = new QVBoxLayout(scrolled);
    scrolledLayout->setContentsMargins(0, 0, 4, 0);
    scrolledLayout->addLayout(cards);
    scrolledLayout->addSpacing(6);
    scrolledLayout->addWidget(m_chartsArea);
    scrolledLayout->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("dashboardScrollArea"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(scrolled);

    m_content = new QWidget(this);
    auto *contentLayout = new QVBoxLayout(m_content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addLayout(bar);
    contentLayout->addWidget(m_error);
    contentLayout->addWidget(scroll, 1);
    m_numbers = scroll;

    m_empty = new EmptyState(QStringLiteral("dashboardEmptyLabel"), this);
    m_empty->setText(tr("<h2>Nothing sent yet</h2><p>Once the church sends its first SMS, this page shows how many "
                        "arrived, who replied and how the congregation grows.</p>"));
    QPushButton *send = m_empty->addButton(tr("Send SMS…"));
    send->setObjectName(QStringLiteral("dashboardSendButton"));
    connect(send, &QPushButton::clicked, this, &DashboardPage::sendSmsRequested);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_content);
    m_stack->addWidget(m_empty);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    m_periodLabel->setText(period().describe());
    updateBusy();
}

DashboardPage::~DashboardPage()
{
    // A worker still counting uses the database: let it finish first.
    for (QFutureWatcherBase *watcher : findChildren<QFutureWatcherBase *>())
        watcher->waitForFinished();
}

QWidget *DashboardPage::buildCard(Card card, const QString &key, const QString &title, const QString &help)
{
    auto *frame = new QFrame(this);
    frame->setObjectName(key + QStringLiteral("Card"));
    frame->setFrameShape(QFrame::StyledPanel);
    frame->setBackgroundRole(QPalette::Base);
    frame->setAutoFillBackground(true);
    frame->setToolTip(help);
    auto *name = new QLabel(title, frame);
    name->setObjectName(key + QStringLiteral("TitleLabel"));
    Colours::setTone(name, Colours::Tone::Hint);
    auto *value = new QLabel(QStringLiteral("—"), frame);
    value->setObjectName(key + QStringLiteral("ValueLabel"));
    QFont big = value->font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    big.setBold(true);
    value->setFont(big);
    auto *trend = new QLabel(frame);
    trend->setObjectName(key + QStringLiteral("TrendLabel"));
    auto *layout = new QVBoxLayout(frame);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->setSpacing(2);
    layout->addWidget(name);
    layout->addWidget(value);
    layout->addWidget(trend);
    m_cards[card] = CardLabels{value, trend};
    return frame;
}

Result<DashboardData> DashboardPage::load(const Database &database, const Period &period, const QDateTime &now)
{
    const DashboardService service(database);
    DashboardData data;
    data.period = period;
    Result<DashboardNumbers> numbers = service.numbers(period);
    if (!numbers)
        return std::unexpected(numbers.error());
    data.numbers = std::move(*numbers);
    Result<ReportDocument> document = service.document(period, now);
    if (!document)
        return std::unexpected(document.error());
    data.document = std::move(*document);
    data.everSent = data.numbers.totals.sent > 0 || data.numbers.previous.sent > 0;
    if (!data.everSent) {
        // Nothing in this period or the one before: has the church ever sent anything?
        const QDate today = now.toTimeZone(period.zone()).date();
        const Result<QVariant> ever = ReportRunner(database).total(
            QStringLiteral("sent"), Period(QDate(2000, 1, 1), qMax(today, period.to()), period.zone()));
        if (!ever)
            return std::unexpected(ever.error());
        data.everSent = ever->toLongLong() > 0;
    }
    return data;
}

void DashboardPage::setLoader(Loader loader)
{
    m_loader = std::move(loader);
}

void DashboardPage::setRoleGate(RoleGate &gate)
{
    m_gate = &gate;
    gate.hide(m_empty->findChild<QPushButton *>(QStringLiteral("dashboardSendButton")), Permission::SendCampaigns);
}

Period DashboardPage::period() const
{
    const auto kind = Period::Kind(m_periodCombo->currentData().toInt());
    if (kind == Period::Kind::Custom)
        return Period(m_fromEdit->date(), m_toEdit->date(), localZone());
    return Period::ofKind(kind, m_clock.nowUtc().toTimeZone(localZone()).date(), localZone());
}

void DashboardPage::setPeriodKind(Period::Kind kind)
{
    m_periodCombo->setCurrentIndex(m_periodCombo->findData(int(kind)));
}

void DashboardPage::setCustomPeriod(QDate from, QDate to)
{
    {
        const QSignalBlocker blockFrom(m_fromEdit);
        const QSignalBlocker blockTo(m_toEdit);
        m_fromEdit->setDate(from);
        m_toEdit->setDate(qMax(from, to));
    }
    if (m_periodCombo->currentData().toInt() == int(Period::Kind::Custom))
        refresh();
    else
        setPeriodKind(Period::Kind::Custom);
}

void DashboardPage::periodKindChosen()
{
    const bool custom = m_periodCombo->currentData().toInt() == int(Period::Kind::Custom);
    m_fromEdit->setVisible(custom);
    m_toEdit->setVisible(custom);
    m_periodLabel->setVisible(!custom);
    refresh();
}

void DashboardPage::refresh()
{
    m_refreshTimer->stop();
    m_customTimer->stop();
    m_periodLabel->setText(period().describe());
    if (!isVisible())
        return; // read when shown
    startLoading();
}

void DashboardPage::refreshSoon()
{
    if (isVisible())
        m_refreshTimer->start();
}

void DashboardPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // Each time it is shown: messages went out and reports came in since.
    startLoading();
}

void DashboardPage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    // Qt Charts does not follow the palette: draw the charts again in the new theme.
    if (event->type() == QEvent::PaletteChange && m_shown && ReportChartStyle::forPalette(palette()).dark != m_chartsDark)
        showCharts();
}

void DashboardPage::startLoading()
{
    if (m_locks) {
        if (const Status allowed = m_locks->check(PlanFeature::Analytics); !allowed) {
            ++m_request; // an answer still on its way is not shown
            m_shown.reset();
            m_error->setText(allowed.error().message);
            m_error->show();
            m_stack->setCurrentWidget(m_content);
            m_numbers->hide();
            updateBusy();
            Q_EMIT loaded();
            return;
        }
    }
    m_numbers->show();
    const quint64 request = ++m_request;
    ++m_pending;
    updateBusy();
    const Database *database = &m_database;
    const Period chosen = period();
    const QDateTime now = m_clock.nowUtc();
    const Loader loader = m_loader;
    auto *watcher = new QFutureWatcher<Answer>(this);
    connect(watcher, &QFutureWatcher<Answer>::finished, this, [this, watcher] {
        --m_pending;
        const Answer answer = watcher->result();
        watcher->deleteLater();
        showResult(answer.request, answer.data);
    });
    // The services use the worker thread's own connection to the database.
    watcher->setFuture(QtConcurrent::run([database, chosen, now, loader, request] {
        if (loader)
            return Answer{request, loader(chosen, now)};
        return Answer{request, load(*database, chosen, now)};
    }));
}

void DashboardPage::showResult(quint64 request, const Result<DashboardData> &result)
{
    if (request != m_request) {
        // A newer request replaced it (another period was chosen meanwhile): its answer is old.
        ++m_dropped;
        updateBusy();
        return;
    }
    if (!result) {
        updateBusy();
        // The numbers shown before stay; say why they did not change.
        m_error->setText(tr("The numbers could not be worked out: %1").arg(result.error().message));
        m_error->show();
        Q_EMIT loaded();
        return;
    }
    m_error->hide();
    m_shown = *result;
    inPlainWords(m_shown->document);
    updateBusy();
    m_stack->setCurrentWidget(m_shown->everSent ? m_content : static_cast<QWidget *>(m_empty));
    showNumbers();
    showCharts();
    Q_EMIT loaded();
}

void DashboardPage::updateBusy()
{
    // Only while something is on its way and there is something shown to keep meanwhile.
    m_busyLabel->setVisible(isLoading());
    const bool ready = m_shown.has_value() && m_shown->everSent;
    m_printButton->setEnabled(ready);
    m_pdfButton->setEnabled(ready);
}

void DashboardPage::inPlainWords(ReportDocument &document)
{
    for (ReportSection &section : document.sections) {
        if (section.chart && section.chart->seriesDimension == u"state") {
            for (qsizetype i = 0; i < section.chart->series.size() && i < section.chart->seriesKeys.size(); ++i)
                section.chart->series[i].name = stateWords(section.chart->seriesKeys[i]);
        }
        if (!section.table)
            continue;
        for (qsizetype c = 0; c < section.table->columns.size(); ++c) {
            if (section.table->columns[c].key != u"state")
                continue;
            for (QVariantList &row : section.table->rows)
                row[c] = stateWords(row.value(c).toString());
        }
    }
}

bool DashboardPage::isEmptyStateShown() const
{
    return m_stack->currentWidget() == m_empty;
}

void DashboardPage::showNumbers()
{
    const DashboardNumbers &n = m_shown->numbers;
    const QLocale locale;
    const QString before = n.period.previous().describe();
    const auto percentText = [&locale](const QVariant &rate) {
        //: A percentage on the dashboard: "87.5%"
        return rate.isNull() ? QStringLiteral("—") : tr("%1%").arg(locale.toString(rate.toDouble(), 'f', 1));
    };
    const auto setCard = [&](Card card, double now, double previous, const QString &valueText, const QString &previousText,
                             bool points) {
        CardLabels &labels = m_cards[card];
        labels.value->setText(valueText);
        QString trend;
        Colours::Tone tone = Colours::Tone::Hint;
        if (std::fabs(now - previous) < 1e-9) {
            //: A card's trend when the number did not change from the period before: "Same as before (120)"
            trend = tr("Same as before (%1)").arg(previousText);
        } else {
            const bool up = now > previous;
            const QString arrow = up ? QStringLiteral("▲") : QStringLiteral("▼");
            if (points) {
                //: The delivery rate's change, in percentage points: "▲ 2.5 points (from 85.0%)"
                trend = tr("%1 %2 points (from %3)").arg(arrow, locale.toString(std::fabs(now - previous), 'f', 1), previousText);
            } else if (previous <= 0) {
                //: A card's trend when there was none in the period before: "▲ from 0"
                trend = tr("%1 from 0").arg(arrow);
            } else {
                const double change = std::round(std::fabs(now - previous) * 100.0 / previous);
                //: A card's trend against the period before: "▲ 12% (from 1,100)"
                trend = tr("%1 %2% (from %3)").arg(arrow, locale.toString(change, 'f', 0), previousText);
            }
            tone = up == moreIsBetter(card) ? Colours::Tone::Success : Colours::Tone::Error;
        }
        labels.trend->setText(trend);
        labels.trend->setToolTip(tr("Compared with %1").arg(before));
        Colours::setTone(labels.trend, tone);
    };
    const auto count = [&](Card card, qint64 now, qint64 previous) {
        setCard(card, double(now), double(previous), CampaignText::number(now), CampaignText::number(previous), false);
    };
    count(SentCard, n.totals.sent, n.previous.sent);
    count(DeliveredCard, n.totals.delivered, n.previous.delivered);
    count(FailedCard, n.totals.failed, n.previous.failed);
    count(RepliesCard, n.totals.replies, n.previous.replies);
    count(OptOutsCard, n.totals.optOuts, n.previous.optOuts);
    count(ContactsAddedCard, n.totals.contactsAdded, n.previous.contactsAdded);
    if (n.totals.deliveryRate.isNull() || n.previous.deliveryRate.isNull()) {
        m_cards[DeliveryRateCard].value->setText(percentText(n.totals.deliveryRate));
        m_cards[DeliveryRateCard].trend->setText(n.previous.deliveryRate.isNull() ? tr("Nothing sent before") : QString());
        Colours::setTone(m_cards[DeliveryRateCard].trend, Colours::Tone::Hint);
    } else {
        setCard(DeliveryRateCard, n.totals.deliveryRate.toDouble(), n.previous.deliveryRate.toDouble(),
                percentText(n.totals.deliveryRate), percentText(n.previous.deliveryRate), true);
    }
    m_periodLabel->setText(n.period.describe());
}

void DashboardPage::showCharts()
{
    qDeleteAll(m_chartViews);
    m_chartViews.clear();
    const ReportChartStyle style = ReportChartStyle::forPalette(palette());
    m_chartsDark = style.dark;
    const QList<ReportSection> &sections = m_shown->document.sections;
    for (int i = 0; i < sections.size(); ++i) {
        if (!sections[i].chart) {
            m_chartViews << nullptr;
            continue;
        }
        const ReportChart &chart = *sections[i].chart;
        const ReportChart shown = forScreen(chart);
        QChart *drawn = ReportChartBuilder::build(shown, style);
        tidyForScreen(drawn, shown);
        auto *view = new QChartView(drawn, m_chartsArea);
        view->setObjectName(QStringLiteral("dashboardChart%1").arg(i));
        view->setAccessibleName(chart.title);
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumHeight(340);
        view->setFrameShape(QFrame::StyledPanel);
        const bool drills = !chart.dimension.isEmpty() && !chart.measure.isEmpty();
        view->setToolTip(drills
                             ? sections[i].note + QLatin1Char('\n') + tr("Click a bar, slice or point to see the rows behind it.")
                             : sections[i].note);
        if (drills)
            connectDrillDown(view, i);
        m_chartsGrid->addWidget(view, int(m_chartViews.size()) / 2, int(m_chartViews.size()) % 2);
        m_chartViews << view;
    }
}

void DashboardPage::tidyForScreen(QChart *chart, const ReportChart &report)
{
    for (QAbstractAxis *axis : chart->axes(Qt::Horizontal)) {
        QFont font = axis->labelsFont();
        font.setPointSizeF(font.pointSizeF() * 0.9);
        axis->setLabelsFont(font);
        axis->setTitleFont(font);
        if (report.categories.size() <= 12)
            continue;
        // Qt Charts cuts each name to its bar's width: with many bars (weeks, campaigns) the names
        // go, and the pointer names each bar or point instead.
        axis->setLabelsVisible(false);
        // (No axis title instead: Qt Charts 6.4 cuts it to the hidden labels' height.)
    }
    for (QAbstractSeries *series : chart->series()) {
        if (auto *pie = qobject_cast<QPieSeries *>(series)) {
            // The legend beside it names every slice (its share shows when the pointer is on it);
            // labels around it would be cut.
            const QList<QPieSlice *> slices = pie->slices();
            const QList<QLegendMarker *> markers = chart->legend()->markers(pie);
            for (int i = 0; i < slices.size(); ++i) {
                slices[i]->setLabelVisible(false);
                if (i < markers.size() && i < report.categories.size())
                    markers[i]->setLabel(report.categories[i]);
            }
            pie->setPieSize(0.8);
        }
    }
    QFont legend = chart->legend()->font();
    legend.setPointSizeF(legend.pointSizeF() * 0.9);
    chart->legend()->setFont(legend);
}

void DashboardPage::connectDrillDown(QChartView *view, int section)
{
    // The pointer becomes a hand over what can be clicked, and only there.
    const auto hover = [view](bool over) {
        if (over)
            view->setCursor(Qt::PointingHandCursor);
        else
            view->unsetCursor();
    };
    const ReportChart chart = *m_shown->document.sections[section].chart;
    // What is under the pointer, in words: "Easter Sunday: 92.5", "Safaricom, Failed: 120".
    const auto tip = [view, chart](bool over, int series, int index) {
        if (!over || index < 0 || index >= chart.categories.size()) {
            QToolTip::hideText();
            return;
        }
        const double value = chart.series.value(series).values.value(index);
        QString name = chart.categories[index];
        if (chart.series.size() > 1)
            name = tr("%1, %2").arg(name, chart.series.value(series).name);
        QToolTip::showText(QCursor::pos(),
                           tr("%1: %2").arg(name, QLocale().toString(value, 'f', std::fmod(value, 1.0) == 0 ? 0 : 1)), view);
    };
    for (QAbstractSeries *series : view->chart()->series()) {
        if (auto *bars = qobject_cast<QAbstractBarSeries *>(series)) {
            const QList<QBarSet *> sets = bars->barSets();
            for (int s = 0; s < sets.size(); ++s) {
                connect(sets[s], &QBarSet::clicked, this, [this, section, s](int index) { openDrillDown(section, s, index); });
                connect(sets[s], &QBarSet::hovered, view, [hover, tip, s](bool over, int index) {
                    hover(over);
                    tip(over, s, index);
                });
            }
        } else if (auto *pie = qobject_cast<QPieSeries *>(series)) {
            const QList<QPieSlice *> slices = pie->slices();
            for (int index = 0; index < slices.size(); ++index) {
                connect(slices[index], &QPieSlice::clicked, this, [this, section, index] { openDrillDown(section, 0, index); });
                connect(slices[index], &QPieSlice::hovered, view, [hover, tip, index](bool over) {
                    hover(over);
                    tip(over, 0, index);
                });
            }
        } else if (auto *line = qobject_cast<QLineSeries *>(series)) {
            // A line's click is where the mouse was: the nearest week or month.
            connect(line, &QLineSeries::clicked, this,
                    [this, section](const QPointF &point) { openDrillDown(section, 0, qRound(point.x())); });
            connect(line, &QLineSeries::hovered, view, [hover, tip](const QPointF &point, bool over) {
                hover(over);
                tip(over, 0, qRound(point.x()));
            });
        }
    }
}

DrillDownDialog *DashboardPage::openDrillDown(int section, int series, int index)
{
    if (!m_shown || section < 0 || section >= m_shown->document.sections.size())
        return nullptr;
    const ReportSection &shownSection = m_shown->document.sections[section];
    if (!shownSection.chart)
        return nullptr;
    const ReportChart &chart = *shownSection.chart;
    if (chart.dimension.isEmpty() || chart.measure.isEmpty() || index < 0 || index >= chart.categoryKeys.size())
        return nullptr;
    ReportQuery query{chart.measure, {}, m_shown->period, {{chart.dimension, chart.categoryKeys[index]}}};
    QString title = tr("%1: %2").arg(chart.title, chart.categories.value(index));
    if (!chart.seriesDimension.isEmpty() && series >= 0 && series < chart.seriesKeys.size()) {
        query.filters.insert(chart.seriesDimension, chart.seriesKeys[series]);
        //: A drill-down's title: the chart, the bar clicked and its part: "Messages by network: Safaricom, delivered"
        title = tr("%1: %2, %3").arg(chart.title, chart.categories.value(index), chart.series.value(series).name);
    }
    auto *dialog = new DrillDownDialog(m_database, query, title, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setExportAllowed(RoleGate::check(m_gate, Permission::ExportContacts));
    dialog->open();
    return dialog;
}

Status DashboardPage::writePdf(const QString &path) const
{
    if (!m_shown)
        return fail(ErrorCode::InvalidInput, tr("The dashboard has no numbers yet."));
    const Result<int> pages = ReportPdfWriter::write(path, m_shown->document, ReportPageSetup::fromSettings(m_settings));
    if (!pages)
        return std::unexpected(pages.error());
    return {};
}

void DashboardPage::print()
{
    if (!m_shown)
        return;
    ReportPrintPreview::exec(m_shown->document, ReportPageSetup::fromSettings(m_settings), this);
}

void DashboardPage::saveAsPdf()
{
    if (!m_shown)
        return;
    //: The file name suggested for the dashboard as a PDF
    const QString suggested = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) + QLatin1Char('/')
        + tr("dashboard") + QStringLiteral(".pdf");
    QString path = QFileDialog::getSaveFileName(this, tr("Save the dashboard as PDF"), suggested, tr("PDF document (*.pdf)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QStringLiteral(".pdf"), Qt::CaseInsensitive))
        path += QStringLiteral(".pdf");
    setCursor(Qt::BusyCursor);
    const Status written = writePdf(path);
    unsetCursor();
    if (!written)
        MessageBox::warning(
            this, tr("Save the dashboard as PDF"),
            tr("The PDF was not saved to %1.\n\n%2").arg(QDir::toNativeSeparators(path), written.error().message));
}

} // namespace kengele
