// The Simplified Chinese translation is complete: every message translated, none unfinished, and
// the placeholders (%1, %n) of each source string kept in its translation.
#include "testsupport.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QXmlStreamReader>

namespace {

struct Message
{
    QString context;
    QString source;
    QString translation;
    QString type;
    bool numerus = false;
};

QList<Message> readTs(const QString& path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    QList<Message> messages;
    QString context;
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            current = Message{context, {}, {}, {}, xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes")};
        } else if (name == QLatin1String("source")) {
            current.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            current.type = xml.attributes().value(QLatin1String("type")).toString();
            if (current.numerus) {
                QString forms;
                while (xml.readNextStartElement())
                    forms += xml.readElementText();
                current.translation = forms;
            } else {
                current.translation = xml.readElementText();
            }
            messages << current;
        }
    }
    REQUIRE_FALSE(xml.hasError());
    return messages;
}

QSet<QString> placeholders(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("%(\\d+|n)"));
    QSet<QString> found;
    auto it = re.globalMatch(text);
    while (it.hasNext())
        found.insert(it.next().captured(0));
    return found;
}

} // namespace

TEST_CASE("The zh_CN translation is complete and keeps every placeholder", "[translations]")
{
    const auto messages = readTs(QStringLiteral(HEXHUB_TEST_SOURCE_DIR "/translations/hexhub_zh_CN.ts"));
    REQUIRE(messages.size() > 50);
    for (const Message& m : messages) {
        if (m.type == QLatin1String("obsolete") || m.type == QLatin1String("vanished"))
            continue;
        INFO(m.context.toStdString() << ": " << m.source.toStdString());
        CHECK(m.type.isEmpty());
        CHECK_FALSE(m.translation.trimmed().isEmpty());
        CHECK(placeholders(m.translation) == placeholders(m.source));
    }
}

TEST_CASE("The zh_CN translation is built for the program", "[translations]")
{
    CHECK(QFile::exists(QStringLiteral(HEXHUB_TEST_BINARY_DIR "/share/hexhub/translations/hexhub_zh_CN.qm")));
    // English plural forms ("1 row", "2 rows"), complete too.
    CHECK(QFile::exists(QStringLiteral(HEXHUB_TEST_BINARY_DIR "/share/hexhub/translations/hexhub_en.qm")));
    QFile english(QStringLiteral(HEXHUB_TEST_SOURCE_DIR "/translations/hexhub_en.ts"));
    REQUIRE(english.open(QIODevice::ReadOnly));
    const QByteArray ts = english.readAll();
    CHECK(ts.contains("<numerusform>"));
    CHECK_FALSE(ts.contains("unfinished"));
}
