#include "cli.h"

#include "base/coretr.h"

#include "demogenerator.h"
#include "hexhub/bigdata_investigation/batch.h"
#include "module/demodata.h"

#include "security/accesscontrol.h"
#include "security/audit.h"
#include "security/session.h"
#include "base/clock.h"
#include "base/error.h"
#include "module/modulemanager.h"
#include "store/outbox.h"
#include "module/platform.h"
#include "scenario.h"
#include "store/sql.h"
#include "store/store.h"
#include "base/waitforfuture.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QJsonObject>
#include <QSqlQuery>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace hexhub::cli {

namespace {

QString readPassword(QTextStream& err)
{
    const bool tty = isatty(STDIN_FILENO);
    termios saved{};
    if (tty) {
        err << Tr::tr("Password: ") << Qt::flush;
        tcgetattr(STDIN_FILENO, &saved);
        termios silent = saved;
        silent.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &silent);
    }
    QTextStream in(stdin);
    const QString password = in.readLine();
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        err << Qt::endl;
    }
    return password;
}

} // namespace

namespace {

QJsonObject maskedArgs(const QJsonObject& in)
{
    static const QRegularExpression credentials(QStringLiteral("^([a-zA-Z][a-zA-Z0-9+.-]*://[^/@:]*):[^/@]*@"));
    QJsonObject out = in;
    for (auto it = out.begin(); it != out.end(); ++it) {
        if (it.value().isObject()) {
            it.value() = maskedArgs(it.value().toObject());
        } else if (it.value().isString()) {
            QString value = it.value().toString();
            if (it.key().contains(QLatin1String("contact")) || it.key().startsWith(QLatin1String("protected")))
                value = value.isEmpty() ? value : QStringLiteral("****") + value.right(std::min<qsizetype>(4, value.size() / 2));
            value.replace(credentials, QStringLiteral("\\1:****@"));
            it.value() = value;
        }
    }
    return out;
}

// Reads the desk's outbox file on its own: the server is not needed (nor, usually, reachable).
int listOutbox(const PlatformOptions& given, QTextStream& out, QTextStream& err)
{
    PlatformOptions options = given;
    if (options.store.kind == StoreUrl::Kind::Sqlite && options.store.path.isEmpty())
        options.store = Platform::defaultStoreUrl();
    const QString path = options.outboxPath.isEmpty() ? Platform::defaultOutboxPath(options.store) : options.outboxPath;
    if (!QFileInfo::exists(path)) {
        out << Tr::tr("The outbox is empty: every change this desk made is on the server.") << Qt::endl;
        return Ok;
    }
    try {
        SystemClock clock;
        Store server(Store::Options{options.store, 1}, clock); // never opened: nothing is replayed from here
        Outbox outbox(server, clock, nullptr, path);
        resultOf(outbox.open());
        const QList<OutboxEntry> entries = resultOf(outbox.entries());
        outbox.close();
        if (entries.isEmpty()) {
            out << Tr::tr("The outbox is empty: every change this desk made is on the server.") << Qt::endl;
            return Ok;
        }
        auto json = [](const QVariantMap& values) {
            return QString::fromUtf8(QJsonDocument(QJsonObject::fromVariantMap(values)).toJson(QJsonDocument::Compact));
        };
        for (const OutboxEntry& e : entries) {
            const QString state = e.state == OutboxEntry::State::Queued     ? Tr::tr("waiting for the server")
                                  : e.state == OutboxEntry::State::Conflict ? Tr::tr("CONFLICT: decide with --resolve")
                                                                            : Tr::tr("REFUSED: decide with --resolve");
            out << QStringLiteral("%1  %2  %3").arg(e.id().toString(QUuid::WithoutBraces), state, e.summary()) << Qt::endl;
            if (e.kind == OutboxEntry::Kind::Command) {
                // Personal data kept with a command (a reporter's contact, a tip's protected source, an
                // entity's label: keys with "contact" or starting "protected") is printed masked: the last
                // four characters at most, as everywhere else; a password in an address (a camera's
                // stream) not at all. At any depth of the arguments.
                const QJsonObject args = maskedArgs(e.command.args);
                out << QStringLiteral("    ") << Tr::tr("by %1 at %2: %3 %4")
                                                   .arg(e.command.madeBy,
                                                        QDateTime::fromMSecsSinceEpoch(e.command.madeAt, Qt::UTC).toString(Qt::ISODate),
                                                        e.command.operation,
                                                        QString::fromUtf8(QJsonDocument(args).toJson(QJsonDocument::Compact)))
                    << Qt::endl;
                if (e.state != OutboxEntry::State::Queued)
                    out << QStringLiteral("    ") << e.problem << Qt::endl;
                continue;
            }
            out << QStringLiteral("    ") << Tr::tr("by %1 at %2 on %3 %4; mine: %5")
                                               .arg(e.change.actor,
                                                    QDateTime::fromMSecsSinceEpoch(e.change.madeAt, Qt::UTC).toString(Qt::ISODate),
                                                    e.change.table, e.change.key.toString(), json(e.change.values))
                << Qt::endl;
            if (e.state == OutboxEntry::State::Conflict) {
                out << QStringLiteral("    ")
                    << (e.theirVersion == 0 ? Tr::tr("the record was deleted on the server")
                                            : Tr::tr("the server has version %1 (I edited version %2): %3")
                                                  .arg(e.theirVersion)
                                                  .arg(e.change.baseVersion)
                                                  .arg(json(e.theirs)))
                    << Qt::endl;
            } else if (e.state == OutboxEntry::State::Failed) {
                out << QStringLiteral("    ") << e.problem << Qt::endl;
            }
        }
        return Ok;
    } catch (const Error& e) {
        err << e.message() << Qt::endl;
    } catch (const std::exception& e) {
        err << QString::fromUtf8(e.what()) << Qt::endl;
    }
    return Failure;
}

} // namespace

namespace {

// --check-scenario: reads and validates the file only; no store, no modules.
int checkScenarioFile(const QString& path, QTextStream& out, QTextStream& err)
{
    QList<ScenarioProblem> problems;
    const auto scenario = Scenario::fromFile(path, &problems);
    if (!scenario) {
        for (const ScenarioProblem& p : std::as_const(problems))
            err << p.toString() << Qt::endl;
        err << Tr::tr("%1: %n problem(s).", nullptr, int(problems.size())).arg(path) << Qt::endl;
        return Failure;
    }
    out << Tr::tr("%1: ok: \"%2\", %3 long, %4 injects, %5 expectations, %6 branches.")
               .arg(path, scenario->title.text(), formatScenarioDuration(scenario->durationMs))
               .arg(scenario->injects.size())
               .arg(scenario->expectations.size())
               .arg(scenario->branches.size())
        << Qt::endl;
    return Ok;
}

//! Every option of `hexhub`, built in one place for the parser that runs a command and for
//! isDeskLaunch(), which must know every command there is.
struct Options
{
    QCommandLineOption version, listModules, store, createAdmin, verifyAudit, modulePath, disableModule, auditKey,
        initServer, addUser, role, showOutbox, resolve, decision, operatorName, screenshots, startupProbe, demo,
        checkScenario, expectHead;

    QList<QCommandLineOption> all() const
    {
        return {version, listModules, store, createAdmin, verifyAudit, modulePath, disableModule, auditKey, initServer,
                addUser, role, showOutbox, resolve, decision, operatorName, screenshots, startupProbe, demo, checkScenario,
                expectHead};
    }
    //! The options that are commands: with one of them, `hexhub` runs it instead of opening a desk.
    QList<QCommandLineOption> commands() const
    {
        return {version, listModules, createAdmin, verifyAudit, initServer, addUser, showOutbox, resolve, screenshots, startupProbe,
                checkScenario};
    }
};

Options makeOptions()
{
    return Options{
        QCommandLineOption(QStringLiteral("version"), Tr::tr("Print the version and exit.")),
        QCommandLineOption(QStringLiteral("list-modules"), Tr::tr("List every module with its version, state and reason.")),
        QCommandLineOption(QStringLiteral("store"),
                           Tr::tr("The store to use: sqlite:///path/file.db or postgresql://user@host:port/db."), Tr::tr("url")),
        QCommandLineOption(QStringLiteral("create-admin"),
                           Tr::tr("Create the first administrator NAME; the password is read from standard input."),
                           Tr::tr("name")),
        QCommandLineOption(QStringLiteral("verify-audit"), Tr::tr("Check the audit log's chain; exit 0 when intact, 3 when broken.")),
        QCommandLineOption(QStringLiteral("module-path"), Tr::tr("Look for modules in this folder (repeatable)."), Tr::tr("folder")),
        QCommandLineOption(QStringLiteral("disable-module"), Tr::tr("Do not load this module (repeatable)."), Tr::tr("id")),
        QCommandLineOption(QStringLiteral("audit-key"), Tr::tr("The audit key file (default: audit.key in the configuration folder)."),
                           Tr::tr("file")),
        QCommandLineOption(QStringLiteral("init-server"),
                           Tr::tr("Prepare a shared PostgreSQL server at URL (as its owner): the schema; the hexhub_app role, "
                                  "whose members can only add to the audit log and the journal; a role per centre; row-level "
                                  "security and the modules' own server rules. Running it again changes nothing."),
                           Tr::tr("url")),
        QCommandLineOption(QStringLiteral("add-user"),
                           Tr::tr("Create user NAME (with --role); on a shared PostgreSQL store also the desk's database "
                                  "login. The password is read from standard input."),
                           Tr::tr("name")),
        QCommandLineOption(QStringLiteral("role"), Tr::tr("The role for --add-user, e.g. hub_supervisor."), Tr::tr("role")),
        QCommandLineOption(QStringLiteral("outbox"),
                           Tr::tr("List the changes this desk keeps for the server (made while it was away, or waiting for a "
                                  "decision), oldest first. Works without the server.")),
        QCommandLineOption(QStringLiteral("resolve"),
                           Tr::tr("Decide on the waiting change ID (see --outbox) with --decision and --operator."), Tr::tr("id")),
        QCommandLineOption(QStringLiteral("decision"),
                           Tr::tr("For --resolve: keep (apply my change over the newer one, or try it again) or discard (drop "
                                  "my change; it stays on record)."),
                           Tr::tr("keep|discard")),
        QCommandLineOption(QStringLiteral("operator"),
                           Tr::tr("For --resolve: who decides; recorded in the journal and the audit log."), Tr::tr("name")),
        QCommandLineOption(QStringLiteral("screenshots"),
                           Tr::tr("Render the main window on each module, the command palette, the settings dialog, a wall and "
                                  "the sign-in dialog in both themes and languages to PNG files in this folder, offscreen."),
                           Tr::tr("folder")),
        QCommandLineOption(QStringLiteral("startup-probe"),
                           Tr::tr("For benchmarks: start a desk on the store in this folder (made on first use) with every "
                                  "module, signed in without the dialog; print \"shown\" once the main window is on screen, "
                                  "and exit."),
                           Tr::tr("folder")),
        QCommandLineOption(QStringLiteral("demo"),
                           Tr::tr("Open the training desk: the demo store (made on first use: a synthetic district with its "
                                  "history), a demo user signed in, a live simulation on the simulated clock, the trainer "
                                  "console. Never touches live data.")),
        QCommandLineOption(QStringLiteral("check-scenario"),
                           Tr::tr("Check a training scenario file: print every problem with its place in the file; exit 1 "
                                  "when there is one. Needs no store."),
                           Tr::tr("file")),
        QCommandLineOption(QStringLiteral("expect-head"),
                           Tr::tr("With --verify-audit: the head printed by an earlier run; exit 3 when the log no longer "
                                  "holds it (rolled back to an older copy)."),
                           Tr::tr("hash")),
    };
}

} // namespace

namespace {

//! `--generate-demo N --seed S` (demodata.h), kept beside the other options.
struct DemoGeneratorOptions
{
    QCommandLineOption generate, seed;
    QList<QCommandLineOption> all() const { return {generate, seed}; }
};

DemoGeneratorOptions makeDemoGeneratorOptions()
{
    return DemoGeneratorOptions{
        QCommandLineOption(QStringLiteral("generate-demo"),
                           Tr::tr("Write a synthetic demo history of N incidents, with the units, cameras and every centre's "
                                  "records in proportion, into the empty store given by --store; prints the rows and the time. "
                                  "A store that already holds incidents is refused."),
                           Tr::tr("N")),
        QCommandLineOption(QStringLiteral("seed"),
                           Tr::tr("For --generate-demo: the seed (default 1); the same seed gives the same data."), Tr::tr("S")),
    };
}

//! `--run-model MODEL --dataset FILE [--param NAME=VALUE ...] [--json]` (big-data investigation's batch.h).
struct ModelRunCliOptions
{
    QCommandLineOption runModel, dataset, param, json;
    QList<QCommandLineOption> all() const { return {runModel, dataset, param, json}; }
};

ModelRunCliOptions makeModelRunOptions()
{
    return ModelRunCliOptions{
        QCommandLineOption(QStringLiteral("run-model"),
                           Tr::tr("Run a big-data model (a bundled model's id or a model file) over the CSV or JSON Lines file "
                                  "given by --dataset and print each hit: score, members or rows, explanation. Exit 1 with the "
                                  "problems when the model, a parameter or the file is bad. Needs no store."),
                           Tr::tr("model")),
        QCommandLineOption(QStringLiteral("dataset"), Tr::tr("For --run-model: the CSV or JSON Lines file."), Tr::tr("file")),
        QCommandLineOption(QStringLiteral("param"),
                           Tr::tr("For --run-model: a parameter of the model, NAME=VALUE (repeatable; a list of columns as a,b,c)."),
                           Tr::tr("NAME=VALUE")),
        QCommandLineOption(QStringLiteral("json"), Tr::tr("For --run-model: one JSON object a line, each hit then a summary.")),
    };
}

} // namespace

bool isDeskLaunch(const QStringList& arguments)
{
    // Parsed by the same options as the command itself, so a new command can never open a desk.
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addHelpOption();
    const Options options = makeOptions();
    parser.addOptions(options.all());
    parser.addOptions(makeDemoGeneratorOptions().all());
    parser.addOptions(makeModelRunOptions().all());
    if (!parser.parse(arguments)) {
        // Qt's own options (-platform xcb, -style, -session from the session manager, ...) belong
        // to the desk's QApplication; anything else is a mistake run() reports, with no window.
        static const QStringList qtOptions{
            QStringLiteral("platform"), QStringLiteral("platformpluginpath"), QStringLiteral("platformtheme"),
            QStringLiteral("plugin"), QStringLiteral("qwindowgeometry"), QStringLiteral("qwindowicon"),
            QStringLiteral("qwindowtitle"), QStringLiteral("reverse"), QStringLiteral("session"), QStringLiteral("style"),
            QStringLiteral("stylesheet"), QStringLiteral("widgetcount"), QStringLiteral("display"),
            QStringLiteral("geometry"), QStringLiteral("title"), QStringLiteral("name"), QStringLiteral("visual"),
            QStringLiteral("ncols"), QStringLiteral("cmap"), QStringLiteral("nograb"), QStringLiteral("dograb"),
            QStringLiteral("sync")};
        const QStringList unknown = parser.unknownOptionNames();
        if (unknown.isEmpty() || !std::all_of(unknown.begin(), unknown.end(), [](const QString& o) { return qtOptions.contains(o); }))
            return false;
    }
    if (parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("help-all")))
        return false;
    if (parser.isSet(QStringLiteral("generate-demo")))
        return false;
    for (const QCommandLineOption& o : makeModelRunOptions().all())
        if (parser.isSet(o))
            return false;
    const QList<QCommandLineOption> commands = options.commands();
    return std::none_of(commands.begin(), commands.end(), [&](const QCommandLineOption& o) { return parser.isSet(o); });
}

std::optional<QString> optionValue(const QStringList& arguments, const QString& name)
{
    const QString option = QStringLiteral("--") + name;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        if (arguments[i] == option)
            return arguments.value(i + 1);
        if (arguments[i].startsWith(option + QLatin1Char('=')))
            return arguments[i].section(QLatin1Char('='), 1);
    }
    return std::nullopt;
}

QString screenshotsFolder(const QStringList& arguments)
{
    return optionValue(arguments, QStringLiteral("screenshots")).value_or(QString());
}

int run(const QStringList& arguments, QTextStream& out, QTextStream& err, const DeskRunner& desk)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Tr::tr("Hexhub: a public-safety command centre of one hub and six centres."));
    parser.addHelpOption();
    const Options declared = makeOptions();
    const auto& [version, listModules, store, createAdmin, verifyAudit, modulePath, disableModule, auditKey, initServer,
                 addUser, role, showOutbox, resolve, decision, operatorName, screenshots, startupProbe, demo,
                 checkScenario, expectHead] = declared;
    parser.addOptions(declared.all());
    const DemoGeneratorOptions demoGenerator = makeDemoGeneratorOptions();
    parser.addOptions(demoGenerator.all());
    const ModelRunCliOptions modelRun = makeModelRunOptions();
    parser.addOptions(modelRun.all());
    if (!parser.parse(arguments)) {
        err << parser.errorText() << Qt::endl << parser.helpText();
        return Usage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out << parser.helpText();
        return Ok;
    }
    if (parser.isSet(version)) {
        out << QStringLiteral("hexhub %1").arg(QStringLiteral(HEXHUB_VERSION)) << Qt::endl;
        return Ok;
    }
    if (!parser.positionalArguments().isEmpty()) {
        err << Tr::tr("Unexpected argument: %1").arg(parser.positionalArguments().first()) << Qt::endl;
        return Usage;
    }
    if (parser.isSet(checkScenario))
        return checkScenarioFile(parser.value(checkScenario), out, err);

    // --run-model MODEL --dataset FILE [--param NAME=VALUE ...] [--json]: a file, no store.
    if (parser.isSet(modelRun.runModel)) {
        if (!parser.isSet(modelRun.dataset)) {
            err << Tr::tr("--run-model needs --dataset FILE (a CSV or JSON Lines file).") << Qt::endl;
            return Usage;
        }
        bigdata::BatchRun batch;
        batch.model = parser.value(modelRun.runModel);
        batch.dataset = parser.value(modelRun.dataset);
        batch.params = parser.values(modelRun.param);
        batch.json = parser.isSet(modelRun.json);
        return bigdata::runBatch(batch, out, err) == 0 ? Ok : Failure;
    }
    for (const QCommandLineOption& o : {modelRun.dataset, modelRun.param, modelRun.json}) {
        if (parser.isSet(o)) {
            err << Tr::tr("--%1 goes with --run-model.").arg(o.names().first()) << Qt::endl;
            return Usage;
        }
    }

    // --generate-demo N [--seed S] --store URL: checked before anything opens.
    std::optional<DemoOptions> demoGeneration;
    if (parser.isSet(demoGenerator.generate)) {
        bool ok = false;
        DemoOptions generation;
        generation.incidents = parser.value(demoGenerator.generate).toLongLong(&ok);
        if (!ok || generation.incidents < 0 || generation.incidents > 100000000) {
            err << Tr::tr("--generate-demo needs a number of incidents from 0 to 100000000.") << Qt::endl;
            return Usage;
        }
        if (parser.isSet(demoGenerator.seed)) {
            generation.seed = parser.value(demoGenerator.seed).toULongLong(&ok);
            if (!ok) {
                err << Tr::tr("--seed needs a whole number from 0 to 18446744073709551615.") << Qt::endl;
                return Usage;
            }
        }
        if (!parser.isSet(store)) {
            err << Tr::tr("--generate-demo needs --store: demo data goes into a store of its own, never into the desk's.")
                << Qt::endl;
            return Usage;
        }
        demoGeneration = generation;
    } else if (parser.isSet(demoGenerator.seed)) {
        err << Tr::tr("--seed goes with --generate-demo.") << Qt::endl;
        return Usage;
    }

    PlatformOptions options;
    if (parser.isSet(initServer)) {
        QString error;
        const auto url = StoreUrl::parse(parser.value(initServer), &error);
        if (!url) {
            err << error << Qt::endl;
            return Usage;
        }
        options.store = *url;
    } else if (parser.isSet(store)) {
        QString error;
        const auto url = StoreUrl::parse(parser.value(store), &error);
        if (!url) {
            err << error << Qt::endl;
            return Usage;
        }
        options.store = *url;
    }
    options.modulePaths = parser.values(modulePath);
    for (const QString& id : parser.values(disableModule))
        options.disabledModules.insert(id);
    options.auditKeyPath = parser.value(auditKey);
    const bool verifying = parser.isSet(verifyAudit);
    options.createAuditKey = !verifying;
    options.loadModules = !verifying && !parser.isSet(createAdmin) && !parser.isSet(addUser) && !parser.isSet(resolve);

    if (parser.isSet(showOutbox))
        return listOutbox(options, out, err);
    // --demo: a desk on the demo store, every event marked as an exercise (see shell::runDemo).
    options.exercise = parser.isSet(demo);
    if (desk && isDeskLaunch(arguments))
        return desk(options);
    if (parser.isSet(resolve)) {
        const QString choice = parser.value(decision);
        if (choice != QLatin1String("keep") && choice != QLatin1String("discard")) {
            err << Tr::tr("--resolve needs --decision keep or --decision discard.") << Qt::endl;
            return Usage;
        }
        if (parser.value(operatorName).isEmpty()) {
            err << Tr::tr("--resolve needs --operator NAME (the password from standard input): a decision on data "
                          "is made by an operator signed in.") << Qt::endl;
            return Usage;
        }
    }

    try {
        Platform platform(options);
        resultOf(platform.start());

        if (demoGeneration) {
            const DemoReport report = resultOf(generateDemo(platform, *demoGeneration));
            out << Tr::tr("Demo data written to %1: %2 incidents from seed %3 in %4 s.")
                       .arg(options.store.toDisplayString())
                       .arg(report.incidents)
                       .arg(demoGeneration->seed)
                       .arg(report.seconds, 0, 'f', 1)
                << Qt::endl;
            for (auto it = report.rows.cbegin(); it != report.rows.cend(); ++it)
                out << QStringLiteral("  %1 %2").arg(it.key(), -24).arg(it.value(), 10) << Qt::endl;
            QStringList hooks;
            for (const QString& module : report.modules)
                hooks << QStringLiteral("%1 %2 s").arg(module).arg(report.moduleSeconds.value(module), 0, 'f', 1);
            out << Tr::tr("%1 rows in all (%2).").arg(report.totalRows()).arg(hooks.join(QStringLiteral(", "))) << Qt::endl;
            return Ok;
        }
        if (parser.isSet(initServer)) {
            resultOf(platform.applyServerRules());
            out << Tr::tr("The server %1 is ready for desks: schema applied, the grants each module declares and row-level security in place.")
                       .arg(options.store.toDisplayString())
                << Qt::endl;
            return Ok;
        }
        if (parser.isSet(addUser)) {
            if (!parser.isSet(role)) {
                err << Tr::tr("--add-user needs --role.") << Qt::endl;
                return Usage;
            }
            const QString name = parser.value(addUser);
            const qint64 id = resultOf(platform.addUser(name, parser.value(role), readPassword(err)));
            out << Tr::tr("Created user '%1' (user %2) with role %3.").arg(name).arg(id).arg(parser.value(role))
                << Qt::endl;
            return Ok;
        }
        if (parser.isSet(createAdmin)) {
            const QString name = parser.value(createAdmin);
            const QString password = readPassword(err);
            const qint64 id = resultOf(platform.access().createFirstAdministrator(name, password));
            out << Tr::tr("Created administrator '%1' (user %2).").arg(name).arg(id) << Qt::endl;
            return Ok;
        }
        if (parser.isSet(resolve)) {
            const QUuid id = QUuid::fromString(parser.value(resolve));
            // Who decides signs in, as at a desk (the password from standard input); nothing else
            // waiting is sent meanwhile.
            platform.outbox().holdReplay(true);
            const SignInResult who = resultOf(platform.access().signIn(parser.value(operatorName), readPassword(err)));
            if (!who.ok) {
                err << who.error << Qt::endl;
                return Failure;
            }
            platform.session().setPrincipal(who.principal);
            const ChangeResult result = resultOf(platform.outbox().resolve(
                id,
                parser.value(decision) == QLatin1String("keep") ? Outbox::Resolution::KeepMine : Outbox::Resolution::DiscardMine,
                parser.value(operatorName)));
            if (result.outcome == ChangeResult::Outcome::Conflict) {
                err << Tr::tr("The record changed again meanwhile; the change still waits. Look at it with --outbox.") << Qt::endl;
                return Failure;
            }
            out << Tr::tr("Decided: %1. The decision is journaled and audited.").arg(parser.value(decision)) << Qt::endl;
            return Ok;
        }
        if (verifying) {
            const AuditVerification result = resultOf(platform.audit().verify());
            (result.intact ? out : err) << result.message << Qt::endl;
            if (!result.intact)
                return AuditBroken;
            // The head, to keep somewhere the store's user cannot reach (on SQLite that user owns
            // the whole file): a later --expect-head with it tells whether the log was put back to
            // an older copy, which a chain that is intact in itself cannot show.
            struct Head
            {
                qint64 seq = 0;
                QString hash;
                bool holdsExpected = false;
            };
            const QString expected = parser.value(expectHead).trimmed().toLower();
            const Head head = resultOf(platform.store().read([expected](Sql& sql) {
                Head h;
                QSqlQuery q = sql.exec(QStringLiteral("SELECT seq, hash FROM audit_head WHERE id = 1"));
                if (q.next()) {
                    h.seq = q.value(0).toLongLong();
                    h.hash = q.value(1).toString();
                }
                q.finish();
                h.holdsExpected = !expected.isEmpty()
                    && sql.scalar(QStringLiteral("SELECT 1 FROM audit_log WHERE hash = ?"), {expected}).isValid();
                return h;
            }));
            out << Tr::tr("Head: row %1, %2").arg(head.seq).arg(head.hash.isEmpty() ? QStringLiteral("-") : head.hash)
                << Qt::endl;
            if (parser.isSet(expectHead) && !head.holdsExpected) {
                err << Tr::tr("The audit log does not hold the head %1 recorded earlier: it was rolled back to an older "
                              "copy or replaced.").arg(expected)
                    << Qt::endl;
                return AuditBroken;
            }
            return Ok;
        }
        // --list-modules, and for now the default: the desktop shell is not part of this build yet.
        const auto modules = platform.modules().modules();
        int failed = 0;
        for (const ModuleSpec* spec : modules) {
            QString line = QStringLiteral("%1  %2  %3")
                               .arg(spec->id, -24)
                               .arg(spec->metadata.version.isEmpty() ? QStringLiteral("-") : spec->metadata.version, -8)
                               .arg(ModuleSpec::stateName(spec->state), -9);
            QStringList why;
            if (!spec->reason.isEmpty())
                why << spec->reason;
            why << spec->notes;
            if (!why.isEmpty())
                line += QStringLiteral("  ") + why.join(QStringLiteral("; "));
            out << line.trimmed() << Qt::endl;
            if (spec->state == ModuleSpec::State::Failed)
                ++failed;
        }
        if (modules.isEmpty())
            err << Tr::tr("No modules found in: %1").arg(platform.options().modulePaths.join(QStringLiteral(", ")))
                << Qt::endl;
        return Ok;
    } catch (const Error& e) {
        err << e.message() << Qt::endl;
    } catch (const std::exception& e) {
        err << QString::fromUtf8(e.what()) << Qt::endl;
    }
    return Failure;
}

} // namespace hexhub::cli
