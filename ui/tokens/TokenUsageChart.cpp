// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TokenUsageChart.h"

#include "TokensText.h"
#include "tokens/TokenAccount.h"
#include "tokens/TokenInsights.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QVBoxLayout>
#include <QValueAxis>

namespace kengele {

namespace {

// Colours for the budgets, in order; readable in light and dark themes.
const QList<QColor> &budgetColours()
{
    static const QList<QColor> colours = {QColor(0x2e, 0x7d, 0xb2), QColor(0xe0, 0x8a, 0x1e), QColor(0x3a, 0x9a, 0x5b),
                                          QColor(0xb0, 0x4a, 0x8c), QColor(0x8c, 0x6d, 0x3f), QColor(0x5b, 0x6b, 0xc0)};
    return colours;
}

} // namespace

TokenUsageChart::TokenUsageChart(const TokenInsights &insights, QWidget *parent)
    : QWidget(parent)
    , m_insights(insights)
{
    setObjectName(QStringLiteral("tokenUsageChart"));
    m_days = new QComboBox(this);
    m_days->setObjectName(QStringLiteral("usageDaysCombo"));
    m_days->setAccessibleName(tr("Period of the chart"));
    m_days->addItem(tr("Last 30 days"), 30);
    m_days->addItem(tr("Last 90 days"), 90);
    connect(m_days, &QComboBox::currentIndexChanged, this, &TokenUsageChart::reload);

    auto *chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(4, 4, 4, 4));
    auto *view = new QChartView(chart, this);
    view->setObjectName(QStringLiteral("usageChartView"));
    view->setAccessibleName(tr("Tokens used per day, by budget"));
    view->setRenderHint(QPainter::Antialiasing);
    view->setFocusPolicy(Qt::NoFocus);
    view->setMinimumSize(360, 220);
    m_chartView = view;

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("usageSummaryLabel"));
    m_summary->setWordWrap(true);
    m_insightsLabel = new QLabel(this);
    m_insightsLabel->setObjectName(QStringLiteral("insightsLabel"));
    m_insightsLabel->setWordWrap(true);
    m_insightsLabel->setTextFormat(Qt::RichText);
    m_insightsLabel->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_insightsLabel->setMinimumWidth(240);

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Tokens used per day:"), this));
    top->addWidget(m_days);
    top->addStretch(1);
    auto *left = new QVBoxLayout;
    left->addLayout(top);
    left->addWidget(view, 1);
    left->addWidget(m_summary);
    auto *right = new QVBoxLayout;
    auto *heading = new QLabel(tr("<b>What Kengele sees</b>"), this);
    heading->setObjectName(QStringLiteral("insightsHeadingLabel"));
    right->addWidget(heading);
    right->addWidget(m_insightsLabel);
    right->addStretch(1);
    auto *layout = new QHBoxLayout(this);
    layout->addLayout(left, 3);
    layout->addLayout(right, 1);
    reload();
}

void TokenUsageChart::setDays(int days)
{
    m_days->setCurrentIndex(qMax(0, m_days->findData(days)));
}

int TokenUsageChart::days() const
{
    return m_days->currentData().toInt();
}

QString TokenUsageChart::insightsText() const
{
    return m_insightsLabel->text();
}

void TokenUsageChart::reload()
{
    auto *view = static_cast<QChartView *>(m_chartView);
    QChart *chart = view->chart();
    chart->removeAllSeries(); // deletes them
    // The chart lets go of an axis it removes without deleting it.
    for (QAbstractAxis *axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
    const QPalette palette = this->palette();
    chart->setBackgroundBrush(palette.color(QPalette::Base));
    chart->legend()->setLabelColor(palette.color(QPalette::Text));
    m_shownTokens = 0;
    m_shownBudgets.clear();

    const Result<TokenUsageReport> usage = m_insights.usage(days());
    if (!usage) {
        m_summary->setText(usage.error().message);
    } else {
        auto *xAxis = new QDateTimeAxis;
        xAxis->setFormat(QStringLiteral("d MMM"));
        xAxis->setTickCount(days() > 30 ? 7 : 6);
        xAxis->setLabelsColor(palette.color(QPalette::Text));
        auto *yAxis = new QValueAxis;
        yAxis->setLabelFormat(QStringLiteral("%d"));
        yAxis->setLabelsColor(palette.color(QPalette::Text));
        chart->addAxis(xAxis, Qt::AlignBottom);
        chart->addAxis(yAxis, Qt::AlignLeft);
        // Stacked by budget: each budget's band sits on the ones before it.
        QList<qint64> below(usage->byDay.size(), 0);
        qint64 highest = 0;
        int colour = 0;
        for (const TokenUsageReport::Account &account : usage->byAccount) {
            if (account.tokens <= 0)
                continue;
            // An area series does not own its two lines: they are its children, so that they go
            // with it when the chart deletes it.
            auto *area = new QAreaSeries;
            auto *lower = new QLineSeries(area);
            auto *upper = new QLineSeries(area);
            for (int i = 0; i < usage->byDay.size(); ++i) {
                const TokenUsageReport::Day &day = usage->byDay.at(i);
                const qreal x = qreal(QDateTime(day.date, QTime(12, 0)).toMSecsSinceEpoch());
                lower->append(x, qreal(below.at(i)));
                below[i] += day.byAccount.value(account.accountId);
                upper->append(x, qreal(below.at(i)));
                highest = qMax(highest, below.at(i));
            }
            area->setUpperSeries(upper);
            area->setLowerSeries(lower);
            area->setName(tokenAccountLabel(account.name));
            const QColor fill = budgetColours().at(colour++ % budgetColours().size());
            area->setColor(fill);
            area->setBorderColor(fill.darker(120));
            chart->addSeries(area);
            area->attachAxis(xAxis);
            area->attachAxis(yAxis);
            m_shownBudgets << tokenAccountLabel(account.name);
        }
        if (!usage->byDay.isEmpty()) {
            xAxis->setRange(QDateTime(usage->byDay.constFirst().date, QTime(0, 0)),
                            QDateTime(usage->byDay.constLast().date, QTime(23, 59)));
        }
        yAxis->setRange(0, qMax<qint64>(10, highest + highest / 10));
        yAxis->applyNiceNumbers();
        m_shownTokens = usage->spent;
        chart->legend()->setVisible(!m_shownBudgets.isEmpty());
        m_summary->setText(usage->spent > 0
                               ? tr("%1 used in the last %n day(s).", nullptr, usage->days).arg(TokensText::tokens(usage->spent))
                               : tr("No tokens used in the last %n day(s).", nullptr, usage->days));
    }

    const Result<TokenOutlook> outlook = m_insights.outlook();
    QStringList lines;
    if (!outlook)
        lines << outlook.error().message.toHtmlEscaped();
    else
        for (const QString &message : outlook->messages)
            lines << message.toHtmlEscaped();
    m_insightsLabel->setText(lines.isEmpty()
                                 ? tr("Nothing to tell yet: insights come once tokens are used.")
                                 : QStringLiteral("<p>") + lines.join(QStringLiteral("</p><p>")) + QStringLiteral("</p>"));
}

} // namespace kengele
