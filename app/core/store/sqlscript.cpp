#include "store/sqlscript.h"

#include <QRegularExpression>

namespace hexhub {

namespace {
bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

bool startsTrigger(const QString& statementSoFar)
{
    static const QRegularExpression re(
        QStringLiteral("^\\s*CREATE\\s+(TEMP\\s+|TEMPORARY\\s+)?TRIGGER\\b"),
        QRegularExpression::CaseInsensitiveOption);
    return re.match(statementSoFar).hasMatch();
}
} // namespace

QStringList splitSqlStatements(const QString& script)
{
    QStringList statements;
    QString current;
    int blockDepth = 0; // BEGIN/CASE ... END nesting inside a trigger body
    const int n = int(script.size());
    int i = 0;

    auto flush = [&] {
        const QString statement = current.trimmed();
        if (!statement.isEmpty())
            statements << statement;
        current.clear();
        blockDepth = 0;
    };

    while (i < n) {
        const QChar c = script.at(i);
        const QChar next = i + 1 < n ? script.at(i + 1) : QChar();
        if (c == QLatin1Char('-') && next == QLatin1Char('-')) {
            while (i < n && script.at(i) != QLatin1Char('\n'))
                ++i;
            continue;
        }
        if (c == QLatin1Char('/') && next == QLatin1Char('*')) {
            const int end = script.indexOf(QLatin1String("*/"), i + 2);
            i = end < 0 ? n : end + 2;
            current += QLatin1Char(' ');
            continue;
        }
        if (c == QLatin1Char('\'') || c == QLatin1Char('"') || c == QLatin1Char('`')) {
            int j = i + 1;
            for (; j < n; ++j) {
                if (script.at(j) == c) {
                    if (j + 1 < n && script.at(j + 1) == c) { // doubled quote escapes itself
                        ++j;
                        continue;
                    }
                    break;
                }
            }
            current += script.mid(i, j - i + 1);
            i = j + 1;
            continue;
        }
        if (c == QLatin1Char('$')) {
            static const QRegularExpression tagRe(QStringLiteral("\\G\\$([A-Za-z_][A-Za-z0-9_]*)?\\$"));
            const auto tag = tagRe.match(script, i, QRegularExpression::NormalMatch,
                                         QRegularExpression::AnchorAtOffsetMatchOption);
            if (tag.hasMatch()) {
                const QString delimiter = tag.captured(0);
                const int end = script.indexOf(delimiter, i + int(delimiter.size()));
                const int stop = end < 0 ? n : end + int(delimiter.size());
                current += script.mid(i, stop - i);
                i = stop;
                continue;
            }
        }
        if (c.isLetter() && (i == 0 || !isWordChar(script.at(i - 1)))) {
            int j = i;
            while (j < n && isWordChar(script.at(j)))
                ++j;
            const QString word = script.mid(i, j - i);
            if (startsTrigger(current + word)) {
                if (word.compare(QLatin1String("BEGIN"), Qt::CaseInsensitive) == 0 ||
                    word.compare(QLatin1String("CASE"), Qt::CaseInsensitive) == 0)
                    ++blockDepth;
                else if (word.compare(QLatin1String("END"), Qt::CaseInsensitive) == 0 && blockDepth > 0)
                    --blockDepth;
            }
            current += word;
            i = j;
            continue;
        }
        if (c == QLatin1Char(';') && blockDepth == 0) {
            flush();
            ++i;
            continue;
        }
        current += c;
        ++i;
    }
    flush();
    return statements;
}

} // namespace hexhub
