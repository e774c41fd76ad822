// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "ReportChartBuilder.h"

#include <QObject>
#include <QTextObjectInterface>

#include <memory>
#include <vector>

class QGraphicsScene;
class QTextDocument;

namespace kengele {

// Charts inside a QTextDocument: each is a character (QChar::ObjectReplacementCharacter) of this
// object type, drawn by rendering its QChart's scene onto the painter, so on a PDF or a printer it
// stays vectors (never a picture). The charts are built at 800×450 and scaled to the space given.
class ReportChartObjects final : public QObject, public QTextObjectInterface
{
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)

public:
    static constexpr int ObjectType = QTextFormat::UserObject + 15;
    static constexpr qreal ChartWidth = 800;
    static constexpr qreal ChartHeight = 450;

    // Registers itself with the document's layout (set the layout's paint device first).
    explicit ReportChartObjects(QTextDocument *document, ReportChartStyle style);
    ~ReportChartObjects() override;

    // Builds the chart and returns the format of the character that shows it, `width` wide (in the
    // document's units) and high in the chart's proportions.
    QTextCharFormat add(const ReportChart &chart, qreal width);
    int count() const { return int(m_scenes.size()); }

    QSizeF intrinsicSize(QTextDocument *document, int positionInDocument, const QTextFormat &format) override;
    void drawObject(QPainter *painter, const QRectF &rect, QTextDocument *document, int positionInDocument,
                    const QTextFormat &format) override;

private:
    ReportChartStyle m_style;
    std::vector<std::unique_ptr<QGraphicsScene>> m_scenes;
};

} // namespace kengele
