// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "RelayClientSync.h"
#include "RelayError.h"
#include "RelayEvent.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QUrlQuery>

#include <functional>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace kengele {

// The relay's client API (docs/relay.md, /v1) over an injected QNetworkAccessManager: enrolment
// (code -> device token), the long-poll event feed, and withdrawing the device. Asynchronous; each
// call answers its callback exactly once, unless cancel() came first (then never). The token is
// sent only as a Bearer header, never logged. Redirects are never followed (they would take the
// code or the token to another address) and answers larger than any real one are given up.
class RelayClient final : public QObject
{
    Q_OBJECT

public:
    using EnrolCallback = std::function<void(RelayResult<RelayEnrolment>)>;
    using EventsCallback = std::function<void(RelayResult<RelayEventBatch>)>;
    using RevokeCallback = std::function<void(RelayResult<void>)>;
    using JsonCallback = std::function<void(RelayResult<QJsonObject>)>;

    // The most an answer may be: a page of the feed holds at most 1000 events, each an SMS or a
    // report of a few hundred bytes (a long SMS a few KB); anything else the relay says is a small
    // JSON object. A larger answer is not read but given up (BadAnswer).
    static constexpr qint64 EventsAnswerLimit = 8LL * 1024 * 1024;
    static constexpr qint64 SmallAnswerLimit = 64LL * 1024;

    explicit RelayClient(QNetworkAccessManager &network, QObject *parent = nullptr);
    ~RelayClient() override;

    // What a person typed as the relay's address: http(s) with a host, nothing after the path.
    static RelayResult<QUrl> parseUrl(const QString &text);

    void setBaseUrl(const QUrl &url) { m_baseUrl = url; }
    QUrl baseUrl() const { return m_baseUrl; }
    void setToken(const QString &token) { m_token = token; }
    bool hasToken() const { return !m_token.isEmpty(); }

    // POST /v1/enrol {"code","name"} -> the device token. 401: unknown, used or expired code.
    void enrol(const QString &code, const QString &deviceName, EnrolCallback done);
    // GET /v1/events?after=N&wait=S&limit=L. The answer is checked: events in order, after N.
    void fetchEvents(qint64 after, int waitSeconds, int limit, EventsCallback done);
    // The body of a 200 answer of /v1/events as a batch: a JSON object with an "events" array
    // whose seqs increase after `after`, each with a kind. nullopt when it is not (the answer cannot
    // be trusted, so nothing of it is applied).
    static std::optional<RelayEventBatch> parseEventBatch(const QByteArray &answer, qint64 after);
    // DELETE /v1/device with `token` (not the one set): the device that token belongs to withdraws
    // itself from the relay (204). For an enrolment whose token could not be kept.
    void revokeDevice(const QString &token, RevokeCallback done);

    // An authenticated call to the client API that answers a JSON object (GET /v1/plans,
    // POST /v1/purchases, …): the object of a 200 or 201 answer, else why not (with the relay's
    // "code" when it gave one).
    // A GET whose answer may be larger than a small object (a list) says how large it may be.
    void getJson(const QString &path, const QUrlQuery &query, JsonCallback done, qint64 answerLimit = SmallAnswerLimit);
    void postJson(const QString &path, const QJsonObject &body, JsonCallback done);

    // Several computers, one congregation (docs/relay.md, "Sync between a church's computers";
    // RelayClientSync.cpp). Payloads are bytes here and base64 on the wire; the relay never reads
    // them. A computer not yet approved gets RelayError::waitingForApproval on everything but its
    // own state and its join. `wait` > 0 long-polls (answered when something changed or the wait ends).
    template<typename T> using Callback = std::function<void(RelayResult<T>)>;
    static constexpr qint64 SnapshotPartLimit = 1024LL * 1024;
    // GET /v1/device: this computer's own state (approved or pending).
    void fetchOwnDevice(Callback<RelayDeviceInfo> done);
    // The newcomer: POST /v1/join {commitment}, GET /v1/join (afterVersion < 0: now; else wait for a
    // newer version), POST /v1/join/reveal {reveal}.
    void postJoinCommitment(const QByteArray &commitment, Callback<RelayJoinState> done);
    void fetchJoinState(qint64 afterVersion, int waitSeconds, Callback<RelayJoinState> done);
    void postJoinReveal(const QByteArray &reveal, Callback<RelayJoinState> done);
    // An approved computer: GET /v1/join-requests, POST /v1/join-requests/{device}/keys|approve|refuse.
    void fetchJoinRequests(qint64 afterVersion, int waitSeconds, Callback<RelayJoinRequests> done);
    void sendJoinKeys(const QString &device, const QByteArray &keys, Callback<void> done);
    void approveJoin(const QString &device, const QByteArray &grant, Callback<void> done);
    void refuseJoin(const QString &device, Callback<void> done);
    // POST /v1/changes: batch number `seq` of this computer (1, 2, 3…). 409 seq_gap: error.expected
    // is the number the relay wants; 409 seq_conflict: that number was used for other bytes.
    void postChangeBatch(qint64 seq, qint64 epoch, const QByteArray &batch, Callback<RelayChangeReceipt> done);
    // GET /v1/changes?after&wait&limit, checked in order after `after`. 410 (code "compacted",
    // error.expected = the snapshot's cover): fetch the snapshot first.
    void fetchChanges(qint64 after, int waitSeconds, int limit, Callback<RelayChangePage> done);
    static std::optional<RelayChangePage> parseChangePage(const QByteArray &answer, qint64 after);
    // GET /v1/devices; DELETE /v1/devices/{id} (revokes it at once).
    void fetchDevices(Callback<QList<RelayDeviceInfo>> done);
    void removeDevice(const QString &device, Callback<void> done);
    // POST /v1/keys (one sealed grant per computer for a new epoch; the answer: how many were new);
    // GET /v1/keys?after=E (this computer's grants of newer epochs).
    void postKeyGrants(qint64 epoch, const QList<std::pair<QString, QByteArray>> &grants, Callback<int> done);
    void fetchKeyGrants(qint64 afterEpoch, Callback<QList<RelayKeyGrant>> done);
    // PUT /v1/snapshot?part&parts&covers&epoch (≤ 1 MiB a part); GET /v1/snapshot (nullopt: none);
    // GET /v1/snapshot/part/K?snapshot=ID.
    void putSnapshotPart(int part, int parts, qint64 covers, qint64 epoch, const QByteArray &bytes,
                         Callback<RelaySnapshotInfo> done);
    void fetchSnapshot(Callback<std::optional<RelaySnapshotInfo>> done);
    void fetchSnapshotPart(qint64 snapshotId, int part, Callback<QByteArray> done);

    // Gives up what is in flight; their callbacks are not called.
    void cancel();
    bool isBusy() const;

private:
    QUrl endpoint(const QString &path) const;
    QNetworkRequest newRequest(const QUrl &url) const;
    QNetworkReply *track(QNetworkReply *reply, qint64 answerLimit);
    // Forgets a finished reply (deleted later) and gives its body, or why it is not to be read
    // (it was too large).
    RelayResult<QByteArray> finish(QNetworkReply *reply, qint64 answerLimit);
    void answerJson(QNetworkReply *reply, JsonCallback done, qint64 answerLimit = SmallAnswerLimit);
    RelayError errorOf(QNetworkReply *reply, const QByteArray &body, bool enrolling) const;
    // An authenticated request with any method: the body of a 200 answer (or 204), else why not.
    void call(const QByteArray &verb, const QString &path, const QUrlQuery &query, const QByteArray &body,
              const QByteArray &contentType, qint64 answerLimit, int timeoutMs, Callback<QByteArray> done);
    // The same for a JSON object answer, parsed by `read` (nullopt: unreadable).
    template<typename T>
    void callJson(const QByteArray &verb, const QString &path, const QUrlQuery &query, const QByteArray &body, qint64 answerLimit,
                  int timeoutMs, std::function<std::optional<T>(const QJsonObject &)> read, Callback<T> done);
    RelayError unreadable(int status) const;

    QNetworkAccessManager &m_network;
    QUrl m_baseUrl;
    QString m_token;
    QList<QPointer<QNetworkReply>> m_replies;
};

} // namespace kengele
