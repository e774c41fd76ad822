// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "DashboardPage.h"

#include "ReportView.h"

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
    m_shown->document = ReportView::inPlainWords(std::move(m_shown->document));
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

} // namespace kengele
