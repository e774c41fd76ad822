// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace kengele {

// The limits of what a contact can hold (the importer shortens longer values, the dialogs refuse them).
constexpr int MaxContactNameLength = 100; // first and last name, each
constexpr int MaxContactNotesLength = 2000;

// What a person fills in; the phone is raw and gets normalised by ContactService.
struct ContactInput {
    QString firstName;
    QString lastName;
    QString phone;
    QString email;
    QString notes;
};

// A contact's values as ContactStore writes them: the phone already in E.164.
struct ContactRecord {
    QString firstName;
    QString lastName;
    QString phone; // E.164
    QString phoneRaw; // as typed or imported
    QString email;
    QString notes;
};

// A stored contact: its values, and what the store knows about it besides.
struct Contact : ContactRecord {
    qint64 id = 0;
    QString source; // manual, import, demo
    QStringList groups;
    bool optedOut = false;
    QString optOutReason;
    QDateTime created;
    QDateTime updated;

    QString name() const
    {
        if (lastName.isEmpty())
            return firstName;
        if (firstName.isEmpty())
            return lastName;
        return firstName + u' ' + lastName;
    }
};

enum class ContactSort { Name, Phone, Groups, OptedOut, Created };

struct ContactQuery {
    QString search; // matches name, email or phone digits
    qint64 groupId = 0; // 0: every contact
    qint64 notInGroupId = 0; // 0: no exclusion
    ContactSort sort = ContactSort::Name;
    Qt::SortOrder order = Qt::AscendingOrder;
};

} // namespace kengele
