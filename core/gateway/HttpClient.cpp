// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "HttpClient.h"

#include "common/Log.h"

#include <QPointer>
#include <QSocketNotifier>

#include <curl/curl.h>

#include <algorithm>
#include <cstring>
#include <mutex>

namespace kengele {

namespace {
// A request body on its way out.
struct Upload {
    QByteArray body;
    qsizetype sent = 0;
};
} // namespace

struct HttpClient::Transfer {
    quint64 id = 0;
    CURL *easy = nullptr;
    curl_slist *headers = nullptr;
    Upload upload;
    HttpResponse response;
    Callback done;
    char error[CURL_ERROR_SIZE] = {};
};

struct HttpClient::Socket {
    std::unique_ptr<QSocketNotifier> read;
    std::unique_ptr<QSocketNotifier> write;
};

namespace {

void initialiseCurl()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// The body, handed over as libcurl asks for it. There is no seek callback: libcurl cannot rewind
// the body, so it can never send it a second time (see the class comment).
size_t readBody(char *buffer, size_t size, size_t items, void *data)
{
    auto *upload = static_cast<Upload *>(data);
    const qsizetype n = std::min<qsizetype>(upload->body.size() - upload->sent, qsizetype(size * items));
    if (n > 0) {
        std::memcpy(buffer, upload->body.constData() + upload->sent, size_t(n));
        upload->sent += n;
    }
    return size_t(n);
}

size_t writeAnswer(char *data, size_t size, size_t items, void *answer)
{
    auto *body = static_cast<QByteArray *>(answer);
    const size_t n = size * items;
    if (body->size() + qsizetype(n) > HttpClient::MaxAnswerBytes)
        return 0; // libcurl stops the transfer (CURLE_WRITE_ERROR)
    body->append(data, qsizetype(n));
    return n;
}

size_t readHeader(char *data, size_t size, size_t items, void *response)
{
    const size_t n = size * items;
    const QByteArray line = QByteArray::fromRawData(data, qsizetype(n));
    static constexpr QByteArrayView retryAfter = "retry-after:";
    if (line.size() > retryAfter.size() && line.first(retryAfter.size()).compare(retryAfter, Qt::CaseInsensitive) == 0)
        static_cast<HttpResponse *>(response)->retryAfter = line.sliced(retryAfter.size()).trimmed();
    return n;
}

HttpResponse::Failure failureFor(CURLcode code, curl_off_t requestBytes)
{
    switch (code) {
    case CURLE_OK:
        return HttpResponse::Failure::None;
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_CONNECT:
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
        return HttpResponse::Failure::NotConnected;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_ENGINE_INITFAILED:
        return HttpResponse::Failure::Tls;
    default:
        break;
    }
    // Nothing of the request went out (the connection never came up): it cannot have reached anyone.
    if (requestBytes <= 0)
        return HttpResponse::Failure::NotConnected;
    return code == CURLE_OPERATION_TIMEDOUT ? HttpResponse::Failure::TimedOut : HttpResponse::Failure::Broken;
}

} // namespace

HttpClient::HttpClient(int maxConnections, QObject *parent)
    : QObject(parent)
    , m_timer(this)
{
    initialiseCurl();
    m_multi = curl_multi_init();
    curl_multi_setopt(m_multi, CURLMOPT_SOCKETFUNCTION, &HttpClient::onSocket);
    curl_multi_setopt(m_multi, CURLMOPT_SOCKETDATA, this);
    curl_multi_setopt(m_multi, CURLMOPT_TIMERFUNCTION, &HttpClient::onTimer);
    curl_multi_setopt(m_multi, CURLMOPT_TIMERDATA, this);
    curl_multi_setopt(m_multi, CURLMOPT_MAX_HOST_CONNECTIONS, long(std::max(1, maxConnections)));
    curl_multi_setopt(m_multi, CURLMOPT_MAXCONNECTS, long(std::max(1, maxConnections)));
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] { act(CURL_SOCKET_TIMEOUT, 0); });
}

HttpClient::~HttpClient()
{
    m_closing = true;
    m_timer.stop();
    for (Transfer *transfer : std::as_const(m_transfers))
        drop(transfer);
    m_transfers.clear();
    curl_multi_cleanup(m_multi); // closes the kept connections (their sockets first leave onSocket)
    qDeleteAll(m_sockets);
}

quint64 HttpClient::start(HttpRequest request, Callback done)
{
    auto *transfer = new Transfer;
    transfer->id = ++m_lastId;
    transfer->done = std::move(done);
    transfer->upload.body = std::move(request.body);
    CURL *easy = curl_easy_init();
    transfer->easy = easy;
    const QByteArray url = request.url.toEncoded();
    curl_easy_setopt(easy, CURLOPT_URL, url.constData()); // libcurl copies strings it is given
    curl_easy_setopt(easy, CURLOPT_PRIVATE, transfer);
    curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, transfer->error);
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy, CURLOPT_PROXY, ""); // none, not even from the environment
    curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, long(std::max(1, request.timeoutMs)));
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &writeAnswer);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, &transfer->response.body);
    curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, &readHeader);
    curl_easy_setopt(easy, CURLOPT_HEADERDATA, &transfer->response);
    // No "Expect: 100-continue" for larger bodies: it waits for an interim answer few servers send.
    transfer->headers = curl_slist_append(transfer->headers, "Expect:");
    for (const auto &[name, value] : std::as_const(request.headers))
        transfer->headers = curl_slist_append(transfer->headers, QByteArray(name + ": " + value).constData());
    curl_easy_setopt(easy, CURLOPT_HTTPHEADER, transfer->headers);
    if (request.post) {
        curl_easy_setopt(easy, CURLOPT_POST, 1L);
        curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(transfer->upload.body.size()));
        curl_easy_setopt(easy, CURLOPT_READFUNCTION, &readBody);
        curl_easy_setopt(easy, CURLOPT_READDATA, &transfer->upload);
    }
    m_transfers.insert(transfer->id, transfer);
    curl_multi_add_handle(m_multi, easy); // libcurl asks for a timer; the transfer starts from the event loop
    return transfer->id;
}

void HttpClient::abort(quint64 id)
{
    if (Transfer *transfer = m_transfers.take(id))
        drop(transfer);
}

void HttpClient::drop(Transfer *transfer)
{
    curl_multi_remove_handle(m_multi, transfer->easy);
    curl_easy_cleanup(transfer->easy);
    curl_slist_free_all(transfer->headers);
    delete transfer;
}

int HttpClient::onSocket(void *, int fd, int what, void *client, void *)
{
    static_cast<HttpClient *>(client)->watch(fd, what);
    return 0;
}

void HttpClient::watch(int fd, int what)
{
    if (what == CURL_POLL_REMOVE) {
        if (Socket *socket = m_sockets.take(fd)) {
            if (m_closing) {
                delete socket;
                return;
            }
            // This may run inside the notifier's own signal: let it go from the event loop.
            for (auto *notifier : {socket->read.release(), socket->write.release()}) {
                if (notifier) {
                    notifier->setEnabled(false);
                    notifier->deleteLater();
                }
            }
            delete socket;
        }
        return;
    }
    Socket *&socket = m_sockets[fd];
    if (!socket)
        socket = new Socket;
    const auto want = [this, fd](std::unique_ptr<QSocketNotifier> &notifier, QSocketNotifier::Type type, bool on, int event) {
        if (!notifier) {
            if (!on)
                return;
            notifier = std::make_unique<QSocketNotifier>(qintptr(fd), type);
            connect(notifier.get(), &QSocketNotifier::activated, this, [this, fd, event] { act(fd, event); });
        }
        notifier->setEnabled(on);
    };
    want(socket->read, QSocketNotifier::Read, what == CURL_POLL_IN || what == CURL_POLL_INOUT, CURL_CSELECT_IN);
    want(socket->write, QSocketNotifier::Write, what == CURL_POLL_OUT || what == CURL_POLL_INOUT, CURL_CSELECT_OUT);
}

int HttpClient::onTimer(void *, long timeoutMs, void *client)
{
    auto *self = static_cast<HttpClient *>(client);
    if (timeoutMs < 0)
        self->m_timer.stop();
    else
        self->m_timer.start(int(std::min<long>(timeoutMs, 24L * 3600 * 1000)));
    return 0;
}

void HttpClient::act(int fd, int events)
{
    int running = 0;
    curl_multi_socket_action(m_multi, curl_socket_t(fd), events, &running);
    collectFinished();
}

void HttpClient::collectFinished()
{
    // Finished transfers are read out first and their callbacks called afterwards, outside
    // libcurl: a callback may start (or abort) requests. Each stays in m_transfers until its own
    // callback, so an earlier callback can still abort it, or destroy the client, without it being called.
    QList<quint64> finished;
    int queued = 0;
    while (CURLMsg *message = curl_multi_info_read(m_multi, &queued)) {
        if (message->msg != CURLMSG_DONE)
            continue;
        Transfer *transfer = nullptr;
        curl_easy_getinfo(message->easy_handle, CURLINFO_PRIVATE, reinterpret_cast<char **>(&transfer));
        if (!transfer || !m_transfers.contains(transfer->id))
            continue;
        const CURLcode code = message->data.result;
        long status = 0;
        curl_easy_getinfo(transfer->easy, CURLINFO_RESPONSE_CODE, &status);
        curl_off_t requestBytes = 0;
        curl_easy_getinfo(transfer->easy, CURLINFO_REQUEST_SIZE, &requestBytes);
        HttpResponse &response = transfer->response;
        response.status = int(status);
        response.failure = failureFor(code, requestBytes);
        if (response.failure != HttpResponse::Failure::None) {
            response.detail = QString::fromUtf8(transfer->error[0] ? transfer->error : curl_easy_strerror(code));
            qCDebug(lcGateway) << "HTTP transfer failed:" << int(code) << response.detail;
        }
        finished.append(transfer->id);
    }
    const QPointer<HttpClient> alive(this);
    for (const quint64 id : std::as_const(finished)) {
        Transfer *transfer = m_transfers.take(id);
        if (!transfer)
            continue; // aborted by an earlier callback
        Callback done = std::move(transfer->done);
        HttpResponse response = std::move(transfer->response);
        drop(transfer);
        if (done)
            done(std::move(response));
        if (!alive)
            return; // a callback destroyed the client, and the other transfers with it
    }
}

} // namespace kengele
