// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "GatewayKind.h"

namespace kengele {

QString toText(GatewayKind kind)
{
    switch (kind) {
    case GatewayKind::Simulator:
        return QStringLiteral("simulator");
    case GatewayKind::AfricasTalking:
        break;
    }
    return QStringLiteral("africastalking");
}

std::optional<GatewayKind> gatewayKindFromText(QStringView text)
{
    for (const GatewayKind kind : AllGatewayKinds) {
        if (toText(kind) == text)
            return kind;
    }
    return std::nullopt;
}

} // namespace kengele
