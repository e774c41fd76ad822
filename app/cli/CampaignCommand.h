// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "CliCommand.h"

namespace kengele {

struct CampaignDraft;

// kengele-cli campaign send | run | status | list | recipients | edit | pause | resume |
// resend-uncertain | cancel.
class CampaignCommand final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(CampaignCommand)

public:
    using CliCommand::CliCommand;

    int run(const QStringList &words) override;

private:
    int send();
    int edit(qint64 id);
    // Applies --text/--template/--group/--at/--repeat... to a draft; Done or an exit code.
    int applyDraftOptions(CampaignDraft &draft, bool editing);
    int printCampaign(qint64 id);
};

} // namespace kengele
