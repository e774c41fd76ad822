// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Arbitrary bytes as an M-Pesa (Daraja) callback body. Whatever parseHook() accepts is stored as
// the provider sent it and later served inside /v1/events: it must be one strict JSON object with
// nothing PostgreSQL's text cannot hold.
#include "Hooks.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cstdint>
#include <cstdlib>

using namespace kengele::relay;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    for (HookKind kind : {HookKind::DarajaStk, HookKind::DarajaValidation, HookKind::DarajaConfirmation}) {
        const auto parsed = parseHook(kind, body);
        if (!parsed) {
            if (parsed.error().isEmpty())
                std::abort();
            continue;
        }
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(parsed->data, &error);
        if (error.error != QJsonParseError::NoError || !document.isObject())
            std::abort();
        if (parsed->data.contains('\0') || parsed->data.contains("\\u0000") || parsed->dedupeKey.contains(QChar(0)))
            std::abort();
        // The served event is `"data":` + these bytes inside a larger document: it must nest.
        const QByteArray wrapped = "{\"events\":[{\"data\":" + parsed->data + "}]}";
        if (QJsonDocument::fromJson(wrapped, &error).isNull() || error.error != QJsonParseError::NoError)
            std::abort();
    }
    return 0;
}
