// Import from a PostGIS connection string, against a real throw-away PostgreSQL server
// (socket only, no TCP). Skipped where PostgreSQL 15 is not installed.
#include <gtest/gtest.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "cli_runner.hpp"

using namespace dothi::test;

namespace {
constexpr const char* kPgBin = "/usr/lib/postgresql/15/bin";

class PostgisServer : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!std::filesystem::exists(std::string(kPgBin) + "/initdb")) return;
    s_dir = "/tmp/dothi-pg-" + std::to_string(getpid());
    std::filesystem::create_directories(s_dir);
    std::filesystem::permissions(s_dir, std::filesystem::perms::all);
    s_port = std::to_string(20000 + getpid() % 20000);
    const std::string asPg = geteuid() == 0 ? "runuser -u postgres -- " : "";
    const std::string init = asPg + kPgBin + "/initdb -D " + s_dir + "/data -A trust -U postgres >/dev/null 2>&1";
    const std::string start = asPg + kPgBin + "/pg_ctl -D " + s_dir + "/data -l " + s_dir + "/log -w -o \"-p " + s_port +
                              " -k " + s_dir + " -c listen_addresses=''\" start >/dev/null 2>&1";
    if (std::system(init.c_str()) != 0 || std::system(start.c_str()) != 0) return;
    auto ext = run("psql", {"-h", s_dir, "-p", s_port, "-U", "postgres", "-qc", "CREATE EXTENSION postgis"});
    s_ready = ext.code == 0;
  }
  static void TearDownTestSuite() {
    if (s_dir.empty()) return;
    const std::string asPg = geteuid() == 0 ? "runuser -u postgres -- " : "";
    std::system((asPg + kPgBin + "/pg_ctl -D " + s_dir + "/data -m immediate stop >/dev/null 2>&1").c_str());
    std::error_code ec;
    std::filesystem::remove_all(s_dir, ec);
  }
  void SetUp() override {
    if (!s_ready) GTEST_SKIP() << "PostgreSQL 15 + PostGIS not available";
  }
  static std::string connection(const std::string& extra = {}) {
    return "PG:host=" + s_dir + " port=" + s_port + " user=postgres dbname=postgres" + extra;
  }
  static inline std::string s_dir, s_port;
  static inline bool s_ready = false;
};
}  // namespace

TEST_F(PostgisServer, ImportFromConnectionString) {
  DOTHI_REQUIRE_DATA("osm/monaco2021_landuse.geojson");
  auto load = run("ogr2ogr", {"-f", "PostgreSQL", connection(), sharedData("osm/monaco2021_landuse.geojson").string(),
                              "-nln", "landuse"});
  ASSERT_EQ(load.code, 0) << load.err;
  TempDir dir;
  auto r = cli({"import", connection(" tables=landuse"), "--into", dir.file("pg.dothi"), "--json"});
  ASSERT_EQ(r.code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["layers"].size(), 1u);
  EXPECT_EQ(j["layers"][0]["feature_count"], 109);
  EXPECT_EQ(j["layers"][0]["kind"], "landuse");
  EXPECT_EQ(j["crs"], "EPSG:32632");
}

TEST_F(PostgisServer, DeadServerIsAClearError) {
  TempDir dir;
  const std::string dead = "PG:host=" + s_dir + " port=1 user=postgres dbname=postgres";
  auto r = cli({"import", dead, "--into", dir.file("pg.dothi")});
  EXPECT_EQ(r.code, 4) << r.err;
  EXPECT_NE(r.err.find("PG:"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir.file("pg.dothi")));
}
