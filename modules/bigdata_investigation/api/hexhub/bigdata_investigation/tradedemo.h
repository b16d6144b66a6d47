#pragma once
// The demo's personal-data trade dataset (issue 20 section 4): marketplace listings from a synthetic
// district with a planted ring of accounts offering personal records in bulk, among innocent noise
// that looks like a ring to a naive join: families sharing a phone and a home connection, internet
// cafes used by hundreds, apartment blocks shared by dozens. Every value synthetic (README
// "Synthetic people"): accounts DEMO-ACCT-NNNNNNNN, phones 100-55NN-NNNN, devices DEMO-DEV-NNNNNNNN,
// internet addresses in 198.18.0.0/15 (the benchmarking range) and 2001:db8::/32 (documentation).

#include "hexhub/bigdata_investigation/bigdata_investigation_export.h"
#include "hexhub/bigdata_investigation/records.h"

#include <QList>
#include <QStringList>

#include <functional>

class QIODevice;

namespace hexhub::bigdata {

struct HEXHUB_BIGDATA_INVESTIGATION_EXPORT TradeDemoOptions
{
    quint64 seed = 1;
    qsizetype rows = 290'000;
    int ringSize = 70;
    qint64 endMs = 1'780'000'000'000; //!< the newest listing's time (wall clock, ms since 1970); 180 days back from it
};

struct HEXHUB_BIGDATA_INVESTIGATION_EXPORT TradeDemo
{
    QList<ColumnSpec> columns; //!< time, account, phone, device, ip, address, listing, records, price
    QStringList ringAccounts;  //!< the planted ring, sorted
    QString burstPhone;        //!< a ring phone that suddenly appears in about 40 listings in one day
    qsizetype ringRows = 0;
};

/*!
 * Makes the dataset, handing each row to `row` in the columns' order (times are not sorted). The same
 * options give the same rows.
 */
HEXHUB_BIGDATA_INVESTIGATION_EXPORT TradeDemo makeTradeDemo(const TradeDemoOptions& options,
                                                          const std::function<void(const QStringList& row)>& row);

/*!
 * The same dataset as the CSV an analyst would be given: a header row, then each row, fields quoted
 * RFC 4180 style where they need it. Writes to `out` (open for writing).
 */
HEXHUB_BIGDATA_INVESTIGATION_EXPORT TradeDemo writeTradeCsv(QIODevice& out, const TradeDemoOptions& options);

} // namespace hexhub::bigdata
