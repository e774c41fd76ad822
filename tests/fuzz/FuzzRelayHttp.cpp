// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Arbitrary bytes on one connection to the whole relay, in-process (no sockets): the strict HTTP
// layer, the routes, the hooks' parsers and the SQLite store. The corpus starts from real requests
// with a known organisation, hook secret and device token, so the fuzzer reaches past the 404s.
// Besides crashes and sanitizer reports it checks what must always hold: the bytes written back are
// whole answers, and once a request is refused nothing more on that connection is handled.
#include "HttpAnswers.h"
#include "MemoryTransport.h"
#include "RelayConfig.h"
#include "RelayServer.h"
#include "RelayStore.h"
#include "Secrets.h"
#include "http/HttpConnection.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLoggingCategory>
#include <QTemporaryDir>

#include <cstdint>
#include <cstdlib>

using namespace kengele;
using namespace kengele::relay;

namespace {

// Forwards to the relay and records the order of what happened on the connection.
class Recorder final : public HttpRequestHandler
{
public:
    explicit Recorder(RelayServer &server)
        : m_server(server)
    { }
    void handleRequest(HttpRequest &&request, HttpResponder responder) override
    {
        if (refused)
            std::abort(); // a request after a refusal: the connection should have closed
        ++requests;
        m_server.handleRequest(std::move(request), std::move(responder));
    }
    void requestRefused(const HttpRefusal &refusal) override
    {
        if (refused || refusal.status < 400 || refusal.message.isEmpty())
            std::abort();
        refused = true;
    }
    int requests = 0;
    bool refused = false;

private:
    RelayServer &m_server;
};

struct World {
    QTemporaryDir dir;
    std::unique_ptr<RelayStore> store;
    std::unique_ptr<RelayServer> server;
};

World *world()
{
    static World *w = [] {
        static int argc = 1;
        static char name[] = "FuzzRelayHttp";
        static char *argv[] = {name, nullptr};
        new QCoreApplication(argc, argv);
        QLoggingCategory::setFilterRules(QStringLiteral("kengele.*=false"));
        auto *created = new World;
        auto location = DatabaseLocation::parse(QStringLiteral("sqlite:") + created->dir.filePath(QStringLiteral("relay.db")));
        auto store = RelayStore::open(*location, QStringLiteral("fuzz"));
        if (!store)
            std::abort();
        created->store = std::move(*store);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        // The corpus's organisation, hook secret and device token (tests/fuzz/corpus/relay_http).
        if (!created->store->createOrganisation(QStringLiteral("org_fuzz"), QStringLiteral("Fuzz Church"),
                                                secrets::sha256(QStringLiteral("hooksecret")), now))
            std::abort();
        if (!created->store->addEnrolCode(QStringLiteral("org_fuzz"), secrets::sha256(QStringLiteral("FUZZCODE")), now + 86400000,
                                          now))
            std::abort();
        if (!created->store->enrol(secrets::sha256(QStringLiteral("FUZZCODE")), QStringLiteral("dev_fuzz"),
                                   QStringLiteral("Fuzz desktop"), secrets::sha256(QStringLiteral("devicetoken")), now))
            std::abort();
        RelayConfig config;
        config.ipRate = 0;
        config.deviceRate = 0;
        created->server = std::make_unique<RelayServer>(created->store.get(), config);
        return created;
    }();
    return w;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    World *w = world();
    test::MemoryTransport transport;
    Recorder recorder(*w->server);
    {
        HttpConnection connection({}, transport, recorder, QHostAddress::LocalHost);
        // The first byte picks how the rest is cut, as TCP might deliver it.
        const qsizetype step = size > 0 ? 1 + data[0] % 97 : 1;
        const QByteArrayView bytes(reinterpret_cast<const char *>(data) + (size > 0 ? 1 : 0), qsizetype(size > 0 ? size - 1 : 0));
        for (qsizetype at = 0; at < bytes.size(); at += step) {
            if (connection.wantsBytes() <= 0)
                break;
            connection.receive(bytes.sliced(at, std::min(step, bytes.size() - at)));
        }
        w->server->flushHooks(); // the hooks of this turn are stored and answered
        QCoreApplication::processEvents();
    }
    // What was written back is a sequence of whole answers, nothing else.
    const auto answers = test::parseAnswers(transport.written);
    for (const auto &answer : answers) {
        if (answer.first < 100 || answer.first > 599)
            std::abort();
    }
    if (answers.isEmpty() != transport.written.isEmpty())
        std::abort();
    if (answers.size() > recorder.requests + 1 + transport.written.count("100 Continue"))
        std::abort();
    return 0;
}
