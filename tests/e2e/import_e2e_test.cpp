// End to end: dothi-cli import on real files, checked against ogrinfo and PROJ's cs2cs.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_runner.hpp"
#include "dothi/geo/project.hpp"
#include "dothi/importers/importer.hpp"

using namespace dothi;
using namespace dothi::test;
using nlohmann::json;

namespace {
json importJson(const std::string& project, std::vector<std::string> args) {
  args.insert(args.begin(), "import");
  args.insert(args.end(), {"--into", project, "--json"});
  auto r = cli(args);
  EXPECT_EQ(r.code, 0) << r.err;
  return r.code == 0 ? json::parse(r.out) : json{};
}
}  // namespace

class ImportRealFiles : public ::testing::TestWithParam<std::pair<const char*, const char*>> {};

TEST_P(ImportRealFiles, CountEqualsOgrinfo) {
  const auto [rel, fromCrs] = GetParam();
  DOTHI_REQUIRE_DATA(rel);
  TempDir dir;
  std::vector<std::string> args = {sharedData(rel).string()};
  if (*fromCrs) args.insert(args.end(), {"--from-crs", fromCrs});
  json j = importJson(dir.file("c.dothi"), args);
  long total = 0;
  for (const auto& l : j["layers"]) total += l["feature_count"].get<long>();
  long expected = ogrinfoCount(sharedData(rel).string());
  EXPECT_EQ(total, expected) << rel;
  auto info = cli({"info", dir.file("c.dothi"), "--json"});
  ASSERT_EQ(info.code, 0);
  EXPECT_EQ(json::parse(info.out)["layers"].size(), j["layers"].size());
}

INSTANTIATE_TEST_SUITE_P(
    Formats, ImportRealFiles,
    ::testing::Values(std::make_pair("osm/monaco2021_buildings.geojson", ""), std::make_pair("osm/monaco2021_roads.geojson", ""),
                      std::make_pair("cadastre/kastoria_cadastre_1925.shp", ""),
                      std::make_pair("mapinfo_dgn/kastoria_cadastre_1925.tab", ""),
                      std::make_pair("mapinfo_dgn/kastoria_cadastre_1925_v7.dgn", "EPSG:2100"),
                      std::make_pair("mapinfo_dgn/gdal_autotest/utf8.mif", ""),
                      std::make_pair("citygml/berlin_open_data_sample.gml", "EPSG:25833")),
    [](const auto& info) {
      std::string name = std::filesystem::path(info.param.first).filename().string();
      for (char& c : name)
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
      return name;
    });

TEST(ImportE2E, OsmPbfAllLayers) {
  DOTHI_REQUIRE_DATA("osm/monaco_2021-12.osm.pbf");
  TempDir dir;
  json j = importJson(dir.file("o.dothi"), {sharedData("osm/monaco_2021-12.osm.pbf").string()});
  ASSERT_GE(j["layers"].size(), 4u);
  EXPECT_EQ(j["crs"], "EPSG:32632");
  long buildings = 0;
  for (const auto& l : j["layers"])
    if (l["source_layer"] == "multipolygons") buildings = l["feature_count"];
  EXPECT_GT(buildings, 1200);
}

TEST(ImportE2E, DgnWithoutCrsIsRefusedThenAccepted) {
  DOTHI_REQUIRE_DATA("mapinfo_dgn/kastoria_cadastre_1925_v7.dgn");
  TempDir dir;
  const auto dgn = sharedData("mapinfo_dgn/kastoria_cadastre_1925_v7.dgn").string();
  auto r = cli({"import", dgn, "--into", dir.file("k.dothi")});
  EXPECT_EQ(r.code, 6);
  EXPECT_NE(r.err.find("--from-crs"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(dgn), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(dir.file("k.dothi")));  // nothing left behind
  // Wrong CRS: Greek coordinates read as VN-2000 land far outside Vietnam.
  r = cli({"import", dgn, "--into", dir.file("k.dothi"), "--from-crs", "EPSG:3405"});
  EXPECT_EQ(r.code, 6);
  EXPECT_NE(r.err.find("outside"), std::string::npos) << r.err;
  json j = importJson(dir.file("k.dothi"), {dgn, "--from-crs", "EPSG:2100", "--kind", "parcels"});
  EXPECT_EQ(j["layers"][0]["feature_count"], 493);
  EXPECT_EQ(j["layers"][0]["kind"], "parcels");
  EXPECT_EQ(j["crs"], "EPSG:2100");
}

TEST(ImportE2E, ReprojectionMatchesCs2csToAMillimetre) {
  DOTHI_REQUIRE_DATA("osm/monaco2021_buildings.geojson");
  TempDir dir;
  const auto source = sharedData("osm/monaco2021_buildings.geojson").string();
  importJson(dir.file("m.dothi"), {source});
  auto project = geo::Project::open(dir.file("m.dothi"), true);
  ASSERT_TRUE(project);
  // Every 100th building's first vertex: source lon/lat (full precision) through cs2cs vs the project.
  importers::ImporterRegistry registry;
  importers::registerBuiltinImporters(registry);
  auto src = (*registry.find(source))->open(source);
  ASSERT_TRUE(src);
  auto cursor = (*src)->read((*src)->layers().at(0).name);
  ASSERT_TRUE(cursor);
  int checked = 0;
  for (int i = 0;; ++i) {
    std::string problem;
    auto f = (*cursor)->next(&problem);
    ASSERT_TRUE(f);
    if (!*f) break;
    if (i % 100 != 0) continue;
    const auto& ll = (*f)->geometry.polygons.at(0).outer.at(0);
    char line[128];
    std::snprintf(line, sizeof line, "%.12f %.12f", ll.y, ll.x);
    auto cs = run("sh", {"-c", std::string("echo '") + line + "' | cs2cs -d 6 EPSG:4326 EPSG:32632"});
    double e = 0, n = 0;
    ASSERT_EQ(std::sscanf(cs.out.c_str(), "%lf %lf", &e, &n), 2) << cs.out;
    auto stored = (*project)->feature("monaco2021_buildings", (*f)->id);
    ASSERT_TRUE(stored && *stored);
    const auto& p = (*stored)->geometry.polygons.at(0).outer.at(0);
    EXPECT_NEAR(p.x, e, 0.001);
    EXPECT_NEAR(p.y, n, 0.001);
    ++checked;
  }
  EXPECT_EQ(checked, 13);
}

TEST(ImportE2E, Vn2000ReferencePointAndDatumShift) {
  TempDir dir;
  const auto csv = dir.file("hanoi.csv");
  std::ofstream(csv) << "WKT,name\n\"POINT (105.85 21.03)\",Hoan Kiem\n";
  json j = importJson(dir.file("vn.dothi"), {csv, "--from-crs", "EPSG:4326", "--to-crs", "EPSG:3405"});
  EXPECT_EQ(j["crs"], "EPSG:3405");
  EXPECT_NE(j["layers"][0]["operation"].get<std::string>().find("VN-2000 to WGS 84 (2)"), std::string::npos)
      << j["layers"][0]["operation"];
  auto project = geo::Project::open(dir.file("vn.dothi"), true);
  ASSERT_TRUE(project);
  const auto layer = (*project)->layers().at(0).name;
  auto f = (*project)->feature(layer, 1);
  ASSERT_TRUE(f && *f) << "feature 1 of " << layer;
  const auto& p = (*f)->geometry.points.at(0);
  EXPECT_NEAR(p.x, 588128.03, 0.001 + 0.005);  // reference given to 1 cm
  EXPECT_NEAR(p.y, 2325811.03, 0.001 + 0.005);
  // And exactly what cs2cs says for the same operation, to 1 mm.
  auto cs = run("sh", {"-c", "echo '21.03 105.85' | cs2cs -d 4 EPSG:4326 EPSG:3405"});
  double e = 0, n = 0;
  ASSERT_EQ(std::sscanf(cs.out.c_str(), "%lf %lf", &e, &n), 2);
  EXPECT_NEAR(p.x, e, 0.001);
  EXPECT_NEAR(p.y, n, 0.001);
}

TEST(ImportE2E, Vn2000GeographicSourceGetsVn2000Utm) {
  TempDir dir;
  const auto csv = dir.file("vn2000.csv");
  std::ofstream(csv) << "WKT,so_thua,to_ban_do\n\"POLYGON ((105.85 21.03,105.851 21.03,105.851 21.031,105.85 21.031,105.85 21.03))\",12,3\n";
  json j = importJson(dir.file("vn.dothi"), {csv, "--from-crs", "EPSG:4756"});
  EXPECT_EQ(j["crs"], "EPSG:3405");
  EXPECT_EQ(j["layers"][0]["kind"], "parcels");
  // And a TM-3 zone on request (Hanoi: 105°30').
  json k = importJson(dir.file("tm3.dothi"), {csv, "--from-crs", "EPSG:4756", "--to-crs", "EPSG:9209"});
  EXPECT_EQ(k["crs"], "EPSG:9209");
}

TEST(ImportE2E, FailedImportLeavesProjectByteForByteUnchanged) {
  DOTHI_REQUIRE_DATA("cadastre/kastoria_cadastre_1925.shp");
  TempDir dir;
  const auto project = dir.file("k.dothi");
  importJson(project, {sharedData("cadastre/kastoria_cadastre_1925.shp").string()});
  const std::string before = readFile(project);
  // A truncated copy of the same shapefile: the failure comes half way through the features.
  const auto base = sharedData("cadastre/kastoria_cadastre_1925").string();
  for (const char* ext : {".shx", ".dbf", ".prj"}) std::filesystem::copy(base + ext, dir.file(std::string("t") + ext));
  const std::string shp = readFile(base + ".shp");
  std::ofstream(dir.file("t.shp"), std::ios::binary) << shp.substr(0, shp.size() / 4);
  auto r = cli({"import", dir.file("t.shp"), "--into", project});
  EXPECT_EQ(r.code, 5) << r.err;
  EXPECT_NE(r.err.find("t.shp"), std::string::npos);
  EXPECT_NE(r.err.find("feature "), std::string::npos) << r.err;
  EXPECT_EQ(readFile(project), before);
}
