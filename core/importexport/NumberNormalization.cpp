// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "NumberNormalization.h"

#include "contacts/PhoneNormalizer.h"

#include <QThreadPool>
#include <QtConcurrentRun>

#include <limits>

namespace kengele {

namespace {

// Between two numbers written in one cell.
constexpr QStringView AlternativeSeparators = u"/;,|\n";

// "0712 345 678", "(0712) 345-678", "+254.712.345.678": digits, one leading '+' and the spacing
// people put between digit groups. libphonenumber ignores that spacing but is about twice as slow
// with it, so such numbers are normalised from their digits alone (same result, less work).
// Anything else (letters, extensions, other scripts' digits) goes to libphonenumber as written.
bool plainDigits(QStringView raw, QString &digits)
{
    digits.clear();
    const QStringView trimmed = raw.trimmed();
    for (qsizetype i = 0; i < trimmed.size(); ++i) {
        const char16_t ch = trimmed[i].unicode();
        if (ch >= u'0' && ch <= u'9')
            digits.append(QChar(ch));
        else if (ch == u'+' && i == 0)
            digits.append(QChar(ch));
        else if (ch != u' ' && ch != u'-' && ch != u'.' && ch != u'(' && ch != u')')
            return false;
    }
    return digits.size() > 1 && digits.size() != trimmed.size();
}

} // namespace

NumberNormalization::NumberNormalization(const PhoneNormalizer &phones, QThreadPool &pool, int helpers)
    : m_phones(phones)
    , m_pool(pool)
    , m_helpers(helpers)
{ }

NumberNormalization::~NumberNormalization()
{
    abandon();
}

void NumberNormalization::start(QList<ImportRow> &rows)
{
    m_rows = rows.data(); // detached here, once, not by several threads
    m_size = rows.size();
    m_next.store(0);
    if (rows.isEmpty())
        return;
    for (int i = 0; i < m_helpers; ++i)
        m_running.append(QtConcurrent::run(&m_pool, [this] { work(); }));
}

void NumberNormalization::finish()
{
    if (m_rows)
        work();
    waitForHelpers();
}

void NumberNormalization::abandon()
{
    m_next.store(std::numeric_limits<qsizetype>::max() / 2);
    waitForHelpers();
}

void NumberNormalization::work()
{
    QString digits;
    for (;;) {
        const qsizetype index = m_next.fetch_add(1, std::memory_order_relaxed);
        if (index >= m_size)
            return;
        ImportRow &row = m_rows[index];
        if (!row.problem.isEmpty())
            continue;
        const QString &phoneRaw = row.contact.phoneRaw;
        const bool canonical = plainDigits(phoneRaw, digits);
        Result<QString> phone = m_phones.normalize(canonical ? QStringView(digits) : QStringView(phoneRaw));
        if (!phone && canonical)
            phone = m_phones.normalize(phoneRaw); // the reason, in the words of the file
        if (!phone) {
            // "0712 345 678 / 0733 111 222": registers often hold two numbers in one cell.
            // The first one that is a phone number is used.
            const QStringView raw(phoneRaw);
            qsizetype start = 0;
            for (qsizetype pos = 0; pos <= raw.size(); ++pos) {
                if (pos < raw.size() && !AlternativeSeparators.contains(raw[pos]))
                    continue;
                const QStringView part = raw.sliced(start, pos - start).trimmed();
                start = pos + 1;
                if (part.isEmpty() || part.size() == raw.size())
                    continue;
                if (Result<QString> first = m_phones.normalize(part); first) {
                    phone = std::move(first);
                    break;
                }
            }
        }
        if (phone)
            row.contact.phone = std::move(*phone);
        else
            row.problem = phone.error().message;
    }
}

void NumberNormalization::waitForHelpers()
{
    for (QFuture<void> &future : m_running)
        future.waitForFinished();
    m_running.clear();
}

} // namespace kengele
