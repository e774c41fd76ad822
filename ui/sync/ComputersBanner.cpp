// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ComputersBanner.h"

#include "ComputersWatcher.h"
#include "MessageBox.h"
#include "settings/BackupSettingsWidget.h"
#include "widgets/Banner.h"

#include <QHBoxLayout>
#include <QPushButton>
#include <QVBoxLayout>

namespace kengele {

ComputersBanner::ComputersBanner(ComputersWatcher &watcher, QWidget *parent)
    : QWidget(parent)
    , m_watcher(watcher)
{
    setObjectName(QStringLiteral("computersBanner"));
    m_layout = new QVBoxLayout(this);
    m_layout->setContentsMargins(0, 0, 0, 0);
    connect(&m_watcher, &ComputersWatcher::changed, this, &ComputersBanner::rebuild);
    rebuild();
}

void ComputersBanner::setScope(Scope scope)
{
    m_scope = scope;
    rebuild();
}

void ComputersBanner::setChurchName(const QString &name)
{
    m_church = name;
    rebuild();
}

void ComputersBanner::setContactCount(int contacts)
{
    if (contacts == m_contacts)
        return;
    m_contacts = contacts;
    rebuild();
}

namespace {

// The code as it stands out in a notice: bold and larger, its digits kept together.
QString bigCode(const QString &code)
{
    return QStringLiteral("<b><big>%1</big></b>").arg(code.toHtmlEscaped().replace(u' ', QStringLiteral("&nbsp;")));
}

} // namespace

QString ComputersBanner::waitingText(const QString &code)
{
    return waitingParts(code, code).join(u' ');
}

QStringList ComputersBanner::waitingParts(const QString &code, const QString &shownCode)
{
    const QString first = tr("Waiting for an administrator on another computer to let this computer in.");
    if (code.isEmpty())
        return {first, tr("Kengele must be open on that computer; a safety code appears here once it has answered.")};
    return {first, tr("Safety code %1 — the other computer must show the same code.").arg(shownCode)};
}

QString ComputersBanner::joinedText(const QString &church, int contacts)
{
    const QString part = church.isEmpty() ? tr("This computer is now one of the church's computers.")
                                          : tr("This computer is now part of %1.").arg(church);
    if (contacts < 0)
        return part;
    return part + u' ' + tr("Receiving the church's contacts, groups and templates: %n contact(s) so far.", nullptr, contacts);
}

QString ComputersBanner::askText(const QString &name, const QString &code)
{
    return askParts(name, code, code).join(u' ');
}

QStringList ComputersBanner::askParts(const QString &name, const QString &code, const QString &shownCode)
{
    if (code.isEmpty())
        return {tr("“%1” wants to join this church's Kengele.").arg(name), tr("Getting its safety code…")};
    return {tr("“%1” wants to join.").arg(name), tr("Safety code %1 — does “%2” show the same?").arg(shownCode, name)};
}

void ComputersBanner::rebuild()
{
    // Later, not now: this may run inside a click on one of these buttons. Nameless and hidden
    // until then, so nothing finds the old ones.
    auto retire = [](QWidget *w) {
        w->hide();
        w->setObjectName(QString());
        w->deleteLater();
    };
    while (QLayoutItem *item = m_layout->takeAt(0)) {
        if (QWidget *w = item->widget())
            retire(w);
        if (QLayout *l = item->layout()) {
            while (QLayoutItem *inner = l->takeAt(0)) {
                if (inner->widget())
                    retire(inner->widget());
                delete inner;
            }
        }
        delete item;
    }
    int shown = 0;
    auto note = [this, &shown](Banner::Kind kind, const QString &text, const QString &name, bool rich = false) {
        auto *banner = new Banner(kind, text, this);
        banner->setObjectName(name);
        banner->setWordWrap(true);
        banner->setTextFormat(rich ? Qt::RichText : Qt::PlainText);
        banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_layout->addWidget(banner);
        ++shown;
        return banner;
    };
    switch (m_scope == Scope::OtherComputers ? ComputersWatcher::Stage::Member : m_watcher.stage()) {
    case ComputersWatcher::Stage::Waiting: {
        const QString own = m_watcher.ownDataToChooseFor();
        if (own.isEmpty()) {
            const QString code = m_watcher.newcomerCode();
            const QStringList parts = waitingParts(code, bigCode(code));
            note(Banner::Kind::Info,
                 parts.at(0).toHtmlEscaped() + QStringLiteral("<br>")
                     + (code.isEmpty() ? parts.at(1).toHtmlEscaped() : parts.at(1)),
                 QStringLiteral("newcomerBanner"), true)
                ->setAccessibleName(waitingText(code));
        } else {
            note(Banner::Kind::Warning,
                 tr("This computer has been let in, and it holds %1 of its own. Merged, they join the church's data "
                    "(the same phone number becomes one contact; nothing is duplicated) and the other computers "
                    "receive them. Or start from the church's data: this computer's own are kept in a backup first.")
                     .arg(own),
                 QStringLiteral("ownDataBanner"));
            auto *row = new QHBoxLayout;
            row->addStretch();
            auto *merge = new QPushButton(tr("Merge with the church's data"), this);
            merge->setObjectName(QStringLiteral("mergeOwnDataButton"));
            merge->setEnabled(m_watcher.isAdministrator());
            connect(merge, &QPushButton::clicked, this, [this] { m_watcher.mergeOwnData(); });
            auto *fresh = new QPushButton(tr("Start from the church's data…"), this);
            fresh->setObjectName(QStringLiteral("startFromChurchButton"));
            fresh->setEnabled(m_watcher.isAdministrator() && m_watcher.canBackUp());
            connect(fresh, &QPushButton::clicked, this, [this, own] { startFromChurchData(own); });
            if (!m_watcher.isAdministrator()) {
                const QString why = tr("Only an administrator can choose what happens to this computer's own data.");
                merge->setToolTip(why);
                fresh->setToolTip(why);
            }
            row->addWidget(fresh);
            row->addWidget(merge);
            m_layout->addLayout(row);
        }
    } break;
    case ComputersWatcher::Stage::Joined: {
        note(Banner::Kind::Info, joinedText(m_church, m_contacts), QStringLiteral("joinedBanner"));
        auto *row = new QHBoxLayout;
        row->addStretch();
        auto *ok = new QPushButton(tr("OK"), this);
        ok->setObjectName(QStringLiteral("joinedOkButton"));
        connect(ok, &QPushButton::clicked, this,
                [this] { m_watcher.showState(ComputersWatcher::Stage::Member, m_watcher.newcomerCode()); });
        row->addWidget(ok);
        m_layout->addLayout(row);
        break;
    }
    default:
        break;
    }
    const bool admin = m_watcher.isAdministrator();
    const QList<SyncDeviceEntry> waiting
        = m_scope == Scope::ThisComputer ? QList<SyncDeviceEntry>() : m_watcher.undismissedWaiting();
    for (const SyncDeviceEntry &d : waiting) {
        const QString code = m_watcher.safetyCodeFor(d.device);
        if (!admin) {
            note(Banner::Kind::Warning,
                 tr("“%1” is waiting to join this church's Kengele. An administrator must let it in.").arg(d.name),
                 QStringLiteral("waitingBanner"));
            continue;
        }
        {
            // The name is the newcomer's own words: escaped, and the code stands out.
            const QStringList parts = askParts(d.name.toHtmlEscaped(), code, bigCode(code));
            note(Banner::Kind::Warning, parts.join(QStringLiteral("<br>")), QStringLiteral("approveBanner"), true)
                ->setAccessibleName(askText(d.name, code));
        }
        auto *row = new QHBoxLayout;
        row->addStretch();
        const bool busy = m_watcher.isBusy();
        if (!code.isEmpty()) {
            auto *yes = new QPushButton(tr("Yes, let it in"), this);
            yes->setObjectName(QStringLiteral("letInButton"));
            yes->setEnabled(!busy);
            connect(yes, &QPushButton::clicked, this, [this, device = d.device] { m_watcher.letIn(device); });
            row->addWidget(yes);
        }
        auto *no = new QPushButton(code.isEmpty() ? tr("Later") : tr("No"), this);
        no->setObjectName(QStringLiteral("declineButton"));
        no->setToolTip(tr("The computer stays waiting; you can let it in later in Settings → Computers. If the codes are "
                          "different, do not let it in: someone may be interfering."));
        connect(no, &QPushButton::clicked, this, [this, device = d.device] { m_watcher.dismiss(device); });
        row->addWidget(no);
        m_layout->addLayout(row);
    }
    setVisible(shown > 0);
}

void ComputersBanner::startFromChurchData(const QString &own)
{
    if (MessageBox::question(this, tr("Start from the church's data"),
                             tr("This computer's %1 are kept in an encrypted backup in the backup folder (Settings → "
                                "Backups can restore it), then set aside here. This computer then receives the church's "
                                "contacts, groups and templates. Its messages inbox and its settings stay.\n\nStart "
                                "from the church's data?")
                                 .arg(own))
        != QMessageBox::Yes)
        return;
    QPointer<ComputersBanner> self(this);
    m_watcher.startFromChurchData([self]() -> QString {
        if (!self)
            return QString();
        return BackupSettingsWidget::askNewPassphrase(
            self, tr("Backup passphrase"),
            tr("A passphrase for the backup of this computer's own data. Keep it: the backup opens only with it."));
    });
}

} // namespace kengele
