#include "gui/translations.hpp"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace dothi::app::gui {

bool installTranslators(QCoreApplication& app, QString language) {
  if (language.isEmpty()) language = QLocale::system().name();
  const QLocale locale(language);
  if (locale.language() == QLocale::English || locale.language() == QLocale::C) return false;
  auto* ours = new QTranslator(&app);
  if (!ours->load(locale, QStringLiteral("dothi"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
    delete ours;
    return false;
  }
  app.installTranslator(ours);
  QLocale::setDefault(locale);
  // Qt's own strings (dialog buttons); present only when qt6-translations-l10n is installed.
  auto* qt = new QTranslator(&app);
  if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
               QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
    app.installTranslator(qt);
  else
    delete qt;
  return true;
}

}  // namespace dothi::app::gui
