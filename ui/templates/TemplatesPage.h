// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace kengele {

class Clock;
class ContactService;
class RoleGate;
class TemplateEditor;
class TemplateService;

// The Templates page: saved messages on the left, the editor on the right. Unsaved changes are
// never dropped silently: switching away asks first.
class TemplatesPage final : public QWidget
{
    Q_OBJECT

public:
    TemplatesPage(TemplateService &templates, ContactService &contacts, const Clock &clock, QWidget *parent = nullptr);

    // Greys what the person at the computer may not do (without a gate: nothing); for someone who
    // may only look, the template is read-only.
    void setRoleGate(RoleGate &gate);

    TemplateEditor *editor() const { return m_editor; }
    bool isDirty() const { return m_dirty; }
    // Saves the open template; returns false (with the reason shown) when it was refused.
    bool save();
    void newTemplate();
    void deleteCurrent();
    void revert();
    bool selectTemplate(qint64 id);
    // Asks to save unsaved changes; false when the person chose to stay.
    bool confirmLeave();

private:
    void reloadList();
    void currentRowChanged(int row);
    void load(qint64 id);
    void setDirty(bool dirty);

    TemplateService &m_templates;
    ContactService &m_contacts;
    QListWidget *m_list = nullptr;
    QPushButton *m_new = nullptr;
    QPushButton *m_delete = nullptr;
    QLineEdit *m_name = nullptr;
    TemplateEditor *m_editor = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_revert = nullptr;
    QLabel *m_status = nullptr;
    qint64 m_currentId = 0;
    bool m_dirty = false;
    bool m_loading = false;
};

} // namespace kengele
