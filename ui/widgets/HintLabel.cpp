// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "HintLabel.h"

#include "Colours.h"

namespace kengele {

HintLabel::HintLabel(const QString &text, QWidget *parent)
    : QLabel(text, parent)
{
    setWordWrap(true);
    Colours::setTone(this, Colours::Tone::Hint);
}

} // namespace kengele
