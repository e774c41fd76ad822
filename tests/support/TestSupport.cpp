#include "TestSupport.h"

#include <QDir>
#include <QtTest>

namespace kengele::test {

TempProfile::TempProfile()
{
    QVERIFY2(m_dir.isValid(), "cannot create a temporary folder");
    auto opened = Profile::open(m_dir.path(), m_clock);
    if (!opened)
        qFatal("cannot open a temporary profile: %s", qPrintable(opened.error().message));
    m_profile = std::move(*opened);
}

QString testDataPath(const QString &relative)
{
    const QString root = qEnvironmentVariable("KENGELE_TEST_DATA");
    return QDir(root).filePath(relative);
}

} // namespace kengele::test
