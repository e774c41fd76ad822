// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "GatewaySettingsWidget.h"

#include "campaigns/GatewaySetup.h"
#include "gateway/AfricasTalkingGateway.h"
#include "gateway/GatewayConnection.h"
#include "security/SecretStore.h"
#include "settings/Settings.h"
#include "widgets/Banner.h"
#include "widgets/Colours.h"
#include "widgets/HintLabel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace kengele {

namespace {

QString apiKeyName()
{
    return QString::fromLatin1(GatewaySetup::ApiKeySecret);
}

} // namespace

GatewaySettingsWidget::GatewaySettingsWidget(Settings &settings, SecretStore &secrets, QWidget *parent)
    : QWidget(parent)
    , m_settings(settings)
    , m_secrets(secrets)
{
    setObjectName(QStringLiteral("gatewaySettingsWidget"));

    m_simulator = new QRadioButton(tr("Practice mode, to learn Kengele"), this);
    m_simulator->setObjectName(QStringLiteral("simulatorRadio"));
    m_africasTalking = new QRadioButton(tr("Africa's Talking, to send real SMS"), this);
    m_africasTalking->setObjectName(QStringLiteral("africasTalkingRadio"));
    m_simulationNotice = new Banner(Banner::Kind::Info, this);
    m_simulationNotice->setObjectName(QStringLiteral("simulationNoticeLabel"));
    m_simulationNotice->setWordWrap(true);
    m_simulationNotice->setText(tr("<b>Practice mode — no SMS leaves this computer.</b> Sending works as if it were real, "
                                   "with delivery reports; practice messages use no tokens."));

    // For a demonstration: practice delivery reports go out to the relay and come back through sync.
    m_reportUrlBox = new QWidget(this);
    m_reportUrl = new QLineEdit(m_settings.simulatorReportUrl(), m_reportUrlBox);
    m_reportUrl->setObjectName(QStringLiteral("simulatorReportUrlEdit"));
    m_reportUrl->setAccessibleName(tr("Hook address for practice delivery reports"));
    m_reportUrl->setPlaceholderText(tr("Optional: https://relay.example.org/hooks/…/at/delivery"));
    m_reportUrl->setClearButtonEnabled(true);
    auto *reportLayout = new QVBoxLayout(m_reportUrlBox);
    reportLayout->setContentsMargins(20, 0, 0, 0);
    reportLayout->addWidget(new QLabel(tr("Send practice delivery reports through the relay (hook address):"), m_reportUrlBox));
    reportLayout->addWidget(m_reportUrl);
    reportLayout->addWidget(
        new HintLabel(tr("For a demonstration: the reports go to the relay and come back like real ones."), m_reportUrlBox));

    m_username = new QLineEdit(m_settings.gatewayUsername(), this);
    m_username->setObjectName(QStringLiteral("usernameEdit"));
    m_username->setPlaceholderText(tr("The username of your Africa's Talking app"));
    m_apiKey = new QLineEdit(this);
    m_apiKey->setObjectName(QStringLiteral("apiKeyEdit"));
    m_apiKey->setEchoMode(QLineEdit::Password);
    m_apiKey->setClearButtonEnabled(true);
    m_keyStateLabel = new QLabel(this);
    m_keyStateLabel->setObjectName(QStringLiteral("apiKeyStateLabel"));
    m_keyStateLabel->setWordWrap(true);
    m_environment = new QComboBox(this);
    m_environment->setObjectName(QStringLiteral("environmentCombo"));
    m_environment->addItem(tr("Live: real SMS, paid from your account"), QStringLiteral("live"));
    m_environment->addItem(tr("Sandbox: a test area, no real SMS"), QStringLiteral("sandbox"));
    m_environment->setCurrentIndex(qMax(0, m_environment->findData(m_settings.gatewayEnvironment())));
    // Its long choices must not make the page wider than the dialog (they are elided; the list shows them whole).
    m_environment->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_environment->setMinimumContentsLength(20);
    connect(m_environment, &QComboBox::currentIndexChanged, this, [this] {
        // In the sandbox the username is always "sandbox".
        if (m_environment->currentData().toString() == QStringLiteral("sandbox") && m_username->text().trimmed().isEmpty())
            m_username->setText(QStringLiteral("sandbox"));
    });
    m_baseUrl = new QLineEdit(m_settings.gatewayBaseUrl(), this);
    m_baseUrl->setObjectName(QStringLiteral("baseUrlEdit"));
    m_baseUrl->setPlaceholderText(tr("Leave empty to use Africa's Talking's own address"));

    m_atBox = new QGroupBox(tr("Africa's Talking account"), this);
    m_atBox->setObjectName(QStringLiteral("africasTalkingBox"));
    auto *atForm = new QFormLayout(m_atBox);
    atForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    atForm->addRow(tr("Username:"), m_username);
    atForm->addRow(tr("API key:"), m_apiKey);
    atForm->addRow(QString(), m_keyStateLabel);
    atForm->addRow(tr("Where:"), m_environment);
    atForm->addRow(tr("Address (optional):"), m_baseUrl);

    m_senderId = new QLineEdit(m_settings.gatewaySenderId(), this);
    m_senderId->setObjectName(QStringLiteral("senderIdEdit"));
    m_senderId->setPlaceholderText(tr("The account's default"));
    m_senderId->setMaxLength(30);
    connect(m_senderId, &QLineEdit::textChanged, this, [this] {
        const Status valid = AfricasTalkingGateway::validateSenderId(m_senderId->text());
        showError(valid ? QString() : valid.error().message);
    });
    m_test = new QPushButton(tr("Test connection"), this);
    m_test->setObjectName(QStringLiteral("testConnectionButton"));
    m_test->setAutoDefault(false);
    m_test->setToolTip(tr("Ask the gateway for its balance, without sending anything."));
    connect(m_test, &QPushButton::clicked, this, &GatewaySettingsWidget::testConnection);
    m_testResult = new QLabel(this);
    m_testResult->setObjectName(QStringLiteral("connectionResultLabel"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextFormat(Qt::PlainText);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("gatewayErrorLabel"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    Colours::setTone(m_error, Colours::Tone::Error);
    m_error->hide();

    auto *general = new QFormLayout;
    general->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    general->addRow(tr("Sender ID:"), m_senderId);
    // One hint, with which of these the church's other computers share (architecture.md §7).
    auto *senderHint = new HintLabel(tr("The name people see as the sender: up to 11 letters, digits and spaces, registered with "
                                        "Africa's Talking. Leave it empty to use your account's default.")
                                         + u' '
                                         + tr("The sender ID, the username and where are the same on all the church's "
                                              "computers; the API key stays on this one: type it on each computer that sends."),
                                     this);
    senderHint->setObjectName(QStringLiteral("gatewaySharedHint"));
    general->addRow(QString(), senderHint);

    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_test, 0, Qt::AlignTop);
    testRow->addWidget(m_testResult, 1);

    // In a scroll area: a long answer under "Test connection" or a mistake in the form must not
    // push the last line out of a small screen (Settings → Sending holds the sending speed).
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->addWidget(new QLabel(tr("<b>Send SMS through:</b>"), this));
    layout->addWidget(m_simulator);
    layout->addWidget(m_simulationNotice);
    layout->addWidget(m_reportUrlBox);
    layout->addWidget(m_africasTalking);
    layout->addWidget(m_atBox);
    layout->addLayout(general);
    layout->addLayout(testRow);
    layout->addWidget(m_error);
    layout->addStretch();
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("gatewayScrollArea"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(content);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    (m_settings.gatewayProvider() == GatewayKind::AfricasTalking ? m_africasTalking : m_simulator)->setChecked(true);
    connect(m_africasTalking, &QRadioButton::toggled, this, &GatewaySettingsWidget::updateVisibility);
    updateVisibility();
}

GatewaySettingsWidget::~GatewaySettingsWidget() = default;

bool GatewaySettingsWidget::useAfricasTalking() const
{
    return m_africasTalking->isChecked();
}

void GatewaySettingsWidget::updateVisibility()
{
    const bool at = useAfricasTalking();
    m_simulationNotice->setVisible(!at);
    m_reportUrlBox->setVisible(!at);
    m_atBox->setEnabled(at);
    m_testResult->clear();
    // The keychain is asked only once Africa's Talking is in play.
    if (at && m_keyState == KeyState::Unknown)
        readKeyState();
    showKeyState();
}

void GatewaySettingsWidget::readKeyState()
{
    m_keyState = KeyState::Reading;
    QPointer<GatewaySettingsWidget> self(this);
    m_secrets.read(apiKeyName(), [self](Result<QString> key) {
        if (!self)
            return;
        if (key && !key->isEmpty())
            self->m_keyState = KeyState::Saved;
        else if (!key && key.error().code != ErrorCode::NotFound)
            self->m_keyState = KeyState::Unreadable;
        else
            self->m_keyState = KeyState::Missing;
        self->showKeyState();
    });
}

void GatewaySettingsWidget::showKeyState()
{
    switch (m_keyState) {
    case KeyState::Unknown:
        m_keyStateLabel->clear();
        m_apiKey->setPlaceholderText(QString());
        break;
    case KeyState::Reading:
        m_keyStateLabel->setText(tr("Looking for a saved key…"));
        m_apiKey->setPlaceholderText(QString());
        break;
    case KeyState::Saved:
        m_keyStateLabel->setText(tr("A key is saved in this computer's password store. Type a new one only to replace it."));
        m_apiKey->setPlaceholderText(tr("Saved"));
        break;
    case KeyState::Missing:
        m_keyStateLabel->setText(tr("Paste the API key from the Africa's Talking dashboard (Settings → API Key). It is kept in "
                                    "this computer's password store, never in Kengele's files."));
        m_apiKey->setPlaceholderText(QString());
        break;
    case KeyState::Unreadable:
        m_keyStateLabel->setText(tr("This computer's password store could not be read. A key you type here is saved there."));
        m_apiKey->setPlaceholderText(QString());
        break;
    }
}

void GatewaySettingsWidget::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

QString GatewaySettingsWidget::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

QString GatewaySettingsWidget::testResultText() const
{
    return m_testResult->text();
}

Status GatewaySettingsWidget::validate()
{
    Status result;
    const QString reportUrl = m_reportUrl->text().trimmed();
    const QUrl report(reportUrl, QUrl::StrictMode);
    if (const Status sender = AfricasTalkingGateway::validateSenderId(m_senderId->text()); !sender) {
        result = sender;
    } else if (!useAfricasTalking() && !reportUrl.isEmpty()
               && (!report.isValid() || (report.scheme() != QStringLiteral("http") && report.scheme() != QStringLiteral("https"))
                   || report.host().isEmpty())) {
        result = fail(ErrorCode::InvalidInput,
                      tr("“%1” is not a web address. Paste the relay's delivery-report hook address "
                         "(it ends in /at/delivery), or leave the field empty.")
                          .arg(reportUrl));
    } else if (useAfricasTalking()) {
        AfricasTalkingGateway::Settings at;
        at.username = m_username->text().trimmed();
        // The key itself is checked by Africa's Talking; here only that there is one.
        const bool keyKnown = !m_apiKey->text().trimmed().isEmpty() || m_keyState != KeyState::Missing;
        at.apiKey = keyKnown ? QStringLiteral("present") : QString();
        at.environment = m_environment->currentData().toString() == QStringLiteral("sandbox")
            ? AfricasTalkingGateway::Environment::Sandbox
            : AfricasTalkingGateway::Environment::Live;
        at.baseUrl = QUrl(m_baseUrl->text().trimmed(), QUrl::StrictMode);
        result = AfricasTalkingGateway::validate(at);
    }
    showError(result ? QString() : result.error().message);
    return result;
}

QString GatewaySettingsWidget::settingsSignature() const
{
    // What the dispatcher's gateways are made from (the sender ID travels with each campaign).
    const GatewayKind provider = m_settings.gatewayProvider();
    if (provider != GatewayKind::AfricasTalking)
        return toText(provider) + u'\n' + m_settings.simulatorReportUrl();
    return QStringList{toText(provider), m_settings.gatewayUsername(), m_settings.gatewayEnvironment(),
                       m_settings.gatewayBaseUrl()}
        .join(u'\n');
}

void GatewaySettingsWidget::save(const std::function<void(Status)> &done)
{
    if (Status valid = validate(); !valid) {
        done(valid);
        return;
    }
    QPointer<GatewaySettingsWidget> self(this);
    auto store = [self, done](bool keyWritten) {
        if (!self)
            return;
        Settings &settings = self->m_settings;
        const QString before = self->settingsSignature();
        settings.setGatewayProvider(self->useAfricasTalking() ? GatewayKind::AfricasTalking : GatewayKind::Simulator);
        settings.setGatewayUsername(self->m_username->text().trimmed());
        settings.setGatewayEnvironment(self->m_environment->currentData().toString());
        settings.setGatewayBaseUrl(self->m_baseUrl->text().trimmed());
        settings.setGatewaySenderId(self->m_senderId->text());
        if (!self->useAfricasTalking())
            settings.setSimulatorReportUrl(self->m_reportUrl->text().trimmed());
        settings.sync();
        self->m_changed = keyWritten || before != self->settingsSignature();
        done({});
    };
    const QString key = m_apiKey->text().trimmed();
    if (!useAfricasTalking() || key.isEmpty()) {
        store(false);
        return;
    }
    m_secrets.write(apiKeyName(), key, [self, store, done](Status written) {
        if (!self)
            return;
        if (!written) {
            self->showError(tr("The API key could not be saved: %1").arg(written.error().message));
            done(written);
            return;
        }
        self->m_apiKey->clear();
        self->m_keyState = KeyState::Saved;
        self->showKeyState();
        store(true);
    });
}

void GatewaySettingsWidget::testConnection()
{
    if (m_connection)
        return;
    m_testResult->clear();
    if (const Status valid = validate(); !valid) {
        showTestResult(false, valid.error().message);
        return;
    }
    if (!useAfricasTalking()) {
        connectAndAsk(QString());
        return;
    }
    const QString typed = m_apiKey->text().trimmed();
    if (!typed.isEmpty()) {
        connectAndAsk(typed);
        return;
    }
    // Test with the saved key, read from the keychain without waiting for it.
    m_test->setEnabled(false);
    m_testResult->setText(tr("Reading the saved API key…"));
    QPointer<GatewaySettingsWidget> self(this);
    m_secrets.read(apiKeyName(), [self](Result<QString> key) {
        if (!self)
            return;
        self->m_test->setEnabled(true);
        if (!key || key->isEmpty()) {
            self->showTestResult(false, tr("There is no saved API key. Type the key from the Africa's Talking dashboard."));
            return;
        }
        self->connectAndAsk(*key);
    });
}

void GatewaySettingsWidget::connectAndAsk(const QString &apiKey)
{
    QString whyNot;
    if (useAfricasTalking()) {
        AfricasTalkingGateway::Settings at;
        at.username = m_username->text().trimmed();
        at.apiKey = apiKey;
        at.environment = m_environment->currentData().toString() == QStringLiteral("sandbox")
            ? AfricasTalkingGateway::Environment::Sandbox
            : AfricasTalkingGateway::Environment::Live;
        at.baseUrl = QUrl(m_baseUrl->text().trimmed());
        at.requestTimeoutMs = 20'000;
        m_connection = GatewayConnection::africasTalking(at, &whyNot);
    } else {
        m_connection = GatewayConnection::simulation(SimulatorOptions{}, &whyNot);
    }
    if (!m_connection) {
        showTestResult(false, whyNot);
        return;
    }
    m_test->setEnabled(false);
    Colours::setTone(m_testResult, Colours::Tone::Normal);
    m_testResult->setText(m_connection->isSimulation() ? tr("Checking practice mode…")
                                                       : tr("Asking %1 for the balance…").arg(m_connection->displayName()));
    GatewayConnection *connection = m_connection.get();
    QPointer<GatewaySettingsWidget> self(this);
    connection->balance([self, connection](Result<GatewayBalance> balance) {
        if (!self || self->m_connection.get() != connection)
            return;
        const QString name = connection->displayName();
        const bool practice = connection->isSimulation();
        // Not deleted inside its own callback: after it returns.
        self->m_connection.release()->deleteLater();
        self->m_test->setEnabled(true);
        if (practice && balance)
            self->showTestResult(true, tr("Practice mode is ready. Balance (practice): %1").arg(balance->text));
        else if (balance)
            self->showTestResult(true, tr("Connected to %1. Balance: %2").arg(name, balance->text));
        else
            self->showTestResult(false, tr("Could not connect to %1: %2").arg(name, balance.error().message));
    });
}

void GatewaySettingsWidget::showTestResult(bool ok, const QString &text)
{
    Colours::setTone(m_testResult, ok ? Colours::Tone::Success : Colours::Tone::Error);
    m_testResult->setText(text);
    Q_EMIT testFinished(ok);
}

} // namespace kengele
