// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "common/Result.h"

#include <QString>

#include <expected>

namespace kengele {

// Why a call to the relay did not work, for the sync service (retry or not) and for people
// (message, already translated and written for a church secretary).
struct RelayError {
    enum class Kind {
        InvalidUrl, // the address is not one
        Unreachable, // no connection, DNS, refused, timed out: try again later
        Unauthorized, // 401: enrolment code unknown, used or expired; device token wrong or revoked
        RateLimited, // 429: try again after retryAfterMs
        ServerError, // 5xx: try again later
        Refused, // another 4xx: the request was wrong; trying again will not help
        BadAnswer, // not the relay's JSON: probably not a Kengele relay at that address
    };
    Kind kind = Kind::Unreachable;
    QString message;
    int httpStatus = 0;
    qint64 retryAfterMs = 0;
    QString code; // the relay's own word for why it refused ("phone_busy", …; docs/relay.md), if it gave one
    // 403 from a computer not yet approved (docs/relay.md, sync): it may only take part in its join.
    bool waitingForApproval = false;
    // The relay's number that goes with `code`: seq_gap, the batch number it expects next; compacted
    // (410), the change number the snapshot covers.
    qint64 expected = 0;

    // Worth trying again later by itself (the sync's back-off).
    bool isTransient() const { return kind == Kind::Unreachable || kind == Kind::RateLimited || kind == Kind::ServerError; }
    Error toError() const
    {
        if (waitingForApproval)
            return {ErrorCode::Forbidden, message};
        switch (kind) {
        case Kind::InvalidUrl:
        case Kind::Refused:
            return {ErrorCode::InvalidInput, message};
        case Kind::Unauthorized:
            return {ErrorCode::NotFound, message};
        case Kind::BadAnswer:
            return {ErrorCode::Unsupported, message};
        default:
            return {ErrorCode::Io, message};
        }
    }
};

template<typename T> using RelayResult = std::expected<T, RelayError>;

} // namespace kengele
