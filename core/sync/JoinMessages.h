// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "DeviceRecord.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace kengele::join {

// The three messages of a join before the key grant (docs/architecture.md, "Joining a computer, and
// its keys"). Opaque bytes to the relay, base64 in its JSON. Each starts with "KJ", version 1 and
// its type; strings are u16 length ‖ UTF-8; fixed fields are 32 bytes.
//   1 request  newcomer → approver: org ‖ newcomer id ‖ name ‖ commitment
//   2 answer   approver → newcomer: request hash ‖ org ‖ approver id ‖ box key ‖ sign key ‖ nonce A
//   3 reveal   newcomer → approver: request hash ‖ box key ‖ sign key ‖ nonce N
//   (4 grant   approver → newcomer: a KeyGrant of kind Join, context = transcript hash)

constexpr quint8 Version = 1;
constexpr qsizetype NonceBytes = 32;
constexpr qsizetype HashBytes = 32;
constexpr qsizetype MaxNameChars = 64;
constexpr qsizetype MaxIdChars = 200;
constexpr qsizetype MaxMessageBytes = 4096;

struct Request {
    QString org;
    QString newcomerId;
    QString name;
    QByteArray commitment;
};

struct Answer {
    QByteArray requestHash;
    QString org;
    QString approverId;
    DevicePublicKeys approver;
    QByteArray nonce;
};

struct Reveal {
    QByteArray requestHash;
    DevicePublicKeys newcomer;
    QByteArray nonce;
};

QByteArray encode(const Request &request);
QByteArray encode(const Answer &answer);
QByteArray encode(const Reveal &reveal);
std::optional<Request> decodeRequest(QByteArrayView bytes);
std::optional<Answer> decodeAnswer(QByteArrayView bytes);
std::optional<Reveal> decodeReveal(QByteArrayView bytes);

// BLAKE2b-256 of the request's bytes ("KglJoinRequest1"): what the answer and reveal refer to.
QByteArray requestHash(QByteArrayView requestBytes);
// BLAKE2b-256 ("KglJoinCommit_1") over org ‖ newcomer id ‖ name ‖ box key ‖ sign key ‖ nonce N.
QByteArray commitment(const QString &org, const QString &newcomerId, const QString &name, const DevicePublicKeys &newcomer,
                      QByteArrayView nonce);
// BLAKE2b-256 ("KglJoinTransc_1") over everything both sides sent: org ‖ newcomer id ‖ name ‖
// commitment ‖ newcomer keys ‖ nonce N ‖ approver id ‖ approver keys ‖ nonce A. The safety code
// comes from it, and the join's grant is bound to it.
QByteArray transcript(const Request &request, const Reveal &reveal, const Answer &answer);

} // namespace kengele::join
