// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ReplicaSqlFunctions.h"

#include "Hlc.h"
#include "ReplicaUid.h"
#include "common/Clock.h"
#include "storage/SqliteStatement.h"

#include <QMutexLocker>

#include <sqlite3.h>

namespace kengele {

void ReplicaContext::setUser(const QString &user)
{
    QMutexLocker locker(&m_mutex);
    m_user = user;
}

QString ReplicaContext::user() const
{
    QMutexLocker locker(&m_mutex);
    return m_user;
}

void ReplicaContext::onSharedDataChanged(QObject *receiver, std::function<void()> react)
{
    QMutexLocker locker(&m_mutex);
    m_listeners.append({receiver, std::move(react)});
}

void ReplicaContext::notifySharedDataChanged() const
{
    QList<Listener> listeners;
    {
        QMutexLocker locker(&m_mutex);
        listeners = m_listeners;
    }
    for (const Listener &listener : std::as_const(listeners)) {
        if (QObject *receiver = listener.receiver.data())
            QMetaObject::invokeMethod(receiver, listener.react);
    }
}

const Clock &ReplicaContext::clock() const
{
    const Clock *clock = m_clock.load();
    return clock ? *clock : Clock::system();
}

namespace {

// One per connection: the profile's context and whether this connection is applying remote changes.
struct ConnectionState {
    std::shared_ptr<ReplicaContext> context;
    bool applying = false;
};

ConnectionState &state(sqlite3_context *ctx)
{
    return *static_cast<ConnectionState *>(sqlite3_user_data(ctx));
}

void hlcNext(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const quint64 last = quint64(sqlite3_value_int64(argv[0]));
    sqlite3_result_int64(ctx, sqlite3_int64(Hlc::send(last, state(ctx).context->clock().nowMs())));
}

void uuid7(sqlite3_context *ctx, int, sqlite3_value **)
{
    const QByteArray text = ReplicaUid::generate(state(ctx).context->clock().nowMs()).toLatin1();
    sqlite3_result_text(ctx, text.constData(), int(text.size()), SQLITE_TRANSIENT);
}

// kengele_name_uid(namespace, name): ReplicaUid::fromName.
void nameUid(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const auto text = [](sqlite3_value *v) {
        return QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_value_text(v)), sqlite3_value_bytes(v));
    };
    const QByteArray uid = ReplicaUid::fromName(text(argv[0]), text(argv[1])).toLatin1();
    sqlite3_result_text(ctx, uid.constData(), int(uid.size()), SQLITE_TRANSIENT);
}

void user(sqlite3_context *ctx, int, sqlite3_value **)
{
    const QByteArray text = state(ctx).context->user().toUtf8();
    sqlite3_result_text(ctx, text.constData(), int(text.size()), SQLITE_TRANSIENT);
}

void applying(sqlite3_context *ctx, int, sqlite3_value **)
{
    sqlite3_result_int(ctx, state(ctx).applying ? 1 : 0);
}

void setApplyingFunction(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    state(ctx).applying = sqlite3_value_int(argv[0]) != 0;
    sqlite3_result_int(ctx, state(ctx).applying ? 1 : 0);
}

void destroyState(void *p)
{
    delete static_cast<ConnectionState *>(p);
}

} // namespace

bool ReplicaSqlFunctions::install(sqlite3 *db, std::shared_ptr<ReplicaContext> context)
{
    if (!db)
        return false;
    auto *connection = new ConnectionState{std::move(context), false};
    // The first registration owns the state and frees it when the connection closes.
    if (sqlite3_create_function_v2(db, "kengele_sync_applying", 0, SQLITE_UTF8, connection, applying, nullptr, nullptr,
                                   destroyState)
        != SQLITE_OK) {
        delete connection;
        return false;
    }
    bool ok = true;
    ok = ok
        && sqlite3_create_function_v2(db, "kengele_sync_set_applying", 1, SQLITE_UTF8, connection, setApplyingFunction, nullptr,
                                      nullptr, nullptr)
            == SQLITE_OK;
    ok = ok
        && sqlite3_create_function_v2(db, "kengele_hlc_next", 1, SQLITE_UTF8, connection, hlcNext, nullptr, nullptr, nullptr)
            == SQLITE_OK;
    ok = ok
        && sqlite3_create_function_v2(db, "kengele_uuid7", 0, SQLITE_UTF8, connection, uuid7, nullptr, nullptr, nullptr)
            == SQLITE_OK;
    ok = ok
        && sqlite3_create_function_v2(db, "kengele_name_uid", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC, connection, nameUid, nullptr,
                                      nullptr, nullptr)
            == SQLITE_OK;
    ok = ok
        && sqlite3_create_function_v2(db, "kengele_user", 0, SQLITE_UTF8, connection, user, nullptr, nullptr, nullptr)
            == SQLITE_OK;
    return ok;
}

bool ReplicaSqlFunctions::setApplying(const QSqlDatabase &db, bool applying)
{
    sqlite3 *handle = SqliteStatement::handle(db);
    if (!handle)
        return false;
    return sqlite3_exec(handle, applying ? "SELECT kengele_sync_set_applying(1)" : "SELECT kengele_sync_set_applying(0)", nullptr,
                        nullptr, nullptr)
        == SQLITE_OK;
}

} // namespace kengele
