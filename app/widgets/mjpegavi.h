#pragma once

#include "videowallexport.h"

#include <QByteArray>
#include <QImage>
#include <QList>
#include <QSize>
#include <QString>

namespace hexhub {

/*!
 * Writes a Motion-JPEG AVI: a RIFF 'AVI ' file (AVI 1.0) with one video stream of JPEG pictures at a
 * constant frame rate and the idx1 index players seek by: hdrl (avih, strl with strh 'vids' 'MJPG'
 * and strf, a BITMAPINFOHEADER), movi with one '00dc' chunk per frame, idx1.
 *
 * Chosen over a compressed codec because every player and GStreamer's stock avidemux ! jpegdec read
 * it, each frame stands alone (a damaged frame spoils only itself), and the encoder is Qt's own JPEG
 * writer. The file is built in memory, as clips are short (the wall caps them at tens of megabytes);
 * AVI 1.0 holds 1 GiB at most and the writer refuses to go past kMaxFileBytes. A writer belongs to one
 * thread at a time and touches nothing of the GUI: build it on a worker thread. hexhub-core's
 * mjpegAviInfo() (mediaclip.h) reads and checks what it writes.
 */
class HEXHUB_VIDEO_EXPORT MjpegAviWriter
{
public:
    static constexpr int kDefaultQuality = 80;
    static constexpr qint64 kMaxFileBytes = qint64(1) << 30;
    static constexpr int kMaxFps = 120;

    //! Every frame is `frameSize` pixels (1 to 8192 each way), `fps` (1 to kMaxFps) a second.
    MjpegAviWriter(QSize frameSize, int fps);

    QSize frameSize() const { return m_size; }
    int fps() const { return m_fps; }
    int frameCount() const { return int(m_index.size()); }
    //! frameCount() frames at fps().
    qint64 durationMs() const;
    //! The size of the file file() makes with the frames so far.
    qint64 fileSize() const;
    //! What fileSize() would be with one more frame of `jpegBytes` bytes.
    qint64 fileSizeWith(qint64 jpegBytes) const;

    /*!
     * Encodes `image` as JPEG at `quality` (0 to 100) and adds it; an image of another size is
     * scaled to frameSize() first. False with the reason in `error` when the image is null or the
     * file would grow past kMaxFileBytes.
     */
    bool addFrame(const QImage& image, int quality = kDefaultQuality, QString* error = nullptr);
    //! Adds a JPEG picture as it is; it must be frameSize() big (as its frame header says, see
    //! jpegImageSize() in mediaclip.h).
    bool addJpeg(const QByteArray& jpeg, QString* error = nullptr);
    //! Adds the last frame `count` more times: a source with nothing new still fills the time.
    bool repeatLastFrame(int count = 1, QString* error = nullptr);

    //! The AVI file with the frames added so far (adding may go on after).
    QByteArray file() const;

    //! `image` as a baseline JPEG at `quality`; empty when it cannot be encoded.
    static QByteArray encodeJpeg(const QImage& image, int quality = kDefaultQuality);

private:
    bool append(const QByteArray& jpeg, QString* error);

    QSize m_size;
    int m_fps;
    QByteArray m_movi; //!< the '00dc' chunks, each padded to an even length
    QByteArray m_last; //!< the last frame's JPEG, for repeatLastFrame()
    struct Entry
    {
        quint32 offset; //!< of the chunk's header, from the 'movi' list type
        quint32 length; //!< of the JPEG, without the pad byte
    };
    QList<Entry> m_index;
    quint32 m_largest = 0;
};

} // namespace hexhub
