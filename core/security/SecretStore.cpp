// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "SecretStore.h"

#include "common/EventLoopWait.h"

namespace kengele {

namespace {

Error noAnswer()
{
    return {ErrorCode::Keychain, SecretStore::tr("The computer's password store (keychain) did not answer.")};
}

} // namespace

Result<QString> SecretStore::readNow(const QString &key)
{
    auto answer = EventLoopWait::forAnswer<Result<QString>>([&](auto done) { read(key, done); }, NowTimeout);
    if (!answer)
        return std::unexpected(noAnswer());
    return std::move(*answer);
}

Status SecretStore::writeNow(const QString &key, const QString &secret)
{
    auto answer = EventLoopWait::forAnswer<Status>([&](auto done) { write(key, secret, done); }, NowTimeout);
    if (!answer)
        return std::unexpected(noAnswer());
    return std::move(*answer);
}

Status SecretStore::removeNow(const QString &key)
{
    auto answer = EventLoopWait::forAnswer<Status>([&](auto done) { remove(key, done); }, NowTimeout);
    if (!answer)
        return std::unexpected(noAnswer());
    return std::move(*answer);
}

} // namespace kengele
