// Reading an analyst's file (issue 20 section 1, first part): CSV with any delimiter, quoted fields,
// UTF-8 and GB18030, with a header row or not, and JSON Lines; rows that do not fit kept with their
// line and reason; files that are not what they say refused; progress and cancel.
#include "hexhub/bigdata_investigation/tabularfile.h"

#include <catch2/catch.hpp>

#include <QBuffer>
#include <QStringEncoder>

using namespace hexhub::bigdata;

namespace {

std::optional<TabularFile> read(const QByteArray& bytes, const TabularOptions& options = {}, QString* error = nullptr)
{
    QBuffer buffer;
    buffer.setData(bytes);
    REQUIRE(buffer.open(QIODevice::ReadOnly));
    return readTabular(buffer, options, error);
}

} // namespace

TEST_CASE("bigdata_investigation: CSV with its delimiter, quotes and header found, rows that do not fit kept with their line",
          "[bigdata_investigation][import]")
{
    SECTION("comma, a header, quoted fields with commas, doubled quotes and a line break")
    {
        const auto file = read("name,phone,note\r\n"
                               "DEMO Zorvek Quilmabu,100-5550-0001,\"said \"\"hello\"\", left\"\r\n"
                               "DEMO Arnel Tobisk,100-5550-0002,\"two\nlines\"\r\n"
                               "DEMO Short,100-5550-0003\r\n"
                               "DEMO Last,100-5550-0004,plain\r\n");
        REQUIRE(file);
        CHECK(file->format == TabularFile::Format::Csv);
        CHECK(file->encoding == QStringLiteral("UTF-8"));
        CHECK(file->delimiter == QLatin1Char(','));
        CHECK(file->header);
        CHECK(file->columns == QStringList{QStringLiteral("name"), QStringLiteral("phone"), QStringLiteral("note")});
        REQUIRE(file->rows.size() == 3);
        CHECK(file->rows[0][2] == QStringLiteral("said \"hello\", left"));
        CHECK(file->rows[1][2] == QStringLiteral("two\nlines"));
        CHECK(file->rows[2][0] == QStringLiteral("DEMO Last"));
        // The short row is kept aside with the line it starts on (the quoted line break counts).
        REQUIRE(file->rejected.size() == 1);
        CHECK(file->rejected[0].line == 5);
        CHECK(file->rejected[0].reason.contains(QStringLiteral("2 fields where the file has 3")));
        CHECK(file->rejected[0].text == QStringLiteral("DEMO Short,100-5550-0003"));
        CHECK(file->lines == 6);
    }

    SECTION("semicolon and tab and bar, no header: columns numbered")
    {
        for (const char d : {';', '\t', '|'}) {
            QByteArray bytes = "100-5550-0001;2026-05-01 10:00;12.5\n100-5550-0002;2026-05-01 11:00;7\n100-5550-0003;2026-05-02 09:30;3\n";
            bytes.replace(';', d);
            const auto file = read(bytes);
            REQUIRE(file);
            CHECK(file->delimiter == QLatin1Char(d));
            CHECK_FALSE(file->header);
            CHECK(file->columns == QStringList{QStringLiteral("column 1"), QStringLiteral("column 2"), QStringLiteral("column 3")});
            CHECK(file->rows.size() == 3);
        }
    }

    SECTION("what the analyst says wins over what is found")
    {
        TabularOptions options;
        options.header = false;
        options.delimiter = QLatin1Char(';');
        const auto file = read("a,b;c\nd,e;f\n", options);
        REQUIRE(file);
        CHECK(file->columns.size() == 2);
        CHECK(file->rows.first() == QStringList{QStringLiteral("a,b"), QStringLiteral("c")});
    }

    SECTION("a quote left open at the end is said, not swallowed")
    {
        const auto file = read("id,text\n1,fine\n2,\"never closed\n3,lost\n");
        REQUIRE(file);
        CHECK(file->rows.size() == 1);
        REQUIRE(file->rejected.size() == 1);
        CHECK(file->rejected[0].line == 3);
        CHECK(file->rejected[0].reason.contains(QStringLiteral("not closed")));
    }
}

TEST_CASE("bigdata_investigation: GB18030 and UTF-8 with a byte-order mark are read as text", "[bigdata_investigation][import]")
{
    const QString csv = QStringLiteral("姓名,电话,地址\n张三,100-5550-0001,果园路141号\n李四,100-5550-0002,\"运河路 12号, 后门\"\n");
    QStringEncoder gb("GB18030");
    REQUIRE(gb.isValid());
    const QByteArray gbBytes = gb.encode(csv);
    const auto fromGb = read(gbBytes);
    REQUIRE(fromGb);
    CHECK(fromGb->encoding == QStringLiteral("GB18030"));
    CHECK(fromGb->header);
    CHECK(fromGb->columns == QStringList{QStringLiteral("姓名"), QStringLiteral("电话"), QStringLiteral("地址")});
    REQUIRE(fromGb->rows.size() == 2);
    CHECK(fromGb->rows[1][2] == QStringLiteral("运河路 12号, 后门"));

    const auto fromUtf8 = read(QByteArray("\xEF\xBB\xBF") + csv.toUtf8());
    REQUIRE(fromUtf8);
    CHECK(fromUtf8->encoding == QStringLiteral("UTF-8"));
    CHECK(fromUtf8->columns.first() == QStringLiteral("姓名")); // the mark is not part of the first name
    CHECK(fromUtf8->rows == fromGb->rows);
}

TEST_CASE("bigdata_investigation: JSON Lines, its keys the columns, lines that are not objects kept with their line",
          "[bigdata_investigation][import]")
{
    const auto file = read("{\"account\": \"DEMO-ACCT-00000001\", \"amount\": 12.5, \"tags\": [\"a\", \"b\"]}\n"
                           "\n"
                           "{\"account\": \"DEMO-ACCT-00000002\", \"flagged\": true}\n"
                           "[1, 2]\n"
                           "{\"account\": broken}\n");
    REQUIRE(file);
    CHECK(file->format == TabularFile::Format::JsonLines);
    CHECK(file->columns == QStringList{QStringLiteral("account"), QStringLiteral("amount"), QStringLiteral("tags"), QStringLiteral("flagged")});
    REQUIRE(file->rows.size() == 2);
    CHECK(file->rows[0] == QStringList{QStringLiteral("DEMO-ACCT-00000001"), QStringLiteral("12.5"), QStringLiteral("[\"a\",\"b\"]"), QString()});
    CHECK(file->rows[1][3] == QStringLiteral("true"));
    REQUIRE(file->rejected.size() == 2);
    CHECK(file->rejected[0].line == 4);
    CHECK(file->rejected[0].reason == QStringLiteral("not a JSON object"));
    CHECK(file->rejected[1].line == 5);
    CHECK(file->rejected[1].reason.startsWith(QStringLiteral("not JSON")));
}

TEST_CASE("bigdata_investigation: a file that is not what it says is refused with the reason, and a cancelled read gives nothing",
          "[bigdata_investigation][import]")
{
    QString error;
    CHECK_FALSE(read("", {}, &error));
    CHECK(error.contains(QStringLiteral("empty")));
    CHECK_FALSE(read(QByteArray("PK\x03\x04\x00\x00binary", 12), {}, &error));
    CHECK(error.contains(QStringLiteral("NUL")));
    CHECK_FALSE(read("[{\"a\": 1}, {\"a\": 2}]", {}, &error));
    CHECK(error.contains(QStringLiteral("one JSON document")));
    TabularOptions asCsv;
    asCsv.format = TabularFile::Format::Csv;
    CHECK_FALSE(read("{\"a\": 1}\n{\"a\": 2}\n", asCsv, &error));
    CHECK(error.contains(QStringLiteral("given as CSV")));
    TabularOptions asLines;
    asLines.format = TabularFile::Format::JsonLines;
    CHECK_FALSE(read("a,b\n1,2\n", asLines, &error));
    CHECK(error.contains(QStringLiteral("given as JSON Lines")));
    // Bytes that are neither UTF-8 nor GB18030.
    CHECK_FALSE(read(QByteArray("a,b\n\x81\x20,2\n"), {}, &error));
    CHECK(error.contains(QStringLiteral("neither")));
    TabularOptions few;
    few.maxRows = 2;
    CHECK_FALSE(read("a\n1\n2\n3\n", few, &error));
    CHECK(error.contains(QStringLiteral("more than 2 rows")));

    // Progress is told; a cancel stops the read and nothing comes back.
    QByteArray big;
    for (int i = 0; i < 200000; ++i)
        big += "100-5550-0001,2026-05-01 10:00,12.5\n";
    std::atomic_bool cancel = false;
    qint64 told = 0;
    TabularOptions watched;
    watched.cancel = &cancel;
    watched.progress = [&](qint64 read, qint64 total) {
        told = read;
        CHECK(total == big.size());
        if (read >= big.size() / 2)
            cancel = true;
    };
    CHECK_FALSE(read(big, watched, &error));
    CHECK(error.contains(QStringLiteral("cancelled")));
    CHECK(told >= big.size() / 2);
    CHECK(told < big.size());
}
