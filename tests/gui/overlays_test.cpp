// Overlays on the 3D view, driven through the main window under Xvfb on the real Kastoria
// cadastre: the legend of a thematic style in the corner (issue 3) and the cadastre diff drawn in
// colours with its table of changes (issue 4), on two versions planted from the real parcels
// (tests/e2e/kastoria_versions.hpp).
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QLineEdit>
#include <QTableWidget>
#include <QTimer>
#include <QTemporaryDir>
#include <QtTest/QtTest>

#include <filesystem>
#include <map>
#include <memory>
#include <set>

#include "../e2e/kastoria_versions.hpp"
#include "core/import_layer.hpp"
#include "core/style_layer.hpp"
#include "gui/diff_controller.hpp"
#include "gui/legend_controller.hpp"
#include "gui/main_window.hpp"
#include "gui/project_document.hpp"
#include "gui/viewer_widget.hpp"
#include "gui_test_support.hpp"

using dothi::app::gui::MainWindow;
namespace support = dothi::tests::gui;
namespace geo = dothi::geo;
namespace app = dothi::app;

namespace {

QColor toQColor(const osg::Vec4& c) { return QColor::fromRgbF(c.r(), c.g(), c.b()); }

/// A legend swatch as drawn: the class colour blended over the white legend panel.
QColor swatchColour(const osg::Vec4& c) {
  const float a = c.a();
  return QColor::fromRgbF(c.r() * a + (1 - a), c.g() * a + (1 - a), c.b() * a + (1 - a));
}

/// Pixels of `image` within `rect` whose colour is within `tolerance` per channel of `colour`.
int pixelsLike(const QImage& image, const QRect& rect, const QColor& colour, int tolerance = 24) {
  const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
  int n = 0;
  const QRect r = rect.intersected(rgb.rect());
  for (int y = r.top(); y <= r.bottom(); ++y)
    for (int x = r.left(); x <= r.right(); ++x) {
      const QRgb c = rgb.pixel(x, y);
      n += std::abs(qRed(c) - colour.red()) <= tolerance && std::abs(qGreen(c) - colour.green()) <= tolerance &&
           std::abs(qBlue(c) - colour.blue()) <= tolerance;
    }
  return n;
}

void save(const QImage& image, const QString& name) {
  if (const QString out = qEnvironmentVariable("DOTHI_TEST_OUTPUT"); !out.isEmpty()) image.save(out + QLatin1Char('/') + name);
}

}  // namespace

class OverlaysTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase();
  void cleanupTestCase();
  void legendShowsTheStyleAndFollowsVisibility();
  void diffListsAndColoursEveryPlantedChange();
  void choosingAChangeFliesToIt();
  void compareDialogRunsTheDiff();

 private:
  void waitForFrames(int count = 2) { QVERIFY(support::waitForFrames(m_window->viewer(), count)); }
  [[nodiscard]] QImage frame() const { return m_window->viewer().grabFramebuffer(); }
  QTemporaryDir m_dir;
  std::unique_ptr<MainWindow> m_window;
  dothi::test::KastoriaVersions m_versions;
  QString m_old, m_new;
};

void OverlaysTest::initTestCase() {
  const std::filesystem::path shp = std::filesystem::path(DOTHI_SHARED_DATA) / "cadastre/kastoria_cadastre_1925.shp";
  if (!std::filesystem::exists(shp)) QSKIP("shared data missing: cadastre/kastoria_cadastre_1925.shp");
  QVERIFY(m_dir.isValid());
  const std::string imported = m_dir.filePath(QStringLiteral("kastoria.dothi")).toStdString();
  app::ImportOptions io;
  io.source = shp.string();
  io.layerName = "parcels";
  auto done = app::importIntoFile(imported, io);
  QVERIFY2(done, done ? "" : done.error().describe().c_str());
  const std::string planted = dothi::test::plantKastoriaVersions(imported, m_versions);
  QVERIFY2(planted.empty(), planted.c_str());
  m_old = m_dir.filePath(QStringLiteral("old.dothi"));
  m_new = m_dir.filePath(QStringLiteral("new.dothi"));
  QCOMPARE(dothi::test::writeKastoriaVersion(m_old.toStdString(), m_versions.oldFeatures), std::string());
  QCOMPARE(dothi::test::writeKastoriaVersion(m_new.toStdString(), m_versions.newFeatures), std::string());
  m_window = std::make_unique<MainWindow>();
  m_window->resize(1280, 800);
  QVERIFY(m_window->openProject(m_old));
  m_window->show();
  QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
  waitForFrames(3);
}

void OverlaysTest::cleanupTestCase() { m_window.reset(); }

void OverlaysTest::legendShowsTheStyleAndFollowsVisibility() {
  auto& viewer = m_window->viewer();
  QVERIFY(m_window->legend().shown().empty());
  QVERIFY(!viewer.hasOverlay("legend"));
  {  // the five most frequent KAK values and "other", as `dothi-cli style --categories 5` does
    auto project = geo::Project::open(m_old.toStdString());
    QVERIFY(project);
    app::StyleLayerOptions so;
    so.layer = "parcels";
    so.field = "KAK";
    so.mode = app::StyleLayerOptions::Mode::Categories;
    so.maxCategories = 5;
    QVERIFY(app::styleLayer(**project, so));
  }
  QVERIFY(m_window->document().reload());
  waitForFrames(3);
  QCOMPARE(static_cast<int>(m_window->legend().shown().size()), 1);
  const auto legend = m_window->legend().shown().front();
  QCOMPARE(legend.layer, std::string("parcels"));
  QCOMPARE(legend.field, std::string("KAK"));
  QVERIFY(legend.entries.size() >= 5);
  QVERIFY(viewer.hasOverlay("legend"));
  const QImage shown = frame();
  save(shown, QStringLiteral("legend_shown.png"));
  // The swatches are in the bottom-left corner: every class colour is there, drawn solid.
  const QImage corner = shown.copy(0, shown.height() * 2 / 3, shown.width() / 3, shown.height() / 3);
  std::map<int, int> before;
  for (std::size_t i = 0; i < legend.entries.size(); ++i) {
    before[static_cast<int>(i)] = pixelsLike(shown, QRect(QPoint(0, shown.height() * 2 / 3), corner.size()),
                                             swatchColour(legend.entries[i].colour), 10);
    QVERIFY2(before[static_cast<int>(i)] >= 25, qPrintable(QStringLiteral("swatch %1 drawn").arg(i)));
  }
  // Hiding the layer hides its legend; showing it brings the legend back.
  m_window->document().setLayerVisible("parcels", false);
  waitForFrames(2);
  QVERIFY(m_window->legend().shown().empty());
  QVERIFY(!viewer.hasOverlay("legend"));
  const QImage hidden = frame();
  save(hidden, QStringLiteral("legend_hidden.png"));
  for (std::size_t i = 0; i < legend.entries.size(); ++i)
    QVERIFY(pixelsLike(hidden, QRect(QPoint(0, hidden.height() * 2 / 3), corner.size()), swatchColour(legend.entries[i].colour), 10) <
            before[static_cast<int>(i)] / 4);
  m_window->document().setLayerVisible("parcels", true);
  waitForFrames(2);
  QCOMPARE(static_cast<int>(m_window->legend().shown().size()), 1);
}

void OverlaysTest::diffListsAndColoursEveryPlantedChange() {
  auto& diff = m_window->diff();
  const QImage before = frame();
  QSignalSpy finished(&diff, &dothi::app::gui::DiffController::finished);
  app::DiffOptions o;
  o.oldSource = m_old.toStdString();
  o.newSource = m_new.toStdString();
  o.key = "KAK";
  QVERIFY(diff.startDiff(o));
  QVERIFY(diff.isRunning());  // on the worker: the GUI keeps running
  QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 120000);
  QCOMPARE(finished.at(0).at(0).toBool(), true);
  // Exactly the planted changes, one row each.
  QCOMPARE(diff.table().rowCount(), 8);
  std::map<QString, int> rows;
  for (int r = 0; r < diff.table().rowCount(); ++r) ++rows[diff.table().item(r, 0)->text()];
  const std::map<QString, int> expected = {{QStringLiteral("added"), 1},    {QStringLiteral("removed"), 2},
                                           {QStringLiteral("split"), 1},    {QStringLiteral("merged"), 1},
                                           {QStringLiteral("reshaped"), 1}, {QStringLiteral("attributes only"), 2}};
  QCOMPARE(rows, expected);
  QVERIFY(diff.result());
  QCOMPARE(diff.result()->unchanged, std::int64_t{493 - 2 - 1 - 2 - 1 - 2});
  // The removed rows name the planted parcels' keys.
  QStringList removed;
  for (int r = 0; r < diff.table().rowCount(); ++r)
    if (diff.table().item(r, 0)->text() == QStringLiteral("removed")) removed << diff.table().item(r, 1)->text();
  QCOMPARE(removed, QStringList({QString::fromStdString(m_versions.keys[m_versions.removed1]),
                                 QString::fromStdString(m_versions.keys[m_versions.removed2])}));
  // The legend now lists the change colours with their counts, after the style's.
  QCOMPARE(static_cast<int>(m_window->legend().shown().size()), 2);
  const auto& changes = m_window->legend().shown().back();
  QCOMPARE(static_cast<int>(changes.entries.size()), 6);
  QCOMPARE(changes.entries[1].count, std::int64_t{2});  // removed
  waitForFrames(2);
  const QImage after = frame();
  save(after, QStringLiteral("diff_overview.png"));
  // Every change type is drawn in its colour over the city (outside the legend's corner).
  // Outside the legend, which sits in the bottom-left corner and shows every colour too.
  const QRect legendCorner(0, after.height() / 2, after.width() / 3, after.height() / 2);
  auto onMap = [&](const QImage& image, const QColor& c) { return pixelsLike(image, image.rect(), c) - pixelsLike(image, legendCorner, c); };
  // (The added parcel lies east of the old town, outside the old layer the view is framed on:
  // choosingAChangeFliesToIt flies there.)
  for (auto t : {app::ChangeType::Removed, app::ChangeType::Split, app::ChangeType::Merged, app::ChangeType::Reshaped,
                 app::ChangeType::Attributes}) {
    const QColor c = toQColor(dothi::app::gui::changeColour(t));
    const int was = onMap(before, c), now = onMap(after, c);
    QVERIFY2(now >= was + 15, qPrintable(QStringLiteral("%1: %2 -> %3 pixels").arg(app::changeTypeName(t)).arg(was).arg(now)));
  }
}

void OverlaysTest::choosingAChangeFliesToIt() {
  auto& diff = m_window->diff();
  QVERIFY(diff.result());
  const auto* scene = m_window->document().scene();
  QVERIFY(scene);
  std::set<app::ChangeType> seen;
  for (int row = 0; row < diff.table().rowCount(); ++row) {  // the first change of each type
    const auto& change = diff.result()->changes[static_cast<std::size_t>(row)];
    if (!seen.insert(change.type).second) continue;
    diff.table().setCurrentCell(row, 0);  // as a click does
    waitForFrames(2);
    const QImage shot = frame();
    save(shot, QStringLiteral("diff_change_%1.png").arg(row));
    // Framed on the change: its centre is near the middle of the view ...
    const geo::Point c = geo::extentOf(change.geometry).center();
    const QPointF at = m_window->viewer().project(osg::Vec3d(c.x, c.y, 0) - scene->origin);
    const QSize size = m_window->viewer().size();
    QVERIFY(qAbs(at.x() - size.width() / 2.0) < size.width() / 4.0);
    QVERIFY(qAbs(at.y() - size.height() / 2.0) < size.height() / 3.0);
    // ... and drawn large there in its colour.
    const QRect middle(shot.width() / 4, shot.height() / 6, shot.width() / 2, shot.height() * 2 / 3);
    QVERIFY2(pixelsLike(shot, middle, toQColor(dothi::app::gui::changeColour(change.type))) > 200,
             app::changeTypeName(change.type));
  }
  // Clear removes the colours and their legend.
  diff.clear();
  waitForFrames(2);
  QVERIFY(!m_window->viewer().hasOverlay("diff"));
  QCOMPARE(static_cast<int>(m_window->legend().shown().size()), 1);
}

void OverlaysTest::compareDialogRunsTheDiff() {
  // Analysis > Compare cadastre versions…: the dialog proposes the open project as the old
  // version and its first field (KAK) as the key; the new version is typed in.
  auto& diff = m_window->diff();
  QVERIFY(!diff.result());
  QSignalSpy finished(&diff, &dothi::app::gui::DiffController::finished);
  QString oldShown, keyShown;
  QTimer::singleShot(300, this, [&] {
    auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
    if (!dialog) return;
    auto* oldSource = dialog->findChild<QLineEdit*>(QStringLiteral("diffOldSource"));
    auto* newSource = dialog->findChild<QLineEdit*>(QStringLiteral("diffNewSource"));
    auto* key = dialog->findChild<QComboBox*>();
    if (!oldSource || !newSource || !key) return dialog->reject();
    oldShown = oldSource->text();
    keyShown = key->currentText();
    newSource->setText(m_new);
    save(dialog->grab().toImage(), QStringLiteral("diff_dialog.png"));
    dialog->accept();
  });
  diff.chooseAndCompare();  // returns once the dialog is closed; the diff then runs on its worker
  QCOMPARE(oldShown, m_old);
  QCOMPARE(keyShown, QStringLiteral("KAK"));
  QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 120000);
  QCOMPARE(finished.at(0).at(0).toBool(), true);
  QCOMPARE(diff.table().rowCount(), 8);
  QVERIFY(m_window->viewer().hasOverlay("diff"));
}

int main(int argc, char** argv) {
  OverlaysTest test;
  return support::runGuiTest(argc, argv, test);
}

#include "overlays_test.moc"
