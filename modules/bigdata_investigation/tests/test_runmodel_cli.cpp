// hexhub --run-model (issue 20 section 3): the real program over a file, no store: the ring found in
// the demo's trade data with the issue's parameters, one JSON object a line, and every problem of a
// bad model, parameter or file printed with exit 1.
#include "hexhub/bigdata_investigation/tradedemo.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTextStream>

#include <tuple>

using namespace hexhub::bigdata;

namespace {

std::tuple<int, QString, QString> runHexhub(const QTemporaryDir& dir, const QStringList& arguments)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    env.remove(QStringLiteral("LANGUAGE"));
    env.remove(QStringLiteral("DISPLAY"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(HEXHUB_BIN_DIR "/hexhub"), arguments);
    REQUIRE(process.waitForFinished(120000));
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

} // namespace

TEST_CASE("hexhub --run-model runs a model over a file and prints its hits, or every problem with exit 1", "[bigdata_investigation][cli]")
{
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("trade.csv"));
    TradeDemo demo;
    {
        QFile f(csv);
        REQUIRE(f.open(QIODevice::WriteOnly));
        demo = writeTradeCsv(f, {.seed = 3, .rows = 20'000, .ringSize = 70});
        f.write("a line,that does not fit\n");
    }

    SECTION("the ring, with the issue's parameters, as JSON lines")
    {
        const auto [code, out, err] = runHexhub(dir, {QStringLiteral("--run-model"), QStringLiteral("shared-identifier-rings"), QStringLiteral("--dataset"), csv,
                                                   QStringLiteral("--param"), QStringLiteral("entity=account"), QStringLiteral("--param"),
                                                   QStringLiteral("identifiers=phone,device,ip"), QStringLiteral("--json")});
        INFO(err.toStdString());
        REQUIRE(code == 0);
        const QStringList lines = out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        REQUIRE(lines.size() >= 2);
        const QJsonObject top = QJsonDocument::fromJson(lines.first().toUtf8()).object();
        QStringList members;
        for (const QJsonValue& m : top.value(QStringLiteral("members")).toArray())
            members << m.toString();
        CHECK(members == demo.ringAccounts);
        CHECK(top.value(QStringLiteral("model")).toString() == QStringLiteral("shared-identifier-rings"));
        CHECK(top.value(QStringLiteral("version")).toInt() == 1);
        CHECK(top.value(QStringLiteral("parameters")).toObject().value(QStringLiteral("identifiers")).toArray().size() == 3);
        CHECK(top.value(QStringLiteral("breakdown")).toArray().size() == 4);
        CHECK(!top.value(QStringLiteral("ties")).toArray().isEmpty());
        CHECK(!top.value(QStringLiteral("rows")).toArray().isEmpty());
        const QJsonObject summary = QJsonDocument::fromJson(lines.last().toUtf8()).object();
        CHECK(summary.value(QStringLiteral("summary")).toBool());
        CHECK(summary.value(QStringLiteral("rows")).toInt() == 20'000);
        CHECK(summary.value(QStringLiteral("rows_set_aside_by_the_file")).toInt() == 1);
        CHECK(!summary.value(QStringLiteral("notes")).toArray().isEmpty());
        // Every line is one JSON object.
        for (const QString& l : lines)
            CHECK(QJsonDocument::fromJson(l.toUtf8()).isObject());
        CHECK(err.contains(QStringLiteral("line 20002")));
    }

    SECTION("as text: the score, its parts, the members and their ties, the rows' lines")
    {
        const auto [code, out, err] = runHexhub(dir, {QStringLiteral("--run-model"), QStringLiteral("shared-identifier-rings"), QStringLiteral("--dataset"), csv});
        REQUIRE(code == 0);
        CHECK(out.contains(QStringLiteral("#1  score 0.")));
        CHECK(out.contains(QStringLiteral("A ring of 70 entities (account)")));
        CHECK(out.contains(demo.ringAccounts.first()));
        CHECK(out.contains(QStringLiteral("shared with")));
        CHECK(out.contains(QStringLiteral("rows at lines ")));
        CHECK(out.contains(QStringLiteral("left out as common")));
    }

    SECTION("a bad parameter, a missing column, an unknown model, a model file with problems, a binary file: exit 1 with each problem")
    {
        auto [code, out, err] = runHexhub(dir, {QStringLiteral("--run-model"), QStringLiteral("shared-identifier-rings"), QStringLiteral("--dataset"), csv,
                                             QStringLiteral("--param"), QStringLiteral("entity=acount"), QStringLiteral("--param"),
                                             QStringLiteral("max_share=lots")});
        CHECK(code == 1);
        CHECK(err.contains(QStringLiteral("param entity: no column acount")));
        CHECK(err.contains(QStringLiteral("param max_share: expected a whole number")));
        CHECK(out.isEmpty());

        std::tie(code, out, err) = runHexhub(dir, {QStringLiteral("--run-model"), QStringLiteral("no-such-model"), QStringLiteral("--dataset"), csv});
        CHECK(code == 1);
        CHECK(err.contains(QStringLiteral("shared-identifier-rings")));

        const QString badModel = dir.filePath(QStringLiteral("bad-model.json"));
        {
            QFile f(badModel);
            REQUIRE(f.open(QIODevice::WriteOnly));
            f.write(R"({"schema": 1, "id": "mine", "version": 1, "kind": "rings", "title": "Mine", "parameters": {}})");
        }
        std::tie(code, out, err) = runHexhub(dir, {QStringLiteral("--run-model"), badModel, QStringLiteral("--dataset"), csv});
        CHECK(code == 1);
        CHECK(err.contains(QStringLiteral("needs the parameter entity")));
        CHECK(err.contains(QStringLiteral("needs the parameter min_members")));

        const QString binary = dir.filePath(QStringLiteral("photo.csv"));
        {
            QFile f(binary);
            REQUIRE(f.open(QIODevice::WriteOnly));
            f.write(QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
        }
        std::tie(code, out, err) = runHexhub(dir, {QStringLiteral("--run-model"), QStringLiteral("shared-identifier-rings"), QStringLiteral("--dataset"), binary});
        CHECK(code == 1);
        CHECK(err.contains(QStringLiteral("NUL bytes")));

        std::tie(code, out, err) = runHexhub(dir, {QStringLiteral("--run-model"), QStringLiteral("shared-identifier-rings")});
        CHECK(code == 2);
        CHECK(err.contains(QStringLiteral("--dataset")));
        std::tie(code, out, err) = runHexhub(dir, {QStringLiteral("--json")});
        CHECK(code == 2);
    }
}
