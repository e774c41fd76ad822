// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QCborValue>
#include <QString>

#include <tuple>

namespace kengele {

// One change to one field of one shared row, as it travels between computers (architecture.md
// "Several computers: the change log"). Field names are never reused or renamed.
//
// entity  "contact", "group", "template", "membership", "opt_out" (others are kept, not applied)
// uid     the row's UUIDv7; for a membership "groupUid/contactUid"; for an opt-out the E.164 number
// field   a column name; "_deleted" (value 1) for a deletion; "_alias" (value: the canonical uid)
//         when two rows turned out to be one; for sets "add" (value: the tag) and "remove"
//         (value: an array of the tags the remover had seen)
// hlc     hybrid logical clock (Hlc); with device, orders writes to one field
// prev    the clock of the value this write replaced on its author's computer (0: none or
//         unknown); tells a concurrent overwrite (a conflict) from a later edit
struct SyncOp {
    QString entity;
    QString uid;
    QString field;
    QCborValue value;
    quint64 hlc = 0;
    QString device;
    QString user;
    quint64 prev = 0;

    // The order in which writes to one field win: (hlc, device).
    friend bool operator<(const SyncOp &a, const SyncOp &b)
    {
        return std::tie(a.hlc, a.device, a.entity, a.uid, a.field) < std::tie(b.hlc, b.device, b.entity, b.uid, b.field);
    }
    friend bool operator==(const SyncOp &a, const SyncOp &b)
    {
        return a.hlc == b.hlc && a.device == b.device && a.entity == b.entity && a.uid == b.uid && a.field == b.field
            && a.value == b.value && a.user == b.user && a.prev == b.prev;
    }
};

} // namespace kengele
