// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// kengele-relay: the hosted relay (docs/relay.md, packaging/relay/README.md). The commands live in
// relay/RelayCommandLine.
#include "RelayCommandLine.h"

#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("kengele-relay"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KENGELE_VERSION));
    qSetMessagePattern(QStringLiteral("%{time yyyy-MM-ddTHH:mm:ss.zzzt} %{type} %{category} %{message}"));
    QTextStream out(stdout);
    QTextStream err(stderr);
    return kengele::relay::RelayCommandLine::run(QCoreApplication::arguments().mid(1), out, err);
}
