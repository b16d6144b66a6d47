// hexhub_alertsound: the alert sound for priority notifications, in a library of its own that the
// shell loads the first time it needs it. Qt Multimedia (and PulseAudio, the codecs and QtNetwork
// behind it) then costs nothing at a desk's start, and nothing at all on a desk without audio.
#include <QAudioDevice>
#include <QMediaDevices>
#include <QSoundEffect>
#include <QUrl>

//! A QSoundEffect playing the WAV file `wavPath`, owned by `parent`; null when no audio output exists.
extern "C" Q_DECL_EXPORT QObject* hexhub_create_alert_sound(const char* wavPath, QObject* parent)
{
    if (QMediaDevices::audioOutputs().isEmpty())
        return nullptr;
    auto* sound = new QSoundEffect(parent);
    sound->setSource(QUrl::fromLocalFile(QString::fromUtf8(wavPath)));
    sound->setVolume(0.8f);
    return sound;
}
