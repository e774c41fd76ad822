// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Passwords.h"

#include <QSet>

#include <sodium.h>

namespace kengele {

namespace {

bool sodiumReady()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}

std::pair<unsigned long long, size_t> limits(Passwords::Cost cost)
{
    if (cost == Passwords::Cost::TestsOnly)
        return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
    return {crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_MODERATE};
}

// The most common passwords of 10 characters or more (shorter ones are refused anyway), from the
// published lists of leaked passwords, with the ones people in a church office reach for first.
// Compared without case and without spaces.
const QSet<QString> &commonPasswords()
{
    static const QSet<QString> list = [] {
        static const char *const words[] = {
            "1234567890",   "0123456789",    "0987654321",    "9876543210",     "1111111111",   "0000000000",    "1234512345",
            "1122334455",   "1212121212",    "1234554321",    "12345678910",    "123456789a",   "a123456789",    "123456789q",
            "q123456789",   "qwertyuiop",    "asdfghjkl;",    "asdfghjkl1",     "zxcvbnm123",   "1q2w3e4r5t",    "q1w2e3r4t5",
            "1qaz2wsx3edc", "qazwsxedc1",    "qwerty1234",    "qwerty12345",    "qwerty123456", "1234qwerty",    "123qweasd",
            "qweasdzxc1",   "password12",    "password123",   "password1234",   "password01",   "password!1",    "passw0rd12",
            "p@ssw0rd12",   "p@ssword123",   "password2024",  "password2025",   "password2026", "iloveyou12",    "iloveyou123",
            "iloveyou!!",   "sunshine12",    "princess12",    "football12",     "baseball12",   "welcome123",    "welcome1234",
            "welcome2024",  "welcome2025",   "welcome2026",   "changeme12",     "changeme123",  "letmein123",    "administrator",
            "admin12345",   "admin123456",   "adminadmin",    "administrator1", "superman12",   "trustno1234",   "monkey1234",
            "dragon1234",   "master1234",    "whatever12",    "computer12",     "internet12",   "jesuslovesme",  "jesuslovesyou",
            "jesus12345",   "jesus123456",   "jesuschrist",   "jesuschrist1",   "jesusislord",  "jesusisking",   "jesussaves",
            "jesussaves1",  "godisgood1",    "godisgood123",  "godisgreat",     "godisable1",   "godislove1",    "godislove123",
            "godloves me",  "praisethelord", "praisegod1",    "praisethelord1", "hallelujah",   "hallelujah1",   "halleluyah1",
            "blessed123",   "blessed1234",   "blessing123",   "blessings1",     "faithful12",   "faithhopelove", "christian1",
            "christian12",  "holyspirit",    "holyspirit1",   "emmanuel12",     "immanuel12",   "salvation1",    "amazinggrace",
            "trinity123",   "church1234",    "church12345",   "mychurch12",     "kanisa1234",   "kanisa12345",   "mungumwema",
            "mungunimwema", "mungumkuu1",    "yesunibwana",   "yesuanakupenda", "bwanayesu1",   "baraka1234",    "neema12345",
            "imani12345",   "amani12345",    "tumaini123",    "nairobi123",     "nairobi2024",  "nairobi2025",   "nairobi2026",
            "mombasa123",   "kenya12345",    "kenya12345678", "safaricom1",     "safaricom123", "mpesa12345",    "harambee12",
            "uhuru12345",   "tanzania123",   "uganda1234",    "dar es salaam",  "kampala123",   "secretary1",    "secretary12",
            "pastor1234",   "pastor12345",   "office1234",    "office12345",    "kengele123",   "kengele1234",   "kengele12345",
        };
        QSet<QString> set;
        for (const char *word : words)
            set.insert(QString::fromLatin1(word).remove(u' '));
        return set;
    }();
    return list;
}

} // namespace

QString Passwords::problem(const QString &password, const QString &userName)
{
    if (password.size() < MinimumLength)
        return tr("The password needs at least %1 characters; a short sentence is easy to remember.").arg(MinimumLength);
    QString plain = password.toLower();
    plain.remove(u' ');
    if (commonPasswords().contains(plain))
        return tr("This is one of the passwords people use most, so it is guessed first. Choose another.");
    if (!userName.isEmpty() && plain.contains(userName.toLower()))
        return tr("The password must not contain the user name.");
    if (password.count(password.front()) == password.size())
        return tr("A password of one character repeated is guessed at once. Choose another.");
    return QString();
}

Result<QString> Passwords::hash(const QString &password, Cost cost)
{
    if (!sodiumReady())
        return std::unexpected(Error{ErrorCode::Unsupported, tr("Kengele's encryption library could not start.")});
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    const auto [ops, mem] = limits(cost);
    if (crypto_pwhash_str_alg(out, utf8.constData(), static_cast<unsigned long long>(utf8.size()), ops, mem,
                              crypto_pwhash_ALG_ARGON2ID13)
        != 0) {
        return std::unexpected(Error{ErrorCode::Storage, tr("There was not enough memory to protect the password.")});
    }
    return QString::fromLatin1(out);
}

bool Passwords::verify(const QString &hash, const QString &password)
{
    if (!sodiumReady() || hash.isEmpty())
        return false;
    const QByteArray stored = hash.toLatin1();
    const QByteArray utf8 = password.toUtf8();
    return crypto_pwhash_str_verify(stored.constData(), utf8.constData(), static_cast<unsigned long long>(utf8.size())) == 0;
}

bool Passwords::needsRehash(const QString &hash, Cost cost)
{
    const auto [ops, mem] = limits(cost);
    return crypto_pwhash_str_needs_rehash(hash.toLatin1().constData(), ops, mem) != 0;
}

} // namespace kengele
