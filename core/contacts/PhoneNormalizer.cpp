// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "PhoneNormalizer.h"

#include <QLocale>

#include <phonenumbers/phonenumberutil.h>

#include <set>

namespace kengele {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

PhoneNormalizer::PhoneNormalizer(const QString &defaultRegion)
    : m_region(defaultRegion.toUpper())
{ }

bool PhoneNormalizer::isSupportedRegion(const QString &region)
{
    std::set<std::string> regions;
    PhoneNumberUtil::GetInstance()->GetSupportedRegions(&regions);
    return regions.contains(region.toUpper().toStdString());
}

QString PhoneNormalizer::regionName(const QString &region)
{
    const QLocale::Territory territory = QLocale::codeToTerritory(region);
    if (territory == QLocale::AnyTerritory)
        return region;
    return QLocale::territoryToString(territory);
}

QString PhoneNormalizer::nationalSignificantNumber(const QString &e164)
{
    const PhoneNumberUtil *util = PhoneNumberUtil::GetInstance();
    PhoneNumber number;
    if (util->Parse(e164.toStdString(), "ZZ", &number) != PhoneNumberUtil::NO_PARSING_ERROR)
        return {};
    std::string digits;
    util->GetNationalSignificantNumber(number, &digits);
    return QString::fromStdString(digits);
}

Result<QString> PhoneNormalizer::normalize(QStringView raw) const
{
    const QString trimmed = raw.trimmed().toString();
    if (trimmed.isEmpty())
        return fail(ErrorCode::InvalidInput, tr("There is no phone number."));

    const PhoneNumberUtil *util = PhoneNumberUtil::GetInstance();
    PhoneNumber number;
    const auto parsed = util->Parse(trimmed.toStdString(), m_region.toStdString(), &number);
    if (parsed != PhoneNumberUtil::NO_PARSING_ERROR) {
        switch (parsed) {
        case PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR:
            return fail(ErrorCode::InvalidInput,
                        tr("“%1” starts with a country code that does not exist. Check the first digits.").arg(trimmed));
        case PhoneNumberUtil::TOO_SHORT_NSN:
        case PhoneNumberUtil::TOO_SHORT_AFTER_IDD:
            return fail(ErrorCode::InvalidInput, tr("“%1” is too short to be a phone number.").arg(trimmed));
        case PhoneNumberUtil::TOO_LONG_NSN:
            return fail(ErrorCode::InvalidInput, tr("“%1” is too long to be a phone number.").arg(trimmed));
        default:
            return fail(ErrorCode::InvalidInput, tr("“%1” is not a phone number.").arg(trimmed));
        }
    }
    if (!util->IsValidNumber(number)) {
        const auto possible = util->IsPossibleNumberWithReason(number);
        if (possible == PhoneNumberUtil::TOO_SHORT)
            return fail(ErrorCode::InvalidInput, tr("“%1” has too few digits to be a phone number.").arg(trimmed));
        if (possible == PhoneNumberUtil::TOO_LONG)
            return fail(ErrorCode::InvalidInput, tr("“%1” has too many digits to be a phone number.").arg(trimmed));
        std::string regionOfNumber;
        util->GetRegionCodeForCountryCode(number.country_code(), &regionOfNumber);
        return fail(ErrorCode::InvalidInput,
                    tr("“%1” is not a valid phone number in %2. Check the digits.")
                        .arg(trimmed, regionName(QString::fromStdString(regionOfNumber))));
    }
    std::string formatted;
    util->Format(number, PhoneNumberUtil::E164, &formatted);
    return QString::fromStdString(formatted);
}

bool SmsReachability::canReceiveSms(const QString &e164)
{
    constexpr qsizetype BlockLength = 8;
    const QStringView block = QStringView(e164).left(BlockLength);
    if (const auto known = m_blocks.constFind(block); known != m_blocks.cend())
        return known.value();
    const PhoneNumberUtil *util = PhoneNumberUtil::GetInstance();
    PhoneNumber number;
    // Validity depends on the whole number: an invalid one says nothing about its block. (Stored
    // numbers were valid when entered; only the first of each block is looked at again.)
    if (util->Parse(e164.toStdString(), "ZZ", &number) != PhoneNumberUtil::NO_PARSING_ERROR || !util->IsValidNumber(number))
        return false;
    bool capable = true;
    {
        switch (util->GetNumberType(number)) {
        case PhoneNumberUtil::FIXED_LINE:
        case PhoneNumberUtil::TOLL_FREE:
        case PhoneNumberUtil::PREMIUM_RATE:
        case PhoneNumberUtil::SHARED_COST:
        case PhoneNumberUtil::UAN:
        case PhoneNumberUtil::VOICEMAIL:
        case PhoneNumberUtil::PAGER:
            capable = false;
            break;
        default: // mobile, fixed line or mobile (+1), personal, VoIP, unknown kind: give it a chance
            capable = true;
            break;
        }
    }
    m_keys.append(e164.left(BlockLength));
    m_blocks.insert(QStringView(m_keys.constLast()), capable);
    return capable;
}

} // namespace kengele
