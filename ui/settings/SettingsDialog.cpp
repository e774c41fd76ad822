// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "SettingsDialog.h"

#include "BackupSettingsWidget.h"
#include "GatewaySettingsWidget.h"
#include "RelaySettingsWidget.h"
#include "SendingSettingsWidget.h"
#include "common/Language.h"
#include "contacts/PhoneNormalizer.h"
#include "settings/Settings.h"
#include "widgets/HintLabel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace kengele {

namespace {

// Language::install sets the default locale with the translation.
QString languageOnScreen()
{
    return QLocale().language() == QLocale::Swahili ? QStringLiteral("sw") : QStringLiteral("en");
}

} // namespace

SettingsDialog::SettingsDialog(Settings &settings, SecretStore &secrets, RelayLinkStore &links, const Clock &clock,
                               QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
{
    setWindowTitle(tr("Settings"));
    setObjectName(QStringLiteral("settingsDialog"));

    auto *general = new QWidget(this);
    m_language = new QComboBox(general);
    m_language->setObjectName(QStringLiteral("languageCombo"));
    for (const auto &[code, name] : Language::available())
        m_language->addItem(name, code);
    // The language on screen, which may not be the profile's setting (a screen in Kiswahili must
    // not say "English" here).
    m_language->setCurrentIndex(qMax(0, m_language->findData(languageOnScreen())));

    m_region = new QComboBox(general);
    m_region->setObjectName(QStringLiteral("regionCombo"));
    // The countries Kengele's users are in first, then the rest of the world.
    const QStringList common
        = {QStringLiteral("KE"), QStringLiteral("UG"), QStringLiteral("TZ"), QStringLiteral("RW"), QStringLiteral("BI"),
           QStringLiteral("SS"), QStringLiteral("ET"), QStringLiteral("CD"), QStringLiteral("ZM"), QStringLiteral("MW"),
           QStringLiteral("NG"), QStringLiteral("GH"), QStringLiteral("ZA")};
    for (const QString &code : common)
        m_region->addItem(tr("%1 (%2)").arg(PhoneNormalizer::regionName(code), code), code);
    m_region->setCurrentIndex(qMax(0, m_region->findData(m_settings.phoneRegion())));

    auto *form = new QFormLayout(general);
    form->addRow(tr("Language:"), m_language);
    form->addRow(tr("Country for phone numbers:"), m_region);
    auto *hint = new QLabel(tr("Numbers typed without a country code, like 0712 345 678, are read as numbers of this country."),
                            general);
    hint->setWordWrap(true);
    form->addRow(QString(), hint);

    // Printed reports carry the church's name and logo at the top of every page.
    m_organisationName = new QLineEdit(m_settings.organisationName(), general);
    m_organisationName->setObjectName(QStringLiteral("organisationNameEdit"));
    m_organisationName->setPlaceholderText(tr("For example: St John's Parish, Nakuru"));
    m_organisationLogo = new QLineEdit(QDir::toNativeSeparators(m_settings.organisationLogo()), general);
    m_organisationLogo->setObjectName(QStringLiteral("organisationLogoEdit"));
    m_organisationLogo->setPlaceholderText(tr("No logo"));
    m_organisationLogo->setAccessibleName(tr("Logo for printed reports"));
    auto *chooseLogo = new QPushButton(tr("Choose…"), general);
    chooseLogo->setObjectName(QStringLiteral("chooseLogoButton"));
    connect(chooseLogo, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Logo for printed reports"), m_organisationLogo->text(),
                                                          tr("Images (*.png *.jpg *.jpeg *.svg *.bmp)"));
        if (!file.isEmpty())
            m_organisationLogo->setText(QDir::toNativeSeparators(file));
    });
    auto *logoRow = new QHBoxLayout;
    logoRow->addWidget(m_organisationLogo, 1);
    logoRow->addWidget(chooseLogo);
    form->addRow(tr("Church name:"), m_organisationName);
    form->addRow(tr("Logo:"), logoRow);
    auto *printHint = new QLabel(tr("The name and logo are printed at the top of every page of a report."), general);
    printHint->setWordWrap(true);
    form->addRow(QString(), printHint);
    auto *shared = new HintLabel(tr("The country for phone numbers and the church name are the same on all the church's "
                                    "computers: a change here reaches the others. The language and the logo are this "
                                    "computer's own."),
                                 general);
    shared->setObjectName(QStringLiteral("generalSharedHint"));
    form->addRow(QString(), shared);

    m_gateway = new GatewaySettingsWidget(m_settings, secrets, this);
    m_relay = new RelaySettingsWidget(m_settings, secrets, links, clock, this);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("settingsTabs"));
    m_tabs->addTab(general, tr("General"));
    m_tabs->addTab(m_gateway, tr("SMS gateway"));
    m_tabs->addTab(m_relay, tr("Relay"));
    m_sending = new SendingSettingsWidget(m_settings, this);
    m_tabs->addTab(m_sending, tr("Sending"));

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("okButton"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(m_buttons);
    setMinimumWidth(600);
    // Wrapped hints make the tabs' own size hints too short: leave them room.
    setMinimumHeight(640);
}

void SettingsDialog::addBackupsTab(BackupScheduler &scheduler, const Clock &clock)
{
    m_tabs->addTab(new BackupSettingsWidget(scheduler, clock, this), tr("Backups"));
}

void SettingsDialog::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(tab);
}

bool SettingsDialog::gatewayChanged() const
{
    return m_gateway->gatewayChanged();
}

bool SettingsDialog::gatewayRateChanged() const
{
    return m_sending->rateChanged();
}

void SettingsDialog::accept()
{
    if (m_saving)
        return;
    // The gateway first: a mistake there keeps the dialog open on that tab.
    if (!m_gateway->validate()) {
        showTab(GatewayTab);
        return;
    }
    m_saving = true;
    m_buttons->setEnabled(false);
    QPointer<SettingsDialog> self(this);
    // The API key goes to the keychain, which may take a moment; the dialog closes once it is stored.
    m_gateway->save([self](Status saved) {
        if (!self)
            return;
        self->m_saving = false;
        self->m_buttons->setEnabled(true);
        if (!saved) {
            self->showTab(GatewayTab);
            return;
        }
        const QString language = self->m_language->currentData().toString();
        self->m_languageChanged = language != languageOnScreen();
        self->m_settings.setLanguage(language);
        self->m_settings.setPhoneRegion(self->m_region->currentData().toString());
        self->m_settings.setOrganisationName(self->m_organisationName->text());
        self->m_settings.setOrganisationLogo(QDir::fromNativeSeparators(self->m_organisationLogo->text().trimmed()));
        self->m_settings.sync();
        self->QDialog::accept();
    });
}

} // namespace kengele
