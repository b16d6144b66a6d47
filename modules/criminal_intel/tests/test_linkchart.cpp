// The link chart through the real window and the real plugin, by keyboard (issue 21 section 2): a
// lead charted from the leads page (C), items found by a number typed whole (Ctrl+F), expanded (E),
// linked with their provenance (M, L), a new item offered its likely match instead (A), the path
// between two found (M, P), measures and k-cores (Alt+S, Alt+K), a pinned item left still by the
// layout (Space, F), the timeline (T), a note (N), saved and opened again (Ctrl+S, Ctrl+O), exported
// (X); what another desk adds appears marked; a hub supervisor may look and change nothing.
#include "hubviewtest.h"

#include "hexhub/criminal_intel/entities.h"
#include "hexhub/criminal_intel/leads.h"

#include "module/servicesupport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QImage>
#include <QListWidget>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QWindow>

using namespace hexhub;
using namespace hexhub::test;
using namespace hexhub::test::hubviews;
using namespace hexhub::criminalintel;

namespace {

// The chart as it says it is (LinkChart::snapshot()), an item or link of it by entity or link id.
QJsonObject snap(QWidget* chart)
{
    QJsonObject out;
    REQUIRE(QMetaObject::invokeMethod(chart, "snapshot", Q_RETURN_ARG(QJsonObject, out)));
    return out;
}
QJsonObject itemOf(QWidget* chart, qint64 id)
{
    for (const QJsonValue& v : snap(chart).value(QStringLiteral("items")).toArray())
        if (qint64(v.toObject().value(QStringLiteral("id")).toDouble()) == id)
            return v.toObject();
    return {};
}
bool has(QWidget* chart, qint64 id)
{
    return !itemOf(chart, id).isEmpty();
}
int countOf(QWidget* chart, const char* what)
{
    return int(snap(chart).value(QLatin1String(what)).toArray().size());
}
QPointF posOf(QWidget* chart, qint64 id)
{
    const QJsonObject o = itemOf(chart, id);
    return {o.value(QStringLiteral("x")).toDouble(), o.value(QStringLiteral("y")).toDouble()};
}
void select(QWidget* chart, qint64 id)
{
    bool done = false;
    REQUIRE(QMetaObject::invokeMethod(chart, "selectItem", Q_RETURN_ARG(bool, done), Q_ARG(qint64, id)));
    REQUIRE(done);
}
qint64 currentOf(QWidget* chart)
{
    return qint64(snap(chart).value(QStringLiteral("current")).toDouble());
}

qint64 scalar(TestPlatform& tp, const QString& sql)
{
    return await(tp->store().read([sql](Sql& s) { return s.scalar(sql).toLongLong(); }));
}

QWidget* showDesk(MainWindow& window)
{
    window.resize(1500, 900);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    QApplication::setActiveWindow(&window);
    REQUIRE(window.showModule(QStringLiteral("criminal_intel")));
    auto* desk = window.findChild<QWidget*>(QStringLiteral("criminal_intel.desk"));
    REQUIRE(desk);
    return desk;
}

// Answers the small dialog `name` when it comes up: `fill` types into it, then Enter takes it.
void answer(const QString& name, std::function<void(QDialog*)> fill)
{
    whenModal(name, [fill](QDialog* d) {
        QApplication::setActiveWindow(d);
        CHECK(QTest::qWaitForWindowActive(d));
        fill(d);
        key(QApplication::focusWidget(), Qt::Key_Return);
    });
}

struct Ring
{
    Lead lead;
    qint64 chen = 0, phone = 0, liu = 0, liuPhone = 0, account = 0, far1 = 0, far2 = 0, other = 0;
};

// The night-market ring: a lead with its people and phones; an account and a chain beyond it in the store only.
Ring seed(TestPlatform& tp)
{
    LeadService leads(tp->store(), tp->session(), tp->audit());
    EntityService entities(tp->store(), tp->session(), tp->audit());
    Ring r;
    r.lead = await(leads.recordTip({QStringLiteral("Stolen phones sold at the night market"), QString(), QStringLiteral("Informant DEMO-117"),
                                    QStringLiteral("Investigation of reported offences"), 365}));
    const auto add = [&](EntityKind kind, const QString& label, qint64 lead) { return await(entities.add({kind, label, lead})).id; };
    const auto link = [&](qint64 a, qint64 b, const char* rel, qint64 day) {
        await(entities.link({a, b, QString::fromLatin1(rel), true, LinkConfidence::Confirmed, LinkSource::Record, QStringLiteral("call records"),
                             QString(), 1'767'225'600'000 + day * 86'400'000, 0}));
    };
    r.chen = add(EntityKind::Person, QStringLiteral("Chen Jun"), r.lead.id);
    r.phone = add(EntityKind::Phone, QStringLiteral("13800138417"), r.lead.id);
    r.liu = add(EntityKind::Person, QStringLiteral("Liu Yang"), r.lead.id);
    r.liuPhone = add(EntityKind::Phone, QStringLiteral("13905226603"), r.lead.id);
    r.account = add(EntityKind::Account, QStringLiteral("6222021004175531"), 0);
    r.far1 = add(EntityKind::Phone, QStringLiteral("13714082291"), 0);
    r.far2 = add(EntityKind::Phone, QStringLiteral("13611112222"), 0);
    r.other = add(EntityKind::Phone, QStringLiteral("13500000000"), 0);
    // What the analyst knows of the two: how dangerous, a number to size the chart by.
    await(entities.setAttributes(r.chen, 1, {{QStringLiteral("risk"), 3}}));
    await(entities.setAttributes(r.liu, 1, {{QStringLiteral("risk"), 1}}));
    link(r.chen, r.phone, "uses", 1);
    link(r.liu, r.liuPhone, "uses", 2);
    link(r.liuPhone, r.phone, "calls", 40);
    link(r.account, r.chen, "paid", 80);
    link(r.account, r.far1, "paid", 120);
    link(r.far1, r.far2, "calls", 200);
    return r;
}

} // namespace

TEST_CASE("Link chart: a lead charted, expanded, linked with its provenance, analysed, laid out, saved, opened and exported, by keyboard",
          "[intelviews]")
{
    TestPlatform tp = startedPlatform();
    tp.start();
    signInAs(tp, QStringLiteral("ivy"), QStringLiteral("criminal_intel_operator"));
    const Ring ring = seed(tp);
    MainWindow window(*tp);
    QWidget* desk = showDesk(window);
    auto* table = desk->findChild<QTableView*>(QStringLiteral("leads"));
    auto* pages = desk->findChild<QTabWidget*>(QStringLiteral("deskPages"));
    auto* chart = desk->findChild<QWidget*>(QStringLiteral("linkChart"));
    REQUIRE(table);
    REQUIRE(pages);
    REQUIRE(chart);
    auto* canvas = chart->findChild<QWidget*>(QStringLiteral("chartCanvas"));
    auto* message = chart->findChild<QLabel*>(QStringLiteral("chartMessage"));
    REQUIRE(canvas);

    // C on the lead: its entities and what they link to, one step out, on the chart page.
    REQUIRE(waitUntil([&] { return table->model()->rowCount() == 1; }));
    table->setFocus();
    table->setCurrentIndex(table->model()->index(0, 1));
    REQUIRE(waitUntil([&] { return desk->findChild<QLabel*>(QStringLiteral("title"))->text().contains(ring.lead.reference); }));
    key(table, Qt::Key_C);
    CHECK(pages->currentIndex() == 1);
    REQUIRE(waitUntil([&] { return countOf(chart, "items") == 5; })); // the four of the lead, the account that paid Chen
    CHECK(countOf(chart, "links") == 4);
    CHECK(!has(chart, ring.far1));
    REQUIRE(waitUntil([&] { return canvas->hasFocus(); }));
    CHECK(itemOf(chart, ring.phone).value(QStringLiteral("label")).toString() == QStringLiteral("*******8417")); // masked

    // E on the account: the phone it paid comes in, one step out.
    select(chart, ring.account);
    key(canvas, Qt::Key_E);
    REQUIRE(waitUntil([&] { return has(chart, ring.far1); }));
    CHECK(!has(chart, ring.far2));
    // The arrows move between items; Home is the first.
    key(canvas, Qt::Key_Home);
    const qint64 first = currentOf(chart);
    CHECK(first > 0);
    bool moved = false;
    for (Qt::Key k : {Qt::Key_Right, Qt::Key_Down, Qt::Key_Left, Qt::Key_Up}) {
        key(canvas, k);
        moved = moved || currentOf(chart) != first;
    }
    CHECK(moved);

    // M on Liu's phone, P on the far phone: the path through the store, drawn thick.
    select(chart, ring.liuPhone);
    key(canvas, Qt::Key_M);
    CHECK(qint64(snap(chart).value(QStringLiteral("marked")).toDouble()) == ring.liuPhone);
    select(chart, ring.far1);
    key(canvas, Qt::Key_P);
    REQUIRE(waitUntil([&] { return message->text().contains(QStringLiteral("drawn thick")); }));
    int onPath = 0;
    for (const QJsonValue& l : snap(chart).value(QStringLiteral("links")).toArray())
        onPath += l.toObject().value(QStringLiteral("onPath")).toBool();
    CHECK(onPath == 4); // Liu's phone - Chen's phone - Chen - the account - the far phone

    // L: a link from the marked item to the current one, with where it came from.
    answer(QStringLiteral("linkDialog"), [](QDialog* d) {
        auto* relation = d->findChild<QComboBox*>(QStringLiteral("relation"));
        relation->setCurrentIndex(relation->findData(QStringLiteral("met")));
        auto* ref = d->findChild<QLineEdit*>(QStringLiteral("sourceRef"));
        ref->setFocus();
        type(ref, QStringLiteral("surveillance log 14 March"));
    });
    key(canvas, Qt::Key_L);
    REQUIRE(waitUntil([&] { return scalar(tp, QStringLiteral("SELECT COUNT(*) FROM ci_links WHERE relation = 'met' "
                                                              "AND source_ref = 'surveillance log 14 March' AND source_kind = 'record'")) == 1; }));
    backToWindow(window);
    REQUIRE(waitUntil([&] { return countOf(chart, "links") == 6; }));
    // Its provenance is in the item's list of links.
    auto* links = chart->findChild<QListWidget*>(QStringLiteral("itemLinks"));
    select(chart, ring.liuPhone);
    select(chart, ring.far1);
    bool listed = false;
    for (int i = 0; i < links->count(); ++i)
        listed = listed || links->item(i)->text().contains(QStringLiteral("surveillance log 14 March"));
    CHECK(listed);

    // Ctrl+F: an identifier typed whole finds the item; Enter adds it.
    canvas->setFocus();
    key(canvas, Qt::Key_F, Qt::ControlModifier);
    auto* search = chart->findChild<QLineEdit*>(QStringLiteral("chartSearch"));
    REQUIRE(search->hasFocus());
    type(search, QStringLiteral("+86 135 0000 0000"));
    key(search, Qt::Key_Return);
    auto* results = chart->findChild<QListWidget*>(QStringLiteral("searchResults"));
    REQUIRE(waitUntil([&] { return results->count() == 1 && results->hasFocus(); }));
    key(results, Qt::Key_Return);
    REQUIRE(waitUntil([&] { return has(chart, ring.other); }));

    // A: a new item typed as an existing one is offered instead, never added twice.
    canvas->setFocus();
    whenModal(QStringLiteral("entityDialog"), [](QDialog* d) {
        QApplication::setActiveWindow(d);
        CHECK(QTest::qWaitForWindowActive(d));
        auto* label = d->findChild<QLineEdit*>(QStringLiteral("label"));
        label->setFocus();
        type(label, QStringLiteral("137-1408-2291"));
        auto* matches = d->findChild<QListWidget*>(QStringLiteral("entityMatches"));
        auto* use = d->findChild<QPushButton*>(QStringLiteral("useMatch"));
        waitUntil([&] { return matches->count() == 1 && use->isEnabled(); });
        key(label, Qt::Key_U, Qt::AltModifier); // Use the one selected
    });
    key(canvas, Qt::Key_A);
    backToWindow(window);
    CHECK(scalar(tp, QStringLiteral("SELECT COUNT(*) FROM ci_entities")) == 8);
    REQUIRE(waitUntil([&] { return message->text().contains(QStringLiteral("already known")); }));

    // Shift+M: an item that repeats another (the same number written another way, added elsewhere),
    // found and added, is offered as likely the same and merged into it with a reason.
    {
        EntityService entities(tp->store(), tp->session(), tp->audit());
        await(entities.add({EntityKind::Phone, QStringLiteral("+86 135-0000-0000"), 0, QString(), QString(), 365,
                            QJsonObject{{QStringLiteral("note"), QStringLiteral("written another way")}}}));
    }
    canvas->setFocus();
    key(canvas, Qt::Key_F, Qt::ControlModifier);
    search->selectAll();
    type(search, QStringLiteral("13500000000"));
    key(search, Qt::Key_Return);
    REQUIRE(waitUntil([&] { return results->count() == 2 && results->hasFocus(); }));
    const int before = countOf(chart, "items");
    key(results, Qt::Key_Down);
    key(results, Qt::Key_Return); // the one not on the chart yet
    REQUIRE(waitUntil([&] { return countOf(chart, "items") == before + 1; }));
    const qint64 repeat = currentOf(chart);
    CHECK(repeat != ring.other);
    auto* matches = chart->findChild<QListWidget*>(QStringLiteral("itemMatches"));
    REQUIRE(waitUntil([&] { return matches->count() == 1; }));
    canvas->setFocus();
    whenModal(QStringLiteral("reasonDialog"), [](QDialog* d) {
        QApplication::setActiveWindow(d);
        CHECK(QTest::qWaitForWindowActive(d));
        auto* field = d->findChild<QLineEdit*>(QStringLiteral("reason"));
        field->setFocus();
        type(field, QStringLiteral("Same number, written another way"));
        key(field, Qt::Key_Return);
    });
    key(canvas, Qt::Key_M, Qt::ShiftModifier);
    REQUIRE(waitUntil([&] { return !has(chart, repeat) && message->text().contains(QStringLiteral("Merged")); }));
    backToWindow(window);
    CHECK(scalar(tp, QStringLiteral("SELECT COUNT(*) FROM ci_entities WHERE merged_into IS NOT NULL")) == 1);

    // What another analyst links to an item on the chart appears, marked.
    await(tp->store().write(service::writeAs(QStringLiteral("criminal_intel"), Principal{}), [&](WriteTransaction& txn) {
        criminalintel::detail::insertLink(txn, {ring.far1, ring.far2, QStringLiteral("calls"), true, LinkConfidence::Unconfirmed, LinkSource::Record,
                                                QStringLiteral("call records April")},
                                          QStringLiteral("ian"));
    }));
    REQUIRE(waitUntil([&] { return has(chart, ring.far2); }));
    CHECK(itemOf(chart, ring.far2).value(QStringLiteral("changed")).toBool());
    CHECK(chart->findChild<QLabel*>(QStringLiteral("chartChanges"))->text().contains(QStringLiteral("from elsewhere")));

    // Alt+S: size by betweenness; Alt+K: the 2-core keeps the items with two ties or more among them.
    canvas->setFocus();
    key(canvas, Qt::Key_S, Qt::AltModifier);
    auto* sizeBy = chart->findChild<QComboBox*>(QStringLiteral("sizeBy"));
    REQUIRE(sizeBy->hasFocus());
    sizeBy->setCurrentIndex(sizeBy->findData(QStringLiteral("betweenness")));
    REQUIRE(waitUntil([&] { return snap(chart).value(QStringLiteral("analysed")).toBool(); }));
    // Two sit on the ring the new link closed and each holds a pendant (Liu's phone, the far phone):
    // they are between the most pairs, equally; Chen on the ring next; who hangs off the ring, nothing.
    const auto measureOf = [&](qint64 id) { return itemOf(chart, id).value(QStringLiteral("measure")).toDouble(); };
    CHECK(measureOf(ring.liuPhone) == Approx(measureOf(ring.far1)));
    CHECK(measureOf(ring.liuPhone) > measureOf(ring.chen));
    CHECK(measureOf(ring.chen) > 0);
    CHECK(measureOf(ring.liu) == 0);
    CHECK(measureOf(ring.other) == 0);
    CHECK(itemOf(chart, ring.liuPhone).value(QStringLiteral("radius")).toDouble() > itemOf(chart, ring.other).value(QStringLiteral("radius")).toDouble());
    // Sized by an attribute the analyst gave: Chen's risk 3 against Liu's 1.
    sizeBy->setCurrentIndex(sizeBy->findData(QStringLiteral("attr:risk")));
    REQUIRE(sizeBy->currentIndex() > 0);
    CHECK(itemOf(chart, ring.chen).value(QStringLiteral("radius")).toDouble() == Approx(34));
    CHECK(itemOf(chart, ring.liu).value(QStringLiteral("radius")).toDouble() == Approx(10 + 24.0 / 3));
    CHECK(itemOf(chart, ring.phone).value(QStringLiteral("radius")).toDouble() == Approx(10)); // none given
    sizeBy->setCurrentIndex(sizeBy->findData(QStringLiteral("betweenness")));
    REQUIRE(waitUntil([&] { return snap(chart).value(QStringLiteral("analysed")).toBool(); }));
    key(sizeBy, Qt::Key_K, Qt::AltModifier);
    auto* kcore = chart->findChild<QSpinBox*>(QStringLiteral("kcore"));
    REQUIRE(kcore->hasFocus());
    key(kcore, Qt::Key_Up);
    CHECK(kcore->value() == 1);
    REQUIRE(waitUntil([&] { return !itemOf(chart, ring.other).value(QStringLiteral("visible")).toBool(); })); // alone: core 0
    CHECK(itemOf(chart, ring.chen).value(QStringLiteral("visible")).toBool());
    kcore->setValue(0);

    // Space pins Chen; F lays the chart out and he stays where he was.
    canvas->setFocus();
    select(chart, ring.chen);
    key(canvas, Qt::Key_Space);
    CHECK(itemOf(chart, ring.chen).value(QStringLiteral("pinned")).toBool());
    const QPointF pinnedAt = posOf(chart, ring.chen);
    const QPointF otherAt = posOf(chart, ring.far2);
    key(canvas, Qt::Key_F);
    REQUIRE(waitUntil([&] { return message->text().contains(QStringLiteral("pull")); }));
    CHECK(posOf(chart, ring.chen) == pinnedAt);
    CHECK(posOf(chart, ring.far2) != otherAt);

    // H: layers from the current item (Chen first, his neighbours one column on); O: circles.
    select(chart, ring.chen);
    key(canvas, Qt::Key_H);
    REQUIRE(waitUntil([&] { return message->text().contains(QStringLiteral("layers")); }));
    CHECK(posOf(chart, ring.chen) == pinnedAt); // pinned: where he was
    CHECK(posOf(chart, ring.liu).x() > posOf(chart, ring.liuPhone).x()); // Liu is one layer further out than his phone
    key(canvas, Qt::Key_O);
    REQUIRE(waitUntil([&] { return message->text().contains(QStringLiteral("circles")); }));
    CHECK(posOf(chart, ring.chen) == pinnedAt);

    // Shift+E: n steps out (the dialog asks how many).
    answer(QStringLiteral("stepsDialog"), [](QDialog* d) {
        auto* steps = d->findChild<QSpinBox*>(QStringLiteral("steps"));
        steps->setFocus();
        key(steps, Qt::Key_Up); // 3
    });
    select(chart, ring.chen);
    key(canvas, Qt::Key_E, Qt::ShiftModifier);
    REQUIRE(waitUntil([&] { return message->text().contains(QStringLiteral("3 steps out")); }));
    backToWindow(window);

    // R: Chen's name, with a reason, on the audit log; shown on this chart only.
    canvas->setFocus();
    select(chart, ring.chen);
    whenModal(QStringLiteral("reasonDialog"), [](QDialog* d) {
        QApplication::setActiveWindow(d);
        CHECK(QTest::qWaitForWindowActive(d));
        auto* field = d->findChild<QLineEdit*>(QStringLiteral("reason"));
        field->setFocus();
        type(field, QStringLiteral("Matching the custody record"));
        key(field, Qt::Key_Return);
    });
    key(canvas, Qt::Key_R);
    REQUIRE(waitUntil([&] { return chart->findChild<QLabel*>(QStringLiteral("itemDetails"))->text().contains(QStringLiteral("Chen Jun")); }));
    backToWindow(window);
    CHECK(scalar(tp, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'personal_data.revealed' AND detail = 'Matching the custody record'")) == 1);

    // T: the timeline, each item where it first appears in a link; T again goes back.
    const QPointF laidOut = posOf(chart, ring.liu);
    key(canvas, Qt::Key_T);
    CHECK(posOf(chart, ring.chen).x() < posOf(chart, ring.far2).x());
    CHECK(posOf(chart, ring.liu).x() < posOf(chart, ring.far1).x());
    key(canvas, Qt::Key_T);
    CHECK(posOf(chart, ring.liu) == laidOut);

    // The links of January only: the later ones hidden.
    auto* timeFilter = chart->findChild<QCheckBox*>(QStringLiteral("timeFilter"));
    chart->findChild<QDateEdit*>(QStringLiteral("fromDate"))->setDate(QDate(2026, 1, 1));
    chart->findChild<QDateEdit*>(QStringLiteral("toDate"))->setDate(QDate(2026, 1, 31));
    timeFilter->setChecked(true);
    int shown = 0, all = 0;
    for (const QJsonValue& l : snap(chart).value(QStringLiteral("links")).toArray()) {
        shown += l.toObject().value(QStringLiteral("visible")).toBool();
        ++all;
    }
    CHECK(shown > 0);
    CHECK(shown < all);
    timeFilter->setChecked(false);

    // Dragged across the histogram with the mouse: the filter keeps those days' links, and its dates say which.
    auto* histogram = chart->findChild<QWidget*>(QStringLiteral("histogram"));
    REQUIRE(histogram);
    const qint64 histFirst = histogram->property("firstTime").toLongLong(), histLast = histogram->property("lastTime").toLongLong();
    REQUIRE(histLast > histFirst);
    const auto dayAt = [&](int x) {
        return QDateTime::fromMSecsSinceEpoch(histFirst + qint64(std::llround(double(x) / histogram->width() * double(histLast - histFirst)))).date();
    };
    const int y = histogram->height() / 2, x0 = histogram->width() / 10, x1 = histogram->width() * 4 / 10;
    QTest::mousePress(histogram, Qt::LeftButton, Qt::NoModifier, QPoint(x0, y));
    QTest::mouseMove(histogram, QPoint((x0 + x1) / 2, y));
    QTest::mouseMove(histogram, QPoint(x1, y));
    QTest::mouseRelease(histogram, Qt::LeftButton, Qt::NoModifier, QPoint(x1, y));
    CHECK(timeFilter->isChecked());
    CHECK(chart->findChild<QDateEdit*>(QStringLiteral("fromDate"))->date() == dayAt(x0));
    CHECK(chart->findChild<QDateEdit*>(QStringLiteral("toDate"))->date() == dayAt(x1));
    CHECK(chart->findChild<QLabel*>(QStringLiteral("chartMessage"))->text().contains(QStringLiteral("Only the links dated")));
    int dragged = 0;
    for (const QJsonValue& l : snap(chart).value(QStringLiteral("links")).toArray())
        dragged += l.toObject().value(QStringLiteral("visible")).toBool();
    CHECK(dragged < all);
    // A click on the last bar: its span only, which holds the latest link.
    QTest::mouseClick(histogram, Qt::LeftButton, Qt::NoModifier, QPoint(histogram->width() - 2, y));
    CHECK(chart->findChild<QDateEdit*>(QStringLiteral("toDate"))->date() == QDateTime::fromMSecsSinceEpoch(histLast).date());
    CHECK(chart->findChild<QDateEdit*>(QStringLiteral("fromDate"))->date() > dayAt(x1));
    timeFilter->setChecked(false);

    // N: a note; Ctrl+S: saved with a title; the chart cleared and opened again (Ctrl+O) as it was left.
    canvas->setFocus();
    answer(QStringLiteral("noteDialog"), [](QDialog* d) {
        auto* note = d->findChild<QLineEdit*>(QStringLiteral("note"));
        note->setFocus();
        type(note, QStringLiteral("Who pays Chen?"));
    });
    key(canvas, Qt::Key_N);
    backToWindow(window);
    CHECK(snap(chart).value(QStringLiteral("notes")).toInt() == 1);
    canvas->setFocus();
    answer(QStringLiteral("chartTitleDialog"), [](QDialog* d) {
        auto* title = d->findChild<QLineEdit*>(QStringLiteral("title"));
        title->setFocus();
        type(title, QStringLiteral("Night-market ring"));
    });
    key(canvas, Qt::Key_S, Qt::ControlModifier);
    REQUIRE(waitUntil([&] { return scalar(tp, QStringLiteral("SELECT COUNT(*) FROM ci_charts WHERE title = 'Night-market ring'")) == 1; }));
    backToWindow(window);
    REQUIRE(waitUntil([&] { return snap(chart).value(QStringLiteral("chart")).toDouble() > 0; }));
    const int items = countOf(chart, "items");
    const QPointF savedAt(std::round(posOf(chart, ring.chen).x()), std::round(posOf(chart, ring.chen).y())); // saved to the unit
    // Taken off the chart (Delete), then the saved chart opened again.
    select(chart, ring.chen);
    key(canvas, Qt::Key_Delete);
    CHECK(!has(chart, ring.chen));
    CHECK(scalar(tp, QStringLiteral("SELECT COUNT(*) FROM ci_entities WHERE label = 'Chen Jun'")) == 1); // off the chart, not out of the store
    canvas->setFocus();
    answer(QStringLiteral("chartOpenDialog"), [](QDialog* d) { d->findChild<QListWidget*>(QStringLiteral("charts"))->setFocus(); });
    key(canvas, Qt::Key_O, Qt::ControlModifier);
    REQUIRE(waitUntil([&] { return countOf(chart, "items") == items && has(chart, ring.chen); }));
    backToWindow(window);
    CHECK(posOf(chart, ring.chen) == savedAt);
    CHECK(itemOf(chart, ring.chen).value(QStringLiteral("pinned")).toBool());
    CHECK(snap(chart).value(QStringLiteral("notes")).toInt() == 1);
    CHECK(sizeBy->currentData().toString() == QStringLiteral("betweenness"));

    // Alt+L back to the leads, Alt+C to the chart again: the pages by their mnemonics.
    key(canvas, Qt::Key_L, Qt::AltModifier);
    REQUIRE(waitUntil([&] { return pages->currentIndex() == 0; }));
    key(QApplication::focusWidget(), Qt::Key_C, Qt::AltModifier);
    REQUIRE(waitUntil([&] { return pages->currentIndex() == 1 && canvas->hasFocus(); }));

    // X: the chart as PNG, and as PDF.
    QTemporaryDir out;
    canvas->setFocus();
    INFO("focus on " << (QApplication::focusWidget() ? QApplication::focusWidget()->objectName().toStdString() : std::string("nothing")));
    key(canvas, Qt::Key_X);
    const QString png = out.filePath(QStringLiteral("ring.png"));
    saveAsInDialog(window, QStringLiteral("chartExportDialog"), png);
    REQUIRE(waitUntil([&] { return message->text().startsWith(QStringLiteral("Report saved")); }, 30000));
    CHECK(QImage(png).width() == 2400);
    window.windowHandle()->requestActivate();
    backToWindow(window);
    canvas->setFocus();
    key(canvas, Qt::Key_X);
    const QString pdf = out.filePath(QStringLiteral("ring.pdf"));
    saveAsInDialog(window, QStringLiteral("chartExportDialog"), pdf);
    REQUIRE(waitUntil([&] { return message->text().startsWith(QStringLiteral("Report saved")) && message->text().contains(QStringLiteral("ring.pdf")); },
                      30000));
    QFile file(pdf);
    REQUIRE(file.open(QIODevice::ReadOnly));
    CHECK(file.read(5) == "%PDF-");
    CHECK(file.size() > 5000);
}

TEST_CASE("Link chart: a hub supervisor looks at the chart and changes nothing", "[intelviews]")
{
    TestPlatform tp = startedPlatform();
    tp.start();
    signInAs(tp, QStringLiteral("ivy"), QStringLiteral("criminal_intel_operator"));
    const Ring ring = seed(tp);
    signInAs(tp, QStringLiteral("hugo"), QStringLiteral("hub_supervisor"));
    MainWindow window(*tp);
    QWidget* desk = showDesk(window);
    auto* chart = desk->findChild<QWidget*>(QStringLiteral("linkChart"));
    REQUIRE(chart);
    auto* canvas = chart->findChild<QWidget*>(QStringLiteral("chartCanvas"));
    auto* message = chart->findChild<QLabel*>(QStringLiteral("chartMessage"));
    desk->findChild<QTabWidget*>(QStringLiteral("deskPages"))->setCurrentWidget(chart);
    const QJsonObject state{{QStringLiteral("lead"), double(ring.lead.id)}};
    REQUIRE(QMetaObject::invokeMethod(chart, "restoreViewState", Q_ARG(QJsonObject, state)));
    REQUIRE(waitUntil([&] { return countOf(chart, "items") == 5; }));
    canvas->setFocus();
    select(chart, ring.chen);
    key(canvas, Qt::Key_M);
    select(chart, ring.account);
    answer(QStringLiteral("linkDialog"), [](QDialog* d) {
        auto* ref = d->findChild<QLineEdit*>(QStringLiteral("sourceRef"));
        ref->setFocus();
        type(ref, QStringLiteral("a hunch"));
    });
    key(canvas, Qt::Key_L);
    REQUIRE(waitUntil([&] { return message->text().contains(QStringLiteral("permission")); }));
    backToWindow(window);
    CHECK(scalar(tp, QStringLiteral("SELECT COUNT(*) FROM ci_links")) == 6);
    message->clear();
    canvas->setFocus();
    answer(QStringLiteral("chartTitleDialog"), [](QDialog* d) {
        auto* title = d->findChild<QLineEdit*>(QStringLiteral("title"));
        title->setFocus();
        type(title, QStringLiteral("Mine"));
    });
    key(canvas, Qt::Key_S, Qt::ControlModifier);
    REQUIRE(waitUntil([&] { return message->text().contains(QStringLiteral("permission")); }));
    backToWindow(window);
    CHECK(scalar(tp, QStringLiteral("SELECT COUNT(*) FROM ci_charts")) == 0);
    CHECK(scalar(tp, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE outcome = 'denied' AND actor = 'hugo'")) == 2);
}
