// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "SendingSettingsWidget.h"

#include "settings/Settings.h"
#include "widgets/HintLabel.h"

#include <QCheckBox>
#include <QDialog>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLocale>
#include <QTimeEdit>
#include <QVBoxLayout>
#include <cmath>

namespace kengele {

namespace {

// Shown when there are no quiet hours, so that turning them back on starts from the usual hours.
const QTime UsualStart(21, 0);
const QTime UsualEnd(7, 0);

} // namespace

SendingSettingsWidget::SendingSettingsWidget(Settings &settings, QWidget *parent)
    : QWidget(parent)
    , m_settings(settings)
{
    setObjectName(QStringLiteral("sendingSettingsWidget"));

    auto *box = new QGroupBox(tr("Quiet hours"), this);
    auto *intro = new QLabel(tr("During the quiet hours only urgent messages go out; the others wait until the quiet hours "
                                "end, so nobody's phone rings in the night."),
                             box);
    intro->setWordWrap(true);
    m_start = new QTimeEdit(box);
    m_start->setObjectName(QStringLiteral("quietStartEdit"));
    m_start->setDisplayFormat(QStringLiteral("HH:mm"));
    m_end = new QTimeEdit(box);
    m_end->setObjectName(QStringLiteral("quietEndEdit"));
    m_end->setDisplayFormat(QStringLiteral("HH:mm"));
    m_noQuietHours = new QCheckBox(tr("No quiet hours: send at any hour of the day or night"), box);
    m_noQuietHours->setObjectName(QStringLiteral("noQuietHoursCheck"));
    m_explanation = new QLabel(box);
    m_explanation->setObjectName(QStringLiteral("quietHoursExplanationLabel"));
    m_explanation->setWordWrap(true);

    const bool quiet = m_settings.quietHoursEnabled();
    m_start->setTime(quiet ? m_settings.quietHoursStart() : UsualStart);
    m_end->setTime(quiet ? m_settings.quietHoursEnd() : UsualEnd);
    m_noQuietHours->setChecked(!quiet);

    auto *form = new QFormLayout;
    form->addRow(tr("From:"), m_start);
    form->addRow(tr("Until:"), m_end);
    auto *boxLayout = new QVBoxLayout(box);
    boxLayout->addWidget(intro);
    boxLayout->addLayout(form);
    boxLayout->addWidget(m_noQuietHours);
    boxLayout->addWidget(m_explanation);
    auto *shared = new HintLabel(tr("Quiet hours are the same on all the church's computers: a change here reaches the "
                                    "others. The sending speed below is this computer's own."),
                                 box);
    shared->setObjectName(QStringLiteral("quietHoursSharedHint"));
    boxLayout->addWidget(shared);
    auto *speedBox = new QGroupBox(tr("Sending speed"), this);
    m_rate = new QDoubleSpinBox(speedBox);
    m_rate->setObjectName(QStringLiteral("rateSpin"));
    m_rate->setRange(0, 1000);
    m_rate->setDecimals(0);
    m_rate->setSpecialValueText(tr("as fast as possible"));
    //: After a number: "20 SMS each second"
    m_rate->setSuffix(tr(" SMS each second"));
    m_rate->setValue(m_settings.gatewayRatePerSecond());
    m_rateExplanation = new QLabel(speedBox);
    m_rateExplanation->setObjectName(QStringLiteral("rateExplanationLabel"));
    m_rateExplanation->setWordWrap(true);
    auto *speedForm = new QFormLayout;
    speedForm->addRow(tr("At most:"), m_rate);
    auto *speedLayout = new QVBoxLayout(speedBox);
    speedLayout->addLayout(speedForm);
    speedLayout->addWidget(m_rateExplanation);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(box);
    layout->addWidget(speedBox);
    layout->addStretch(1);
    connect(m_rate, &QDoubleSpinBox::valueChanged, this, &SendingSettingsWidget::updateRate);
    updateRate();

    connect(m_noQuietHours, &QCheckBox::toggled, this, &SendingSettingsWidget::updateState);
    connect(m_start, &QTimeEdit::timeChanged, this, &SendingSettingsWidget::updateState);
    connect(m_end, &QTimeEdit::timeChanged, this, &SendingSettingsWidget::updateState);
    if (auto *dialog = qobject_cast<QDialog *>(parent))
        connect(dialog, &QDialog::accepted, this, &SendingSettingsWidget::save);
    updateState();
}

void SendingSettingsWidget::updateState()
{
    const bool off = m_noQuietHours->isChecked();
    m_start->setEnabled(!off);
    m_end->setEnabled(!off);
    const QString start = m_start->time().toString(QStringLiteral("HH:mm"));
    const QString end = m_end->time().toString(QStringLiteral("HH:mm"));
    if (off)
        m_explanation->setText(tr("Messages go out as soon as they are due, also at night."));
    else if (m_start->time() == m_end->time())
        m_explanation->setText(tr("The quiet hours start and end at the same time, so there are none: messages go out at "
                                  "any hour."));
    else
        m_explanation->setText(tr("From %1 until %2 only urgent messages go out; the others wait until %2.").arg(start, end));
}

void SendingSettingsWidget::updateRate()
{
    const double rate = m_rate->value();
    const QLocale locale;
    QString text;
    if (rate <= 0) {
        text = tr("Kengele sends SMS as fast as the connection allows.");
    } else {
        // What the number means for a real send: how long 1,000 SMS take.
        const double seconds = 1000.0 / rate;
        QString duration;
        if (seconds < 60)
            duration = tr("less than a minute");
        else if (seconds < 90)
            duration = tr("about a minute");
        else
            duration = tr("about %n minute(s)", nullptr, int(std::lround(seconds / 60)));
        text = tr("Kengele sends at most %1 SMS each second: 1,000 SMS go out in %2.").arg(locale.toString(int(rate)), duration);
    }
    text += u' ' + tr("Your SMS provider refuses SMS that come faster than your account allows; 20 suits most accounts.");
    m_rateExplanation->setText(text);
}

void SendingSettingsWidget::save()
{
    const double rateBefore = m_settings.gatewayRatePerSecond();
    m_settings.setGatewayRatePerSecond(m_rate->value());
    m_rateChanged = !qFuzzyCompare(rateBefore + 1, m_rate->value() + 1);
    if (m_noQuietHours->isChecked())
        m_settings.setQuietHoursOff();
    else
        m_settings.setQuietHours(m_start->time(), m_end->time());
    m_settings.sync();
}

} // namespace kengele
