// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "SecretStore.h"

#include <QCoreApplication>

namespace kengele {

// SecretStore on the OS keychain through QtKeychain (Secret Service on Linux, Keychain on macOS,
// Credential Manager on Windows). Keys are scoped by a per-profile namespace so two congregations on
// one computer do not share secrets; without one (the command line, which scopes its keys with a
// ScopedSecretStore once it knows the profile) the keys are used as given.
class KeychainSecretStore final : public SecretStore
{
    Q_DECLARE_TR_FUNCTIONS(KeychainSecretStore)

public:
    KeychainSecretStore(QString service, QString keyNamespace);
    explicit KeychainSecretStore(QString service);

    void read(const QString &key, ReadCallback done) override;
    void write(const QString &key, const QString &secret, WriteCallback done) override;
    void remove(const QString &key, WriteCallback done) override;

private:
    QString scopedKey(const QString &key) const;

    QString m_service;
    QString m_namespace;
};

} // namespace kengele
