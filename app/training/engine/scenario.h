#pragma once

#include "trainingengine_export.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace hexhub {

/*
 * Training scenarios (issue 7, section 3): a timeline of injects, the responses expected of the
 * trainee, and branches on what the trainee did. The file format is documented in
 * resources/scenarios/SCHEMA.md; the bundled scenarios live at :/hexhub/scenarios/<id>.json.
 *
 * Loading validates the whole file and reports every problem with its JSON path; a file with any
 * problem yields no Scenario, so a bad file never half-runs. ScenarioRun (scenariorun.h) runs one.
 */

//! One thing wrong with a scenario file, where it is: "injects[3].at: expected a duration like 2m30s".
struct HEXHUB_TRAINING_ENGINE_EXPORT ScenarioProblem
{
    QString path;    //!< JSON path ("injects[3].at"); empty for the file as a whole
    QString message; //!< translated

    QString toString() const;
    bool operator==(const ScenarioProblem&) const = default;
};

/*!
 * A scenario duration: "45s", "3m", "2m30s", "1h", "48h", "1h30m" (hours, minutes, seconds in that
 * order, each at most once, whole numbers). Milliseconds, or nothing for anything else.
 */
HEXHUB_TRAINING_ENGINE_EXPORT std::optional<qint64> parseScenarioDuration(const QString& text);
//! The other way: 150000 -> "2m30s", 0 -> "0s". Negative values get a leading '-'.
HEXHUB_TRAINING_ENGINE_EXPORT QString formatScenarioDuration(qint64 ms);

/*!
 * Text a trainee or trainer reads: English, with optional translations by locale name. In a file,
 * either a plain string (English) or {"en": "...", "zh_CN": "..."}.
 */
struct HEXHUB_TRAINING_ENGINE_EXPORT ScenarioText
{
    QString en;
    QMap<QString, QString> translations; //!< "zh_CN" -> text

    //! The text in `language` ("zh_CN"; "zh" finds "zh_CN" too), else English. Empty `language`:
    //! the default QLocale's.
    QString text(const QString& language = {}) const;
    bool isEmpty() const { return en.isEmpty(); }
    //! A string when there are no translations, else the object form.
    QJsonValue toJson() const;
    bool operator==(const ScenarioText&) const = default;
};

enum class ScenarioInjectKind {
    Event,    //!< publishes `topic` with `payload` on the bus (journaled, source "training")
    Incident, //!< creates a real incident through IncidentService, which the trainee can dispatch to
};

HEXHUB_TRAINING_ENGINE_EXPORT QString scenarioInjectKindId(ScenarioInjectKind kind);

//! One inject: something that happens to the trainee at T+at.
struct HEXHUB_TRAINING_ENGINE_EXPORT ScenarioInject
{
    QString id;
    qint64 atMs = 0;           //!< from the start (in a branch: from the moment the branch fires)
    ScenarioInjectKind kind = ScenarioInjectKind::Event;
    QString topic;             //!< Event only
    /*!
     * Event: the bus payload. Incident: category, priority, summary, address, position {lat, lon},
     * source, centre. String values "@ref" / "@ref.key" are replaced when the inject runs.
     */
    QJsonObject payload;
    ScenarioText label;        //!< what the trainer's timeline shows
    QString handledBy;         //!< module id of the centre that handles it (it may not exist yet)
    QString ref;               //!< name later injects and expectations use as "@ref"; may be empty

    QJsonObject toJson() const;
    /*!
     * Reads one inject (the trainer's manual inject uses this too). Problems go to `problems` with
     * paths under `path`. `knownRefs`: the refs "@..." may name; nothing is checked when null.
     */
    static std::optional<ScenarioInject> fromJson(const QJsonValue& json, QList<ScenarioProblem>* problems,
                                                  const QString& path = {}, const QStringList* knownRefs = nullptr);
};

//! A response expected of the trainee: an action on `topics` matching `match`, within `within` of `after`.
struct HEXHUB_TRAINING_ENGINE_EXPORT ScenarioExpectation
{
    QString id;
    ScenarioText label;
    QString after = QStringLiteral("start"); //!< an inject id (main line or branch), or "start"
    qint64 withinMs = 0;
    QStringList topics;     //!< bus topics of the trainee's action ("incident.dispatched"); any of them
    QJsonObject match;      //!< subset of the action's payload; "@ref" resolved; an array matches an element
    QString unitKind;       //!< when set: the action's units ("units"/"unit"/"assignee") include one of this kind
    QString unitSkill;      //!< when set: ... one with this skill

    QJsonObject toJson() const;
};

/*!
 * How an expectation went. While a run is on: pending until seen or its window closes; missed when
 * the window closed without it (it still becomes late if it comes before the end); skipped when the
 * inject it follows never happened (a branch not taken) - skipped ones do not count in the score.
 */
enum class ScenarioOutcome { Pending, Met, Late, Missed, Skipped };

HEXHUB_TRAINING_ENGINE_EXPORT QString scenarioOutcomeId(ScenarioOutcome outcome);
HEXHUB_TRAINING_ENGINE_EXPORT std::optional<ScenarioOutcome> scenarioOutcomeFromId(const QString& id);
//! Translated: "met", "late", "missed", ...
HEXHUB_TRAINING_ENGINE_EXPORT QString scenarioOutcomeName(ScenarioOutcome outcome);

//! Extra injects scheduled when expectation `when` turns out `outcome` (met, late or missed).
struct HEXHUB_TRAINING_ENGINE_EXPORT ScenarioBranch
{
    QString when;
    ScenarioOutcome outcome = ScenarioOutcome::Missed;
    QList<ScenarioInject> injects; //!< `at` relative to the moment the branch fires

    QJsonObject toJson() const;
};

struct HEXHUB_TRAINING_ENGINE_EXPORT Scenario
{
    static constexpr int kSchemaVersion = 1;

    QString id;
    ScenarioText title;
    ScenarioText summary;
    qint64 durationMs = 0;
    QStringList modules; //!< the modules that handle its injects (some may not exist yet)
    QList<ScenarioInject> injects;
    QList<ScenarioExpectation> expectations;
    QList<ScenarioBranch> branches;

    //! The inject with this id, main line or branch; null when none.
    const ScenarioInject* inject(const QString& id) const;
    const ScenarioExpectation* expectation(const QString& id) const;
    QJsonObject toJson() const;

    //! Parses and validates. Every problem goes to `problems`; any problem: nothing is returned.
    static std::optional<Scenario> fromJson(const QByteArray& json, QList<ScenarioProblem>* problems);
    //! The same for a file (or a resource path); a file that cannot be read is one problem.
    static std::optional<Scenario> fromFile(const QString& path, QList<ScenarioProblem>* problems);
    //! The bundled scenarios' resource paths (":/hexhub/scenarios/rooftop-rescue.json", ...), sorted.
    static QStringList bundled();
    //! The module ids a scenario may name.
    static const QStringList& knownModules();
};

} // namespace hexhub
