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
// provider's 400 answer and the quarantine table; it never contains the body.
std::expected<ParsedHook, QString> parseHook(HookKind kind, const QByteArray &body);

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
