// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "SecretStore.h"

#include <QEventLoop>

#include <optional>

namespace kengele {

Result<QString> SecretStore::readNow(const QString &key)
{
    QEventLoop loop;
    std::optional<Result<QString>> outcome;
    read(key, [&](Result<QString> result) {
        outcome = std::move(result);
        loop.quit();
    });
    if (!outcome)
        loop.exec();
    return *outcome;
}

Status SecretStore::writeNow(const QString &key, const QString &secret)
{
    QEventLoop loop;
    std::optional<Status> outcome;
    write(key, secret, [&](Status status) {
        outcome = std::move(status);
        loop.quit();
    });
    if (!outcome)
        loop.exec();
    return *outcome;
}

Status SecretStore::removeNow(const QString &key)
{
    QEventLoop loop;
    std::optional<Status> outcome;
    remove(key, [&](Status status) {
        outcome = std::move(status);
        loop.quit();
    });
    if (!outcome)
        loop.exec();
    return *outcome;
}

} // namespace kengele
