#pragma once

#include <QString>

namespace kengele {

struct Group {
    qint64 id = 0;
    QString name;
    QString description;
    int memberCount = 0;
    int optedOutCount = 0;  // members whose number is opted out
};

} // namespace kengele
