// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CliRunner.h"

#include "CliCommand.h"
#include "CliCommandTable.h"

namespace kengele {

CliRunner::CliRunner(QTextStream &out, QTextStream &err, QTextStream &in, const Clock &clock, SecretStore &secrets)
    : m_cli(out, err, in, clock, secrets)
{ }

int CliRunner::run(const QStringList &arguments)
{
    const CliArguments parsed = CliArguments::parse(arguments, CliContext::valueOptions(), CliContext::flagOptions());
    if (!parsed.isValid())
        return m_cli.usage(parsed.error());
    m_cli.setArguments(parsed);
    const int code = dispatch();
    m_cli.out().flush();
    m_cli.err().flush();
    return code;
}

int CliRunner::dispatch()
{
    const CliArguments &args = m_cli.args();
    if (args.has(QStringLiteral("version"))) {
        m_cli.out() << "kengele-cli " << KENGELE_VERSION << Qt::endl;
        return CliContext::Done;
    }
    const QStringList words = args.positional();
    if (words.isEmpty() || args.has(QStringLiteral("help")) || words.first() == QStringLiteral("help")) {
        CliCommandTable::printHelp(m_cli.out());
        return words.isEmpty() && !args.has(QStringLiteral("help")) ? CliContext::BadUsage : CliContext::Done;
    }
    const QString &command = words.first();
    const std::unique_ptr<CliCommand> family = CliCommandTable::make(command, m_cli);
    if (!family)
        return m_cli.usage(tr("Unknown command “%1”.").arg(command));
    return family->run(words.mid(1));
}

} // namespace kengele
