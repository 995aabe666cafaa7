// End to end, issue 3: the Monaco sample with its SRTM DEM, roofs and a thematic style through
// dothi-cli (import --kind terrain, style, render, bench render). The screenshots are kept under
// build/artifacts (CI artifacts) and checked by their pixels.
#include <gtest/gtest.h>

#include <osg/Image>
#include <osgDB/ReadFile>

#include <cmath>
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>

#include "cli_runner.hpp"
#include "dothi/geo/crs.hpp"
#include "dothi/geo/project.hpp"
#include "dothi/geo/style.hpp"
#include "dothi/geo/terrain.hpp"

using namespace dothi::test;
using nlohmann::json;

namespace {

const char* kLayers[] = {"buildings", "roads", "landuse", "utility_lines"};

std::filesystem::path artifacts() {
  std::filesystem::path dir(DOTHI_ARTIFACTS);
  std::filesystem::create_directories(dir);
  return dir;
}

/// Monaco (four layers) with and without the DEM, built once for the suite.
class MonacoCity : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    s_dir = new TempDir;
    s_flat = s_dir->file("flat.dothi");
    s_city = s_dir->file("city.dothi");
    for (const char* layer : kLayers) {
      const auto source = sharedData(std::string("osm/monaco2021_") + layer + ".geojson");
      if (!std::filesystem::exists(source)) return;
      for (const auto& project : {s_flat, s_city})
        if (cli({"import", source.string(), "--into", project, "--layer", layer, "-q"}).code != 0) return;
    }
    s_terrain = cli({"import", sharedData("dem/srtm3_monaco_nice.tif").string(), "--into", s_city, "--kind", "terrain", "--json"});
  }
  static void TearDownTestSuite() { delete s_dir; }
  void SetUp() override {
    if (!std::filesystem::exists(sharedData("dem/srtm3_monaco_nice.tif")) || !std::filesystem::exists(s_city))
      GTEST_SKIP() << "Monaco test data missing";
    ASSERT_EQ(s_terrain.code, 0) << s_terrain.err;
  }
  static inline TempDir* s_dir = nullptr;
  static inline std::string s_flat, s_city;
  static inline RunResult s_terrain;
};

osg::ref_ptr<osg::Image> readPng(const std::string& path) {
  osg::ref_ptr<osg::Image> image = osgDB::readImageFile(path);
  return image;
}

/// Share of the image's pixels (or of a window of it, origin bottom-left) that pass a test.
double share(const osg::Image& image, const std::function<bool(const osg::Vec4&)>& test, int x0 = 0, int y0 = 0,
             int x1 = -1, int y1 = -1) {
  if (x1 < 0) x1 = image.s();
  if (y1 < 0) y1 = image.t();
  long hits = 0, total = 0;
  for (int y = y0; y < y1; y += 2)
    for (int x = x0; x < x1; x += 2, ++total) hits += test(image.getColor(x, y)) ? 1 : 0;
  return total ? static_cast<double>(hits) / total : 0.0;
}

bool near(const osg::Vec4& c, float r, float g, float b, float tolerance) {
  return std::abs(c.r() - r) < tolerance && std::abs(c.g() - g) < tolerance && std::abs(c.b() - b) < tolerance;
}

bool sky(const osg::Vec4& c) { return near(c, 0.62f, 0.77f, 0.92f, 0.02f); }
// The terrain's sea tint, lit by the sun from above (a little lighter or darker than the tint).
bool sea(const osg::Vec4& c) { return c.b() > c.r() + 0.2f && c.b() > 0.75f && !sky(c); }
bool terracotta(const osg::Vec4& c) { return c.r() > 0.45f && c.r() > c.g() + 0.15f && c.g() > c.b(); }

}  // namespace

TEST_F(MonacoCity, TerrainImportResamplesTheLonLatDemIntoTheProjectCrs) {
  const json j = json::parse(s_terrain.out);
  EXPECT_EQ(j["crs"], "EPSG:32632");  // the project's, chosen by the first vector import
  EXPECT_GT(j["terrain"]["columns"].get<int>(), 300);
  EXPECT_GT(j["terrain"]["rows"].get<int>(), 200);
  EXPECT_NEAR(j["terrain"]["cell_size"].get<double>(), 74, 10);  // 3 arc-seconds at 43.7 N
  EXPECT_EQ(j["terrain"]["source_crs"], "EPSG:4326");
  auto project = dothi::geo::Project::open(s_city, true);
  ASSERT_TRUE(project);
  auto grid = (*project)->terrain();
  ASSERT_TRUE(grid && grid->has_value());
  const auto& g = **grid;
  EXPECT_EQ(g.crs, "EPSG:32632");
  // The sea off Monaco is at 0; inland the resampled grid agrees with the source raster's own
  // pixel (gdallocationinfo) to within the relief of one 3" cell.
  EXPECT_NEAR(*g.heightAt(375147, 4841942), 0.0, 3.0);
  auto toUtm = dothi::geo::Transformer::create("EPSG:4326", "EPSG:32632");
  ASSERT_TRUE(toUtm);
  for (auto [lon, lat] : {std::pair{7.4406, 43.7756}, {7.42, 43.75}, {7.40, 43.76}, {7.30, 43.80}, {7.5, 43.8}}) {
    auto source = run("gdallocationinfo", {"-valonly", "-wgs84", sharedData("dem/srtm3_monaco_nice.tif").string(),
                                           std::to_string(lon), std::to_string(lat)});
    ASSERT_EQ(source.code, 0) << source.err;
    dothi::geo::Point p{lon, lat, 0};
    ASSERT_TRUE(toUtm->transform(p));
    const auto ours = g.heightAt(p.x, p.y);
    ASSERT_TRUE(ours) << lon << " " << lat;
    EXPECT_GT(std::stod(source.out), 200.0) << "a hill, not the sea";
    EXPECT_NEAR(*ours, std::stod(source.out), 40.0) << lon << " " << lat;
  }
}

TEST_F(MonacoCity, ARasterThatIsNotOneIsRefusedAndTheProjectUntouched) {
  TempDir dir;
  const std::string project = dir.file("p.dothi");
  ASSERT_EQ(cli({"import", sharedData("osm/monaco2021_roads.geojson").string(), "--into", project, "-q"}).code, 0);
  const std::string before = readFile(project);
  auto r = cli({"import", sharedData("osm/monaco2021_landuse.geojson").string(), "--into", project, "--kind", "terrain"});
  EXPECT_EQ(r.code, 5) << r.err;  // format: not a raster
  EXPECT_NE(r.err.find("raster"), std::string::npos) << r.err;
  EXPECT_EQ(readFile(project), before);
}

TEST_F(MonacoCity, StyleIsStoredInTheProjectFile) {
  TempDir dir;
  const std::string copy = dir.file("styled.dothi");
  std::filesystem::copy_file(s_flat, copy);
  auto r = cli({"style", copy, "--layer", "buildings", "--by", "building", "--categories", "5", "--json"});
  ASSERT_EQ(r.code, 0) << r.err;
  const json printed = json::parse(r.out);
  EXPECT_EQ(printed["mode"], "categories");
  EXPECT_EQ(printed["classes"].size(), 5u);
  EXPECT_EQ(printed["classes"][0]["value"], "yes");  // 1095 of 1207 Monaco buildings say only "yes"
  EXPECT_EQ(printed["classes"][0]["count"], 1095);
  auto project = dothi::geo::Project::open(copy, true);
  ASSERT_TRUE(project);
  auto stored = dothi::geo::parseLayerStyle((*project)->layer("buildings")->style);
  ASSERT_TRUE(stored);
  EXPECT_EQ(json::parse(dothi::geo::layerStyleJson(*stored)), printed);
  auto bad = cli({"style", copy, "--layer", "buildings", "--by", "colour"});
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.err.find("building_levels"), std::string::npos) << "the error lists the fields: " << bad.err;
}

TEST_F(MonacoCity, SampleCityScreenshotsWithTerrainRoofsAndStyle) {
  TempDir dir;
  const std::string city = dir.file("styled.dothi");
  std::filesystem::copy_file(s_city, city);
  ASSERT_EQ(cli({"style", city, "--layer", "buildings", "--by", "_height", "--classes", "5", "--ramp", "ylorrd"}).code, 0);
  ASSERT_EQ(cli({"style", city, "--layer", "roads", "--label", "name"}).code, 0);
  ASSERT_EQ(cli({"style", city, "--default-roof", "auto"}).code, 0);
  const auto out = artifacts();
  const std::string overview = (out / "monaco_terrain_style.png").string();
  const std::string closeup = (out / "monaco_roofs_closeup.png").string();
  const std::string flat = (out / "monaco_flat.png").string();
  auto r = cli({"render", city, "--out", overview, "--size", "1600x900"});
  ASSERT_EQ(r.code, 0) << r.err;
  // The Rock of Monaco-Ville, close, in the default colours: hipped tiled roofs on the houses.
  r = cli({"render", s_city, "--out", closeup, "--size", "1600x900", "--zoom", "8", "--center", "372801,4843219", "--roof", "auto"});
  ASSERT_EQ(r.code, 0) << r.err;
  r = cli({"render", s_flat, "--out", flat, "--size", "1600x900"});
  ASSERT_EQ(r.code, 0) << r.err;

  auto terrainImage = readPng(overview), closeImage = readPng(closeup), flatImage = readPng(flat);
  ASSERT_TRUE(terrainImage && closeImage && flatImage);
  // The DEM shows: sea and hills fill the frame instead of sky.
  EXPECT_GT(share(*terrainImage, sea), 0.15) << "the sea of the DEM";
  EXPECT_LT(share(*terrainImage, sky), 0.05);
  EXPECT_LT(share(*flatImage, sea), 0.01) << "no DEM: a flat ground, no sea";
  EXPECT_GT(share(*flatImage, sky), 0.05);
  // The legend: a light panel bottom left holding the ramp's darkest red (57.6 – 111 m).
  const int legendW = terrainImage->s() / 6, legendH = terrainImage->t() / 5;
  EXPECT_GT(share(*terrainImage, [](const osg::Vec4& c) { return c.r() > 0.9f && c.g() > 0.9f && c.b() > 0.88f; }, 0, 0,
                  legendW, legendH),
            0.3);
  EXPECT_GT(share(*terrainImage, [](const osg::Vec4& c) { return near(c, 0.74f, 0.0f, 0.15f, 0.12f); }, 0, 0, legendW, legendH),
            0.002);
  // Tall buildings in the class colours across the city (orange/red, not the default beige).
  EXPECT_GT(share(*terrainImage, [](const osg::Vec4& c) { return c.r() > 0.8f && c.g() < 0.55f && c.b() < 0.3f; }), 0.001);
  // Close up, the houses carry terracotta hipped roofs (the flat city has only its red railway).
  EXPECT_GT(share(*closeImage, terracotta), 0.03);
  EXPECT_LT(share(*flatImage, terracotta), 0.01) << "no roof rule: flat roofs";
}

TEST(CliBench, RenderBenchComparesTheTiledSceneWithTheNaiveOne) {
  auto r = cli({"bench", "render", "--buildings", "3000", "--frames", "12", "--picks", "10", "--size", "320x200", "--json"});
  ASSERT_EQ(r.code, 0) << r.err;
  const json j = json::parse(r.out);
  for (const char* variant : {"optimized", "naive"}) {
    const json& v = j[variant];
    EXPECT_EQ(v["buildings"], 3000) << variant;
    EXPECT_GT(v["build_s"].get<double>(), 0.0) << variant;
    EXPECT_GT(v["frame_median_ms"].get<double>(), 0.0) << variant;
    EXPECT_GE(v["frame_p95_ms"].get<double>(), v["frame_median_ms"].get<double>()) << variant;
    EXPECT_GT(v["peak_rss_mib"].get<double>(), 10.0) << variant;
    EXPECT_EQ(v["frames"], 12) << variant;
  }
  EXPECT_EQ(j["optimized"]["picks_checked"], 10);
  EXPECT_EQ(j["optimized"]["picks_exact"], 10) << "every pick matches the brute-force ray cast";
  EXPECT_GT(j["frame_ratio"].get<double>(), 0.0);
  EXPECT_TRUE(j.contains("memory_ratio"));
}
