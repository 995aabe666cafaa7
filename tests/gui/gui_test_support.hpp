#pragma once
/// Helpers shared by the GUI tests: a small known project and display checks.
#include <QImage>
#include <QString>

#include <cstdint>

namespace dothi::app::gui {
class ViewerWidget;
}

namespace dothi::tests::gui {

struct KnownBuilding {
  std::int64_t id;
  const char* name;
  double x, y;    ///< centre, EPSG:32632 metres
  double height;  ///< metres
};

/// Three 40 m x 30 m buildings along the x axis near (500000, 4800000) in EPSG:32632.
extern const KnownBuilding kBuildings[3];

/// Creates `path` with the CRS EPSG:32632 and one "buildings" layer (fields name, height).
/// Returns an empty string on success, else the error.
QString makeBuildingsProject(const QString& path);

/// Fraction of pixels that differ from `background` by more than `tolerance` per channel.
double fractionUnlike(const QImage& image, QRgb background, int tolerance = 12);

/// Runs the test object with a QApplication set up for OSG (xcb, compatibility GL format).
/// Returns 77 (ctest skip) when no X display is available.
int runGuiTest(int argc, char** argv, QObject& test);

/// Asks the viewer for `count` more frames and waits (up to 15 s) until they are drawn.
bool waitForFrames(dothi::app::gui::ViewerWidget& viewer, int count);

}  // namespace dothi::tests::gui
