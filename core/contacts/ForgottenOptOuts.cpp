// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ForgottenOptOuts.h"

#include "security/DataKey.h"
#include "storage/Database.h"

#include <QMutexLocker>
#include <QSqlError>
#include <QSqlQuery>

#include <sodium.h>

namespace kengele {

namespace {

constexpr quint64 SubkeyId = 1;
const char MetaKey[] = "forgotten_optouts_key";
const char KeyCheckText[] = "kengele:forgotten-optouts:key-check";

Error storageError(const QSqlQuery &q)
{
    return Database::storageError(q.lastError(), ForgottenOptOuts::tr("Checking numbers that asked not to receive messages"));
}

} // namespace

void ForgottenOptOuts::setKeySource(KeySource source)
{
    const QMutexLocker lock(&m_mutex);
    m_keySource = std::move(source);
    m_subkey.clear();
}

QByteArray ForgottenOptOuts::hashOf(const QByteArray &subkey, const QString &e164)
{
    if (sodium_init() < 0 || subkey.size() != crypto_generichash_KEYBYTES)
        return {};
    const QByteArray number = e164.toUtf8();
    QByteArray hash(crypto_generichash_BYTES, '\0');
    crypto_generichash(reinterpret_cast<unsigned char *>(hash.data()), std::size_t(hash.size()),
                       reinterpret_cast<const unsigned char *>(number.constData()), quint64(number.size()),
                       reinterpret_cast<const unsigned char *>(subkey.constData()), std::size_t(subkey.size()));
    return hash;
}

QString ForgottenOptOuts::refusal(const QString &e164)
{
    return tr("%1 asked not to receive messages from us, and the person was later forgotten at their request: this "
              "number cannot be added or sent to again.")
        .arg(e164);
}

Result<QByteArray> ForgottenOptOuts::subkey()
{
    const QMutexLocker lock(&m_mutex);
    if (!m_subkey.isEmpty())
        return m_subkey;
    if (!m_keySource)
        return fail(ErrorCode::Keychain, tr("This computer's keychain is not available here."));
    const Result<QByteArray> key = m_keySource();
    if (!key)
        return std::unexpected(key.error());
    const QByteArray sub = DataKey::subkey(*key, SubkeyId, "optouts_");
    if (sub.isEmpty())
        return fail(ErrorCode::Keychain, tr("The keychain holds a damaged key for this data folder."));
    m_subkey = sub;
    return m_subkey;
}

Status ForgottenOptOuts::matchesKey(const QSqlDatabase &db, const QByteArray &subkey, bool remember)
{
    const QString check = QString::fromLatin1(hashOf(subkey, QString::fromLatin1(KeyCheckText)).toHex());
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    q.addBindValue(QString::fromLatin1(MetaKey));
    if (!q.exec())
        return std::unexpected(storageError(q));
    if (q.next())
        return q.value(0).toString() == check
            ? Status{}
            : fail(ErrorCode::Keychain,
                   tr("This computer's keychain holds another key than the one this data folder's blocked numbers "
                      "were kept with (a backup restored on another computer?). Bring the key over, or ask for help."));
    if (!remember)
        return {};
    q.finish();
    q.prepare(QStringLiteral("INSERT INTO meta(key, value) VALUES (?, ?)"));
    q.addBindValue(QString::fromLatin1(MetaKey));
    q.addBindValue(check);
    if (!q.exec())
        return std::unexpected(storageError(q));
    return {};
}

Result<ForgottenCheck> ForgottenOptOuts::check(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT hash FROM forgotten_optouts")))
        return std::unexpected(storageError(q));
    QSet<QByteArray> hashes;
    while (q.next())
        hashes.insert(q.value(0).toByteArray());
    q.finish();
    if (hashes.isEmpty())
        return ForgottenCheck();
    const Result<QByteArray> key = subkey();
    if (!key)
        return fail(ErrorCode::Keychain,
                    tr("Some numbers that asked not to receive messages are kept only in protected form, and checking "
                       "them needs this computer's keychain: %1")
                        .arg(key.error().message));
    if (Status same = matchesKey(db, *key, false); !same)
        return std::unexpected(same.error());
    return ForgottenCheck(*key, std::move(hashes));
}

Status ForgottenOptOuts::add(const QSqlDatabase &db, const QString &e164, qint64 now)
{
    const Result<QByteArray> key = subkey();
    if (!key)
        return std::unexpected(key.error());
    if (Status same = matchesKey(db, *key, true); !same)
        return same;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT OR IGNORE INTO forgotten_optouts(hash, forgotten_at) VALUES (?, ?)"));
    q.addBindValue(hashOf(*key, e164));
    q.addBindValue(now);
    if (!q.exec())
        return std::unexpected(storageError(q));
    return {};
}

} // namespace kengele
