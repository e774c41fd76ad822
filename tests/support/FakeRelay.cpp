// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "FakeRelay.h"

#include "sync/TokenShop.h"
#include "tokens/Plan.h"
#include "tokens/Voucher.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace kengele::test {

namespace {

void writeJson(QHttpServerResponder &responder, int status, const QJsonObject &object)
{
    const QByteArray body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    responder.writeStatusLine(QHttpServerResponder::StatusCode(status));
    responder.writeHeader("Content-Type", "application/json");
    responder.writeHeader("Content-Length", QByteArray::number(body.size()));
    responder.writeBody(body);
}

QString bearer(const QHttpServerRequest &request)
{
    for (const auto &header : request.headers()) {
        if (header.first.compare("Authorization", Qt::CaseInsensitive) == 0 && header.second.startsWith("Bearer "))
            return QString::fromUtf8(header.second.mid(7));
    }
    return {};
}

} // namespace

FakeRelay::FakeRelay(QObject *parent)
    : QObject(parent)
    , m_server(new QHttpServer(this))
    , m_tcp(new QTcpServer(this))
{
    m_server->setMissingHandler(
        [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) { handle(request, std::move(responder)); });
    // Held long-polls end when their wait is over, as the relay's do.
    QJsonArray offered;
    const QList<std::pair<QString, int>> prices = {{QStringLiteral("demo"), 0},
                                                   {QStringLiteral("starter"), 500},
                                                   {QStringLiteral("business"), 2000},
                                                   {QStringLiteral("enterprise"), 7000}};
    for (const auto &[key, price] : prices) {
        const Plan plan = *Plan::find(key);
        offered.append(QJsonObject{{QStringLiteral("plan"), key},
                                   {QStringLiteral("tokens"), plan.tokens},
                                   {QStringLiteral("validity_days"), plan.validityDays},
                                   {QStringLiteral("price_kes"), price}});
    }
    plans = QJsonObject{{QStringLiteral("plans"), offered},
                        {QStringLiteral("lock_features"), false},
                        {QStringLiteral("mpesa"), QStringLiteral("simulator")}};
    auto *expiry = new QTimer(this);
    connect(expiry, &QTimer::timeout, this, &FakeRelay::expireHeld);
    expiry->start(50);
}

FakeRelay::~FakeRelay()
{
    m_held.clear();
}

bool FakeRelay::start()
{
    if (!m_tcp->listen(QHostAddress::LocalHost, 0))
        return false;
    m_port = m_tcp->serverPort();
    m_server->bind(m_tcp);
    return true;
}

QUrl FakeRelay::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}

qint64 FakeRelay::addEvent(const QString &kind, const QJsonObject &data)
{
    const qint64 seq = m_events.isEmpty() ? 1 : m_events.constLast().seq + 1;
    m_events.append(Event{seq, kind, QDateTime::currentDateTimeUtc(), data});
    wakeHeld();
    return seq;
}

qint64 FakeRelay::addDelivery(const QString &messageId, const QString &status, const QString &phone, const QString &failureReason)
{
    return addEvent(QStringLiteral("at.delivery"),
                    QJsonObject{{QStringLiteral("id"), messageId},
                                {QStringLiteral("status"), status},
                                {QStringLiteral("phoneNumber"), phone},
                                {QStringLiteral("networkCode"), QStringLiteral("63902")},
                                {QStringLiteral("failureReason"), failureReason},
                                {QStringLiteral("retryCount"), QStringLiteral("0")}});
}

qint64 FakeRelay::addInbound(const QString &id, const QString &from, const QString &text, const QString &to)
{
    return addEvent(QStringLiteral("at.inbound"),
                    QJsonObject{{QStringLiteral("id"), id},
                                {QStringLiteral("from"), from},
                                {QStringLiteral("to"), to},
                                {QStringLiteral("text"), text},
                                {QStringLiteral("date"), QStringLiteral("2026-03-01 12:00:00")},
                                {QStringLiteral("linkId"), QString()},
                                {QStringLiteral("networkCode"), QStringLiteral("63902")},
                                {QStringLiteral("cost"), QStringLiteral("KES 0.0000")}});
}

qint64 FakeRelay::addOptOut(const QString &phone, const QString &senderId)
{
    return addEvent(QStringLiteral("at.optout"),
                    QJsonObject{{QStringLiteral("senderId"), senderId}, {QStringLiteral("phoneNumber"), phone}});
}

void FakeRelay::goDown()
{
    m_down = true;
    m_tcp->close();
    m_held.clear();
    // Drop the connections too, as a relay that stopped would.
    const auto sockets = m_server->findChildren<QTcpSocket *>();
    for (QTcpSocket *socket : sockets)
        socket->abort();
}

bool FakeRelay::comeBack()
{
    if (!m_tcp->listen(QHostAddress::LocalHost, m_port))
        return false;
    m_down = false;
    return true;
}

void FakeRelay::handle(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    const QString path = request.url().path();
    ++m_requestCount;
    if (m_redirectCount > 0) {
        --m_redirectCount;
        QUrl target = m_redirectTo;
        target.setPath(path);
        target.setQuery(request.url().query());
        responder.writeStatusLine(QHttpServerResponder::StatusCode(m_redirectStatus));
        responder.writeHeader("Location", target.toEncoded());
        responder.writeHeader("Content-Length", "0");
        responder.writeBody(QByteArray());
        return;
    }
    if (request.method() == QHttpServerRequest::Method::Delete && path == QStringLiteral("/v1/device")) {
        const QString token = bearer(request);
        m_deletions.append(token);
        if (deletionStatus != 0) {
            writeJson(responder, deletionStatus, QJsonObject{{QStringLiteral("error"), QStringLiteral("scripted failure")}});
            return;
        }
        if (!tokens.remove(token)) {
            writeJson(responder, 401, QJsonObject{{QStringLiteral("error"), QStringLiteral("unknown device token")}});
            return;
        }
        responder.write(QHttpServerResponder::StatusCode::NoContent);
        return;
    }
    if (request.method() == QHttpServerRequest::Method::Post && path == QStringLiteral("/v1/enrol")) {
        ++m_enrolRequests;
        const QJsonObject body = QJsonDocument::fromJson(request.body()).object();
        const QString code = body.value(QStringLiteral("code")).toString();
        if (!m_codes.remove(code)) {
            writeJson(responder, 401, QJsonObject{{QStringLiteral("error"), QStringLiteral("unknown, used or expired code")}});
            return;
        }
        tokens.insert(issuedToken);
        writeJson(responder, 201,
                  QJsonObject{{QStringLiteral("device"), QStringLiteral("dev_%1").arg(m_enrolRequests)},
                              {QStringLiteral("token"), issuedToken},
                              {QStringLiteral("org"), org},
                              {QStringLiteral("org_name"), orgName},
                              {QStringLiteral("voucher_key"), QString::fromLatin1(voucherKey.toBase64())}});
        return;
    }
    if (handleShop(request, responder))
        return;
    if (request.method() == QHttpServerRequest::Method::Get && path == QStringLiteral("/v1/events")) {
        const QUrlQuery query = request.query();
        FeedRequest asked;
        asked.after = query.queryItemValue(QStringLiteral("after")).toLongLong();
        asked.wait = qBound(0, query.queryItemValue(QStringLiteral("wait")).toInt(), 30);
        asked.limit = query.hasQueryItem(QStringLiteral("limit"))
            ? qBound(1, query.queryItemValue(QStringLiteral("limit")).toInt(), 1000)
            : 500;
        asked.token = bearer(request);
        asked.at = QDateTime::currentDateTimeUtc();
        m_feedRequests.append(asked);
        Q_EMIT feedRequested(int(m_feedRequests.size()) - 1);
        if (m_failCount > 0) {
            --m_failCount;
            writeJson(responder, m_failStatus, QJsonObject{{QStringLiteral("error"), QStringLiteral("scripted failure")}});
            return;
        }
        if (!tokens.contains(asked.token)) {
            writeJson(responder, 401, QJsonObject{{QStringLiteral("error"), QStringLiteral("unknown device token")}});
            return;
        }
        const bool waiting
            = std::none_of(m_events.cbegin(), m_events.cend(), [&](const Event &e) { return e.seq > asked.after; });
        if (waiting && asked.wait > 0) {
            QTcpSocket *socket = responder.socket();
            m_held.append(HeldPoll{std::make_shared<QHttpServerResponder>(std::move(responder)), socket, asked.after, asked.limit,
                                   asked.at.addSecs(asked.wait)});
            connect(socket, &QAbstractSocket::disconnected, this,
                    [this, socket] { m_held.removeIf([socket](const HeldPoll &poll) { return poll.socket == socket; }); });
            return;
        }
        answerFeed(responder, asked.after, asked.limit);
        return;
    }
    writeJson(responder, 404, QJsonObject{{QStringLiteral("error"), QStringLiteral("not found")}});
}

bool FakeRelay::handleShop(const QHttpServerRequest &request, QHttpServerResponder &responder)
{
    const QString path = request.url().path();
    const bool get = request.method() == QHttpServerRequest::Method::Get;
    const bool post = request.method() == QHttpServerRequest::Method::Post;
    if (!(get
          && (path == QStringLiteral("/v1/voucher-key") || path == QStringLiteral("/v1/plans")
              || path == QStringLiteral("/v1/purchases")))
        && !(post && path == QStringLiteral("/v1/purchases")))
        return false;
    if (post)
        ++m_purchaseRequests;
    if (!tokens.contains(bearer(request))) {
        writeJson(responder, 401, QJsonObject{{QStringLiteral("error"), QStringLiteral("unknown device token")}});
        return true;
    }
    if (path == QStringLiteral("/v1/voucher-key")) {
        if (voucherKey.isEmpty())
            writeJson(responder, 404, QJsonObject{{QStringLiteral("error"), QStringLiteral("not found")}});
        else
            writeJson(responder, 200, QJsonObject{{QStringLiteral("public_key"), QString::fromLatin1(voucherKey.toBase64())}});
        return true;
    }
    if (path == QStringLiteral("/v1/plans")) {
        writeJson(responder, 200, plans);
        return true;
    }
    if (get) {
        QJsonArray newestFirst;
        for (auto it = m_purchases.crbegin(); it != m_purchases.crend(); ++it)
            newestFirst.append(*it);
        writeJson(responder, 200, QJsonObject{{QStringLiteral("purchases"), newestFirst}});
        return true;
    }
    const QJsonObject body = QJsonDocument::fromJson(request.body()).object();
    const QString requestId = body.value(QStringLiteral("request_id")).toString();
    for (const QJsonObject &known : std::as_const(m_purchases)) {
        if (known.value(QStringLiteral("request_id")).toString() == requestId) {
            writeJson(responder, 200, known); // the same request again: the same purchase
            return true;
        }
    }
    if (purchaseErrorStatus != 0) {
        writeJson(responder, purchaseErrorStatus,
                  QJsonObject{{QStringLiteral("error"), QStringLiteral("scripted refusal")},
                              {QStringLiteral("code"), purchaseErrorCode}});
        return true;
    }
    const std::optional<Plan> plan = Plan::find(body.value(QStringLiteral("plan")).toString());
    if (!plan || plan->tier == PlanTier::Demo || requestId.size() < 8) {
        writeJson(responder, 400,
                  QJsonObject{{QStringLiteral("error"), QStringLiteral("Unknown plan.")},
                              {QStringLiteral("code"), QStringLiteral("bad_plan")}});
        return true;
    }
    const auto phone = TokenShop::mpesaNumber(body.value(QStringLiteral("phone")).toString());
    if (!phone) {
        writeJson(responder, 400,
                  QJsonObject{{QStringLiteral("error"), QStringLiteral("Not a Kenyan mobile number.")},
                              {QStringLiteral("code"), QStringLiteral("bad_phone")}});
        return true;
    }
    QJsonValue price;
    for (const auto &value : plans.value(QStringLiteral("plans")).toArray()) {
        if (value.toObject().value(QStringLiteral("plan")).toString() == plan->key())
            price = value.toObject().value(QStringLiteral("price_kes"));
    }
    if (!price.isDouble()) {
        writeJson(responder, 409,
                  QJsonObject{{QStringLiteral("error"), QStringLiteral("No price.")},
                              {QStringLiteral("code"), QStringLiteral("no_price")}});
        return true;
    }
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    const QJsonObject purchase{
        {QStringLiteral("purchase"), QStringLiteral("pur_%1").arg(m_purchases.size() + 1)},
        {QStringLiteral("request_id"), requestId},
        {QStringLiteral("plan"), plan->key()},
        {QStringLiteral("tokens"), plan->tokens},
        {QStringLiteral("validity_days"), plan->validityDays},
        {QStringLiteral("amount_kes"), price},
        {QStringLiteral("phone"), QString(phone->left(4) + QStringLiteral("•••••") + phone->right(3))},
        {QStringLiteral("account"), body.value(QStringLiteral("account")).toString(QStringLiteral("Main"))},
        {QStringLiteral("state"), QStringLiteral("waiting")},
        {QStringLiteral("reason"), QString()},
        {QStringLiteral("result_code"), QString()},
        {QStringLiteral("receipt"), QString()},
        {QStringLiteral("voucher"), QString()},
        {QStringLiteral("simulated"), simulatedPayments},
        {QStringLiteral("requested"), now},
        {QStringLiteral("updated"), now}};
    m_purchases.append(purchase);
    writeJson(responder, 201, purchase);
    return true;
}

QJsonObject FakeRelay::settlePurchase(const QString &requestId, const QString &state, const QString &receipt,
                                      const QString &resultCode, const QString &reason)
{
    for (QJsonObject &purchase : m_purchases) {
        if (purchase.value(QStringLiteral("request_id")).toString() != requestId)
            continue;
        purchase.insert(QStringLiteral("state"), state);
        purchase.insert(QStringLiteral("receipt"), receipt);
        purchase.insert(QStringLiteral("result_code"), resultCode);
        purchase.insert(QStringLiteral("reason"), reason);
        purchase.insert(QStringLiteral("updated"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
        if (state == QStringLiteral("paid"))
            purchase.insert(QStringLiteral("voucher"),
                            QString(QStringLiteral("vch_") + purchase.value(QStringLiteral("purchase")).toString()));
        addEvent(QStringLiteral("purchase"), purchase);
        return purchase;
    }
    return {};
}

qint64 FakeRelay::addVoucherFor(const QString &requestId, const QByteArray &secretKey)
{
    for (const QJsonObject &purchase : std::as_const(m_purchases)) {
        if (purchase.value(QStringLiteral("request_id")).toString() != requestId)
            continue;
        Voucher voucher;
        voucher.id = QStringLiteral("vch_") + purchase.value(QStringLiteral("purchase")).toString();
        voucher.org = org;
        voucher.purchase = purchase.value(QStringLiteral("purchase")).toString();
        voucher.plan = purchase.value(QStringLiteral("plan")).toString();
        voucher.account = purchase.value(QStringLiteral("account")).toString();
        voucher.tokens = purchase.value(QStringLiteral("tokens")).toInteger();
        voucher.validityDays = int(purchase.value(QStringLiteral("validity_days")).toInteger());
        voucher.amountKes = purchase.value(QStringLiteral("amount_kes")).toInteger();
        voucher.receipt = purchase.value(QStringLiteral("receipt")).toString();
        voucher.issued = QDateTime::currentDateTimeUtc();
        voucher.simulated = purchase.value(QStringLiteral("simulated")).toBool();
        return addEvent(QStringLiteral("voucher"), voucher.signedEventData(secretKey));
    }
    return 0;
}

void FakeRelay::answerFeed(QHttpServerResponder &responder, qint64 after, int limit)
{
    QJsonArray events;
    qint64 next = after;
    bool more = false;
    for (const Event &e : std::as_const(m_events)) {
        if (e.seq <= after)
            continue;
        if (events.size() >= limit) {
            more = true;
            break;
        }
        events.append(QJsonObject{{QStringLiteral("seq"), e.seq},
                                  {QStringLiteral("kind"), e.kind},
                                  {QStringLiteral("received"), e.received.toString(Qt::ISODateWithMs)},
                                  {QStringLiteral("data"), e.data}});
        next = e.seq;
    }
    writeJson(responder, 200,
              QJsonObject{{QStringLiteral("events"), events}, {QStringLiteral("next"), next}, {QStringLiteral("more"), more}});
}

void FakeRelay::wakeHeld()
{
    const QList<HeldPoll> held = std::exchange(m_held, {});
    for (const HeldPoll &poll : held) {
        if (poll.socket->state() == QAbstractSocket::ConnectedState)
            answerFeed(*poll.responder, poll.after, poll.limit);
    }
}

void FakeRelay::expireHeld()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<HeldPoll> due;
    m_held.removeIf([&](const HeldPoll &poll) {
        if (poll.deadline > now)
            return false;
        due.append(poll);
        return true;
    });
    for (const HeldPoll &poll : std::as_const(due)) {
        if (poll.socket->state() == QAbstractSocket::ConnectedState)
            answerFeed(*poll.responder, poll.after, poll.limit);
    }
}

} // namespace kengele::test
