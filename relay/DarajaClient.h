// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "DarajaApi.h"

#include <QObject>

class QNetworkAccessManager;
class QNetworkReply;

namespace kengele::relay {

class MasterKey;
class RelayStore;

// Safaricom's Daraja API over HTTPS (provider-apis B.1, B.2), asynchronous. The OAuth token is
// cached per organisation in the database, sealed, and shared by every relay process: Daraja
// invalidates the previous token whenever a new one is minted, so a process mints only while it
// holds the organisation's lease (RelayStore::leaseTokenMint), others wait for its token. A token
// is renewed five minutes before it expires, or once when Daraja says it is invalid (404.001.03).
class DarajaClient final : public QObject, public DarajaApi
{
    Q_OBJECT

public:
    DarajaClient(RelayStore &store, const MasterKey &key, QObject *parent = nullptr);

    void stkPush(const DarajaAccount &account, const StkPushRequest &request, std::function<void(StkPushResult)> done) override;
    void stkQuery(const DarajaAccount &account, const Purchase &purchase, std::function<void(StkQueryResult)> done) override;

    static constexpr qint64 RefreshEarlyMs = 5 * 60 * 1000;

private:
    struct Answer {
        int status = 0; // 0: no answer
        QByteArray body;
        QString networkError;
    };
    // A usable token (empty + problem when none). `stale`: the token Daraja refused; a new one is
    // minted unless another process already replaced it.
    void withToken(const DarajaAccount &account, const QString &stale, int attempt,
                   std::function<void(QString token, QString problem)> done);
    void mint(const DarajaAccount &account, std::function<void(QString token, QString problem)> done);
    void postJson(const DarajaAccount &account, const QString &path, const QJsonObject &body, bool retried,
                  std::function<void(Answer)> done);
    void finished(QNetworkReply *reply, std::function<void(Answer)> done);

    RelayStore &m_store;
    const MasterKey &m_key;
    QNetworkAccessManager *m_network;
    QString m_owner; // this process, for the token lease
};

} // namespace kengele::relay
