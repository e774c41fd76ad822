// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TemplatesPage.h"

#include "MessageBox.h"
#include "TemplateEditor.h"
#include "security/RoleGate.h"
#include "templates/TemplateService.h"
#include "widgets/Colours.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace kengele {

TemplatesPage::TemplatesPage(TemplateService &templates, ContactService &contacts, const Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_templates(templates)
    , m_contacts(contacts)
{
    setObjectName(QStringLiteral("templatesPage"));

    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("templateList"));
    m_list->setAccessibleName(tr("Templates"));
    m_list->setSpacing(2);
    m_new = new QPushButton(tr("New template"), this);
    m_new->setObjectName(QStringLiteral("newTemplateButton"));
    m_delete = new QPushButton(tr("Delete"), this);
    m_delete->setObjectName(QStringLiteral("deleteTemplateButton"));
    connect(m_new, &QPushButton::clicked, this, &TemplatesPage::newTemplate);
    connect(m_delete, &QPushButton::clicked, this, &TemplatesPage::deleteCurrent);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(new QLabel(tr("<b>Saved templates</b>"), left));
    leftLayout->addWidget(m_list, 1);
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(m_new);
    listButtons->addWidget(m_delete);
    leftLayout->addLayout(listButtons);

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("templateNameEdit"));
    m_name->setAccessibleName(tr("Template name"));
    m_name->setPlaceholderText(tr("A name you will recognise, e.g. Sunday service reminder"));
    m_editor = new TemplateEditor(m_contacts, clock, this);
    m_editor->setObjectName(QStringLiteral("templateEditor"));
    m_save = new QPushButton(tr("Save"), this);
    m_save->setObjectName(QStringLiteral("saveTemplateButton"));
    m_save->setDefault(true);
    m_revert = new QPushButton(tr("Undo changes"), this);
    m_revert->setObjectName(QStringLiteral("revertTemplateButton"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("templateStatusLabel"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    connect(m_save, &QPushButton::clicked, this, &TemplatesPage::save);
    connect(m_revert, &QPushButton::clicked, this, &TemplatesPage::revert);
    connect(m_name, &QLineEdit::textEdited, this, [this] { setDirty(true); });
    connect(m_editor, &TemplateEditor::textChanged, this, [this] {
        if (!m_loading)
            setDirty(true);
    });

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    auto *nameRow = new QHBoxLayout;
    nameRow->addWidget(new QLabel(tr("Name:"), right));
    nameRow->addWidget(m_name, 1);
    rightLayout->addLayout(nameRow);
    rightLayout->addWidget(m_editor, 1);
    auto *saveRow = new QHBoxLayout;
    saveRow->addWidget(m_status, 1);
    saveRow->addWidget(m_revert);
    saveRow->addWidget(m_save);
    rightLayout->addLayout(saveRow);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({260, 700});

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("<h1>Templates</h1>"), this));
    layout->addWidget(splitter, 1);

    connect(m_list, &QListWidget::currentRowChanged, this, &TemplatesPage::currentRowChanged);
    connect(&m_templates, &TemplateService::templatesChanged, this, &TemplatesPage::reloadList);
    reloadList();
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
    else
        newTemplate();
}

void TemplatesPage::reloadList()
{
    const auto list = m_templates.list();
    QSignalBlocker blocker(m_list);
    m_list->clear();
    if (!list)
        return;
    for (const MessageTemplateRecord &t : *list) {
        auto *item = new QListWidgetItem(t.name, m_list);
        item->setData(Qt::UserRole, t.id);
        item->setToolTip(t.body);
        if (t.id == m_currentId)
            m_list->setCurrentItem(item);
    }
    RoleGate::setEnabled(m_delete, m_currentId > 0);
}

void TemplatesPage::setRoleGate(RoleGate &gate)
{
    for (QPushButton *button : {m_new, m_delete, m_save})
        gate.gate(button, Permission::EditContacts);
    gate.follow(this, Permission::EditContacts, [this](const Status &allowed) {
        const QString why = allowed ? QString() : allowed.error().message;
        m_name->setReadOnly(!allowed);
        m_name->setToolTip(why);
        m_editor->setReadOnly(!allowed);
        m_editor->textEdit()->setToolTip(why);
    });
}

void TemplatesPage::currentRowChanged(int row)
{
    QListWidgetItem *item = m_list->item(row);
    const qint64 id = item ? item->data(Qt::UserRole).toLongLong() : 0;
    if (id == m_currentId)
        return;
    if (!confirmLeave()) {
        // Stay on the template being edited.
        QSignalBlocker blocker(m_list);
        for (int i = 0; i < m_list->count(); ++i) {
            if (m_list->item(i)->data(Qt::UserRole).toLongLong() == m_currentId)
                m_list->setCurrentRow(i);
        }
        if (m_currentId == 0)
            m_list->clearSelection();
        return;
    }
    load(id);
}

bool TemplatesPage::selectTemplate(qint64 id)
{
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->data(Qt::UserRole).toLongLong() == id) {
            m_list->setCurrentRow(i);
            return m_currentId == id;
        }
    }
    return false;
}

void TemplatesPage::load(qint64 id)
{
    m_loading = true;
    m_currentId = id;
    if (id > 0) {
        if (const auto t = m_templates.get(id); t) {
            m_name->setText(t->name);
            m_editor->setText(t->body);
        }
    } else {
        m_name->clear();
        m_editor->setText(QString());
    }
    m_loading = false;
    setDirty(false);
    m_status->clear();
    Colours::setTone(m_status, Colours::Tone::Normal);
    RoleGate::setEnabled(m_delete, id > 0);
}

void TemplatesPage::setDirty(bool dirty)
{
    m_dirty = dirty;
    RoleGate::setEnabled(m_save, dirty);
    RoleGate::setEnabled(m_revert, dirty && m_currentId > 0);
    if (dirty) {
        m_status->setText(tr("Unsaved changes"));
        Colours::setTone(m_status, Colours::Tone::Normal);
    }
}

bool TemplatesPage::save()
{
    const auto saved = m_currentId > 0 ? m_templates.update(m_currentId, m_name->text(), m_editor->text())
                                       : m_templates.save(m_name->text(), m_editor->text());
    if (!saved) {
        m_status->setText(saved.error().message);
        Colours::setTone(m_status, Colours::Tone::Error);
        return false;
    }
    m_currentId = saved->id;
    setDirty(false);
    reloadList();
    selectTemplate(saved->id);
    m_status->setText(tr("Saved."));
    Colours::setTone(m_status, Colours::Tone::Normal);
    return true;
}

void TemplatesPage::newTemplate()
{
    if (!confirmLeave())
        return;
    {
        QSignalBlocker blocker(m_list);
        m_list->clearSelection();
        m_list->setCurrentRow(-1);
    }
    load(0);
    m_name->setFocus();
}

void TemplatesPage::revert()
{
    load(m_currentId);
}

void TemplatesPage::deleteCurrent()
{
    if (m_currentId <= 0)
        return;
    if (MessageBox::question(this, tr("Delete template"), tr("Delete the template “%1”?").arg(m_name->text()))
        != QMessageBox::Yes)
        return;
    if (const Status removed = m_templates.remove(m_currentId); !removed) {
        MessageBox::warning(this, tr("Delete template"), removed.error().message);
        return;
    }
    m_dirty = false;
    m_currentId = 0;
    reloadList();
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
    else
        load(0);
}

bool TemplatesPage::confirmLeave()
{
    if (!m_dirty)
        return true;
    const auto answer = MessageBox::question(
        this, tr("Unsaved template"),
        tr("Save the changes to “%1” first?").arg(m_name->text().isEmpty() ? tr("new template") : m_name->text()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    if (answer == QMessageBox::Discard) {
        setDirty(false);
        return true;
    }
    return false;
}

} // namespace kengele
