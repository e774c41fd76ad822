#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QString>

namespace kengele {

// Turns what people type or spreadsheets hold (0712 345 678, 254712345678, 712345678, +254-712...)
// into E.164 (+254712345678) with libphonenumber. Numbers without a country code are read in the
// default region. Safe to use from several threads at once.
class PhoneNormalizer final
{
    Q_DECLARE_TR_FUNCTIONS(PhoneNormalizer)

public:
    explicit PhoneNormalizer(QString defaultRegion = QStringLiteral("KE"));

    Result<QString> normalize(QStringView raw) const;

    QString defaultRegion() const { return m_region; }
    void setDefaultRegion(const QString &region) { m_region = region.toUpper(); }

    static bool isSupportedRegion(const QString &region);
    static QString regionName(const QString &region);

private:
    QString m_region;
};

} // namespace kengele
