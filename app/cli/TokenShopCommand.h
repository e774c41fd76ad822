// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "CliCommand.h"

namespace kengele {

struct PurchaseRecord;

// kengele-cli tokens plans | buy --plan P --phone N [--account A] [--no-wait] | purchases |
// cleanup --days N: buying tokens with M-Pesa through the relay (docs/cli.md). Reached through
// `tokens` (TokensCommand).
class TokenShopCommand final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(TokenShopCommand)

public:
    using CliCommand::CliCommand;

    static bool handles(const QString &subcommand);
    int run(const QStringList &words) override;

private:
    int plans();
    int buy();
    int purchases();
    int cleanup();
    void printPurchase(const PurchaseRecord &record, bool credited);
};

} // namespace kengele
