// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "DarajaClient.h"

#include "MasterKey.h"
#include "RelayStore.h"
#include "Secrets.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QTimer>

Q_LOGGING_CATEGORY(lcDaraja, "kengele.relay.daraja")

namespace kengele::relay {

namespace {

constexpr int TransferTimeoutMs = 20000;
constexpr qint64 MaxAnswerBytes = 64 * 1024;
constexpr qint64 LeaseMs = 30000;
constexpr qint64 MaxTokenLifeSeconds = 24 * 3600;
constexpr int LeaseWaits = 100; // × 200 ms: another process's mint gets 20 s

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString tokenContext(const QString &orgId)
{
    return QStringLiteral("daraja-token:") + orgId;
}

QString trimmedBase(const QString &url)
{
    QString base = url.trimmed();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    return base;
}

// Daraja's error code from an error body ({"errorCode":"404.001.03",…}), or empty.
QString errorCode(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object().value(QLatin1String("errorCode")).toString();
}

QString jsonText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toInteger());
    return {};
}

} // namespace

QString DarajaApi::nairobiTimestamp(const QDateTime &time)
{
    // East Africa Time is UTC+3 all year: no time-zone database needed (offshore servers got
    // "Invalid Timestamp" from using their own zone).
    return time.toUTC().addSecs(3 * 3600).toString(QStringLiteral("yyyyMMddHHmmss"));
}

QString DarajaApi::password(const QString &shortcode, const QString &passkey, const QString &timestamp)
{
    return QString::fromLatin1((shortcode + passkey + timestamp).toUtf8().toBase64());
}

DarajaClient::DarajaClient(RelayStore &store, const MasterKey &key, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_key(key)
    , m_network(new QNetworkAccessManager(this))
    , m_owner(QStringLiteral("proc_") + secrets::randomBase32(12))
{
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

void DarajaClient::finished(QNetworkReply *reply, std::function<void(Answer)> done)
{
    Answer answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.body = reply->read(MaxAnswerBytes);
    if (reply->error() != QNetworkReply::NoError && answer.status == 0)
        answer.networkError = QStringLiteral("network error %1").arg(int(reply->error()));
    reply->deleteLater();
    done(answer);
}

void DarajaClient::withToken(const DarajaAccount &account, const QString &stale, int attempt,
                             std::function<void(QString, QString)> done)
{
    const auto cached = m_store.darajaToken(account.orgId);
    if (!cached)
        return done({}, QStringLiteral("token cache: ") + cached.error());
    const qint64 now = nowMs();
    if (!cached->sealed.isEmpty() && cached->expiresAt - RefreshEarlyMs > now) {
        const auto token = m_key.open(cached->sealed, tokenContext(account.orgId));
        if (token && QString::fromLatin1(*token) != stale)
            return done(QString::fromLatin1(*token), {});
    }
    const auto leased = m_store.leaseTokenMint(account.orgId, m_owner, now + LeaseMs, now);
    if (!leased)
        return done({}, QStringLiteral("token cache: ") + leased.error());
    if (*leased)
        return mint(account, std::move(done));
    // Another process is minting: its token will be in the database in a moment.
    if (attempt >= LeaseWaits)
        return done({}, QStringLiteral("another relay process holds the token lease"));
    QTimer::singleShot(200, this, [this, account, stale, attempt, done = std::move(done)]() mutable {
        withToken(account, stale, attempt + 1, std::move(done));
    });
}

void DarajaClient::mint(const DarajaAccount &account, std::function<void(QString, QString)> done)
{
    QNetworkRequest request(
        QUrl(trimmedBase(account.baseUrl) + QStringLiteral("/oauth/v1/generate?grant_type=client_credentials")));
    request.setTransferTimeout(TransferTimeoutMs);
    request.setRawHeader("Authorization",
                         "Basic " + (account.consumerKey + QLatin1Char(':') + account.consumerSecret).toUtf8().toBase64());
    QNetworkReply *reply = m_network->get(request);
    const QString orgId = account.orgId;
    connect(reply, &QNetworkReply::finished, this, [this, reply, orgId, done = std::move(done)]() mutable {
        finished(reply, [this, orgId, done = std::move(done)](Answer answer) {
            const QJsonObject body = QJsonDocument::fromJson(answer.body).object();
            const QString token = body.value(QLatin1String("access_token")).toString();
            // expires_in is a number in the docs and a string in several clients' models.
            bool ok = false;
            const qint64 expiresIn = jsonText(body.value(QLatin1String("expires_in"))).toLongLong(&ok);
            if (answer.status != 200 || token.isEmpty() || !ok || expiresIn <= 0) {
                m_store.releaseTokenLease(orgId, m_owner);
                const QString problem = answer.networkError.isEmpty()
                    ? QStringLiteral("oauth answered HTTP %1 %2").arg(answer.status).arg(errorCode(answer.body))
                    : QStringLiteral("oauth: ") + answer.networkError;
                qCWarning(lcDaraja).noquote() << QStringLiteral("token refused org=%1 %2").arg(orgId, problem);
                return done({}, problem);
            }
            // Held to a day: Daraja's tokens last an hour, and an absurd number must not overflow.
            const qint64 expiresAt = nowMs() + qMin<qint64>(expiresIn, MaxTokenLifeSeconds) * 1000;
            if (auto stored
                = m_store.storeDarajaToken(orgId, m_owner, m_key.seal(token.toLatin1(), tokenContext(orgId)), expiresAt);
                !stored)
                qCWarning(lcDaraja).noquote() << QStringLiteral("token not cached org=%1 error=%2").arg(orgId, stored.error());
            qCInfo(lcDaraja).noquote() << QStringLiteral("token minted org=%1 expires_in=%2s").arg(orgId).arg(expiresIn);
            done(token, {});
        });
    });
}

void DarajaClient::postJson(const DarajaAccount &account, const QString &path, const QJsonObject &body, bool retried,
                            std::function<void(Answer)> done)
{
    withToken(
        account, {}, 0, [this, account, path, body, retried, done = std::move(done)](QString token, QString problem) mutable {
            if (token.isEmpty())
                return done(Answer{0, {}, problem});
            QNetworkRequest request(QUrl(trimmedBase(account.baseUrl) + path));
            request.setTransferTimeout(TransferTimeoutMs);
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
            request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
            QNetworkReply *reply = m_network->post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
            connect(
                reply, &QNetworkReply::finished, this,
                [this, reply, account, path, body, retried, token, done = std::move(done)]() mutable {
                    finished(reply, [this, account, path, body, retried, token, done = std::move(done)](Answer answer) mutable {
                        // Daraja says the token is invalid (another client minted one): renew it once.
                        if (!retried && errorCode(answer.body) == QLatin1String("404.001.03")) {
                            qCInfo(lcDaraja).noquote()
                                << QStringLiteral("token refused by Daraja org=%1: renewing once").arg(account.orgId);
                            withToken(account, token, 0,
                                      [this, account, path, body, done = std::move(done)](QString fresh, QString why) mutable {
                                          if (fresh.isEmpty())
                                              return done(Answer{0, {}, why});
                                          postJson(account, path, body, true, std::move(done));
                                      });
                            return;
                        }
                        done(answer);
                    });
                });
        });
}

void DarajaClient::stkPush(const DarajaAccount &account, const StkPushRequest &push, std::function<void(StkPushResult)> done)
{
    const QString timestamp = nairobiTimestamp(QDateTime::currentDateTimeUtc());
    const bool till = !account.till.isEmpty();
    const QJsonObject body{
        {QStringLiteral("BusinessShortCode"), account.shortcode},
        {QStringLiteral("Password"), password(account.shortcode, account.passkey, timestamp)},
        {QStringLiteral("Timestamp"), timestamp},
        {QStringLiteral("TransactionType"),
         till ? QStringLiteral("CustomerBuyGoodsOnline") : QStringLiteral("CustomerPayBillOnline")},
        {QStringLiteral("Amount"), push.amountKes},
        {QStringLiteral("PartyA"), push.phone},
        {QStringLiteral("PartyB"), till ? account.till : account.shortcode},
        {QStringLiteral("PhoneNumber"), push.phone},
        {QStringLiteral("CallBackURL"), push.callbackUrl},
        {QStringLiteral("AccountReference"), push.accountReference.left(12)},
        {QStringLiteral("TransactionDesc"), push.description.left(13)},
    };
    postJson(account, QStringLiteral("/mpesa/stkpush/v1/processrequest"), body, false, [done = std::move(done)](Answer answer) {
        StkPushResult result;
        const QJsonObject json = QJsonDocument::fromJson(answer.body).object();
        result.checkoutRequestId = json.value(QLatin1String("CheckoutRequestID")).toString();
        result.merchantRequestId = json.value(QLatin1String("MerchantRequestID")).toString();
        const QString responseCode = jsonText(json.value(QLatin1String("ResponseCode")));
        if (answer.status == 200 && responseCode == QLatin1String("0") && !result.checkoutRequestId.isEmpty()
            && result.checkoutRequestId.size() <= 128) {
            result.accepted = true;
            return done(result);
        }
        result.phoneBusy = json.value(QLatin1String("errorMessage"))
                               .toString()
                               .contains(QLatin1String("lock subscriber"), Qt::CaseInsensitive);
        result.problem = answer.status == 0 ? answer.networkError
                                            : QStringLiteral("push answered HTTP %1 code %2")
                                                  .arg(answer.status)
                                                  .arg(responseCode.isEmpty() ? errorCode(answer.body) : responseCode);
        done(result);
    });
}

void DarajaClient::stkQuery(const DarajaAccount &account, const Purchase &purchase, std::function<void(StkQueryResult)> done)
{
    const QString timestamp = nairobiTimestamp(QDateTime::currentDateTimeUtc());
    const QJsonObject body{{QStringLiteral("BusinessShortCode"), account.shortcode},
                           {QStringLiteral("Password"), password(account.shortcode, account.passkey, timestamp)},
                           {QStringLiteral("Timestamp"), timestamp},
                           {QStringLiteral("CheckoutRequestID"), purchase.checkoutRequestId}};
    postJson(account, QStringLiteral("/mpesa/stkpushquery/v1/query"), body, false, [done = std::move(done)](Answer answer) {
        StkQueryResult result;
        const QJsonObject json = QJsonDocument::fromJson(answer.body).object();
        const QString code = errorCode(answer.body);
        // "The transaction is being processed": still waiting for the payer.
        if (code == QLatin1String("500.001.1001")) {
            result.kind = StkQueryResult::Kind::Pending;
            return done(result);
        }
        const QString resultCode = jsonText(json.value(QLatin1String("ResultCode")));
        if (answer.status == 200 && !resultCode.isEmpty()) {
            result.kind = StkQueryResult::Kind::Settled;
            result.resultCode = resultCode.left(32);
            return done(result);
        }
        result.kind = StkQueryResult::Kind::Unreachable;
        result.problem = answer.status == 0 ? answer.networkError
                                            : QStringLiteral("query answered HTTP %1 code %2").arg(answer.status).arg(code);
        done(result);
    });
}

} // namespace kengele::relay
