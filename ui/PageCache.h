// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QHash>
#include <QList>

#include <optional>

namespace kengele {

// Rows of a long table read from a service in pages only when a view asks for them, with the
// most recently used pages kept. Shared by the item models over large tables (contacts, outbox).
template<typename Row> class PageCache final
{
public:
    PageCache(int pageSize, int maxPages)
        : m_pageSize(pageSize)
        , m_maxPages(maxPages)
    { }

    // Row `row` of `count`, reading its page with fetch(offset, limit) -> std::optional<QList<Row>>
    // when it is not cached; nullptr when out of range or the read failed.
    template<typename Fetch> const Row *at(int row, int count, Fetch &&fetch)
    {
        if (row < 0 || row >= count)
            return nullptr;
        const int pageIndex = row / m_pageSize;
        const QList<Row> *rows = nullptr;
        if (auto it = m_pages.constFind(pageIndex); it != m_pages.constEnd()) {
            m_recent.removeOne(pageIndex);
            m_recent.append(pageIndex);
            rows = &it.value();
        } else {
            std::optional<QList<Row>> fetched = fetch(pageIndex * m_pageSize, m_pageSize);
            if (!fetched)
                return nullptr;
            if (m_recent.size() >= m_maxPages)
                m_pages.remove(m_recent.takeFirst());
            m_recent.append(pageIndex);
            rows = &m_pages.insert(pageIndex, std::move(*fetched)).value();
        }
        const int offset = row % m_pageSize;
        return offset < rows->size() ? &rows->at(offset) : nullptr;
    }

    void clear()
    {
        m_pages.clear();
        m_recent.clear();
    }

private:
    int m_pageSize;
    int m_maxPages;
    QHash<int, QList<Row>> m_pages;
    QList<int> m_recent;
};

} // namespace kengele
