// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace kengele {

// A small parser for "kengele-cli [--profile DIR] [--json] COMMAND ... [--option VALUE] [--flag]".
// Options may appear anywhere; repeated options keep every value (--group A --group B).
class CliArguments final
{
public:
    // valueOptions take a value (--group NAME); flagOptions do not (--json).
    static CliArguments parse(const QStringList &arguments, const QStringList &valueOptions, const QStringList &flagOptions);

    bool isValid() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }

    QStringList positional() const { return m_positional; }
    bool has(const QString &option) const { return m_values.contains(option) || m_flags.contains(option); }
    QString value(const QString &option) const { return m_values.value(option).value(0); }
    QStringList values(const QString &option) const { return m_values.value(option); }

private:
    QStringList m_positional;
    QHash<QString, QStringList> m_values;
    QStringList m_flags;
    QString m_error;
};

} // namespace kengele
