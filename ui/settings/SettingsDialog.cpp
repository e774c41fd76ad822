#include "SettingsDialog.h"

#include "common/Language.h"
#include "contacts/PhoneNormalizer.h"
#include "profile/Settings.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace kengele {

SettingsDialog::SettingsDialog(Settings &settings, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
{
    setWindowTitle(tr("Settings"));
    setObjectName(QStringLiteral("settingsDialog"));

    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("languageCombo"));
    for (const auto &[code, name] : Language::available())
        m_language->addItem(name, code);
    m_language->setCurrentIndex(qMax(0, m_language->findData(m_settings.language())));

    m_region = new QComboBox(this);
    m_region->setObjectName(QStringLiteral("regionCombo"));
    // The countries Kengele's users are in first, then the rest of the world.
    const QStringList common = {QStringLiteral("KE"), QStringLiteral("UG"), QStringLiteral("TZ"), QStringLiteral("RW"),
                                QStringLiteral("BI"), QStringLiteral("SS"), QStringLiteral("ET"), QStringLiteral("CD"),
                                QStringLiteral("ZM"), QStringLiteral("MW"), QStringLiteral("NG"), QStringLiteral("GH"),
                                QStringLiteral("ZA")};
    for (const QString &code : common)
        m_region->addItem(tr("%1 (%2)").arg(PhoneNormalizer::regionName(code), code), code);
    m_region->setCurrentIndex(qMax(0, m_region->findData(m_settings.phoneRegion())));

    auto *form = new QFormLayout;
    form->addRow(tr("Language:"), m_language);
    form->addRow(tr("Country for phone numbers:"), m_region);
    auto *hint = new QLabel(tr("Numbers typed without a country code, like 0712 345 678, are read as numbers of this country."), this);
    hint->setWordWrap(true);
    form->addRow(QString(), hint);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    setMinimumWidth(440);
}

void SettingsDialog::accept()
{
    const QString language = m_language->currentData().toString();
    m_languageChanged = language != m_settings.language();
    m_settings.setLanguage(language);
    m_settings.setPhoneRegion(m_region->currentData().toString());
    m_settings.sync();
    QDialog::accept();
}

} // namespace kengele
