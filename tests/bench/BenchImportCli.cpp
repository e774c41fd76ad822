// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The whole `kengele-cli contacts import FILE` command, as an administrator runs it: the real
// kengele-cli binary as a child process on a fresh temporary profile, so the wall time includes
// starting the process, creating and migrating the database, reading and normalising the file,
// writing the contacts and their group memberships, and committing. Target: < 1.5 s for
// 100,000 rows with a Group column on 2 cores.
//
// The file: "Name,Phone,Group", ROWS rows of distinct, valid Kenyan mobile numbers in the three
// ways people write them (0712 345 678, 0712345678, +254712345678), each row in one of five groups.
// Each run imports it into a new profile; a second series imports the same rows without the Group
// column, to show what the memberships cost. Every run checks the counts the command reports
// (ROWS rows, ROWS created, none updated or skipped). Besides the wall time it prints the CPU time
// (user + system) of the child, which says more than the wall time on a busy machine.
//   BenchImportCli [rows=100000] [runs=3]
// KENGELE_CLI=PATH measures another kengele-cli (an older build, to compare) instead of this build's.
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>

#include <algorithm>
#include <array>
#include <cstdio>

#include <sys/resource.h>

using namespace Qt::StringLiterals;

namespace {

constexpr int TimeLimitMs = 120000;

// Kenyan mobile prefixes (Safaricom, Airtel, Telkom) that libphonenumber accepts.
constexpr std::array Prefixes
    = {"700", "701", "702", "705", "708", "710", "711", "712", "713", "714", "715", "716", "717", "718", "719",
       "720", "721", "722", "723", "724", "725", "726", "727", "728", "729", "740", "741", "742", "743", "745",
       "746", "748", "757", "758", "759", "768", "769", "790", "791", "792", "793", "794", "795", "796", "797",
       "798", "799", "110", "111", "112", "113", "114", "115", "730", "731", "732", "733", "734", "735", "736"};

// Writes the CSV; false when the file cannot be written.
bool writeCsv(const QString &path, int rows, bool withGroups)
{
    const QStringList firstNames = {u"Amina"_s, u"Wanjiru"_s, u"Peter"_s, u"Grace"_s, u"John"_s,   u"Achieng"_s, u"Otieno"_s,
                                    u"Mercy"_s, u"Joseph"_s,  u"Faith"_s, u"Juma"_s,  u"Zawadi"_s, u"Wanjikũ"_s};
    const QStringList lastNames = {u"Njeri"_s,  u"Kamau"_s,   u"Odhiambo"_s, u"Mwangi"_s, u"Wambui"_s,
                                   u"Kiptoo"_s, u"Ochieng"_s, u"Chebet"_s,   u"Omondi"_s, u"Atieno"_s};
    const QStringList groups = {u"Choir"_s, u"Youth"_s, u"Women's Guild"_s, u"Men's Fellowship"_s, u"Ushers"_s};
    const int prefixes = int(Prefixes.size());

    QString text = withGroups ? u"Name,Phone,Group\n"_s : u"Name,Phone\n"_s;
    text.reserve(qsizetype(rows) * 48);
    for (int i = 0; i < rows; ++i) {
        // Distinct: the prefix from i, six digits from i / prefixes scrambled by a number prime to 10^6.
        const qint64 serial = qint64(i / prefixes) * 7919 % 1000000;
        const QString national = QString::fromLatin1(Prefixes[i % prefixes]) + u"%1"_s.arg(serial, 6, 10, QLatin1Char('0'));
        QString phone;
        switch (i % 3) {
        case 0:
            phone = u'0' + national.first(3) + u' ' + national.sliced(3, 3) + u' ' + national.sliced(6);
            break;
        case 1:
            phone = u'0' + national;
            break;
        default:
            phone = u"+254"_s + national;
            break;
        }
        text += firstNames[i % firstNames.size()] + u' ' + lastNames[(i / 7) % lastNames.size()] + u',' + phone;
        if (withGroups)
            text += u',' + groups[(i / 3) % groups.size()];
        text += u'\n';
    }
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    return file.write(text.toUtf8()) >= 0;
}

struct Run {
    bool ok = false;
    QString why;
    qint64 ms = 0; // wall
    qint64 cpuMs = 0; // user + system, all threads of the child
};

// User + system time of the children this process has waited for, in ms.
qint64 childrenCpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    const auto ms = [](const timeval &t) {
        return qint64(t.tv_sec) * 1000 + t.tv_usec / 1000;
    };
    return ms(usage.ru_utime) + ms(usage.ru_stime);
}

// Runs `kengele-cli --profile DIR --json contacts import FILE` on a new profile and checks its counts.
Run importOnce(const QString &cli, const QString &profile, const QString &csv, int rows)
{
    Run run;
    QProcess process;
    process.setProgram(cli);
    process.setArguments({u"--profile"_s, profile, u"--json"_s, u"contacts"_s, u"import"_s, csv});
    const qint64 cpuBefore = childrenCpuMs();
    QElapsedTimer timer;
    timer.start();
    process.start();
    if (!process.waitForStarted(10000)) {
        run.why = u"kengele-cli did not start: "_s + process.errorString();
        return run;
    }
    if (!process.waitForFinished(TimeLimitMs)) {
        process.kill();
        process.waitForFinished();
        run.why = u"kengele-cli did not finish in time"_s;
        return run;
    }
    run.ms = timer.elapsed();
    run.cpuMs = childrenCpuMs() - cpuBefore;
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        run.why = u"kengele-cli failed (exit %1): %2"_s.arg(process.exitCode())
                      .arg(QString::fromUtf8(process.readAllStandardError()));
        return run;
    }
    const QJsonObject report = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    const int read = report.value(u"rows"_s).toInt(-1);
    const int created = report.value(u"created"_s).toInt(-1);
    const int updated = report.value(u"updated"_s).toInt(-1);
    const qsizetype skipped = report.value(u"skipped"_s).toArray().size();
    if (read != rows || created != rows || updated != 0 || skipped != 0) {
        run.why = u"unexpected counts: %1 rows, %2 created, %3 updated, %4 skipped"_s.arg(read).arg(created).arg(updated).arg(
            skipped);
        return run;
    }
    run.ok = true;
    return run;
}

// Runs the series; prints each run and the median. Returns false on the first failed run.
bool series(const QString &cli, QTemporaryDir &dir, const QString &csv, const char *label, int rows, int runs)
{
    QList<qint64> times;
    QList<qint64> cpuTimes;
    for (int i = 0; i < runs; ++i) {
        const QString profile = dir.filePath(u"profile-%1-%2"_s.arg(QString::fromLatin1(label)).arg(i));
        const Run run = importOnce(cli, profile, csv, rows);
        QDir(profile).removeRecursively();
        if (!run.ok) {
            std::fprintf(stderr, "%s, run %d: %s\n", label, i + 1, qPrintable(run.why));
            return false;
        }
        std::printf("%-16s run %d: %6lld ms wall, %6lld ms CPU\n", label, i + 1, run.ms, run.cpuMs);
        std::fflush(stdout);
        times.append(run.ms);
        cpuTimes.append(run.cpuMs);
    }
    std::sort(times.begin(), times.end());
    std::sort(cpuTimes.begin(), cpuTimes.end());
    std::printf("%-16s median %lld ms wall (best %lld), median %lld ms CPU (%d rows, %d runs)\n", label, times[times.size() / 2],
                times.first(), cpuTimes[cpuTimes.size() / 2], rows, runs);
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int rows = args.size() > 1 ? args[1].toInt() : 100000;
    const int runs = args.size() > 2 ? args[2].toInt() : 3;
    if (rows <= 0 || runs <= 0) {
        std::fprintf(stderr, "usage: BenchImportCli [rows=100000] [runs=3]\n");
        return 2;
    }
    const QString cli
        = qEnvironmentVariableIsEmpty("KENGELE_CLI") ? QStringLiteral(KENGELE_CLI_BINARY) : qEnvironmentVariable("KENGELE_CLI");
    QTemporaryDir dir;
    if (!dir.isValid()) {
        std::fprintf(stderr, "no temporary folder\n");
        return 1;
    }
    const QString withGroups = dir.filePath(u"contacts-groups.csv"_s);
    const QString withoutGroups = dir.filePath(u"contacts.csv"_s);
    if (!writeCsv(withGroups, rows, true) || !writeCsv(withoutGroups, rows, false)) {
        std::fprintf(stderr, "cannot write the CSV files\n");
        return 1;
    }
    std::printf("%s --profile NEW --json contacts import FILE, %d rows\n", qPrintable(cli), rows);
    if (!series(cli, dir, withGroups, "with Group", rows, runs))
        return 1;
    if (!series(cli, dir, withoutGroups, "without Group", rows, runs))
        return 1;
    return 0;
}
