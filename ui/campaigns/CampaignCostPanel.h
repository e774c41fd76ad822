// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QWidget>

class QAbstractButton;
class QLabel;
class QVBoxLayout;

namespace kengele {

class Banner;
struct CampaignDraft;
struct CampaignPreview;

// "3. Check before sending": what sending a campaign would do, before anything is spent. How many
// people get it, who is not sent it (opted out, landlines), how many were chosen more than once and
// get it once, SMS parts per message and in all, the tokens it costs (with what a token is), the
// balance before and after, and the first messages as they will read; for a
// repeating campaign how many times and when the first one goes. Above them, why it cannot be sent
// (or what to do first), and below them the quiet-hours note.
class CampaignCostPanel final : public QWidget
{
    Q_OBJECT

public:
    // How a problem is shown: a mistake, or a calm note of what to do first.
    enum class ProblemTone { Mistake, Notice };

    explicit CampaignCostPanel(QWidget *parent = nullptr);

    // Dashes instead of figures, no warnings, no messages.
    void clear();
    // The figures of a preview. `reserved`: tokens the campaign has set aside now (editing a
    // scheduled one: they come back on saving, so they count as available).
    void showPreview(const CampaignDraft &draft, const CampaignPreview &preview, int reserved);
    // Empty hides it.
    void showProblem(const QString &text, ProblemTone tone = ProblemTone::Mistake);
    void showQuietHours(const QString &text);
    // A button inside the problem's note ("Buy tokens…" when tokens are short); the panel owns it.
    // Shown with the next problem when `shown`, hidden otherwise.
    void setProblemButton(QAbstractButton *button);
    void showProblemButton(bool shown);
    // Empty while none is shown.
    QString quietHoursText() const;

private:
    void showSamples(const QStringList &samples);

    QLabel *m_recipients = nullptr;
    QLabel *m_leftOut = nullptr; // "Not sent"
    QLabel *m_countedOnce = nullptr;
    QLabel *m_tokenHint = nullptr;
    QLabel *m_partsEach = nullptr;
    QLabel *m_partsTotal = nullptr;
    QLabel *m_tokens = nullptr;
    QLabel *m_balance = nullptr;
    QLabel *m_balanceAfter = nullptr;
    QLabel *m_encoding = nullptr;
    Banner *m_problem = nullptr;
    QAbstractButton *m_problemButton = nullptr;
    Banner *m_warnings = nullptr;
    Banner *m_repeatSummary = nullptr;
    Banner *m_quietHours = nullptr;
    QWidget *m_samplesBox = nullptr;
    QVBoxLayout *m_samplesLayout = nullptr;
};

} // namespace kengele
