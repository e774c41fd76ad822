// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QList>
#include <QPair>
#include <QString>

namespace kengele {

// The interface languages Kengele ships, and switching between them. English has a translation
// file too: it holds the plural forms ("1 contact", "2 contacts").
namespace Language {
// (code, name in that language): ("en", "English"), ("sw", "Kiswahili").
QList<QPair<QString, QString>> available();
// Installs the translation for code, replacing any earlier one.
bool install(const QString &code);
} // namespace Language

} // namespace kengele
