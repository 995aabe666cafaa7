// Analysis > Validate layer, the parcel card and the attribute table on the planted-defect
// project (tests/unit/analysis/planted_layer.hpp), driven through the main window under Xvfb.
#include <QComboBox>
#include <QCompleter>
#include <QLineEdit>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QtTest/QtTest>

#include <memory>
#include <set>

#include "dothi/geo/analysis/feature_query.hpp"

#include "../unit/analysis/planted_layer.hpp"
#include "dothi/geo/project.hpp"
#include "gui/analysis_controller.hpp"
#include "gui/attribute_table_controller.hpp"
#include "gui/identify_controller.hpp"
#include "gui/main_window.hpp"
#include "gui/parcel_card_controller.hpp"
#include "gui/project_document.hpp"
#include "gui/viewer_widget.hpp"
#include "gui_test_support.hpp"

using dothi::app::gui::MainWindow;
namespace support = dothi::tests::gui;
namespace geo = dothi::geo;

namespace {

constexpr double kDx = 268000, kDy = 4488000;  // the planted layer placed in Greek Grid

QString writePlanted(const QString& path) {
  auto project = geo::Project::create(path.toStdString());
  if (!project) return QString::fromStdString(project.error().describe());
  if (!(*project)->setCrs("EPSG:2100")) return QStringLiteral("setCrs");
  geo::LayerInfo spec;
  spec.name = "parcels";
  spec.kind = geo::LayerKind::Parcels;
  spec.geometryType = geo::GeometryType::MultiPolygon;
  spec.fields = {{"pid", geo::FieldType::Text}};
  auto w = (*project)->beginLayer(spec);
  if (!w) return QString::fromStdString(w.error().describe());
  for (const auto& p : dothi::test::plantedLayer(kDx, kDy))
    if (!(*w)->add({p.fid, p.geometry, {p.id ? geo::Value(*p.id) : geo::Value{}}})) return QStringLiteral("add");
  if (!(*w)->commit()) return QStringLiteral("commit");
  return {};
}

/// Pixels of the finding overlay's magenta.
int magentaPixels(const QImage& image) {
  const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
  int n = 0;
  for (int y = 0; y < rgb.height(); ++y)
    for (int x = 0; x < rgb.width(); ++x) {
      const QRgb c = rgb.pixel(x, y);
      n += qRed(c) > 200 && qGreen(c) < 90 && qBlue(c) > 100 && qBlue(c) < 190;
    }
  return n;
}

}  // namespace

class AnalysisTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase();
  void cleanupTestCase();
  void validationListsEveryPlantedFinding();
  void choosingAFindingFramesAndDrawsIt();
  void attributeTableSearchSelectsAndShowsTheCard();
  void queryBuilderFiltersByLocation();

 private:
  void waitForFrames(int count = 2);
  QTemporaryDir m_dir;
  std::unique_ptr<MainWindow> m_window;
};

void AnalysisTest::initTestCase() {
  QVERIFY(m_dir.isValid());
  const QString path = m_dir.filePath(QStringLiteral("planted.dothi"));
  const QString error = writePlanted(path);
  QVERIFY2(error.isEmpty(), qPrintable(error));
  m_window = std::make_unique<MainWindow>();
  m_window->resize(1280, 800);
  QVERIFY(m_window->openProject(path));
  m_window->show();
  QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
  waitForFrames(3);
}

void AnalysisTest::cleanupTestCase() { m_window.reset(); }

void AnalysisTest::waitForFrames(int count) {
  QVERIFY(dothi::tests::gui::waitForFrames(m_window->viewer(), count));
}

void AnalysisTest::validationListsEveryPlantedFinding() {
  auto& analysis = m_window->analysis();
  QSignalSpy finished(&analysis, &dothi::app::gui::AnalysisController::finished);
  dothi::app::ValidateOptions o;
  o.layer = "parcels";
  o.idField = "pid";
  QVERIFY(analysis.startValidation(o));
  QVERIFY(analysis.isRunning());  // on the worker: the GUI keeps running
  QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 60000);
  QCOMPARE(finished.at(0).at(0).toBool(), true);
  // Without --against: every planted finding but the boundary crossing.
  const auto expected = static_cast<int>(dothi::test::plantedSignature().size()) - 1;
  QCOMPARE(analysis.table().rowCount(), expected);
  QVERIFY(analysis.result());
  QCOMPARE(static_cast<int>(analysis.result()->report.findings.size()), expected);
}

void AnalysisTest::choosingAFindingFramesAndDrawsIt() {
  auto& analysis = m_window->analysis();
  QVERIFY(analysis.result());
  int overlapRow = -1;
  for (int r = 0; r < analysis.table().rowCount(); ++r)
    if (analysis.result()->report.findings[static_cast<std::size_t>(r)].type == geo::analysis::FindingType::Overlap)
      overlapRow = r;
  QVERIFY(overlapRow >= 0);
  const QImage before = m_window->viewer().grabFramebuffer();
  analysis.table().setCurrentCell(overlapRow, 0);  // as a click does
  waitForFrames(2);
  const QImage after = m_window->viewer().grabFramebuffer();
  if (const QString out = qEnvironmentVariable("DOTHI_TEST_OUTPUT"); !out.isEmpty()) after.save(out + QStringLiteral("/finding_overlap.png"));
  QCOMPARE(magentaPixels(before), 0);
  QVERIFY2(magentaPixels(after) > 100, "the overlap is drawn");
  // The view is framed on the overlap (109..110 m of the planted layer): its middle is on screen
  // near the centre.
  const auto* scene = m_window->document().scene();
  QVERIFY(scene);
  const QPointF at = m_window->viewer().project(osg::Vec3d(kDx + 109.5, kDy + 5, 0) - scene->origin);
  const QSize size = m_window->viewer().size();
  QVERIFY(qAbs(at.x() - size.width() / 2.0) < size.width() / 4.0);
  QVERIFY(qAbs(at.y() - size.height() / 2.0) < size.height() / 3.0);
}

void AnalysisTest::attributeTableSearchSelectsAndShowsTheCard() {
  auto& table = m_window->attributes();
  QCOMPARE(table.layer(), QStringLiteral("parcels"));
  QCOMPARE(table.visibleRows(), 27);
  // Sorting by the id column orders the ids as text (DUP, DUP, P1, P10, ...).
  table.view().sortByColumn(1, Qt::AscendingOrder);
  QStringList ids;
  for (int r = 0; r < table.visibleRows(); ++r)
    if (const QString id = table.view().model()->index(r, 1).data().toString(); !id.isEmpty()) ids << id;
  QCOMPARE(ids.size(), 26);  // 21 has no id
  QStringList sorted = ids;
  std::sort(sorted.begin(), sorted.end());
  QCOMPARE(ids, sorted);
  QCOMPARE(ids.front(), QStringLiteral("DUP"));
  // Completion offers the ids containing what is typed: P2, P22..P27 (20 is DUP, 21 has none).
  table.completer().setCompletionPrefix(QStringLiteral("P2"));
  QCOMPARE(table.completer().completionCount(), 7);
  // A search with one match selects that parcel: identify, highlight, card.
  table.applySearch(QStringLiteral("P5"));
  QCOMPARE(table.visibleRows(), 1);
  QTRY_VERIFY(m_window->parcelCard().record().has_value());
  const auto& card = *m_window->parcelCard().record();
  QCOMPARE(card.fid, 5);
  QCOMPARE(card.neighbours.size(), std::size_t{4});
  QVERIFY(qAbs(card.planarArea - 100.0) < 1e-9);
  auto* view = m_window->findChild<QTextBrowser*>(QStringLiteral("parcelCard"));
  QVERIFY(view);
  QVERIFY(view->toPlainText().contains(QStringLiteral("P5")));
  // The query builder (SQL with bound parameters): ids starting with P1 are P1, P10..P18.
  table.applySearch(QString());
  QVERIFY(table.applyQuery(QStringLiteral("pid"), QStringLiteral("~"), QStringLiteral("P1%")));
  QCOMPARE(table.visibleRows(), 10);
  table.clearQuery();
  QCOMPARE(table.visibleRows(), 27);
  // And back: identifying another parcel selects its row.
  QVERIFY(m_window->identify().select("parcels", 11));
  QTRY_COMPARE(table.view().currentIndex().sibling(table.view().currentIndex().row(), 0).data().toLongLong(), 11);
}

void AnalysisTest::queryBuilderFiltersByLocation() {
  using Spatial = dothi::app::gui::AttributeTableController::Spatial;
  auto& table = m_window->attributes();
  table.applySearch(QString());
  table.clearQuery();
  const std::string path = m_window->document().path().toStdString();
  auto fidsShown = [&] {
    std::set<qint64> fids;
    for (int r = 0; r < table.visibleRows(); ++r) fids.insert(table.view().model()->index(r, 0).data().toLongLong());
    return fids;
  };
  auto expected = [&](const geo::analysis::FeatureQuery& q) {
    auto fids = geo::analysis::queryFeatures(path, q);
    if (!fids) qWarning("query failed: %s", fids.error().describe().c_str());
    return fids ? std::set<qint64>(fids->begin(), fids->end()) : std::set<qint64>{};
  };
  // Selected: P5 (fid 5), whose four edge neighbours the card lists.
  table.applySearch(QStringLiteral("P5"));
  QTRY_VERIFY(m_window->parcelCard().record().has_value() && m_window->parcelCard().record()->fid == 5);
  std::set<qint64> neighbours;
  for (const auto& n : m_window->parcelCard().record()->neighbours) neighbours.insert(n.fid);
  QCOMPARE(neighbours.size(), std::size_t{4});
  table.applySearch(QString());
  geo::analysis::FeatureQuery q;
  q.layer = "parcels";
  // Within 0.5 m: itself and at least its edge neighbours, as the SQL query gives them.
  QVERIFY(table.applyQuery(QString(), QString(), QString(), Spatial::NearSelected, 0.5));
  q.near = std::make_pair(std::string("parcels"), std::int64_t{5});
  q.distance = 0.5;
  auto near = fidsShown();
  QCOMPARE(near, expected(q));
  QVERIFY(near.count(5));
  for (auto n : neighbours) QVERIFY(near.count(n));
  QVERIFY(table.visibleRows() < 27);
  // Sharing area: neighbours that only share an edge are not in it.
  QVERIFY(table.applyQuery(QString(), QString(), QString(), Spatial::SharingSelected));
  q.near.reset();
  q.intersects = std::make_pair(std::string("parcels"), std::int64_t{5});
  QCOMPARE(fidsShown(), expected(q));
  QVERIFY(fidsShown().count(5));
  for (auto n : neighbours) QVERIFY(!fidsShown().count(n));
  // Attribute and location together: ids starting with P within 0.5 m.
  QVERIFY(table.applyQuery(QStringLiteral("pid"), QStringLiteral("~"), QStringLiteral("P%"), Spatial::NearSelected, 0.5));
  q.intersects.reset();
  q.near = std::make_pair(std::string("parcels"), std::int64_t{5});
  q.conditions.push_back({"pid", geo::analysis::CompareOp::Like, "P%"});
  QCOMPARE(fidsShown(), expected(q));
  // Within the view: framed on P5 (as selecting it did), only the parcels around it; the whole
  // layer once the view shows all.
  QVERIFY(table.applyQuery(QString(), QString(), QString(), Spatial::InView));
  const auto inView = fidsShown();
  QVERIFY(inView.count(5));
  QVERIFY2(inView.size() < 27, qPrintable(QString::number(inView.size())));
  m_window->viewer().zoomToAll();
  waitForFrames(2);
  QVERIFY(table.applyQuery(QString(), QString(), QString(), Spatial::InView));
  const auto all = fidsShown();
  QVERIFY(all.size() > inView.size());
  QVERIFY(!all.count(26));  // the planted empty geometry is nowhere
  // Every parcel whose middle is on screen is found.
  const auto* scene = m_window->document().scene();
  QVERIFY(scene);
  const QRect screen = m_window->viewer().rect();
  auto project = geo::Project::open(path, true);
  QVERIFY(project);
  int onScreen = 0, missing = 0;
  QVERIFY((*project)->forEachFeature("parcels", {}, [&](const geo::Feature& f) {
    if (f.geometry.polygons.empty()) return true;
    const geo::Point c = geo::extentOf(f.geometry).center();
    if (screen.contains(m_window->viewer().project(osg::Vec3d(c.x, c.y, 0) - scene->origin).toPoint())) {
      ++onScreen;
      if (!all.count(f.id)) {
        ++missing;
        qWarning("parcel %lld is on screen but not found", static_cast<long long>(f.id));
      }
    }
    return true;
  }));
  QCOMPARE(missing, 0);
  QVERIFY2(onScreen >= 10, qPrintable(QString::number(onScreen)));
  table.clearQuery();
}

int main(int argc, char** argv) {
  AnalysisTest test;
  return support::runGuiTest(argc, argv, test);
}

#include "analysis_test.moc"
