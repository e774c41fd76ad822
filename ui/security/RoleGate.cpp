// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "RoleGate.h"

#include "security/StaffAccounts.h"

#include <QAction>
#include <QVariant>
#include <QWidget>

namespace kengele {

namespace {

// Kept on the control itself, so a page's setEnabled/setToolTip and the gate meet there.
constexpr char AllowedProperty[] = "kengeleRoleAllowed";
constexpr char WantedProperty[] = "kengeleRoleWanted";
constexpr char ToolTipProperty[] = "kengeleRoleToolTip";
constexpr char RefusalProperty[] = "kengeleRoleRefusal";

// Enabled by its own setting (a widget inside a greyed box is not enabled, but wants to be).
bool ownEnabled(const QAction *action)
{
    return action->isEnabled();
}

bool ownEnabled(const QWidget *widget)
{
    return !widget->testAttribute(Qt::WA_ForceDisabled);
}

// The tooltip the page gave, or why the gate holds the control back.
template<typename Control> void showToolTip(Control *control)
{
    const bool allowed = RoleGate::allowed(control);
    control->setToolTip(allowed ? control->property(ToolTipProperty).toString() : control->property(RefusalProperty).toString());
}

template<typename Control> void remember(Control *control, const Status &status)
{
    if (!control->property(WantedProperty).isValid())
        control->setProperty(WantedProperty, ownEnabled(control));
    if (!control->property(ToolTipProperty).isValid())
        control->setProperty(ToolTipProperty, control->toolTip());
    control->setProperty(AllowedProperty, status.has_value());
    control->setProperty(RefusalProperty, status ? QString() : status.error().message);
}

} // namespace

RoleGate::RoleGate(const StaffAccounts *staff, QObject *parent)
    : QObject(parent)
    , m_staff(staff)
{
    if (m_staff) {
        connect(m_staff, &StaffAccounts::signedInChanged, this, &RoleGate::changed);
        connect(m_staff, &StaffAccounts::accountsChanged, this, &RoleGate::changed);
    }
}

Status RoleGate::check(Permission permission) const
{
    return m_staff ? m_staff->check(permission) : Status{};
}

Status RoleGate::check(const RoleGate *gate, Permission permission)
{
    return gate ? gate->check(permission) : Status{};
}

void RoleGate::follow(QObject *context, Permission permission, const std::function<void(const Status &)> &apply)
{
    apply(check(permission));
    connect(this, &RoleGate::changed, context, [this, permission, apply] { apply(check(permission)); });
}

void RoleGate::gate(QAction *action, Permission permission)
{
    follow(action, permission, [action](const Status &status) {
        remember(action, status);
        setEnabled(action, action->property(WantedProperty).toBool());
        showToolTip(action);
        // Menus show the status tip, not the tooltip.
        action->setStatusTip(status ? QString() : status.error().message);
    });
}

void RoleGate::gate(QWidget *widget, Permission permission)
{
    follow(widget, permission, [widget](const Status &status) {
        remember(widget, status);
        setEnabled(widget, widget->property(WantedProperty).toBool());
        showToolTip(widget);
    });
}

void RoleGate::hide(QWidget *widget, Permission permission)
{
    follow(widget, permission, [widget](const Status &status) { widget->setVisible(status.has_value()); });
}

void RoleGate::setEnabled(QAction *action, bool wanted)
{
    action->setProperty(WantedProperty, wanted);
    action->setEnabled(wanted && allowed(action));
}

void RoleGate::setEnabled(QWidget *widget, bool wanted)
{
    widget->setProperty(WantedProperty, wanted);
    widget->setEnabled(wanted && allowed(widget));
}

void RoleGate::setToolTip(QWidget *widget, const QString &toolTip)
{
    widget->setProperty(ToolTipProperty, toolTip);
    showToolTip(widget);
}

bool RoleGate::allowed(const QObject *control)
{
    const QVariant value = control->property(AllowedProperty);
    return !value.isValid() || value.toBool();
}

} // namespace kengele
