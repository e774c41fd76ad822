// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QList>
#include <QString>

class QWidget;

namespace kengele::test {

// One thing a person would trip over on a shown window.
struct AuditFinding {
    enum class Kind {
        Cut, // text that is elided or clipped, so part of it cannot be read
        Nameless, // an interactive element a screen reader can only call "button" or "edit"
        NoKeyboard, // an interactive element Tab never reaches
    };
    Kind kind = Kind::Cut;
    QString path; // objectNames from the window down, the last one by class and text when unnamed
    QString problem; // plain description, with the numbers that show it

    QString toString() const;
};

// Looks at a shown, laid out window the way a person would, and lists what cannot be read or
// reached:
// - text that is cut: labels (plain and rich, one line or wrapped), buttons, check boxes and
//   radio buttons, shortened ElidedLabels, table and tree header sections, combo boxes, the
//   visible rows of item views, tabs and group box titles; only what is visible in the window
//   and, inside scroll areas, in the part that is scrolled into view;
// - interactive elements (buttons, edits, combo and spin boxes, item views, sliders) with no
//   accessible name;
// - interactive elements that Tab, walking the window's focus chain, never reaches.
// The window must be shown (QTest::qWaitForWindowExposed) so that its layouts have run. `root`
// is the window or a part of it (its status bar): only what is inside `root` is looked at.
class LayoutAudit final
{
public:
    static QList<AuditFinding> run(QWidget *root);
    // One finding a line, for a test's failure message.
    static QString format(const QList<AuditFinding> &findings);
};

} // namespace kengele::test
