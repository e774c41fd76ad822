// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "ImportRow.h"

#include <QFuture>
#include <QList>

#include <atomic>

class QThreadPool;

namespace kengele {

class PhoneNormalizer;

// Normalises the numbers of a chunk of import rows to E.164: helper threads from the pool and,
// once it calls finish(), the importing thread itself take rows one at a time until none are left.
// A row whose number cannot be used gets the reason as its problem. When a cell holds two numbers
// ("0712 345 678 / 0733 111 222") the first one that is a phone number is used.
class NumberNormalization final
{
public:
    NumberNormalization(const PhoneNormalizer &phones, QThreadPool &pool, int helpers);
    ~NumberNormalization();

    NumberNormalization(const NumberNormalization &) = delete;
    NumberNormalization &operator=(const NumberNormalization &) = delete;

    // Hands the rows to the helpers. The rows must stay where they are until finish() or abandon().
    void start(QList<ImportRow> &rows);
    // Helps until every row is done.
    void finish();
    // Stops handing out rows and waits for the helpers.
    void abandon();

private:
    void work();
    void waitForHelpers();

    const PhoneNormalizer &m_phones;
    QThreadPool &m_pool;
    const int m_helpers;
    ImportRow *m_rows = nullptr;
    qsizetype m_size = 0;
    std::atomic<qsizetype> m_next{0};
    QList<QFuture<void>> m_running;
};

} // namespace kengele
