// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "JoinMessages.h"

#include "OrgWire.h"

namespace kengele::join {

namespace {

enum Type : quint8 { RequestType = 1, AnswerType = 2, RevealType = 3 };

orgwire::Writer start(Type type)
{
    orgwire::Writer out(256);
    out.raw("KJ").u8(Version).u8(type);
    return out;
}

// Checks the magic, version and type; the reader is then at the first field.
bool opened(orgwire::Reader &in, QByteArrayView bytes, Type type)
{
    return bytes.size() <= MaxMessageBytes && in.raw(2) == QByteArrayView("KJ") && in.u8() == Version && in.u8() == type
        && in.ok();
}

QByteArray fixed(orgwire::Reader &in)
{
    return in.raw(32).toByteArray();
}

} // namespace

QByteArray encode(const Request &request)
{
    orgwire::Writer out = start(RequestType);
    out.text16(request.org).text16(request.newcomerId).text16(request.name).raw(request.commitment);
    return out.bytes();
}

QByteArray encode(const Answer &answer)
{
    orgwire::Writer out = start(AnswerType);
    out.raw(answer.requestHash)
        .text16(answer.org)
        .text16(answer.approverId)
        .raw(answer.approver.box)
        .raw(answer.approver.sign)
        .raw(answer.nonce);
    return out.bytes();
}

QByteArray encode(const Reveal &reveal)
{
    orgwire::Writer out = start(RevealType);
    out.raw(reveal.requestHash).raw(reveal.newcomer.box).raw(reveal.newcomer.sign).raw(reveal.nonce);
    return out.bytes();
}

std::optional<Request> decodeRequest(QByteArrayView bytes)
{
    orgwire::Reader in(bytes);
    if (!opened(in, bytes, RequestType))
        return std::nullopt;
    Request request;
    request.org = in.text16(MaxIdChars);
    request.newcomerId = in.text16(MaxIdChars);
    request.name = in.text16(MaxNameChars);
    request.commitment = fixed(in);
    if (!in.atEnd() || request.org.isEmpty() || request.newcomerId.isEmpty())
        return std::nullopt;
    return request;
}

std::optional<Answer> decodeAnswer(QByteArrayView bytes)
{
    orgwire::Reader in(bytes);
    if (!opened(in, bytes, AnswerType))
        return std::nullopt;
    Answer answer;
    answer.requestHash = fixed(in);
    answer.org = in.text16(MaxIdChars);
    answer.approverId = in.text16(MaxIdChars);
    answer.approver.box = fixed(in);
    answer.approver.sign = fixed(in);
    answer.nonce = fixed(in);
    if (!in.atEnd() || answer.approverId.isEmpty())
        return std::nullopt;
    return answer;
}

std::optional<Reveal> decodeReveal(QByteArrayView bytes)
{
    orgwire::Reader in(bytes);
    if (!opened(in, bytes, RevealType))
        return std::nullopt;
    Reveal reveal;
    reveal.requestHash = fixed(in);
    reveal.newcomer.box = fixed(in);
    reveal.newcomer.sign = fixed(in);
    reveal.nonce = fixed(in);
    if (!in.atEnd())
        return std::nullopt;
    return reveal;
}

QByteArray requestHash(QByteArrayView requestBytes)
{
    return orgwire::hash(requestBytes, "KglJoinRequest1");
}

QByteArray commitment(const QString &org, const QString &newcomerId, const QString &name, const DevicePublicKeys &newcomer,
                      QByteArrayView nonce)
{
    orgwire::Writer in(256);
    in.text16(org).text16(newcomerId).text16(name).raw(newcomer.box).raw(newcomer.sign).raw(nonce);
    return orgwire::hash(in.bytes(), "KglJoinCommit_1");
}

QByteArray transcript(const Request &request, const Reveal &reveal, const Answer &answer)
{
    orgwire::Writer in(512);
    in.text16(request.org)
        .text16(request.newcomerId)
        .text16(request.name)
        .raw(request.commitment)
        .raw(reveal.newcomer.box)
        .raw(reveal.newcomer.sign)
        .raw(reveal.nonce)
        .text16(answer.approverId)
        .raw(answer.approver.box)
        .raw(answer.approver.sign)
        .raw(answer.nonce);
    return orgwire::hash(in.bytes(), "KglJoinTransc_1");
}

} // namespace kengele::join
