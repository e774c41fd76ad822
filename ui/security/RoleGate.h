// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "common/Result.h"
#include "security/Role.h"

#include <QObject>

#include <functional>

class QAction;
class QWidget;

namespace kengele {

class StaffAccounts;

// What the person at the computer may not do is greyed (with why as the tooltip, in RoleText's
// plain words) or hidden, on every page, and follows whoever is at the computer: someone else
// signs in after the lock, sign-in is turned on, a role changes in Settings (docs/architecture.md
// §7). The window makes one and hands it to each page; the core services still refuse on their own.
//
// A gated control has two owners: the gate (may this role do it?) and its page (is a row
// selected?). The page says what it wants through RoleGate::setEnabled() and setToolTip() instead
// of the control's own, so neither undoes the other; a page built without a gate (its own tests)
// behaves as before.
class RoleGate final : public QObject
{
    Q_OBJECT

public:
    // Without `staff`, everything is allowed.
    explicit RoleGate(const StaffAccounts *staff, QObject *parent = nullptr);

    // Status{} while sign-in is not required; otherwise Forbidden or SignIn with why.
    Status check(Permission permission) const;
    bool may(Permission permission) const { return check(permission).has_value(); }
    // For pages that may have no gate: everything is allowed then.
    static Status check(const RoleGate *gate, Permission permission);

    // Greyed, with why as the tooltip, while `permission` is refused.
    void gate(QAction *action, Permission permission);
    void gate(QWidget *widget, Permission permission);
    // Hidden while `permission` is refused (an empty page's suggestion, a reply box).
    void hide(QWidget *widget, Permission permission);
    // Anything else (drag and drop, read-only fields): `apply` runs now and after every change,
    // for as long as `context` lives.
    void follow(QObject *context, Permission permission, const std::function<void(const Status &)> &apply);

    // What the page wants, never more than the gate allows (plain setEnabled/setToolTip for a
    // control nobody gated).
    static void setEnabled(QAction *action, bool wanted);
    static void setEnabled(QWidget *widget, bool wanted);
    static void setToolTip(QWidget *widget, const QString &toolTip);
    // False while a gate holds this control back.
    static bool allowed(const QObject *control);

Q_SIGNALS:
    // Someone signed in or out, or the accounts or their roles changed: every gate is applied again.
    void changed();

private:
    const StaffAccounts *m_staff;
};

} // namespace kengele
