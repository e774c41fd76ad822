#include "TestSupport.h"

#include "common/Language.h"

#include <QCoreApplication>
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

#include "contacts/ContactService.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

#include <QSqlQuery>

namespace kengele::test {

bool fillContacts(Profile &profile, int n)
{
    QSqlDatabase db = profile.database().connection();
    Transaction transaction(db);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO contacts(first_name, last_name, phone, phone_raw, created_at, updated_at) "
                             "VALUES (?, ?, ?, ?, 0, 0)"));
    static const char *const firsts[] = {"Mary", "John", "Grace", "Peter", "Akinyi", "Otieno", "Wanjiku", "Kamau"};
    for (int i = 0; i < n; ++i) {
        q.addBindValue(QString::fromLatin1(firsts[i % 8]));
        q.addBindValue(QStringLiteral("Member %1").arg(i, 6, 10, QLatin1Char('0')));
        const QString phone = QStringLiteral("+25471%1").arg(i, 7, 10, QLatin1Char('0'));
        q.addBindValue(phone);
        q.addBindValue(phone);
        if (!q.exec())
            return false;
    }
    if (!transaction.commit())
        return false;
    profile.contacts().notifyBulkChange();
    return true;
}

} // namespace kengele::test

// Tests read the English texts, plural forms included ("1 contact", "2 contacts").
static void installEnglishForTests()
{
    kengele::Language::install(QStringLiteral("en"));
}
Q_COREAPP_STARTUP_FUNCTION(installEnglishForTests)
