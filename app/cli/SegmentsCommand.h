// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "CliCommand.h"

#include <QJsonObject>

namespace kengele {

struct SegmentInfo;

// kengele-cli segments [TEXT]: the encoding and SMS parts of a text (or of standard input).
class SegmentsCommand final : public CliCommand
{
    Q_DECLARE_TR_FUNCTIONS(SegmentsCommand)

public:
    using CliCommand::CliCommand;

    int run(const QStringList &words) override;

    // {"encoding","segments","units","characters"}, as `segments` and `templates` print them.
    static QJsonObject json(const SegmentInfo &info);
};

} // namespace kengele
