// Live feeds in the main window: a replay feed's sensor and report markers drawn in their ramp
// and category colours, a click on a marker for details and the history chart, the threshold
// alert, the time slider and filters, and the feed resuming from the project file on reopen.
#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QSlider>
#include <QStatusBar>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest/QtTest>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>

#include "dothi/geo/crs.hpp"
#include "dothi/geo/feed_store.hpp"
#include "gui/feed_controller.hpp"
#include "gui/history_chart.hpp"
#include "gui/main_window.hpp"
#include "gui/project_document.hpp"
#include "gui/viewer_widget.hpp"
#include "gui_test_support.hpp"

using dothi::app::gui::FeedController;
using dothi::app::gui::MainWindow;
namespace support = dothi::tests::gui;

namespace {

constexpr std::int64_t kT0 = 1763622000000;  // 2025-11-20T07:00:00Z
const osg::Vec3d kSensor(500140.0, 4799955.0, 0);  // 60 m south of Tower B, EPSG:32632
const osg::Vec3d kReport(500260.0, 4799955.0, 0);  // 60 m south of Gamma Court

/// Red-ish purple (PM2.5 150–250 band), yellow (12–35) and the report's category colour differ
/// by which channels dominate; shading changes brightness, not that.
bool looksPurple(QRgb c) { return qRed(c) > qGreen(c) + 40 && qBlue(c) > qGreen(c) + 20; }
bool looksYellow(QRgb c) { return qRed(c) > qBlue(c) + 60 && qGreen(c) > qBlue(c) + 60; }

/// Any of the pixels around `p` satisfies `test`.
template <class F>
bool around(const QImage& image, QPoint p, F test) {
  for (int dy = -3; dy <= 3; ++dy)
    for (int dx = -3; dx <= 3; ++dx) {
      const QPoint q = p + QPoint(dx, dy);
      if (image.rect().contains(q) && test(image.pixel(q))) return true;
    }
  return false;
}

}  // namespace

class FeedsTest : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase();
  void cleanupTestCase();
  void replayFeedDrawsMarkersInRampColours();
  void thresholdCrossingRaisesAnAlert();
  void clickOnMarkerShowsDetailsAndHistory();
  void timeSliderShowsTheEarlierValue();
  void categoryFilterKeepsOnlyReports();
  void reopenedProjectKeepsEverythingOnce();
  void retentionSettingBoundsTheFeedTable();

 private:
  QPoint screenOf(const dothi::render::FeedMarker& marker, double lift) const;
  [[nodiscard]] const dothi::render::FeedMarker* marker(const std::string& stream) const;
  [[nodiscard]] double markerSize() const;

  QTemporaryDir m_dir;
  QString m_project;
  std::unique_ptr<MainWindow> m_window;
};

void FeedsTest::initTestCase() {
  QVERIFY(m_dir.isValid());
  m_project = m_dir.filePath(QStringLiteral("city.dothi"));
  const QString error = support::makeBuildingsProject(m_project);
  QVERIFY2(error.isEmpty(), qPrintable(error));
  auto toWgs = dothi::geo::Transformer::create("EPSG:32632", "EPSG:4326");
  QVERIFY(toWgs);
  auto lonLat = [&](const osg::Vec3d& p) {
    dothi::geo::Point q{p.x(), p.y()};
    toWgs->transform(q);
    return nlohmann::json::array({q.x, q.y});
  };
  auto feature = [&](const osg::Vec3d& at, nlohmann::json props) {
    return nlohmann::json{{"type", "Feature"}, {"geometry", {{"type", "Point"}, {"coordinates", lonLat(at)}}}, {"properties", props}};
  };
  nlohmann::json fc = {{"type", "FeatureCollection"}, {"features", nlohmann::json::array()}};
  fc["features"].push_back(feature(kSensor, {{"time", kT0}, {"stream", "s1"}, {"value", 20.0}, {"property", "PM2.5"}, {"unit", "µg/m³"}}));
  fc["features"].push_back(feature(kReport, {{"time", kT0 + 30000}, {"stream", "r1"}, {"category", "Pothole"}, {"status", "open"}}));
  fc["features"].push_back(feature(kSensor, {{"time", kT0 + 60000}, {"stream", "s1"}, {"value", 160.0}, {"property", "PM2.5"}, {"unit", "µg/m³"}}));
  fc["features"].push_back(feature(kReport, {{"time", kT0 + 120000}, {"stream", "r1"}, {"category", "Pothole"}, {"status", "closed"}}));
  std::ofstream(m_dir.filePath(QStringLiteral("events.geojson")).toStdString()) << fc.dump();

  m_window = std::make_unique<MainWindow>();
  m_window->resize(1280, 800);
  QVERIFY(m_window->openProject(m_project));
  m_window->show();
  QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
  QVERIFY(m_window->feeds().addFeed(QStringLiteral("demo"), QStringLiteral("replay"),
                                    {{"file", m_dir.filePath(QStringLiteral("events.geojson")).toStdString()}, {"speed", "0"}}));
  QTRY_COMPARE_WITH_TIMEOUT(m_window->feeds().markers().size(), std::size_t{2}, 10000);
  QTRY_VERIFY(marker("s1") && marker("s1")->value == 160.0);
  QVERIFY(support::waitForFrames(m_window->viewer(), 3));
}

void FeedsTest::cleanupTestCase() { m_window.reset(); }

const dothi::render::FeedMarker* FeedsTest::marker(const std::string& stream) const {
  for (const auto& m : m_window->feeds().markers())
    if (m.stream == stream) return &m;
  return nullptr;
}

double FeedsTest::markerSize() const {
  const auto& e = m_window->document().scene()->extent;
  return std::max(8.0, std::hypot(e.width(), e.height()) / 40.0);
}

QPoint FeedsTest::screenOf(const dothi::render::FeedMarker& m, double lift) const {
  return m_window->viewer().project(m.local + osg::Vec3d(0, 0, lift)).toPoint();
}

void FeedsTest::replayFeedDrawsMarkersInRampColours() {
  auto& table = *m_window->findChild<QTableWidget*>(QStringLiteral("feedTable"));
  QCOMPARE(table.rowCount(), 1);
  QCOMPARE(table.item(0, 0)->text(), QStringLiteral("demo"));
  QCOMPARE(table.item(0, 2)->text(), QStringLiteral("4"));
  QVERIFY(marker("r1")->report);
  QCOMPARE(marker("r1")->status, std::string("closed"));
  const QImage image = m_window->viewer().grabFramebuffer();
  if (const QString out = qEnvironmentVariable("DOTHI_TEST_OUTPUT"); !out.isEmpty()) image.save(out + "/feeds_live.png");
  const QPoint sphere = screenOf(*marker("s1"), markerSize() * 1.1);
  QVERIFY2(image.rect().contains(sphere), "the sensor marker is off screen");
  QVERIFY2(around(image, sphere, looksPurple), qPrintable(QStringLiteral("no PM2.5 160 colour at (%1,%2): %3")
                                                              .arg(sphere.x()).arg(sphere.y())
                                                              .arg(QColor(image.pixel(sphere)).name())));
  const QPoint pin = screenOf(*marker("r1"), markerSize() * 0.75);
  QVERIFY(around(image, pin, [](QRgb c) { return qAbs(qRed(c) - qGreen(c)) < 25 && qAbs(qGreen(c) - qBlue(c)) < 25 && qRed(c) < 200; }));
  const QString legend = m_window->findChild<QLabel*>(QStringLiteral("feedLegend"))->text();
  QVERIFY(legend.contains(QStringLiteral("PM2.5")));
  QVERIFY(legend.contains(QStringLiteral("150.4 – 250.4")));
  QVERIFY(legend.contains(QStringLiteral("Pothole")));
}

void FeedsTest::thresholdCrossingRaisesAnAlert() {
  auto& alerts = *m_window->findChild<QListWidget*>(QStringLiteral("feedAlerts"));
  QCOMPARE(alerts.count(), 1);  // 20 → 160 crosses 55.4 once; reports have no value
  QVERIFY(alerts.item(0)->text().contains(QStringLiteral("s1")));
  QVERIFY(alerts.item(0)->text().contains(QStringLiteral("160")));
}

void FeedsTest::clickOnMarkerShowsDetailsAndHistory() {
  const QPoint sphere = screenOf(*marker("s1"), markerSize() * 1.1);
  QTest::mouseClick(&m_window->viewer(), Qt::LeftButton, {}, sphere);
  auto& details = *m_window->findChild<QLabel*>(QStringLiteral("feedDetails"));
  QTRY_VERIFY(details.text().contains(QStringLiteral("<b>s1</b>")));
  QVERIFY(details.text().contains(QStringLiteral("160")));
  auto& chart = *m_window->findChild<dothi::app::gui::HistoryChart*>(QStringLiteral("feedHistoryChart"));
  QCOMPARE(chart.pointCount(), std::size_t{2});
  const QImage plot = chart.grab().toImage();
  QVERIFY(support::fractionUnlike(plot, qRgb(255, 255, 255)) > 0.01);  // the line and its labels
  int blue = 0;
  for (int y = 0; y < plot.height(); ++y)
    for (int x = 0; x < plot.width(); ++x) blue += qBlue(plot.pixel(x, y)) > 150 && qRed(plot.pixel(x, y)) < 80;
  QVERIFY2(blue > 20, "the history line is not drawn");
  // A click on the report pin shows the report.
  QTest::mouseClick(&m_window->viewer(), Qt::LeftButton, {}, screenOf(*marker("r1"), markerSize() * 0.75));
  QTRY_VERIFY(details.text().contains(QStringLiteral("Pothole, status closed")));
}

void FeedsTest::timeSliderShowsTheEarlierValue() {
  auto& slider = *m_window->findChild<QSlider*>(QStringLiteral("feedTimeSlider"));
  QCOMPARE(slider.minimum(), static_cast<int>(kT0 / 1000));
  QCOMPARE(slider.value(), slider.maximum());  // live
  slider.setValue(static_cast<int>(kT0 / 1000) + 40);
  QCOMPARE(*m_window->feeds().time() / 1000, kT0 / 1000 + 40);
  QCOMPARE(*marker("s1")->value, 20.0);
  QCOMPARE(marker("r1")->status, std::string("open"));
  QVERIFY(support::waitForFrames(m_window->viewer(), 2));
  const QImage image = m_window->viewer().grabFramebuffer();
  QVERIFY(around(image, screenOf(*marker("s1"), markerSize() * 1.1), looksYellow));
  slider.setValue(slider.maximum());
  QVERIFY(!m_window->feeds().time());
  QCOMPARE(*marker("s1")->value, 160.0);
}

void FeedsTest::categoryFilterKeepsOnlyReports() {
  auto& category = *m_window->findChild<QComboBox*>(QStringLiteral("feedCategoryFilter"));
  const int pothole = category.findData(QStringLiteral("Pothole"));
  QVERIFY(pothole > 0);
  category.setCurrentIndex(pothole);
  QCOMPARE(m_window->feeds().markers().size(), std::size_t{1});
  QCOMPARE(m_window->feeds().markers()[0].stream, std::string("r1"));
  auto& status = *m_window->findChild<QComboBox*>(QStringLiteral("feedStatusFilter"));
  status.setCurrentIndex(status.findData(QStringLiteral("open")));
  QCOMPARE(m_window->feeds().markers().size(), std::size_t{0});  // r1 is closed now
  status.setCurrentIndex(0);
  category.setCurrentIndex(0);
  QCOMPARE(m_window->feeds().markers().size(), std::size_t{2});
}

void FeedsTest::reopenedProjectKeepsEverythingOnce() {
  m_window.reset();
  auto store = dothi::geo::FeedStore::open(m_project.toStdString());
  QVERIFY(store);
  QCOMPARE((*store)->feed("demo")->count, 4);
  m_window = std::make_unique<MainWindow>();
  QVERIFY(m_window->openProject(m_project));
  m_window->show();
  QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
  QTRY_COMPARE(m_window->feeds().markers().size(), std::size_t{2});
  QTest::qWait(600);  // the resumed replay plays the file again: nothing may be stored twice
  m_window->feeds().pump();
  QCOMPARE((*store)->feed("demo")->count, 4);
}

void FeedsTest::retentionSettingBoundsTheFeedTable() {
  // The same 2025 events with "keep 1 day": stored, then deleted by the retention pass.
  QVERIFY(m_window->feeds().addFeed(QStringLiteral("old"), QStringLiteral("replay"),
                                    {{"file", m_dir.filePath(QStringLiteral("events.geojson")).toStdString()}, {"speed", "0"}},
                                    1));
  auto store = dothi::geo::FeedStore::open(m_project.toStdString());
  QVERIFY(store);
  QCOMPARE((*store)->feed("old")->retentionMs, std::int64_t{24 * 3600 * 1000});
  // Played through (the same state as the finished "demo" replay), so its batch was applied.
  QTRY_COMPARE_WITH_TIMEOUT(m_window->feeds().health(QStringLiteral("old")), m_window->feeds().health(QStringLiteral("demo")), 10000);
  QTest::qWait(600);
  m_window->feeds().pump();
  QCOMPARE((*store)->feed("old")->count, 0);
  QCOMPARE((*store)->feed("demo")->count, 4);  // no retention: everything kept
}

int main(int argc, char** argv) {
  FeedsTest test;
  return support::runGuiTest(argc, argv, test);
}

#include "feeds_test.moc"
