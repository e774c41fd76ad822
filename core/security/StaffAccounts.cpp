// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "StaffAccounts.h"

#include "AuditLog.h"
#include "common/Clock.h"
#include "common/Log.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace kengele {

namespace {

constexpr int MaxDisplayName = 80;
constexpr qint64 FirstWaitMs = 30'000;
constexpr qint64 LongestWaitMs = 15 * 60'000;

const QString Columns = QStringLiteral("id, user_name, display_name, role, disabled, created_at");

StaffAccount readRow(const QSqlQuery &q)
{
    StaffAccount a;
    a.id = q.value(0).toLongLong();
    a.userName = q.value(1).toString();
    a.displayName = q.value(2).toString();
    a.role = roleFromText(q.value(3).toString()).value_or(Role::Viewer);
    a.disabled = q.value(4).toInt() != 0;
    a.created = QDateTime::fromMSecsSinceEpoch(q.value(5).toLongLong(), Qt::UTC);
    return a;
}

Error failure(ErrorCode code, const QString &message)
{
    return Error{code, message};
}

QString userObject(const QString &userName)
{
    return QStringLiteral("user:") + userName;
}

} // namespace

StaffAccounts::StaffAccounts(Database &database, const Clock &clock, AuditLog &audit, Passwords::Cost cost, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_clock(clock)
    , m_audit(audit)
    , m_cost(cost)
{ }

QString StaffAccounts::userNameProblem(const QString &userName)
{
    static const QRegularExpression allowed(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{1,31}$"));
    if (!allowed.match(userName).hasMatch())
        return tr("A user name has 2 to 32 letters or digits (and '.', '_' or '-' after the first), like \"mary\" or "
                  "\"j.otieno\".");
    if (userName.compare(QLatin1String(AuditLog::AutomaticUser), Qt::CaseInsensitive) == 0)
        return tr("\"%1\" is the name Kengele's own work is recorded under in the audit trail. Choose another user name.")
            .arg(userName);
    return QString();
}

Result<bool> StaffAccounts::signInRequired() const
{
    QSqlQuery q(m_database.connection());
    if (!q.exec(QStringLiteral("SELECT EXISTS (SELECT 1 FROM staff)")) || !q.next())
        return std::unexpected(Database::storageError(q.lastError(), tr("Reading the staff accounts")));
    return q.value(0).toInt() != 0;
}

Result<QList<StaffAccount>> StaffAccounts::list() const
{
    QSqlQuery q(m_database.connection());
    if (!q.exec(QStringLiteral("SELECT %1 FROM staff ORDER BY disabled, display_name COLLATE NOCASE, user_name").arg(Columns)))
        return std::unexpected(Database::storageError(q.lastError(), tr("Reading the staff accounts")));
    QList<StaffAccount> accounts;
    while (q.next())
        accounts.append(readRow(q));
    return accounts;
}

Result<StaffAccount> StaffAccounts::find(const QString &userName) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT %1 FROM staff WHERE user_name = ? COLLATE NOCASE").arg(Columns));
    q.addBindValue(userName.trimmed());
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Reading the staff accounts")));
    if (!q.next())
        return std::unexpected(failure(ErrorCode::NotFound, tr("There is no staff account \"%1\".").arg(userName.trimmed())));
    return readRow(q);
}

QString StaffAccounts::actor() const
{
    return m_signedIn ? m_signedIn->userName : QString();
}

Status StaffAccounts::check(Permission permission) const
{
    if (m_signedIn)
        return allows(m_signedIn->role, permission)
            ? Status{}
            : std::unexpected(failure(ErrorCode::Forbidden, RoleText::refusal(permission)));
    const Result<bool> required = signInRequired();
    if (!required)
        return std::unexpected(required.error());
    if (!*required)
        return {};
    return std::unexpected(failure(ErrorCode::SignIn, tr("Sign in first: this profile asks who is at the computer.")));
}

Result<StaffAccount> StaffAccounts::signIn(const QString &userName, const QString &password)
{
    const QString name = userName.trimmed();
    QSqlDatabase db = m_database.connection();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT %1, password_hash, failures, retry_at FROM staff WHERE user_name = ? COLLATE NOCASE")
                  .arg(Columns));
    q.addBindValue(name);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Reading the staff accounts")));
    const QString wrong = tr("The user name or the password is not right.");
    if (!q.next()) {
        // The same words as a wrong password: nobody learns which user names exist.
        // What was typed is not kept: it may be a password typed in the wrong box.
        m_audit.record(QStringLiteral("signin.failed"), QStringLiteral("user:?"), QStringLiteral("no such account"));
        return std::unexpected(failure(ErrorCode::SignIn, wrong));
    }
    const StaffAccount account = readRow(q);
    const QString hash = q.value(6).toString();
    const int failures = q.value(7).toInt();
    const qint64 retryAt = q.value(8).toLongLong();
    const qint64 now = m_clock.nowMs();
    if (retryAt > now) {
        const qint64 seconds = (retryAt - now + 999) / 1000;
        m_audit.record(QStringLiteral("signin.failed"), userObject(account.userName), QStringLiteral("tried while waiting"));
        return std::unexpected(
            failure(ErrorCode::SignIn,
                    seconds >= 90 ? tr("Too many wrong passwords. Try again in %n minute(s).", nullptr, int((seconds + 59) / 60))
                                  : tr("Too many wrong passwords. Try again in %n second(s).", nullptr, int(seconds))));
    }
    if (!Passwords::verify(hash, password)) {
        if (Status recorded = recordFailure(account, failures + 1); !recorded)
            return std::unexpected(recorded.error());
        return std::unexpected(failure(ErrorCode::SignIn, wrong));
    }
    if (account.disabled) {
        m_audit.record(QStringLiteral("signin.failed"), userObject(account.userName), QStringLiteral("account disabled"));
        return std::unexpected(failure(
            ErrorCode::SignIn, tr("This account is disabled. An administrator can enable it again in Settings → Staff.")));
    }
    Transaction transaction(db);
    if (Status begun = transaction.began(tr("Signing in")); !begun)
        return std::unexpected(begun.error());
    QSqlQuery reset(db);
    // A hash made with older limits is made again now, while the password is at hand.
    if (Passwords::needsRehash(hash, m_cost)) {
        const Result<QString> fresh = Passwords::hash(password, m_cost);
        if (!fresh)
            return std::unexpected(fresh.error());
        reset.prepare(QStringLiteral("UPDATE staff SET failures = 0, retry_at = 0, password_hash = ? WHERE id = ?"));
        reset.addBindValue(*fresh);
    } else {
        reset.prepare(QStringLiteral("UPDATE staff SET failures = 0, retry_at = 0 WHERE id = ?"));
    }
    reset.addBindValue(account.id);
    if (!reset.exec())
        return std::unexpected(Database::storageError(reset.lastError(), tr("Signing in")));
    m_audit.setActor(account.userName);
    if (Status recorded = m_audit.record(db, QStringLiteral("signin"), userObject(account.userName), QString()); !recorded) {
        m_audit.setActor(actor());
        return std::unexpected(recorded.error());
    }
    if (Status committed = transaction.commit(); !committed) {
        m_audit.setActor(actor());
        return std::unexpected(committed.error());
    }
    m_audit.committed();
    m_signedIn = account;
    qCInfo(lcSecurity) << "signed in:" << account.userName << toText(account.role);
    Q_EMIT signedInChanged();
    return account;
}

Status StaffAccounts::updateAccount(qint64 id, const QString &assignments, const QVariantList &values, const QString &action,
                                    const QString &userName, const QString &summary, const QString &doing)
{
    QSqlDatabase db = m_database.connection();
    Transaction transaction(db);
    if (Status begun = transaction.began(doing); !begun)
        return begun;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE staff SET %1 WHERE id = ?").arg(assignments));
    for (const QVariant &value : values)
        q.addBindValue(value);
    q.addBindValue(id);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), doing));
    if (Status recorded = m_audit.record(db, action, userObject(userName), summary); !recorded)
        return recorded;
    if (Status committed = transaction.commit(); !committed)
        return committed;
    m_audit.committed();
    return {};
}

Status StaffAccounts::recordFailure(const StaffAccount &account, int failures)
{
    qint64 retryAt = 0;
    if (failures >= FreeFailures) {
        const int doublings = std::min(failures - FreeFailures, 10);
        retryAt = m_clock.nowMs() + std::min(LongestWaitMs, FirstWaitMs << doublings);
    }
    if (Status updated = updateAccount(account.id, QStringLiteral("failures = ?, retry_at = ?"), {failures, retryAt},
                                       QStringLiteral("signin.failed"), account.userName,
                                       QStringLiteral("wrong password, %1 in a row").arg(failures), tr("Signing in"));
        !updated)
        return updated;
    qCInfo(lcSecurity) << "sign-in failed:" << account.userName << failures << "in a row";
    return {};
}

void StaffAccounts::lock()
{
    if (!m_signedIn)
        return;
    m_audit.record(QStringLiteral("lock"), userObject(m_signedIn->userName), QString());
    m_signedIn.reset();
    m_audit.setActor(QString());
    Q_EMIT signedInChanged();
}

void StaffAccounts::refresh()
{
    const Result<QList<StaffAccount>> accounts = list();
    if (!accounts) {
        qCWarning(lcSecurity) << "reading the staff accounts again failed:" << accounts.error().message;
        return;
    }
    QStringList seen;
    for (const StaffAccount &a : *accounts)
        seen << a.userName + u'\x1f' + a.displayName + u'\x1f' + toText(a.role) + (a.disabled ? u'-' : u'+');
    const bool accountsDiffer = !m_seen || *m_seen != seen;
    m_seen = seen;
    bool signedInDiffers = false;
    if (m_signedIn) {
        // By user name: the church's accounts may have come with other row ids.
        std::optional<StaffAccount> now;
        for (const StaffAccount &a : *accounts) {
            if (a.userName.compare(m_signedIn->userName, Qt::CaseInsensitive) == 0)
                now = a;
        }
        if (!now || now->disabled) {
            const QString who = m_signedIn->userName;
            m_audit.record(QStringLiteral("lock"), userObject(who),
                           now ? QStringLiteral("account disabled on another computer")
                               : QStringLiteral("account not among the church's accounts"));
            m_signedIn.reset();
            m_audit.setActor(QString());
            qCInfo(lcSecurity) << "signed out:" << who << (now ? "disabled on another computer" : "no such account now");
            signedInDiffers = true;
        } else if (now->role != m_signedIn->role || now->displayName != m_signedIn->displayName
                   || now->userName != m_signedIn->userName || now->id != m_signedIn->id) {
            if (now->role != m_signedIn->role)
                qCInfo(lcSecurity) << "role changed on another computer:" << now->userName << toText(now->role);
            m_signedIn = now;
            m_audit.setActor(now->userName);
            signedInDiffers = true;
        }
    }
    if (signedInDiffers)
        Q_EMIT signedInChanged();
    if (accountsDiffer)
        Q_EMIT accountsChanged();
}

Result<StaffAccount> StaffAccounts::create(const QString &userName, const QString &displayName, Role role,
                                           const QString &password, const QString &action)
{
    const QString user = userName.trimmed();
    const QString name = displayName.simplified().left(MaxDisplayName);
    if (const QString problem = userNameProblem(user); !problem.isEmpty())
        return std::unexpected(failure(ErrorCode::InvalidInput, problem));
    if (name.isEmpty())
        return std::unexpected(failure(ErrorCode::InvalidInput, tr("Give the person's name, as the others know them.")));
    if (const QString problem = Passwords::problem(password, user); !problem.isEmpty())
        return std::unexpected(failure(ErrorCode::InvalidInput, problem));
    const Result<QString> hash = Passwords::hash(password, m_cost);
    if (!hash)
        return std::unexpected(hash.error());
    QSqlDatabase db = m_database.connection();
    Transaction transaction(db);
    if (Status begun = transaction.began(tr("Adding the staff account")); !begun)
        return std::unexpected(begun.error());
    if (action == QStringLiteral("signin.require")) {
        // Checked inside the transaction: two computers turning sign-in on at once make one administrator.
        QSqlQuery any(db);
        if (!any.exec(QStringLiteral("SELECT EXISTS (SELECT 1 FROM staff)")) || !any.next())
            return std::unexpected(Database::storageError(any.lastError(), tr("Adding the staff account")));
        if (any.value(0).toInt() != 0)
            return std::unexpected(
                failure(ErrorCode::Conflict, tr("Sign-in is already required: an administrator adds accounts.")));
    }
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT INTO staff(user_name, display_name, role, password_hash, created_at, updated_at) "
                                  "VALUES (?, ?, ?, ?, ?, ?)"));
    const qint64 now = m_clock.nowMs();
    insert.addBindValue(user);
    insert.addBindValue(name);
    insert.addBindValue(toText(role));
    insert.addBindValue(*hash);
    insert.addBindValue(now);
    insert.addBindValue(now);
    if (!insert.exec()) {
        if (find(user))
            return std::unexpected(failure(ErrorCode::Conflict, tr("There is already an account \"%1\".").arg(user)));
        return std::unexpected(Database::storageError(insert.lastError(), tr("Adding the staff account")));
    }
    if (action == QStringLiteral("signin.require"))
        m_audit.setActor(user);
    if (Status recorded = m_audit.record(db, action, userObject(user), QStringLiteral("role %1").arg(toText(role))); !recorded) {
        m_audit.setActor(actor());
        return std::unexpected(recorded.error());
    }
    if (Status committed = transaction.commit(); !committed) {
        m_audit.setActor(actor());
        return std::unexpected(committed.error());
    }
    m_audit.committed();
    qCInfo(lcSecurity) << "staff account added:" << user << toText(role);
    const Result<StaffAccount> added = find(user);
    if (added && action == QStringLiteral("signin.require")) {
        m_signedIn = *added;
        Q_EMIT signedInChanged();
    }
    Q_EMIT accountsChanged();
    return added;
}

Result<StaffAccount> StaffAccounts::requireSignIn(const QString &userName, const QString &displayName, const QString &password)
{
    // Whoever is at the computer while there are no accounts may do this (they may do anything).
    if (Status allowed = check(Permission::Administer); !allowed)
        return std::unexpected(allowed.error());
    return create(userName, displayName, Role::Administrator, password, QStringLiteral("signin.require"));
}

Result<StaffAccount> StaffAccounts::add(const QString &userName, const QString &displayName, Role role, const QString &password)
{
    if (Status allowed = check(Permission::Administer); !allowed)
        return std::unexpected(allowed.error());
    const Result<bool> required = signInRequired();
    if (!required)
        return std::unexpected(required.error());
    if (!*required) {
        return std::unexpected(failure(ErrorCode::InvalidInput,
                                       tr("Turn on sign-in first (Settings → Staff → Require sign-in): that makes the first "
                                          "administrator.")));
    }
    return create(userName, displayName, role, password, QStringLiteral("users.add"));
}

Result<bool> StaffAccounts::otherActiveAdministrator(const QString &userName) const
{
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT EXISTS (SELECT 1 FROM staff WHERE role = 'administrator' AND disabled = 0 AND "
                             "user_name <> ? COLLATE NOCASE)"));
    q.addBindValue(userName);
    if (!q.exec() || !q.next())
        return std::unexpected(Database::storageError(q.lastError(), tr("Reading the staff accounts")));
    return q.value(0).toInt() != 0;
}

Status StaffAccounts::setRole(const QString &userName, Role role)
{
    if (Status allowed = check(Permission::Administer); !allowed)
        return allowed;
    const Result<StaffAccount> account = find(userName);
    if (!account)
        return std::unexpected(account.error());
    if (account->role == role)
        return {};
    if (account->role == Role::Administrator) {
        const Result<bool> other = otherActiveAdministrator(account->userName);
        if (!other)
            return std::unexpected(other.error());
        if (!*other)
            return std::unexpected(
                failure(ErrorCode::InvalidInput,
                        tr("%1 is the only administrator: make someone else an administrator first.").arg(account->displayName)));
    }
    if (Status updated
        = updateAccount(account->id, QStringLiteral("role = ?, updated_at = ?"), {toText(role), m_clock.nowMs()},
                        QStringLiteral("users.role"), account->userName,
                        QStringLiteral("%1 → %2").arg(toText(account->role), toText(role)), tr("Changing the role"));
        !updated)
        return updated;
    if (m_signedIn && m_signedIn->id == account->id) {
        m_signedIn->role = role;
        Q_EMIT signedInChanged();
    }
    Q_EMIT accountsChanged();
    return {};
}

Status StaffAccounts::setDisabled(const QString &userName, bool disabled)
{
    if (Status allowed = check(Permission::Administer); !allowed)
        return allowed;
    const Result<StaffAccount> account = find(userName);
    if (!account)
        return std::unexpected(account.error());
    if (account->disabled == disabled)
        return {};
    if (disabled && m_signedIn && m_signedIn->id == account->id)
        return std::unexpected(failure(ErrorCode::InvalidInput, tr("You cannot disable your own account while you use it.")));
    if (disabled && account->role == Role::Administrator) {
        const Result<bool> other = otherActiveAdministrator(account->userName);
        if (!other)
            return std::unexpected(other.error());
        if (!*other)
            return std::unexpected(failure(ErrorCode::InvalidInput,
                                           tr("%1 is the only administrator: make someone else an "
                                              "administrator first.")
                                               .arg(account->displayName)));
    }
    if (Status updated
        = updateAccount(account->id, QStringLiteral("disabled = ?, updated_at = ?"), {disabled ? 1 : 0, m_clock.nowMs()},
                        disabled ? QStringLiteral("users.disable") : QStringLiteral("users.enable"), account->userName, QString(),
                        tr("Changing the account"));
        !updated)
        return updated;
    Q_EMIT accountsChanged();
    return {};
}

Status StaffAccounts::resetPassword(const QString &userName, const QString &password)
{
    if (Status allowed = check(Permission::Administer); !allowed)
        return allowed;
    const Result<StaffAccount> account = find(userName);
    if (!account)
        return std::unexpected(account.error());
    if (const QString problem = Passwords::problem(password, account->userName); !problem.isEmpty())
        return std::unexpected(failure(ErrorCode::InvalidInput, problem));
    const Result<QString> hash = Passwords::hash(password, m_cost);
    if (!hash)
        return std::unexpected(hash.error());
    const bool own = m_signedIn && m_signedIn->id == account->id;
    // A new password also ends any wait after wrong ones.
    return updateAccount(account->id, QStringLiteral("password_hash = ?, failures = 0, retry_at = 0, updated_at = ?"),
                         {*hash, m_clock.nowMs()}, own ? QStringLiteral("users.password") : QStringLiteral("users.reset"),
                         account->userName, QString(), tr("Changing the password"));
}

Status StaffAccounts::changeOwnPassword(const QString &currentPassword, const QString &newPassword)
{
    if (!m_signedIn)
        return std::unexpected(failure(ErrorCode::SignIn, tr("Sign in first.")));
    QSqlQuery q(m_database.connection());
    q.prepare(QStringLiteral("SELECT password_hash FROM staff WHERE id = ?"));
    q.addBindValue(m_signedIn->id);
    if (!q.exec() || !q.next())
        return std::unexpected(Database::storageError(q.lastError(), tr("Changing the password")));
    if (!Passwords::verify(q.value(0).toString(), currentPassword))
        return std::unexpected(failure(ErrorCode::SignIn, tr("The current password is not right.")));
    if (const QString problem = Passwords::problem(newPassword, m_signedIn->userName); !problem.isEmpty())
        return std::unexpected(failure(ErrorCode::InvalidInput, problem));
    const Result<QString> hash = Passwords::hash(newPassword, m_cost);
    if (!hash)
        return std::unexpected(hash.error());
    return updateAccount(m_signedIn->id, QStringLiteral("password_hash = ?, updated_at = ?"), {*hash, m_clock.nowMs()},
                         QStringLiteral("users.password"), m_signedIn->userName, QString(), tr("Changing the password"));
}

} // namespace kengele
