// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace kengele {

class RoleGate;

// The first thing a new profile shows (and Help → Getting started again): three steps to a first
// real SMS, each with the button that does it. 1) Add your people: the import. 2) Practise a send:
// the compose dialog in practice mode, nothing leaves the computer. 3) Go live: what an Africa's
// Talking account is, where its API key is found, and Settings → SMS gateway to paste it. The
// window does what the buttons ask (this page has no services).
class WelcomePage final : public QWidget
{
    Q_OBJECT

public:
    explicit WelcomePage(QWidget *parent = nullptr);

    // Greys the import and the practice send for whoever may not do them.
    void setRoleGate(RoleGate &gate);

Q_SIGNALS:
    void importRequested();
    void practiseRequested();
    void goLiveRequested();
    // "Start using Kengele": the window shows the contacts.
    void doneRequested();

private:
    // One numbered step: the heading, the explanation and its button.
    QWidget *step(int number, const QString &heading, const QString &text, QPushButton *button, const char *labelName);
};

} // namespace kengele
