// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QMessageBox>

#include <optional>

class QWidget;

namespace kengele {

// Every question and warning the GUI asks goes through here, so GUI tests can script the answer
// instead of blocking on a modal dialog (as KeePassXC's gui/MessageBox does).
class MessageBox final
{
public:
    static QMessageBox::StandardButton question(QWidget *parent, const QString &title, const QString &text,
                                                QMessageBox::StandardButtons buttons = QMessageBox::Yes | QMessageBox::No,
                                                QMessageBox::StandardButton defaultButton = QMessageBox::No);
    static void warning(QWidget *parent, const QString &title, const QString &text);
    static void information(QWidget *parent, const QString &title, const QString &text);

    // Tests: answer the next dialogs with this button instead of showing them.
    static void setNextAnswer(std::optional<QMessageBox::StandardButton> answer);
    // Tests: the text of the last dialog that would have been shown.
    static QString lastText();

private:
    static QMessageBox::StandardButton show(QMessageBox::Icon icon, QWidget *parent, const QString &title, const QString &text,
                                            QMessageBox::StandardButtons buttons, QMessageBox::StandardButton defaultButton);
};

} // namespace kengele
