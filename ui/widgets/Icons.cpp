// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Icons.h"

#include <QGuiApplication>
#include <QIconEngine>
#include <QPainter>
#include <QPixmapCache>
#include <QSvgRenderer>

namespace kengele::Icons {

namespace {

QString resourcePath(Icon which)
{
    switch (which) {
    case Dashboard:
        return QStringLiteral(":/icons/sidebar/dashboard.svg");
    case Contact:
        return QStringLiteral(":/icons/sidebar/contact.svg");
    case Group:
        return QStringLiteral(":/icons/sidebar/group.svg");
    case Template:
        return QStringLiteral(":/icons/sidebar/template.svg");
    case Send:
        return QStringLiteral(":/icons/sidebar/send.svg");
    case Sent:
        return QStringLiteral(":/icons/sidebar/sent.svg");
    case Inbox:
        return QStringLiteral(":/icons/sidebar/inbox.svg");
    case Settings:
        return QStringLiteral(":/icons/sidebar/settings.svg");
    case Welcome:
        return QStringLiteral(":/icons/sidebar/welcome.svg");
    case Tokens:
        return QStringLiteral(":/icons/sidebar/tokens.svg");
    case Report:
        return QStringLiteral(":/icons/sidebar/report.svg");
    }
    return {};
}

// Draws the SVG, then fills everything it drew with one colour (keeping its anti-aliased edges).
class TintedSvgEngine final : public QIconEngine
{
public:
    TintedSvgEngine(QString path, QPalette::ColorRole role)
        : m_path(std::move(path))
        , m_role(role)
    { }

    QIconEngine *clone() const override { return new TintedSvgEngine(m_path, m_role); }
    QString key() const override { return QStringLiteral("kengele-tinted-svg"); }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        const qreal scale = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        painter->drawPixmap(rect, scaledPixmap(rect.size(), mode, state, scale));
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return scaledPixmap(size, mode, state, 1.0);
    }

    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State, qreal scale) override
    {
        const QColor colour = colourFor(mode);
        const QSize pixels = size * scale;
        const QString cacheKey = QStringLiteral("kengele-icon:%1:%2x%3:%4")
                                     .arg(m_path)
                                     .arg(pixels.width())
                                     .arg(pixels.height())
                                     .arg(colour.rgba(), 8, 16, QLatin1Char('0'));
        QPixmap cached;
        if (QPixmapCache::find(cacheKey, &cached))
            return cached;
        QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        {
            QPainter painter(&image);
            QSvgRenderer renderer(m_path);
            // Square icons in the middle of whatever rectangle is asked for.
            const int side = qMin(pixels.width(), pixels.height());
            renderer.render(&painter, QRectF((pixels.width() - side) / 2.0, (pixels.height() - side) / 2.0, side, side));
            painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
            painter.fillRect(image.rect(), colour);
        }
        QPixmap pixmap = QPixmap::fromImage(image);
        pixmap.setDevicePixelRatio(scale);
        QPixmapCache::insert(cacheKey, pixmap);
        return pixmap;
    }

    QSize actualSize(const QSize &size, QIcon::Mode, QIcon::State) override { return size; }

private:
    QColor colourFor(QIcon::Mode mode) const
    {
        const QPalette palette = QGuiApplication::palette();
        switch (mode) {
        case QIcon::Disabled:
            return palette.color(QPalette::Disabled, QPalette::Text);
        case QIcon::Selected:
            return palette.color(QPalette::Active, QPalette::HighlightedText);
        case QIcon::Normal:
        case QIcon::Active:
            break;
        }
        return palette.color(QPalette::Active, m_role);
    }

    QString m_path;
    QPalette::ColorRole m_role;
};

} // namespace

QIcon icon(Icon which, QPalette::ColorRole role)
{
    return QIcon(new TintedSvgEngine(resourcePath(which), role));
}

} // namespace kengele::Icons
