// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QStringList>

namespace kengele {

// Turns what people type or spreadsheets hold (0712 345 678, 254712345678, 712345678, +254-712...)
// into E.164 (+254712345678) with libphonenumber. Numbers without a country code are read in the
// default region. Safe to use from several threads at once.
class PhoneNormalizer final
{
    Q_DECLARE_TR_FUNCTIONS(PhoneNormalizer)

public:
    explicit PhoneNormalizer(const QString &defaultRegion = QStringLiteral("KE"));

    Result<QString> normalize(QStringView raw) const;

    QString defaultRegion() const { return m_region; }
    void setDefaultRegion(const QString &region) { m_region = region.toUpper(); }

    static bool isSupportedRegion(const QString &region);
    static QString regionName(const QString &region);
    // The digits after the country code ("712345678" for +254712345678): the part every spelling of
    // the number shares (0712…, 254712…, +254712…). Empty when `e164` cannot be read.
    static QString nationalSignificantNumber(const QString &e164);

private:
    QString m_region;
};

// Whether a stored (E.164) number can take an SMS: landlines, toll-free and premium numbers cannot.
// (Numbers are checked for validity when they are entered; here only the kind of line is.) Asking
// libphonenumber costs ~20 µs a number, too slow for 100,000 at launch; numbering plans give
// whole blocks to one kind of line, so the answer is kept per block (country code and the first
// national digits: the first 8 characters of the E.164 form) and asked once per block.
// Not thread-safe: one per launch.
class SmsReachability final
{
public:
    bool canReceiveSms(const QString &e164);

private:
    QHash<QStringView, bool> m_blocks;
    QStringList m_keys; // owns the text the views point at
};

} // namespace kengele
