#pragma once

#include <QObject>
#include <QString>

class QTranslator;

namespace hexhub::shell {

/*!
 * The application's language, switchable at run time: installs Hexhub's and Qt's translations for a
 * locale ("zh_CN"; "en" for the English source strings) and lets Qt send LanguageChange to every
 * widget, which retranslates itself. Translations are looked for in share/hexhub/translations
 * beside the installed or built program.
 */
class Language final : public QObject
{
    Q_OBJECT
public:
    explicit Language(QObject* parent = nullptr);
    ~Language() override;

    //! False (and the language unchanged) when there is no translation for `locale`.
    bool set(const QString& locale);
    QString current() const { return m_current; }
    static QString translationsFolder();

private:
    void removeTranslators();

    QString m_current = QStringLiteral("en");
    QTranslator* m_hexhub = nullptr;
    QTranslator* m_qt = nullptr;
};

} // namespace hexhub::shell
