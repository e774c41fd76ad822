// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Arbitrary bytes as an Africa's Talking callback body (form data). Whatever parseHook() accepts
// must become an event the desktop can read: strict JSON, no NUL, a dedupe key PostgreSQL can hold.
#include "Hooks.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cstdint>
#include <cstdlib>

using namespace kengele::relay;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    for (HookKind kind : {HookKind::AtDelivery, HookKind::AtInbound, HookKind::AtOptOut}) {
        const auto parsed = parseHook(kind, body);
        if (!parsed) {
            if (parsed.error().isEmpty())
                std::abort(); // a refusal always says why
            continue;
        }
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(parsed->data, &error);
        if (error.error != QJsonParseError::NoError || !document.isObject())
            std::abort();
        if (parsed->data.contains('\0') || parsed->dedupeKey.contains(QChar(0)) || parsed->data.contains("\\u0000"))
            std::abort();
        if (parsed->dedupeKey.trimmed().isEmpty() && kind != HookKind::AtOptOut)
            std::abort();
    }
    return 0;
}
