// The PDF report writer any module writes reports with (reportwriter.h): content laid over as many
// pages as it takes, and the file there whole or not at all.
#include "reportwriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace hexhub;

namespace {

QByteArray fileBytes(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Pages in a PDF: its page objects ("/Type /Page", not "/Pages").
int pdfPages(const QByteArray& pdf)
{
    return int(
        QString::fromLatin1(pdf).count(QRegularExpression(QStringLiteral("/Type\\s*/Page(?![s\\w])"))));
}

QImage picture()
{
    QImage image(400, 200, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    p.fillRect(QRect(20, 20, 160, 160), QColor(0x2f, 0x6f, 0xb5));
    p.setPen(QPen(Qt::black, 4));
    p.drawLine(200, 180, 380, 20);
    return image;
}

QList<QStringList> tableRows(int count)
{
    QList<QStringList> rows;
    for (int i = 0; i < count; ++i) {
        rows << QStringList{
            QString::number(i + 1), QStringLiteral("Unit %1").arg(i + 1),
            QStringLiteral("Dispatched to the incident at grid %1, arrived and reported back.").arg(i * 7)};
    }
    return rows;
}

// The files in a folder, hidden ones too: what a write left behind.
QStringList filesIn(const QString& dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::System);
}

} // namespace

TEST_CASE("Report writer: headings, paragraphs, a long table and a picture over several pages",
          "[widgets][report]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("report.pdf"));
    ReportWriter doc;
    doc.setTitle(QStringLiteral("Shift report"));
    doc.setFooter(QStringLiteral("Hexhub shift report - test"));
    REQUIRE(doc.open(path));
    CHECK(doc.isOpen());
    CHECK(doc.errorString().isEmpty());
    CHECK(doc.pages() == 1);
    CHECK(doc.resolution() == ReportWriter::kDefaultDpi);
    CHECK(doc.width() == Approx(ReportWriter::contentWidth()).margin(1));

    doc.band(QStringLiteral("Test - synthetic data"), QColor(0xf2, 0xa9, 0x00), QColor(0x1a, 0x1a, 0x1a));
    doc.gap(8);
    doc.heading(QStringLiteral("Shift report"), 18);
    doc.paragraph(
        QStringLiteral("Everything the shift did, one line a unit, then a picture of the district. ")
            .repeated(6));
    doc.gap(10);
    doc.ensureRoom(doc.resolution());
    doc.heading(QStringLiteral("Units"));
    doc.table({QStringLiteral("#"), QStringLiteral("Unit"), QStringLiteral("What it did")}, tableRows(150),
              {0.1, 0.25, 0.65}, {QColor(0x2e, 0x9d, 0x4f), QColor(), QColor(0xc8, 0x3a, 0x32)});
    const int afterTable = doc.pages();
    CHECK(afterTable >= 3);
    doc.heading(QStringLiteral("District"));
    doc.image(picture());
    doc.paragraph(QStringLiteral("Drawn across the page."), 9, false, QColor(0x55, 0x55, 0x55));
    // The picture goes on the table's last page or, not fitting there, on the next one.
    const int beforeBreak = doc.pages();
    CHECK((beforeBreak == afterTable || beforeBreak == afterTable + 1));
    doc.newPage();
    CHECK(doc.pages() == beforeBreak + 1);
    doc.heading(QStringLiteral("Notes"));
    doc.paragraph(QStringLiteral("None."));
    // Nothing at the path until the report is finished.
    CHECK_FALSE(QFile::exists(path));

    QString error;
    REQUIRE(doc.finish(&error));
    CHECK(error.isEmpty());
    CHECK_FALSE(doc.isOpen());
    CHECK(doc.pages() == beforeBreak + 1);
    const QByteArray pdf = fileBytes(path);
    CHECK(pdf.startsWith("%PDF-"));
    CHECK(pdfPages(pdf) == doc.pages());
    CHECK(pdfPages(pdf) >= 4);
    // Only the report: no temporary file beside it.
    CHECK(filesIn(dir.path()) == QStringList{QStringLiteral("report.pdf")});
}

TEST_CASE("Report writer: a picture with no height keeps its proportions", "[widgets][report]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("tall.pdf"));
    ReportWriter doc(path, QStringLiteral("Pictures"));
    REQUIRE(doc.isOpen());
    // Taller than a page: drawn a page tall and narrower, on a page of its own after the heading's.
    QImage tall(100, 1000, QImage::Format_RGB32);
    tall.fill(Qt::darkGreen);
    doc.heading(QStringLiteral("A tall picture"));
    doc.image(tall);
    CHECK(doc.pages() == 2);
    doc.image(QImage()); // nothing to draw: nothing drawn
    CHECK(doc.pages() == 2);
    REQUIRE(doc.finish());
    CHECK(pdfPages(fileBytes(path)) == 2);
}

TEST_CASE("Report writer: a report that cannot be written says why and leaves nothing behind",
          "[widgets][report]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());

    // A folder that does not exist.
    const QString bad = dir.filePath(QStringLiteral("missing/folder/report.pdf"));
    ReportWriter missing(bad, QStringLiteral("footer"));
    CHECK_FALSE(missing.isOpen());
    CHECK_FALSE(missing.errorString().isEmpty());
    CHECK(missing.errorString().contains(bad));
    missing.heading(QStringLiteral("Never drawn")); // no report open: nothing happens
    QString error;
    CHECK_FALSE(missing.finish(&error));
    CHECK(error == missing.errorString());
    CHECK_FALSE(QFileInfo::exists(bad));
    CHECK_FALSE(QFileInfo::exists(dir.filePath(QStringLiteral("missing"))));

    // A path that is a folder.
    ReportWriter folder;
    CHECK_FALSE(folder.open(dir.path()));
    CHECK_FALSE(folder.errorString().isEmpty());
    CHECK(QFileInfo(dir.path()).isDir());

    // A report at the path already: one dropped part way (an error in the caller, say) leaves it as
    // it was and nothing beside it.
    const QString path = dir.filePath(QStringLiteral("kept.pdf"));
    {
        QFile old(path);
        REQUIRE(old.open(QIODevice::WriteOnly));
        old.write("the report from yesterday");
    }
    {
        ReportWriter dropped(path, QStringLiteral("footer"));
        REQUIRE(dropped.isOpen());
        dropped.heading(QStringLiteral("Half a report"));
        dropped.table({QStringLiteral("#"), QStringLiteral("Unit"), QStringLiteral("What it did")},
                      tableRows(80));
        CHECK(dropped.pages() >= 2);
    }
    CHECK(fileBytes(path) == QByteArray("the report from yesterday"));
    CHECK(filesIn(dir.path()) == QStringList{QStringLiteral("kept.pdf")});

    // The folder gone while the report was written: finish() fails, says why, and leaves no file.
    QDir(dir.path()).mkdir(QStringLiteral("gone"));
    const QString gonePath = dir.filePath(QStringLiteral("gone/report.pdf"));
    ReportWriter gone(gonePath, QStringLiteral("footer"));
    REQUIRE(gone.isOpen());
    gone.paragraph(QStringLiteral("Written into a folder about to go."));
    REQUIRE(QDir(dir.filePath(QStringLiteral("gone"))).removeRecursively());
    error.clear();
    CHECK_FALSE(gone.finish(&error));
    CHECK_FALSE(error.isEmpty());
    CHECK(error.contains(gonePath));
    CHECK_FALSE(gone.isOpen());
    CHECK_FALSE(QFileInfo::exists(gonePath));

    // A finished report replaces what was there, whole.
    ReportWriter again(path, QStringLiteral("footer"));
    again.paragraph(QStringLiteral("Today's report."));
    REQUIRE(again.finish());
    CHECK(fileBytes(path).startsWith("%PDF-"));
    CHECK(filesIn(dir.path()) == QStringList{QStringLiteral("kept.pdf")});
}
