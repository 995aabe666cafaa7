// The scene graph: batching, picking, highlight and camera presets (no display needed).
#include <gtest/gtest.h>

#include <osg/Geometry>
#include <osg/NodeVisitor>

#include <algorithm>
#include <vector>

#include "detail/mesh_builder.hpp"
#include "detail/tessellator.hpp"
#include "dothi/render/city_scene.hpp"
#include "dothi/render/snapshot.hpp"
#include "render_fixture.hpp"

using namespace dothi;
using dothi::test::kX0;
using dothi::test::kY0;
using dothi::test::CityFixture;

namespace {

// Counts geometries with a feature table below a node (the pickable batches).
struct BatchCounter : osg::NodeVisitor {
  BatchCounter() : osg::NodeVisitor(TRAVERSE_ALL_CHILDREN) {}
  void apply(osg::Drawable& drawable) override {
    if (!dynamic_cast<const render::detail::FeatureTable*>(drawable.getUserData())) return;
    ++batches;
    const auto* geometry = drawable.asGeometry();
    if (geometry && geometry->getPrimitiveSet(0)->getMode() == GL_TRIANGLES) ++triangleBatches;
  }
  int batches = 0;
  int triangleBatches = 0;
};

// What a preset must show: every roof corner at its height, the road and the park, and for a map
// view the extent's corners too.
std::vector<osg::Vec3d> mustSee(const render::CityScene& scene, bool wholeExtent) {
  std::vector<osg::Vec3d> points{{kX0 - 10, kY0 + 40, 0}, {kX0 + 75, kY0 + 95, 0}, {kX0 + 80, kY0 + 40, 0},
                                 {kX0 + 120, kY0 + 40, 0}, {kX0 + 120, kY0 + 90, 0}};
  for (double x : {scene.extent.minX, scene.extent.maxX})
    for (double y : {scene.extent.minY, scene.extent.maxY})
      if (wholeExtent) points.emplace_back(x, y, 0);
  const struct { double x, y, z; } roofs[] = {{0, 0, 12}, {20, 10, 12}, {40, 0, 20}, {70, 0, 20}, {40, 30, 20},
                                              {70, 10, 20}, {0, 50, 8}, {40, 90, 8}, {0, 90, 8}, {40, 50, 8}};
  for (const auto& r : roofs) points.emplace_back(kX0 + r.x, kY0 + r.y, r.z);
  for (auto& p : points) p -= osg::Vec3d(scene.origin.x(), scene.origin.y(), 0);
  return points;
}

double triangleArea(const render::detail::Triangulation& t) {
  double sum = 0;
  for (std::size_t i = 0; i + 2 < t.triangles.size(); i += 3) {
    const auto& a = t.points[t.triangles[i]];
    const auto& b = t.points[t.triangles[i + 1]];
    const auto& c = t.points[t.triangles[i + 2]];
    sum += ((b - a).x() * (c - a).y() - (b - a).y() * (c - a).x()) / 2;  // > 0 when CCW
  }
  return sum;
}

}  // namespace

TEST(Tessellator, ConcaveWithHoleCoversItsAreaCounterClockwise) {
  render::detail::Tessellator tess;
  render::detail::Triangulation t;
  const render::detail::Rings rings{{{0, 0}, {30, 0}, {30, 10}, {10, 10}, {10, 30}, {0, 30}},  // L: 500 m²
                                    {{2, 2}, {4, 2}, {4, 4}, {2, 4}}};                         // hole: 4 m²
  ASSERT_TRUE(tess.triangulate(rings, t));
  EXPECT_NEAR(triangleArea(t), 496.0, 1e-6);  // every triangle CCW and the hole left out
}

TEST(Tessellator, SurvivesSelfIntersectingAndDegenerateRings) {
  render::detail::Tessellator tess;
  render::detail::Triangulation t;
  // A bow tie (real footprints have them): odd winding keeps both lobes, 2 x 25 m².
  ASSERT_TRUE(tess.triangulate({{{0, 0}, {10, 10}, {10, 0}, {0, 10}}}, t));
  EXPECT_NEAR(std::abs(triangleArea(t)), 50.0, 1e-6);
  EXPECT_GT(t.points.size(), 4u);  // the crossing point was added
  EXPECT_TRUE(tess.triangulate({{{0, 0}, {5, 5}, {10, 10}}}, t));  // collinear: nothing to fill
  EXPECT_NEAR(triangleArea(t), 0.0, 1e-9);
}

TEST(FeatureTable, FindsTheRunOfEachPrimitive) {
  render::detail::FeatureTable table("l");
  table.add(0, 10);
  table.add(4, 11);
  table.add(4, 12);  // 11 produced nothing: 12 takes its place
  table.add(9, 13);
  EXPECT_EQ(table.find(0), 10);
  EXPECT_EQ(table.find(3), 10);
  EXPECT_EQ(table.find(4), 12);
  EXPECT_EQ(table.find(8), 12);
  EXPECT_EQ(table.find(1000), 13);
}

TEST_F(CityFixture, BuildsOneSwitchPerLayerAndFewBatches) {
  auto scene = render::buildCityScene(*project);
  ASSERT_TRUE(scene) << scene.error().describe();
  EXPECT_EQ(scene->layerNodes.size(), 3u);
  EXPECT_EQ(scene->layerColours.size(), 3u);
  EXPECT_NEAR(scene->origin.x(), kX0 + 55, 1e-6);  // centre of x -10..120
  BatchCounter counter;
  scene->layerNodes.at("buildings")->accept(counter);
  EXPECT_EQ(counter.triangleBatches, 1);  // three buildings merged into one draw call
  EXPECT_EQ(counter.batches, 2);          // and their roof outlines into another
}

TEST_F(CityFixture, PickingARoofGivesItsBuilding) {
  auto scene = render::buildCityScene(*project);
  ASSERT_TRUE(scene) << scene.error().describe();
  const struct { double x, y; std::int64_t id; double z; } cases[] = {
      {10, 5, 1, 12}, {45, 25, 2, 20}, {65, 5, 2, 20}, {5, 85, 3, 8}, {35, 55, 3, 8}};
  for (const auto& c : cases) {
    auto hit = test::shootDown(*scene, kX0 + c.x, kY0 + c.y);
    ASSERT_TRUE(hit) << c.x << "," << c.y;
    auto pick = render::pickFeature(*scene, hit->drawable, hit->primitive, hit->local);
    ASSERT_TRUE(pick) << c.x << "," << c.y;
    EXPECT_EQ(pick->layer, "buildings");
    EXPECT_EQ(pick->featureId, c.id) << c.x << "," << c.y;
    EXPECT_NEAR(pick->projectPoint.x(), kX0 + c.x, 1e-3);
    EXPECT_NEAR(pick->projectPoint.y(), kY0 + c.y, 1e-3);
    EXPECT_NEAR(pick->projectPoint.z(), c.z, 1e-3);  // the roof, at the height attribute
  }
}

TEST_F(CityFixture, CourtyardAndInnerCornerOfTheLAreOpen) {
  auto scene = render::buildCityScene(*project);
  ASSERT_TRUE(scene) << scene.error().describe();
  for (auto [x, y] : {std::pair{20.0, 70.0}, std::pair{60.0, 20.0}}) {
    auto hit = test::shootDown(*scene, kX0 + x, kY0 + y);
    ASSERT_TRUE(hit);  // the ground plane
    EXPECT_LT(hit->local.z(), 1.0) << x << "," << y;
    auto pick = render::pickFeature(*scene, hit->drawable, hit->primitive, hit->local);
    EXPECT_FALSE(pick && pick->layer == "buildings") << x << "," << y;
  }
}

TEST_F(CityFixture, PickingGroundLayers) {
  auto scene = render::buildCityScene(*project);
  ASSERT_TRUE(scene) << scene.error().describe();
  auto park = test::shootDown(*scene, kX0 + 100, kY0 + 60);
  ASSERT_TRUE(park);
  auto pick = render::pickFeature(*scene, park->drawable, park->primitive, park->local);
  ASSERT_TRUE(pick);
  EXPECT_EQ(pick->layer, "landuse");
  EXPECT_EQ(pick->featureId, 7);
  auto road = test::shootDown(*scene, kX0 + 30, kY0 + 40);  // a 11 m wide primary ribbon
  ASSERT_TRUE(road);
  pick = render::pickFeature(*scene, road->drawable, road->primitive, road->local);
  ASSERT_TRUE(pick);
  EXPECT_EQ(pick->layer, "roads");
  EXPECT_EQ(pick->featureId, 11);
}

TEST_F(CityFixture, HiddenLayerIsNotHitAndCanBeShownAgain) {
  render::SceneOptions options;
  options.hiddenLayers = {"buildings"};
  auto scene = render::buildCityScene(*project, options);
  ASSERT_TRUE(scene) << scene.error().describe();
  auto hit = test::shootDown(*scene, kX0 + 10, kY0 + 5);
  ASSERT_TRUE(hit);
  EXPECT_LT(hit->local.z(), 1.0);
  scene->setLayerVisible("buildings", true);
  hit = test::shootDown(*scene, kX0 + 10, kY0 + 5);
  ASSERT_TRUE(hit);
  EXPECT_NEAR(hit->local.z(), 12.0, 1e-3);
}

TEST_F(CityFixture, HighlightIsBuiltAndNotPickable) {
  auto scene = render::buildCityScene(*project);
  ASSERT_TRUE(scene) << scene.error().describe();
  auto highlight = render::buildHighlight(*scene, *project, "buildings", 2);
  ASSERT_TRUE(highlight.valid());
  EXPECT_GT(highlight->getBound().radius(), 10.0f);
  scene->root->addChild(highlight.get());
  auto hit = test::shootDown(*scene, kX0 + 45, kY0 + 25);
  ASSERT_TRUE(hit);
  auto pick = render::pickFeature(*scene, hit->drawable, hit->primitive, hit->local);
  // The highlight shell coincides with the roof: whichever comes first, it must not be a
  // wrong feature.
  if (pick) {
    EXPECT_EQ(pick->featureId, 2);
  }
  EXPECT_FALSE(render::buildHighlight(*scene, *project, "buildings", 999).valid());
  EXPECT_FALSE(render::buildHighlight(*scene, *project, "nope", 1).valid());
  EXPECT_TRUE(render::buildHighlight(*scene, *project, "roads", 11).valid());
  EXPECT_TRUE(render::buildHighlight(*scene, *project, "landuse", 7).valid());
}

TEST_F(CityFixture, TopPresetLooksStraightDownAndFramesTheExtent) {
  auto scene = render::buildCityScene(*project);
  ASSERT_TRUE(scene) << scene.error().describe();
  osg::Vec3d eye, centre, up;
  const double aspect = 4.0 / 3.0;
  render::presetCamera(*scene, render::ViewPreset::Top, aspect, eye, centre, up);
  EXPECT_NEAR(eye.x(), centre.x(), 1e-6);
  EXPECT_NEAR(eye.y(), centre.y(), 1e-6);
  EXPECT_GT(eye.z(), 20.0);  // above the highest roof
  const osg::Matrixd mvp = osg::Matrixd::lookAt(eye, centre, up) *
                           osg::Matrixd::perspective(render::kViewFovYDegrees, aspect, 1, 1e5);
  double widest = 0;
  for (const osg::Vec3d& p : mustSee(*scene, true)) {
    const osg::Vec3d ndc = p * mvp;
    EXPECT_LE(std::abs(ndc.x()), 1.0);
    EXPECT_LE(std::abs(ndc.y()), 1.0);
    widest = std::max({widest, std::abs(ndc.x()), std::abs(ndc.y())});
  }
  EXPECT_GT(widest, 0.85);  // framed, not lost in the middle
}

TEST_F(CityFixture, ObliquePresetLooksFromTheSouthAndFramesTheData) {
  auto scene = render::buildCityScene(*project);
  ASSERT_TRUE(scene) << scene.error().describe();
  osg::Vec3d eye, centre, up;
  render::presetCamera(*scene, render::ViewPreset::Oblique, 16.0 / 9.0, eye, centre, up);
  const osg::Vec3d view = centre - eye;
  EXPECT_LT(eye.y(), centre.y());  // from the south
  const double elevation = osg::RadiansToDegrees(std::atan2(-view.z(), std::hypot(view.x(), view.y())));
  EXPECT_GE(elevation, 40.0);
  EXPECT_LE(elevation, 60.0);
  const osg::Matrixd mvp = osg::Matrixd::lookAt(eye, centre, up) *
                           osg::Matrixd::perspective(render::kViewFovYDegrees, 16.0 / 9.0, 1, 1e5);
  double widest = 0;
  for (const osg::Vec3d& p : mustSee(*scene, false)) {
    const osg::Vec3d ndc = p * mvp;
    EXPECT_LE(std::abs(ndc.x()), 1.0);
    EXPECT_LE(std::abs(ndc.y()), 1.0);
    widest = std::max({widest, std::abs(ndc.x()), std::abs(ndc.y())});
  }
  EXPECT_GT(widest, 0.85);
}

TEST(CityScene, EmptyProjectBuildsAnEmptyScene) {
  test::TempDir dir;
  auto project = geo::Project::create(dir.file("empty.dothi"));
  ASSERT_TRUE(project) << project.error().describe();
  auto scene = render::buildCityScene(**project);
  ASSERT_TRUE(scene) << scene.error().describe();
  EXPECT_TRUE(scene->layerNodes.empty());
  osg::Vec3d eye, centre, up;
  render::presetCamera(*scene, render::ViewPreset::Oblique, 1.5, eye, centre, up);
  EXPECT_TRUE(eye.valid());
}

TEST(KindColour, LanduseCategoriesAreTellable) {
  const auto grass = render::kindColour(geo::LayerKind::Landuse, "grass");
  const auto water = render::kindColour(geo::LayerKind::Landuse, "Water");
  EXPECT_GT(grass.g(), grass.r());  // green
  EXPECT_GT(water.b(), water.r());  // blue, case-insensitive
  EXPECT_NE(render::kindColour(geo::LayerKind::Zoning, "X1"), render::kindColour(geo::LayerKind::Zoning, "X2"));
  EXPECT_LT(render::kindColour(geo::LayerKind::Zoning).a(), 1.0f);  // zones are translucent
}
