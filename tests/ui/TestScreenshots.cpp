#include "MainWindow.h"
#include "TestSupport.h"
#include "common/Language.h"
#include "contacts/ContactDialog.h"
#include "contacts/ImportDialog.h"
#include "settings/SettingsDialog.h"
#include "demo/DemoCongregation.h"
#include "templates/TemplateEditor.h"
#include "templates/TemplatesPage.h"

#include <QDir>
#include <QImage>
#include <QPlainTextEdit>
#include <QtTest>

using namespace kengele;

// Takes a picture of every page, in English and Kiswahili, on the demo congregation, and saves it
// under KENGELE_SCREENSHOT_DIR (build/screenshots) so anyone can look at what the app shows.
class TestScreenshots final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pages_data();
    void pages();

private:
    void save(QWidget *widget, const QString &name);
};

void TestScreenshots::save(QWidget *widget, const QString &name)
{
    QDir dir(qEnvironmentVariable("KENGELE_SCREENSHOT_DIR", QDir::tempPath() + QStringLiteral("/kengele-screenshots")));
    QVERIFY(dir.mkpath(QStringLiteral(".")));
    const QImage image = widget->grab().toImage();
    QVERIFY(!image.isNull());
    // A blank picture would mean nothing was drawn.
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7) {
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    }
    QVERIFY2(colours.size() > 8, qPrintable(name));
    const QString path = dir.filePath(name + QStringLiteral(".png"));
    QVERIFY(image.save(path));
    qInfo("saved %s", qPrintable(path));
}

void TestScreenshots::pages_data()
{
    QTest::addColumn<QString>("language");
    QTest::addRow("English") << "en";
    QTest::addRow("Kiswahili") << "sw";
}

void TestScreenshots::pages()
{
    QFETCH(QString, language);
    QVERIFY(Language::install(language));
    test::TempProfile profile;
    QVERIFY(DemoCongregation::populate(*profile));
    MainWindow window(*profile);
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    window.showPage(MainWindow::ContactsPageIndex);
    save(&window, QStringLiteral("contacts-") + language);
    window.showPage(MainWindow::GroupsPageIndex);
    save(&window, QStringLiteral("groups-") + language);
    window.showPage(MainWindow::TemplatesPageIndex);
    save(&window, QStringLiteral("templates-") + language);

    // The editor warning about a character that makes the message cost more.
    auto *edit = window.templatesPage()->editor()->findChild<QPlainTextEdit *>(QStringLiteral("messageEdit"));
    edit->setPlainText(QStringLiteral("Dear {first_name|friend}, we’re praying for you – see you on Sunday at 9:00. "
                                      "Tafadhali njoo na rafiki {frist_name}."));
    save(&window, QStringLiteral("templates-warning-") + language);
    edit->document()->undo();

    ContactDialog dialog(profile->contacts(), 0);
    dialog.show();
    save(&dialog, QStringLiteral("contact-dialog-") + language);

    // Importing: the column step of a file without a header row, then the result of a file with
    // bad rows, and the message for a file that is not a contact list.
    {
        ImportDialog import(*profile, test::testDataPath(QStringLiteral("import/headerless.csv")));
        import.show();
        QTRY_VERIFY(import.isReady());
        save(&import, QStringLiteral("import-columns-") + language);
    }
    {
        ImportDialog import(*profile, test::testDataPath(QStringLiteral("import/bad_rows.csv")));
        import.show();
        QTRY_VERIFY(import.isReady());
        import.startImport();
        QTRY_VERIFY_WITH_TIMEOUT(import.report().has_value(), 20000);
        save(&import, QStringLiteral("import-result-") + language);
    }
    {
        ImportDialog import(*profile, test::testDataPath(QStringLiteral("import/vcard30_folded.vcf")).replace(QStringLiteral(".vcf"), QStringLiteral(".missing")));
        import.show();
        QTRY_VERIFY(import.isReady());
        save(&import, QStringLiteral("import-error-") + language);
    }
    SettingsDialog settings(profile->settings());
    settings.show();
    save(&settings, QStringLiteral("settings-") + language);
    Language::install(QStringLiteral("en"));
}

QTEST_MAIN(TestScreenshots)
#include "TestScreenshots.moc"
