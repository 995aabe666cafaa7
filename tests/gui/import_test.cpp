// File > Import on a worker thread: real OSM buildings of Monaco into a new project, a
// cancelled import that leaves the project unchanged, and a failing import that shows an error.
#include <QFile>
#include <QMessageBox>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest/QtTest>

#include <memory>
#include <optional>
#include <utility>

#include "gui/error_reporter.hpp"
#include "gui/import_controller.hpp"
#include "gui/main_window.hpp"
#include "gui/project_document.hpp"
#include "gui/viewer_widget.hpp"
#include "gui_test_support.hpp"

using dothi::app::gui::ImportController;
using dothi::app::gui::MainWindow;
using dothi::app::gui::ViewerWidget;
namespace support = dothi::tests::gui;

namespace {

// The shared copy, or the one bundled with the sample city in data/.
const QString kBuildings = QFile::exists(QStringLiteral(DOTHI_SHARED_DATA "/osm/monaco2021_buildings.geojson"))
                               ? QStringLiteral(DOTHI_SHARED_DATA "/osm/monaco2021_buildings.geojson")
                               : QStringLiteral(DOTHI_SOURCE_DIR "/data/monaco2021_buildings.geojson");

QString attribute(const QTableWidget& table, const QString& field) {
  for (int row = 0; row < table.rowCount(); ++row) {
    if (table.item(row, 0) && table.item(row, 0)->text() == field)
      return table.item(row, 1) ? table.item(row, 1)->text() : QString();
  }
  return {};
}

}  // namespace

class ImportTest : public QObject {
  Q_OBJECT

 private slots:
  void init();
  void cleanup();
  void importBuildingsShowsThemInTreeAndView();
  void cancelledImportLeavesProjectUnchanged();
  void failingImportShowsError();
  void dgnWithoutCrsAsksForOne();

 private:
  QTemporaryDir m_dir;
  QString m_project;
  std::unique_ptr<MainWindow> m_window;
};

void ImportTest::init() {
  if (!QFile::exists(kBuildings)) QSKIP("shared data missing: osm/monaco2021_buildings.geojson");
  static int n = 0;
  m_project = m_dir.filePath(QStringLiteral("import-%1.dothi").arg(++n));
  m_window = std::make_unique<MainWindow>();
  QVERIFY(m_window->document().create(m_project));
  m_window->show();
  QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void ImportTest::cleanup() {
  m_window.reset();
}

void ImportTest::importBuildingsShowsThemInTreeAndView() {
  ImportController& importer = m_window->importer();
  QSignalSpy finished(&importer, &ImportController::finished);
  QVERIFY(importer.startImport(kBuildings));
  QVERIFY(importer.isRunning());
  // The GUI thread keeps running while the worker imports: frames and events go on.
  const int framesBefore = m_window->viewer().framesDrawn();
  m_window->viewer().update();
  QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 120000);
  QVERIFY(m_window->viewer().framesDrawn() > framesBefore);
  QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
  QCOMPARE(m_window->errors().count(), 0);

  QTreeWidget& tree = m_window->layerTreeWidget();
  QCOMPARE(tree.topLevelItemCount(), 1);
  QVERIFY(tree.topLevelItem(0)->text(2).remove(',').toLongLong() > 1000);
  const auto* scene = m_window->document().scene();
  QVERIFY(scene && !scene->extent.isEmpty());
  QCOMPARE(QString::fromStdString(m_window->document().project()->crs()), QStringLiteral("EPSG:32632"));

  // Find a pixel that shows a building (scanning a grid), then click it for real.
  QTest::qWait(200);
  ViewerWidget& viewer = m_window->viewer();
  std::optional<std::pair<QPoint, dothi::render::PickResult>> target;
  for (int y = 10; y < viewer.height() && !target; y += 12) {
    for (int x = 10; x < viewer.width() && !target; x += 12) {
      const auto hit = viewer.pick(QPoint(x, y));
      if (!hit) continue;
      if (auto picked = dothi::render::pickFeature(*scene, hit->drawable, hit->primitiveIndex,
                                                    hit->localPoint))
        target = std::pair{QPoint(x, y), *picked};
    }
  }
  QVERIFY2(target, "no building visible in the view");
  QTest::mouseClick(&viewer, Qt::LeftButton, {}, target->first);
  QTRY_COMPARE(attribute(m_window->attributeTable(), QStringLiteral("Feature id")),
               QString::number(target->second.featureId));
  QCOMPARE(attribute(m_window->attributeTable(), QStringLiteral("Layer")),
           QString::fromStdString(target->second.layer));
}

void ImportTest::cancelledImportLeavesProjectUnchanged() {
  ImportController& importer = m_window->importer();
  QSignalSpy finished(&importer, &ImportController::finished);
  QVERIFY(importer.startImport(kBuildings));
  importer.cancel();
  QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 120000);
  QVERIFY(!finished.at(0).at(0).toBool());
  QCOMPARE(m_window->errors().count(), 0);  // a cancel is no error
  QCOMPARE(m_window->layerTreeWidget().topLevelItemCount(), 0);
  QVERIFY(m_window->document().project()->layers().empty());
}

void ImportTest::failingImportShowsError() {
  const QString broken = m_dir.filePath(QStringLiteral("broken.geojson"));
  QFile file(broken);
  QVERIFY(file.open(QIODevice::WriteOnly));
  file.write("{ \"type\": \"FeatureCollection\", \"features\": [ {{{ ");
  file.close();
  ImportController& importer = m_window->importer();
  QSignalSpy finished(&importer, &ImportController::finished);
  QString shown;
  QTimer closer;
  connect(&closer, &QTimer::timeout, this, [&shown] {
    if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
      shown = box->text();
      box->done(QMessageBox::Ok);
    }
  });
  closer.start(50);
  QVERIFY(importer.startImport(broken));
  QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 60000);
  closer.stop();
  QVERIFY(!finished.at(0).at(0).toBool());
  QVERIFY2(shown.contains(QStringLiteral("broken.geojson")), qPrintable(shown));
  QVERIFY(m_window->document().project()->layers().empty());
}

void ImportTest::dgnWithoutCrsAsksForOne() {
  const QString dgn = QStringLiteral(DOTHI_SHARED_DATA "/mapinfo_dgn/kastoria_cadastre_1925_v7.dgn");
  if (!QFile::exists(dgn)) QSKIP("shared data missing: kastoria_cadastre_1925_v7.dgn");
  ImportController& importer = m_window->importer();
  QStringList asked;
  importer.setCrsPrompt([&asked](const QString& source, const QString& layer) {
    asked << source + "|" + layer;
    return QStringLiteral("EPSG:2100");  // what the user types: Greek Grid
  });
  QSignalSpy finished(&importer, &ImportController::finished);
  QVERIFY(importer.startImport(dgn));
  QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 120000);
  QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
  QCOMPARE(asked.size(), 1);
  QCOMPARE(asked.at(0), dgn + "|elements");
  const auto layers = m_window->document().project()->layers();
  QCOMPARE(layers.size(), std::size_t{1});
  QCOMPARE(layers.at(0).featureCount, std::int64_t{493});
  QCOMPARE(QString::fromStdString(m_window->document().project()->crs()), QStringLiteral("EPSG:2100"));

  // Declining the question refuses the import and changes nothing.
  importer.setCrsPrompt([](const QString&, const QString&) { return QString(); });
  QTimer closer;
  connect(&closer, &QTimer::timeout, this, [] {
    if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) box->done(QMessageBox::Ok);
  });
  closer.start(50);
  QVERIFY(importer.startImport(dgn));
  QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 2, 120000);
  QVERIFY(!finished.at(1).at(0).toBool());
  QCOMPARE(m_window->document().project()->layers().size(), std::size_t{1});
}

int main(int argc, char** argv) {
  ImportTest test;
  return support::runGuiTest(argc, argv, test);
}

#include "import_test.moc"
