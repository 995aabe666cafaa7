// Offscreen snapshots: needs an X display (CTest runs under xvfb-run); skipped without one.
#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>

#include <osg/Image>
#include <osgDB/ReadFile>

#include "dothi/render/snapshot.hpp"
#include "render_fixture.hpp"

using namespace dothi;
using dothi::test::CityFixture;
using dothi::test::kX0;
using dothi::test::kY0;

namespace {

bool hasDisplay() {
  const char* d = std::getenv("DISPLAY");
  return d != nullptr && *d != '\0';
}

#define REQUIRE_DISPLAY() \
  if (!hasDisplay()) GTEST_SKIP() << "no X display (run under xvfb-run)"

bool isSky(const osg::Image& image, int x, int y) {
  const osg::Vec4 sky = render::skyColour();
  const osg::Vec4 c = image.getColor(x, y);
  return std::abs(c.r() - sky.r()) < 0.02f && std::abs(c.g() - sky.g()) < 0.02f && std::abs(c.b() - sky.b()) < 0.02f;
}

// Keeps a copy of a produced image when DOTHI_TEST_OUTPUT names a directory (for eyeballing).
void keep(const std::string& png) {
  if (const char* out = std::getenv("DOTHI_TEST_OUTPUT")) {
    std::error_code ec;
    std::filesystem::copy_file(png, std::filesystem::path(out) / std::filesystem::path(png).filename(),
                               std::filesystem::copy_options::overwrite_existing, ec);
  }
}

// Pixel (origin bottom-left, as osg::Image stores it) where a project point lands.
osg::Vec2d pixelOf(const render::CityScene& scene, const render::SnapshotOptions& options, double x, double y, double z) {
  osg::Vec3d eye, centre, up;
  const double aspect = double(options.width) / options.height;
  render::presetCamera(scene, options.view, aspect, eye, centre, up);
  const osg::Matrixd mvp = osg::Matrixd::lookAt(eye, centre, up) *
                           osg::Matrixd::perspective(render::kViewFovYDegrees, aspect, 1, 1e5);
  const osg::Vec3d ndc = osg::Vec3d(x - scene.origin.x(), y - scene.origin.y(), z) * mvp;
  return {(ndc.x() + 1) / 2 * options.width, (ndc.y() + 1) / 2 * options.height};
}

}  // namespace

TEST_F(CityFixture, TopSnapshotShowsTheBuildingsWhereTheCameraPutsThem) {
  REQUIRE_DISPLAY();
  auto scene = render::buildCityScene(*project);
  ASSERT_TRUE(scene) << scene.error().describe();
  const render::SnapshotOptions options{.width = 400, .height = 300, .view = render::ViewPreset::Top};
  const std::string png = dir.file("top.png");
  auto written = render::renderSnapshot(*scene, options, png);
  ASSERT_TRUE(written) << written.error().describe();

  keep(png);
  osg::ref_ptr<osg::Image> image = osgDB::readImageFile(png);
  ASSERT_TRUE(image.valid());
  ASSERT_EQ(image->s(), 400);
  ASSERT_EQ(image->t(), 300);
  // The roof of the L's long wing, and the courtyard which must show the ground, not a roof.
  const osg::Vec2d roof = pixelOf(*scene, options, kX0 + 45, kY0 + 20, 20);
  const osg::Vec4 roofColour = image->getColor(int(roof.x()), int(roof.y()));
  EXPECT_FALSE(isSky(*image, int(roof.x()), int(roof.y())));
  const osg::Vec2d court = pixelOf(*scene, options, kX0 + 20, kY0 + 70, 0);
  const osg::Vec4 courtColour = image->getColor(int(court.x()), int(court.y()));
  EXPECT_GT((roofColour - courtColour).length(), 0.05f) << "the courtyard is covered";
  int drawn = 0;
  for (int y = 0; y < image->t(); ++y)
    for (int x = 0; x < image->s(); ++x) drawn += isSky(*image, x, y) ? 0 : 1;
  EXPECT_GT(drawn, 400 * 300 / 2);  // the extent fills the frame
}

TEST_F(CityFixture, ObliqueSnapshotsRepeatInOneProcess) {
  REQUIRE_DISPLAY();
  auto scene = render::buildCityScene(*project);
  ASSERT_TRUE(scene) << scene.error().describe();
  const render::SnapshotOptions options{.width = 320, .height = 200, .view = render::ViewPreset::Oblique};
  osg::ref_ptr<osg::Image> first;
  for (int i = 0; i < 3; ++i) {
    const std::string png = dir.file("oblique" + std::to_string(i) + ".png");
    auto written = render::renderSnapshot(*scene, options, png);
    ASSERT_TRUE(written) << written.error().describe();
    keep(png);
    osg::ref_ptr<osg::Image> image = osgDB::readImageFile(png);
    ASSERT_TRUE(image.valid());
    // Every run draws the city again (stale GL objects from a previous context would leave
    // only the sky): the tall L building stands near the centre of the frame.
    const osg::Vec2d wing = pixelOf(*scene, options, kX0 + 45, kY0 + 15, 20);
    EXPECT_FALSE(isSky(*image, int(wing.x()), int(wing.y()))) << i;
    EXPECT_FALSE(isSky(*image, image->s() / 2, image->t() / 2)) << i;
    if (!first) first = image;
    ASSERT_EQ(image->getTotalSizeInBytes(), first->getTotalSizeInBytes());
    EXPECT_EQ(std::memcmp(image->data(), first->data(), image->getTotalSizeInBytes()), 0) << "run " << i << " differs";
  }
}

TEST_F(CityFixture, UnwritablePathIsAnIoErrorNamingIt) {
  REQUIRE_DISPLAY();
  auto scene = render::buildCityScene(*project);
  ASSERT_TRUE(scene) << scene.error().describe();
  const std::string png = dir.file("no/such/dir/x.png");
  auto written = render::renderSnapshot(*scene, {.width = 64, .height = 48, .view = render::ViewPreset::Top}, png);
  ASSERT_FALSE(written);
  EXPECT_EQ(written.error().code, geo::ErrorCode::Io);
  EXPECT_NE(written.error().describe().find(png), std::string::npos);
}

TEST_F(CityFixture, NoDisplayIsAClearError) {
  auto scene = render::buildCityScene(*project);
  ASSERT_TRUE(scene) << scene.error().describe();
  const char* saved = std::getenv("DISPLAY");
  const std::string display = saved ? saved : "";
  unsetenv("DISPLAY");
  auto written = render::renderSnapshot(*scene, {.width = 64, .height = 48, .view = render::ViewPreset::Top}, dir.file("x.png"));
  if (!display.empty()) setenv("DISPLAY", display.c_str(), 1);
  ASSERT_FALSE(written);
  EXPECT_NE(written.error().message.find("DISPLAY"), std::string::npos);
}
