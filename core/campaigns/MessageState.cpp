// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "MessageState.h"

namespace kengele {

QString toText(MessageState state)
{
    switch (state) {
    case MessageState::Queued:
        return QStringLiteral("queued");
    case MessageState::Submitting:
        return QStringLiteral("submitting");
    case MessageState::Sent:
        return QStringLiteral("sent");
    case MessageState::Delivered:
        return QStringLiteral("delivered");
    case MessageState::Failed:
        return QStringLiteral("failed");
    case MessageState::Uncertain:
        return QStringLiteral("uncertain");
    case MessageState::Cancelled:
        break;
    }
    return QStringLiteral("cancelled");
}

std::optional<MessageState> messageStateFromText(QStringView text)
{
    for (const MessageState state : AllMessageStates) {
        if (toText(state) == text)
            return state;
    }
    return std::nullopt;
}

} // namespace kengele
