#include <gtest/gtest.h>

#include "dothi/geo/building.hpp"
#include "dothi/geo/feature.hpp"
#include "dothi/geo/geometry.hpp"

using namespace dothi::geo;

namespace {
Polygon square(double x, double y, double s) { return {{{x, y}, {x + s, y}, {x + s, y + s}, {x, y + s}, {x, y}}, {}}; }
}  // namespace

TEST(Geometry, AreaSubtractsHoles) {
  Geometry g;
  g.type = GeometryType::Polygon;
  Polygon p = square(500000, 2300000, 10);
  p.holes.push_back(square(500002, 2300002, 2).outer);
  g.polygons.push_back(p);
  EXPECT_DOUBLE_EQ(area(g), 96.0);
  EXPECT_DOUBLE_EQ(length(g), 48.0);
  EXPECT_TRUE(contains(g, {500001, 2300001}));
  EXPECT_FALSE(contains(g, {500003, 2300003}));  // in the hole
}

TEST(Geometry, WkbRoundTripKeepsEverything) {
  Geometry g;
  g.type = GeometryType::MultiPolygon;
  g.polygons = {square(1, 2, 3), square(10, 10, 1)};
  g.polygons[0].holes.push_back(square(1.5, 2.5, 0.5).outer);
  auto wkb = toWkb(g);
  Geometry back;
  ASSERT_TRUE(fromWkb(wkb.data(), wkb.size(), back));
  EXPECT_EQ(back.type, GeometryType::MultiPolygon);
  ASSERT_EQ(back.polygons.size(), 2u);
  ASSERT_EQ(back.polygons[0].holes.size(), 1u);
  EXPECT_DOUBLE_EQ(back.polygons[1].outer[2].x, 11);
  EXPECT_DOUBLE_EQ(area(back), area(g));
}

TEST(Geometry, MalformedWkbIsRefused) {
  std::vector<std::uint8_t> junk = {1, 3, 0, 0, 0, 0xff, 0xff, 0xff, 0x7f};
  Geometry g;
  std::string err;
  EXPECT_FALSE(fromWkb(junk.data(), junk.size(), g, &err));
  EXPECT_FALSE(err.empty());
}

TEST(Feature, NumbersFromLooseText) {
  EXPECT_EQ(valueToNumber(Value{std::string("12 m")}), 12.0);
  EXPECT_EQ(valueToNumber(Value{std::string("12,5")}), 12.5);
  EXPECT_FALSE(valueToNumber(Value{std::string("tall")}));
  EXPECT_EQ(valueToNumber(Value{std::int64_t{4}}), 4.0);
}

TEST(BuildingHeights, HeightThenLevelsThenDefault) {
  Schema s = {{"name", FieldType::Text}, {"height", FieldType::Text}, {"building:levels", FieldType::Text}};
  BuildingHeights heights(s, HeightRule{9.0, 3.2});
  Feature f;
  f.attributes = {std::string("a"), std::string("21.5"), std::string("3")};
  EXPECT_DOUBLE_EQ(heights.of(f).height, 21.5);
  f.attributes = {std::string("b"), Value{}, std::string("5")};
  EXPECT_DOUBLE_EQ(heights.of(f).height, 16.0);
  EXPECT_EQ(heights.of(f).source, BuildingHeight::Source::Levels);
  f.attributes = {std::string("c"), Value{}, Value{}};
  EXPECT_DOUBLE_EQ(heights.of(f).height, 9.0);
}

TEST(LayerKind, NamesRoundTrip) {
  for (auto k : {LayerKind::Buildings, LayerKind::Parcels, LayerKind::Roads, LayerKind::Other})
    EXPECT_EQ(layerKindFromName(layerKindName(k)), k);
  EXPECT_FALSE(layerKindFromName("castles"));
}
