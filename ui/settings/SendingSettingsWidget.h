// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QWidget>

class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QTimeEdit;

namespace kengele {

class Settings;

// Settings → Sending: the quiet hours, when only urgent messages go out (from and until, local
// time; the window may cross midnight), or "No quiet hours"; and the sending speed (SMS a second),
// said as how long 1,000 SMS take. Saved to Settings when the dialog it sits in is accepted
// (SettingsDialog's OK), or by save(); Cancel leaves the settings as they were.
class SendingSettingsWidget final : public QWidget
{
    Q_OBJECT

public:
    // parent: the dialog whose acceptance saves the form (when it is a QDialog).
    explicit SendingSettingsWidget(Settings &settings, QWidget *parent = nullptr);

    // Writes the form to the settings. The same time twice means no quiet hours.
    void save();
    // After save(): whether the sending speed changed (the dispatcher takes it without reconnecting).
    bool rateChanged() const { return m_rateChanged; }

private:
    void updateState();
    void updateRate();

    Settings &m_settings;
    QCheckBox *m_noQuietHours = nullptr;
    QTimeEdit *m_start = nullptr;
    QTimeEdit *m_end = nullptr;
    QLabel *m_explanation = nullptr;
    QDoubleSpinBox *m_rate = nullptr;
    QLabel *m_rateExplanation = nullptr;
    bool m_rateChanged = false;
};

} // namespace kengele
