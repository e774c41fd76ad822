#include "Clock.h"

namespace kengele {

QDateTime Clock::nowUtc() const
{
    return QDateTime::currentDateTimeUtc();
}

const Clock &Clock::system()
{
    static const Clock clock;
    return clock;
}

} // namespace kengele
