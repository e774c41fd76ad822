// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "DashboardCommand.h"

#include "ReportCommand.h"

#include "profile/Profile.h"
#include "reports/DashboardService.h"
#include "storage/Database.h"
#include "sync/FeatureLocks.h"

#include <QLocale>

namespace kengele {

namespace {

QString trend(qint64 now, qint64 before)
{
    if (now == before)
        return QStringLiteral("=");
    return now > before ? QStringLiteral("+%1").arg(now - before) : QString::number(now - before);
}

} // namespace

int DashboardCommand::run(const QStringList &words)
{
    if (!words.isEmpty())
        return m_cli.usage(tr("Usage: dashboard [--period this-month|last-3-months|last-12-months|FROM..TO]"));
    if (!m_cli.allowOnly({QStringLiteral("period")}))
        return BadUsage;
    const Result<Period> period = ReportCommand::period(m_cli);
    if (!period)
        return m_cli.usage(period.error().message);
    if (Status opened = m_cli.openProfile(); !opened)
        return m_cli.failed(opened.error());
    if (Status allowed = m_cli.profile().features().check(PlanFeature::Analytics); !allowed)
        return m_cli.failed(allowed.error());
    const DashboardService dashboard(m_cli.profile().database());
    const Result<DashboardNumbers> numbers = dashboard.numbers(*period);
    if (!numbers)
        return m_cli.failed(numbers.error());
    if (m_cli.json()) {
        m_cli.printJson(numbers->toJson());
        return Done;
    }
    const QLocale locale;
    const DashboardNumbers::Totals &now = numbers->totals;
    const DashboardNumbers::Totals &before = numbers->previous;
    QTextStream &out = m_cli.out();
    out << period->describe() << '\n';
    const auto line = [&](const QString &label, qint64 value, qint64 previous) {
        out << "  " << CliContext::padded(label, 28) << CliContext::padded(locale.toString(value), 10)
            << tr("(%1 on the period before)").arg(trend(value, previous)) << '\n';
    };
    line(tr("Sent"), now.sent, before.sent);
    line(tr("Delivered"), now.delivered, before.delivered);
    line(tr("Failed"), now.failed, before.failed);
    out << "  " << CliContext::padded(tr("Delivery rate"), 28)
        << (now.deliveryRate.isNull() ? tr("none sent") : tr("%1 %").arg(locale.toString(now.deliveryRate.toDouble(), 'f', 1)))
        << '\n';
    line(tr("Replies"), now.replies, before.replies);
    line(tr("Opt-outs"), now.optOuts, before.optOuts);
    line(tr("Contacts added"), now.contactsAdded, before.contactsAdded);
    if (!numbers->byNetwork.isEmpty()) {
        out << tr("By network:") << '\n';
        for (const DashboardNumbers::Network &network : numbers->byNetwork)
            out << "  " << CliContext::padded(network.network.isEmpty() ? tr("Unknown network") : network.network, 20)
                << tr("%1 sent, %2 delivered, %3 failed").arg(network.sent).arg(network.delivered).arg(network.failed) << '\n';
    }
    if (!numbers->byReason.isEmpty()) {
        out << tr("Failures by reason:") << '\n';
        for (const DashboardNumbers::Reason &reason : numbers->byReason)
            out << "  " << CliContext::padded(reason.reason.isEmpty() ? tr("No reason given") : reason.reason, 28) << reason.count
                << '\n';
    }
    if (!numbers->tokensByAccount.isEmpty()) {
        out << tr("Tokens used:") << '\n';
        for (const DashboardNumbers::Account &account : numbers->tokensByAccount)
            out << "  " << CliContext::padded(account.account, 28) << account.tokens << '\n';
    }
    out << Qt::flush;
    return Done;
}

} // namespace kengele
