// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QPointer>
#include <QWidget>

class QVBoxLayout;

namespace kengele {

class ComputersWatcher;

// The notices about the church's computers, across the top of the window and of Settings →
// Computers: this computer waiting to be let in (with its safety code), just let in (the data
// arriving), and another computer waiting ("Office laptop wants to join. Safety code … — does it
// show the same?" with "Yes, let it in" and "No" for an administrator). Hidden when there is nothing.
class ComputersBanner final : public QWidget
{
    Q_OBJECT

public:
    explicit ComputersBanner(ComputersWatcher &watcher, QWidget *parent = nullptr);

    // Which notices: all (the window), this computer's own (above the Settings tabs, so a newcomer
    // sees its code right after connecting in Settings → Relay), or the other computers' (Settings →
    // Computers, whose list says the rest).
    enum class Scope { All, ThisComputer, OtherComputers };
    void setScope(Scope scope);

    // The church's name as the relay knows it ("This computer is now part of …").
    void setChurchName(const QString &name);
    // How many contacts this computer has now (the progress while the data arrives).
    void setContactCount(int contacts);

    // The words, for the status bar and the tests.
    static QString waitingText(const QString &code);
    static QString joinedText(const QString &church, int contacts);
    static QString askText(const QString &name, const QString &code);

private:
    // The sentences apart (the notice puts the code on a line of its own); `shownCode` is the code
    // as it is put in the sentence (plain, or bold for the notice).
    static QStringList waitingParts(const QString &code, const QString &shownCode);
    static QStringList askParts(const QString &name, const QString &code, const QString &shownCode);

    void rebuild();
    // Asks first (what is kept where), then has the watcher keep `own` in a backup and start from
    // the church's data.
    void startFromChurchData(const QString &own);

    ComputersWatcher &m_watcher;
    QVBoxLayout *m_layout = nullptr;
    Scope m_scope = Scope::All;
    QString m_church;
    int m_contacts = -1;
};

} // namespace kengele
