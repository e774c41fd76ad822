// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QString>

#include <expected>
#include <optional>

namespace kengele::relay {

// The provider callbacks the relay accepts, one per hook path (docs/relay.md).
enum class HookKind { AtDelivery, AtInbound, AtOptOut, DarajaStk, DarajaValidation, DarajaConfirmation };

// "at/delivery" → AtDelivery, … ; nullopt for anything else.
std::optional<HookKind> hookKindFromPath(QStringView path);
QString hookPath(HookKind kind); // "at/delivery"
QString eventKind(HookKind kind); // "at.delivery"
QString hookUrlKey(HookKind kind); // "at_delivery" (the JSON key `org create` prints)

// A callback body that passed validation: the event's dedupe key and data.
struct ParsedHook {
    QString dedupeKey;
    QByteArray data; // a JSON object
};

// Checks a callback body and extracts what the event needs. The error is a short reason for the
// provider's 400 answer and the quarantine table; it never contains the body. A body that
// PostgreSQL text cannot hold (a NUL character) is malformed, and so is a control character in
// an Africa's Talking id, number or status; Daraja's JSON must be strict JSON (strictJsonProblem).
std::expected<ParsedHook, QString> parseHook(HookKind kind, const QByteArray &body);

// Why `json` is not JSON exactly as RFC 8259 writes it (QJsonDocument is more lenient), or that
// it holds the escape \u0000; nullopt when it is fine. The reason never quotes the text.
std::optional<QString> strictJsonProblem(const QByteArray &json);

// What the relay answers a provider once the callback is stored.
struct HookAnswer {
    QByteArray contentType;
    QByteArray body;
};
HookAnswer hookAnswer(HookKind kind);

// application/x-www-form-urlencoded as providers send it: '+' is a space, %XX is a byte.
// Fails on a body that is not form data (no '=' pairs, bytes that are not UTF-8).
std::expected<QList<std::pair<QString, QString>>, QString> parseForm(const QByteArray &body);

} // namespace kengele::relay
