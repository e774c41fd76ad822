#pragma once

#include <QDialog>

class QComboBox;

namespace kengele {

class Settings;

// Preferences of this profile: the interface language and the country used for numbers written
// without a country code.
class SettingsDialog final : public QDialog
{
    Q_OBJECT

public:
    SettingsDialog(Settings &settings, QWidget *parent = nullptr);

    void accept() override;
    bool languageChanged() const { return m_languageChanged; }

private:
    Settings &m_settings;
    QComboBox *m_language = nullptr;
    QComboBox *m_region = nullptr;
    bool m_languageChanged = false;
};

} // namespace kengele
