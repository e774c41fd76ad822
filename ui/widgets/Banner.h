// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QLabel>

class QAbstractButton;

namespace kengele {

// A note across a page or dialog: information (the simulation), a warning (quiet hours, Unicode)
// or an error (sending stopped). A label on a tinted, rounded panel whose colours come from the
// palette (Colours), so it reads in light and dark themes. It may carry one button at its right.
class Banner final : public QLabel
{
    Q_OBJECT

public:
    enum class Kind { Info, Warning, Error };

    explicit Banner(Kind kind, QWidget *parent = nullptr);
    Banner(Kind kind, const QString &text, QWidget *parent = nullptr);

    Kind kind() const { return m_kind; }
    void setKind(Kind kind);
    // A small chip (as in the status bar) instead of a full-width note.
    void setCompact(bool compact);
    // A button inside the banner, at its right (the banner owns it).
    void setButton(QAbstractButton *button);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    int padding() const;
    void layoutButton();

    Kind m_kind;
    bool m_compact = false;
    QAbstractButton *m_button = nullptr;
};

} // namespace kengele
