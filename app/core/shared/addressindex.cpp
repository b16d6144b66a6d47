#include "addressindex.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRectF>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace hexhub {

namespace {

constexpr double kHouseSpacingM = 20;   // one odd and one even number every 20 m
constexpr double kJunctionSlackM = 25;  // a street that stops this close to another meets it

GeoPoint pointOf(const QJsonValue& coordinates)
{
    const QJsonArray a = coordinates.toArray();
    if (a.size() < 2 || !a.at(0).isDouble() || !a.at(1).isDouble())
        return GeoPoint{qQNaN(), qQNaN()};
    return GeoPoint{a.at(1).toDouble(), a.at(0).toDouble()};
}

bool usable(const GeoPoint& p)
{
    return std::isfinite(p.latitude) && std::isfinite(p.longitude) && p.isValid();
}

// Local flat coordinates in metres around `origin`: enough for where two streets of a district meet.
QPointF flat(const GeoPoint& p, const GeoPoint& origin)
{
    constexpr double kMetresPerDegree = 111320.0;
    return {(p.longitude - origin.longitude) * kMetresPerDegree * std::cos(qDegreesToRadians(origin.latitude)),
            (p.latitude - origin.latitude) * kMetresPerDegree};
}

GeoPoint unflat(const QPointF& m, const GeoPoint& origin)
{
    constexpr double kMetresPerDegree = 111320.0;
    return {origin.latitude + m.y() / kMetresPerDegree,
            origin.longitude + m.x() / (kMetresPerDegree * std::cos(qDegreesToRadians(origin.latitude)))};
}

double cross(const QPointF& a, const QPointF& b)
{
    return a.x() * b.y() - a.y() * b.x();
}

// Where segments p1-p2 and q1-q2 cross, if they do.
std::optional<QPointF> segmentsCross(QPointF p1, QPointF p2, QPointF q1, QPointF q2)
{
    const QPointF r = p2 - p1, s = q2 - q1;
    const double d = cross(r, s);
    if (std::abs(d) < 1e-9)
        return std::nullopt;
    const double t = cross(q1 - p1, s) / d, u = cross(q1 - p1, r) / d;
    if (t < 0 || t > 1 || u < 0 || u > 1)
        return std::nullopt;
    return p1 + t * r;
}

// The point of segment a-b nearest to p, and its distance.
std::pair<QPointF, double> nearestOnSegment(QPointF p, QPointF a, QPointF b)
{
    const QPointF ab = b - a;
    const double len2 = QPointF::dotProduct(ab, ab);
    const double t = len2 > 0 ? std::clamp(QPointF::dotProduct(p - a, ab) / len2, 0.0, 1.0) : 0.0;
    const QPointF q = a + t * ab;
    const QPointF d = p - q;
    return {q, std::hypot(d.x(), d.y())};
}

const QRegularExpression& coordinatesPattern()
{
    static const QRegularExpression re(QStringLiteral(R"(^\s*(-?\d{1,3}(?:\.\d+)?)\s*(?:[,，;\s])\s*(-?\d{1,3}(?:\.\d+)?)\s*$)"));
    return re;
}

// A whole name as a key: every word finished, so abbreviations are written out.
QString keyOf(const QString& name)
{
    return AddressIndex::normalised(name + QLatin1Char(' '));
}

bool isStreetKind(const QJsonObject& properties)
{
    const QString kind = properties.value(QStringLiteral("kind")).toString();
    if (!kind.isEmpty())
        return kind == QLatin1String("street") || kind == QLatin1String("road");
    // OpenStreetMap: a way with a highway tag is a street.
    return !properties.contains(QStringLiteral("waterway")) && !properties.contains(QStringLiteral("railway"));
}

} // namespace

QString AddressIndex::normalised(const QString& text)
{
    static const QHash<QString, QString> abbreviations = {
        {QStringLiteral("rd"), QStringLiteral("road")},     {QStringLiteral("st"), QStringLiteral("street")},
        {QStringLiteral("ave"), QStringLiteral("avenue")},  {QStringLiteral("av"), QStringLiteral("avenue")},
        {QStringLiteral("ln"), QStringLiteral("lane")},     {QStringLiteral("sq"), QStringLiteral("square")},
        {QStringLiteral("blvd"), QStringLiteral("boulevard")},
    };
    QString folded = text.toCaseFolded();
    for (QChar& c : folded) {
        if (!c.isLetterOrNumber() && c != QLatin1Char('/') && c != QLatin1Char('&') && c != QLatin1Char('@'))
            c = QLatin1Char(' ');
    }
    QStringList words = folded.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    // A word is written out only once it is finished (another word or a space after it): "St" being
    // typed may still become "Station".
    const bool lastDone = !folded.isEmpty() && folded.back() == QLatin1Char(' ');
    for (qsizetype i = 0; i < words.size(); ++i) {
        if (i == words.size() - 1 && !lastDone)
            break;
        if (const auto it = abbreviations.constFind(words[i]); it != abbreviations.cend())
            words[i] = *it;
    }
    return words.join(QLatin1Char(' '));
}

double AddressIndex::metresAlong(int number)
{
    return std::max(0, (number - 1) / 2) * kHouseSpacingM;
}

int AddressIndex::numberAt(double metres)
{
    return 2 * int(std::max(0.0, metres) / kHouseSpacingM) + 1;
}

GeoPoint AddressIndex::alongStreet(int street, double metres) const
{
    const Street& s = m_streets.at(street);
    double left = std::max(0.0, metres);
    for (int i = 1; i < s.points.size(); ++i) {
        const double leg = s.points[i - 1].distanceTo(s.points[i]);
        if (left <= leg && leg > 0) {
            const double t = left / leg;
            return {s.points[i - 1].latitude + t * (s.points[i].latitude - s.points[i - 1].latitude),
                    s.points[i - 1].longitude + t * (s.points[i].longitude - s.points[i - 1].longitude)};
        }
        left -= leg;
    }
    return s.points.last();
}

std::optional<AddressIndex> AddressIndex::fromGeoJson(const QByteArray& json, QString* error)
{
    auto fail = [error](const QString& why) -> std::optional<AddressIndex> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (doc.isNull())
        return fail(QStringLiteral("not JSON: %1 at byte %2").arg(parseError.errorString()).arg(parseError.offset));
    const QJsonArray features = doc.object().value(QStringLiteral("features")).toArray();
    if (!doc.isObject() || doc.object().value(QStringLiteral("type")).toString() != QLatin1String("FeatureCollection"))
        return fail(QStringLiteral("not a GeoJSON FeatureCollection"));

    AddressIndex index;
    struct PendingAddress
    {
        QString number, street;
        GeoPoint point;
    };
    QList<PendingAddress> addresses;
    for (const QJsonValue& value : features) {
        const QJsonObject feature = value.toObject();
        const QJsonObject properties = feature.value(QStringLiteral("properties")).toObject();
        const QJsonObject geometry = feature.value(QStringLiteral("geometry")).toObject();
        const QString type = geometry.value(QStringLiteral("type")).toString();
        const QString name = properties.value(QStringLiteral("name")).toString().trimmed();
        if (type == QLatin1String("LineString") || type == QLatin1String("MultiLineString")) {
            if (name.isEmpty() || !isStreetKind(properties))
                continue;
            QList<QJsonArray> lines;
            if (type == QLatin1String("LineString"))
                lines << geometry.value(QStringLiteral("coordinates")).toArray();
            else
                for (const QJsonValue& line : geometry.value(QStringLiteral("coordinates")).toArray())
                    lines << line.toArray();
            for (const QJsonArray& line : std::as_const(lines)) {
                Street street{name, {}, 0};
                for (const QJsonValue& c : line) {
                    const GeoPoint p = pointOf(c);
                    if (!usable(p))
                        continue;
                    if (!street.points.isEmpty())
                        street.lengthM += street.points.last().distanceTo(p);
                    street.points << p;
                }
                if (street.points.size() >= 2)
                    index.m_streets << street;
            }
        } else if (type == QLatin1String("Point")) {
            const GeoPoint p = pointOf(geometry.value(QStringLiteral("coordinates")));
            if (!usable(p))
                continue;
            auto text = [&properties](const char* a, const char* b) {
                QString v = properties.value(QLatin1String(a)).toVariant().toString().trimmed();
                return v.isEmpty() ? properties.value(QLatin1String(b)).toVariant().toString().trimmed() : v;
            };
            const QString number = text("addr:housenumber", "housenumber");
            const QString street = text("addr:street", "street");
            if (!number.isEmpty() && !street.isEmpty())
                addresses << PendingAddress{number, street, p};
            else if (!name.isEmpty())
                index.m_places << Place{PlaceMatch::Kind::Landmark, name, p};
        }
    }
    if (index.m_streets.isEmpty() && index.m_places.isEmpty() && addresses.isEmpty())
        return fail(QStringLiteral("the GeoJSON has no named street, landmark or address point"));

    for (int i = 0; i < index.m_places.size(); ++i) {
        const QString key = keyOf(index.m_places[i].text);
        if (!index.m_placeByKey.contains(key)) {
            index.m_placeByKey.insert(key, i);
            index.addKeys(key, i, true);
        }
    }
    // A street in several pieces (OpenStreetMap's ways) is one name: its keys, its crossings and its
    // house numbers are the name's, over all its pieces.
    QHash<QString, int> nameIndex;
    for (int i = 0; i < index.m_streets.size(); ++i) {
        const QString key = keyOf(index.m_streets[i].name);
        auto it = nameIndex.constFind(key);
        if (it == nameIndex.cend()) {
            it = nameIndex.insert(key, int(index.m_names.size()));
            index.m_names << index.m_streets[i].name;
            index.m_piecesOf.append(QList<int>());
            index.addKeys(key, -1 - *it, true);
        }
        index.m_nameOf << *it;
        index.m_piecesOf[*it] << i;
    }
    index.m_crossingsOf.resize(index.m_names.size());
    for (const PendingAddress& a : std::as_const(addresses)) {
        const QString text = QStringLiteral("%1 %2").arg(a.number, a.street);
        const QString point = a.number.toCaseFolded() + QLatin1Char('|') + keyOf(a.street);
        if (!index.m_addressPoints.contains(point)) // the first one wins, as for the text below
            index.m_addressPoints.insert(point, a.point);
        const QString key = keyOf(text);
        if (!index.m_placeByKey.contains(key)) {
            index.m_placeByKey.insert(key, int(index.m_places.size()));
            index.m_places << Place{PlaceMatch::Kind::Address, text, a.point};
            index.addKeys(key, int(index.m_places.size()) - 1, false);
        }
    }
    index.computeCrossings();
    index.finish();
    return index;
}

void AddressIndex::addKeys(const QString& key, int place, bool words)
{
    m_keys.push_back({key, place, false});
    if (!words)
        return;
    for (qsizetype i = key.indexOf(QLatin1Char(' ')); i >= 0; i = key.indexOf(QLatin1Char(' '), i + 1))
        m_keys.push_back({key.mid(i + 1), place, true});
}

void AddressIndex::addKnownPlace(const QString& address, const GeoPoint& point)
{
    const QString text = address.trimmed();
    const QString key = keyOf(text);
    if (key.isEmpty() || !usable(point) || m_placeByKey.contains(key))
        return;
    m_placeByKey.insert(key, int(m_places.size()));
    m_places << Place{PlaceMatch::Kind::Known, text, point};
    m_keys.push_back({key, int(m_places.size()) - 1, false});
}

void AddressIndex::finish()
{
    std::sort(m_keys.begin(), m_keys.end(), [](const Key& a, const Key& b) {
        return a.text < b.text;
    });
}

void AddressIndex::computeCrossings()
{
    if (m_streets.isEmpty())
        return;
    const GeoPoint origin = m_streets.first().points.first();
    QList<QList<QPointF>> lines;
    QList<QRectF> boxes;
    for (const Street& s : std::as_const(m_streets)) {
        QList<QPointF> line;
        for (const GeoPoint& p : s.points)
            line << flat(p, origin);
        QRectF box;
        for (const QPointF& p : std::as_const(line))
            box = box.united(QRectF(p, QSizeF(0.001, 0.001)));
        boxes << box.adjusted(-kJunctionSlackM, -kJunctionSlackM, kJunctionSlackM, kJunctionSlackM);
        lines << line;
    }
    // Streets sorted by their west edge: only those overlapping in x are compared.
    QList<int> order(m_streets.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&boxes](int a, int b) { return boxes[a].left() < boxes[b].left(); });
    for (int oi = 0; oi < order.size(); ++oi) {
        const int a = order[oi];
        for (int oj = oi + 1; oj < order.size() && boxes[order[oj]].left() <= boxes[a].right(); ++oj) {
            const int b = order[oj];
            if (!boxes[a].intersects(boxes[b]) || m_nameOf[a] == m_nameOf[b])
                continue;
            std::optional<QPointF> meet;
            for (int i = 1; i < lines[a].size() && !meet; ++i)
                for (int j = 1; j < lines[b].size() && !meet; ++j)
                    meet = segmentsCross(lines[a][i - 1], lines[a][i], lines[b][j - 1], lines[b][j]);
            // A street that ends at another (a T junction) meets it without crossing.
            for (const auto& [from, to] : {std::pair{a, b}, std::pair{b, a}}) {
                for (const QPointF& end : {lines[from].first(), lines[from].last()}) {
                    for (int j = 1; j < lines[to].size() && !meet; ++j) {
                        const auto [q, d] = nearestOnSegment(end, lines[to][j - 1], lines[to][j]);
                        if (d <= kJunctionSlackM)
                            meet = q;
                    }
                }
            }
            if (meet) {
                const int na = m_nameOf[a], nb = m_nameOf[b];
                const GeoPoint at = unflat(*meet, origin);
                auto known = [](const QList<QPair<int, GeoPoint>>& list, int other) {
                    return std::any_of(list.begin(), list.end(), [other](const auto& c) { return c.first == other; });
                };
                if (!known(m_crossingsOf[na], nb)) { // two streets that meet twice: the first place found
                    m_crossingsOf[na].append({nb, at});
                    m_crossingsOf[nb].append({na, at});
                }
            }
        }
    }
}

QList<int> AddressIndex::streetsStarting(const QString& prefix, int limit) const
{
    QList<int> whole, words;
    auto it = std::lower_bound(m_keys.begin(), m_keys.end(), prefix, [](const Key& k, const QString& p) { return k.text < p; });
    for (int scanned = 0; it != m_keys.end() && it->text.startsWith(prefix) && scanned < 4000; ++it, ++scanned) {
        if (it->place >= 0)
            continue;
        const int name = -1 - it->place;
        QList<int>& into = it->wordStart ? words : whole;
        if (!whole.contains(name) && !words.contains(name))
            into << name;
    }
    whole << words;
    if (whole.size() > limit)
        whole.resize(limit);
    return whole;
}

QList<PlaceMatch> AddressIndex::crossings(const QString& a, const QString& b, int limit) const
{
    QList<PlaceMatch> found;
    const QList<int> second = b.isEmpty() ? QList<int>() : streetsStarting(b, 50);
    for (int name : streetsStarting(a, 50)) {
        for (const auto& [other, at] : m_crossingsOf[name]) {
            if (!b.isEmpty() && !second.contains(other))
                continue;
            found << PlaceMatch{PlaceMatch::Kind::Crossing, QStringLiteral("%1 / %2").arg(m_names[name], m_names[other]), at, false};
        }
    }
    std::sort(found.begin(), found.end(), [](const PlaceMatch& l, const PlaceMatch& r) { return l.text < r.text; });
    found.erase(std::unique(found.begin(), found.end(), [](const PlaceMatch& l, const PlaceMatch& r) { return l.text == r.text; }),
                found.end());
    if (found.size() > limit)
        found.resize(limit);
    return found;
}

QList<PlaceMatch> AddressIndex::numbered(int number, const QString& suffix, const QString& street, int limit) const
{
    QList<PlaceMatch> found;
    for (int name : streetsStarting(street, limit)) {
        const QString text = QStringLiteral("%1%2 %3").arg(number).arg(suffix.toUpper(), m_names[name]);
        const QString key = keyOf(m_names[name]);
        const auto mapped = m_addressPoints.constFind(QString::number(number) + suffix + QLatin1Char('|') + key);
        const auto plain = mapped != m_addressPoints.cend() ? mapped : m_addressPoints.constFind(QString::number(number) + QLatin1Char('|') + key);
        if (plain != m_addressPoints.cend()) {
            found << PlaceMatch{PlaceMatch::Kind::Address, text, *plain, false};
            continue;
        }
        // Along the street, its pieces taken in the file's order.
        double metres = metresAlong(number);
        for (int piece : m_piecesOf[name]) {
            if (metres <= m_streets[piece].lengthM) {
                found << PlaceMatch{PlaceMatch::Kind::Address, text, alongStreet(piece, metres), true};
                break;
            }
            metres -= m_streets[piece].lengthM;
        }
    }
    return found;
}

QList<PlaceMatch> AddressIndex::resolve(const QString& typed, int limit) const
{
    QList<PlaceMatch> found;
    if (typed.trimmed().isEmpty() || limit <= 0)
        return found;
    if (const auto m = coordinatesPattern().match(typed); m.hasMatch()) {
        const GeoPoint p{m.captured(1).toDouble(), m.captured(2).toDouble()};
        if (p.isValid())
            return {PlaceMatch{PlaceMatch::Kind::Coordinates, QStringLiteral("%1, %2").arg(p.latitude, 0, 'f', 6).arg(p.longitude, 0, 'f', 6), p, false}};
    }
    const QString q = normalised(typed);
    if (q.isEmpty())
        return found;
    QSet<QString> texts;
    auto add = [&](const PlaceMatch& m) {
        if (found.size() < limit && !texts.contains(m.text)) {
            texts.insert(m.text);
            found << m;
        }
    };

    // A crossing: two streets with "/", "&", "@" or " and " between.
    static const QRegularExpression crossing(QStringLiteral(R"(^(.*?)\s*(?:/|&|@|\band\b|与|和)\s*(.*)$)"));
    if (const auto m = crossing.match(q); m.hasMatch() && !m.captured(1).trimmed().isEmpty()) {
        for (const PlaceMatch& c : crossings(m.captured(1).trimmed(), m.captured(2).trimmed(), limit))
            add(c);
        if (!found.isEmpty())
            return found;
    }

    // Names starting with what was typed: whole names before later words, landmarks before streets
    // before earlier incidents' addresses, then the shorter.
    struct Hit
    {
        int rank;
        PlaceMatch match;
    };
    std::vector<Hit> hits;
    QSet<int> seenPlaces;
    auto it = std::lower_bound(m_keys.begin(), m_keys.end(), q, [](const Key& k, const QString& p) { return k.text < p; });
    for (int scanned = 0; it != m_keys.end() && it->text.startsWith(q) && scanned < 400; ++it, ++scanned) {
        if (seenPlaces.contains(it->place))
            continue;
        seenPlaces.insert(it->place);
        PlaceMatch m;
        int kindRank = 0;
        if (it->place >= 0) {
            const Place& p = m_places[it->place];
            m = PlaceMatch{p.kind, p.text, p.point, false};
            kindRank = p.kind == PlaceMatch::Kind::Landmark ? 0 : p.kind == PlaceMatch::Kind::Address ? 1 : 3;
        } else {
            // A street as a whole: the middle of its longest piece.
            const int name = -1 - it->place;
            int longest = m_piecesOf[name].first();
            for (int piece : m_piecesOf[name])
                if (m_streets[piece].lengthM > m_streets[longest].lengthM)
                    longest = piece;
            m = PlaceMatch{PlaceMatch::Kind::Street, m_names[name], alongStreet(longest, m_streets[longest].lengthM / 2), false};
            kindRank = 2;
        }
        hits.push_back({(it->wordStart ? 10 : 0) + kindRank + (it->text == q ? -20 : 0), m});
    }
    std::stable_sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
        if (a.rank != b.rank)
            return a.rank < b.rank;
        if (a.match.text.size() != b.match.text.size())
            return a.match.text.size() < b.match.text.size();
        return a.match.text < b.match.text;
    });

    // What was typed exactly, as a name or an earlier incident's address, comes first: "Ashbrook Road 2"
    // is that street, not number 2 on Ashbrook Road.
    if (const auto exact = m_placeByKey.constFind(q); exact != m_placeByKey.cend()) {
        const Place& p = m_places[*exact];
        add(PlaceMatch{p.kind, p.text, p.point, false});
    }
    for (const Hit& h : hits)
        if (h.rank < -10)
            add(h.match);

    // A house number (with a letter, "141B") and a street, the number first ("141 Orchard Road",
    // "12 5th Avenue") or last ("Orchard Road 141", "果园路141号").
    static const QRegularExpression numberFirst(QStringLiteral(R"(^(\d{1,5})([a-z]?)\s+(\S.*)$)"));
    static const QRegularExpression numberLast(QStringLiteral(R"(^(\D.*?)\s*(?:no\s+)?(\d{1,5})([a-z]?)\s*号?$)"));
    if (QRegularExpressionMatch n = numberFirst.match(q); n.hasMatch()) {
        for (const PlaceMatch& a : numbered(n.captured(1).toInt(), n.captured(2), n.captured(3).trimmed(), limit))
            add(a);
    } else if (n = numberLast.match(q); n.hasMatch()) {
        for (const PlaceMatch& a : numbered(n.captured(2).toInt(), n.captured(3), n.captured(1).trimmed(), limit))
            add(a);
    }
    for (const Hit& h : hits)
        add(h.match);
    return found;
}

} // namespace hexhub
