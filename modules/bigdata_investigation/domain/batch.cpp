// hexhub --run-model: a model over a file, printed (issue 20 section 3).
#include "hexhub/bigdata_investigation/batch.h"
#include "hexhub/bigdata_investigation/model.h"
#include "hexhub/bigdata_investigation/modelrun.h"
#include "hexhub/bigdata_investigation/records.h"
#include "hexhub/bigdata_investigation/tabularfile.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QTextStream>

namespace hexhub::bigdata {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(hexhub::bigdata::Batch)
};

} // namespace

int runBatch(const BatchRun& run, QTextStream& out, QTextStream& err)
{
    // The model and the parameters' syntax first: a mistake there needs no file read.
    QList<ModelProblem> problems;
    const auto model = findModel(run.model, &problems);
    if (!model) {
        err << Tr::tr("The model %1 cannot be used:").arg(run.model) << Qt::endl;
        for (const ModelProblem& p : std::as_const(problems))
            err << QStringLiteral("  ") << p.toString() << Qt::endl;
        return 1;
    }
    QMap<QString, QJsonValue> given;
    bool badParam = false;
    for (const QString& p : run.params) {
        const qsizetype eq = p.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            err << Tr::tr("--param %1: expected NAME=VALUE").arg(p) << Qt::endl;
            badParam = true;
            continue;
        }
        given.insert(p.left(eq).trimmed(), p.mid(eq + 1));
    }
    if (badParam)
        return 1;

    QFile file(run.dataset);
    if (!file.open(QIODevice::ReadOnly)) {
        err << Tr::tr("Cannot read %1: %2").arg(run.dataset, file.errorString()) << Qt::endl;
        return 1;
    }
    TabularOptions options;
    if (run.dataset.endsWith(QLatin1String(".jsonl"), Qt::CaseInsensitive) || run.dataset.endsWith(QLatin1String(".ndjson"), Qt::CaseInsensitive))
        options.format = TabularShape::Format::JsonLines;
    else if (run.dataset.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive) || run.dataset.endsWith(QLatin1String(".tsv"), Qt::CaseInsensitive))
        options.format = TabularShape::Format::Csv;
    // Columns typed from the first rows, then every row kept column by column.
    RecordSet records;
    QList<QStringList> sample;
    QList<std::pair<QStringList, qint64>> held;
    QStringList names;
    bool typed = false;
    const auto flush = [&] {
        records = RecordSet(proposeColumns(names, sample));
        for (const auto& [row, line] : std::as_const(held))
            records.append(row, line);
        held.clear();
        typed = true;
    };
    QString error;
    const auto shape = readTabularRows(
        file, options, [&](const TabularShape& s) { names = s.columns; },
        [&](QStringList& fields, qint64 line) {
            if (typed) {
                records.append(fields, line);
                return;
            }
            sample << fields;
            held << std::pair{fields, line};
            if (sample.size() == 200)
                flush();
        },
        &error);
    if (!shape) {
        err << Tr::tr("%1 cannot be read: %2").arg(run.dataset, error) << Qt::endl;
        return 1;
    }
    if (!typed)
        flush();
    if (shape->rejectedCount > 0) {
        err << Tr::tr("%1: %n row(s) set aside:", nullptr, int(shape->rejectedCount)).arg(run.dataset) << Qt::endl;
        for (qsizetype i = 0; i < std::min<qsizetype>(shape->rejected.size(), 20); ++i)
            err << QStringLiteral("  ") << Tr::tr("line %1: %2").arg(shape->rejected[i].line).arg(shape->rejected[i].reason) << Qt::endl;
    }

    problems.clear();
    const auto parameters = resolveParameters(*model, given, &records, &problems);
    if (!parameters) {
        err << Tr::tr("The parameters do not fit the model %1 and the file %2:").arg(model->id, run.dataset) << Qt::endl;
        for (const ModelProblem& p : std::as_const(problems))
            err << QStringLiteral("  ") << p.toString() << Qt::endl;
        return 1;
    }
    ModelRunOptions runOptions;
    runOptions.maxHits = run.maxHits;
    const auto result = runModel(*model, *parameters, records, runOptions, &error);
    if (!result) {
        err << Tr::tr("The model %1 cannot run on %2: %3").arg(model->id, run.dataset, error) << Qt::endl;
        return 1;
    }

    const QString language = QLocale().name();
    if (run.json) {
        for (const ModelHit& hit : result->hits)
            out << QString::fromUtf8(QJsonDocument(hitToJson(hit, *model, *parameters, records, false)).toJson(QJsonDocument::Compact)) << '\n';
        const QJsonObject summary{{QStringLiteral("summary"), true},
                                  {QStringLiteral("model"), model->id},
                                  {QStringLiteral("version"), model->version},
                                  {QStringLiteral("parameters"), *parameters},
                                  {QStringLiteral("rows"), double(result->rowsSeen)},
                                  {QStringLiteral("rows_set_aside_by_the_file"), double(shape->rejectedCount)},
                                  {QStringLiteral("rows_skipped_by_the_model"), double(result->rowsSkipped)},
                                  {QStringLiteral("hits"), double(result->hitCount)},
                                  {QStringLiteral("notes"), QJsonArray::fromStringList(result->notes)}};
        out << QString::fromUtf8(QJsonDocument(summary).toJson(QJsonDocument::Compact)) << Qt::endl;
        return 0;
    }
    out << Tr::tr("%1 (%2, version %3) over %4: %n row(s)", nullptr, int(result->rowsSeen))
               .arg(model->titleIn(language), model->id)
               .arg(model->version)
               .arg(run.dataset)
        << '\n';
    out << Tr::tr("%n hit(s)", nullptr, int(result->hitCount)) << '\n';
    int rank = 0;
    for (const ModelHit& hit : result->hits) {
        out << '\n' << QStringLiteral("#%1  ").arg(++rank) << Tr::tr("score %1").arg(hit.score, 0, 'f', 3) << QStringLiteral("  ") << hit.summary << '\n';
        for (const ScorePart& p : hit.breakdown)
            out << QStringLiteral("    %1%2  %3").arg(p.value >= 0 ? QStringLiteral("+") : QString()).arg(p.value, 0, 'f', 3).arg(p.label)
                << (p.detail.isEmpty() ? QString() : QStringLiteral(" (") + p.detail + QStringLiteral(")")) << '\n';
        out << QStringLiteral("    = %1 %2").arg(hit.total, 0, 'f', 3).arg(hit.unit) << '\n';
        if (!hit.members.isEmpty())
            out << QStringLiteral("    ") << Tr::tr("members: %1").arg(hit.members.join(QStringLiteral(", "))) << '\n';
        QString lastMember;
        for (const RingTie& t : hit.ties) {
            out << QStringLiteral("      %1  %2 %3 (%4)")
                       .arg(t.member == lastMember ? QString(t.member.size(), QLatin1Char(' ')) : t.member, t.column, t.value,
                            Tr::tr("shared with %n other(s)", nullptr, t.sharedWith))
                << '\n';
            lastMember = t.member;
        }
        QStringList lines;
        for (qsizetype r : hit.rows.mid(0, 50))
            lines << QString::number(records.line(r));
        out << QStringLiteral("    ")
            << Tr::tr("rows at lines %1%2")
                   .arg(lines.join(QStringLiteral(", ")))
                   .arg(hit.rows.size() > 50 ? Tr::tr(" and %n more", nullptr, int(hit.facts.value(QStringLiteral("rows")).toDouble()) - 50) : QString())
            << '\n';
    }
    if (result->hitCount > result->hits.size())
        out << '\n' << Tr::tr("%n more hit(s) not shown", nullptr, int(result->hitCount - result->hits.size())) << '\n';
    if (!result->notes.isEmpty()) {
        out << '\n' << Tr::tr("Set aside by the model:") << '\n';
        for (const QString& n : result->notes)
            out << QStringLiteral("  ") << n << '\n';
    }
    if (result->rowsSkipped > 0)
        out << Tr::tr("%n row(s) the model could not read (an empty key, a time that is no time) were skipped.", nullptr, int(result->rowsSkipped)) << '\n';
    out.flush();
    return 0;
}

} // namespace hexhub::bigdata
