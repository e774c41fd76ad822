// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QLabel>

namespace kengele {

// A quieter, word-wrapped line under a setting or a field that says what it is for ("A code works
// once, for a limited time"). Its colour is the palette's own for hints, so it reads in a light and
// a dark theme alike.
class HintLabel final : public QLabel
{
    Q_OBJECT

public:
    explicit HintLabel(const QString &text, QWidget *parent = nullptr);
};

} // namespace kengele
