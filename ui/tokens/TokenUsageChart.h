// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QWidget>

class QComboBox;
class QLabel;

namespace kengele {

class TokenInsights;

// The usage tab of the Tokens page: tokens spent per day over the last 30 or 90 days, stacked by
// budget (Qt Charts, TokenInsights::usage), and beside it what the insights say in sentences ("At
// this rate Youth runs out on 14 March", "1,200 tokens expire on 3 March").
class TokenUsageChart final : public QWidget
{
    Q_OBJECT

public:
    explicit TokenUsageChart(const TokenInsights &insights, QWidget *parent = nullptr);

    // Reads usage and insights again.
    void reload();
    void setDays(int days); // 30 or 90
    int days() const;
    // What the chart shows, for tests: the tokens spent in the period and the budgets it names.
    qint64 shownTokens() const { return m_shownTokens; }
    QStringList shownBudgets() const { return m_shownBudgets; }
    QString insightsText() const;

private:
    const TokenInsights &m_insights;
    QComboBox *m_days = nullptr;
    QWidget *m_chartView = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_insightsLabel = nullptr;
    qint64 m_shownTokens = 0;
    QStringList m_shownBudgets;
};

} // namespace kengele
