// The main window on a small known project, driven by real mouse events under Xvfb.
#include <QLabel>
#include <QMessageBox>
#include <QRegularExpression>
#include <QTableWidget>
#include <QTranslator>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest/QtTest>

#include <memory>

#include "gui/error_reporter.hpp"
#include "gui/identify_controller.hpp"
#include "gui/labels.hpp"
#include "gui/main_window.hpp"
#include "gui/project_document.hpp"
#include "gui/translations.hpp"
#include "gui/viewer_widget.hpp"
#include "gui_test_support.hpp"

using dothi::app::gui::MainWindow;
using dothi::app::gui::ViewerWidget;
namespace support = dothi::tests::gui;

namespace {

QString attribute(const QTableWidget& table, const QString& field) {
  for (int row = 0; row < table.rowCount(); ++row) {
    if (table.item(row, 0) && table.item(row, 0)->text() == field)
      return table.item(row, 1) ? table.item(row, 1)->text() : QString();
  }
  return {};
}

/// DOTHI_TEST_OUTPUT=DIR keeps the pictures for a person to look at.
void keepForPerson(const QPixmap& pixmap, const QString& name) {
  if (const QString out = qEnvironmentVariable("DOTHI_TEST_OUTPUT"); !out.isEmpty())
    pixmap.save(out + QLatin1Char('/') + name);
}

void keepForPerson(const QImage& image, const QString& name) {
  keepForPerson(QPixmap::fromImage(image), name);
}

bool sameView(const osg::Matrixd& a, const osg::Matrixd& b) {
  for (int i = 0; i < 16; ++i) {
    if (qAbs(a.ptr()[i] - b.ptr()[i]) > 1e-6) return false;
  }
  return true;
}

QRgb skyRgb() {
  const osg::Vec4 c = dothi::render::skyColour();
  return qRgb(qRound(c.r() * 255), qRound(c.g() * 255), qRound(c.b() * 255));
}

}  // namespace

class MainWindowTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase();
  void cleanupTestCase();
  void layerTreeListsLayer();
  void clickIdentifiesBuilding();
  void clickOnSkyClearsSelection();
  void framebufferShowsCity();
  void cursorShowsProjectAndWgs84Coordinates();
  void uncheckingLayerHidesIt();
  void dragOrbitsAndHomeKeyRestoresView();
  void doubleClickOnLayerZoomsToIt();
  void corruptProjectShowsErrorAndKeepsProject();
  void vietnameseTranslationLoads();

 private:
  void waitForFrames(int count = 2);
  QPoint roofOf(const support::KnownBuilding& building);
  void dragLeft(const QPoint& from, const QPoint& to, int steps);
  [[nodiscard]] osg::Matrixd viewMatrix() const;

  QTemporaryDir m_dir;
  QString m_project;
  std::unique_ptr<MainWindow> m_window;
};

void MainWindowTest::initTestCase() {
  QVERIFY(m_dir.isValid());
  m_project = m_dir.filePath(QStringLiteral("city.dothi"));
  const QString error = support::makeBuildingsProject(m_project);
  QVERIFY2(error.isEmpty(), qPrintable(error));
  m_window = std::make_unique<MainWindow>();
  m_window->resize(1280, 800);
  QVERIFY(m_window->openProject(m_project));
  m_window->show();
  QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
  waitForFrames(3);
}

void MainWindowTest::cleanupTestCase() {
  m_window.reset();
}

void MainWindowTest::waitForFrames(int count) {
  QVERIFY(dothi::tests::gui::waitForFrames(m_window->viewer(), count));
}

QPoint MainWindowTest::roofOf(const support::KnownBuilding& building) {
  const dothi::render::CityScene* scene = m_window->document().scene();
  if (!scene) return {};
  const osg::Vec3d local = osg::Vec3d(building.x, building.y, building.height) - scene->origin;
  return m_window->viewer().project(local).toPoint();
}

void MainWindowTest::layerTreeListsLayer() {
  QTreeWidget& tree = m_window->layerTreeWidget();
  QCOMPARE(tree.topLevelItemCount(), 1);
  QCOMPARE(tree.topLevelItem(0)->text(0), QStringLiteral("buildings"));
  QCOMPARE(tree.topLevelItem(0)->checkState(0), Qt::Checked);
  QVERIFY(!tree.topLevelItem(0)->icon(0).isNull());  // the legend swatch
  QCOMPARE(tree.topLevelItem(0)->text(2), QStringLiteral("3"));
}

void MainWindowTest::clickIdentifiesBuilding() {
  ViewerWidget& viewer = m_window->viewer();
  for (const support::KnownBuilding& building : support::kBuildings) {
    const QPoint pos = roofOf(building);
    qInfo("%s: roof at (%d, %d) in a %dx%d view", building.name, pos.x(), pos.y(), viewer.width(),
          viewer.height());
    QVERIFY2(viewer.rect().contains(pos), qPrintable(QStringLiteral("%1 projects off screen")
                                                         .arg(QString::fromUtf8(building.name))));
    QTest::mouseClick(&viewer, Qt::LeftButton, {}, pos);
    const QTableWidget& table = m_window->attributeTable();
    QTRY_COMPARE(attribute(table, QStringLiteral("name")), QString::fromUtf8(building.name));
    QCOMPARE(attribute(table, QStringLiteral("Feature id")), QString::number(building.id));
    QCOMPARE(attribute(table, QStringLiteral("Layer")), QStringLiteral("buildings"));
    QCOMPARE(attribute(table, QStringLiteral("Area (m²)")).remove(',').toDouble(), 1200.0);
  }
  waitForFrames();
  keepForPerson(m_window->grab(), QStringLiteral("gui_identify.png"));
}

void MainWindowTest::clickOnSkyClearsSelection() {
  ViewerWidget& viewer = m_window->viewer();
  QTest::mouseClick(&viewer, Qt::LeftButton, {}, roofOf(support::kBuildings[1]));
  QTRY_VERIFY(m_window->attributeTable().rowCount() > 0);
  // The oblique preset looks down at the city: the top-left corner is sky.
  QVERIFY(!viewer.pick(QPoint(3, 3)));
  QTest::mouseClick(&viewer, Qt::LeftButton, {}, QPoint(3, 3));
  QTRY_COMPARE(m_window->attributeTable().rowCount(), 0);
}

void MainWindowTest::framebufferShowsCity() {
  waitForFrames();
  const QImage image = m_window->viewer().grabFramebuffer();
  QVERIFY(!image.isNull());
  keepForPerson(image, QStringLiteral("gui_viewer.png"));
  keepForPerson(m_window->grab(), QStringLiteral("gui_window.png"));
  const double city = support::fractionUnlike(image, skyRgb());
  qInfo("non-sky pixels: %.1f %%", city * 100);
  QVERIFY2(city > 0.02, "the view shows (almost) only sky");
  // The corner is sky blue: the clear colour reached the widget's framebuffer.
  QCOMPARE(support::fractionUnlike(image.copy(0, 0, 8, 8), skyRgb()), 0.0);
}

void MainWindowTest::cursorShowsProjectAndWgs84Coordinates() {
  const support::KnownBuilding& building = support::kBuildings[0];
  QTest::mouseMove(&m_window->viewer(), roofOf(building));
  QLabel& label = m_window->coordinateLabel();
  QTRY_VERIFY(label.text().contains(QStringLiteral("WGS 84")));
  keepForPerson(m_window->grab(), QStringLiteral("gui_coordinates.png"));
  const QString text = label.text();
  static const QRegularExpression numbers(QStringLiteral("E ([0-9.]+)\\s+N ([0-9.]+)\\s+Z ([0-9.]+)"));
  const auto projected = numbers.match(text);
  QVERIFY2(projected.hasMatch(), qPrintable(text));
  QVERIFY(qAbs(projected.captured(1).toDouble() - building.x) < 2.0);
  QVERIFY(qAbs(projected.captured(2).toDouble() - building.y) < 2.0);
  QVERIFY(qAbs(projected.captured(3).toDouble() - building.height) < 0.5);
  // UTM 32N: x = 500 km lies on the central meridian 9° E; y = 4800 km is about 43.35° N.
  static const QRegularExpression lonLat(QStringLiteral("([0-9.]+)° N, ([0-9.]+)° E"));
  const auto geographic = lonLat.match(text);
  QVERIFY2(geographic.hasMatch(), qPrintable(text));
  QVERIFY(qAbs(geographic.captured(1).toDouble() - 43.35) < 0.05);
  QVERIFY(qAbs(geographic.captured(2).toDouble() - 9.0) < 0.01);
}

void MainWindowTest::uncheckingLayerHidesIt() {
  QTreeWidgetItem* item = m_window->layerTreeWidget().topLevelItem(0);
  const auto& nodes = m_window->document().scene()->layerNodes;
  QVERIFY(nodes.contains("buildings"));
  item->setCheckState(0, Qt::Unchecked);
  QVERIFY(!m_window->document().isLayerVisible("buildings"));
  QVERIFY(!nodes.at("buildings")->getValue(0));
  // A click where the tower stands now identifies nothing (the ground belongs to no layer).
  ViewerWidget& viewer = m_window->viewer();
  const QPoint tower = roofOf(support::kBuildings[1]);
  QTest::mouseClick(&viewer, Qt::LeftButton, {}, tower);
  QTest::qWait(50);
  QCOMPARE(m_window->attributeTable().rowCount(), 0);
  item->setCheckState(0, Qt::Checked);
  QVERIFY(nodes.at("buildings")->getValue(0));
  QTest::mouseClick(&viewer, Qt::LeftButton, {}, tower);
  QTRY_COMPARE(attribute(m_window->attributeTable(), QStringLiteral("name")),
               QStringLiteral("Tower B"));
}

void MainWindowTest::dragLeft(const QPoint& from, const QPoint& to, int steps) {
  ViewerWidget& viewer = m_window->viewer();
  QTest::mousePress(&viewer, Qt::LeftButton, {}, from);
  for (int step = 1; step <= steps; ++step) {
    const QPointF at = QPointF(from) + QPointF(to - from) * step / steps;
    QMouseEvent move(QEvent::MouseMove, at, viewer.mapToGlobal(at), Qt::NoButton,
                     Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&viewer, &move);
    waitForFrames(1);
  }
  QTest::mouseRelease(&viewer, Qt::LeftButton, {}, to);
  waitForFrames();
}

osg::Matrixd MainWindowTest::viewMatrix() const {
  return m_window->viewer().viewer()->getCamera()->getViewMatrix();
}

void MainWindowTest::dragOrbitsAndHomeKeyRestoresView() {
  ViewerWidget& viewer = m_window->viewer();
  m_window->identify().clear();
  waitForFrames();
  const osg::Matrixd home = viewMatrix();
  const QPoint from = viewer.rect().center();
  dragLeft(from, from + QPoint(120, 40), 10);
  QCOMPARE(m_window->attributeTable().rowCount(), 0);  // a drag is no click
  QVERIFY2(!sameView(viewMatrix(), home), "the drag did not move the camera");

  m_window->activateWindow();
  QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
  viewer.setFocus();
  QTest::keyClick(&viewer, Qt::Key_Home);  // View > Zoom to all
  waitForFrames();
  QVERIFY(sameView(viewMatrix(), home));
}

void MainWindowTest::doubleClickOnLayerZoomsToIt() {
  ViewerWidget& viewer = m_window->viewer();
  viewer.zoomToAll();
  waitForFrames();
  const osg::Matrixd home = viewMatrix();
  dragLeft(viewer.rect().center(), viewer.rect().center() + QPoint(80, 0), 4);
  QVERIFY(!sameView(viewMatrix(), home));
  // The only layer's extent is the project's: framing it gives the home view again.
  QTreeWidget& tree = m_window->layerTreeWidget();
  const QRect row = tree.visualItemRect(tree.topLevelItem(0));
  // As a person does it: the first click selects (press sets the view's pressed index).
  QTest::mouseClick(tree.viewport(), Qt::LeftButton, {}, row.center());
  QTest::mouseDClick(tree.viewport(), Qt::LeftButton, {}, row.center());
  waitForFrames();
  QVERIFY(sameView(viewMatrix(), home));
  QCOMPARE(tree.topLevelItem(0)->checkState(0), Qt::Checked);
}

void MainWindowTest::corruptProjectShowsErrorAndKeepsProject() {
  const QString corrupt = m_dir.filePath(QStringLiteral("corrupt.dothi"));
  QFile file(corrupt);
  QVERIFY(file.open(QIODevice::WriteOnly));
  file.write(QByteArray(4096, 'x'));
  file.close();
  QString shown;
  QTimer closer;
  connect(&closer, &QTimer::timeout, this, [&shown] {
    if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
      shown = box->text();
      box->done(QMessageBox::Ok);
    }
  });
  closer.start(50);
  QVERIFY(!m_window->openProject(corrupt));
  closer.stop();
  QVERIFY2(shown.contains(QStringLiteral("corrupt.dothi")), qPrintable(shown));
  QCOMPARE(m_window->errors().lastError(), shown);
  QCOMPARE(m_window->document().path(), m_project);  // the open project stays
}

void MainWindowTest::vietnameseTranslationLoads() {
  QVERIFY(dothi::app::gui::installTranslators(*QCoreApplication::instance(), QStringLiteral("vi")));
  QCOMPARE(QCoreApplication::translate("dothi::app::gui::MainWindow", "&File"),
           QStringLiteral("&Tệp"));
  QCOMPARE(dothi::app::gui::layerKindLabel(dothi::geo::LayerKind::Buildings),
           QStringLiteral("Công trình"));
  qDeleteAll(QCoreApplication::instance()->findChildren<QTranslator*>());
  QLocale::setDefault(QLocale::c());
}

int main(int argc, char** argv) {
  MainWindowTest test;
  return support::runGuiTest(argc, argv, test);
}

#include "main_window_test.moc"
