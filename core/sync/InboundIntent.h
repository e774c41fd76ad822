// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>

namespace kengele {

// What an incoming SMS asks for (architecture.md §3.2). Keywords are read case-insensitively
// on the trimmed text, from its first word (trailing punctuation such as "STOP." or "PRAY:"
// ignored), so "Stop", "STOP ALL", "stop please" and "Acha" all opt the number out: when in
// doubt, a person who asked to stop is not sent more.
//   STOP, STOP ALL, UNSUBSCRIBE, ACHA  -> OptOut, keyword "STOP" / "STOP ALL" / ...
//   PRAY ..., OMBI ...                 -> Prayer, text = the rest of the message
//   anything else                      -> Message
struct InboundIntent {
    enum class Kind { Message, OptOut, Prayer };
    Kind kind = Kind::Message;
    QString keyword; // upper case, as matched
    QString text; // Prayer: the request without its keyword; otherwise the whole text

    static InboundIntent classify(const QString &text);
};

} // namespace kengele
