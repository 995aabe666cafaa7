/// dothi [PROJECT.dothi] [--screenshot FILE.png] [--lang vi]
#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

#include <cstdio>
#include <memory>

#include "gui/error_reporter.hpp"
#include "gui/gl_format.hpp"
#include "gui/edit_controller.hpp"
#include "gui/main_window.hpp"
#include "gui/scenario_controller.hpp"
#include "gui/translations.hpp"
#include "gui/viewer_widget.hpp"

namespace {

using dothi::app::gui::MainWindow;

/// Waits for the view to have drawn the loaded scene, saves the window, quits.
void scheduleScreenshot(MainWindow& window, const QString& path) {
  auto* poll = new QTimer(&window);
  auto waited = std::make_shared<int>(0);
  QObject::connect(poll, &QTimer::timeout, &window, [&window, path, poll, waited] {
    *waited += 100;
    if (window.viewer().framesDrawn() < 3 && *waited < 30000) {
      window.viewer().update();
      return;
    }
    poll->stop();
    const bool saved = window.grab().save(path);
    if (!saved) std::fprintf(stderr, "dothi: cannot write %s\n", qPrintable(path));
    QApplication::exit(saved && window.errors().count() == 0 ? 0 : 1);
  });
  poll->start(100);
}

}  // namespace

int main(int argc, char** argv) {
  dothi::app::gui::setDefaultGlFormat();
  QApplication app(argc, argv);
  QApplication::setApplicationName(QStringLiteral("DoThi"));
  QApplication::setApplicationVersion(QStringLiteral("0.1.0"));

  QCommandLineParser parser;
  parser.setApplicationDescription(QApplication::translate("main", "DoThi: 3D city digital twin"));
  parser.addHelpOption();
  parser.addVersionOption();
  const QCommandLineOption screenshot(
      QStringLiteral("screenshot"),
      QApplication::translate("main", "Save a picture of the window to FILE and quit."),
      QStringLiteral("FILE"));
  const QCommandLineOption lang(QStringLiteral("lang"),
                                QApplication::translate("main", "Interface language (vi, en)."),
                                QStringLiteral("LANG"));
  const QCommandLineOption scenario(QStringLiteral("scenario"),
                                    QApplication::translate("main", "Show this scenario of the plan."), QStringLiteral("NAME"));
  const QCommandLineOption edit(QStringLiteral("edit"), QApplication::translate("main", "Start editing this layer."),
                                QStringLiteral("LAYER"));
  const QCommandLineOption top(QStringLiteral("top"), QApplication::translate("main", "Start in the top (2D) view."));
  parser.addOptions({screenshot, lang, scenario, edit, top});
  parser.addPositionalArgument(QStringLiteral("project"),
                               QApplication::translate("main", "Project file to open."),
                               QStringLiteral("[PROJECT.dothi]"));
  parser.process(app);

  dothi::app::gui::installTranslators(app, parser.value(lang));
  MainWindow window;
  const bool batch = parser.isSet(screenshot);
  window.errors().setDialogsEnabled(!batch);
  window.show();
  if (parser.isSet(top)) window.viewer().setTopView(true);
  if (!parser.positionalArguments().isEmpty() && window.openProject(parser.positionalArguments().first())) {
    if (parser.isSet(scenario)) window.scenarios().switchTo(parser.value(scenario));
    if (parser.isSet(edit)) window.editor().startEditing(parser.value(edit).toStdString());
  }
  if (batch) scheduleScreenshot(window, parser.value(screenshot));
  return QApplication::exec();
}
