// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CampaignCostPanel.h"

#include "CampaignText.h"
#include "campaigns/Campaign.h"
#include "tokens/TokenAccount.h"
#include "widgets/Banner.h"
#include "widgets/Colours.h"
#include "widgets/MessageBubble.h"

#include <QAbstractButton>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace kengele {

namespace {

QLabel *valueLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

Banner *banner(const QString &objectName, Banner::Kind kind, QWidget *parent)
{
    auto *label = new Banner(kind, parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->hide();
    return label;
}

} // namespace

CampaignCostPanel::CampaignCostPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("campaignCostPanel"));
    m_recipients = valueLabel(QStringLiteral("recipientsValueLabel"), this);
    m_leftOut = valueLabel(QStringLiteral("leftOutValueLabel"), this);
    m_countedOnce = valueLabel(QStringLiteral("countedOnceValueLabel"), this);
    m_countedOnce->setToolTip(tr("People in more than one of the chosen groups, or chosen by name as well, get the "
                                 "message once."));
    m_partsEach = valueLabel(QStringLiteral("partsPerMessageValueLabel"), this);
    m_partsTotal = valueLabel(QStringLiteral("totalPartsValueLabel"), this);
    m_tokens = valueLabel(QStringLiteral("tokensValueLabel"), this);
    m_balance = valueLabel(QStringLiteral("balanceValueLabel"), this);
    m_balanceAfter = valueLabel(QStringLiteral("balanceAfterValueLabel"), this);
    m_encoding = valueLabel(QStringLiteral("encodingValueLabel"), this);
    QFont big = m_recipients->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.25);
    m_recipients->setFont(big);
    m_tokens->setFont(big);

    m_problem = banner(QStringLiteral("previewProblemLabel"), Banner::Kind::Error, this);
    m_problem->setTextFormat(Qt::PlainText);
    m_warnings = banner(QStringLiteral("previewWarningsLabel"), Banner::Kind::Warning, this);
    m_warnings->setTextFormat(Qt::PlainText);
    m_repeatSummary = banner(QStringLiteral("repeatSummaryLabel"), Banner::Kind::Info, this);
    m_repeatSummary->setTextFormat(Qt::PlainText);
    m_quietHours = banner(QStringLiteral("quietHoursLabel"), Banner::Kind::Warning, this);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    form->addRow(tr("People who get it:"), m_recipients);
    form->addRow(tr("Not sent:"), m_leftOut);
    form->addRow(tr("Counted once:"), m_countedOnce);
    form->addRow(tr("SMS parts per message:"), m_partsEach);
    form->addRow(tr("SMS parts in all:"), m_partsTotal);
    form->addRow(tr("Cost:"), m_tokens);
    // Tokens are explained where they first appear. No price per token is stored, so no shillings
    // are shown: a guessed price would be worse than none.
    // In the normal colour: it is information, not a disabled control.
    m_tokenHint = valueLabel(QStringLiteral("tokenHintLabel"), this);
    m_tokenHint->setText(tr("1 token = 1 SMS part to one person"));
    form->addRow(QString(), m_tokenHint);
    form->addRow(tr("Balance now:"), m_balance);
    form->addRow(tr("Balance after:"), m_balanceAfter);
    form->addRow(tr("Characters:"), m_encoding);

    m_samplesBox = new QWidget(this);
    m_samplesBox->setObjectName(QStringLiteral("samplesWidget"));
    m_samplesLayout = new QVBoxLayout(m_samplesBox);
    m_samplesLayout->setContentsMargins(0, 0, 0, 0);

    auto *heading = new QLabel(QStringLiteral("<h3>%1</h3>").arg(tr("3. Check before sending").toHtmlEscaped()), this);
    heading->setContentsMargins(0, 0, 0, 0);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 0, 0, 0);
    layout->addWidget(heading);
    layout->addWidget(m_problem);
    layout->addWidget(m_repeatSummary);
    layout->addLayout(form);
    layout->addWidget(m_warnings);
    layout->addWidget(m_quietHours);
    layout->addWidget(new QLabel(tr("<b>The first messages as they will read:</b>"), this));
    layout->addWidget(m_samplesBox);
    layout->addStretch();
}

void CampaignCostPanel::clear()
{
    const QString dash = QStringLiteral("—");
    for (QLabel *label :
         {m_recipients, m_leftOut, m_countedOnce, m_partsEach, m_partsTotal, m_tokens, m_balance, m_balanceAfter, m_encoding})
        label->setText(dash);
    m_warnings->hide();
    m_repeatSummary->hide();
    showSamples({});
}

void CampaignCostPanel::showPreview(const CampaignDraft &d, const CampaignPreview &p, int reserved)
{
    m_recipients->setText(tr("%Ln person(s)", nullptr, p.recipients));
    // Who is not sent it; someone chosen twice still gets it, once, so they are counted apart.
    QStringList notSent;
    if (p.optedOut > 0)
        notSent << tr("%1 opted out").arg(CampaignText::number(p.optedOut));
    if (p.cannotReceiveSms > 0)
        notSent << tr("%Ln with a number that cannot receive SMS (landline)", nullptr, p.cannotReceiveSms);
    m_leftOut->setText(notSent.isEmpty() ? tr("nobody") : notSent.join(QStringLiteral("; ")));
    m_countedOnce->setText(p.duplicates > 0 ? CampaignText::number(p.duplicates) : QStringLiteral("—"));
    if (p.personalised && p.recipients > 0 && p.maxSegments * p.recipients != p.segments)
        m_partsEach->setText(tr("up to %1 (names change the length)").arg(p.maxSegments));
    else
        m_partsEach->setText(QString::number(p.maxSegments));
    m_partsTotal->setText(CampaignText::number(p.segments));
    const QString account = tokenAccountLabel(d.accountName);
    const bool simulated = !d.chargeTokens;
    const bool repeating = d.recurrence.isRepeating();
    if (simulated)
        m_tokens->setText(tr("nothing (practice mode)"));
    else if (repeating)
        m_tokens->setText(tr("%Ln token(s) each time", nullptr, p.tokens));
    else
        m_tokens->setText(tr("%Ln token(s)", nullptr, p.tokens));
    const qint64 available = qint64(p.balance) + reserved;
    if (reserved > 0)
        m_balance->setText(tr("%1 tokens in %2, and %3 set aside for this campaign now")
                               .arg(CampaignText::number(p.balance), account, CampaignText::number(reserved)));
    else
        m_balance->setText(tr("%1 tokens in %2").arg(CampaignText::number(p.balance), account));
    const qint64 after = available - p.tokens;
    if (after < 0)
        m_balanceAfter->setText(tr("%1 tokens short").arg(CampaignText::number(-after)));
    else if (repeating && !simulated)
        m_balanceAfter->setText(tr("%1 tokens after the first time").arg(CampaignText::number(after)));
    else
        m_balanceAfter->setText(tr("%1 tokens").arg(CampaignText::number(after)));
    Colours::setTone(m_balanceAfter, after < 0 ? Colours::Tone::Error : Colours::Tone::Normal, after < 0);
    switch (p.encoding) {
    case SmsEncoding::Gsm7:
        m_encoding->setText(tr("plain letters (160 per SMS part)"));
        break;
    case SmsEncoding::Ucs2:
        m_encoding->setText(tr("special characters (70 per SMS part)"));
        break;
    case SmsEncoding::Mixed:
        m_encoding->setText(tr("plain letters for some, special characters for others"));
        break;
    }

    QStringList warnings = p.warnings;
    if (simulated)
        warnings.prepend(tr("%1: practice messages use no tokens.").arg(CampaignText::simulationLabel()));
    m_warnings->setText(warnings.join(u'\n'));
    m_warnings->setVisible(!warnings.isEmpty());
    m_warnings->setKind(p.warnings.isEmpty() ? Banner::Kind::Info : Banner::Kind::Warning);
    showSamples(p.samples);

    if (repeating && p.occurrences > 0) {
        QStringList lines;
        //: %1: "Repeats every week on Sunday until 31 Mar 2027"; %2: "Sun 7 Dec 10:00"
        lines << tr("%1: %n time(s), the first on %2.", nullptr, p.occurrences)
                     .arg(CampaignText::repeats(d.recurrence, d.repeatUntil), CampaignText::dayAndTime(p.firstOccurrence));
        if (simulated) {
            lines << tr("The people and SMS parts below are for each time, counted again each time with the members of "
                        "the groups on that day.");
        } else {
            lines << tr("The people, SMS parts and cost below are for each time, counted again each time with the members "
                        "of the groups on that day. Tokens are taken each time it goes; “Balance after” is after the "
                        "first time.");
            if (p.occurrences > 1)
                lines << tr("If the groups stay the same, all %n times together cost %1 tokens.", nullptr, p.occurrences)
                             .arg(CampaignText::number(qint64(p.tokens) * p.occurrences));
        }
        m_repeatSummary->setText(lines.join(u'\n'));
        m_repeatSummary->show();
    } else {
        m_repeatSummary->hide();
    }
}

void CampaignCostPanel::showProblem(const QString &text, ProblemTone tone)
{
    m_problem->setText(text);
    m_problem->setKind(tone == ProblemTone::Notice ? Banner::Kind::Info : Banner::Kind::Error);
    m_problem->setVisible(!text.isEmpty());
}

void CampaignCostPanel::setProblemButton(QAbstractButton *button)
{
    m_problemButton = button;
    m_problem->setButton(button);
    button->hide();
}

void CampaignCostPanel::showProblemButton(bool shown)
{
    if (m_problemButton)
        m_problemButton->setVisible(shown);
}

void CampaignCostPanel::showQuietHours(const QString &text)
{
    m_quietHours->setText(text);
    m_quietHours->setVisible(!text.isEmpty());
}

QString CampaignCostPanel::quietHoursText() const
{
    return m_quietHours->isHidden() ? QString() : m_quietHours->text();
}

void CampaignCostPanel::showSamples(const QStringList &samples)
{
    while (QLayoutItem *item = m_samplesLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (const QString &text : samples) {
        auto *bubble = new MessageBubble(text, m_samplesBox);
        bubble->setObjectName(QStringLiteral("sampleMessageLabel"));
        m_samplesLayout->addWidget(bubble);
        bubble->show();
    }
    if (samples.isEmpty()) {
        auto *none = new QLabel(tr("Choose who gets it and write the message to see it here."), m_samplesBox);
        none->setWordWrap(true);
        none->setEnabled(false);
        m_samplesLayout->addWidget(none);
        none->show();
    }
}

} // namespace kengele
