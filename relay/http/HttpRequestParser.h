// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "HttpRequest.h"

#include <QByteArrayView>

#include <memory>
#include <optional>

namespace kengele::relay {

// A strict HTTP/1.1 request parser over Boost.Beast's (docs/architecture.md, "The relay's HTTP
// layer"). It is given the bytes as they arrive and keeps none of them itself: feed() says how
// many it consumed, the caller keeps the rest and offers them again with more. The limits hold
// before anything is buffered: a header block over maxHeaderBytes, more than maxHeaders fields, a
// target over maxTargetBytes or a declared body over maxBodyBytes is refused as soon as it is seen.
// Anything ambiguous is refused too: a bare LF, a bad header name, a negative or repeated
// Content-Length, Content-Length with Transfer-Encoding, any Transfer-Encoding (the relay wants a
// length), a version other than 1.0 and 1.1, a target that is not an absolute path.
class HttpRequestParser final
{
public:
    enum class State {
        NeedMore, // give it more bytes
        HeaderDone, // the header is in (expectsContinue() may be asked); body bytes come next
        Complete, // take() the request
        Refused, // refusal() says why; the connection must close
    };

    explicit HttpRequestParser(const HttpLimits &limits);
    ~HttpRequestParser();
    HttpRequestParser(const HttpRequestParser &) = delete;
    HttpRequestParser &operator=(const HttpRequestParser &) = delete;

    // Parses as much of the bytes as it can; returns how many it consumed. Call again with the
    // unconsumed rest (and more) while the state is NeedMore or HeaderDone.
    qsizetype feed(QByteArrayView bytes);
    State state() const { return m_state; }
    const HttpRefusal &refusal() const { return m_refusal; }

    // After HeaderDone: the client sent "Expect: 100-continue" and waits for it.
    bool expectsContinue() const { return m_expectContinue; }
    // After HeaderDone or Refused: the body length the client declared (0 when none).
    qint64 declaredBodyLength() const { return m_declaredLength; }

    // After Complete: the request; the parser is then ready for the next one on the connection.
    HttpRequest take();

private:
    class BeastParser;
    friend class BeastParser;
    void refuse(int status, const char *message, HttpRefusal::Reason reason = HttpRefusal::Reason::Malformed);
    bool acceptRequestLine(QByteArrayView method, QByteArrayView target, int version);
    bool acceptField(QByteArrayView name, QByteArrayView value);
    bool acceptHeader();
    void restart();

    HttpLimits m_limits;
    std::unique_ptr<BeastParser> m_parser;
    State m_state = State::NeedMore;
    HttpRefusal m_refusal;
    HttpRequest m_request;
    qint64 m_declaredLength = 0;
    int m_contentLengthFields = 0;
    bool m_transferEncoding = false;
    bool m_expectContinue = false;
};

} // namespace kengele::relay
