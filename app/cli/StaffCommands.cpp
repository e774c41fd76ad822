// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "StaffCommands.h"

#include "common/EventLoopWait.h"
#include "profile/Profile.h"
#include "security/AuditLog.h"
#include "security/StaffAccounts.h"
#include "settings/Settings.h"
#include "sync/AuditAnchor.h"
#include "sync/RelayClient.h"
#include "sync/RelayLinkStore.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkRequest>

namespace kengele {

namespace {

QJsonObject accountJson(const StaffAccount &account)
{
    return QJsonObject{{QStringLiteral("user"), account.userName},
                       {QStringLiteral("name"), account.displayName},
                       {QStringLiteral("role"), toText(account.role)},
                       {QStringLiteral("disabled"), account.disabled}};
}

void printAccount(CliContext &cli, const StaffAccount &account)
{
    if (cli.json())
        cli.printJson(accountJson(account));
    else
        cli.out() << account.userName << "  " << account.displayName << "  " << RoleText::name(account.role)
                  << (account.disabled ? QStringLiteral("  ") + UsersCommand::tr("(disabled)") : QString()) << Qt::endl;
}

} // namespace

int SigninCommand::run(const QStringList &words)
{
    if (words != QStringList{QStringLiteral("require")})
        return m_cli.usage(tr("Use: signin require --user NAME --name \"Full Name\" (the password on standard input)."));
    if (!m_cli.allowOnly({QStringLiteral("name")}))
        return BadUsage;
    if (!m_cli.args().has(QStringLiteral("user")) || !m_cli.args().has(QStringLiteral("name")))
        return m_cli.usage(tr("Give the first administrator's user name and name: signin require --user mary --name \"Mary "
                              "Wanjiku\"."));
    if (Status opened = m_cli.openProfile(); !opened)
        return m_cli.failed(opened.error());
    const Result<bool> required = m_cli.profile().staff().signInRequired();
    if (!required)
        return m_cli.failed(required.error());
    if (*required)
        return m_cli.failed(Error{ErrorCode::Conflict,
                                  tr("Sign-in is already required here: an administrator adds accounts "
                                     "with “users add”.")});
    const QString password = m_cli.readLine();
    const Result<StaffAccount> admin = m_cli.profile().staff().requireSignIn(
        m_cli.args().value(QStringLiteral("user")), m_cli.args().value(QStringLiteral("name")), password);
    if (!admin)
        return m_cli.failed(admin.error());
    printAccount(m_cli, *admin);
    if (!m_cli.json())
        m_cli.err() << tr("Sign-in is now required: every command needs --user NAME and the password.") << Qt::endl;
    return Done;
}

QString UsersCommand::newPassword()
{
    const QString password = m_cli.readLine();
    if (password.isEmpty())
        m_cli.failed(Error{ErrorCode::InvalidInput, tr("Give the new password on a line of standard input.")});
    return password;
}

int UsersCommand::run(const QStringList &words)
{
    const QString sub = words.value(0);
    const QStringList known{QStringLiteral("list"),    QStringLiteral("add"),    QStringLiteral("role"),
                            QStringLiteral("disable"), QStringLiteral("enable"), QStringLiteral("password")};
    if (!known.contains(sub))
        return m_cli.usage(tr("Use: users list | add USER --name N --role ROLE | role USER ROLE | disable USER | enable USER | "
                              "password USER."));
    if (!m_cli.allowOnly(sub == QStringLiteral("add") ? QStringList{QStringLiteral("name"), QStringLiteral("role")}
                                                      : QStringList{}))
        return BadUsage;
    const int wordsWanted = sub == QStringLiteral("list") ? 1 : sub == QStringLiteral("role") ? 3 : 2;
    if (words.size() != wordsWanted)
        return m_cli.usage(tr("“users %1” takes %n word(s) after it.", nullptr, wordsWanted - 1).arg(sub));
    std::optional<Role> role;
    if (sub == QStringLiteral("add") || sub == QStringLiteral("role")) {
        const QString text = sub == QStringLiteral("add") ? m_cli.args().value(QStringLiteral("role")) : words.at(2);
        role = roleFromText(text);
        if (!role)
            return m_cli.usage(tr("The role is one of viewer, staff, pastor or administrator."));
        if (sub == QStringLiteral("add") && m_cli.args().value(QStringLiteral("name")).trimmed().isEmpty())
            return m_cli.usage(tr("Give the person's name: users add john --name \"John Otieno\" --role staff."));
    }
    if (Status opened = m_cli.openProfile(); !opened)
        return m_cli.failed(opened.error());
    StaffAccounts &staff = m_cli.profile().staff();

    if (sub == QStringLiteral("list")) {
        const Result<QList<StaffAccount>> accounts = staff.list();
        if (!accounts)
            return m_cli.failed(accounts.error());
        if (m_cli.json()) {
            QJsonArray array;
            for (const StaffAccount &account : *accounts)
                array.append(accountJson(account));
            m_cli.printJson(array);
        } else if (accounts->isEmpty()) {
            m_cli.out() << tr("No staff accounts: this data folder opens for whoever is at the computer. "
                              "“signin require” makes the first administrator.")
                        << Qt::endl;
        } else {
            for (const StaffAccount &account : *accounts)
                printAccount(m_cli, account);
        }
        return Done;
    }
    const QString user = words.at(1);
    if (sub == QStringLiteral("add")) {
        const QString password = newPassword();
        if (password.isEmpty())
            return Failed;
        const Result<StaffAccount> added = staff.add(user, m_cli.args().value(QStringLiteral("name")), *role, password);
        if (!added)
            return m_cli.failed(added.error());
        printAccount(m_cli, *added);
        return Done;
    }
    Status changed;
    if (sub == QStringLiteral("role")) {
        changed = staff.setRole(user, *role);
    } else if (sub == QStringLiteral("disable") || sub == QStringLiteral("enable")) {
        changed = staff.setDisabled(user, sub == QStringLiteral("disable"));
    } else {
        const QString password = newPassword();
        if (password.isEmpty())
            return Failed;
        const std::optional<StaffAccount> me = staff.signedIn();
        const bool own = me && me->userName.compare(user.trimmed(), Qt::CaseInsensitive) == 0;
        if (own && !staff.may(Permission::Administer)) {
            // Signed in a moment ago with the current password: it is at hand.
            const QString current
                = qEnvironmentVariableIsSet("KENGELE_PASSWORD") ? qEnvironmentVariable("KENGELE_PASSWORD") : QString();
            changed = current.isEmpty() ? staff.resetPassword(user, password) : staff.changeOwnPassword(current, password);
        } else {
            changed = staff.resetPassword(user, password);
        }
    }
    if (!changed)
        return m_cli.failed(changed.error());
    const Result<StaffAccount> account = staff.find(user);
    if (!account)
        return m_cli.failed(account.error());
    printAccount(m_cli, *account);
    return Done;
}

int AuditCommand::run(const QStringList &words)
{
    const QString sub = words.value(0);
    if (words.size() != 1
        || (sub != QStringLiteral("list") && sub != QStringLiteral("verify") && sub != QStringLiteral("anchor")
            && sub != QStringLiteral("computers")))
        return m_cli.usage(tr("Use: audit list [--since DATE] [--by USER] [--action A] [--limit N] [--computer NAME|all] | "
                              "audit verify [--computer NAME|all] | audit computers | audit anchor."));
    QStringList allowed;
    if (sub == QStringLiteral("list"))
        allowed = QStringList{QStringLiteral("since"), QStringLiteral("action"), QStringLiteral("limit"), QStringLiteral("by"),
                              QStringLiteral("computer")};
    else if (sub == QStringLiteral("verify"))
        allowed = QStringList{QStringLiteral("computer")};
    if (!m_cli.allowOnly(allowed))
        return BadUsage;
    if (m_cli.args().has(QStringLiteral("computer")) && m_cli.args().value(QStringLiteral("computer")).trimmed().isEmpty())
        return m_cli.usage(tr("--computer takes a computer's name (audit computers lists them) or all."));
    AuditFilter filter;
    if (sub == QStringLiteral("list")) {
        if (m_cli.args().has(QStringLiteral("since"))) {
            const QString text = m_cli.args().value(QStringLiteral("since"));
            QDateTime since = QDateTime::fromString(text, Qt::ISODateWithMs);
            if (!since.isValid()) {
                const QDate day = QDate::fromString(text, Qt::ISODate);
                if (day.isValid())
                    since = QDateTime(day, QTime(0, 0)); // local midnight
            }
            if (!since.isValid())
                return m_cli.usage(tr("--since takes a date like 2026-03-01, or a date and time like 2026-03-01T09:00."));
            filter.since = since.toUTC();
        }
        // --user is who signs in (architecture.md §7), so the filter by person is --by.
        filter.user = m_cli.args().value(QStringLiteral("by"));
        filter.action = m_cli.args().value(QStringLiteral("action"));
        if (m_cli.args().has(QStringLiteral("limit"))) {
            bool ok = false;
            filter.limit = m_cli.args().value(QStringLiteral("limit")).toInt(&ok);
            if (!ok || filter.limit < 1)
                return m_cli.usage(tr("--limit takes a number of entries, 1 or more."));
        }
    }
    if (Status opened = m_cli.openProfile(); !opened)
        return m_cli.failed(opened.error());
    if (Status allowed = m_cli.profile().staff().check(Permission::Administer); !allowed) {
        if (allowed.error().code == ErrorCode::Forbidden)
            return m_cli.failed(Error{ErrorCode::Forbidden, tr("Only an administrator may read or check the audit trail.")});
        return m_cli.failed(allowed.error());
    }
    if (sub == QStringLiteral("computers"))
        return computers();
    if (sub == QStringLiteral("anchor"))
        return anchor();
    // Another computer's trail, or all of them; this computer's own is the one without --computer.
    const bool others = m_cli.args().has(QStringLiteral("computer"));
    if (others) {
        const Result<QString> chosen = chosenComputer();
        if (!chosen)
            return chosen.error().code == ErrorCode::InvalidInput ? m_cli.usage(chosen.error().message)
                                                                  : m_cli.failed(chosen.error());
        if (sub == QStringLiteral("verify"))
            return chosen->isEmpty() ? verify() : verifyOthers(*chosen);
        filter.computer = *chosen;
    } else if (sub == QStringLiteral("verify")) {
        return verify();
    }
    AuditLog &audit = m_cli.profile().audit();
    const Result<QList<AuditEntry>> entries = audit.list(filter);
    if (!entries)
        return m_cli.failed(entries.error());
    if (m_cli.json()) {
        QJsonArray array;
        for (const AuditEntry &e : *entries) {
            QJsonObject object{{QStringLiteral("id"), e.id},          {QStringLiteral("time"), CliContext::timeOrNull(e.time)},
                               {QStringLiteral("user"), e.user},      {QStringLiteral("device"), e.device},
                               {QStringLiteral("action"), e.action},  {QStringLiteral("object"), e.object},
                               {QStringLiteral("summary"), e.summary}};
            // With --computer each entry also names its computer's id ("device" is the name it had then).
            if (others)
                object.insert(QStringLiteral("computer_id"), e.computer);
            array.append(object);
        }
        m_cli.printJson(array);
    } else {
        for (const AuditEntry &e : *entries) {
            m_cli.out() << CliContext::padded(QString::number(e.id), 6) << CliContext::padded(CliContext::localTime(e.time), 18);
            if (others)
                m_cli.out() << CliContext::padded(e.device, 18);
            m_cli.out() << CliContext::padded(e.user.isEmpty() ? QStringLiteral("-") : e.user, 14)
                        << CliContext::padded(e.action, 18) << CliContext::padded(e.object, 16) << e.summary << '\n';
        }
        m_cli.out() << Qt::flush;
    }
    return Done;
}

int AuditCommand::verify()
{
    AuditLog &audit = m_cli.profile().audit();
    const Result<AuditCheck> check = audit.verify();
    if (!check)
        return m_cli.failed(check.error());
    QJsonObject object{{QStringLiteral("entries"), check->entries}, {QStringLiteral("ok"), check->ok}};
    if (!check->ok) {
        object.insert(QStringLiteral("first_bad"), check->firstBad);
        object.insert(QStringLiteral("reason"), check->reason);
    }
    if (!m_cli.json() && check->ok)
        m_cli.out() << tr("The audit trail holds. Entries: %1; none was changed, removed or moved.").arg(check->entries)
                    << Qt::endl;

    // Connected to a relay: the trail is also compared with the relay's daily copies of its head,
    // which a trail rewritten as a whole (with its audit-head file) no longer matches.
    std::optional<AnchorCheck> anchored;
    QString unreachable;
    const Result<RelayLink> link = m_cli.profile().relayLinks().load();
    const bool connected = link && link->isEnrolled() && !m_cli.profile().settings().relayUrl().isEmpty();
    if (connected) {
        QNetworkAccessManager network;
        network.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy); // RelayClient refuses them too
        RelayClient client(network);
        if (Status ready = m_cli.prepareRelayClient(client); !ready) {
            unreachable = ready.error().message;
        } else {
            AuditAnchor anchors(audit, m_cli.profile().settings(), client, m_cli.clock());
            const Result<AnchorCheck> compared
                = EventLoopWait::forAnswer<Result<AnchorCheck>>([&](auto done) { anchors.check(done); });
            if (compared)
                anchored = *compared;
            else
                unreachable = compared.error().message;
        }
        QJsonObject anchoredJson;
        if (anchored) {
            anchoredJson = QJsonObject{{QStringLiteral("checked"), anchored->checked}, {QStringLiteral("ok"), anchored->ok}};
            if (anchored->replacedByRestore > 0) {
                anchoredJson.insert(QStringLiteral("replaced_by_restore"), anchored->replacedByRestore);
                anchoredJson.insert(QStringLiteral("last_restore"), anchored->lastRestore.toString(Qt::ISODate));
                anchoredJson.insert(QStringLiteral("note"), anchored->note);
            }
            if (!anchored->ok) {
                anchoredJson.insert(QStringLiteral("first_bad_anchor"), anchored->firstBadAnchor);
                anchoredJson.insert(QStringLiteral("reason"), anchored->reason);
                object.insert(QStringLiteral("ok"), false);
            }
        } else {
            anchoredJson = QJsonObject{{QStringLiteral("checked"), 0},
                                       {QStringLiteral("ok"), QJsonValue(QJsonValue::Null)},
                                       {QStringLiteral("error"), unreachable}};
        }
        object.insert(QStringLiteral("anchored"), anchoredJson);
    }
    if (m_cli.json()) {
        m_cli.printJson(object);
    } else if (anchored && anchored->ok) {
        m_cli.out() << tr("It matches the relay's daily copies of its head (%n checked).", nullptr, anchored->checked)
                    << Qt::endl;
    }
    if (!m_cli.json() && anchored && !anchored->note.isEmpty())
        m_cli.out() << anchored->note << Qt::endl;
    if (connected && !anchored)
        m_cli.err() << tr("The trail could not be compared with the relay's copies: %1").arg(unreachable) << Qt::endl;
    if (!check->ok)
        return m_cli.failed(
            Error{ErrorCode::Conflict,
                  tr("The audit trail was tampered with at entry %1: %2").arg(check->firstBad).arg(check->reason)});
    if (anchored && !anchored->ok)
        return m_cli.failed(Error{ErrorCode::Conflict,
                                  tr("The audit trail does not match the relay's copy of %1 entries: %2")
                                      .arg(anchored->firstBadAnchor)
                                      .arg(anchored->reason)});
    return Done;
}

Result<QString> AuditCommand::chosenComputer() const
{
    const QString wanted = m_cli.args().value(QStringLiteral("computer")).trimmed();
    if (wanted.compare(QStringLiteral("all"), Qt::CaseInsensitive) == 0)
        return QString(AuditFilter::AllComputers);
    const Result<QList<AuditComputer>> known = m_cli.profile().audit().computers();
    if (!known)
        return std::unexpected(known.error());
    QList<AuditComputer> found;
    for (const AuditComputer &c : *known) {
        if (c.id == wanted || c.name.compare(wanted, Qt::CaseInsensitive) == 0)
            found.append(c);
    }
    if (found.isEmpty())
        return fail(
            ErrorCode::InvalidInput,
            tr("No computer called \"%1\" has entries here. audit computers lists them; all shows every one.").arg(wanted));
    if (found.size() > 1)
        return fail(ErrorCode::InvalidInput,
                    tr("More than one computer is called \"%1\": give its id instead (audit computers lists them).").arg(wanted));
    return found.first().here ? QString() : found.first().id;
}

int AuditCommand::computers()
{
    const Result<QList<AuditComputer>> known = m_cli.profile().audit().computers();
    if (!known)
        return m_cli.failed(known.error());
    if (m_cli.json()) {
        QJsonArray array;
        for (const AuditComputer &c : *known) {
            array.append(QJsonObject{{QStringLiteral("computer_id"), c.id},
                                     {QStringLiteral("name"), c.name},
                                     {QStringLiteral("entries"), c.entries},
                                     {QStringLiteral("this"), c.here}});
        }
        m_cli.printJson(array);
        return Done;
    }
    for (const AuditComputer &c : *known) {
        m_cli.out() << CliContext::padded(c.here ? tr("%1 (this computer)").arg(c.name) : c.name, 32)
                    << CliContext::padded(tr("%n entries", nullptr, int(c.entries)), 16) << c.id << '\n';
    }
    m_cli.out() << Qt::flush;
    return Done;
}

int AuditCommand::verifyOthers(const QString &computer)
{
    // Other computers' trails as received here (all: every computer, this one included, without
    // the relay's anchors, which `audit verify` alone compares).
    AuditLog &audit = m_cli.profile().audit();
    const Result<QList<AuditComputer>> known = audit.computers();
    if (!known)
        return m_cli.failed(known.error());
    QJsonArray results;
    QStringList broken;
    for (const AuditComputer &c : *known) {
        if (computer != AuditFilter::AllComputers && c.id != computer)
            continue;
        const Result<AuditCheck> check = audit.verifyComputer(c.id);
        if (!check)
            return m_cli.failed(check.error());
        QJsonObject object{{QStringLiteral("computer_id"), c.id}, {QStringLiteral("computer"), c.name},
                           {QStringLiteral("this"), c.here},      {QStringLiteral("entries"), check->entries},
                           {QStringLiteral("ok"), check->ok},     {QStringLiteral("complete"), check->missingFrom == 0}};
        if (!check->ok) {
            object.insert(QStringLiteral("first_bad"), check->firstBad);
            object.insert(QStringLiteral("reason"), check->reason);
            broken << tr("%1, at entry %2: %3").arg(c.name).arg(check->firstBad).arg(check->reason);
        } else if (check->missingFrom > 0) {
            object.insert(QStringLiteral("missing_from"), check->missingFrom);
            object.insert(QStringLiteral("note"), check->reason);
        }
        if (check->replacedByRestore > 0)
            object.insert(QStringLiteral("replaced_by_restore"), check->replacedByRestore);
        results.append(object);
        if (!m_cli.json() && check->ok) {
            m_cli.out() << tr("%1: the trail holds (%n entries).", nullptr, int(check->entries)).arg(c.name) << Qt::endl;
            if (check->missingFrom > 0)
                m_cli.out() << "  " << check->reason << Qt::endl;
            if (check->replacedByRestore > 0)
                m_cli.out() << "  "
                            << tr("%n entries were set aside by a backup restored on that computer.", nullptr,
                                  int(check->replacedByRestore))
                            << Qt::endl;
        }
    }
    if (m_cli.json()) {
        if (computer == AuditFilter::AllComputers)
            m_cli.printJson(results);
        else
            m_cli.printJson(results.first().toObject());
    }
    if (!broken.isEmpty())
        return m_cli.failed(
            Error{ErrorCode::Conflict, tr("An audit trail was tampered with: %1").arg(broken.join(QStringLiteral("; ")))});
    return Done;
}

int AuditCommand::anchor()
{
    QNetworkAccessManager network;
    network.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy); // RelayClient refuses them too
    RelayClient client(network);
    if (Status ready = m_cli.prepareRelayClient(client); !ready)
        return m_cli.failed(ready.error());
    AuditAnchor anchors(m_cli.profile().audit(), m_cli.profile().settings(), client, m_cli.clock());
    const Result<RelayAnchor> sent = EventLoopWait::forAnswer<Result<RelayAnchor>>([&](auto done) { anchors.sendNow(done); });
    if (!sent)
        return m_cli.failed(sent.error());
    if (m_cli.json()) {
        m_cli.printJson(QJsonObject{{QStringLiteral("entries"), sent->entries},
                                    {QStringLiteral("hash"), sent->hash},
                                    {QStringLiteral("day"), sent->day},
                                    {QStringLiteral("received"), CliContext::timeOrNull(sent->received)}});
    } else {
        m_cli.out() << tr("The relay now holds the audit trail's head: %n entries, for %1 (UTC).", nullptr, int(sent->entries))
                           .arg(sent->day)
                    << Qt::endl;
    }
    return Done;
}

} // namespace kengele
