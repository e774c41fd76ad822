// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ScopedSecretStore.h"

namespace kengele {

ScopedSecretStore::ScopedSecretStore(SecretStore &inner, QString scope)
    : m_inner(inner)
    , m_scope(std::move(scope))
{ }

QString ScopedSecretStore::scopedKey(const QString &key) const
{
    return m_scope + u'/' + key;
}

void ScopedSecretStore::read(const QString &key, ReadCallback done)
{
    m_inner.read(scopedKey(key), std::move(done));
}

void ScopedSecretStore::write(const QString &key, const QString &secret, WriteCallback done)
{
    m_inner.write(scopedKey(key), secret, std::move(done));
}

void ScopedSecretStore::remove(const QString &key, WriteCallback done)
{
    m_inner.remove(scopedKey(key), std::move(done));
}

} // namespace kengele
