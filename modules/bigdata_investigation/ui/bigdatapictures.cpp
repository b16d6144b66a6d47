// The centre's pictures for `hexhub --screenshots` (bigdatapictures.h).
#include "bigdatapictures.h"

#include "hexhub/bigdata_investigation/datasets.h"
#include "hexhub/bigdata_investigation/modelservice.h"
#include "hexhub/bigdata_investigation/tradedemo.h"

#include "base/clock.h"
#include "base/coretr.h"
#include "base/waitforfuture.h"
#include "store/store.h"

#include <QFile>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTextStream>

namespace hexhub::bigdata {

ModulePictures bigDataPictures()
{
    ModulePictures pictures;
    pictures.prepare = [](Store& store, Session& session, AuditLog& audit) {
        DatasetService datasets(store, session, audit);
        ModelService models(store, session, audit, datasets);
        // Once: the second language finds what the first put in.
        if (resultOf(datasets.datasets()).isEmpty()) {
            QTemporaryDir dir;
            const QString path = dir.filePath(QStringLiteral("marketplace-export.csv"));
            QFile file(path);
            if (!file.open(QIODevice::WriteOnly))
                throw std::runtime_error("cannot write the pictures' trade data");
            const TradeDemo demo = writeTradeCsv(file, {.seed = 3, .rows = 4000, .ringSize = 70});
            file.close();
            const Dataset d = resultOf(datasets.importFile(path, {}, demo.columns,
                                                           {Tr::tr("Marketplace listings, seized server export"), QStringLiteral("Seizure W-2026-0147"),
                                                            Tr::tr("Criminal Procedure Law art. 141: electronic data seized under warrant"),
                                                            store.clock().nowMs() + qint64(730) * 24 * 3600 * 1000}));
            QList<ModelProblem> problems;
            const auto rings = findModel(QStringLiteral("shared-identifier-rings"), &problems);
            if (!rings)
                throw std::runtime_error("the ring model is missing");
            resultOf(models.run(*rings, {}, d.id));
        }
        const QList<StoredHit> queue = resultOf(models.queue({HitStatus::New, HitStatus::MoreData, HitStatus::Confirmed}, 5));
        ModulePicture picture;
        picture.name = QStringLiteral("bigdata-ring");
        picture.panels = {QStringLiteral("bigdata_investigation.wall")};
        picture.viewStates.insert(QStringLiteral("bigdata_investigation.wall"),
                                  QJsonObject{{QStringLiteral("hit"), queue.isEmpty() ? 0.0 : double(queue.first().id)}});
        picture.settleMs = 800;
        return QList<ModulePicture>{picture};
    };
    return pictures;
}

} // namespace hexhub::bigdata
