#include "gui_test_support.hpp"

#include <QApplication>
#include <QElapsedTimer>
#include <QtTest/QtTest>

#include <cstdio>
#include <cstdlib>

#include "gui/viewer_widget.hpp"

#include "dothi/geo/project.hpp"
#include "gui/gl_format.hpp"

namespace dothi::tests::gui {

const KnownBuilding kBuildings[3] = {
    {1, "Alpha Hall", 500020.0, 4800015.0, 20.0},
    {2, "Tower B", 500140.0, 4800015.0, 50.0},
    {3, "Gamma Court", 500260.0, 4800015.0, 35.0},
};

namespace {

geo::Feature rectangle(const KnownBuilding& b) {
  const double hx = 20.0, hy = 15.0;
  geo::Polygon polygon;
  polygon.outer = {{b.x - hx, b.y - hy, 0}, {b.x + hx, b.y - hy, 0}, {b.x + hx, b.y + hy, 0},
                   {b.x - hx, b.y + hy, 0}, {b.x - hx, b.y - hy, 0}};
  geo::Feature f;
  f.id = b.id;
  f.geometry.type = geo::GeometryType::MultiPolygon;
  f.geometry.polygons.push_back(polygon);
  f.attributes = {std::string(b.name), b.height};
  return f;
}

}  // namespace

QString makeBuildingsProject(const QString& path) {
  auto project = geo::Project::create(path.toStdString());
  if (!project) return QString::fromStdString(project.error().describe());
  if (auto ok = (*project)->setCrs("EPSG:32632"); !ok)
    return QString::fromStdString(ok.error().describe());
  geo::LayerInfo spec;
  spec.name = "buildings";
  spec.kind = geo::LayerKind::Buildings;
  spec.geometryType = geo::GeometryType::MultiPolygon;
  spec.fields = {{"name", geo::FieldType::Text}, {"height", geo::FieldType::Real}};
  auto writer = (*project)->beginLayer(spec);
  if (!writer) return QString::fromStdString(writer.error().describe());
  for (const KnownBuilding& b : kBuildings) {
    if (auto added = (*writer)->add(rectangle(b)); !added)
      return QString::fromStdString(added.error().describe());
  }
  if (auto committed = (*writer)->commit(); !committed)
    return QString::fromStdString(committed.error().describe());
  return {};
}

double fractionUnlike(const QImage& image, QRgb background, int tolerance) {
  const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
  qint64 unlike = 0;
  for (int y = 0; y < rgb.height(); ++y) {
    const auto* line = reinterpret_cast<const QRgb*>(rgb.constScanLine(y));
    for (int x = 0; x < rgb.width(); ++x) {
      const QRgb p = line[x];
      if (std::abs(qRed(p) - qRed(background)) > tolerance ||
          std::abs(qGreen(p) - qGreen(background)) > tolerance ||
          std::abs(qBlue(p) - qBlue(background)) > tolerance)
        ++unlike;
    }
  }
  const qint64 total = static_cast<qint64>(rgb.width()) * rgb.height();
  return total > 0 ? static_cast<double>(unlike) / total : 0.0;
}

int runGuiTest(int argc, char** argv, QObject& test) {
  if (qEnvironmentVariableIsEmpty("DISPLAY")) {
    std::puts("SKIP: no DISPLAY; run under xvfb-run (offscreen cannot host QOpenGLWidget)");
    return 77;
  }
  qputenv("QT_QPA_PLATFORM", "xcb");
  app::gui::setDefaultGlFormat();
  QApplication app(argc, argv);
  return QTest::qExec(&test, argc, argv);
}

bool waitForFrames(dothi::app::gui::ViewerWidget& viewer, int count) {
  const int target = viewer.framesDrawn() + count;
  QElapsedTimer clock;
  clock.start();
  while (viewer.framesDrawn() < target && clock.elapsed() < 15000) {
    viewer.update();
    QTest::qWait(20);
  }
  return viewer.framesDrawn() >= target;
}

}  // namespace dothi::tests::gui
