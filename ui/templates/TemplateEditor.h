// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "contacts/Contact.h"

#include <QWidget>

class QComboBox;
class QFrame;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QToolButton;

namespace kengele {

class ContactService;
class MergeFieldHighlighter;

// Writing an SMS: merge fields from a menu, broken fields flagged as you type, a live counter
// (encoding, characters, SMS parts), a warning naming the character that makes the message cost
// more with an offer to replace look-alikes, and a preview for a chosen contact.
class TemplateEditor final : public QWidget
{
    Q_OBJECT

public:
    explicit TemplateEditor(ContactService &contacts, QWidget *parent = nullptr);

    QString text() const;
    void setText(const QString &text);
    QPlainTextEdit *textEdit() const { return m_edit; }

    void insertField(const QString &placeholder);
    void replaceLookalikes();
    // Chooses whose details the preview uses.
    void setPreviewContact(qint64 contactId);
    QString previewText() const;
    QString counterText() const;
    QString problemText() const;
    QString encodingWarningText() const;

Q_SIGNALS:
    void textChanged();

private:
    void updateInfo();
    void reloadPreviewContacts();
    void buildFieldMenu();

    ContactService &m_contacts;
    QPlainTextEdit *m_edit = nullptr;
    MergeFieldHighlighter *m_highlighter = nullptr;
    QToolButton *m_insertField = nullptr;
    QLabel *m_counter = nullptr;
    QLabel *m_problems = nullptr;
    QFrame *m_encodingBox = nullptr;
    QLabel *m_encodingWarning = nullptr;
    QPushButton *m_replace = nullptr;
    QComboBox *m_previewContact = nullptr;
    QLabel *m_preview = nullptr;
    QLabel *m_previewCounter = nullptr;
    QList<Contact> m_previewContacts;
};

} // namespace kengele
