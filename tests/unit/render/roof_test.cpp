// Pitched roofs from CGAL's straight skeleton: ridge heights and roof areas of known footprints.
#include <gtest/gtest.h>

#include <cmath>

#include "detail/roof.hpp"

using namespace dothi::render::detail;

namespace {

const double kSlope = std::tan(30.0 * 3.14159265358979 / 180.0);
const double kCos = std::cos(30.0 * 3.14159265358979 / 180.0);

const Rings kRectangle{{{0, 0}, {20, 0}, {20, 10}, {0, 10}}};                            // 200 m²
const Rings kLShape{{{0, 0}, {30, 0}, {30, 10}, {10, 10}, {10, 30}, {0, 30}}};             // 500 m², wings 10 m wide
const Rings kCourtyard{{{0, 0}, {40, 0}, {40, 40}, {0, 40}}, {{10, 10}, {10, 30}, {30, 30}, {30, 10}}};  // 1200 m²

int gables(const Roof& roof) {
  int n = 0;
  for (const auto& f : roof.faces) n += f.gable ? 1 : 0;
  return n;
}

/// Highest roof point and whether every sloped face's normal points up and every gable outwards.
double ridge(const Roof& roof) {
  double top = 0;
  for (const auto& f : roof.faces)
    for (const auto& p : f.triangles) top = std::max(top, static_cast<double>(p.z()));
  return top;
}

void expectFacesOriented(const Roof& roof) {
  for (const auto& f : roof.faces) {
    ASSERT_EQ(f.triangles.size() % 3, 0u);
    if (f.gable) {
      EXPECT_NEAR(f.normal.z(), 0.0f, 1e-5f);
    } else {
      EXPECT_NEAR(f.normal.z(), kCos, 1e-4) << "every sloped face has the same 30 degree pitch";
    }
    for (std::size_t i = 0; i + 2 < f.triangles.size(); i += 3) {
      osg::Vec3f n = (f.triangles[i + 1] - f.triangles[i]) ^ (f.triangles[i + 2] - f.triangles[i]);
      if (n.length() < 1e-6f) continue;
      n.normalize();
      EXPECT_GT(n * f.normal, 0.99f) << "triangles wind counter-clockwise seen from outside";
    }
  }
}

}  // namespace

TEST(Roof, HippedRectangleRidgeAndArea) {
  Tessellator tess;
  auto roof = buildRoof(kRectangle, RoofShape::Hipped, kSlope, tess);
  ASSERT_TRUE(roof);
  EXPECT_NEAR(roof->height, 5 * kSlope, 1e-4);  // half the width, at 30 degrees
  EXPECT_NEAR(ridge(*roof), 5 * kSlope, 1e-4);
  EXPECT_NEAR(roof->area, 200 / kCos, 1e-2);    // every face at one pitch: footprint / cos
  EXPECT_EQ(roof->faces.size(), 4u);             // two trapezoids, two hip triangles
  EXPECT_EQ(gables(*roof), 0);
  expectFacesOriented(*roof);
}

TEST(Roof, GabledRectangleHasTwoGablesAndAFullLengthRidge) {
  Tessellator tess;
  auto roof = buildRoof(kRectangle, RoofShape::Gabled, kSlope, tess);
  ASSERT_TRUE(roof);
  EXPECT_EQ(gables(*roof), 2);
  EXPECT_NEAR(roof->height, 5 * kSlope, 1e-4);
  EXPECT_NEAR(roof->area, 200 / kCos, 1e-2);  // the gable triangles' plan moved to the slopes
  // The ridge reaches both short walls: its ends lie on x = 0 and x = 20 at y = 5.
  int ridgeEnds = 0;
  for (const auto& f : roof->faces)
    for (const auto& p : f.triangles)
      if (std::abs(p.z() - 5 * kSlope) < 1e-3 && std::abs(p.y() - 5) < 1e-3 && (std::abs(p.x()) < 1e-3 || std::abs(p.x() - 20) < 1e-3))
        ++ridgeEnds;
  EXPECT_GT(ridgeEnds, 0);
  expectFacesOriented(*roof);
}

TEST(Roof, HippedLShapeIsConcaveAndStillOnePitch) {
  Tessellator tess;
  auto roof = buildRoof(kLShape, RoofShape::Hipped, kSlope, tess);
  ASSERT_TRUE(roof);
  EXPECT_NEAR(roof->height, 5 * kSlope, 1e-4);  // wings 10 m wide
  EXPECT_NEAR(roof->area, 500 / kCos, 1e-2);
  expectFacesOriented(*roof);
}

TEST(Roof, GabledLShapeGablesTheTwoWingEnds) {
  Tessellator tess;
  auto roof = buildRoof(kLShape, RoofShape::Gabled, kSlope, tess);
  ASSERT_TRUE(roof);
  EXPECT_EQ(gables(*roof), 2);
  EXPECT_NEAR(roof->height, 5 * kSlope, 1e-4);
  EXPECT_NEAR(roof->area, 500 / kCos, 1e-2);
  expectFacesOriented(*roof);
}

TEST(Roof, CourtyardRoofRisesFromBothRings) {
  Tessellator tess;
  auto roof = buildRoof(kCourtyard, RoofShape::Hipped, kSlope, tess);
  ASSERT_TRUE(roof);
  EXPECT_NEAR(roof->height, 5 * kSlope, 1e-4);  // a 10 m wide ring: ridge in its middle
  EXPECT_NEAR(roof->area, 1200 / kCos, 1e-2);
  // Nothing is roofed over the courtyard.
  for (const auto& f : roof->faces)
    for (std::size_t i = 0; i + 2 < f.triangles.size(); i += 3) {
      const osg::Vec3f c = (f.triangles[i] + f.triangles[i + 1] + f.triangles[i + 2]) / 3;
      EXPECT_FALSE(c.x() > 10.01f && c.x() < 29.99f && c.y() > 10.01f && c.y() < 29.99f) << c.x() << "," << c.y();
    }
  expectFacesOriented(*roof);
}

TEST(Roof, PyramidOverASquare) {
  Tessellator tess;
  auto roof = buildRoof({{{0, 0}, {10, 0}, {10, 10}, {0, 10}}}, RoofShape::Pyramidal, kSlope, tess);
  ASSERT_TRUE(roof);
  EXPECT_EQ(roof->faces.size(), 4u);
  EXPECT_NEAR(roof->height, 5 * kSlope, 1e-4);
  EXPECT_NEAR(roof->area, 100 / kCos, 1e-2);
}

TEST(Roof, ScalingToARoofHeightKeepsThePlan) {
  Tessellator tess;
  auto roof = buildRoof(kRectangle, RoofShape::Hipped, kSlope, tess);
  ASSERT_TRUE(roof);
  scaleRoofHeight(*roof, 4.0 / roof->height);  // roof:height = 4
  EXPECT_NEAR(roof->height, 4.0, 1e-4);
  EXPECT_NEAR(roof->area, 200 / std::cos(std::atan(4.0 / 5.0)), 1e-2);  // still one pitch, now steeper
}

TEST(Roof, UnusableFootprintsFallBack) {
  Tessellator tess;
  // A bow tie is not a simple polygon: no skeleton, the caller draws it flat (and counts it).
  EXPECT_FALSE(buildRoof({{{0, 0}, {10, 10}, {10, 0}, {0, 10}}}, RoofShape::Hipped, kSlope, tess));
  EXPECT_FALSE(buildRoof({{{0, 0}, {5, 5}, {10, 10}}}, RoofShape::Gabled, kSlope, tess));  // collinear
  EXPECT_FALSE(buildRoof(kRectangle, RoofShape::Flat, kSlope, tess));
  // A hole crossing the outline.
  EXPECT_FALSE(buildRoof({{{0, 0}, {10, 0}, {10, 10}, {0, 10}}, {{5, 5}, {5, 15}, {15, 15}, {15, 5}}}, RoofShape::Hipped,
                         kSlope, tess));
}

TEST(Roof, OsmShapeNames) {
  EXPECT_EQ(roofShapeFromName("hipped"), RoofShape::Hipped);
  EXPECT_EQ(roofShapeFromName("Gabled"), RoofShape::Gabled);
  EXPECT_EQ(roofShapeFromName("half-hipped"), RoofShape::Hipped);
  EXPECT_EQ(roofShapeFromName("pyramidal"), RoofShape::Pyramidal);
  EXPECT_EQ(roofShapeFromName("flat"), RoofShape::Flat);
  EXPECT_FALSE(roofShapeFromName("skillion"));
  EXPECT_FALSE(roofShapeFromName(""));
}
