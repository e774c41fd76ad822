// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "WelcomePage.h"

#include "security/RoleGate.h"
#include "widgets/Icons.h"

#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace kengele {

namespace {
// Wide enough for the three steps side by side with their words; wider only makes lines long.
constexpr int MaxContentWidth = 900;
constexpr int NumberSize = 34;
} // namespace

WelcomePage::WelcomePage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("welcomePage"));

    auto *title = new QLabel(tr("<h1>Welcome to Kengele</h1>"), this);
    title->setObjectName(QStringLiteral("welcomeTitleLabel"));
    auto *lead = new QLabel(tr("Three steps to your first SMS to the congregation. You can come back to this page any time "
                               "from Help → Getting started."),
                            this);
    lead->setWordWrap(true);

    auto *import = new QPushButton(Icons::icon(Icons::Contact, QPalette::ButtonText), tr("Import contacts…"), this);
    import->setObjectName(QStringLiteral("welcomeImportButton"));
    connect(import, &QPushButton::clicked, this, &WelcomePage::importRequested);
    auto *practise = new QPushButton(Icons::icon(Icons::Send, QPalette::ButtonText), tr("Practise a send…"), this);
    practise->setObjectName(QStringLiteral("welcomePractiseButton"));
    connect(practise, &QPushButton::clicked, this, &WelcomePage::practiseRequested);
    auto *goLive
        = new QPushButton(Icons::icon(Icons::Settings, QPalette::ButtonText), tr("Open the SMS gateway settings…"), this);
    goLive->setObjectName(QStringLiteral("welcomeGoLiveButton"));
    connect(goLive, &QPushButton::clicked, this, &WelcomePage::goLiveRequested);

    QWidget *first = step(
        1, tr("Add your people"),
        tr("Bring in the list you already have: an Excel sheet (saved as CSV) or the contacts from a phone (a vCard file). "
           "Kengele shows you what it found before it adds anyone. The made-up demo people can be removed any time with "
           "File → Remove the demo congregation."),
        import, "welcomeImportLabel");
    QWidget *second = step(2, tr("Practise a send"),
                           tr("Choose a group, write a message and send it in practice mode. Nothing leaves this computer and "
                              "practice messages use no tokens, so try as often as you like. You see each message as the "
                              "person would get it."),
                           practise, "welcomePractiseLabel");
    QWidget *third = step(
        3, tr("Go live"),
        tr("Real SMS go through Africa's Talking, a company that delivers SMS to every network in Kenya. Open an account on "
           "their website, africastalking.com, and buy SMS credit there. Then, in your account's settings on their website, "
           "create an API key: a long password that lets Kengele send SMS in your church's name. Copy it and paste it "
           "here, in Settings → SMS gateway, with your account's username."),
        goLive, "welcomeGoLiveLabel");

    auto *done = new QPushButton(tr("Start using Kengele"), this);
    done->setObjectName(QStringLiteral("welcomeDoneButton"));
    done->setDefault(true);
    connect(done, &QPushButton::clicked, this, &WelcomePage::doneRequested);

    auto *content = new QWidget(this);
    content->setMaximumWidth(MaxContentWidth);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(16, 16, 16, 16);
    contentLayout->setSpacing(16);
    contentLayout->addWidget(title);
    contentLayout->addWidget(lead);
    contentLayout->addSpacing(4);
    contentLayout->addWidget(first);
    contentLayout->addWidget(second);
    contentLayout->addWidget(third);
    contentLayout->addSpacing(4);
    contentLayout->addWidget(done, 0, Qt::AlignRight);
    contentLayout->addStretch(1);

    // Centred, and scrolling rather than squeezing on a small screen or with longer words.
    auto *holder = new QWidget(this);
    auto *holderLayout = new QHBoxLayout(holder);
    holderLayout->setContentsMargins(0, 0, 0, 0);
    holderLayout->addStretch(0);
    holderLayout->addWidget(content, 1);
    holderLayout->addStretch(0);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(holder);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);
}

QWidget *WelcomePage::step(int number, const QString &heading, const QString &text, QPushButton *button, const char *labelName)
{
    auto *card = new QFrame(this);
    card->setObjectName(QStringLiteral("welcomeStep%1").arg(number));
    // A quiet frame in the theme's own colours (light and dark alike).
    card->setStyleSheet(QStringLiteral("#welcomeStep%1 { border: 1px solid palette(mid); border-radius: 8px; "
                                       "background: palette(base); }")
                            .arg(number));

    auto *badge = new QLabel(QString::number(number), card);
    badge->setAlignment(Qt::AlignCenter);
    badge->setFixedSize(NumberSize, NumberSize);
    badge->setStyleSheet(QStringLiteral("background: palette(highlight); color: palette(highlighted-text); "
                                        "border-radius: %1px; font-weight: bold; font-size: 13pt;")
                             .arg(NumberSize / 2));
    badge->setAccessibleName(tr("Step %1").arg(number));

    auto *title = new QLabel(QStringLiteral("<b>%1</b>").arg(heading.toHtmlEscaped()), card);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    title->setFont(titleFont);
    auto *body = new QLabel(text, card);
    body->setObjectName(QString::fromLatin1(labelName));
    body->setWordWrap(true);
    body->setTextFormat(Qt::PlainText);
    body->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *grid = new QGridLayout(card);
    grid->setContentsMargins(18, 16, 18, 16);
    grid->setHorizontalSpacing(16);
    grid->setVerticalSpacing(6);
    grid->addWidget(badge, 0, 0, 2, 1, Qt::AlignTop);
    grid->addWidget(title, 0, 1);
    grid->addWidget(body, 1, 1);
    grid->addWidget(button, 0, 2, 2, 1, Qt::AlignVCenter);
    grid->setColumnStretch(1, 1);
    return card;
}

void WelcomePage::setRoleGate(RoleGate &gate)
{
    gate.gate(findChild<QPushButton *>(QStringLiteral("welcomeImportButton")), Permission::EditContacts);
    gate.gate(findChild<QPushButton *>(QStringLiteral("welcomePractiseButton")), Permission::SendCampaigns);
}

} // namespace kengele
