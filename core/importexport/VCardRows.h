// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "ImportRow.h"
#include "VCardReader.h"

namespace kengele {

// Turns the cards of a vCard file into import rows: the name (from N, else FN split in two), the
// mobile number, the first e-mail address, the notes, and the categories as groups.
class VCardRows final
{
public:
    explicit VCardRows(const QString &text);

    // Cards still to come, without moving on.
    int remaining() const { return m_reader.countRemaining(); }
    // The next row; false at the end.
    bool next(ImportRow &row);

private:
    VCardReader m_reader;
    VCard m_card;
};

} // namespace kengele
