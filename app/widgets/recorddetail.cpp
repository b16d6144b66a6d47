// A record's detail in every module: masked personal data revealed with a reason, and the timeline.
#include "recorddetail.h"
#include "viewsupport.h"

#include "widgetstr.h"

#include "base/whenfinished.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>

namespace hexhub {

using widgets::Tr;

MaskedField::MaskedField(const QString& caption, const QString& what, QWidget* parent)
    : QWidget(parent)
    , m_caption(caption)
    , m_what(what)
{
    m_value = new QLabel(this);
    m_value->setObjectName(QStringLiteral("value"));
    m_value->setWordWrap(true);
    m_reveal = new QPushButton(Tr::tr("Re&veal..."), this);
    m_reveal->setObjectName(QStringLiteral("reveal"));
    m_reveal->setToolTip(Tr::tr("Shows %1; asks for a reason, which goes on record").arg(what));
    m_reveal->setEnabled(false);
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_value, 1);
    row->addWidget(m_reveal);
    connect(m_reveal, &QPushButton::clicked, this, &MaskedField::reveal);
}

void MaskedField::setValue(qint64 recordKey, const QString& masked, Reveal reveal)
{
    if (recordKey != m_record) {
        m_revealedFor = 0; // a clear value never carries over to another record
        ++m_asked;         // and an answer still on its way for the last one is dropped
    }
    m_record = recordKey;
    m_revealer = std::move(reveal);
    m_reveal->setEnabled(!masked.isEmpty() && bool(m_revealer));
    if (!isRevealed())
        m_value->setText(masked.isEmpty() ? m_empty : m_caption.arg(masked));
}

void MaskedField::clear()
{
    m_record = 0;
    m_revealedFor = 0;
    ++m_asked;
    m_revealer = {};
    m_value->clear();
    m_reveal->setEnabled(false);
}

void MaskedField::reveal()
{
    if (!m_revealer || m_record == 0)
        return;
    // The reason dialog every reveal asks with ("reasonDialog"): OK only once it says something.
    if (const auto reason = askReason(this, Tr::tr("Reveal %1").arg(m_what), Tr::tr("Why do you need it? The reason goes on record with your name.")))
        revealBecause(*reason);
}

void MaskedField::revealBecause(const QString& reason)
{
    if (!m_revealer || m_record == 0)
        return;
    const qint64 record = m_record;
    const quint64 asked = ++m_asked;
    whenFinished(this, m_revealer(reason), [this, record, asked](QFuture<QString> done) {
        if (asked != m_asked || record != m_record)
            return; // another record is shown now
        try {
            const QString clear = done.result();
            m_revealedFor = record;
            m_value->setText(Tr::tr("%1 (revealed, on record)").arg(m_caption.arg(clear)));
        } catch (const std::exception& e) {
            Q_EMIT failed(QString::fromUtf8(e.what()));
        }
    });
}

JournalTimeline::JournalTimeline(QWidget* parent)
    : QListWidget(parent)
{
    setObjectName(QStringLiteral("timeline"));
    setWordWrap(true);
}

void JournalTimeline::setEntries(const QList<Entry>& entries)
{
    clear();
    for (const Entry& e : entries) {
        const QString when = QLocale().toString(e.at.toLocalTime().time(), QLocale::ShortFormat);
        auto* item = new QListWidgetItem(Tr::tr("%1  %2  %3", "timeline line: time, who, what").arg(when, e.actor, e.text), this);
        if (!e.tooltip.isEmpty())
            item->setToolTip(e.tooltip);
    }
    scrollToBottom();
}

void JournalTimeline::setProblem(const QString& message)
{
    clear();
    auto* item = new QListWidgetItem(message, this);
    item->setFlags(Qt::NoItemFlags);
}

} // namespace hexhub
