// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "KeychainSecretStore.h"

#include "common/Log.h"

#include <qt6keychain/keychain.h>

namespace kengele {

namespace {

Error keychainError(QKeychain::Error code, const QString &detail)
{
    if (code == QKeychain::EntryNotFound)
        return {ErrorCode::NotFound, KeychainSecretStore::tr("No saved password or key was found.")};
    qCWarning(lcSecurity) << "keychain error" << int(code);
    return {ErrorCode::Keychain,
            KeychainSecretStore::tr("The computer's password store (keychain) could not be used: %1").arg(detail)};
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QString service, QString keyNamespace)
    : m_service(std::move(service))
    , m_namespace(std::move(keyNamespace))
{ }

KeychainSecretStore::KeychainSecretStore(QString service)
    : m_service(std::move(service))
{ }

QString KeychainSecretStore::scopedKey(const QString &key) const
{
    return m_namespace.isEmpty() ? key : m_namespace + u'/' + key;
}

void KeychainSecretStore::read(const QString &key, ReadCallback done)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setAutoDelete(true);
    job->setKey(scopedKey(key));
    QObject::connect(job, &QKeychain::Job::finished, job, [job, done = std::move(done)] {
        if (job->error() != QKeychain::NoError)
            done(std::unexpected(keychainError(job->error(), job->errorString())));
        else
            done(job->textData());
    });
    job->start();
}

void KeychainSecretStore::write(const QString &key, const QString &secret, WriteCallback done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setKey(scopedKey(key));
    job->setTextData(secret);
    QObject::connect(job, &QKeychain::Job::finished, job, [job, done = std::move(done)] {
        if (job->error() != QKeychain::NoError)
            done(std::unexpected(keychainError(job->error(), job->errorString())));
        else
            done({});
    });
    job->start();
}

void KeychainSecretStore::remove(const QString &key, WriteCallback done)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setKey(scopedKey(key));
    QObject::connect(job, &QKeychain::Job::finished, job, [job, done = std::move(done)] {
        if (job->error() != QKeychain::NoError && job->error() != QKeychain::EntryNotFound)
            done(std::unexpected(keychainError(job->error(), job->errorString())));
        else
            done({});
    });
    job->start();
}

} // namespace kengele
