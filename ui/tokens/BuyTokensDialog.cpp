// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "BuyTokensDialog.h"

#include "TokensText.h"
#include "sync/FeatureLocks.h"
#include "sync/PurchaseStore.h"
#include "tokens/TokenAccount.h"
#include "tokens/TokenLedger.h"
#include "widgets/Banner.h"
#include "widgets/Colours.h"
#include "widgets/HintLabel.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontMetrics>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace kengele {

namespace {

// While a purchase waits, the relay is asked again this often, in case its feed is not running.
constexpr int PollMs = 15'000;

QString userName()
{
    return qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
}

QLabel *wrapped(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

Banner *banner(Banner::Kind kind, const QString &objectName, QWidget *parent)
{
    auto *b = new Banner(kind, parent);
    b->setObjectName(objectName);
    b->setWordWrap(true);
    b->setTextFormat(Qt::PlainText);
    b->hide();
    return b;
}

} // namespace

BuyTokensDialog::BuyTokensDialog(TokenShop &shop, const TokenLedger &ledger, QWidget *parent)
    : QDialog(parent)
    , m_shop(shop)
    , m_ledger(ledger)
{
    setObjectName(QStringLiteral("buyTokensDialog"));
    setWindowTitle(tr("Buy tokens"));

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(buildChoosePage());
    m_stack->addWidget(buildProgressPage());

    auto *buttons = new QDialogButtonBox(this);
    m_buy = buttons->addButton(tr("Buy"), QDialogButtonBox::AcceptRole);
    m_buy->setObjectName(QStringLiteral("buyButton"));
    m_buy->setDefault(true);
    m_again = buttons->addButton(tr("Try again…"), QDialogButtonBox::ActionRole);
    m_again->setObjectName(QStringLiteral("tryAgainButton"));
    m_close = buttons->addButton(QDialogButtonBox::Close);
    m_close->setObjectName(QStringLiteral("closeButton"));
    connect(m_buy, &QPushButton::clicked, this, &BuyTokensDialog::buy);
    connect(m_again, &QPushButton::clicked, this, [this] {
        m_requestId.clear();
        setStep(Step::Choose);
    });
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_stack, 1);
    layout->addWidget(buttons);

    // Room for the three cards side by side with their features; it fits a 1280x800 screen.
    setMinimumSize(780, 520);
    resize(880, 580);

    connect(&m_shop, &TokenShop::purchasesChanged, this, &BuyTokensDialog::refreshState);
    connect(&m_ledger, &TokenLedger::balancesChanged, this, &BuyTokensDialog::refreshState);
    m_poll = new QTimer(this);
    m_poll->setInterval(PollMs);
    connect(m_poll, &QTimer::timeout, this, [this] { m_shop.refreshPurchases([](const Result<QList<PurchaseRecord>> &) {}); });

    // The saved offer at once, the relay's newest when it answers.
    if (const Result<ShopOffer> saved = m_shop.offer(); saved)
        showOffer(*saved);
    QPointer<BuyTokensDialog> self(this);
    m_shop.refreshOffer([self](const Result<ShopOffer> &offer) {
        if (!self)
            return;
        if (offer) {
            self->m_offerProblem.clear();
            self->showOffer(*offer);
        } else {
            self->m_offerProblem = offer.error().message;
            self->updateChoice();
        }
    });
    setStep(Step::Choose);
}

QWidget *BuyTokensDialog::buildChoosePage()
{
    auto *page = new QWidget(this);
    m_connection = banner(Banner::Kind::Warning, QStringLiteral("buyConnectionBanner"), page);
    m_openRelaySettings = new QPushButton(tr("Open Settings → Relay"));
    m_openRelaySettings->setObjectName(QStringLiteral("buyOpenRelaySettingsButton"));
    m_connection->setButton(m_openRelaySettings);
    connect(m_openRelaySettings, &QPushButton::clicked, this, [this] {
        Q_EMIT relaySettingsRequested();
        updateChoice();
    });
    m_offerNote = banner(Banner::Kind::Info, QStringLiteral("buyOfferNote"), page);

    auto *intro = new QLabel(tr("<b>1. Choose a plan.</b> One token sends one SMS part to one person. Tokens you do not use "
                                "by the end of their days expire."),
                             page);
    intro->setObjectName(QStringLiteral("buyIntroLabel"));
    intro->setWordWrap(true);

    m_plans = new QButtonGroup(this);
    auto *cards = new QHBoxLayout;
    cards->setSpacing(10);
    for (const Plan &plan : Plan::all()) {
        if (plan.tier == PlanTier::Demo)
            continue; // given once to a new organisation, never sold
        cards->addWidget(planCard({plan, std::nullopt}), 1);
    }
    connect(m_plans, &QButtonGroup::idToggled, this, [this](int, bool on) {
        if (on)
            updateChoice();
    });

    auto *step2 = new QLabel(tr("<b>2. Who pays, and where the tokens go.</b>"), page);
    step2->setObjectName(QStringLiteral("buyStep2Label"));
    step2->setWordWrap(true);
    m_phone = new QLineEdit(page);
    m_phone->setObjectName(QStringLiteral("phoneEdit"));
    m_phone->setPlaceholderText(tr("For example: 0712 345 678"));
    m_phone->setMaxLength(20);
    m_phone->setAccessibleName(tr("M-Pesa number that pays"));
    auto *phoneHint = new HintLabel(tr("This phone gets a request to enter the M-Pesa PIN."), page);
    phoneHint->setObjectName(QStringLiteral("phoneHintLabel"));
    phoneHint->setMinimumWidth(420);
    m_phoneProblem = wrapped(QStringLiteral("phoneProblemLabel"), page);
    Colours::setTone(m_phoneProblem, Colours::Tone::Error);
    m_phoneProblem->hide();
    connect(m_phone, &QLineEdit::textEdited, this, [this] {
        m_error->hide();
        // Say what is wrong once the number looks finished, not at the first digit.
        if (!m_phoneProblem->isHidden() || m_phone->text().count(QRegularExpression(QStringLiteral("\\d"))) >= 10)
            updateChoice();
        else
            m_buy->setEnabled(!m_asking && !chosenPlan().isEmpty());
    });
    connect(m_phone, &QLineEdit::editingFinished, this, &BuyTokensDialog::updateChoice);
    m_account = new QComboBox(page);
    m_account->setObjectName(QStringLiteral("accountCombo"));
    m_account->setAccessibleName(tr("Budget the tokens go to"));
    if (const Result<QList<TokenAccount>> accounts = m_ledger.budgetAccounts(); accounts) {
        for (const TokenAccount &account : *accounts)
            m_account->addItem(tokenAccountLabel(account.name), account.name);
    }
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(tr("M-Pesa number that pays:"), m_phone);
    form->addRow(QString(), phoneHint);
    form->addRow(QString(), m_phoneProblem);
    form->addRow(tr("Add the tokens to:"), m_account);

    m_error = banner(Banner::Kind::Error, QStringLiteral("buyErrorBanner"), page);
    auto *noLoss = new HintLabel(tr("After “Buy”, you can close this window at any time: nothing is lost. The tokens are "
                                    "added when the payment arrives, even if Kengele was closed meanwhile."),
                                 page);
    noLoss->setObjectName(QStringLiteral("buyNoLossLabel"));

    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_connection);
    layout->addWidget(m_offerNote);
    layout->addWidget(intro);
    layout->addLayout(cards);
    layout->addSpacing(6);
    layout->addWidget(step2);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(noLoss);
    return page;
}

QWidget *BuyTokensDialog::planCard(const ShopOffer::Item &item)
{
    const Plan &plan = item.plan;
    const QString key = plan.key();
    auto *card = new QFrame(this);
    card->setObjectName(key + QStringLiteral("PlanCard"));
    card->setFrameShape(QFrame::StyledPanel);
    auto *radio = new QRadioButton(PurchaseStore::planName(key), card);
    radio->setObjectName(key + QStringLiteral("PlanRadio"));
    QFont bold = radio->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    radio->setFont(bold);
    m_plans->addButton(radio, int(plan.tier));
    m_planButtons.insert(key, radio);
    auto *size = wrapped(key + QStringLiteral("PlanSizeLabel"), card);
    size->setText(TokensText::planSize(plan));
    auto *price = wrapped(key + QStringLiteral("PlanPriceLabel"), card);
    m_prices.insert(key, price);
    QStringList features;
    for (const PlanFeature feature : Plan::features()) {
        if (plan.has(feature))
            features << QStringLiteral("• ") + FeatureLocks::featureName(feature);
    }
    auto *featureLabel = wrapped(key + QStringLiteral("PlanFeaturesLabel"), card);
    featureLabel->setText(features.join(u'\n'));
    radio->setAccessibleDescription(size->text() + u' ' + features.join(u' '));

    auto *layout = new QVBoxLayout(card);
    layout->addWidget(radio);
    layout->addWidget(size);
    layout->addWidget(price);
    layout->addWidget(featureLabel);
    layout->addStretch(1);
    return card;
}

void BuyTokensDialog::showOffer(const ShopOffer &offer)
{
    m_offer = offer;
    for (const ShopOffer::Item &item : offer.items) {
        QLabel *price = m_prices.value(item.plan.key());
        if (!price)
            continue;
        QFont font = price->font();
        font.setBold(item.priceKes.has_value());
        price->setFont(font);
        if (item.priceKes)
            price->setText(TokensText::shillings(*item.priceKes));
        else if (offer.known)
            price->setText(tr("No price set on your relay"));
        else
            price->setText(tr("Price: asking your relay…"));
        Colours::setTone(price, item.priceKes || !offer.known ? Colours::Tone::Normal : Colours::Tone::Hint,
                         item.priceKes.has_value());
    }
    updateChoice();
}

QString BuyTokensDialog::chosenPlan() const
{
    const int id = m_plans->checkedId();
    return id < 0 ? QString() : Plan::of(PlanTier(id)).key();
}

void BuyTokensDialog::setPhone(const QString &phone)
{
    m_phone->setText(phone);
    updateChoice();
}

void BuyTokensDialog::setAccount(const QString &accountName)
{
    const int index = m_account->findData(accountName);
    if (index >= 0)
        m_account->setCurrentIndex(index);
}

void BuyTokensDialog::choosePlan(const QString &planKey)
{
    if (QRadioButton *radio = m_planButtons.value(planKey); radio && radio->isEnabled())
        radio->setChecked(true);
}

QString BuyTokensDialog::phoneProblem() const
{
    return m_phoneProblem->isHidden() ? QString() : m_phoneProblem->text();
}

void BuyTokensDialog::updateChoice()
{
    const Status connected = m_shop.checkConnected();
    m_connection->setText(connected ? QString() : connected.error().message);
    m_connection->setVisible(!connected);

    // What the relay says about M-Pesa and prices.
    QString note;
    Banner::Kind kind = Banner::Kind::Info;
    if (connected && m_offer.known && !m_offer.canPay()) {
        note = tr("M-Pesa is not set up on your relay yet, so tokens cannot be bought. Ask whoever runs your relay.");
        kind = Banner::Kind::Warning;
    } else if (connected && !m_offerProblem.isEmpty() && !m_offer.known) {
        note = m_offerProblem;
        kind = Banner::Kind::Warning;
    } else if (connected && m_offer.mpesa == QStringLiteral("simulator")) {
        note = tr("Your relay uses practice M-Pesa: you can try buying, and no money is taken.");
    }
    m_offerNote->setKind(kind);
    m_offerNote->setText(note);
    m_offerNote->setVisible(!note.isEmpty());

    // A plan without a price cannot be chosen.
    for (const ShopOffer::Item &item : std::as_const(m_offer.items)) {
        if (QRadioButton *radio = m_planButtons.value(item.plan.key())) {
            const bool forSale = !m_offer.known || item.priceKes.has_value();
            if (!forSale && radio->isChecked()) {
                m_plans->setExclusive(false);
                radio->setChecked(false);
                m_plans->setExclusive(true);
            }
            radio->setEnabled(forSale && connected);
        }
    }

    const QString phone = m_phone->text().trimmed();
    const Result<QString> number = TokenShop::mpesaNumber(phone);
    m_phoneProblem->setText(phone.isEmpty() || number ? QString() : number.error().message);
    m_phoneProblem->setVisible(!phone.isEmpty() && !number);

    const bool canPay = !m_offer.known || m_offer.canPay();
    m_buy->setEnabled(connected && canPay && !m_asking && !chosenPlan().isEmpty() && number.has_value());
    m_buy->setToolTip(chosenPlan().isEmpty() ? tr("Choose a plan first.")
                                             : (number ? QString() : tr("Write the number of the phone that pays.")));
}

void BuyTokensDialog::buy()
{
    if (m_asking || m_step != Step::Choose)
        return;
    updateChoice();
    if (!m_buy->isEnabled())
        return;
    // Off at once, before the relay is asked: a second click (or a double click) does nothing.
    m_asking = true;
    m_buy->setEnabled(false);
    m_error->hide();
    PurchaseOrder order;
    order.plan = chosenPlan();
    order.phone = m_phone->text();
    order.account = m_account->currentData().toString();
    order.user = userName();
    setStep(Step::Asking);
    QPointer<BuyTokensDialog> self(this);
    m_shop.buy(order, [self](const Result<PurchaseRecord> &purchase) {
        if (!self)
            return; // the window was closed: the purchase goes on, the Tokens page shows it
        self->m_asking = false;
        if (!purchase) {
            self->setStep(Step::Choose);
            self->m_error->setText(purchase.error().message);
            self->m_error->show();
            self->updateChoice();
            return;
        }
        self->m_requestId = purchase->requestId;
        self->showPurchase(*purchase);
    });
}

void BuyTokensDialog::refreshState()
{
    if (m_requestId.isEmpty())
        return;
    const Result<std::optional<PurchaseRecord>> purchase = m_shop.purchase(m_requestId);
    if (purchase && purchase->has_value())
        showPurchase(**purchase);
}

void BuyTokensDialog::followPurchase(const QString &requestId)
{
    m_requestId = requestId;
    refreshState();
}

QWidget *BuyTokensDialog::buildProgressPage()
{
    auto *page = new QWidget(this);
    m_title = new QLabel(page);
    m_title->setObjectName(QStringLiteral("progressTitleLabel"));
    m_title->setWordWrap(true);
    QFont big = m_title->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.4);
    m_title->setFont(big);
    m_text = wrapped(QStringLiteral("progressTextLabel"), page);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont larger = m_text->font();
    larger.setPointSizeF(larger.pointSizeF() * 1.15);
    m_text->setFont(larger);
    // The stacked pages do not pass on height-for-width: room for the longest state (three lines).
    m_text->setMinimumHeight(QFontMetrics(larger).lineSpacing() * 4);
    m_summary = wrapped(QStringLiteral("progressSummaryLabel"), page);
    m_waiting = new QProgressBar(page);
    m_waiting->setObjectName(QStringLiteral("waitingBar"));
    m_waiting->setRange(0, 0);
    m_waiting->setTextVisible(false);
    m_waiting->setAccessibleName(tr("Waiting for M-Pesa"));
    m_practice = banner(Banner::Kind::Info, QStringLiteral("practicePaymentBanner"), page);
    m_closeNote = new HintLabel(QString(), page);
    m_closeNote->setObjectName(QStringLiteral("closeNoteLabel"));

    // The purchase in a panel near the top, the note about closing at the foot.
    auto *panel = new QFrame(page);
    panel->setObjectName(QStringLiteral("progressPanel"));
    panel->setFrameShape(QFrame::StyledPanel);
    auto *inner = new QVBoxLayout(panel);
    inner->setSpacing(10);
    inner->addWidget(m_title);
    inner->addWidget(m_summary);
    inner->addWidget(m_text);
    inner->addWidget(m_waiting);
    inner->addWidget(m_practice);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addSpacing(20);
    layout->addWidget(panel);
    layout->addStretch(1);
    layout->addWidget(m_closeNote);
    return page;
}

void BuyTokensDialog::showPurchase(const PurchaseRecord &p)
{
    const QString plan = PurchaseStore::planName(p.plan);
    const QString price = p.amountKes ? TokensText::shillings(*p.amountKes) : QString();
    //: The purchase in the Buy dialog: "Starter plan: 1,000 tokens, for 30 days · Main account"
    m_summary->setText(tr("%1 plan: %2 · %3")
                           .arg(plan, tr("%1, for %n day(s)", nullptr, p.validityDays).arg(TokensText::tokens(p.tokens)),
                                tokenAccountLabel(p.account)));
    switch (p.state) {
    case PurchaseState::Requesting:
        setStep(Step::Asking);
        return;
    case PurchaseState::Waiting:
        setStep(Step::Waiting);
        m_text->setText(
            (price.isEmpty()
                 ? tr("M-Pesa has asked the phone %1 to pay for %2 (%3).").arg(p.phone, plan, TokensText::tokens(p.tokens))
                 : tr("M-Pesa has asked the phone %1 to pay %2 for %3 (%4).")
                       .arg(p.phone, price, plan, TokensText::tokens(p.tokens)))
            + u'\n' + tr("Waiting for the payment… This page changes by itself when M-Pesa answers."));
        m_practice->setText(tr("Practice payment: your relay's practice M-Pesa answers by itself, and no money is taken."));
        m_practice->setVisible(p.simulated);
        return;
    case PurchaseState::Paid: {
        const bool credited = p.credited.isValid();
        setStep(credited ? Step::Credited : Step::Paid);
        QStringList lines;
        if (!p.receipt.isEmpty())
            lines << tr("M-Pesa receipt: %1").arg(p.receipt);
        if (credited)
            lines << TokensText::added(p.tokens, p.account);
        else
            lines << tr("The tokens are on their way: they are added as soon as your relay sends them, usually within a "
                        "minute.");
        m_text->setText(lines.join(u'\n'));
        m_practice->setText(TokensText::practicePaid());
        m_practice->setVisible(p.simulated);
        return;
    }
    case PurchaseState::Failed:
        break;
    }
    setStep(Step::Failed);
    const QString why = PurchaseStore::reasonText(p);
    m_text->setText((why.isEmpty() ? QString() : why + u'\n') + tr("Nothing was charged. You can try again."));
    m_practice->hide();
}

void BuyTokensDialog::setStep(Step step)
{
    m_step = step;
    const bool choosing = step == Step::Choose;
    m_stack->setCurrentIndex(choosing ? 0 : 1);
    m_buy->setVisible(choosing);
    m_again->setVisible(step == Step::Failed || step == Step::Credited);
    m_again->setText(step == Step::Failed ? tr("Try again…") : tr("Buy more…"));
    m_waiting->setVisible(step == Step::Asking || step == Step::Waiting);
    Colours::setTone(m_title,
                     step == Step::Failed ? Colours::Tone::Error
                                          : (step == Step::Credited ? Colours::Tone::Success : Colours::Tone::Normal));
    const bool polling = step == Step::Waiting || step == Step::Paid;
    if (polling && !m_poll->isActive())
        m_poll->start();
    else if (!polling)
        m_poll->stop();
    switch (step) {
    case Step::Choose:
        m_close->setText(tr("Close"));
        updateChoice();
        return;
    case Step::Asking:
        m_title->setText(tr("Asking your relay…"));
        m_text->setText(tr("Kengele is asking M-Pesa, through your relay, to send the payment request to the phone."));
        m_practice->hide();
        m_closeNote->setText(tr("You can close this window: nothing is lost."));
        break;
    case Step::Waiting:
        m_title->setText(tr("Check your phone and enter your M-Pesa PIN"));
        m_closeNote->setText(tr("You can close this window: nothing is lost. The tokens are added when the payment arrives, "
                                "even if you close Kengele, and the Tokens page shows the purchase."));
        break;
    case Step::Paid:
        m_title->setText(tr("Paid"));
        m_closeNote->setText(tr("You can close this window: the tokens are added when they arrive."));
        break;
    case Step::Credited:
        m_title->setText(tr("Paid: the tokens are here"));
        m_closeNote->setText(QString());
        break;
    case Step::Failed:
        m_title->setText(tr("The payment did not go through"));
        m_closeNote->setText(QString());
        break;
    }
    m_closeNote->setVisible(!m_closeNote->text().isEmpty());
    m_close->setText(step == Step::Credited || step == Step::Failed ? tr("Close") : tr("Close (nothing is lost)"));
}

} // namespace kengele
