// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ReportChartObjects.h"

#include <QAbstractTextDocumentLayout>
#include <QChart>
#include <QGraphicsScene>
#include <QPainter>
#include <QTextDocument>

namespace kengele {

namespace {

enum Property { ChartIndex = QTextFormat::UserProperty + 1, ChartSize };

} // namespace

ReportChartObjects::ReportChartObjects(QTextDocument *document, ReportChartStyle style)
    : QObject(document)
    , m_style(std::move(style))
{
    document->documentLayout()->registerHandler(ObjectType, this);
}

ReportChartObjects::~ReportChartObjects() = default;

QTextCharFormat ReportChartObjects::add(const ReportChart &chart, qreal width)
{
    auto scene = std::make_unique<QGraphicsScene>();
    QChart *built = ReportChartBuilder::build(chart, m_style);
    scene->addItem(built); // the scene owns it
    built->setPos(0, 0);
    built->resize(ChartWidth, ChartHeight);
    scene->setSceneRect(0, 0, ChartWidth, ChartHeight);
    m_scenes.push_back(std::move(scene));

    QTextCharFormat format;
    format.setObjectType(ObjectType);
    format.setProperty(ChartIndex, int(m_scenes.size()) - 1);
    format.setProperty(ChartSize, QSizeF(width, width * ChartHeight / ChartWidth));
    return format;
}

QSizeF ReportChartObjects::intrinsicSize(QTextDocument *, int, const QTextFormat &format)
{
    return format.property(ChartSize).toSizeF();
}

void ReportChartObjects::drawObject(QPainter *painter, const QRectF &rect, QTextDocument *, int, const QTextFormat &format)
{
    const int index = format.property(ChartIndex).toInt();
    if (index < 0 || index >= count())
        return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    m_scenes.at(std::size_t(index))->render(painter, rect, QRectF(0, 0, ChartWidth, ChartHeight), Qt::KeepAspectRatio);
    painter->restore();
}

} // namespace kengele
