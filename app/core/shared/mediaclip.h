#pragma once

#include "base/hexhubcore_export.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QSize>
#include <QString>

#include <optional>

namespace hexhub {

//! What mjpegAviInfo() found in a Motion-JPEG AVI clip.
struct HEXHUB_CORE_EXPORT ClipInfo
{
    //! Where one frame's JPEG bytes are in the file.
    struct Span
    {
        qsizetype offset = 0;
        qsizetype length = 0;
    };

    QSize size;            //!< pixels, as the headers and every frame say
    int frames = 0;
    double fps = 0;        //!< the stream's rate / scale
    qint64 durationMs = 0; //!< frames at fps, rounded
    QList<Span> frameSpans; //!< in play order

    //! Frame `i`'s JPEG bytes, copied out of `file` (the bytes the info was read from).
    QByteArray frame(const QByteArray& file, int i) const;
};

/*!
 * Checks that `bytes` are one Motion-JPEG AVI clip (AVI 1.0, as the video wall records them) and
 * returns what it holds: the RIFF 'AVI ' form with every chunk inside its parent and nothing after
 * its end; the main header (avih) and exactly one stream (strl), a video stream ('vids') whose
 * format (strf, a BITMAPINFOHEADER) is MJPG at the same size as the main header's; the frames
 * ('00dc' or '00db' chunks in movi) as many as the main header, the stream header and the idx1
 * index say, the index pointing at each of them in order; each frame a JPEG picture (starting with
 * its SOI marker) of the stream's size. Nothing, with the reason in the user's language in `error`,
 * for anything else.
 */
HEXHUB_CORE_EXPORT std::optional<ClipInfo> mjpegAviInfo(const QByteArray& bytes, QString* error = nullptr);

/*!
 * The size in pixels a JPEG picture's frame header gives (the picture starts with its SOI marker and
 * the header comes before the scan); invalid when `jpeg` is not such a picture. The clip writer and
 * mjpegAviInfo() both read frames' sizes with it.
 */
HEXHUB_CORE_EXPORT QSize jpegImageSize(QByteArrayView jpeg);

/*!
 * Checks that `bytes` are one well-formed PNG image (signature, header, chunk lengths and checksums,
 * image data, end chunk) and returns its size in pixels; nullopt with `error` set when they are not.
 */
HEXHUB_CORE_EXPORT std::optional<QSize> pngImageSize(const QByteArray& bytes, QString* error = nullptr);

} // namespace hexhub
