// The demo's personal-data trade dataset with its planted ring and its innocent noise (issue 20 section 4).
#include "hexhub/bigdata_investigation/tradedemo.h"

#include "base/csv.h"

#include <QDateTime>
#include <QIODevice>
#include <QTextStream>

#include <random>

namespace hexhub::bigdata {

namespace {

class Rng
{
public:
    explicit Rng(quint64 seed) : m_engine(seed) {}
    quint64 below(quint64 n) { return n == 0 ? 0 : m_engine() % n; }
    bool chance(double p) { return double(m_engine() % 1'000'000) < p * 1'000'000; }

private:
    std::mt19937_64 m_engine;
};

QString account(quint64 n)
{
    return QStringLiteral("DEMO-ACCT-%1").arg(n, 8, 10, QLatin1Char('0'));
}
QString phone(quint64 n)
{
    // 100-55NN-NNNN: 500,000 numbers, none assignable (no mainland number starts 100).
    return QStringLiteral("100-55%1-%2").arg(n / 10000 % 50, 2, 10, QLatin1Char('0')).arg(n % 10000, 4, 10, QLatin1Char('0'));
}
QString device(quint64 n)
{
    return QStringLiteral("DEMO-DEV-%1").arg(n, 8, 10, QLatin1Char('0'));
}
QString ip(quint64 n)
{
    // Cafes and proxies in 198.18.0.0/15, homes in 2001:db8::/32 (both never routed).
    if (n < 100'000)
        return QStringLiteral("198.%1.%2.%3").arg(18 + n / 65536 % 2).arg(n / 256 % 256).arg(n % 256);
    return QStringLiteral("2001:db8::%1:%2").arg(n / 65536, 0, 16).arg(n % 65536, 0, 16);
}
QString stamp(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

const char* const kGoods[] = {"second-hand bicycle", "used phone, good battery", "baby stroller", "sofa, collect only",
                              "concert tickets x2", "math tutoring", "moving boxes", "rice cooker", "winter coat",
                              "textbooks, grade 9", "electric kettle", "garden chairs"};
const char* const kTrade[] = {"ID card numbers with phone list, fresh", "household records, full names and addresses",
                              "personal information package: name + ID + phone", "phone list of car owners, verified",
                              "identity data, bulk discount", "身份证号+手机号 打包出售", "户籍信息 批量"};

} // namespace

TradeDemo makeTradeDemo(const TradeDemoOptions& options, const std::function<void(const QStringList& row)>& sink)
{
    const auto emit = [&sink](const QStringList& row) {
        if (sink)
            sink(row);
    };
    TradeDemo out;
    out.columns = {{QStringLiteral("time"), ColumnType::DateTime, {}, false},
                   {QStringLiteral("account"), ColumnType::Account, {}, false},
                   {QStringLiteral("phone"), ColumnType::Phone, {}, true},
                   {QStringLiteral("device"), ColumnType::Account, {}, false},
                   {QStringLiteral("ip"), ColumnType::Account, {}, false},
                   {QStringLiteral("address"), ColumnType::Text, {}, true},
                   {QStringLiteral("listing"), ColumnType::Text, {}, false},
                   {QStringLiteral("records"), ColumnType::Integer, {}, false},
                   {QStringLiteral("price"), ColumnType::Decimal, {}, false}};
    Rng rng(options.seed);
    const qint64 span = qint64(180) * 86'400'000;
    const qint64 start = options.endMs - span;

    // The ring: members each hold two or three of the ring's phones, devices and proxy addresses,
    // assigned so the whole ring is one connected group and no identifier is shared by more than 12.
    const int ring = std::max(0, options.ringSize);
    struct Member
    {
        QString account;
        QList<QString> phones, devices, ips;
    };
    QList<Member> members;
    const int ringPhones = std::max(1, ring / 8), ringDevices = std::max(1, ring / 6), ringIps = std::max(1, ring / 12);
    for (int k = 0; k < ring; ++k) {
        Member m;
        m.account = account(70'000'000 + quint64(k) * 37 + 11);
        m.devices << device(90'000'000 + quint64(k % ringDevices));
        m.phones << phone(490'000 + quint64((k / 2) % ringPhones));
        if (k % 3 != 0)
            m.ips << ip(60'000 + quint64((k * 7) % ringIps));
        members << m;
        out.ringAccounts << m.account;
    }
    std::sort(out.ringAccounts.begin(), out.ringAccounts.end());
    if (!members.isEmpty())
        out.burstPhone = members.first().phones.first();

    // Ordinary accounts in households: the first of a household gets a phone and a home connection,
    // the others share the connection and, in half the households, the phone.
    const qsizetype ringRowTarget = ring > 0 ? std::max<qsizetype>(qsizetype(ring) * 5 + 40, options.rows / 100) : 0;
    const qsizetype ordinaryRows = std::max<qsizetype>(0, options.rows - ringRowTarget);
    const quint64 accounts = std::max<quint64>(1, quint64(ordinaryRows / 6));
    struct Person
    {
        quint64 phone, device, home, block;
    };
    QList<Person> people(qsizetype(accounts), Person{});
    constexpr quint64 kCafes = 12, kBlocks = 40;
    for (quint64 a = 0; a < accounts;) {
        const quint64 roll = rng.below(100);
        const quint64 size = roll < 60 ? 1 : roll < 85 ? 2 : roll < 95 ? 3 : roll < 99 ? 4 : 5 + rng.below(2);
        const bool sharedPhone = rng.chance(0.5);
        const quint64 block = rng.chance(0.3) ? rng.below(kBlocks) : 1000 + a;
        for (quint64 s = 0; s < size && a + s < accounts; ++s) {
            Person& p = people[qsizetype(a + s)];
            p.phone = sharedPhone ? a : a + s;
            p.device = a + s;
            p.home = a;
            p.block = block;
        }
        a += size;
    }
    const auto address = [](quint64 block) {
        return block < 1000 ? QStringLiteral("DEMO Block %1, Orchard Estate").arg(block + 1)
                            : QStringLiteral("DEMO %1 Quarry Lane, Unit %2").arg(block % 997 + 1).arg(block / 997 % 90 + 1);
    };
    for (qsizetype r = 0; r < ordinaryRows; ++r) {
        const quint64 a = rng.below(accounts);
        const Person& p = people[qsizetype(a)];
        // One in six listings is posted from one of the district's internet cafes.
        const QString where = rng.chance(1.0 / 6) ? ip(50'000 + rng.below(kCafes)) : ip(100'000 + p.home);
        const bool bulk = rng.chance(0.002); // an innocent seller of a mailing list now and then
        emit({stamp(start + qint64(rng.below(quint64(span)))), account(a + 1), phone(p.phone), device(p.device), where,
              address(p.block), QString::fromLatin1(kGoods[rng.below(std::size(kGoods))]),
              bulk ? QString::number(200 + rng.below(800)) : QString(), QString::number(5 + rng.below(500))});
    }
    // The ring's listings: bulk personal records, from its devices, phones and proxies (and cafes
    // now and then); one phone bursts into about 40 listings in one day.
    const qint64 burstDay = start + span - qint64(20) * 86'400'000;
    for (qsizetype r = 0; r < ringRowTarget && !members.isEmpty(); ++r) {
        // Every member lists at least once (after the burst), then at random.
        const qsizetype pick = qsizetype(rng.below(quint64(members.size())));
        const Member& m = members[r >= 40 && r - 40 < members.size() ? r - 40 : pick];
        const bool burst = r < 40;
        const Member& who = burst ? members.first() : m;
        const qint64 when = burst ? burstDay + qint64(rng.below(86'400'000)) : start + qint64(rng.below(quint64(span)));
        const QString where = !who.ips.isEmpty() && !rng.chance(0.15) ? who.ips.first() : ip(50'000 + rng.below(kCafes));
        emit({stamp(when), who.account, who.phones.first(), who.devices.first(), where,
              address(2000 + quint64(who.account.right(4).toInt())), QString::fromUtf8(kTrade[rng.below(std::size(kTrade))]),
              QString::number(1000 + rng.below(20'000)), QString::number(200 + rng.below(3000))});
        ++out.ringRows;
    }
    return out;
}

TradeDemo writeTradeCsv(QIODevice& device, const TradeDemoOptions& options)
{
    QTextStream out(&device);
    QStringList names;
    for (const ColumnSpec& c : makeTradeDemo({.seed = 1, .rows = 0, .ringSize = 0}, nullptr).columns)
        names << c.name;
    out << names.join(QLatin1Char(',')) << '\n';
    return makeTradeDemo(options, [&](const QStringList& row) { out << csv::line(row) << '\n'; });
}

} // namespace hexhub::bigdata
