// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "FakeSecretStore.h"

namespace kengele::test {

void FakeSecretStore::read(const QString &key, ReadCallback done)
{
    if (std::exchange(failNext, false))
        return done(fail(ErrorCode::Keychain, QStringLiteral("fake keychain failure")));
    if (!values.contains(key))
        return done(fail(ErrorCode::NotFound, QStringLiteral("not found")));
    done(values.value(key));
}

void FakeSecretStore::write(const QString &key, const QString &secret, WriteCallback done)
{
    if (std::exchange(failNext, false) || (refuseWrite && refuseWrite(key)))
        return done(fail(ErrorCode::Keychain, QStringLiteral("fake keychain failure")));
    values.insert(key, secret);
    done({});
}

void FakeSecretStore::remove(const QString &key, WriteCallback done)
{
    if (std::exchange(failNext, false))
        return done(fail(ErrorCode::Keychain, QStringLiteral("fake keychain failure")));
    values.remove(key);
    done({});
}

} // namespace kengele::test
