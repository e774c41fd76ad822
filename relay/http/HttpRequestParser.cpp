// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Boost first: Qt's keyword macros must not meet Boost's headers.
#include <boost/beast/http/basic_parser.hpp>
#include <boost/beast/http/error.hpp>

#include "HttpRequestParser.h"

#include <QUrl>

#include <algorithm>

namespace kengele::relay {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;

namespace {

QByteArrayView view(beast::string_view text)
{
    return {text.data(), qsizetype(text.size())};
}

bool allDigits(QByteArrayView text)
{
    return !text.isEmpty() && text.size() <= 18
        && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

} // namespace

// Beast's parser with our callbacks: each one hands what it saw to HttpRequestParser, which may
// refuse it; a refusal stops Beast at once.
class HttpRequestParser::BeastParser final : public bhttp::basic_parser<true>
{
public:
    explicit BeastParser(HttpRequestParser &owner)
        : m_owner(owner)
    {
        header_limit(std::uint32_t(owner.m_limits.maxHeaderBytes));
        body_limit(std::uint64_t(owner.m_limits.maxBodyBytes));
    }

    void setBodyLimit(qint64 bytes) { body_limit(std::uint64_t(bytes)); }

private:
    void on_request_impl(bhttp::verb /*method*/, beast::string_view method, beast::string_view target, int version,
                         beast::error_code &ec) override
    {
        if (!m_owner.acceptRequestLine(view(method), view(target), version))
            ec = bhttp::error::bad_target;
    }
    void on_response_impl(int, beast::string_view, int, beast::error_code &ec) override { ec = bhttp::error::bad_version; }
    void on_field_impl(bhttp::field, beast::string_view name, beast::string_view value, beast::error_code &ec) override
    {
        if (!m_owner.acceptField(view(name), view(value)))
            ec = bhttp::error::bad_field;
    }
    void on_header_impl(beast::error_code &ec) override
    {
        if (!m_owner.acceptHeader())
            ec = bhttp::error::bad_transfer_encoding;
    }
    void on_body_init_impl(const boost::optional<std::uint64_t> &length, beast::error_code &) override
    {
        if (length)
            m_owner.m_request.body.reserve(qsizetype(*length));
    }
    std::size_t on_body_impl(beast::string_view body, beast::error_code &) override
    {
        m_owner.m_request.body.append(body.data(), qsizetype(body.size()));
        return body.size();
    }
    void on_chunk_header_impl(std::uint64_t, beast::string_view, beast::error_code &ec) override
    {
        ec = bhttp::error::bad_transfer_encoding; // refused in acceptHeader() already
    }
    std::size_t on_chunk_body_impl(std::uint64_t, beast::string_view, beast::error_code &ec) override
    {
        ec = bhttp::error::bad_transfer_encoding;
        return 0;
    }
    void on_finish_impl(beast::error_code &) override { }

    HttpRequestParser &m_owner;
};

HttpRequestParser::HttpRequestParser(const HttpLimits &limits)
    : m_limits(limits)
{
    restart();
}

HttpRequestParser::~HttpRequestParser() = default;

void HttpRequestParser::restart()
{
    m_parser = std::make_unique<BeastParser>(*this);
    m_state = State::NeedMore;
    m_refusal = {};
    m_request = {};
    m_declaredLength = 0;
    m_contentLengthFields = 0;
    m_transferEncoding = false;
    m_expectContinue = false;
}

void HttpRequestParser::refuse(int status, const char *message, HttpRefusal::Reason reason)
{
    if (m_state == State::Refused)
        return; // the first reason stands
    m_state = State::Refused;
    m_refusal = {status, message, reason};
}

bool HttpRequestParser::acceptRequestLine(QByteArrayView method, QByteArrayView target, int version)
{
    Q_ASSERT(version == 10 || version == 11); // Beast refuses any other
    if (target.size() > m_limits.maxTargetBytes) {
        refuse(414, "The address is too long.", HttpRefusal::Reason::TooLarge);
        return false;
    }
    if (!target.startsWith('/')) {
        refuse(400, "The request's address must be a path.");
        return false;
    }
    const QUrl url = QUrl::fromEncoded(target.toByteArray(), QUrl::StrictMode);
    if (!url.isValid() || !url.isRelative() || !url.host().isEmpty()) {
        refuse(400, "The request's address is not valid.");
        return false;
    }
    m_request.methodText = method.toByteArray();
    m_request.method = method == "GET" ? HttpMethod::Get
        : method == "POST"             ? HttpMethod::Post
        : method == "DELETE"           ? HttpMethod::Delete
        : method == "PUT"              ? HttpMethod::Put
                                       : HttpMethod::Other;
    m_request.target = target.toByteArray();
    m_request.path = url.path();
    m_request.query = QUrlQuery(url);
    m_request.version = version;
    // The route's own body cap (HttpLimits::routeBodyLimits): set before the header is parsed, so
    // a Content-Length over it is refused before any of the body is read.
    m_parser->setBodyLimit(m_limits.bodyLimitFor(method, m_request.path));
    return true;
}

bool HttpRequestParser::acceptField(QByteArrayView name, QByteArrayView value)
{
    if (m_request.headers.size() >= m_limits.maxHeaders) {
        refuse(431, "The request has too many header fields.", HttpRefusal::Reason::TooLarge);
        return false;
    }
    const QByteArray lower = name.toByteArray().toLower();
    if (lower == "content-length") {
        if (++m_contentLengthFields > 1 || !allDigits(value)) {
            refuse(400, "Content-Length must be given once, as a whole number.");
            return false;
        }
        m_declaredLength = value.toLongLong();
    } else if (lower == "transfer-encoding") {
        m_transferEncoding = true;
    } else if (lower == "expect") {
        if (value.compare("100-continue", Qt::CaseInsensitive) != 0) {
            refuse(417, "Only \"Expect: 100-continue\" is understood.");
            return false;
        }
        m_expectContinue = true;
    }
    m_request.headers.append({lower, value.toByteArray()});
    return true;
}

bool HttpRequestParser::acceptHeader()
{
    if (m_transferEncoding) {
        // Beast has refused Transfer-Encoding with Content-Length (ambiguous) before this.
        refuse(411, "Send the body with a Content-Length; this relay does not take chunked bodies.");
        return false;
    }
    m_request.keepAlive = m_parser->keep_alive();
    return true;
}

qsizetype HttpRequestParser::feed(QByteArrayView bytes)
{
    if (m_state == State::Refused || m_state == State::Complete)
        return 0;
    qsizetype consumed = 0;
    for (;;) {
        beast::error_code ec;
        const bool headerWasDone = m_parser->is_header_done();
        consumed += qsizetype(
            m_parser->put(boost::asio::const_buffer(bytes.data() + consumed, std::size_t(bytes.size() - consumed)), ec));
        if (m_state == State::Refused)
            return consumed; // one of our callbacks refused
        if (ec == bhttp::error::need_more) {
            m_state = State::NeedMore;
            return consumed;
        }
        if (ec == bhttp::error::header_limit) {
            refuse(431, "The request's header is too large.", HttpRefusal::Reason::TooLarge);
            return consumed;
        }
        if (ec == bhttp::error::body_limit) {
            refuse(413, "The request body is larger than this relay accepts.", HttpRefusal::Reason::TooLarge);
            return consumed;
        }
        if (ec) {
            refuse(400, "The request is not valid HTTP.");
            return consumed;
        }
        if (m_parser->is_done()) {
            m_state = State::Complete;
            return consumed;
        }
        if (!headerWasDone && m_parser->is_header_done()) {
            m_state = State::HeaderDone;
            return consumed;
        }
        if (consumed == bytes.size()) {
            m_state = State::NeedMore;
            return consumed;
        }
    }
}

HttpRequest HttpRequestParser::take()
{
    HttpRequest request = std::move(m_request);
    restart();
    return request;
}

QByteArray HttpRequest::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

} // namespace kengele::relay
