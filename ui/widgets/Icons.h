// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QIcon>
#include <QPalette>

namespace kengele {

// Kengele's own icons (resources/icons/sidebar/*.svg): one set that looks the same on Windows,
// macOS and every Linux theme. They are drawn in a single colour and painted at run time in the
// palette's colour for the state (text; highlighted text when selected; the disabled text colour),
// so they stay readable in light and dark themes and follow a palette change without a restart.
namespace Icons {

enum Icon { Dashboard, Contact, Group, Template, Send, Sent, Inbox, Settings, Welcome, Tokens, Report };

// `role`: the colour in the normal state, for icons on a coloured background (a default button
// drawn in the highlight colour: QPalette::HighlightedText).
QIcon icon(Icon which, QPalette::ColorRole role = QPalette::Text);

} // namespace Icons

} // namespace kengele
