// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>

#include <expected>
#include <optional>
#include <utility>

namespace kengele {

// What went wrong, in a form front ends can act on (the code) and show (the message).
// Messages are already translated and written for the person at the desk, not for engineers.
enum class ErrorCode {
    InvalidInput, // the user typed or supplied something we cannot use
    NotFound, // the thing named does not exist
    Conflict, // it would duplicate something that must be unique
    Storage, // the database refused (disk full, damaged file, ...)
    ReadOnly, // the data folder or file cannot be written
    NewerSchema, // data written by a newer Kengele
    Io, // a file could not be read or written
    Cancelled, // the user stopped it; nothing was changed
    Unsupported, // the file or request is of a kind we do not handle
    Keychain, // the operating system's password store failed
    Forbidden, // the person signed in may not do this (their role); nothing was changed
    SignIn, // who is at the computer is not known: sign-in is required, or the password was wrong
};

struct Error {
    ErrorCode code;
    QString message;
};

template<typename T> using Result = std::expected<T, Error>;
using Status = std::expected<void, Error>;

inline std::unexpected<Error> fail(ErrorCode code, QString message)
{
    return std::unexpected(Error{code, std::move(message)});
}

// A lookup that may find nothing: a storage error passes on as it is; nothing found becomes NotFound
// with `notFound` (a message for people).
template<typename T> Result<T> foundOr(Result<std::optional<T>> found, QString notFound)
{
    if (!found)
        return std::unexpected(std::move(found).error());
    std::optional<T> &value = *found;
    if (!value)
        return fail(ErrorCode::NotFound, std::move(notFound));
    return std::move(*value);
}

} // namespace kengele
