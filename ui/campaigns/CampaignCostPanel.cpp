// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CampaignCostPanel.h"

#include "CampaignText.h"
#include "campaigns/Campaign.h"

#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace kengele {

namespace {

const QString ProblemStyle
    = QStringLiteral("QLabel { background: #fdecea; border: 1px solid #e57373; border-radius: 4px; padding: 6px; }");
const QString WarningStyle
    = QStringLiteral("QLabel { background: #fff4d6; border: 1px solid #e0b44c; border-radius: 4px; padding: 6px; }");
const QString NoticeStyle
    = QStringLiteral("QLabel { background: #e3f2fd; border: 1px solid #90caf9; border-radius: 4px; padding: 6px; }");

QLabel *valueLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

CampaignCostPanel::CampaignCostPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("campaignCostPanel"));
    m_recipients = valueLabel(QStringLiteral("recipientsValueLabel"), this);
    m_leftOut = valueLabel(QStringLiteral("leftOutValueLabel"), this);
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

    m_problem = valueLabel(QStringLiteral("previewProblemLabel"), this);
    m_problem->setStyleSheet(ProblemStyle);
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->hide();
    m_warnings = valueLabel(QStringLiteral("previewWarningsLabel"), this);
    m_warnings->setStyleSheet(WarningStyle);
    m_warnings->setTextFormat(Qt::PlainText);
    m_warnings->hide();
    m_repeatSummary = valueLabel(QStringLiteral("repeatSummaryLabel"), this);
    m_repeatSummary->setStyleSheet(NoticeStyle);
    m_repeatSummary->setTextFormat(Qt::PlainText);
    m_repeatSummary->hide();
    m_quietHours = valueLabel(QStringLiteral("quietHoursLabel"), this);
    m_quietHours->setStyleSheet(WarningStyle);
    m_quietHours->hide();

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    form->addRow(tr("People who get it:"), m_recipients);
    form->addRow(tr("Left out:"), m_leftOut);
    form->addRow(tr("SMS parts per message:"), m_partsEach);
    form->addRow(tr("SMS parts in all:"), m_partsTotal);
    form->addRow(tr("Cost:"), m_tokens);
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
    for (QLabel *label : {m_recipients, m_leftOut, m_partsEach, m_partsTotal, m_tokens, m_balance, m_balanceAfter, m_encoding})
        label->setText(dash);
    m_warnings->hide();
    m_repeatSummary->hide();
    showSamples({});
}

void CampaignCostPanel::showPreview(const CampaignDraft &d, const CampaignPreview &p, int reserved)
{
    m_recipients->setText(tr("%Ln person(s)", nullptr, p.recipients));
    QStringList leftOut;
    if (p.optedOut > 0)
        leftOut << tr("%Ln who stopped messages", nullptr, p.optedOut);
    if (p.duplicates > 0)
        leftOut << tr("%Ln in more than one of the groups (they get it once)", nullptr, p.duplicates);
    if (p.cannotReceiveSms > 0)
        leftOut << tr("%Ln with a number that cannot receive SMS (landline)", nullptr, p.cannotReceiveSms);
    m_leftOut->setText(leftOut.isEmpty() ? tr("nobody") : leftOut.join(QStringLiteral("; ")));
    if (p.personalised && p.recipients > 0 && p.maxSegments * p.recipients != p.segments)
        m_partsEach->setText(tr("up to %1 (names change the length)").arg(p.maxSegments));
    else
        m_partsEach->setText(QString::number(p.maxSegments));
    m_partsTotal->setText(CampaignText::number(p.segments));
    const QString &account = d.accountName;
    const bool simulated = !d.chargeTokens;
    const bool repeating = d.recurrence.isRepeating();
    if (simulated)
        m_tokens->setText(tr("nothing (simulation)"));
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
    m_balanceAfter->setStyleSheet(after < 0 ? QStringLiteral("color: #b00020; font-weight: 600;") : QString());
    m_encoding->setText(p.encoding == QStringLiteral("GSM-7")       ? tr("plain (160 per SMS part)")
                            : p.encoding == QStringLiteral("UCS-2") ? tr("Unicode (70 per SMS part)")
                                                                    : tr("plain for some, Unicode for others"));

    QStringList warnings = p.warnings;
    if (simulated)
        warnings.prepend(tr("%1: simulated messages use no tokens.").arg(CampaignText::simulationLabel()));
    m_warnings->setText(warnings.join(u'\n'));
    m_warnings->setVisible(!warnings.isEmpty());
    m_warnings->setStyleSheet(p.warnings.isEmpty() ? NoticeStyle : WarningStyle);
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
    m_problem->setStyleSheet(tone == ProblemTone::Notice ? NoticeStyle : ProblemStyle);
    m_problem->setVisible(!text.isEmpty());
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
        auto *bubble = new QLabel(text, m_samplesBox);
        bubble->setObjectName(QStringLiteral("sampleMessageLabel"));
        bubble->setTextFormat(Qt::PlainText);
        bubble->setWordWrap(true);
        bubble->setTextInteractionFlags(Qt::TextSelectableByMouse);
        bubble->setStyleSheet(QStringLiteral("QLabel { background: #e8f5e9; border-radius: 10px; padding: 8px; }"));
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
