// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// MainWindow, its sidebar: "Send SMS…", the pages and Settings, and moving between the pages.
// (The tr() context stays "MainWindow".)
#include "MainWindow.h"

#include "WelcomePage.h"
#include "inbox/InboxService.h"
#include "profile/Profile.h"
#include "templates/TemplatesPage.h"
#include "widgets/Icons.h"
#include "widgets/SidebarDelegate.h"

#include <QFontMetrics>
#include <QListWidget>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace kengele {

QWidget *MainWindow::buildSidebar()
{
    auto *column = new QWidget(this);
    column->setObjectName(QStringLiteral("sidebar"));

    // The main thing people come for, above the pages.
    m_sendButton = new QPushButton(Icons::icon(Icons::Send, QPalette::HighlightedText), tr("Send SMS…"), column);
    m_sendButton->setObjectName(QStringLiteral("sidebarSendButton"));
    m_sendButton->setIconSize(QSize(20, 20));
    m_sendButton->setToolTip(tr("Write an SMS to a group or to the people you selected (Ctrl+N)."));
    m_sendButton->setStyleSheet(QStringLiteral(
        "QPushButton { background: palette(highlight); color: palette(highlighted-text); border: 2px solid palette(highlight);"
        " border-radius: 6px; padding: 8px 10px; font-size: 11pt; font-weight: bold; text-align: left; }"
        "QPushButton:hover { border-color: palette(dark); }"
        "QPushButton:focus { border-color: palette(text); }"
        "QPushButton:pressed { background: palette(dark); }"
        // Greyed for a role that may not send (RoleGate): plainly not a button to press.
        "QPushButton:disabled { background: palette(midlight); color: palette(dark); border-color: palette(midlight); }"));
    connect(m_sendButton, &QPushButton::clicked, this, &MainWindow::sendSmsToSelection);

    m_sidebar = new QListWidget(column);
    m_sidebar->setObjectName(QStringLiteral("sidebarList"));
    m_sidebar->setAccessibleName(tr("Pages"));
    m_sidebar->setIconSize(QSize(22, 22));
    m_sidebar->setSpacing(3);
    m_sidebar->setItemDelegate(new SidebarDelegate(m_sidebar));
    m_sidebar->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_sidebar->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_sidebar->setStyleSheet(
        QStringLiteral("QListWidget { border: none; background: palette(window); font-size: 11pt; outline: none; }"
                       "QListWidget::item { padding: 8px; border-radius: 6px; }"
                       "QListWidget::item:hover { background: palette(midlight); }"));
    auto addPage = [this](Icons::Icon icon, const QString &label) {
        auto *item = new QListWidgetItem(Icons::icon(icon), label, m_sidebar);
        item->setSizeHint(QSize(150, 40));
    };
    addPage(Icons::Dashboard, tr("Dashboard"));
    addPage(Icons::Contact, tr("Contacts"));
    addPage(Icons::Group, tr("Groups"));
    addPage(Icons::Template, tr("Templates"));
    //: The sidebar's page of the SMS sent and scheduled (the campaigns), Kiswahili: "SMS zilizotumwa"
    addPage(Icons::Sent, tr("Sent SMS"));
    addPage(Icons::Inbox, tr("Inbox"));
    addPage(Icons::Tokens, tr("Tokens"));
    addPage(Icons::Report, tr("Reports"));

    m_settingsButton = new QPushButton(Icons::icon(Icons::Settings), tr("Settings"), column);
    m_settingsButton->setObjectName(QStringLiteral("sidebarSettingsButton"));
    m_settingsButton->setIconSize(QSize(22, 22));
    m_settingsButton->setToolTip(tr("The SMS gateway, the language, the relay and the sending hours (Ctrl+,)."));
    m_settingsButton->setStyleSheet(
        QStringLiteral("QPushButton { background: transparent; border: 1px solid transparent; border-radius: 6px;"
                       " padding: 8px; font-size: 11pt; text-align: left; }"
                       "QPushButton:hover { background: palette(midlight); }"
                       "QPushButton:focus { border-color: palette(highlight); }"));
    connect(m_settingsButton, &QPushButton::clicked, this, &MainWindow::openSettings);

    // Wide enough for the longest name in this language, with the Inbox's unread count.
    {
        QFont font = m_sidebar->font();
        font.setPointSize(11);
        const QFontMetrics metrics(font);
        int widest = 0;
        for (const QString &label : {tr("Dashboard"), tr("Contacts"), tr("Groups"), tr("Templates"), tr("Sent SMS"),
                                     tr("Inbox (%1)").arg(999), tr("Tokens"), tr("Reports"), tr("Settings")})
            widest = qMax(widest, metrics.horizontalAdvance(label));
        font.setBold(true);
        widest = qMax(widest, QFontMetrics(font).horizontalAdvance(m_sendButton->text()));
        column->setFixedWidth(qMax(170, widest + 22 + 40));
    }

    auto *layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_sendButton);
    layout->addSpacing(4);
    layout->addWidget(m_sidebar, 1);
    layout->addWidget(m_settingsButton);
    return column;
}

void MainWindow::updateInboxLabel()
{
    const Result<int> unread = m_profile.inbox().unreadCount();
    QListWidgetItem *item = m_sidebar->item(InboxPageIndex);
    //: The Inbox page in the sidebar, with the number of unread messages: "Inbox (3)"
    item->setText(unread && *unread > 0 ? tr("Inbox (%1)").arg(*unread) : tr("Inbox"));
}

void MainWindow::showPage(Page page)
{
    if (page == WelcomePageIndex) {
        if (m_pages->currentWidget() == m_templatesPage && !m_templatesPage->confirmLeave())
            return;
        // No row is chosen while it shows, so any row brings its page back.
        QSignalBlocker blocker(m_sidebar);
        m_sidebar->setCurrentRow(-1);
        m_pages->setCurrentWidget(m_welcomePage);
        return;
    }
    m_sidebar->setCurrentRow(page);
}

MainWindow::Page MainWindow::currentPage() const
{
    return Page(m_pages->currentIndex());
}

} // namespace kengele
