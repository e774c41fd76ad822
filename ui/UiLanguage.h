#pragma once

#include <QList>
#include <QPair>
#include <QString>

namespace kengele {

// The interface languages Kengele ships, and switching between them.
namespace UiLanguage {
// (code, name in that language): ("en", "English"), ("sw", "Kiswahili").
QList<QPair<QString, QString>> available();
// Installs the translation for code (removing any earlier one); "en" needs none.
bool install(const QString &code);
} // namespace UiLanguage

} // namespace kengele
