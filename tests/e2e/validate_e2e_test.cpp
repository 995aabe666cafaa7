// dothi-cli validate on real and planted data. Every figure is checked against an independent
// computation: SpatiaLite SQL (GEOS) run by the sqlite3 shell on the same project file.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "cli_runner.hpp"
#include "planted_project.hpp"

namespace dothi::test {
namespace {

using nlohmann::json;

constexpr const char* kKastoria = "cadastre/kastoria_cadastre_1925.shp";

json validateJson(const std::vector<std::string>& args) {
  auto r = cli(args);
  EXPECT_EQ(r.code, 0) << r.err;
  try {
    return json::parse(r.out);
  } catch (const std::exception& e) {
    ADD_FAILURE() << "not JSON: " << e.what() << "\n" << r.out.substr(0, 500);
    return json::object();
  }
}

std::vector<json> ofType(const json& report, const std::string& type) {
  std::vector<json> out;
  for (const auto& f : report["findings"])
    if (f["type"] == type) out.push_back(f);
  return out;
}

class KastoriaValidate : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!std::filesystem::exists(sharedData(kKastoria)) || !haveSpatialiteShell()) return;
    s_dir = std::make_unique<TempDir>();
    s_project = s_dir->file("kastoria.dothi");
    auto r = cli({"import", sharedData(kKastoria).string(), "--into", s_project, "--layer", "parcels", "-q"});
    ASSERT_EQ(r.code, 0) << r.err;
    s_report = validateJson({"validate", s_project, "--layer", "parcels", "--id", "KAK", "--json"});
  }
  static void TearDownTestSuite() { s_dir.reset(); }
  void SetUp() override {
    DOTHI_REQUIRE_DATA(kKastoria);
    if (!haveSpatialiteShell()) GTEST_SKIP() << "sqlite3 with mod_spatialite not installed";
  }
  static inline std::unique_ptr<TempDir> s_dir;
  static inline std::string s_project;
  static inline json s_report;
};

TEST_F(KastoriaValidate, CountsAllParcels) {
  EXPECT_EQ(s_report["parcels"], 493);
  EXPECT_EQ(s_report["parcels"].get<long>(), ogrinfoCount(sharedData(kKastoria).string()));
  EXPECT_EQ(s_report["id_field"], "KAK");
  EXPECT_EQ(s_report["crs"], "EPSG:2100");
}

TEST_F(KastoriaValidate, DuplicateAndMissingIdsMatchSql) {
  // 493 parcels, 387 distinct KAK: 101 parcels have no KAK at all and 5 ids are used twice
  // (387 + 101 + 5 = 493), so the "106 extra" are 101 missing + 5 duplicates, not 106 duplicates.
  auto dupRows = spatialite(s_project,
                            "SELECT group_concat(fid) FROM (SELECT KAK, fid FROM parcels WHERE trim(KAK) <> '' ORDER BY fid) "
                            "GROUP BY KAK HAVING COUNT(*) > 1 ORDER BY MIN(fid)");
  ASSERT_EQ(dupRows.size(), 5u);
  auto dups = ofType(s_report, "duplicate_id");
  ASSERT_EQ(dups.size(), dupRows.size());
  for (std::size_t i = 0; i < dups.size(); ++i) {
    std::string fids;
    for (const auto& f : dups[i]["fids"]) fids += (fids.empty() ? "" : ",") + std::to_string(f.get<long>());
    EXPECT_EQ(fids, dupRows[i][0]);
    EXPECT_EQ(dups[i]["parcel_ids"][0], dups[i]["parcel_ids"][1]);
  }
  auto missingRows = spatialite(s_project, "SELECT fid FROM parcels WHERE KAK IS NULL OR trim(KAK) = '' ORDER BY fid");
  auto missing = ofType(s_report, "missing_id");
  ASSERT_EQ(missing.size(), 101u);
  ASSERT_EQ(missingRows.size(), missing.size());
  for (std::size_t i = 0; i < missing.size(); ++i) {
    EXPECT_EQ(std::to_string(missing[i]["fids"][0].get<long>()), missingRows[i][0]);
    EXPECT_TRUE(missing[i]["parcel_ids"][0].is_null());
  }
}

TEST_F(KastoriaValidate, OverlapsMatchGeos) {
  // GEOS (ST_Intersection through SpatiaLite, R*Tree candidates) finds the same 10 pairs sharing
  // more than 0.01 m² — the digitised map's real overlaps: two reach 1.38 and 0.78 m², the rest
  // are a few dm² along badly joined boundaries. Areas agree to 1e-6 m² (GEOS works in doubles,
  // DoThi exactly). The 9 pairs at or below 0.01 m² (down to 1e-8 m²: shared edges digitised
  // twice) are counted as noise by both.
  const std::string pairs =
      "FROM parcels a, parcels b WHERE a.fid < b.fid AND b.fid IN (SELECT rowid FROM SpatialIndex WHERE "
      "f_table_name = 'parcels' AND search_frame = a.geom) AND ST_Intersects(a.geom, b.geom) ";
  auto rows = spatialite(s_project, "SELECT a.fid, b.fid, ST_Area(ST_Intersection(a.geom, b.geom)) " + pairs +
                                        "AND ST_Area(ST_Intersection(a.geom, b.geom)) > 0.01 ORDER BY a.fid, b.fid");
  auto overlaps = ofType(s_report, "overlap");
  ASSERT_EQ(rows.size(), 10u);
  ASSERT_EQ(overlaps.size(), rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(std::to_string(overlaps[i]["fids"][0].get<long>()), rows[i][0]);
    EXPECT_EQ(std::to_string(overlaps[i]["fids"][1].get<long>()), rows[i][1]);
    EXPECT_NEAR(overlaps[i]["area_m2"].get<double>(), std::stod(rows[i][2]), 1e-6);
    EXPECT_EQ(overlaps[i]["geometry"]["type"].get<std::string>().find("Polygon") != std::string::npos, true);
  }
  auto noise = spatialite(s_project, "SELECT COUNT(*) " + pairs +
                                         "AND ST_Area(ST_Intersection(a.geom, b.geom)) > 0 AND "
                                         "ST_Area(ST_Intersection(a.geom, b.geom)) <= 0.01");
  EXPECT_EQ(s_report["overlaps_below_min_area"].get<long>(), std::stol(noise[0][0]));
}

TEST_F(KastoriaValidate, GapsMatchTheHolesOfTheGeosUnion) {
  // Gaps = holes of the union of all parcels, 0.01 m² < area <= 0.5 m². GEOS unions the layer
  // (ST_Union) and we list its interior rings: 6 such holes, the same areas to 1e-6 m².
  auto rows = spatialite(s_project,
                         "WITH RECURSIVE u(g) AS (SELECT ST_Union(geom) FROM parcels), "
                         "parts(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM parts, u WHERE i < ST_NumGeometries(u.g)), "
                         "polys(p) AS (SELECT ST_GeometryN(u.g, i) FROM parts, u), "
                         "rings(p, j) AS (SELECT p, 1 FROM polys WHERE ST_NumInteriorRing(p) >= 1 "
                         "  UNION ALL SELECT p, j + 1 FROM rings WHERE j < ST_NumInteriorRing(p)), "
                         "holes(a) AS (SELECT ST_Area(ST_MakePolygon(ST_InteriorRingN(p, j))) FROM rings) "
                         "SELECT a FROM holes WHERE a > 0.01 AND a <= 0.5 ORDER BY a");
  auto gaps = ofType(s_report, "gap");
  ASSERT_EQ(rows.size(), 6u);
  ASSERT_EQ(gaps.size(), rows.size());
  std::vector<double> ours;
  for (const auto& g : gaps) ours.push_back(g["area_m2"]);
  std::sort(ours.begin(), ours.end());
  for (std::size_t i = 0; i < rows.size(); ++i) EXPECT_NEAR(ours[i], std::stod(rows[i][0]), 1e-6);
  for (const auto& g : gaps) EXPECT_GE(g["fids"].size(), 2u);  // a gap lies between parcels
}

TEST_F(KastoriaValidate, DuplicateVerticesMatchSql) {
  // 56 repeated consecutive vertices in 38 parcels, counted vertex by vertex in SQL.
  auto rows = spatialite(s_project,
                         "WITH RECURSIVE r(fid, ring) AS (SELECT fid, ST_ExteriorRing(ST_GeometryN(geom, 1)) FROM parcels), "
                         "idx(fid, ring, i) AS (SELECT fid, ring, 1 FROM r UNION ALL "
                         "  SELECT fid, ring, i + 1 FROM idx WHERE i + 1 < ST_NPoints(ring)) "
                         "SELECT fid FROM idx WHERE ST_X(ST_PointN(ring, i)) = ST_X(ST_PointN(ring, i + 1)) "
                         "AND ST_Y(ST_PointN(ring, i)) = ST_Y(ST_PointN(ring, i + 1)) ORDER BY fid");
  auto dups = ofType(s_report, "duplicate_vertex");
  ASSERT_EQ(rows.size(), 56u);
  ASSERT_EQ(dups.size(), rows.size());
  std::multiset<std::string> sql, ours;
  for (const auto& r : rows) sql.insert(r[0]);
  for (const auto& d : dups) ours.insert(std::to_string(d["fids"][0].get<long>()));
  EXPECT_EQ(ours, sql);
}

TEST_F(KastoriaValidate, NothingElse) {
  // GEOS finds every parcel valid (no self-intersections, holes, rings); none is thinner than
  // 0.2 m; every shell turns clockwise (shapefile convention), so none is "wrong".
  auto valid = spatialite(s_project, "SELECT COUNT(*), SUM(ST_IsValid(geom)), "
                                     "SUM(2 * ST_Area(geom) / ST_Perimeter(geom) < 0.2) FROM parcels");
  EXPECT_EQ(valid[0][0], "493");
  EXPECT_EQ(valid[0][1], "493");
  EXPECT_EQ(valid[0][2], "0");
  std::map<std::string, int> counts;
  for (const auto& f : s_report["findings"]) ++counts[f["type"]];
  EXPECT_EQ(counts, (std::map<std::string, int>{
                        {"duplicate_id", 5}, {"missing_id", 101}, {"overlap", 10}, {"gap", 6}, {"duplicate_vertex", 56}}));
  EXPECT_NE(s_report["orientation_convention"].get<std::string>().find("clockwise shells, like 493 of 493"),
            std::string::npos);
}

TEST_F(KastoriaValidate, ReportsForPeopleAndGis) {
  const std::string geojson = s_dir->file("findings.geojson"), csv = s_dir->file("findings.csv"),
                    html = s_dir->file("findings.html");
  auto r = cli({"validate", s_project, "--layer", "parcels", "--id", "KAK", "--report", geojson, "--report", csv,
                "--report", html});
  ASSERT_EQ(r.code, 0) << r.err;  // findings are not an error
  EXPECT_NE(r.out.find("178 findings"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("overlap"), std::string::npos);
  // GIS reads the GeoJSON: one feature per finding, WGS 84, the overlap polygons themselves.
  EXPECT_EQ(ogrinfoCount(geojson), 178);
  auto doc = json::parse(readFile(geojson));
  int overlaps = 0;
  for (const auto& f : doc["features"]) {
    if (f["properties"]["type"] != "overlap") continue;
    ++overlaps;
    EXPECT_EQ(f["geometry"]["type"].get<std::string>().find("Polygon") != std::string::npos, true);
    EXPECT_TRUE(f["properties"]["parcel_ids"].is_array());
    const double lon = f["properties"]["x"], lat = f["properties"]["y"];
    EXPECT_NEAR(lon, 21.27, 0.01);  // Kastoria
    EXPECT_NEAR(lat, 40.52, 0.01);
  }
  EXPECT_EQ(overlaps, 10);
  const std::string csvText = readFile(csv);
  EXPECT_EQ(std::count(csvText.begin(), csvText.end(), '\n'), 179);  // header + findings
  EXPECT_EQ(csvText.rfind("type,parcel_ids,fids,", 0), 0u);
  const std::string htmlText = readFile(html);
  EXPECT_NE(htmlText.find("<h2>Summary</h2>"), std::string::npos);
  EXPECT_NE(htmlText.find("<td>missing_id</td><td class=n>101</td>"), std::string::npos);
  // Project-CRS GeoJSON names its CRS for GDAL.
  const std::string projected = s_dir->file("projected.geojson");
  ASSERT_EQ(cli({"validate", s_project, "--layer", "parcels", "--report", projected, "--report-crs", "project", "-q"}).code, 0);
  auto info = run("ogrinfo", {"-ro", "-so", "-al", projected});
  EXPECT_NE(info.out.find("Greek Grid"), std::string::npos) << info.out.substr(0, 800);
}

TEST(PlantedValidate, ProjectWithEveryDefectGivesExactlyThem) {
  TempDir dir;
  const std::string path = dir.file("planted.dothi");
  writePlantedProject(path);
  if (HasFatalFailure()) return;
  auto report = validateJson({"validate", path, "--layer", "parcels", "--id", "pid", "--against", "zoning", "--json"});
  Signature got;
  for (const auto& f : report["findings"]) got.emplace_back(f["type"], f["fids"].get<std::vector<std::int64_t>>());
  std::sort(got.begin(), got.end());
  EXPECT_EQ(got, plantedSignature()) << describe(got);
  for (const auto& f : report["findings"])
    if (f["type"] == "crosses_boundary") {
      EXPECT_EQ(f["against_fids"], json::array({1, 2}));
      EXPECT_NE(f["message"].get<std::string>().find("name=zone A (fid 1) (50.0%)"), std::string::npos) << f["message"];
    }
}

TEST(PlantedValidate, ErrorsAreErrorsAndFindingsAreNot) {
  TempDir dir;
  const std::string path = dir.file("planted.dothi");
  writePlantedProject(path);
  if (HasFatalFailure()) return;
  auto noLayer = cli({"validate", path, "--layer", "nope"});
  EXPECT_EQ(noLayer.code, 3) << noLayer.err;
  EXPECT_NE(noLayer.err.find("nope"), std::string::npos);
  auto noField = cli({"validate", path, "--layer", "parcels", "--id", "KAK"});
  EXPECT_EQ(noField.code, 3);
  EXPECT_NE(noField.err.find("pid"), std::string::npos) << noField.err;  // names the fields there are
  auto badReport = cli({"validate", path, "--layer", "parcels", "--report", dir.file("x.docx")});
  EXPECT_EQ(badReport.code, 2);
  auto badTolerance = cli({"validate", path, "--layer", "parcels", "--gap-tolerance", "-1"});
  EXPECT_EQ(badTolerance.code, 2);
  auto missingProject = cli({"validate", dir.file("missing.dothi"), "--layer", "parcels"});
  EXPECT_NE(missingProject.code, 0);
  auto ok = cli({"validate", path, "--layer", "parcels"});  // by fid: no id findings
  EXPECT_EQ(ok.code, 0) << ok.err;
  EXPECT_EQ(ok.out.find("duplicate_id"), std::string::npos);
}

}  // namespace
}  // namespace dothi::test

namespace dothi::test {
namespace {

TEST(ValidateBench, SyntheticLayerFindsEveryPlantedDefectLikeGeos) {
  // Figures are not checked (tests never time things): recall and agreement with GEOS are.
  if (!haveSpatialiteShell()) GTEST_SKIP() << "sqlite3 with mod_spatialite not installed";
  auto r = cli({"bench", "validate", "--synthetic", "3000", "--json"});
  ASSERT_EQ(r.code, 0) << r.err;
  auto j = json::parse(r.out);
  EXPECT_EQ(j["parcels"], 3000);
  const auto& recall = j["recall"];
  EXPECT_GT(recall["planted_overlaps"].get<int>(), 3);
  EXPECT_GT(recall["planted_gaps"].get<int>(), 3);
  EXPECT_EQ(recall["found_overlaps"], recall["planted_overlaps"]);
  EXPECT_EQ(recall["found_gaps"], recall["planted_gaps"]);
  EXPECT_EQ(recall["unexpected_findings"], 0);
  EXPECT_EQ(j["overlap_agreement"]["same_overlap_pairs"], true);
  // SpatiaLite's three queries, then QGIS's two algorithms where qgis_process is installed.
  const bool qgis = j["qgis_process"] == "run on the same file";
  ASSERT_EQ(j["peers"].size(), qgis ? 5u : 3u);
  EXPECT_EQ(j["peers"][0]["findings"]["overlap_pairs"], recall["planted_overlaps"]);
  EXPECT_EQ(j["peers"][2]["findings"]["gaps"], recall["planted_gaps"]);
  if (qgis) {
    EXPECT_EQ(j["peers"][3]["findings"]["invalid"], 0);
    EXPECT_EQ(j["peers"][4]["findings"]["overlap_pairs"], recall["planted_overlaps"]);
  } else {
    EXPECT_EQ(j["qgis_process"], "not installed (qgis_process not on PATH)");
  }
}

}  // namespace
}  // namespace dothi::test

namespace dothi::test {
namespace {

TEST_F(KastoriaValidate, QueryByAttributesAndLocationMatchesSql) {
  auto ids = [](const RunResult& r) {
    EXPECT_EQ(r.code, 0) << r.err;
    return json::parse(r.out)["fids"].get<std::vector<long>>();
  };
  auto column = [](const std::vector<std::vector<std::string>>& rows) {
    std::vector<long> v;
    for (const auto& r : rows) v.push_back(std::stol(r[0]));
    return v;
  };
  EXPECT_EQ(ids(cli({"query", s_project, "--layer", "parcels", "--where", "KAK=130314", "--json"})), std::vector<long>{185});
  EXPECT_EQ(ids(cli({"query", s_project, "--layer", "parcels", "--where", "KAK~1303%", "--json"})),
            column(spatialite(s_project, "SELECT fid FROM parcels WHERE KAK LIKE '1303%' ORDER BY fid")));
  // Values are bound, never spliced into the SQL.
  EXPECT_TRUE(ids(cli({"query", s_project, "--layer", "parcels", "--where", "KAK=x' OR '1'='1", "--json"})).empty());
  // Location: the R*Tree box test as SpatiaLite's own MbrIntersects, and "shares area" as GEOS.
  EXPECT_EQ(ids(cli({"query", s_project, "--layer", "parcels", "--bbox", "268560,4488220,268570,4488240", "--json"})),
            column(spatialite(s_project, "SELECT fid FROM parcels WHERE MbrIntersects(geom, BuildMbr(268560, 4488220, "
                                         "268570, 4488240)) ORDER BY fid")));
  EXPECT_EQ(ids(cli({"query", s_project, "--layer", "parcels", "--intersects", "parcels:185", "--json"})),
            column(spatialite(s_project, "SELECT b.fid FROM parcels a, parcels b WHERE a.fid = 185 AND "
                                         "ST_Area(ST_Intersection(a.geom, b.geom)) > 0 ORDER BY b.fid")));
  // "Within N m of a feature" as GEOS's ST_Distance, alone and with an attribute condition.
  for (const char* d : {"2", "15"}) {
    EXPECT_EQ(ids(cli({"query", s_project, "--layer", "parcels", "--near", "parcels:185", "--distance", d, "--json"})),
              column(spatialite(s_project, std::string("SELECT b.fid FROM parcels a, parcels b WHERE a.fid = 185 AND "
                                                       "ST_Distance(a.geom, b.geom) <= ") + d + " ORDER BY b.fid")))
        << d << " m";
  }
  EXPECT_EQ(ids(cli({"query", s_project, "--layer", "parcels", "--near", "parcels:185", "--distance", "15", "--where",
                     "KAK~1303%", "--json"})),
            column(spatialite(s_project, "SELECT b.fid FROM parcels a, parcels b WHERE a.fid = 185 AND b.KAK LIKE '1303%' "
                                         "AND ST_Distance(a.geom, b.geom) <= 15 ORDER BY b.fid")));
  EXPECT_EQ(cli({"query", s_project, "--layer", "parcels", "--near", "parcels:185"}).code, 2);  // no --distance
  EXPECT_EQ(cli({"query", s_project, "--layer", "parcels", "--near", "parcels:999999", "--distance", "5"}).code, 3);
  EXPECT_EQ(cli({"query", s_project, "--layer", "parcels", "--where", "NOPE=1"}).code, 3);
  EXPECT_EQ(cli({"query", s_project, "--layer", "parcels", "--where", "nonsense"}).code, 2);
}

}  // namespace
}  // namespace dothi::test
