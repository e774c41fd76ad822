// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Soak run for kengele-relay: `scripts/dev soak [SECONDS]`. Not a test and not a benchmark (its
// name does not start with Bench, so `scripts/dev bench` leaves it out); not part of CI.
// Starts the real kengele-relay binary as BenchRelay does (free loopback port, fresh SQLite
// database, an organisation made with the relay's own admin command), then keeps 200 connections
// busy for SECONDS with a random mix of good and hostile clients, each reconnecting whenever the
// relay closes its connection: valid Africa's Talking delivery reports, repeats of answered ones,
// malformed bodies, oversized bodies, protocol garbage and smuggling attempts, slow clients and
// endless header lines (1 MB writes, or 4 KiB writes 5 ms apart). It prints the relay's resident
// memory every 5 s. At the end it enrols a device and reads the whole feed as a desktop would, to
// check that every callback answered 200 is stored exactly once and that nothing refused became
// an event.
// Exit status 1 when the relay's peak memory reaches 100 MB, when an answered callback is missing
// or stored twice, when a refused request was stored, or when a request got an answer it should
// not have (two answers for one request, a success for a smuggled one, no 200 for a valid one…).
// Bounded: one request in flight per connection, at most one 1 MB block queued per connection,
// at most 20 connections sending bulk at a time; loopback only; stops by itself.
//   SoakRelay [seconds=600] [seed=1122]
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QUrl>

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <vector>

namespace {

constexpr int Connections = 200;
constexpr double PeakLimitMb = 100;
// Far beyond the limit: the load stops there rather than take the machine's memory (shared).
constexpr double SafetyStopMb = 2048;
constexpr int MaxBulkAtOnce = 20; // oversized bodies and header floods being sent at a time
constexpr int PrintEveryMs = 5000;
constexpr int AnswerWaitMs = 15000; // after the last byte; the relay's request timeout is 10 s
constexpr int CloseWaitMs = 5000; // after a refusal: for the close, or a second answer
constexpr int EpisodeLimitMs = 40000; // whatever happens, one request's whole life
constexpr int DrainMs = 25000; // at the end, for the requests in flight
constexpr quint32 DefaultSeed = 1122;

const QByteArray FormType = "application/x-www-form-urlencoded";

enum class Behaviour { Valid, Repeat, Malformed, Oversized, Garbage, Slow, Flood };

struct Share {
    Behaviour behaviour;
    int percent;
};
constexpr Share Mix[] = {{Behaviour::Valid, 60},  {Behaviour::Repeat, 5}, {Behaviour::Malformed, 10}, {Behaviour::Oversized, 5},
                         {Behaviour::Garbage, 5}, {Behaviour::Slow, 10},  {Behaviour::Flood, 5}};

// The summary's rows, in this order.
const char *const Labels[] = {"valid",
                              "repeat",
                              "slow",
                              "malformed/no-status",
                              "malformed/json",
                              "malformed/empty",
                              "malformed/not-utf8",
                              "malformed/long-field",
                              "oversized",
                              "garbage/random-bytes",
                              "garbage/negative-length",
                              "garbage/150-headers",
                              "garbage/bare-lf",
                              "garbage/chunked",
                              "garbage/cl-te",
                              "flood/1mb-writes",
                              "flood/4k-every-5ms"};

QString relayBinary()
{
    return QStringLiteral(KENGELE_RELAY_BINARY);
}

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

struct Memory {
    bool ok = false;
    double rssMb = 0;
    double peakMb = 0; // VmHWM: the kernel's own high-water mark, so no spike between samples is missed
};

Memory memoryOf(qint64 pid)
{
    Memory memory;
    QFile file(QStringLiteral("/proc/%1/status").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return memory;
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (const QByteArray &line : lines) {
        auto kilobytes = [&line] {
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
        };
        if (line.startsWith("VmRSS:")) {
            memory.rssMb = kilobytes();
            memory.ok = true;
        } else if (line.startsWith("VmHWM:")) {
            memory.peakMb = kilobytes();
        }
    }
    return memory;
}

// "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n…" without the blank line.
struct ResponseHead {
    int status = 0; // 0: not an HTTP answer
    qint64 length = 0;
    bool close = false;
};

ResponseHead parseHead(const QByteArray &head)
{
    ResponseHead parsed;
    const QList<QByteArray> lines = head.split('\n');
    const QByteArray first = lines.value(0).trimmed();
    if (first.startsWith("HTTP/1.") && first.size() >= 12)
        parsed.status = first.mid(9, 3).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed().toLower();
        if (line.startsWith("content-length:"))
            parsed.length = std::max<qint64>(0, line.mid(15).trimmed().toLongLong());
        else if (line.startsWith("connection:") && line.contains("close"))
            parsed.close = true;
    }
    return parsed;
}

// A delivery report; kind "soak" for the ones that must be stored, "refused" for the ones that
// must not (carried by malformed, oversized and smuggled requests).
QByteArray deliveryForm(const char *kind, qint64 n, bool withStatus = true)
{
    QByteArray body = "id=ATXid_" + QByteArray(kind) + '_' + QByteArray::number(n);
    if (withStatus)
        body += "&status=Success";
    body += "&phoneNumber=%2B2547" + QByteArray::number(10000000 + n % 89999999)
        + "&networkCode=63902&failureReason=&retryCount=0";
    return body;
}

QByteArray postHead(const QByteArray &path, const QByteArray &contentType, const QByteArray &lengthHeaders)
{
    return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + contentType + "\r\n" + lengthHeaders + "\r\n";
}

QByteArray post(const QByteArray &path, const QByteArray &body, const QByteArray &contentType = FormType)
{
    return postHead(path, contentType, "Content-Length: " + QByteArray::number(body.size()) + "\r\n") + body;
}

// 1 MB that continues a form body with valid fields (each under the relay's 4096-character
// limit): were the size limit not enforced, the oversized body would parse and be stored.
QByteArray paddingBlock()
{
    const QByteArray field = "&pad=" + QByteArray(4000, 'a');
    return field.repeated(261);
}

// An endless header line, 1 MB at a time; or 4 KiB at a time, 5 ms apart, so that the relay reads
// it in small pieces (a limit must hold however the bytes arrive: today's relay checks its 16 KiB
// only in what one read brings, and keeps MBs of a header line that trickles in).
QByteArray floodBlock(qsizetype size)
{
    return QByteArray(size, 'a');
}

struct Soak {
    quint16 port = 0;
    QByteArray hookPath;
    std::mt19937 rng;
    bool stopping = false;
    int bulkActive = 0;
    std::vector<quint8> answered; // by valid id: 1 once answered 200
    std::vector<qint64> answeredIds;
    struct Refused {
        QString label;
        QString outcome;
    };
    std::vector<Refused> refused; // by refused id
    std::map<QString, std::map<QString, int>> outcomes; // label -> outcome -> requests
    std::map<QString, std::map<QString, bool>> outcomeExpected;
    std::map<QString, int> unexpected; // label -> requests
    qint64 requests = 0;
    qint64 callbacks200 = 0; // valid and slow callbacks answered 200 (not the repeats)
    qint64 connects = 0;
    qint64 connectFailures = 0;
    qint64 cutOff = 0;
    const QByteArray padding = paddingBlock();
    const QByteArray flood = floodBlock(1024 * 1024);
    const QByteArray floodSmall = floodBlock(4096);

    int uniform(int low, int high) { return std::uniform_int_distribution<int>(low, high)(rng); }
    qint64 newValidId()
    {
        answered.push_back(0);
        return qint64(answered.size()) - 1;
    }
    qint64 newRefusedId()
    {
        refused.push_back({});
        return qint64(refused.size()) - 1;
    }
};

bool expectedOutcome(Behaviour behaviour, const QList<int> &answers, bool closed)
{
    switch (behaviour) {
    case Behaviour::Valid:
    case Behaviour::Repeat:
    case Behaviour::Slow:
        return answers == QList<int>{200};
    case Behaviour::Malformed:
        return answers == QList<int>{400};
    case Behaviour::Oversized:
        return answers == QList<int>{413} || (answers.isEmpty() && closed);
    case Behaviour::Garbage:
        return (answers.size() == 1 && answers.at(0) >= 400 && answers.at(0) < 500 && closed) || (answers.isEmpty() && closed);
    case Behaviour::Flood:
        return (answers.size() == 1 && (answers.at(0) == 431 || answers.at(0) == 400) && closed) || (answers.isEmpty() && closed);
    }
    return false;
}

// One connection: plays one request ("episode") after another, each of a behaviour drawn from
// Mix, keeping the connection while the relay keeps it and the answer was a plain 200.
class Client : public QObject
{
public:
    explicit Client(Soak *soak)
        : m_soak(soak)
    {
        m_deadline.setSingleShot(true);
        connect(&m_deadline, &QTimer::timeout, this, [this] { finish(); });
    }

    void start() { next(); }
    bool idle() const { return m_idle; }

    // The run is over: abandon the request in flight (counted apart, not judged).
    void cutOff()
    {
        if (m_idle)
            return;
        if (m_inFlight) {
            ++m_soak->cutOff;
            if (m_episode.refusedId >= 0)
                m_soak->refused[size_t(m_episode.refusedId)] = {m_episode.label, QStringLiteral("cut off at the end")};
            if (m_episode.bulk)
                --m_soak->bulkActive;
        }
        m_inFlight = false;
        ++m_generation;
        m_deadline.stop();
        dropSocket();
        m_idle = true;
    }

private:
    struct Episode {
        Behaviour behaviour = Behaviour::Valid;
        QString label;
        qint64 validId = -1;
        qint64 refusedId = -1;
        QList<QByteArray> pieces; // written in order,
        QList<int> delaysMs; // each after waiting this long (slow clients)
        const QByteArray *block = nullptr; // then this block, blocks times, one at a time
        int blocks = 0;
        int blockPauseMs = 0; // between two blocks
        bool bulk = false;
    };

    Behaviour draw()
    {
        int roll = m_soak->uniform(0, 99);
        for (const Share &share : Mix) {
            if (roll < share.percent)
                return share.behaviour;
            roll -= share.percent;
        }
        return Behaviour::Valid;
    }

    Episode plan()
    {
        Soak &s = *m_soak;
        Behaviour behaviour = draw();
        if (behaviour == Behaviour::Repeat && s.answeredIds.empty())
            behaviour = Behaviour::Valid;
        if ((behaviour == Behaviour::Oversized || behaviour == Behaviour::Flood) && s.bulkActive >= MaxBulkAtOnce)
            behaviour = Behaviour::Valid;
        Episode e;
        e.behaviour = behaviour;
        const QByteArray &path = s.hookPath;
        switch (behaviour) {
        case Behaviour::Valid:
            e.label = QStringLiteral("valid");
            e.validId = s.newValidId();
            e.pieces = {post(path, deliveryForm("soak", e.validId))};
            break;
        case Behaviour::Repeat: {
            e.label = QStringLiteral("repeat");
            const qint64 id = s.answeredIds[size_t(s.uniform(0, int(s.answeredIds.size()) - 1))];
            e.pieces = {post(path, deliveryForm("soak", id))};
            break;
        }
        case Behaviour::Slow: {
            e.label = QStringLiteral("slow");
            e.validId = s.newValidId();
            const QByteArray request = post(path, deliveryForm("soak", e.validId));
            const qsizetype headEnd = request.indexOf("\r\n\r\n") + 4;
            // The headers in 3 to 8 pieces, then the body, spread over 0.5 to 3 s.
            const int pieces = s.uniform(3, 8);
            std::vector<qsizetype> cuts;
            while (int(cuts.size()) < pieces - 1) {
                const qsizetype cut = s.uniform(1, int(headEnd) - 1);
                if (std::find(cuts.begin(), cuts.end(), cut) == cuts.end())
                    cuts.push_back(cut);
            }
            std::sort(cuts.begin(), cuts.end());
            cuts.push_back(headEnd);
            qsizetype from = 0;
            for (const qsizetype cut : cuts) {
                e.pieces.append(request.mid(from, cut - from));
                from = cut;
            }
            e.pieces.append(request.mid(headEnd));
            const int total = s.uniform(500, 3000);
            std::vector<int> weights;
            int sum = 0;
            for (qsizetype i = 1; i < e.pieces.size(); ++i) {
                weights.push_back(s.uniform(1, 100));
                sum += weights.back();
            }
            e.delaysMs.append(0);
            for (const int weight : weights)
                e.delaysMs.append(total * weight / sum);
            break;
        }
        case Behaviour::Malformed: {
            e.refusedId = s.newRefusedId();
            const qint64 id = e.refusedId;
            switch (s.uniform(0, 4)) {
            case 0:
                e.label = QStringLiteral("malformed/no-status");
                e.pieces = {post(path, deliveryForm("refused", id, false))};
                break;
            case 1:
                e.label = QStringLiteral("malformed/json");
                e.pieces = {post(path, R"({"id":"ATXid_refused_)" + QByteArray::number(id) + R"(","status":"Success"})",
                                 "application/json")};
                break;
            case 2:
                e.label = QStringLiteral("malformed/empty");
                e.pieces = {post(path, QByteArray())};
                break;
            case 3:
                e.label = QStringLiteral("malformed/not-utf8");
                e.pieces = {post(path, deliveryForm("refused", id) + "&failureReason=%FF%FE%FD")};
                break;
            default:
                e.label = QStringLiteral("malformed/long-field");
                e.pieces = {post(path, deliveryForm("refused", id) + "&failureReason=" + QByteArray(5000, 'x'))};
                break;
            }
            break;
        }
        case Behaviour::Oversized:
            // Announces 100 MB, then sends a few MB of it.
            e.label = QStringLiteral("oversized");
            e.refusedId = s.newRefusedId();
            e.pieces = {postHead(path, FormType, "Content-Length: 100000000\r\n") + deliveryForm("refused", e.refusedId)};
            e.block = &s.padding;
            e.blocks = s.uniform(2, 4);
            e.bulk = true;
            break;
        case Behaviour::Garbage: {
            e.refusedId = s.newRefusedId();
            const QByteArray smuggled = post(path, deliveryForm("refused", e.refusedId));
            switch (s.uniform(0, 5)) {
            case 0: {
                e.label = QStringLiteral("garbage/random-bytes");
                QByteArray bytes(s.uniform(64, 4096), Qt::Uninitialized);
                for (char &c : bytes)
                    c = char(s.uniform(0, 255));
                e.pieces = {bytes};
                break;
            }
            case 1:
                // A negative length, and a second request where the body would be.
                e.label = QStringLiteral("garbage/negative-length");
                e.pieces = {postHead(path, FormType, "Content-Length: -1\r\n") + smuggled};
                break;
            case 2: {
                e.label = QStringLiteral("garbage/150-headers");
                QByteArray headers;
                for (int i = 0; i < 150; ++i)
                    headers += "X-Soak-" + QByteArray::number(i) + ": " + QByteArray::number(i) + "\r\n";
                const QByteArray body = deliveryForm("refused", e.refusedId);
                e.pieces
                    = {postHead(path, FormType, headers + "Content-Length: " + QByteArray::number(body.size()) + "\r\n") + body};
                break;
            }
            case 3: {
                e.label = QStringLiteral("garbage/bare-lf");
                const qsizetype headEnd = smuggled.indexOf("\r\n\r\n") + 4;
                e.pieces = {QByteArray(smuggled.left(headEnd)).replace("\r\n", "\n") + smuggled.mid(headEnd)};
                break;
            }
            case 4: {
                e.label = QStringLiteral("garbage/chunked");
                const QByteArray body = deliveryForm("refused", e.refusedId);
                const qsizetype half = body.size() / 2;
                e.pieces = {postHead(path, FormType, "Transfer-Encoding: chunked\r\n") + QByteArray::number(half, 16) + "\r\n"
                            + body.left(half) + "\r\n" + QByteArray::number(body.size() - half, 16) + "\r\n" + body.mid(half)
                            + "\r\n0\r\n\r\n"};
                break;
            }
            default: {
                // Both framings: by the chunks the body ends at once and a second request follows;
                // by the length the whole rest is one (malformed) body.
                e.label = QStringLiteral("garbage/cl-te");
                const QByteArray rest = "0\r\n\r\n" + smuggled;
                e.pieces = {postHead(path, FormType,
                                     "Transfer-Encoding: chunked\r\nContent-Length: " + QByteArray::number(rest.size()) + "\r\n")
                            + rest};
                break;
            }
            }
            break;
        }
        case Behaviour::Flood:
            // A header line that never ends, up to 8 MB.
            e.pieces = {"POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Flood: "};
            if (s.uniform(0, 1) == 0) {
                e.label = QStringLiteral("flood/1mb-writes");
                e.block = &s.flood;
                e.blocks = 8;
            } else {
                e.label = QStringLiteral("flood/4k-every-5ms");
                e.block = &s.floodSmall;
                e.blocks = 8 * 256;
                e.blockPauseMs = 5;
            }
            e.bulk = true;
            break;
        }
        return e;
    }

    bool expectsOneAnswer() const { return m_episode.behaviour != Behaviour::Garbage && m_episode.behaviour != Behaviour::Flood; }

    void next()
    {
        if (m_soak->stopping) {
            m_idle = true;
            return;
        }
        m_idle = false;
        m_episode = plan();
        ++m_generation;
        ++m_soak->requests;
        if (m_episode.bulk)
            ++m_soak->bulkActive;
        m_inFlight = true;
        m_answers.clear();
        m_in.clear();
        m_closed = false;
        m_closeAnnounced = false;
        m_connectedOnce = m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
        m_nextPiece = 0;
        m_waitedForPiece = false;
        m_blocksSent = 0;
        m_streaming = false;
        m_blockScheduled = false;
        m_deadline.start(EpisodeLimitMs);
        if (m_connectedOnce)
            sendNext();
        else
            connectSocket();
    }

    void connectSocket()
    {
        dropSocket();
        auto *socket = new QTcpSocket(this);
        m_socket = socket;
        ++m_soak->connects;
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        connect(socket, &QTcpSocket::connected, socket, [this, socket] {
            if (socket != m_socket || !m_inFlight)
                return;
            m_connectedOnce = true;
            sendNext();
        });
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
            if (socket == m_socket)
                onReadyRead();
        });
        connect(socket, &QTcpSocket::bytesWritten, socket, [this, socket] {
            if (socket != m_socket || !m_streaming || socket->bytesToWrite() > 0 || m_blockScheduled)
                return;
            if (m_episode.blockPauseMs == 0) {
                writeBlock();
                return;
            }
            m_blockScheduled = true;
            const quint64 generation = m_generation;
            QTimer::singleShot(m_episode.blockPauseMs, this, [this, generation] {
                if (generation != m_generation)
                    return;
                m_blockScheduled = false;
                writeBlock();
            });
        });
        connect(socket, &QTcpSocket::disconnected, socket, [this, socket] {
            if (socket == m_socket)
                onClosed();
        });
        connect(socket, &QTcpSocket::errorOccurred, socket, [this, socket](QAbstractSocket::SocketError) {
            if (socket != m_socket)
                return;
            if (m_inFlight && !m_connectedOnce) {
                // Could not connect (the relay's backlog is full, or it is gone): try again shortly,
                // within the same request's time limit.
                ++m_soak->connectFailures;
                dropSocket();
                const quint64 generation = m_generation;
                QTimer::singleShot(200, this, [this, generation] {
                    if (generation == m_generation && m_inFlight)
                        connectSocket();
                });
                return;
            }
            onClosed();
        });
        socket->connectToHost(QHostAddress::LocalHost, m_soak->port);
    }

    void dropSocket()
    {
        if (!m_socket)
            return;
        QTcpSocket *socket = m_socket;
        m_socket = nullptr;
        QObject::disconnect(socket, nullptr, nullptr, nullptr);
        socket->abort();
        socket->deleteLater();
    }

    void sendNext()
    {
        if (!m_socket || !m_inFlight)
            return;
        while (m_nextPiece < m_episode.pieces.size()) {
            const qsizetype i = m_nextPiece;
            const int delay = m_episode.delaysMs.value(i, 0);
            if (delay > 0 && !m_waitedForPiece) {
                m_waitedForPiece = true;
                const quint64 generation = m_generation;
                QTimer::singleShot(delay, this, [this, generation] {
                    if (generation == m_generation)
                        sendNext();
                });
                return;
            }
            m_waitedForPiece = false;
            m_socket->write(m_episode.pieces.at(i));
            ++m_nextPiece;
        }
        if (m_episode.blocks > 0) {
            m_streaming = true;
            writeBlock();
            return;
        }
        allSent();
    }

    void writeBlock()
    {
        if (!m_socket || !m_streaming)
            return;
        if (m_blocksSent >= m_episode.blocks) {
            m_streaming = false;
            allSent();
            return;
        }
        ++m_blocksSent;
        m_socket->write(*m_episode.block);
    }

    void allSent()
    {
        if (m_answers.isEmpty())
            m_deadline.start(AnswerWaitMs);
    }

    void onReadyRead()
    {
        m_in += m_socket->readAll();
        parseAnswers();
    }

    void parseAnswers()
    {
        while (m_inFlight) {
            const qsizetype end = m_in.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const ResponseHead head = parseHead(m_in.left(end));
            if (m_in.size() < end + 4 + head.length)
                return;
            m_in.remove(0, end + 4 + head.length);
            m_answers.append(head.status);
            m_closeAnnounced = m_closeAnnounced || head.close;
            if (expectsOneAnswer() || m_answers.size() >= 2) {
                finish();
                return;
            }
            // Refused: send no more, and see whether the relay closes (or, wrongly, answers again).
            m_streaming = false;
            m_deadline.start(CloseWaitMs);
        }
    }

    void onClosed()
    {
        if (!m_inFlight) {
            dropSocket(); // closed between requests: the next one reconnects
            return;
        }
        if (m_socket && m_socket->bytesAvailable() > 0) {
            m_in += m_socket->readAll();
            parseAnswers();
            if (!m_inFlight)
                return;
        }
        m_closed = true;
        finish();
    }

    QString describe() const
    {
        if (m_answers.isEmpty()) {
            if (!m_connectedOnce)
                return QStringLiteral("could not connect");
            return m_closed ? QStringLiteral("closed, no answer") : QStringLiteral("no answer in time");
        }
        QStringList statuses;
        for (const int status : m_answers)
            statuses.append(QString::number(status));
        QString text = statuses.join(QLatin1String(" then "));
        if (!expectsOneAnswer() && m_answers.size() == 1)
            text += m_closed ? QStringLiteral(" + closed") : QStringLiteral(" (kept open)");
        return text;
    }

    void finish()
    {
        if (!m_inFlight)
            return;
        m_inFlight = false;
        m_streaming = false;
        m_deadline.stop();
        Soak &s = *m_soak;
        if (m_episode.bulk)
            --s.bulkActive;
        const QString outcome = describe();
        const bool expected = expectedOutcome(m_episode.behaviour, m_answers, m_closed);
        s.outcomes[m_episode.label][outcome]++;
        s.outcomeExpected[m_episode.label][outcome] = expected;
        if (!expected)
            s.unexpected[m_episode.label]++;
        const bool ok200 = m_answers == QList<int>{200};
        if (m_episode.validId >= 0 && ok200) {
            s.answered[size_t(m_episode.validId)] = 1;
            s.answeredIds.push_back(m_episode.validId);
            ++s.callbacks200;
        }
        if (m_episode.refusedId >= 0)
            s.refused[size_t(m_episode.refusedId)] = {m_episode.label, outcome};
        // Keep the connection only after a plain 200 the relay did not announce closing: after an
        // error a relay may close, and a request written meanwhile would be lost on the way.
        const bool keep = ok200 && expectsOneAnswer() && !m_closed && !m_closeAnnounced && m_socket
            && m_socket->state() == QAbstractSocket::ConnectedState;
        if (!keep)
            dropSocket();
        ++m_generation;
        QTimer::singleShot(0, this, [this] { next(); });
    }

    Soak *m_soak;
    QTcpSocket *m_socket = nullptr;
    QTimer m_deadline;
    Episode m_episode;
    quint64 m_generation = 0;
    bool m_idle = true;
    bool m_inFlight = false;
    bool m_connectedOnce = false;
    bool m_closed = false;
    bool m_closeAnnounced = false;
    bool m_streaming = false;
    bool m_waitedForPiece = false;
    bool m_blockScheduled = false;
    qsizetype m_nextPiece = 0;
    int m_blocksSent = 0;
    QByteArray m_in;
    QList<int> m_answers;
};

// One request on its own connection, waiting for the whole answer (set-up and the final check).
struct Answer {
    int status = 0;
    QByteArray body;
    QString error;
};

Answer exchange(quint16 port, const QByteArray &request)
{
    Answer answer;
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(10000)) {
        answer.error = QStringLiteral("cannot connect: ") + socket.errorString();
        return answer;
    }
    socket.write(request);
    QByteArray in;
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 60000) {
        const qsizetype end = in.indexOf("\r\n\r\n");
        if (end >= 0) {
            const ResponseHead head = parseHead(in.left(end));
            if (in.size() >= end + 4 + head.length) {
                answer.status = head.status;
                answer.body = in.mid(end + 4, head.length);
                return answer;
            }
        }
        if (socket.state() != QAbstractSocket::ConnectedState && socket.bytesAvailable() == 0)
            break;
        if (socket.waitForReadyRead(1000) || socket.bytesAvailable() > 0)
            in += socket.readAll();
    }
    answer.error = QStringLiteral("no whole answer");
    return answer;
}

struct Feed {
    QString error;
    qint64 events = 0;
    qint64 otherEvents = 0;
    std::vector<int> valid; // by valid id: how many events carry it
    std::vector<int> refused; // by refused id
};

// Enrols a device with the code made at set-up and reads the whole feed, page by page.
Feed readFeed(quint16 port, const QString &code, size_t validIds, size_t refusedIds)
{
    Feed feed;
    feed.valid.assign(validIds, 0);
    feed.refused.assign(refusedIds, 0);
    const QByteArray enrolBody
        = QJsonDocument(QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("name"), QStringLiteral("Soak")}})
              .toJson(QJsonDocument::Compact);
    QByteArray token;
    for (int attempt = 0; attempt < 10 && token.isEmpty(); ++attempt) {
        const Answer enrolled = exchange(port,
                                         "POST /v1/enrol HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                                         "Content-Type: application/json\r\nContent-Length: "
                                             + QByteArray::number(enrolBody.size()) + "\r\n\r\n" + enrolBody);
        if (enrolled.status == 201) {
            token = QJsonDocument::fromJson(enrolled.body).object().value(QLatin1String("token")).toString().toLatin1();
        } else if (enrolled.status == 429) {
            QThread::msleep(1000);
        } else {
            feed.error = QStringLiteral("enrolment failed: %1 %2").arg(enrolled.status).arg(enrolled.error);
            return feed;
        }
    }
    if (token.isEmpty()) {
        feed.error = QStringLiteral("enrolment gave no token");
        return feed;
    }
    qint64 after = 0;
    int retries = 0;
    for (;;) {
        const Answer page = exchange(port,
                                     "GET /v1/events?after=" + QByteArray::number(after)
                                         + "&limit=1000 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                                           "Authorization: Bearer "
                                         + token + "\r\n\r\n");
        if (page.status == 429 && ++retries < 200) {
            QThread::msleep(1000); // the relay's per-device rate limit
            continue;
        }
        if (page.status != 200) {
            feed.error = QStringLiteral("reading the feed after %1 failed: %2 %3").arg(after).arg(page.status).arg(page.error);
            return feed;
        }
        const QJsonObject object = QJsonDocument::fromJson(page.body).object();
        const QJsonArray events = object.value(QLatin1String("events")).toArray();
        for (const QJsonValue &value : events) {
            const QJsonObject event = value.toObject();
            ++feed.events;
            const QString id = event.value(QLatin1String("data")).toObject().value(QLatin1String("id")).toString();
            auto count = [&id](QLatin1String prefix, std::vector<int> &counts) {
                if (!id.startsWith(prefix))
                    return false;
                bool ok = false;
                const qint64 n = id.mid(prefix.size()).toLongLong(&ok);
                if (!ok || n < 0 || n >= qint64(counts.size()))
                    return false;
                ++counts[size_t(n)];
                return true;
            };
            const bool delivery = event.value(QLatin1String("kind")).toString() == QLatin1String("at.delivery");
            if (!delivery
                || (!count(QLatin1String("ATXid_soak_"), feed.valid) && !count(QLatin1String("ATXid_refused_"), feed.refused)))
                ++feed.otherEvents;
        }
        const qint64 next = object.value(QLatin1String("next")).toInteger(after);
        if (events.isEmpty() || next <= after)
            break;
        after = next;
    }
    return feed;
}

QString runCommand(const QStringList &arguments, QString *error)
{
    QProcess process;
    process.start(relayBinary(), arguments);
    if (!process.waitForFinished(30000) || process.exitCode() != 0) {
        *error = QString::fromUtf8(process.readAllStandardError()).trimmed();
        return {};
    }
    return QString::fromUtf8(process.readAllStandardOutput());
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const int seconds = args.size() > 1 ? std::max(1, args.at(1).toInt()) : 600;
    const quint32 seed = args.size() > 2 ? args.at(2).toUInt() : DefaultSeed;
    std::printf("SoakRelay: %d s, %d loopback connections, seed %u (SoakRelay %d %u repeats this mix)\n", seconds, Connections,
                seed, seconds, seed);
    std::printf("Mix: valid 60%%, repeat 5%%, malformed 10%%, oversized 5%%, garbage 5%%, slow 10%%, flood 5%%"
                " (at most %d oversized/flood at a time)\n",
                MaxBulkAtOnce);
    std::fflush(stdout);

    QTemporaryDir dir;
    const QString database = QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("relay.db"));
    const quint16 port = freePort();
    const QString listen = QStringLiteral("127.0.0.1:%1").arg(port);
    QString error;
    const QString created
        = runCommand({QStringLiteral("--db"), database, QStringLiteral("--listen"), listen, QStringLiteral("--json"),
                      QStringLiteral("org"), QStringLiteral("create"), QStringLiteral("Soak Church")},
                     &error);
    const QJsonObject org = QJsonDocument::fromJson(created.toUtf8()).object();
    const QString orgId = org.value(QLatin1String("org")).toString();
    const QUrl hook(org.value(QLatin1String("hooks")).toObject().value(QLatin1String("at_delivery")).toString());
    if (orgId.isEmpty() || !hook.isValid()) {
        std::printf("FAIL: org create failed: %s\n", qPrintable(error));
        return 1;
    }
    // The enrolment code is made now, while nothing else uses the database; it is used at the end.
    const QString enrolled = runCommand(
        {QStringLiteral("--db"), database, QStringLiteral("--json"), QStringLiteral("device"), QStringLiteral("enroll"), orgId},
        &error);
    const QString code = QJsonDocument::fromJson(enrolled.toUtf8()).object().value(QLatin1String("code")).toString();
    if (code.isEmpty()) {
        std::printf("FAIL: device enroll failed: %s\n", qPrintable(error));
        return 1;
    }

    QProcess relay;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("kengele.relay.access=false"));
    relay.setProcessEnvironment(env);
    // Its log (a warning per quarantined body) goes to a file; summarised at the end.
    const QString logPath = dir.filePath(QStringLiteral("relay.log"));
    relay.setProcessChannelMode(QProcess::MergedChannels);
    relay.setStandardOutputFile(logPath);
    relay.start(relayBinary(), {QStringLiteral("--db"), database, QStringLiteral("--listen"), listen});
    if (!relay.waitForStarted(10000)) {
        std::printf("FAIL: kengele-relay did not start\n");
        return 1;
    }
    QElapsedTimer wait;
    wait.start();
    bool up = false;
    while (!up && wait.elapsed() < 10000) {
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, port);
        up = probe.waitForConnected(200);
        if (!up)
            QThread::msleep(50);
    }
    if (!up) {
        std::printf("FAIL: kengele-relay does not answer\n");
        relay.kill();
        relay.waitForFinished(5000);
        return 1;
    }
    const qint64 pid = relay.processId();

    Soak soak;
    soak.port = port;
    soak.hookPath = hook.path(QUrl::FullyEncoded).toLatin1();
    soak.rng.seed(seed);

    QStringList failures;
    bool relayDied = false;
    const QMetaObject::Connection watchRelay
        = QObject::connect(&relay, &QProcess::finished, &relay, [&relayDied] { relayDied = true; });

    const Memory initial = memoryOf(pid);
    double peakMb = std::max(initial.rssMb, initial.peakMb);
    std::printf("Relay memory (VmRSS) every %d s:\n  %5.0f s  %8.1f MB\n", PrintEveryMs / 1000, 0.0, initial.rssMb);
    std::fflush(stdout);

    std::vector<std::unique_ptr<Client>> clients;
    for (int i = 0; i < Connections; ++i)
        clients.push_back(std::make_unique<Client>(&soak));
    for (auto &client : clients)
        client->start();

    QElapsedTimer clock;
    clock.start();
    QEventLoop loop;
    QTimer tick;
    tick.setInterval(1000);
    qint64 nextPrintMs = PrintEveryMs;
    bool safetyStop = false;
    QObject::connect(&tick, &QTimer::timeout, &loop, [&] {
        const Memory memory = memoryOf(pid);
        if (memory.ok)
            peakMb = std::max({peakMb, memory.rssMb, memory.peakMb});
        if (clock.elapsed() >= nextPrintMs) {
            nextPrintMs += PrintEveryMs;
            std::printf("  %5.0f s  %8.1f MB   (peak %.1f MB, %lld requests, %lld callbacks answered 200)\n",
                        double(clock.elapsed()) / 1000.0, memory.rssMb, peakMb, static_cast<long long>(soak.requests),
                        static_cast<long long>(soak.callbacks200));
            std::fflush(stdout);
        }
        if (memory.rssMb >= SafetyStopMb) {
            safetyStop = true;
            loop.quit();
        }
        if (relayDied || clock.elapsed() >= qint64(seconds) * 1000)
            loop.quit();
    });
    tick.start();
    loop.exec();
    const double loadSeconds = double(clock.elapsed()) / 1000.0;
    if (safetyStop)
        failures.append(QStringLiteral("the relay's memory passed %1 MB: load stopped early after %2 s")
                            .arg(SafetyStopMb)
                            .arg(loadSeconds, 0, 'f', 0));

    // Let the requests in flight finish (each is bounded), then abandon what is left.
    soak.stopping = true;
    QElapsedTimer drain;
    drain.start();
    while (!relayDied && drain.elapsed() < DrainMs
           && !std::all_of(clients.begin(), clients.end(), [](const auto &c) { return c->idle(); })) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(5);
    }
    for (auto &client : clients)
        client->cutOff();
    clients.clear();
    QCoreApplication::processEvents();

    Feed feed;
    Memory last;
    if (relayDied || relay.state() != QProcess::Running) {
        relayDied = true;
        failures.append(QStringLiteral("kengele-relay stopped during the run (exit status %1)").arg(relay.exitCode()));
    } else {
        last = memoryOf(pid);
        peakMb = std::max({peakMb, last.rssMb, last.peakMb});
        std::printf("  %5.0f s  %8.1f MB   (after the run)\n", double(clock.elapsed()) / 1000.0, last.rssMb);
        std::fflush(stdout);
        feed = readFeed(port, code, soak.answered.size(), soak.refused.size());
        if (!feed.error.isEmpty())
            failures.append(feed.error);
        QObject::disconnect(watchRelay); // stopped by us from here on
        relay.terminate();
        if (!relay.waitForFinished(10000))
            relay.kill();
    }
    relay.waitForFinished(5000);

    // Summary.
    std::printf("\nRequests by behaviour (outcome: requests; ! = not what the relay should answer):\n");
    for (const char *name : Labels) {
        const QString label = QLatin1String(name);
        const auto found = soak.outcomes.find(label);
        if (found == soak.outcomes.end()) {
            std::printf("  %-24s %7d\n", name, 0);
            continue;
        }
        int total = 0;
        QStringList parts;
        for (const auto &[outcome, count] : found->second) {
            total += count;
            const bool expected = soak.outcomeExpected[label][outcome];
            parts.append(QStringLiteral("%1%2: %3").arg(expected ? QString() : QStringLiteral("! "), outcome).arg(count));
        }
        std::printf("  %-24s %7d   %s\n", name, total, qPrintable(parts.join(QLatin1String(", "))));
    }
    std::printf("  %lld requests, %lld connections opened (%lld attempts refused), %lld cut off at the end\n",
                static_cast<long long>(soak.requests), static_cast<long long>(soak.connects),
                static_cast<long long>(soak.connectFailures), static_cast<long long>(soak.cutOff));
    std::printf("Callbacks answered 200 (valid + slow, not repeats): %lld in %.0f s = %.0f/s\n",
                static_cast<long long>(soak.callbacks200), loadSeconds, double(soak.callbacks200) / loadSeconds);

    for (const auto &[label, count] : soak.unexpected)
        failures.append(QStringLiteral("%1: %2 request(s) got an answer the relay should not give").arg(label).arg(count));

    if (!relayDied && feed.error.isEmpty()) {
        qint64 answered = 0, missing = 0, duplicated = 0, storedUnanswered = 0;
        QStringList examples;
        for (size_t i = 0; i < soak.answered.size(); ++i) {
            const int stored = feed.valid[i];
            if (soak.answered[i]) {
                ++answered;
                if (stored == 0) {
                    ++missing;
                    if (examples.size() < 5)
                        examples.append(QStringLiteral("ATXid_soak_%1 missing").arg(i));
                }
            } else if (stored == 1) {
                ++storedUnanswered; // sent, stored, but the answer was lost or cut off: allowed
            }
            if (stored > 1) {
                ++duplicated;
                if (examples.size() < 5)
                    examples.append(QStringLiteral("ATXid_soak_%1 stored %2 times").arg(i).arg(stored));
            }
        }
        std::map<QString, int> refusedStored; // "label → outcome" -> events
        qint64 refusedTotal = 0;
        for (size_t i = 0; i < soak.refused.size(); ++i) {
            if (feed.refused[i] > 0) {
                refusedStored[soak.refused[i].label + QStringLiteral(" (answered: ") + soak.refused[i].outcome + QLatin1Char(')')]
                    += 1;
                ++refusedTotal;
            }
        }
        std::printf("Feed: %lld events; %lld callbacks answered 200: %lld missing, %lld stored more than once;"
                    " %lld stored without a 200 reaching the client (allowed); %lld other events\n",
                    static_cast<long long>(feed.events), static_cast<long long>(answered), static_cast<long long>(missing),
                    static_cast<long long>(duplicated), static_cast<long long>(storedUnanswered),
                    static_cast<long long>(feed.otherEvents));
        std::printf("Refused requests stored as events: %lld\n", static_cast<long long>(refusedTotal));
        for (const auto &[what, count] : refusedStored)
            std::printf("  %-60s %d\n", qPrintable(what), count);
        if (missing > 0 || duplicated > 0)
            failures.append(QStringLiteral("%1 answered callback(s) missing and %2 stored more than once (%3)")
                                .arg(missing)
                                .arg(duplicated)
                                .arg(examples.join(QLatin1String("; "))));
        if (refusedTotal > 0)
            failures.append(QStringLiteral("%1 refused request(s) were stored as events").arg(refusedTotal));
        if (feed.otherEvents > 0)
            failures.append(QStringLiteral("%1 event(s) the soak did not send").arg(feed.otherEvents));
    }

    std::printf("Relay memory: start %.1f MB, peak %.1f MB, final %.1f MB (limit: peak under %.0f MB)\n", initial.rssMb, peakMb,
                last.rssMb, PeakLimitMb);
    if (peakMb >= PeakLimitMb)
        failures.append(
            QStringLiteral("the relay's peak memory was %1 MB (limit %2 MB)").arg(peakMb, 0, 'f', 1).arg(PeakLimitMb));

    // The relay's own log, without the one warning per quarantined body.
    QFile log(logPath);
    if (log.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> lines = log.readAll().split('\n');
        int quarantined = 0;
        QList<QByteArray> other;
        for (const QByteArray &line : lines) {
            if (line.contains("hook quarantined"))
                ++quarantined;
            else if (!line.trimmed().isEmpty())
                other.append(line.left(200));
        }
        std::printf("Relay log: %d quarantine warnings, %lld other lines%s\n", quarantined, static_cast<long long>(other.size()),
                    other.isEmpty() ? "" : (relayDied ? "; the last ones:" : "; the first ones:"));
        const qsizetype from = relayDied ? std::max<qsizetype>(0, other.size() - 15) : 0;
        for (qsizetype i = from; i < std::min<qsizetype>(other.size(), from + 15); ++i)
            std::printf("  %s\n", other.at(i).constData());
    }

    if (failures.isEmpty()) {
        std::printf("PASS\n");
        return 0;
    }
    std::printf("FAIL\n");
    for (const QString &failure : std::as_const(failures))
        std::printf("  - %s\n", qPrintable(failure));
    return 1;
}
