#pragma once
// A small project with three buildings (rectangle, L-shape, courtyard) and a few ground layers.
#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <optional>

#include <osgUtil/IntersectionVisitor>
#include <osgUtil/LineSegmentIntersector>

#include "dothi/geo/project.hpp"
#include "dothi/render/city_scene.hpp"
#include "test_support.hpp"

namespace dothi::test {

// UTM-sized coordinates on purpose: float vertices must stay exact thanks to the local origin.
inline constexpr double kX0 = 500000.0;
inline constexpr double kY0 = 5000000.0;

inline geo::Ring ring(std::initializer_list<std::pair<double, double>> xy) {
  geo::Ring r;
  for (auto [x, y] : xy) r.push_back({kX0 + x, kY0 + y, 0});
  r.push_back(r.front());
  return r;
}

inline geo::LayerInfo layerSpec(std::string name, geo::LayerKind kind, geo::GeometryType type, geo::Schema fields) {
  geo::LayerInfo info;
  info.name = std::move(name);
  info.kind = kind;
  info.geometryType = type;
  info.fields = std::move(fields);
  return info;
}

inline geo::Feature building(std::int64_t id, geo::Polygon polygon, double height) {
  geo::Feature f;
  f.id = id;
  f.geometry.type = geo::GeometryType::MultiPolygon;
  f.geometry.polygons.push_back(std::move(polygon));
  f.attributes = {height};
  return f;
}

/// Buildings: 1 = 20x10 rectangle at (0..20, 0..10), 12 m; 2 = L-shape at (40..70, 0..30), 20 m;
/// 3 = 40x40 courtyard block at (0..40, 50..90) with a 20x20 hole, 8 m.
inline void addBuildings(geo::Project& project) {
  const auto spec = layerSpec("buildings", geo::LayerKind::Buildings, geo::GeometryType::MultiPolygon,
                              {{"height", geo::FieldType::Real}});
  auto writer = project.beginLayer(spec);
  ASSERT_TRUE(writer) << writer.error().describe();
  // Clockwise on purpose: the renderer must fix ring orientation itself.
  ASSERT_TRUE((*writer)->add(building(1, {ring({{0, 0}, {0, 10}, {20, 10}, {20, 0}}), {}}, 12.0)));
  ASSERT_TRUE((*writer)->add(building(2, {ring({{40, 0}, {70, 0}, {70, 10}, {50, 10}, {50, 30}, {40, 30}}), {}}, 20.0)));
  geo::Polygon court{ring({{0, 50}, {40, 50}, {40, 90}, {0, 90}}), {ring({{10, 60}, {30, 60}, {30, 80}, {10, 80}})}};
  ASSERT_TRUE((*writer)->add(building(3, court, 8.0)));
  auto info = (*writer)->commit();
  ASSERT_TRUE(info) << info.error().describe();
}

inline void addGround(geo::Project& project) {
  const auto parks = layerSpec("landuse", geo::LayerKind::Landuse, geo::GeometryType::MultiPolygon,
                               {{"landuse", geo::FieldType::Text}});
  auto writer = project.beginLayer(parks);
  ASSERT_TRUE(writer) << writer.error().describe();
  geo::Feature park;
  park.id = 7;
  park.geometry.type = geo::GeometryType::MultiPolygon;
  park.geometry.polygons.push_back({ring({{80, 40}, {120, 40}, {120, 90}, {80, 90}}), {}});
  park.attributes = {std::string("grass")};
  ASSERT_TRUE((*writer)->add(park));
  ASSERT_TRUE((*writer)->commit());

  const auto roads = layerSpec("roads", geo::LayerKind::Roads, geo::GeometryType::MultiLineString,
                               {{"highway", geo::FieldType::Text}});
  auto roadWriter = project.beginLayer(roads);
  ASSERT_TRUE(roadWriter) << roadWriter.error().describe();
  geo::Feature road;
  road.id = 11;
  road.geometry.type = geo::GeometryType::MultiLineString;
  road.geometry.lines.push_back({{{kX0 - 10, kY0 + 40, 0}, {kX0 + 75, kY0 + 40, 0}, {kX0 + 75, kY0 + 95, 0}}});
  road.attributes = {std::string("primary")};
  ASSERT_TRUE((*roadWriter)->add(road));
  ASSERT_TRUE((*roadWriter)->commit());
}

/// A project file in a temporary directory with the test layers.
struct CityFixture : ::testing::Test {
  TempDir dir;
  std::unique_ptr<geo::Project> project;

  void SetUp() override {
    auto created = geo::Project::create(dir.file("city.dothi"));
    ASSERT_TRUE(created) << created.error().describe();
    project = std::move(*created);
    ASSERT_TRUE(project->setCrs("EPSG:32632"));
    ASSERT_NO_FATAL_FAILURE(addBuildings(*project));
    ASSERT_NO_FATAL_FAILURE(addGround(*project));
  }
};

struct Hit {
  const osg::Drawable* drawable = nullptr;
  unsigned primitive = 0;
  osg::Vec3d local;
};

/// The first thing a vertical ray at project (x, y) meets, coming from above.
inline std::optional<Hit> shootDown(const render::CityScene& scene, double x, double y) {
  const osg::Vec3d local(x - scene.origin.x(), y - scene.origin.y(), 0);
  osg::ref_ptr<osgUtil::LineSegmentIntersector> ray =
      new osgUtil::LineSegmentIntersector(local + osg::Vec3d(0, 0, 1000), local - osg::Vec3d(0, 0, 10));
  osgUtil::IntersectionVisitor visitor(ray.get());
  scene.root->accept(visitor);
  if (!ray->containsIntersections()) return std::nullopt;
  const auto& first = ray->getFirstIntersection();
  return Hit{first.drawable.get(), first.primitiveIndex, first.getLocalIntersectPoint()};
}

}  // namespace dothi::test
