// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CliCall.h"

#include "CliRunner.h"

#include <QBuffer>
#include <QTextStream>

namespace kengele::test {

CliOutcome runCli(const QString &profile, const QStringList &arguments, const Clock &clock, SecretStore &secrets,
                  const QByteArray &input, const std::function<void(CliRunner &)> &prepare)
{
    QStringList all = arguments;
    if (!profile.isEmpty())
        all = QStringList{QStringLiteral("--profile"), profile} + arguments;
    QByteArray in = input;
    QBuffer inBuffer(&in);
    inBuffer.open(QIODevice::ReadOnly);
    CliOutcome outcome;
    QTextStream outStream(&outcome.out);
    QTextStream errStream(&outcome.err);
    QTextStream inStream(&inBuffer);
    CliRunner runner(outStream, errStream, inStream, clock, secrets);
    if (prepare)
        prepare(runner);
    outcome.code = runner.run(all);
    outStream.flush();
    errStream.flush();
    return outcome;
}

QStringList cliLine(const QString &line)
{
    return line.split(u'|');
}

} // namespace kengele::test
