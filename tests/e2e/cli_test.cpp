// End to end: info/export/render/indicators/bench and bad input through dothi-cli.
#include <gtest/gtest.h>

#include <osg/Image>
#include <osgDB/ReadFile>

#include <nlohmann/json.hpp>

#include "cli_runner.hpp"

using namespace dothi::test;
using nlohmann::json;

namespace {
/// A Monaco project with buildings, roads and land use (built once per test binary run).
class MonacoProject : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    s_dir = new TempDir;
    s_project = s_dir->file("monaco.dothi");
    for (const char* f : {"osm/monaco2021_buildings.geojson", "osm/monaco2021_roads.geojson", "osm/monaco2021_landuse.geojson"}) {
      if (!std::filesystem::exists(sharedData(f))) return;
      cli({"import", sharedData(f).string(), "--into", s_project, "-q"});
    }
  }
  static void TearDownTestSuite() { delete s_dir; }
  void SetUp() override {
    if (!std::filesystem::exists(s_project)) GTEST_SKIP() << "Monaco test data missing";
  }
  static inline TempDir* s_dir = nullptr;
  static inline std::string s_project;
};
}  // namespace

TEST_F(MonacoProject, InfoListsLayersWithKindsAndFields) {
  auto r = cli({"info", s_project, "--json"});
  ASSERT_EQ(r.code, 0) << r.err;
  json j = json::parse(r.out);
  EXPECT_EQ(j["crs"], "EPSG:32632");
  ASSERT_EQ(j["layers"].size(), 3u);
  EXPECT_EQ(j["layers"][0]["kind"], "buildings");
  EXPECT_EQ(j["layers"][0]["feature_count"], 1207);
  EXPECT_EQ(j["layers"][0]["geometry_type"], "MultiPolygon");
  EXPECT_EQ(j["layers"][1]["kind"], "roads");
  EXPECT_EQ(j["layers"][2]["kind"], "landuse");
  // Monaco lies around 372-374 km E, 4842-4846 km N in UTM 32N.
  EXPECT_NEAR(j["layers"][0]["extent"][0].get<double>(), 371858, 50);
  EXPECT_NEAR(j["layers"][0]["extent"][3].get<double>(), 4845477, 50);
  auto text = cli({"info", s_project});
  EXPECT_NE(text.out.find("building_levels"), std::string::npos);
}

TEST_F(MonacoProject, OgrinfoOpensTheProjectFileAsIs) {
  EXPECT_EQ(ogrinfoCount(s_project), 1207 + 2361 + 109);
}

TEST_F(MonacoProject, ExportRoundTripsThroughGpkgShpAndTab) {
  TempDir dir;
  for (const char* ext : {"gpkg", "shp", "tab", "geojson", "fgb", "csv"}) {
    const auto out = dir.file(std::string("b.") + ext);
    auto r = cli({"export", s_project, out, "--layer", "monaco2021_buildings", "--to-crs", "EPSG:4326"});
    ASSERT_EQ(r.code, 0) << ext << ": " << r.err;
    EXPECT_EQ(ogrinfoCount(out), 1207) << ext;
  }
  auto again = cli({"export", s_project, dir.file("b.gpkg"), "--layer", "monaco2021_buildings"});
  EXPECT_EQ(again.code, 2);  // exists: --overwrite needed
  auto ro = cli({"export", s_project, "/proc/dothi.gpkg", "--layer", "monaco2021_buildings"});
  EXPECT_EQ(ro.code, 4);
  EXPECT_NE(ro.err.find("/proc/dothi.gpkg"), std::string::npos);
}

TEST_F(MonacoProject, ExportedGpkgDxfFgbKmlImportBack) {
  // GeoPackage, DXF, FlatGeobuf and KML sources: written by GDAL from the project, read back.
  TempDir dir;
  for (const char* ext : {"gpkg", "dxf", "fgb", "kml"}) {
    const auto out = dir.file(std::string("b.") + ext);
    ASSERT_EQ(cli({"export", s_project, out, "--layer", "monaco2021_buildings", "--to-crs", "EPSG:4326"}).code, 0) << ext;
    std::vector<std::string> args = {"import", out, "--into", dir.file(std::string("p_") + ext + ".dothi"), "--json"};
    if (std::string(ext) == "dxf") args.insert(args.end(), {"--from-crs", "EPSG:4326"});  // DXF stores no CRS
    auto r = cli(args);
    ASSERT_EQ(r.code, 0) << ext << ": " << r.err;
    const json j = json::parse(r.out);
    long total = 0;
    for (const auto& l : j["layers"]) total += l["feature_count"].get<long>();
    EXPECT_EQ(total, ogrinfoCount(out)) << ext;
    EXPECT_EQ(total, 1207) << ext;
  }
}

TEST_F(MonacoProject, IndicatorsJson) {
  auto r = cli({"indicators", s_project, "--json"});
  ASSERT_EQ(r.code, 0) << r.err;
  json j = json::parse(r.out);
  EXPECT_EQ(j["buildings"], 1207);
  EXPECT_GT(j["footprint_area_m2"].get<double>(), 600000);
  EXPECT_LT(j["footprint_area_m2"].get<double>(), 800000);
  EXPECT_GT(j["gross_floor_area_m2"].get<double>(), j["footprint_area_m2"].get<double>());
  EXPECT_GT(j["road_length_m"].get<double>(), 100000);
}

TEST_F(MonacoProject, RenderShowsBuildings) {
  TempDir dir;
  const auto png = dir.file("shot.png");
  auto r = cli({"render", s_project, "--out", png, "--size", "640x400", "--view", "top"});
  ASSERT_EQ(r.code, 0) << r.err;
  osg::ref_ptr<osg::Image> img = osgDB::readImageFile(png);
  ASSERT_TRUE(img);
  EXPECT_EQ(img->s(), 640);
  EXPECT_EQ(img->t(), 400);
  // Count distinct colours and pixels that are neither background nor ground: buildings and roads.
  const osg::Vec4 corner = img->getColor(0, 0);
  int differing = 0;
  for (int y = 0; y < img->t(); y += 2)
    for (int x = 0; x < img->s(); x += 2)
      if ((img->getColor(x, y) - corner).length() > 0.1) ++differing;
  EXPECT_GT(differing, 640 * 400 / 4 / 10) << "the image is nearly uniform";
}

TEST(CliBadInput, CorruptProjectAndUnknownThings) {
  TempDir dir;
  std::ofstream(dir.file("junk.dothi")) << "not a database, not at all, just text";
  auto r = cli({"info", dir.file("junk.dothi")});
  EXPECT_EQ(r.code, 5);
  EXPECT_NE(r.err.find("junk.dothi"), std::string::npos);
  EXPECT_EQ(cli({"info", dir.file("missing.dothi")}).code, 3);
  EXPECT_EQ(cli({"import", dir.file("missing.shp"), "--into", dir.file("x.dothi")}).code, 3);
  EXPECT_FALSE(std::filesystem::exists(dir.file("x.dothi")));
  std::ofstream(dir.file("broken.geojson")) << "{\"type\": \"FeatureCollection\", \"features\": [ {\"type\": ";
  auto b = cli({"import", dir.file("broken.geojson"), "--into", dir.file("x.dothi")});
  EXPECT_EQ(b.code, 5);
  EXPECT_NE(b.err.find("broken.geojson"), std::string::npos);
  EXPECT_EQ(cli({"import", dir.file("broken.geojson"), "--into", dir.file("x.dothi"), "--kind", "castles"}).code, 2);
  EXPECT_NE(cli({"frobnicate"}).code, 0);
}

TEST(CliBadInput, ReadOnlyProjectIsReportedAndUntouched) {
  DOTHI_REQUIRE_DATA("osm/monaco2021_landuse.geojson");
  if (geteuid() == 0) GTEST_SKIP() << "root ignores file permissions";
  TempDir dir;
  const auto project = dir.file("p.dothi");
  ASSERT_EQ(cli({"import", sharedData("osm/monaco2021_landuse.geojson").string(), "--into", project, "-q"}).code, 0);
  std::filesystem::permissions(project, std::filesystem::perms::owner_read);
  auto r = cli({"import", sharedData("osm/monaco2021_roads.geojson").string(), "--into", project});
  EXPECT_NE(r.code, 0);
  EXPECT_NE(r.err.find(project), std::string::npos) << r.err;
}

TEST(CliBadInput, InvalidGeometriesAreKeptAndCounted) {
  TempDir dir;
  const auto gj = dir.file("bad.geojson");
  std::ofstream(gj) << R"({"type":"FeatureCollection","features":[
    {"type":"Feature","id":1,"properties":{"building":"yes"},"geometry":{"type":"Polygon","coordinates":[[[7.42,43.73],[7.421,43.731],[7.421,43.73],[7.42,43.731],[7.42,43.73]]]}},
    {"type":"Feature","id":2,"properties":{"building":"yes"},"geometry":{"type":"Polygon","coordinates":[[[7.42,43.73],[7.421,43.73],[7.421,43.731],[7.42,43.731],[7.42,43.73]]]}},
    {"type":"Feature","id":3,"properties":{"building":"yes"},"geometry":null}]})";
  auto r = cli({"import", gj, "--into", dir.file("p.dothi"), "--json"});
  ASSERT_EQ(r.code, 0) << r.err;
  json j = json::parse(r.out);
  EXPECT_EQ(j["layers"][0]["feature_count"], 3);
  EXPECT_EQ(j["layers"][0]["invalid_count"], 1);
  EXPECT_EQ(j["layers"][0]["empty_count"], 1);
  auto info = cli({"info", dir.file("p.dothi"), "--issues", "--json"});
  json issues = json::parse(info.out)["layers"][0]["issues"];
  ASSERT_EQ(issues.size(), 2u);
  EXPECT_EQ(issues[0]["fid"], 1);
  EXPECT_NE(issues[0]["reason"].get<std::string>().find("Self-intersection"), std::string::npos);
}

TEST(CliBench, ImportBenchPrintsJsonFigures) {
  DOTHI_REQUIRE_DATA("osm/monaco2021_landuse.geojson");
  auto r = cli({"bench", "import", sharedData("osm/monaco2021_landuse.geojson").string(), "--repeat", "1", "--json"});
  ASSERT_EQ(r.code, 0) << r.err;
  json j = json::parse(r.out);
  EXPECT_EQ(j["features"], 109);
  EXPECT_GT(j["features_per_second"].get<double>(), 0);
  EXPECT_TRUE(j.contains("ratio_dothi_over_ogr2ogr"));
}
