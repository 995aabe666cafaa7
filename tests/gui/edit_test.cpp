// The zoning editor driven through the main window under Xvfb with real mouse and key events:
// draw a zone, drag a shared vertex, undo with Ctrl+Z, set rules in the zone form, save, and a
// scenario that leaves the base plan alone. Pixels of the edit overlay are checked.
#include <QApplication>
#include <QComboBox>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest/QtTest>

#include <memory>

#include "core/edit_session.hpp"
#include "dothi/geo/analysis/overlay.hpp"
#include "dothi/geo/project.hpp"
#include "gui/edit_controller.hpp"
#include "gui/error_reporter.hpp"
#include "gui/main_window.hpp"
#include "gui/project_document.hpp"
#include "gui/scenario_controller.hpp"
#include "gui/viewer_widget.hpp"
#include "gui/zone_form.hpp"
#include "gui_test_support.hpp"

using dothi::app::gui::EditController;
using dothi::app::gui::MainWindow;
namespace support = dothi::tests::gui;
namespace geo = dothi::geo;

namespace {

constexpr double kX = 500000, kY = 2300000, kCell = 100;  // VN-2000 / UTM 48N

QString writeGrid(const QString& path) {
  auto project = geo::Project::create(path.toStdString());
  if (!project) return QString::fromStdString(project.error().describe());
  if (!(*project)->setCrs("EPSG:3405")) return QStringLiteral("setCrs");
  geo::LayerInfo spec;
  spec.name = "zoning";
  spec.kind = geo::LayerKind::Zoning;
  spec.geometryType = geo::GeometryType::MultiPolygon;
  spec.fields = {{"zone_id", geo::FieldType::Text}};
  auto w = (*project)->beginLayer(spec);
  if (!w) return QString::fromStdString(w.error().describe());
  for (int r = 0; r < 3; ++r)
    for (int c = 0; c < 3; ++c) {
      const double x = kX + c * kCell, y = kY + r * kCell;
      geo::Geometry g;
      g.type = geo::GeometryType::MultiPolygon;
      g.polygons.push_back({{{x, y}, {x + kCell, y}, {x + kCell, y + kCell}, {x, y + kCell}, {x, y}}, {}});
      const int id = r * 3 + c + 1;
      if (!(*w)->add({id, g, {geo::Value("Z" + std::to_string(id))}})) return QStringLiteral("add");
    }
  if (!(*w)->commit()) return QStringLiteral("commit");
  return {};
}

int pixelsLike(const QImage& image, const std::function<bool(QRgb)>& like) {
  const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
  int n = 0;
  for (int y = 0; y < rgb.height(); ++y)
    for (int x = 0; x < rgb.width(); ++x) n += like(rgb.pixel(x, y));
  return n;
}
bool orange(QRgb c) { return qRed(c) > 200 && qGreen(c) > 120 && qGreen(c) < 215 && qBlue(c) < 150; }
bool blue(QRgb c) { return qBlue(c) > 150 && qRed(c) < 120 && qGreen(c) > 80 && qGreen(c) < 190; }

}  // namespace

class EditTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase();
  void cleanupTestCase();
  void editingShowsTheZonesAsAnOverlay();
  void drawingAZoneWithTheMouseAddsIt();
  void draggingASharedVertexMovesItInEveryZoneAndCtrlZUndoesIt();
  void theZoneFormSetsRulesAndSaveWritesThem();
  void aScenarioKeepsItsChangesAwayFromTheBasePlan();

 private:
  void frames(int count = 2) { QVERIFY(support::waitForFrames(m_window->viewer(), count)); }
  QPoint screen(double x, double y) const {
    auto& v = m_window->viewer();
    return v.project(v.toLocal({x, y, 0})).toPoint();
  }
  void save(const QString& name) const {
    if (const QString out = qEnvironmentVariable("DOTHI_TEST_OUTPUT"); !out.isEmpty())
      m_window->viewer().grab().toImage().save(out + QStringLiteral("/") + name);
  }
  QTemporaryDir m_dir;
  QString m_path;
  std::unique_ptr<MainWindow> m_window;
};

void EditTest::initTestCase() {
  QVERIFY(m_dir.isValid());
  m_path = m_dir.filePath(QStringLiteral("grid.dothi"));
  const QString error = writeGrid(m_path);
  QVERIFY2(error.isEmpty(), qPrintable(error));
  m_window = std::make_unique<MainWindow>();
  m_window->errors().setDialogsEnabled(false);
  m_window->resize(1800, 1000);
  QVERIFY(m_window->openProject(m_path));
  m_window->show();
  QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
  m_window->activateWindow();
  m_window->viewer().setTopView(true);
  // Frame the grid with room on the right for a new zone.
  m_window->viewer().zoomToExtent({kX - 50, kY - 50, kX + 500, kY + 350});
  frames(3);
  if (const QString out = qEnvironmentVariable("DOTHI_TEST_OUTPUT"); !out.isEmpty())
    m_window->grab().save(out + QStringLiteral("/edit_window.png"));
}

void EditTest::cleanupTestCase() {
  if (m_window) m_window->editor().stopEditing(true);
  m_window.reset();
}

void EditTest::editingShowsTheZonesAsAnOverlay() {
  const QImage before = m_window->viewer().grab().toImage();
  QVERIFY(m_window->editor().startEditing("zoning"));
  QVERIFY(m_window->editor().isEditing());
  frames();
  const QImage after = m_window->viewer().grab().toImage();
  save(QStringLiteral("edit_overlay.png"));
  QVERIFY2(pixelsLike(after, orange) > 5000, "the zones are drawn by the edit overlay");
  QCOMPARE(pixelsLike(before, orange), 0);
  // Selecting with a click paints the zone blue.
  m_window->editor().setTool(EditController::Tool::Select);
  QTest::mouseClick(&m_window->viewer(), Qt::LeftButton, {}, screen(kX + 150, kY + 150));
  QCOMPARE(m_window->editor().selection(), std::set<std::int64_t>{5});
  frames();
  QVERIFY2(pixelsLike(m_window->viewer().grab().toImage(), blue) > 1000, "the selected zone is highlighted");
}

void EditTest::drawingAZoneWithTheMouseAddsIt() {
  auto& editor = m_window->editor();
  editor.setTool(EditController::Tool::Draw);
  const QPoint a = screen(kX + 350, kY), b = screen(kX + 450, kY), c = screen(kX + 450, kY + 100), d = screen(kX + 350, kY + 100);
  // Each click adds a point (50 m from the grid: beyond snapping); a double-click ends the zone.
  for (const QPoint& p : {a, b, c}) {
    QTest::mouseMove(&m_window->viewer(), p);
    QTest::mouseClick(&m_window->viewer(), Qt::LeftButton, {}, p);
  }
  QTest::mouseDClick(&m_window->viewer(), Qt::LeftButton, {}, d);
  QTRY_COMPARE(static_cast<int>(editor.session()->features().size()), 10);
  const auto& added = editor.session()->features().rbegin()->second;
  QVERIFY(std::abs(geo::area(added.geometry) - kCell * kCell) < 0.05 * kCell * kCell);  // pixel-accurate clicks
  QCOMPARE(editor.undoStack().count(), 1);
  QCOMPARE(editor.selection(), std::set<std::int64_t>{added.id});
  frames();
  save(QStringLiteral("edit_drawn.png"));
}

void EditTest::draggingASharedVertexMovesItInEveryZoneAndCtrlZUndoesIt() {
  auto& editor = m_window->editor();
  editor.setTool(EditController::Tool::Vertex);
  const auto before = editor.session()->features();
  const QPoint corner = screen(kX + kCell, kY + kCell), target = screen(kX + kCell + 30, kY + kCell + 20);
  QTest::mouseMove(&m_window->viewer(), corner);
  QTest::mousePress(&m_window->viewer(), Qt::LeftButton, {}, corner);
  QTest::mouseMove(&m_window->viewer(), (corner + target) / 2);
  QTest::mouseMove(&m_window->viewer(), target);
  QTest::mouseRelease(&m_window->viewer(), Qt::LeftButton, {}, target);
  QVERIFY2(editor.undoStack().count() == 2, qPrintable(m_window->statusBar()->currentMessage()));
  int moved = 0;
  for (const auto& [id, f] : editor.session()->features())
    if (before.count(id) && geo::toWkb(before.at(id).geometry) != geo::toWkb(f.geometry)) ++moved;
  QCOMPARE(moved, 4);  // the four zones around that corner
  // No gap, no overlap: the grid's zones still cover exactly 3 x 3 cells.
  std::vector<const geo::Polygon*> parts;
  for (const auto& [id, f] : editor.session()->features())
    if (id <= 9)
      for (const auto& p : f.geometry.polygons) parts.push_back(&p);
  auto u = geo::analysis::unionPolygons(parts);
  QVERIFY(u && u->size() == 1 && u->front().holes.empty());
  frames();
  save(QStringLiteral("edit_vertex_moved.png"));
  // Ctrl+Z, as a user types it (shortcuts need the window active: wait for it on a busy X server).
  QApplication::setActiveWindow(m_window.get());
  QTRY_VERIFY(m_window->isActiveWindow());
  m_window->viewer().setFocus();
  QTest::keyClick(&m_window->viewer(), Qt::Key_Z, Qt::ControlModifier);
  QTRY_COMPARE(editor.undoStack().index(), 1);
  for (const auto& [id, f] : before) QCOMPARE(geo::toWkb(editor.session()->feature(id)->geometry), geo::toWkb(f.geometry));
  QTest::keyClick(&m_window->viewer(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);  // redo
  QTRY_COMPARE(editor.undoStack().index(), 2);
  QTest::keyClick(&m_window->viewer(), Qt::Key_Z, Qt::ControlModifier);
  QTRY_COMPARE(editor.undoStack().index(), 1);
}

void EditTest::theZoneFormSetsRulesAndSaveWritesThem() {
  auto& editor = m_window->editor();
  editor.setTool(EditController::Tool::Select);
  QTest::mouseClick(&m_window->viewer(), Qt::LeftButton, {}, screen(kX + 250, kY + 250));  // Z9
  QCOMPARE(editor.selection(), std::set<std::int64_t>{9});
  m_window->zoneForm().setFieldText("max_height", QStringLiteral("45"));
  m_window->zoneForm().setFieldText("zoning_class", QStringLiteral("ODT"));
  QVERIFY(m_window->zoneForm().apply());
  QVERIFY(editor.save());
  QVERIFY(!editor.session()->dirty());
  auto project = geo::Project::open(m_path.toStdString(), true);
  QVERIFY(project);
  auto z9 = (*project)->feature("zoning", 9);
  QVERIFY(z9 && *z9);
  const auto& fields = (*project)->layer("zoning")->fields;
  QCOMPARE(std::get<double>((**z9).attributes[*geo::fieldIndex(fields, "max_height")]), 45.0);
  QCOMPARE(std::get<std::string>((**z9).attributes[*geo::fieldIndex(fields, "zoning_class")]), std::string("ODT"));
  QCOMPARE((*project)->layer("zoning")->featureCount, 10);  // the drawn zone was saved too
  auto log = (*project)->editLog("zoning");
  QVERIFY(log && log->size() == 2);  // the new zone and Z9 (the undone vertex move is not a change)
}

void EditTest::aScenarioKeepsItsChangesAwayFromTheBasePlan() {
  auto& editor = m_window->editor();
  QVERIFY(m_window->scenarios().create(QStringLiteral("Raise heights")));
  QCOMPARE(m_window->document().scenario(), std::string("Raise heights"));
  QVERIFY(editor.isEditing());
  QCOMPARE(m_window->scenarios().box()->currentText(), QStringLiteral("Raise heights"));
  QVERIFY(editor.selectWhere(QStringLiteral("zone_id = 'Z1' OR zone_id = 'Z2'")) == false);  // only AND
  QVERIFY(editor.selectWhere(QStringLiteral("zone_id LIKE 'Z_' AND zone_id <= 'Z2'")));
  QCOMPARE(editor.selection(), (std::set<std::int64_t>{1, 2}));
  m_window->zoneForm().setFieldText("max_height", QStringLiteral("60"));
  QVERIFY(m_window->zoneForm().apply());
  QVERIFY(editor.save());
  auto project = geo::Project::open(m_path.toStdString(), true);
  QCOMPARE((*project)->scenario("Raise heights")->changes, 2);
  const auto h = *geo::fieldIndex((*project)->layer("zoning")->fields, "max_height");
  QVERIFY(std::holds_alternative<std::monostate>((**(*project)->feature("zoning", 1)).attributes[h]));  // base untouched
  // Back to the base plan: the editor follows, showing base values.
  QVERIFY(m_window->scenarios().switchTo(QString()));
  QVERIFY(editor.isEditing());
  QVERIFY(std::holds_alternative<std::monostate>(editor.session()->feature(1)->attributes[h]));
  frames();
  save(QStringLiteral("edit_base_again.png"));
}

int main(int argc, char** argv) {
  EditTest test;
  return support::runGuiTest(argc, argv, test);
}

#include "edit_test.moc"
