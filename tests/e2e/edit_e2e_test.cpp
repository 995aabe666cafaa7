// The zoning editor from the command line, as a planner scripts it: edits on the real 1925
// Kastoria cadastre imported as a zoning layer, scenarios (create, diff, promote), the edit log,
// and a process killed in the middle of a save.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "cli_runner.hpp"
#include "dothi/geo/project.hpp"

namespace dothi::test {
namespace {

using nlohmann::json;

std::string tempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("dothi-edit-e2e-" + std::to_string(getpid()) + "-" + name)).string();
}

class KastoriaZoning : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto shp = sharedData("cadastre/kastoria_cadastre_1925.shp");
    if (!std::filesystem::exists(shp)) GTEST_SKIP() << "missing " << shp;
    m_project = tempPath(std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + ".dothi");
    std::filesystem::remove(m_project);
    auto r = cli({"import", shp, "--into", m_project, "--kind", "zoning", "--layer", "zoning", "--quiet"});
    ASSERT_EQ(r.code, 0) << r.err;
  }
  void TearDown() override { std::filesystem::remove(m_project); }
  std::string m_project;
};

TEST_F(KastoriaZoning, SetByWhereAddsTheZoningFieldsAndLogsTheEdit) {
  auto r = cli({"edit", m_project, "--layer", "zoning", "--where", "KAK='130314'", "--set", "max_height=45", "--set",
                "zoning_class=ODT", "--user", "planner", "--json"});
  ASSERT_EQ(r.code, 0) << r.err;
  const auto j = json::parse(r.out);
  EXPECT_EQ(j["selected"], 1);
  EXPECT_EQ(j["saved"], 1);
  const auto rows = run("ogrinfo", {"-ro", "-q", m_project, "-sql", "SELECT fid, max_height, zoning_class FROM zoning WHERE max_height IS NOT NULL"});
  EXPECT_NE(rows.out.find("max_height (Real) = 45"), std::string::npos) << rows.out;
  EXPECT_NE(rows.out.find("zoning_class (String) = ODT"), std::string::npos) << rows.out;
  // The rules (not the ids) of that parcel copied onto two others, as Edit > Paste attributes does.
  const auto fid = json::parse(r.out)["features"][0]["feature"].get<std::int64_t>();
  auto copy = cli({"edit", m_project, "--layer", "zoning", "--copy-from", std::to_string(fid), "--ids", "1,2", "--json"});
  ASSERT_EQ(copy.code, 0) << copy.err;
  EXPECT_EQ(json::parse(copy.out)["changed"], 2);
  const auto copied = run("ogrinfo", {"-ro", "-q", m_project, "-sql", "SELECT count(*) AS n FROM zoning WHERE max_height = 45 AND KAK != '130314'"});
  EXPECT_NE(copied.out.find("n (Integer) = 2"), std::string::npos) << copied.out;
  auto log = cli({"editlog", m_project, "--json", "--layer", "zoning"});
  ASSERT_EQ(log.code, 0) << log.err;
  auto l = json::parse(log.out);
  ASSERT_EQ(l["entries"].size(), 3u);
  l["entries"].erase(l["entries"].begin() + 1, l["entries"].end());
  EXPECT_EQ(l["entries"][0]["user"], "planner");
  EXPECT_EQ(l["entries"][0]["after_attributes"]["max_height"], 45.0);
  EXPECT_TRUE(l["entries"][0]["before_attributes"]["max_height"].is_null());
  const auto csv = tempPath("log.csv");
  ASSERT_EQ(cli({"editlog", m_project, "--csv", csv}).code, 0);
  EXPECT_NE(readFile(csv).find("MULTIPOLYGON"), std::string::npos);
  std::filesystem::remove(csv);
}

TEST_F(KastoriaZoning, BadInputIsRefusedWithAReasonAndNothingChanges) {
  const auto before = readFile(m_project);
  struct Case {
    std::vector<std::string> args;
    int code;
    const char* says;
  } cases[] = {
      {{"--where", "KAK=abc", "--set", "max_height=45"}, 2, "must be quoted"},
      {{"--where", "nope='1'", "--set", "max_height=45"}, 2, "no field 'nope'"},
      {{"--where", "KAK='130314'", "--set", "max_height=5000"}, 2, "outside 0 to 1000 m"},
      {{"--where", "KAK='130314'", "--set", "zoning_class=XYZ"}, 2, "not a code"},
      {{"--where", "KAK='no such parcel'", "--set", "max_height=4"}, 2, "no feature matches"},
      {{"--scenario", "nope", "--ids", "1", "--set", "max_height=4"}, 3, "no scenario named 'nope'"},
  };
  for (const auto& c : cases) {
    std::vector<std::string> args = {"edit", m_project, "--layer", "zoning"};
    args.insert(args.end(), c.args.begin(), c.args.end());
    auto r = cli(args);
    EXPECT_EQ(r.code, c.code) << c.says << ": " << r.err;
    EXPECT_NE(r.err.find(c.says), std::string::npos) << r.err;
  }
  auto log = cli({"editlog", m_project, "--json"});
  EXPECT_EQ(json::parse(log.out)["entries"].size(), 0u);
}

TEST_F(KastoriaZoning, ScenarioDiffListsExactlyTheChangedZonesAndPromoteMakesThemBase) {
  ASSERT_EQ(cli({"scenario", "create", m_project, "River", "--description", "raise the height limit along the river"}).code, 0);
  auto e = cli({"edit", m_project, "--scenario", "River", "--layer", "zoning", "--where", "KAK LIKE '1303%'", "--set", "max_height=60", "--json"});
  ASSERT_EQ(e.code, 0) << e.err;
  const int changed = json::parse(e.out)["changed"];
  EXPECT_GT(changed, 1);
  ASSERT_EQ(cli({"scenario", "create", m_project, "River 2", "--from", "River"}).code, 0);
  ASSERT_EQ(cli({"edit", m_project, "--scenario", "River 2", "--layer", "zoning", "--ids", "7", "--delete"}).code, 0);

  auto d = cli({"scenario", "diff", m_project, "base", "River", "--key", "KAK", "--json"});
  ASSERT_EQ(d.code, 0) << d.err;
  const auto diff = json::parse(d.out);
  ASSERT_EQ(diff["features"].size(), static_cast<std::size_t>(changed));
  for (const auto& f : diff["features"]) {
    EXPECT_EQ(f["id"].get<std::string>().rfind("1303", 0), 0u) << f.dump();
    EXPECT_EQ(f["summary"], "max_height (null) → 60");
  }
  auto d2 = cli({"scenario", "diff", m_project, "River", "River 2", "--json"});
  const auto diff2 = json::parse(d2.out);
  ASSERT_EQ(diff2["features"].size(), 1u);
  EXPECT_EQ(diff2["features"][0]["fid"], 7);
  EXPECT_EQ(diff2["features"][0]["change"], "removed");

  auto list = json::parse(cli({"scenario", "list", m_project, "--json"}).out);
  ASSERT_EQ(list["scenarios"].size(), 2u);
  EXPECT_EQ(list["scenarios"][0]["changed_features"], changed);

  auto p = cli({"scenario", "promote", m_project, "River", "--json"});
  ASSERT_EQ(p.code, 0) << p.err;
  EXPECT_EQ(json::parse(p.out)["changed_features"], changed);
  auto base = run("ogrinfo", {"-ro", "-q", m_project, "-sql", "SELECT count(*) AS n FROM zoning WHERE max_height = 60"});
  EXPECT_NE(base.out.find("n (Integer) = " + std::to_string(changed)), std::string::npos) << base.out;
  EXPECT_EQ(json::parse(cli({"scenario", "list", m_project, "--json"}).out)["scenarios"].size(), 1u);
  ASSERT_EQ(cli({"scenario", "delete", m_project, "River 2"}).code, 0);
  EXPECT_EQ(cli({"scenario", "delete", m_project, "River 2"}).code, 3);
}

TEST_F(KastoriaZoning, ASharedVertexMovesInEveryParcelThatHasIt) {
  // Parcels 1 and 2 of the 1925 cadastre share vertices: find one through SpatiaLite.
  auto q = run("sqlite3", {"-batch", "-noheader", "-cmd", ".load mod_spatialite", m_project,
                           "SELECT X(p.geom), Y(p.geom), count(DISTINCT z.fid) AS n FROM "
                           "(SELECT fid, PointN(ExteriorRing(GeometryN(geom, 1)), 1) AS geom FROM zoning) p "
                           "JOIN zoning z ON z.fid != p.fid AND Intersects(z.geom, p.geom) GROUP BY p.fid HAVING n >= 1 LIMIT 1"});
  if (q.code != 0 || q.out.empty()) GTEST_SKIP() << "no SpatiaLite shell: " << q.err;
  double x = 0, y = 0;
  ASSERT_EQ(std::sscanf(q.out.c_str(), "%lf|%lf", &x, &y), 2) << q.out;
  char from[64], to[64];
  std::snprintf(from, sizeof from, "%.6f %.6f", x, y);
  std::snprintf(to, sizeof to, "%.6f %.6f", x + 0.4, y + 0.3);
  auto r = cli({"edit", m_project, "--layer", "zoning", "--move-vertex", from, "--to", to, "--tolerance", "0.01",
                "--allow-invalid", "--json"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_GE(json::parse(r.out)["changed"].get<int>(), 2) << r.out;
}

/// Starts dothi-cli with stderr on a pipe; returns the pid and the pipe's read end.
std::pair<pid_t, int> spawnCli(const std::vector<std::string>& args) {
  int fds[2];
  if (pipe(fds) != 0) return {-1, -1};
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(fds[1], 2);
    close(fds[0]);
    std::vector<char*> argv = {const_cast<char*>(DOTHI_CLI)};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(DOTHI_CLI, argv.data());
    _exit(127);
  }
  close(fds[1]);
  return {pid, fds[0]};
}

TEST(EditSave, AProcessKilledDuringASaveLeavesTheLastSavedState) {
  // 20,000 zones: a save of all of them takes long enough to be killed in the middle.
  const auto geojson = tempPath("grid.geojson");
  const auto project = tempPath("kill.dothi");
  std::filesystem::remove(project);
  {
    std::ofstream out(geojson);
    out << R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::3405"}},"features":[)";
    for (int i = 0; i < 20000; ++i) {
      const double x = 500000 + (i % 200) * 20, y = 2300000 + (i / 200) * 20;
      out << (i ? "," : "") << R"({"type":"Feature","properties":{"zone_id":"Z)" << i << R"("},"geometry":{"type":"Polygon","coordinates":[[)"
          << "[" << x << "," << y << "],[" << x + 20 << "," << y << "],[" << x + 20 << "," << y + 20 << "],[" << x << "," << y + 20
          << "],[" << x << "," << y << "]]]}}";
    }
    out << "]}";
  }
  ASSERT_EQ(cli({"import", geojson, "--into", project, "--kind", "zoning", "--layer", "zoning", "--quiet"}).code, 0);
  ASSERT_EQ(cli({"edit", project, "--layer", "zoning", "--where", "zone_id='Z7'", "--set", "max_height=12"}).code, 0);
  const auto savedBefore = run("ogrinfo", {"-ro", "-q", project, "-sql", "SELECT count(*) AS n FROM zoning WHERE max_height IS NOT NULL"});

  auto [pid, err] = spawnCli({"edit", project, "--layer", "zoning", "--where", "zone_id LIKE 'Z%'", "--set", "max_height=30", "--progress"});
  ASSERT_GT(pid, 0);
  std::string seen;
  char buf[256];
  bool midSave = false;
  while (!midSave) {
    const auto n = read(err, buf, sizeof buf);
    if (n <= 0) break;
    seen.append(buf, static_cast<std::size_t>(n));
    midSave = seen.find("saved 257/20000") != std::string::npos;  // rows are being written
  }
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  close(err);
  ASSERT_TRUE(midSave) << "the save was not reached: " << seen;
  ASSERT_TRUE(WIFSIGNALED(status)) << "the save finished before it could be killed";

  // Readable, consistent, and equal to the last saved state: one zone with a height, one log entry.
  auto info = cli({"info", project, "--json"});
  ASSERT_EQ(info.code, 0) << info.err;
  EXPECT_EQ(json::parse(info.out)["layers"][0]["feature_count"], 20000);
  const auto after = run("ogrinfo", {"-ro", "-q", project, "-sql", "SELECT count(*) AS n FROM zoning WHERE max_height IS NOT NULL"});
  EXPECT_EQ(after.out, savedBefore.out);
  EXPECT_NE(after.out.find("n (Integer) = 1"), std::string::npos) << after.out;
  EXPECT_EQ(json::parse(cli({"editlog", project, "--json"}).out)["entries"].size(), 1u);
  auto check = run("sqlite3", {project, "PRAGMA integrity_check"});
  EXPECT_EQ(check.out, "ok\n");

  // The same save, not killed, lands whole.
  auto full = cli({"edit", project, "--layer", "zoning", "--where", "zone_id LIKE 'Z%'", "--set", "max_height=30", "--json"});
  ASSERT_EQ(full.code, 0) << full.err;
  EXPECT_EQ(json::parse(full.out)["saved"], 20000);
  std::filesystem::remove(project);
  std::filesystem::remove(geojson);
}

}  // namespace
}  // namespace dothi::test
