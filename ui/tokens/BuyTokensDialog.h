// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "sync/PurchaseRecord.h"
#include "sync/TokenShop.h"

#include <QDialog>
#include <QHash>

class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QStackedWidget;
class QTimer;

namespace kengele {

class Banner;
class TokenLedger;

// Buying tokens with M-Pesa (docs/relay.md, "Buying tokens"). First the choice: a card per plan on
// sale (its tokens, how long they last, the price the relay's operator set or that none is set,
// and its features in plain words), the number of the phone that pays and the budget the tokens go
// to. "Buy" asks the relay once (the button is off while it asks, so a double click is one
// purchase); then the purchase as it goes: "Check your phone and enter your M-Pesa PIN", paid with
// the receipt and "1,000 tokens added to Main account" once the voucher is credited, or why it was
// not paid. Closing the window loses nothing: the tokens come with the relay's feed whenever the
// payment arrives. Without a relay it says to connect one first and offers nothing to buy.
class BuyTokensDialog final : public QDialog
{
    Q_OBJECT

public:
    enum class Step { Choose, Asking, Waiting, Paid, Credited, Failed };

    BuyTokensDialog(TokenShop &shop, const TokenLedger &ledger, QWidget *parent = nullptr);

    // Pre-fills the number (the last one used) and the budget.
    void setPhone(const QString &phone);
    void setAccount(const QString &accountName);
    void choosePlan(const QString &planKey);
    // Presses "Buy".
    void buy();
    // Reads the purchase again (its state may have come with the relay's feed).
    void refreshState();
    // Shows a purchase asked for before (chosen on the Tokens page) as it goes now.
    void followPurchase(const QString &requestId);

    Step step() const { return m_step; }
    QString requestId() const { return m_requestId; }
    QString phoneProblem() const;

Q_SIGNALS:
    // "Open Settings → Relay": the window opens it (the dialog stays and looks again afterwards).
    void relaySettingsRequested();

private:
    QWidget *buildChoosePage();
    QWidget *buildProgressPage();
    QWidget *planCard(const ShopOffer::Item &item);
    void showOffer(const ShopOffer &offer);
    void updateChoice();
    void showPurchase(const PurchaseRecord &purchase);
    void setStep(Step step);
    QString chosenPlan() const;

    TokenShop &m_shop;
    const TokenLedger &m_ledger;
    Step m_step = Step::Choose;
    QString m_requestId;
    bool m_asking = false;
    ShopOffer m_offer;
    QString m_offerProblem;

    QStackedWidget *m_stack = nullptr;
    Banner *m_connection = nullptr;
    QPushButton *m_openRelaySettings = nullptr;
    Banner *m_offerNote = nullptr;
    QButtonGroup *m_plans = nullptr;
    QHash<QString, QRadioButton *> m_planButtons;
    QHash<QString, QLabel *> m_prices;
    QLineEdit *m_phone = nullptr;
    QLabel *m_phoneProblem = nullptr;
    QComboBox *m_account = nullptr;
    Banner *m_error = nullptr;
    QPushButton *m_buy = nullptr;
    QPushButton *m_close = nullptr;

    QLabel *m_title = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_text = nullptr;
    QProgressBar *m_waiting = nullptr;
    Banner *m_practice = nullptr;
    QLabel *m_closeNote = nullptr;
    QPushButton *m_again = nullptr;
    QTimer *m_poll = nullptr;
};

} // namespace kengele
