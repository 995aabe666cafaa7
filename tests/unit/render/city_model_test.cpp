// The city model of issue 3 in the scene graph: buildings standing on the DEM, draped roads,
// pitched roofs and their fallbacks, thematic legends, labels, and exact picking through the
// level-of-detail tiles (no display needed).
#include <gtest/gtest.h>

#include <osg/Geode>
#include <osg/LOD>
#include <osg/NodeVisitor>

#include <cmath>

#include "dothi/geo/style.hpp"
#include "dothi/geo/terrain.hpp"
#include "dothi/render/city_scene.hpp"
#include "dothi/render/scene_source.hpp"
#include "render_fixture.hpp"

using namespace dothi;
using dothi::test::kX0;
using dothi::test::kY0;
using dothi::test::CityFixture;

namespace {

/// A hilly DEM over the fixture: 10 m cells from (-100, -100) to (200, 200) around (kX0, kY0).
geo::TerrainGrid hills() {
  geo::TerrainGrid g;
  g.crs = "EPSG:32632";
  g.columns = 31;
  g.rows = 31;
  g.originX = kX0 - 100;
  g.originY = kY0 + 200;
  g.cellX = g.cellY = 10;
  for (int r = 0; r < g.rows; ++r)
    for (int c = 0; c < g.columns; ++c) {
      const double x = c * 10.0 - 100, y = 200 - r * 10.0;
      g.heights.push_back(static_cast<float>(50 + 0.2 * x + 0.1 * y + 3 * std::sin(x / 17.0) * std::cos(y / 23.0)));
    }
  return g;
}

struct TerrainFixture : test::CityFixture {
  void SetUp() override {
    test::CityFixture::SetUp();
    ASSERT_TRUE(project->setTerrain(hills()));
  }
};

/// The lowest DEM height (bilinear) at the corners of building 1's footprint.
double baseOfBuilding1(const geo::TerrainGrid& g) {
  double lowest = 1e9;
  for (auto [x, y] : {std::pair{0.0, 0.0}, {20.0, 0.0}, {20.0, 10.0}, {0.0, 10.0}})
    lowest = std::min(lowest, *g.heightAt(kX0 + x, kY0 + y));
  return lowest;
}

std::optional<render::PickResult> pickDown(const render::CityScene& scene, double x, double y) {
  const osg::Vec3d local(kX0 + x - scene.origin.x(), kY0 + y - scene.origin.y(), 0);
  return render::pick(scene, local + osg::Vec3d(0, 0, 2000), local - osg::Vec3d(0, 0, 2000));
}

geo::Feature shaped(std::int64_t id, geo::Polygon polygon, double height, const std::string& roof, const std::string& use) {
  geo::Feature f = test::building(id, std::move(polygon), height);
  f.attributes.push_back(roof);
  f.attributes.push_back(use);
  return f;
}

template <class T>
int countNodes(osg::Node& root) {
  struct Counter : osg::NodeVisitor {
    Counter() : osg::NodeVisitor(TRAVERSE_ALL_CHILDREN) {}
    void apply(osg::Node& n) override {
      if (dynamic_cast<T*>(&n) != nullptr) ++count;
      traverse(n);
    }
    int count = 0;
  } counter;
  root.accept(counter);
  return counter.count;
}

}  // namespace

TEST_F(TerrainFixture, BuildingBaseIsTheDemHeightUnderItsFootprint) {
  auto scene = render::buildCityScene(*project);
  ASSERT_TRUE(scene) << scene.error().describe();
  ASSERT_TRUE(scene->terrain);
  const double base = baseOfBuilding1(hills());
  EXPECT_GT(base, 40.0);
  auto roof = pickDown(*scene, 10, 5);
  ASSERT_TRUE(roof);
  EXPECT_EQ(roof->layer, "buildings");
  EXPECT_EQ(roof->featureId, 1);
  EXPECT_NEAR(roof->projectPoint.z(), base + 12.0, 1e-3);  // roof = base + height
  // The ground the scene reports is the DEM's, bilinear.
  const osg::Vec3d local(kX0 + 55 - scene->origin.x(), kY0 + 77 - scene->origin.y(), 0);
  EXPECT_NEAR(scene->groundHeight(local.x(), local.y()), *hills().heightAt(kX0 + 55, kY0 + 77), 1e-3);
}

TEST_F(TerrainFixture, DrapedLayersFollowTheTerrain) {
  auto scene = render::buildCityScene(*project);
  ASSERT_TRUE(scene) << scene.error().describe();
  for (auto [x, y] : {std::pair{5.0, 40.0}, {30.0, 40.0}, {75.0, 70.0}}) {  // along the primary road
    auto hit = pickDown(*scene, x, y);
    ASSERT_TRUE(hit) << x << "," << y;
    EXPECT_EQ(hit->layer, "roads");
    const double ground = *hills().heightAt(kX0 + x, kY0 + y);
    EXPECT_GT(hit->projectPoint.z(), ground - 0.3) << x << "," << y;  // on the surface, not under it
    EXPECT_LT(hit->projectPoint.z(), ground + 1.0) << x << "," << y;
  }
  auto park = pickDown(*scene, 100, 60);
  ASSERT_TRUE(park);
  EXPECT_EQ(park->layer, "landuse");
  EXPECT_NEAR(park->projectPoint.z(), *hills().heightAt(kX0 + 100, kY0 + 60), 1.0);
}

TEST_F(CityFixture, WithoutDemTheGroundIsFlat) {
  auto scene = render::buildCityScene(*project);
  ASSERT_TRUE(scene) << scene.error().describe();
  EXPECT_FALSE(scene->terrain);
  EXPECT_EQ(scene->groundHeight(0, 0), 0.0);
  auto roof = pickDown(*scene, 10, 5);
  ASSERT_TRUE(roof);
  EXPECT_NEAR(roof->projectPoint.z(), 12.0, 1e-3);
}

TEST(CityModel, RoofShapesFromDataAndDefaultsWithCountedFallbacks) {
  test::TempDir dir;
  auto created = geo::Project::create(dir.file("roofs.dothi"));
  ASSERT_TRUE(created);
  auto& project = **created;
  ASSERT_TRUE(project.setCrs("EPSG:32632"));
  auto spec = test::layerSpec("buildings", geo::LayerKind::Buildings, geo::GeometryType::MultiPolygon,
                              {{"height", geo::FieldType::Real}, {"roof_shape", geo::FieldType::Text}, {"use", geo::FieldType::Text}});
  auto writer = project.beginLayer(spec);
  ASSERT_TRUE(writer);
  ASSERT_TRUE((*writer)->add(shaped(1, {test::ring({{0, 0}, {20, 0}, {20, 10}, {0, 10}}), {}}, 12, "gabled", "house")));
  ASSERT_TRUE((*writer)->add(shaped(2, {test::ring({{40, 0}, {50, 10}, {50, 0}, {40, 10}}), {}}, 9, "hipped", "house")));  // bow tie
  ASSERT_TRUE((*writer)->add(shaped(3, {test::ring({{60, 0}, {70, 0}, {70, 10}, {60, 10}}), {}}, 9, "skillion", "shop")));
  ASSERT_TRUE((*writer)->add(shaped(4, {test::ring({{80, 0}, {90, 0}, {90, 10}, {80, 10}}), {}}, 9, "", "office")));
  ASSERT_TRUE((*writer)->commit());

  render::SceneOptions options;
  options.defaultRoof = "pyramidal";  // for building 4, which says nothing
  auto scene = render::buildCityScene(project, options);
  ASSERT_TRUE(scene) << scene.error().describe();
  EXPECT_EQ(scene->stats.pitchedRoofs, 2);      // 1 gabled, 4 pyramidal
  EXPECT_EQ(scene->stats.roofFallbacks, 1);     // the bow tie: CGAL cannot, drawn flat
  EXPECT_EQ(scene->stats.unsupportedRoofs, 1);  // skillion: drawn flat
  const double slope = std::tan(osg::DegreesToRadians(30.0));
  // OSM's height includes the roof: the gabled ridge is at 12 m, the eaves 5 m x tan 30 lower.
  auto ridge = pickDown(*scene, 10, 5);
  ASSERT_TRUE(ridge);
  EXPECT_EQ(ridge->featureId, 1);
  EXPECT_NEAR(ridge->projectPoint.z(), 12.0, 1e-3);
  auto slopeHit = pickDown(*scene, 10, 1);
  ASSERT_TRUE(slopeHit);
  EXPECT_NEAR(slopeHit->projectPoint.z(), 12.0 - 5 * slope + 1 * slope, 1e-3);
  // The gable end is vertical: right at the short wall the roof is still at ridge height.
  auto gable = pickDown(*scene, 0.2, 5.5);
  ASSERT_TRUE(gable);
  EXPECT_NEAR(gable->projectPoint.z(), 12.0 - 0.5 * slope, 1e-3);
  auto flat = pickDown(*scene, 42, 5);  // the west lobe of the bow tie, flat at 9 m
  ASSERT_TRUE(flat);
  EXPECT_NEAR(flat->projectPoint.z(), 9.0, 1e-3);
  auto apex = pickDown(*scene, 85, 5);
  ASSERT_TRUE(apex);
  EXPECT_NEAR(apex->projectPoint.z(), 9.0, 1e-2);  // pyramid apex at the building's height
}

TEST_F(CityFixture, ThematicStyleGivesLegendAndLabels) {
  auto style = geo::graduate("height", {8, 12, 20}, 3, "equal", "reds");
  ASSERT_TRUE(style);
  style->labelField = "height";
  ASSERT_TRUE(project->setLayerStyle("buildings", geo::layerStyleJson(*style)));
  auto scene = render::buildCityScene(*project);
  ASSERT_TRUE(scene) << scene.error().describe();
  ASSERT_EQ(scene->legends.size(), 1u);
  const auto& legend = scene->legends.front();
  EXPECT_EQ(legend.layer, "buildings");
  EXPECT_EQ(legend.field, "height");
  ASSERT_EQ(legend.entries.size(), 3u);
  std::int64_t counted = 0;
  for (const auto& e : legend.entries) counted += e.count;
  EXPECT_EQ(counted, 3);  // each building in its class, none "other"
  const geo::Rgba& top = style->classes.back().colour;
  EXPECT_EQ(legend.entries.back().colour, osg::Vec4(top.r, top.g, top.b, top.a));
  EXPECT_EQ(scene->stats.labels, 3);
  // Labels float above the roofs but never take a pick from the building under them.
  auto hit = pickDown(*scene, 10, 5);
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->featureId, 1);
  // A damaged style is an error naming the layer, not a crash.
  ASSERT_TRUE(project->setLayerStyle("buildings", "{not json"));
  auto broken = render::buildCityScene(*project);
  ASSERT_FALSE(broken);
  EXPECT_EQ(broken.error().layer, "buildings");
}

TEST(CityModel, PickingIsExactThroughLevelsOfDetail) {
  // 60 x 60 buildings of 10 x 10 m every 20 m, heights varying: tiles with LOD proxies.
  std::vector<geo::Feature> features;
  for (int j = 0; j < 60; ++j)
    for (int i = 0; i < 60; ++i) {
      const double x = i * 20.0, y = j * 20.0;
      features.push_back(test::building(j * 60 + i + 1, {test::ring({{x, y}, {x + 10, y}, {x + 10, y + 10}, {x, y + 10}}), {}},
                                        6 + (i * 7 + j * 3) % 40));
    }
  render::MemorySource source;
  source.addLayer(test::layerSpec("buildings", geo::LayerKind::Buildings, geo::GeometryType::MultiPolygon,
                                  {{"height", geo::FieldType::Real}}),
                  features);
  render::SceneOptions lod;
  lod.lodMinBuildings = 0;  // LOD even for this small city
  auto scene = render::buildCityScene(source, lod);
  ASSERT_TRUE(scene) << scene.error().describe();
  EXPECT_EQ(scene->stats.buildings, 3600);
  EXPECT_GT(scene->stats.buildingTiles, 1);
  EXPECT_GT(countNodes<osg::LOD>(*scene->root), 1);  // proxies exist for far views...
  for (int k : {0, 17, 1234, 2999, 3599}) {          // ...yet picks hit the full model
    const int i = k % 60, j = k / 60;
    auto hit = pickDown(*scene, i * 20.0 + 5, j * 20.0 + 5);
    ASSERT_TRUE(hit) << k;
    EXPECT_EQ(hit->featureId, k + 1);
    EXPECT_NEAR(hit->projectPoint.z(), 6 + (i * 7 + j * 3) % 40, 1e-3);
    EXPECT_FALSE(pickDown(*scene, i * 20.0 + 15, j * 20.0 + 15)) << "between buildings: the ground, no feature";
  }
  render::SceneOptions naive;
  naive.naive = true;
  auto baseline = render::buildCityScene(source, naive);
  ASSERT_TRUE(baseline);
  EXPECT_EQ(countNodes<osg::Geode>(*baseline->root), 3600);  // one node per building
  EXPECT_EQ(countNodes<osg::LOD>(*baseline->root), 0);
}
