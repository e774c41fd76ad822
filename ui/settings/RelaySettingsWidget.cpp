// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "RelaySettingsWidget.h"

#include "campaigns/CampaignText.h"
#include "common/Clock.h"
#include "inbox/RelayStatusText.h"
#include "settings/Settings.h"
#include "sync/RelayClient.h"
#include "sync/RelayConnector.h"
#include "sync/RelayLinkStore.h"
#include "sync/RelaySyncService.h"
#include "widgets/Colours.h"
#include "widgets/HintLabel.h"

#include <QCoreApplication>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QPointer>
#include <QPushButton>
#include <QSysInfo>
#include <QUrl>
#include <QVBoxLayout>

namespace kengele {

namespace {

QLabel *value(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

// One connection attempt: it lives until the relay and the keychain have answered, even if the
// settings are closed meanwhile, and is deleted after its last callback has returned.
struct ConnectAttempt {
    ConnectAttempt(Settings &settings, SecretStore &secrets, RelayLinkStore &links)
        : client(network)
        , connector(settings, secrets, links, client)
    {
        // A redirect would take the enrolment code elsewhere (RelayClient refuses them per request too).
        network.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    }
    QNetworkAccessManager network;
    RelayClient client;
    RelayConnector connector;
};

} // namespace

RelaySettingsWidget::RelaySettingsWidget(Settings &settings, SecretStore &secrets, RelayLinkStore &links, const Clock &clock,
                                         QWidget *parent)
    : QWidget(parent)
    , m_settings(settings)
    , m_secrets(secrets)
    , m_links(links)
    , m_clock(clock)
{
    setObjectName(QStringLiteral("relaySettingsWidget"));

    // Normal text, not a hint: it is what the page is about.
    auto *intro = new QLabel(RelayStatusText::whatItDoes() + u' '
                                 + tr("So members' replies and the reports of your SMS wait for this computer while it is "
                                      "off. Your administrator gives you the relay's address and a one-time enrolment code."),
                             this);
    intro->setObjectName(QStringLiteral("relayExplanationLabel"));
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);

    m_linkBox = new QGroupBox(tr("Connected"), this);
    m_linkBox->setObjectName(QStringLiteral("relayLinkBox"));
    m_organisation = value(QStringLiteral("relayOrganisationLabel"), m_linkBox);
    m_address = value(QStringLiteral("relayAddressLabel"), m_linkBox);
    m_lastSync = value(QStringLiteral("relayLastSyncLabel"), m_linkBox);
    m_state = value(QStringLiteral("relayStateLabel"), m_linkBox);
    // Why it is not syncing, in the sync's own words (normal text: it is what to act on).
    m_reason = value(QStringLiteral("relayReasonLabel"), m_linkBox);
    m_reason->hide();
    m_reconnect = new QPushButton(RelayStatusText::reconnectText(), m_linkBox);
    m_reconnect->setObjectName(QStringLiteral("relayReconnectButton"));
    m_reconnect->setAutoDefault(false);
    m_reconnect->setToolTip(tr("Enter a new enrolment code from your administrator below."));
    m_reconnect->hide();
    connect(m_reconnect, &QPushButton::clicked, this, &RelaySettingsWidget::reconnect);
    auto *stateColumn = new QVBoxLayout;
    stateColumn->setContentsMargins(0, 0, 0, 0);
    stateColumn->addWidget(m_state);
    stateColumn->addWidget(m_reason);
    stateColumn->addWidget(m_reconnect, 0, Qt::AlignLeft);
    auto *linkForm = new QFormLayout(m_linkBox);
    linkForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    linkForm->addRow(tr("Organisation:"), m_organisation);
    linkForm->addRow(tr("Relay address:"), m_address);
    linkForm->addRow(tr("Last sync:"), m_lastSync);
    linkForm->addRow(tr("Status:"), stateColumn);

    m_connectBox = new QGroupBox(this);
    m_connectBox->setObjectName(QStringLiteral("relayConnectBox"));
    m_url = new QLineEdit(m_settings.relayUrl(), m_connectBox);
    m_url->setObjectName(QStringLiteral("relayUrlEdit"));
    m_url->setPlaceholderText(tr("https://relay.example.org"));
    m_code = new QLineEdit(m_connectBox);
    m_code->setObjectName(QStringLiteral("enrolmentCodeEdit"));
    m_code->setPlaceholderText(tr("KGL-…"));
    m_name = new QLineEdit(QSysInfo::machineHostName(), m_connectBox);
    m_name->setObjectName(QStringLiteral("deviceNameEdit"));
    m_name->setMaxLength(60);
    m_connect = new QPushButton(tr("Connect"), m_connectBox);
    m_connect->setObjectName(QStringLiteral("relayConnectButton"));
    m_connect->setAutoDefault(false);
    connect(m_connect, &QPushButton::clicked, this, &RelaySettingsWidget::connectDevice);
    m_result = new QLabel(m_connectBox);
    m_result->setObjectName(QStringLiteral("relayResultLabel"));
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::PlainText);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *connectForm = new QFormLayout(m_connectBox);
    connectForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    connectForm->addRow(tr("Relay address:"), m_url);
    connectForm->addRow(tr("Enrolment code:"), m_code);
    connectForm->addRow(QString(), new HintLabel(tr("A code works once, for a limited time (usually 24 hours)."), m_connectBox));
    connectForm->addRow(tr("Name of this computer:"), m_name);
    connectForm->addRow(QString(), new HintLabel(tr("So your administrator can tell the office computers apart."), m_connectBox));
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addWidget(m_connect, 0, Qt::AlignTop);
    buttonRow->addWidget(m_result, 1);
    connectForm->addRow(buttonRow);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_linkBox);
    layout->addWidget(m_connectBox);
    layout->addStretch();

    showLink();
}

RelaySettingsWidget::~RelaySettingsWidget() = default;

void RelaySettingsWidget::setRelaySyncService(RelaySyncService *sync)
{
    disconnect(m_syncConnection);
    m_sync = sync;
    m_hasStatus = sync != nullptr;
    m_status = sync ? sync->status() : RelaySyncStatus{};
    if (sync)
        m_syncConnection = connect(sync, &RelaySyncService::statusChanged, this, &RelaySettingsWidget::showStatus);
    showLink();
}

void RelaySettingsWidget::showStatus(const RelaySyncStatus &status)
{
    m_status = status;
    m_hasStatus = true;
    showLink();
}

void RelaySettingsWidget::reconnect()
{
    // Connecting again is the form below with a new code: straight there.
    m_connectBox->setTitle(tr("Connect this computer again"));
    m_code->setFocus(Qt::OtherFocusReason);
}

void RelaySettingsWidget::showLink()
{
    const Result<RelayLink> link = m_links.load();
    const bool linked = link && link->isEnrolled() && !m_settings.relayUrl().isEmpty();
    m_linkBox->setVisible(linked);
    m_connectBox->setTitle(linked ? tr("Connect again, or to another relay") : tr("Connect this computer"));
    if (!linked)
        return;
    // The organisation's name only: its id at the relay (org_…) means nothing to anyone here.
    const QString host = QUrl(m_settings.relayUrl()).host();
    m_organisation->setText(!link->orgName.isEmpty()
                                ? link->orgName
                                : tr("The organisation at %1").arg(host.isEmpty() ? m_settings.relayUrl() : host));
    m_address->setText(m_settings.relayUrl());
    const RelaySyncStatus &status = m_status;
    const QDateTime lastSync = status.lastSync.isValid() ? status.lastSync : link->lastSync;
    m_lastSync->setText(lastSync.isValid() ? CampaignText::dayAndTime(lastSync) : tr("never"));
    RelayStatusText::Indicator indicator;
    if (m_hasStatus) {
        indicator = RelayStatusText::indicator(status, true, m_clock.nowUtc());
        m_state->setText(indicator.text);
    } else {
        m_state->setText(tr("Not syncing: Kengele syncs with the relay while it is open."));
    }
    Colours::setTone(m_state,
                     indicator.reason.isEmpty() && !indicator.offersReconnect ? Colours::Tone::Normal : Colours::Tone::Error);
    m_reason->setText(indicator.reason);
    m_reason->setVisible(!indicator.reason.isEmpty());
    m_reconnect->setVisible(indicator.offersReconnect);
    if (indicator.offersReconnect)
        m_connectBox->setTitle(tr("Connect this computer again"));
}

QString RelaySettingsWidget::resultText() const
{
    return m_result->text();
}

QString RelaySettingsWidget::connectionText() const
{
    return m_linkBox->isHidden() ? QString() : m_organisation->text();
}

void RelaySettingsWidget::showResult(bool ok, const QString &text)
{
    Colours::setTone(m_result, ok ? Colours::Tone::Success : Colours::Tone::Error);
    m_result->setText(text);
}

void RelaySettingsWidget::connectDevice()
{
    if (m_connecting)
        return;
    const RelayResult<QUrl> url = RelayClient::parseUrl(m_url->text());
    if (!url) {
        showResult(false, url.error().message);
        Q_EMIT connectFailed(url.error().message);
        return;
    }
    m_connecting = true;
    m_connect->setEnabled(false);
    Colours::setTone(m_result, Colours::Tone::Normal);
    m_result->setText(tr("Connecting to %1…").arg(url->toString()));
    auto *attempt = new ConnectAttempt(m_settings, m_secrets, m_links);
    const QString name = m_name->text().trimmed().isEmpty() ? QSysInfo::machineHostName() : m_name->text().trimmed();
    QPointer<RelaySettingsWidget> self(this);
    attempt->connector.connectDevice(m_url->text(), m_code->text(), name, [self, attempt](Result<RelayEnrolment> enrolled) {
        // Not deleted inside its own callback: after it has returned.
        QMetaObject::invokeMethod(
            QCoreApplication::instance(), [attempt] { delete attempt; }, Qt::QueuedConnection);
        if (!self)
            return;
        self->m_connecting = false;
        self->m_connect->setEnabled(true);
        if (!enrolled) {
            self->showResult(false, enrolled.error().message);
            Q_EMIT self->connectFailed(enrolled.error().message);
            return;
        }
        self->m_code->clear();
        // Never the organisation's id at the relay (org_…): its name, or the relay's address.
        const QString organisation = enrolled->orgName.isEmpty() ? self->m_settings.relayUrl() : enrolled->orgName;
        self->showResult(
            true,
            tr("Connected to “%1”. Messages from members and delivery reports now come to this computer.").arg(organisation));
        self->showLink();
        Q_EMIT self->connected();
    });
}

} // namespace kengele
