// hexhub-bench [core] [desks] [startup] [calltaking] [bigdata] [intel] [dispatch] [board] [cases] [deadlines] [map] [video] [demo] [--json] [--quick] [--server URL]
// Prints one line per figure: the figure, its same-run baseline, and the ratio.
#include "benchmarks.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

using namespace hexhub::bench;

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments().mid(1);
    const bool json = args.contains(QStringLiteral("--json"));
    const bool quick = args.contains(QStringLiteral("--quick"));
    QStringList suites;
    QString server;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--server"))
            server = args.value(++i);
        else if (!args[i].startsWith(QLatin1String("--")))
            suites << args[i];
    }
    if (suites.isEmpty())
        suites << QStringLiteral("core");

    QList<Figure> figures;
    for (const QString& suite : suites) {
        if (suite == QLatin1String("core")) {
            figures << busDelivery(quick ? 5000 : 50000);
            figures << journaledPublish(quick ? 10000 : 100000, 1000);
            figures << durablePublish(quick ? 50 : 300);
        } else if (suite == QLatin1String("desks")) {
            try {
                figures << desksLatency(server, quick ? 3 : 20);
            } catch (const std::exception& e) {
                QTextStream(stderr) << "desks: " << e.what() << "\n";
                return 1;
            }
        } else if (suite == QLatin1String("startup")) {
            try {
                figures << startupTime(quick ? 5 : 30);
            } catch (const std::exception& e) {
                QTextStream(stderr) << "startup: " << e.what() << "\n";
                return 1;
            }
        } else if (suite == QLatin1String("bigdata")) {
            try {
                figures << bigData(quick);
            } catch (const std::exception& e) {
                QTextStream(stderr) << "bigdata: " << e.what() << "\n";
                return 1;
            }
        } else if (suite == QLatin1String("intel")) {
            try {
                figures << intelGraph(quick);
            } catch (const std::exception& e) {
                QTextStream(stderr) << "intel: " << e.what() << "\n";
                return 1;
            }
        } else if (suite == QLatin1String("calltaking")) {
            try {
                figures << callTaking(quick);
            } catch (const std::exception& e) {
                QTextStream(stderr) << "calltaking: " << e.what() << "\n";
                return 1;
            }
        } else if (suite == QLatin1String("dispatch")) {
            figures << unitRecommendation(2000, quick ? 20 : 500);
        } else if (suite == QLatin1String("board")) {
            try {
                figures << incidentBoard(quick ? 20000 : 1000000);
                figures << unitRecommendation(2000, quick ? 20 : 500);
            } catch (const std::exception& e) {
                QTextStream(stderr) << "board: " << e.what() << "\n";
                return 1;
            }
        } else if (suite == QLatin1String("cases")) {
            try {
                figures << caseList(quick ? 20000 : 1000000);
                figures << deadlineEngine(quick ? 10000 : 100000);
            } catch (const std::exception& e) {
                QTextStream(stderr) << "cases: " << e.what() << "\n";
                return 1;
            }
        } else if (suite == QLatin1String("deadlines")) {
            try {
                figures << deadlineEngine(quick ? 10000 : 100000);
            } catch (const std::exception& e) {
                QTextStream(stderr) << "deadlines: " << e.what() << "\n";
                return 1;
            }
        } else if (suite == QLatin1String("map")) {
            try {
                figures << mapSmoothness(quick);
            } catch (const std::exception& e) {
                QTextStream(stderr) << "map: " << e.what() << "\n";
                return 1;
            }
        } else if (suite == QLatin1String("demo")) {
            try {
                figures << demoGeneration(quick ? 20000 : 1000000);
            } catch (const std::exception& e) {
                QTextStream(stderr) << "demo: " << e.what() << "\n";
                return 1;
            }
        } else if (suite == QLatin1String("video")) {
            try {
                figures << videoWall(quick);
            } catch (const std::exception& e) {
                QTextStream(stderr) << "video: " << e.what() << "\n";
                return 1;
            }
        } else {
            QTextStream(stderr) << "unknown benchmark suite: " << suite << " (known: core, desks, startup, calltaking, bigdata, intel, dispatch, board, cases, deadlines, map, video, demo)\n";
            return 2;
        }
    }

    QTextStream out(stdout);
    if (json) {
        QJsonArray array;
        for (const Figure& f : figures) {
            array << QJsonObject{{QStringLiteral("name"), f.name}, {QStringLiteral("value"), f.value},
                                 {QStringLiteral("baseline"), f.baseline}, {QStringLiteral("unit"), f.unit},
                                 {QStringLiteral("ratio"), f.ratio()}, {QStringLiteral("target"), f.target},
                                 {QStringLiteral("verdict"), f.verdict()},
                                 {QStringLiteral("note"), f.note}};
        }
        out << QJsonDocument(array).toJson();
        return 0;
    }
    for (const Figure& f : figures) {
        out << QStringLiteral("%1  %2 %3  baseline %4 %3  ratio %5  %6")
                   .arg(f.name, -34)
                   .arg(f.value, 10, 'f', 2)
                   .arg(f.unit)
                   .arg(f.baseline, 10, 'f', 2)
                   .arg(f.ratio(), 5, 'f', 2)
                   .arg(f.met ? QStringLiteral("target %1: %2").arg(f.target, f.verdict()) : f.verdict());
        if (!f.note.isEmpty())
            out << "  (" << f.note << ")";
        out << "\n";
    }
    return 0;
}
