// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Contact.h"
#include "messaging/MessageTemplate.h"

#include <QDate>

namespace kengele {

// The merge-field values for one contact: what {first_name}, {group}, {date} ... become.
// The same function serves the editor's preview and the messages actually sent.
MergeValues mergeValuesFor(const Contact &contact, const QString &groupName, const QDate &date);

// How {date} is written in messages: 21/11/2026, the form Kenyan and Ugandan readers expect.
QString mergeDate(const QDate &date);

} // namespace kengele
