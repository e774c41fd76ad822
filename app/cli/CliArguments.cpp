// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CliArguments.h"

#include <QCoreApplication>

namespace kengele {

CliArguments CliArguments::parse(const QStringList &arguments, const QStringList &valueOptions, const QStringList &flagOptions)
{
    CliArguments result;
    bool onlyPositional = false;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if (onlyPositional || !arg.startsWith(QStringLiteral("--")) || arg == QStringLiteral("-")) {
            result.m_positional.append(arg);
            continue;
        }
        if (arg == QStringLiteral("--")) {
            onlyPositional = true;
            continue;
        }
        QString name = arg.mid(2);
        QString inlineValue;
        bool hasInline = false;
        if (const qsizetype eq = name.indexOf(u'='); eq > 0) {
            inlineValue = name.mid(eq + 1);
            name = name.left(eq);
            hasInline = true;
        }
        if (valueOptions.contains(name)) {
            if (hasInline) {
                result.m_values[name].append(inlineValue);
            } else if (i + 1 < arguments.size()) {
                result.m_values[name].append(arguments.at(++i));
            } else {
                result.m_error = QCoreApplication::translate("CliArguments", "The option --%1 needs a value.").arg(name);
                return result;
            }
        } else if (flagOptions.contains(name) && !hasInline) {
            result.m_flags.append(name);
        } else {
            result.m_error = QCoreApplication::translate("CliArguments", "Unknown option --%1.").arg(name);
            return result;
        }
    }
    return result;
}

} // namespace kengele
