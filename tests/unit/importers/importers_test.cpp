#include <gtest/gtest.h>

#include <filesystem>

#include "../../test_support.hpp"
#include "dothi/importers/importer.hpp"

using namespace dothi;
using dothi::test::sharedData;

namespace {
std::unique_ptr<importers::Source> openSource(const std::string& path) {
  importers::ImporterRegistry registry;
  importers::registerBuiltinImporters(registry);
  auto imp = registry.find(path);
  EXPECT_TRUE(imp) << imp.error().describe();
  auto src = (*imp)->open(path);
  EXPECT_TRUE(src) << src.error().describe();
  return src ? std::move(*src) : nullptr;
}

std::int64_t countAll(importers::Source& src, const std::string& layer, std::int64_t* empty = nullptr) {
  auto cursor = src.read(layer);
  EXPECT_TRUE(cursor);
  std::int64_t n = 0;
  while (true) {
    std::string problem;
    auto f = (*cursor)->next(&problem);
    EXPECT_TRUE(f) << f.error().describe();
    if (!f || !*f) break;
    if (empty && (*f)->geometry.isEmpty()) ++*empty;
    ++n;
  }
  return n;
}
}  // namespace

TEST(KindGuess, FromFieldsGeometryAndName) {
  using geo::GeometryType;
  using geo::LayerKind;
  geo::Schema osm = {{"osm_id", geo::FieldType::Text}, {"building", geo::FieldType::Text}, {"height", geo::FieldType::Text}};
  EXPECT_EQ(importers::guessKind(GeometryType::MultiPolygon, osm, "buildings"), LayerKind::Buildings);
  geo::Schema cad = {{"KAK", geo::FieldType::Integer}};
  EXPECT_EQ(importers::guessKind(GeometryType::Polygon, cad, "x"), LayerKind::Parcels);
  EXPECT_EQ(importers::guessKind(GeometryType::MultiPolygon, {}, "elements kastoria_cadastre_1925_v7.dgn"), LayerKind::Parcels);
  geo::Schema vn = {{"so_thua", geo::FieldType::Integer}, {"to_ban_do", geo::FieldType::Integer}};
  EXPECT_EQ(importers::guessKind(GeometryType::Polygon, vn, "thua_dat"), LayerKind::Parcels);
  geo::Schema road = {{"highway", geo::FieldType::Text}};
  EXPECT_EQ(importers::guessKind(GeometryType::MultiLineString, road, "r"), LayerKind::Roads);
  EXPECT_EQ(importers::guessKind(GeometryType::MultiLineString, {}, "rail"), LayerKind::Infrastructure);
  geo::Schema lu = {{"landuse", geo::FieldType::Text}};
  EXPECT_EQ(importers::guessKind(GeometryType::MultiPolygon, lu, "x"), LayerKind::Landuse);
}

TEST(OgrImporter, ShapefileLayerDescription) {
  DOTHI_REQUIRE_DATA("cadastre/kastoria_cadastre_1925.shp");
  auto src = openSource(sharedData("cadastre/kastoria_cadastre_1925.shp"));
  ASSERT_TRUE(src);
  auto layers = src->layers();
  ASSERT_EQ(layers.size(), 1u);
  EXPECT_EQ(layers[0].featureCount, 493);
  EXPECT_EQ(layers[0].crs, "EPSG:2100");
  EXPECT_TRUE(geo::fieldIndex(layers[0].fields, "KAK"));
  EXPECT_EQ(geo::dimensionOf(layers[0].geometryType), 2);
  EXPECT_EQ(countAll(*src, layers[0].name), 493);
}

TEST(OgrImporter, DgnHasNoCrsButReadsAllElements) {
  DOTHI_REQUIRE_DATA("mapinfo_dgn/kastoria_cadastre_1925_v7.dgn");
  auto src = openSource(sharedData("mapinfo_dgn/kastoria_cadastre_1925_v7.dgn"));
  ASSERT_TRUE(src);
  auto layers = src->layers();
  ASSERT_EQ(layers.size(), 1u);
  EXPECT_TRUE(layers[0].crs.empty());
  std::int64_t empty = 0;
  EXPECT_EQ(countAll(*src, layers[0].name, &empty), 493);
  EXPECT_EQ(empty, 0);
}

TEST(OgrImporter, MissingSidecarIsNamed) {
  DOTHI_REQUIRE_DATA("cadastre/kastoria_cadastre_1925.shp");
  dothi::test::TempDir dir;
  for (const char* ext : {".shp", ".dbf", ".prj"})
    std::filesystem::copy(sharedData(std::string("cadastre/kastoria_cadastre_1925") + ext),
                          dir.path() / (std::string("k") + ext));
  importers::ImporterRegistry registry;
  importers::registerBuiltinImporters(registry);
  auto imp = registry.find(dir.file("k.shp"));
  ASSERT_TRUE(imp);
  auto src = (*imp)->open(dir.file("k.shp"));
  ASSERT_FALSE(src);
  EXPECT_EQ(src.error().file, dir.file("k.shp"));
  EXPECT_NE(src.error().message.find(".shx"), std::string::npos) << src.error().message;
}

TEST(OgrImporter, ValidityReasonFromGeos) {
  DOTHI_REQUIRE_DATA("cadastre/kastoria_cadastre_1925.shp");
  auto src = openSource(sharedData("cadastre/kastoria_cadastre_1925.shp"));
  ASSERT_TRUE(src);
  geo::Geometry bowtie;
  bowtie.type = geo::GeometryType::Polygon;
  bowtie.polygons.push_back({{{0, 0}, {10, 10}, {10, 0}, {0, 10}, {0, 0}}, {}});
  EXPECT_NE(src->validityProblem(bowtie).find("Self-intersection"), std::string::npos);
  bowtie.polygons[0].outer = {{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}};
  EXPECT_EQ(src->validityProblem(bowtie), "");
}

TEST(OgrImporter, MifWithUtf8FieldNames) {
  DOTHI_REQUIRE_DATA("mapinfo_dgn/gdal_autotest/utf8.mif");
  auto src = openSource(sharedData("mapinfo_dgn/gdal_autotest/utf8.mif"));
  ASSERT_TRUE(src);
  auto layers = src->layers();
  ASSERT_EQ(layers.size(), 1u);
  EXPECT_EQ(countAll(*src, layers[0].name), 3);
  EXPECT_FALSE(layers[0].crs.empty());
}
