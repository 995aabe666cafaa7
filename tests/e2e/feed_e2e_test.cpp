// `dothi-cli feed` / feed-list / feed-show / feed-plugins as a user runs them, against the local
// SensorThings server, the real GTFS-rt snapshot and the replay fixtures; exit codes included.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "../unit/feeds/feed_test_server.hpp"
#include "cli_runner.hpp"

namespace dothi::test {
namespace {

using nlohmann::json;
const std::string kFeedData = std::string(DOTHI_SOURCE_DIR) + "/tests/data/feeds/";
const std::string kFrost = std::string(DOTHI_SHARED_DATA) + "/livefeeds/sensorthings/frost_entitiesDefault.json";
const std::string kGtfs = std::string(DOTHI_SHARED_DATA) + "/livefeeds/gtfs/";

std::filesystem::path tempDir(const std::string& name) {
  auto d = std::filesystem::temp_directory_path() / ("dothi_feed_e2e_" + name + "_" + std::to_string(getpid()));
  std::filesystem::remove_all(d);
  std::filesystem::create_directories(d);
  return d;
}

TEST(FeedCli, RecordsSensorThingsForAWhileThenListsAndShows) {
  if (!std::filesystem::exists(kFrost)) GTEST_SKIP() << "missing " << kFrost;
  const auto dir = tempDir("sta");
  FeedTestServer server(dir / "server", {"--frost", kFrost, "--page-size", "3"});
  ASSERT_TRUE(server.running());
  const auto project = (dir / "city.dothi").string();
  auto r = cli({"feed", project, "--plugin", "sensorthings", "--id", "air", "--url", server.url("/v1.1"), "--for", "1500ms",
                "--interval", "200ms", "--json"});
  ASSERT_EQ(r.code, 0) << r.err;
  auto j = json::parse(r.out);
  EXPECT_EQ(j["stored"], 4);
  EXPECT_EQ(j["duplicates"], 0);
  EXPECT_GE(j["polls"].get<int>(), 3);
  EXPECT_EQ(j["feed"]["observations"], 4);
  EXPECT_EQ(j["feed"]["streams"], 2);
  EXPECT_EQ(j["feed"]["first"], "2015-03-03T00:00:00.000Z");

  // Recording again stores nothing twice; new observations are added.
  ASSERT_TRUE(server.control("/_control/observations",
                             {{"datastream", 2}, {"observations", json::array({{{"phenomenonTime", "2015-03-07T00:00:00Z"}, {"result", 7}}})}}));
  r = cli({"feed", project, "--plugin", "sensorthings", "--id", "air", "--url", server.url("/v1.1"), "--json"});
  ASSERT_EQ(r.code, 0) << r.err;
  j = json::parse(r.out);
  EXPECT_EQ(j["received"], 5);
  EXPECT_EQ(j["stored"], 1);
  EXPECT_EQ(j["duplicates"], 4);

  r = cli({"feed-list", project, "--json"});
  ASSERT_EQ(r.code, 0) << r.err;
  j = json::parse(r.out);
  ASSERT_EQ(j.size(), 1u);
  EXPECT_EQ(j[0]["id"], "air");
  EXPECT_EQ(j[0]["observations"], 5);
  EXPECT_EQ(j[0]["health"], "connected");

  r = cli({"feed-show", project, "--feed", "air", "--stream", "2", "--json"});
  ASSERT_EQ(r.code, 0) << r.err;
  j = json::parse(r.out);
  ASSERT_EQ(j.size(), 3u);
  EXPECT_EQ(j[2]["value"], 7.0);
  EXPECT_EQ(j[2]["unit"], "C");

  // The server is gone: the feed says so, exit 4 (I/O), what was stored stays.
  server.kill();
  r = cli({"feed", project, "--plugin", "sensorthings", "--id", "air", "--url", server.url("/v1.1"), "--timeout", "1s"});
  EXPECT_EQ(r.code, 4) << r.out << r.err;
  EXPECT_NE(r.out.find("error:"), std::string::npos) << r.out;
  r = cli({"feed-list", project, "--json"});
  EXPECT_EQ(json::parse(r.out)[0]["observations"], 5);
  EXPECT_EQ(json::parse(r.out)[0]["health"], "error");
}

TEST(FeedCli, ReplayGtfsRtAndErrors) {
  const auto dir = tempDir("misc");
  const auto project = (dir / "demo.dothi").string();
  auto r = cli({"feed", project, "--plugin", "replay", "--file", kFeedData + "replay/hanoi_air.geojson", "--speed", "0", "--json"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(json::parse(r.out)["stored"], 6);
  EXPECT_EQ(json::parse(r.out)["skipped"], 1);
  if (std::filesystem::exists(kGtfs + "metrotransit_vehiclePositions.pb")) {
    r = cli({"feed", project, "--plugin", "gtfsrt", "--url", kGtfs + "metrotransit_vehiclePositions.pb", "--static",
             kGtfs + "metrotransit_gtfs_subset.zip", "--json"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(json::parse(r.out)["stored"], 11);
  }
  r = cli({"feed", project, "--plugin", "nosuch", "--url", "http://127.0.0.1:1/"});
  EXPECT_EQ(r.code, 3) << r.err;
  EXPECT_NE(r.err.find("no feed plugin 'nosuch'"), std::string::npos) << r.err;
  r = cli({"feed", project, "--plugin", "sensorthings"});
  EXPECT_EQ(r.code, 2) << r.err;  // no url
  r = cli({"feed", project, "--plugin", "replay", "--file", kFeedData + "replay/hanoi_air.geojson", "--for", "soon"});
  EXPECT_EQ(r.code, 2) << r.err;
  r = cli({"feed", project, "--plugin", "replay", "--file", kFeedData + "open311/services.json"});
  EXPECT_EQ(r.code, 5) << r.err;  // not a FeatureCollection
  r = cli({"feed-plugins", "--json"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(json::parse(r.out)["plugins"].size(), 4u);
}

}  // namespace
}  // namespace dothi::test
