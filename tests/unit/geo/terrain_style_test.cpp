// The terrain grid (bilinear heights, storage in the project file) and layer styles (JSON,
// classification, storage) — issue 3's model pieces that live in geo.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "../../test_support.hpp"
#include "dothi/geo/project.hpp"
#include "dothi/geo/style.hpp"
#include "dothi/geo/terrain.hpp"

using namespace dothi::geo;
using dothi::test::TempDir;

namespace {

/// 4 x 3 cells of 10 m from (1000, 2000) at the north-west centre; h = 100 + x/10 - y/20 local.
TerrainGrid slopeGrid() {
  TerrainGrid g;
  g.crs = "EPSG:32632";
  g.columns = 4;
  g.rows = 3;
  g.originX = 1000;
  g.originY = 2000;
  g.cellX = g.cellY = 10;
  for (int r = 0; r < g.rows; ++r)
    for (int c = 0; c < g.columns; ++c) g.heights.push_back(static_cast<float>(100 + c * 1.0 + r * 0.5));
  return g;
}

}  // namespace

TEST(TerrainGrid, BilinearInsideNothingOutside) {
  const TerrainGrid g = slopeGrid();
  EXPECT_EQ(g.extent().minX, 1000);
  EXPECT_EQ(g.extent().maxY, 2000);
  EXPECT_EQ(g.extent().minY, 1980);
  EXPECT_NEAR(*g.heightAt(1000, 2000), 100.0, 1e-9);           // a cell centre
  EXPECT_NEAR(*g.heightAt(1015, 1995), 100 + 1.5 + 0.25, 1e-6);  // between four centres
  EXPECT_NEAR(*g.heightAt(1030, 1980), 100 + 3 + 1, 1e-6);       // the south-east corner
  EXPECT_FALSE(g.heightAt(999, 2000));
  EXPECT_FALSE(g.heightAt(1000, 2001));
  const auto [lo, hi] = g.range();
  EXPECT_FLOAT_EQ(lo, 100);
  EXPECT_FLOAT_EQ(hi, 104);
}

TEST(TerrainGrid, NoDataCornersAreLeftOutOfTheWeights) {
  TerrainGrid g = slopeGrid();
  g.heights[1] = std::numeric_limits<float>::quiet_NaN();  // (column 1, row 0)
  EXPECT_NEAR(g.validFraction(), 11.0 / 12.0, 1e-9);
  // Half way between (0,0)=100 and (1,0)=NaN: only the valid corner counts.
  EXPECT_NEAR(*g.heightAt(1005, 2000), 100.0, 1e-6);
  EXPECT_TRUE(std::isnan(g.at(1, 0)));
  EXPECT_TRUE(std::isnan(g.at(9, 9)));
}

TEST(TerrainGrid, StoredInTheProjectFileAndReadBack) {
  TempDir dir;
  const std::string path = dir.file("t.dothi");
  {
    auto project = Project::create(path);
    ASSERT_TRUE(project) << project.error().describe();
    ASSERT_TRUE((*project)->setCrs("EPSG:32632"));
    auto none = (*project)->terrain();
    ASSERT_TRUE(none);
    EXPECT_FALSE(none->has_value());  // no DEM: a flat ground
    TerrainGrid g = slopeGrid();
    g.heights[5] = std::numeric_limits<float>::quiet_NaN();
    g.source = "dem.tif";
    g.sourceCrs = "EPSG:4326";
    ASSERT_TRUE((*project)->setTerrain(g));
  }
  auto project = Project::open(path, true);
  ASSERT_TRUE(project) << project.error().describe();
  auto read = (*project)->terrain();
  ASSERT_TRUE(read) << read.error().describe();
  ASSERT_TRUE(read->has_value());
  const TerrainGrid& g = **read;
  EXPECT_EQ(g.columns, 4);
  EXPECT_EQ(g.rows, 3);
  EXPECT_EQ(g.originX, 1000);
  EXPECT_EQ(g.cellY, 10);
  EXPECT_EQ(g.source, "dem.tif");
  EXPECT_EQ(g.sourceCrs, "EPSG:4326");
  EXPECT_TRUE(std::isnan(g.at(1, 1)));  // no data survives as NaN
  EXPECT_FLOAT_EQ(g.at(3, 2), 104.0f);
  EXPECT_FALSE((*project)->setTerrain(g));  // read-only
}

TEST(TerrainGrid, EmptyGridIsRefused) {
  TempDir dir;
  auto project = Project::create(dir.file("e.dothi"));
  ASSERT_TRUE(project);
  TerrainGrid g;
  auto r = (*project)->setTerrain(g);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::InvalidArgument);
}

TEST(LayerStyle, CategoriesKeepTheMostFrequentValues) {
  auto style = categorize("landuse", {{"grass", 10}, {"water", 3}, {"forest", 7}, {"", 50}, {"farm", 1}}, 3, "");
  ASSERT_TRUE(style) << style.error().describe();
  ASSERT_EQ(style->classes.size(), 3u);
  EXPECT_EQ(style->classes[0].value, "grass");  // by count; empty values are not a category
  EXPECT_EQ(style->classes[1].value, "forest");
  EXPECT_EQ(style->classes[2].value, "water");
  EXPECT_EQ(style->ramp, "tableau");
  EXPECT_EQ(style->classOf(Value{std::string("forest")}), 1);
  EXPECT_EQ(style->classOf(Value{std::string("farm")}), -1);
  EXPECT_EQ(*style->colourOf(Value{std::string("farm")}), style->other);
  EXPECT_NE(style->classes[0].colour, style->classes[1].colour);
}

TEST(LayerStyle, GraduatedQuantilesAndEqualIntervals) {
  std::vector<double> values;
  for (int i = 1; i <= 100; ++i) values.push_back(i);
  auto quantile = graduate("height", values, 4, "quantile", "viridis");
  ASSERT_TRUE(quantile) << quantile.error().describe();
  ASSERT_EQ(quantile->classes.size(), 4u);
  for (const auto& c : quantile->classes) EXPECT_NEAR(static_cast<double>(c.count), 25.0, 1.0);
  EXPECT_EQ(quantile->classOf(Value{100.0}), 3);  // the last class includes its maximum
  EXPECT_EQ(quantile->classOf(Value{std::string("7")}), 0);
  EXPECT_EQ(quantile->classOf(Value{}), -1);
  auto equal = graduate("height", {0, 1, 2, 10}, 2, "equal", "reds");
  ASSERT_TRUE(equal);
  EXPECT_DOUBLE_EQ(equal->classes[0].max, 5.0);
  EXPECT_EQ(equal->classes[0].count, 3);
  EXPECT_FALSE(graduate("height", {}, 4, "quantile", ""));
  EXPECT_FALSE(graduate("height", values, 4, "jenks", ""));
  EXPECT_FALSE(graduate("height", values, 4, "quantile", "rainbow"));
}

TEST(LayerStyle, QuantilesOfADominantValueStillGiveTheClassesAskedFor) {
  std::vector<double> values(1000, 10.0);  // the default height of buildings without data
  for (double v : {3.2, 6.4, 12.8, 16.0, 19.2, 25.0, 40.0, 60.0, 111.0}) values.push_back(v);
  auto style = graduate("_height", values, 5, "quantile", "ylorrd");
  ASSERT_TRUE(style);
  EXPECT_EQ(style->classes.size(), 5u);
}

TEST(LayerStyle, JsonRoundTripsThroughTheProjectFile) {
  TempDir dir;
  const std::string path = dir.file("s.dothi");
  auto style = graduate("height", {3, 9, 12, 30, 80}, 3, "quantile", "viridis");
  ASSERT_TRUE(style);
  style->labelField = "name";
  style->roof = "hipped";
  {
    auto project = Project::create(path);
    ASSERT_TRUE(project);
    ASSERT_TRUE((*project)->setCrs("EPSG:32632"));
    LayerInfo spec;
    spec.name = "buildings";
    spec.kind = LayerKind::Buildings;
    spec.geometryType = GeometryType::Polygon;
    spec.fields = {{"height", FieldType::Real}};
    auto writer = (*project)->beginLayer(spec);
    ASSERT_TRUE(writer);
    ASSERT_TRUE((*writer)->commit());
    ASSERT_TRUE((*project)->setLayerStyle("buildings", layerStyleJson(*style)));
  }
  auto project = Project::open(path, true);
  ASSERT_TRUE(project);
  const auto info = (*project)->layer("buildings");
  ASSERT_TRUE(info);
  auto back = parseLayerStyle(info->style);
  ASSERT_TRUE(back) << back.error().describe();
  EXPECT_EQ(back->mode, StyleMode::Graduated);
  EXPECT_EQ(back->field, "height");
  EXPECT_EQ(back->labelField, "name");
  EXPECT_EQ(back->roof, "hipped");
  ASSERT_EQ(back->classes.size(), style->classes.size());
  for (std::size_t i = 0; i < back->classes.size(); ++i) {
    EXPECT_EQ(back->classes[i].colour, style->classes[i].colour) << i;  // ramps give "#rrggbb"-exact colours
    EXPECT_EQ(back->classes[i].min, style->classes[i].min);
    EXPECT_EQ(back->classes[i].max, style->classes[i].max);
    EXPECT_EQ(back->classes[i].label, style->classes[i].label);
    EXPECT_EQ(back->classes[i].count, style->classes[i].count);
  }
  EXPECT_EQ(layerStyleJson(*back), layerStyleJson(*style));
}

TEST(LayerStyle, BadJsonIsAFormatError) {
  EXPECT_TRUE(parseLayerStyle(""));  // empty: the default look
  EXPECT_EQ(parseLayerStyle("")->mode, StyleMode::Default);
  for (const char* bad : {"{", "[1]", R"({"mode":"sparkle"})", R"({"mode":"categories"})",
                          R"({"mode":"categories","field":"x","classes":[{"value":"a","colour":"red"}]})"}) {
    auto r = parseLayerStyle(bad);
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().code, ErrorCode::Format) << bad;
  }
  EXPECT_EQ(toHex({1, 0.5f, 0, 1}), "#ff8000");
  EXPECT_EQ(*parseHex("#ff800080"), (Rgba{1, 128 / 255.0f, 0, 128 / 255.0f}));
  EXPECT_FALSE(parseHex("ff8000"));
}
