// The planar distance behind "within N m of a feature" queries (geo::analysis::queryFeatures),
// and ring checks of holes.
#include <gtest/gtest.h>

#include <algorithm>

#include "dothi/geo/analysis/feature_query.hpp"
#include "dothi/geo/analysis/topology.hpp"

namespace dothi::geo::analysis {
namespace {

Geometry box(double x0, double y0, double x1, double y1) {
  Geometry g;
  g.type = GeometryType::Polygon;
  g.polygons.push_back({{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}, {}});
  return g;
}

TEST(GeometryDistance, CrossingShapesWithNoVertexInsideTheOtherMeet) {
  // A plus sign: every vertex of each bar is far outside the other, yet they overlap.
  EXPECT_EQ(geometryDistance(box(-50, -1, 50, 1), box(-1, -50, 1, 50)), 0);
}

TEST(GeometryDistance, TouchingApartAndInside) {
  EXPECT_EQ(geometryDistance(box(0, 0, 10, 10), box(10, 0, 20, 10)), 0);      // shared edge
  EXPECT_EQ(geometryDistance(box(0, 0, 10, 10), box(13, 4, 20, 10)), 3);      // 3 m apart
  EXPECT_NEAR(geometryDistance(box(0, 0, 10, 10), box(13, 14, 20, 20)), 5, 1e-12);  // corner to corner: 3-4-5
  EXPECT_EQ(geometryDistance(box(0, 0, 100, 100), box(40, 40, 60, 60)), 0);   // inside
  Geometry holed = box(0, 0, 100, 100);
  holed.polygons[0].holes.push_back({{30, 30}, {30, 70}, {70, 70}, {70, 30}, {30, 30}});
  EXPECT_EQ(geometryDistance(holed, box(40, 40, 60, 60)), 10);  // in the hole: 10 m from its rim
}

TEST(GeometryDistance, LinesAndPoints) {
  Geometry line;
  line.type = GeometryType::LineString;
  line.lines.push_back({{{0, 20}, {5, 20}}});
  EXPECT_EQ(geometryDistance(line, box(0, 0, 10, 10)), 10);
  Geometry point;
  point.type = GeometryType::Point;
  point.points.push_back({5, 5});
  EXPECT_EQ(geometryDistance(point, box(0, 0, 10, 10)), 0);
  EXPECT_EQ(geometryDistance(point, line), 15);
}

}  // namespace
}  // namespace dothi::geo::analysis

// Regression: a hole nested inside another hole was only found when the two rings crossed.

namespace dothi::geo::analysis {
namespace {

Ring square(double x0, double y0, double x1, double y1, bool clockwise) {
  Ring r = {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}};
  if (clockwise) std::reverse(r.begin(), r.end());
  return r;
}

TEST(RingChecks, HoleInsideAnotherHoleIsFoundThoughTheRingsDoNotCross) {
  Geometry g;
  g.type = GeometryType::Polygon;
  g.polygons.push_back({square(0, 0, 100, 100, false), {square(20, 20, 80, 80, true), square(40, 40, 50, 50, true)}});
  const auto findings = checkGeometry(g, 1.0);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].type, FindingType::HoleOutsideShell);
  EXPECT_NE(findings[0].message.find("inside another hole"), std::string::npos);
  EXPECT_DOUBLE_EQ(findings[0].area, 100);
  // Listed the other way round, the inner one is still the one reported.
  std::swap(g.polygons[0].holes[0], g.polygons[0].holes[1]);
  const auto swapped = checkGeometry(g, 1.0);
  ASSERT_EQ(swapped.size(), 1u);
  EXPECT_DOUBLE_EQ(swapped[0].area, 100);
  // Two holes side by side are fine.
  g.polygons[0].holes = {square(10, 10, 30, 30, true), square(60, 60, 90, 90, true)};
  EXPECT_TRUE(checkGeometry(g, 1.0).empty());
}

}  // namespace
}  // namespace dothi::geo::analysis
