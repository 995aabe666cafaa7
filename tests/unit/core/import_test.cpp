#include <gtest/gtest.h>

#include <atomic>

#include "../../test_support.hpp"
#include "core/import_layer.hpp"
#include "core/project_report.hpp"

using namespace dothi;
using dothi::test::sharedData;
using dothi::test::TempDir;

TEST(ImportSource, CancelLeavesProjectUnchanged) {
  DOTHI_REQUIRE_DATA("osm/monaco2021_roads.geojson");
  TempDir dir;
  auto project = geo::Project::create(dir.file("c.dothi"));
  ASSERT_TRUE(project);
  std::atomic<bool> cancel{false};
  app::ImportOptions o;
  o.source = sharedData("osm/monaco2021_roads.geojson").string();
  o.cancel = &cancel;
  int calls = 0;
  o.progress = [&](double fraction, const std::string&) {
    EXPECT_GE(fraction, 0.0);
    EXPECT_LE(fraction, 1.0);
    if (++calls == 3) cancel = true;  // the user presses Cancel part way
  };
  auto r = app::importSource(**project, o);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, geo::ErrorCode::Cancelled);
  EXPECT_TRUE((*project)->layers().empty());
  EXPECT_TRUE((*project)->crs().empty());  // the CRS chosen by the cancelled import is rolled back too
}

TEST(ImportSource, ReadOnlyProjectIsRefused) {
  DOTHI_REQUIRE_DATA("osm/monaco2021_landuse.geojson");
  TempDir dir;
  { ASSERT_TRUE(geo::Project::create(dir.file("c.dothi"))); }
  auto project = geo::Project::open(dir.file("c.dothi"), true);
  ASSERT_TRUE(project);
  app::ImportOptions o;
  o.source = sharedData("osm/monaco2021_landuse.geojson").string();
  auto r = app::importSource(**project, o);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, geo::ErrorCode::Io);
  EXPECT_EQ(r.error().file, dir.file("c.dothi"));
}

TEST(ImportSource, ProgressReachesOneAndKindsAreGuessed) {
  DOTHI_REQUIRE_DATA("osm/monaco2021_buildings.geojson");
  TempDir dir;
  double last = 0;
  app::ImportOptions o;
  o.source = sharedData("osm/monaco2021_buildings.geojson").string();
  o.progress = [&](double f, const std::string&) { last = f; };
  auto r = app::importIntoFile(dir.file("c.dothi"), o);
  ASSERT_TRUE(r) << r.error().describe();
  EXPECT_DOUBLE_EQ(last, 1.0);
  EXPECT_EQ(r->layers.at(0).info.kind, geo::LayerKind::Buildings);
  auto project = geo::Project::open(dir.file("c.dothi"), true);
  auto ind = app::computeIndicators(**project);
  ASSERT_TRUE(ind);
  EXPECT_EQ(ind->buildings, 1207);
  EXPECT_EQ(ind->heightFromData, 110);  // 101 with levels or 35 with height, overlapping
}
