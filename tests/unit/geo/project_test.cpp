#include <gtest/gtest.h>

#include <fstream>

#include "../../test_support.hpp"
#include "dothi/geo/project.hpp"

using namespace dothi::geo;
using dothi::test::TempDir;

namespace {
Feature building(std::int64_t id, double x, double y, double s, const std::string& name) {
  Feature f;
  f.id = id;
  f.geometry.type = GeometryType::Polygon;
  f.geometry.polygons.push_back({{{x, y}, {x + s, y}, {x + s, y + s}, {x, y + s}, {x, y}}, {}});
  f.attributes = {name, 12.5};
  return f;
}

LayerInfo buildingsSpec() {
  LayerInfo spec;
  spec.name = "buildings";
  spec.kind = LayerKind::Buildings;
  spec.geometryType = GeometryType::Polygon;
  spec.fields = {{"name", FieldType::Text}, {"height", FieldType::Real}};
  return spec;
}

std::string readAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}
}  // namespace

TEST(Project, CreateWriteReadBack) {
  TempDir dir;
  auto project = Project::create(dir.file("city.dothi"));
  ASSERT_TRUE(project) << project.error().describe();
  auto& p = **project;
  ASSERT_TRUE(p.setCrs("EPSG:32632"));
  auto writer = p.beginLayer(buildingsSpec());
  ASSERT_TRUE(writer) << writer.error().describe();
  ASSERT_TRUE((*writer)->add(building(7, 370000, 4840000, 10, "Palais")));
  ASSERT_TRUE((*writer)->add(building(8, 370100, 4840000, 20, "Casino")));
  auto info = (*writer)->commit();
  ASSERT_TRUE(info) << info.error().describe();
  EXPECT_EQ(info->featureCount, 2);
  EXPECT_EQ(info->geometryType, GeometryType::MultiPolygon);
  EXPECT_DOUBLE_EQ(info->extent.maxX, 370120);

  auto reopened = Project::open(dir.file("city.dothi"), true);
  ASSERT_TRUE(reopened) << reopened.error().describe();
  EXPECT_EQ((*reopened)->crs(), "EPSG:32632");
  auto f = (*reopened)->feature("buildings", 8);
  ASSERT_TRUE(f && *f);
  EXPECT_EQ(valueToString((*f)->attributes[0]), "Casino");
  EXPECT_DOUBLE_EQ(area((*f)->geometry), 400);

  int hits = 0;
  Query q;
  q.bbox = Extent{370095, 4839995, 370105, 4840005};
  ASSERT_TRUE((*reopened)->forEachFeature("buildings", q, [&](const Feature& feat) {
    EXPECT_EQ(feat.id, 8);
    return ++hits, true;
  }));
  EXPECT_EQ(hits, 1);
}

TEST(Project, AbandonedWriterLeavesFileUnchanged) {
  TempDir dir;
  const auto path = dir.file("city.dothi");
  {
    auto p = Project::create(path);
    ASSERT_TRUE(p);
    ASSERT_TRUE((*p)->setCrs("EPSG:32632"));
  }
  const std::string before = readAll(path);
  {
    auto p = Project::open(path);
    ASSERT_TRUE(p);
    auto tx = (*p)->transaction();
    ASSERT_TRUE(tx);
    auto w = (*p)->beginLayer(buildingsSpec());
    ASSERT_TRUE(w);
    ASSERT_TRUE((*w)->add(building(1, 0, 0, 5, "x")));
    // No commit: the writer and the transaction roll back.
  }
  EXPECT_EQ(readAll(path), before);
  auto p = Project::open(path);
  ASSERT_TRUE(p);
  EXPECT_TRUE((*p)->layers().empty());
}

TEST(Project, InvalidAndEmptyGeometriesAreKeptAndCounted) {
  TempDir dir;
  auto p = Project::create(dir.file("c.dothi"));
  ASSERT_TRUE(p);
  ASSERT_TRUE((*p)->setCrs("EPSG:2100"));
  auto w = (*p)->beginLayer(buildingsSpec());
  ASSERT_TRUE(w);
  Feature bowtie = building(1, 0, 0, 10, "bowtie");
  bowtie.geometry.polygons[0].outer = {{0, 0}, {10, 10}, {10, 0}, {0, 10}, {0, 0}};
  ASSERT_TRUE((*w)->add(bowtie, FeatureIssue{"buildings", 1, "invalid", "Self-intersection"}));
  Feature empty;
  empty.id = 2;
  empty.attributes = {std::string("nothing"), 1.0};
  ASSERT_TRUE((*w)->add(empty));
  auto info = (*w)->commit();
  ASSERT_TRUE(info);
  EXPECT_EQ(info->featureCount, 2);
  EXPECT_EQ(info->invalidCount, 1);
  EXPECT_EQ(info->emptyCount, 1);
  auto issues = (*p)->issues("buildings");
  ASSERT_EQ(issues.size(), 2u);
  EXPECT_EQ(issues[0].kind, "invalid");
  EXPECT_EQ(issues[1].kind, "empty");
}

TEST(Project, CorruptAndForeignFilesAreRefused) {
  TempDir dir;
  const auto junk = dir.file("junk.dothi");
  std::ofstream(junk) << "this is not a database at all, just some text that is long enough to matter";
  auto p = Project::open(junk);
  ASSERT_FALSE(p);
  EXPECT_EQ(p.error().file, junk);
  EXPECT_NE(p.error().describe().find("not a DoThi project"), std::string::npos);
  EXPECT_EQ(Project::open(dir.file("missing.dothi")).error().code, ErrorCode::NotFound);
  EXPECT_FALSE(Project::create(junk));  // never overwrites
}

TEST(Project, UniqueLayerNamesAreSanitised) {
  TempDir dir;
  auto p = Project::create(dir.file("c.dothi"));
  ASSERT_TRUE(p);
  EXPECT_EQ((*p)->uniqueLayerName("Monaco Buildings"), "monaco_buildings");
  EXPECT_EQ((*p)->uniqueLayerName("2021"), "layer_2021");
  EXPECT_EQ((*p)->uniqueLayerName("spatial_ref_sys"), "spatial_ref_sys_2");
}

TEST(Project, GeographicProjectCrsIsRefused) {
  TempDir dir;
  auto p = Project::create(dir.file("c.dothi"));
  ASSERT_TRUE(p);
  auto r = (*p)->setCrs("EPSG:4326");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::Crs);
}
