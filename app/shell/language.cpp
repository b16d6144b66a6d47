#include "language.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace hexhub::shell {

Language::Language(QObject* parent)
    : QObject(parent)
{
}

Language::~Language()
{
    removeTranslators();
}

QString Language::translationsFolder()
{
    return QDir(QCoreApplication::applicationDirPath()).absoluteFilePath(QStringLiteral("../share/hexhub/translations"));
}

void Language::removeTranslators()
{
    for (QTranslator** t : {&m_hexhub, &m_qt}) {
        if (*t) {
            QCoreApplication::removeTranslator(*t);
            delete *t;
            *t = nullptr;
        }
    }
}

bool Language::set(const QString& locale)
{
    if (locale == m_current && (m_hexhub || locale != QLatin1String("en")))
        return true;
    const bool english = locale == QLatin1String("en") || locale.isEmpty();
    if (english) {
        // English is the source; its file holds only the plural forms ("1 row", "2 rows").
        removeTranslators();
        m_hexhub = new QTranslator(this);
        if (m_hexhub->load(QStringLiteral("hexhub_en"), translationsFolder()))
            QCoreApplication::installTranslator(m_hexhub);
        m_current = QStringLiteral("en");
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        return true;
    }
    auto* hexhub = new QTranslator(this);
    if (!hexhub->load(QStringLiteral("hexhub_") + locale, translationsFolder())) {
        delete hexhub;
        return false;
    }
    auto* qt = new QTranslator(this);
    if (!qt->load(QStringLiteral("qtbase_") + locale, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        delete qt;
        qt = nullptr;
    }
    removeTranslators();
    m_hexhub = hexhub;
    m_qt = qt;
    QCoreApplication::installTranslator(m_hexhub);
    if (m_qt)
        QCoreApplication::installTranslator(m_qt);
    m_current = locale;
    QLocale::setDefault(QLocale(locale));
    return true;
}

} // namespace hexhub::shell
