// The real Metro Transit VehiclePositions snapshot decoded by our protobuf subset, checked against
// `protoc --decode` output of the same file (shared/data/livefeeds/gtfs/*.decoded.txt).
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "feed_harness.hpp"
#include "gtfsrt_decode.hpp"

namespace dothi::test {
namespace {

const std::string kDir = std::string(DOTHI_SHARED_DATA) + "/livefeeds/gtfs/";

std::string slurp(const std::string& p) {
  std::ifstream f(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(f), {}};
}

struct Expected {
  std::string id, stop, route;
  double lat = 0, lon = 0;
  std::int64_t time = 0;
};

/// The vehicles of the protoc text dump.
std::vector<Expected> parseDecoded(const std::string& text) {
  std::vector<Expected> out;
  std::istringstream in(text);
  std::string line;
  std::smatch m;
  while (std::getline(in, line)) {
    if (line == "entity {") out.emplace_back();
    if (out.empty()) continue;
    auto& e = out.back();
    if (std::regex_search(line, m, std::regex(R"re(^  id: "(.*)")re"))) e.id = m[1];
    else if (std::regex_search(line, m, std::regex(R"re(latitude: (\S+))re"))) e.lat = std::stod(m[1]);
    else if (std::regex_search(line, m, std::regex(R"re(longitude: (\S+))re"))) e.lon = std::stod(m[1]);
    else if (std::regex_search(line, m, std::regex(R"re(^    timestamp: (\d+))re"))) e.time = std::stoll(m[1]) * 1000;
    else if (std::regex_search(line, m, std::regex(R"re(stop_id: "(.*)")re"))) e.stop = m[1];
    else if (std::regex_search(line, m, std::regex(R"re(route_id: "(.*)")re"))) e.route = m[1];
  }
  return out;
}

TEST(GtfsRt, RealSnapshotMatchesProtocDecode) {
  if (!std::filesystem::exists(kDir + "metrotransit_vehiclePositions.pb")) GTEST_SKIP() << "no GTFS-rt snapshot";
  const auto expected = parseDecoded(slurp(kDir + "metrotransit_vehiclePositions.decoded.txt"));
  ASSERT_EQ(expected.size(), 11u);
  auto statics = plugins::readGtfsStatic(kDir + "metrotransit_gtfs_subset.zip");
  ASSERT_TRUE(statics) << statics.error().describe();
  EXPECT_EQ(statics->stops.size(), 71u);
  EXPECT_EQ(statics->routeNames.at("2-110"), "2");
  std::vector<std::string> warnings;
  auto obs = plugins::decodeVehiclePositions(slurp(kDir + "metrotransit_vehiclePositions.pb"), &*statics, warnings);
  ASSERT_TRUE(obs) << obs.error().describe();
  EXPECT_TRUE(warnings.empty());
  ASSERT_EQ(obs->size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const auto& o = (*obs)[i];
    const auto& e = expected[i];
    SCOPED_TRACE(e.id);
    EXPECT_EQ(o.streamId, e.id);
    EXPECT_NEAR(o.lat, e.lat, 1e-5);  // float on the wire
    EXPECT_NEAR(o.lon, e.lon, 1e-5);
    EXPECT_EQ(o.timeMs, e.time);
    EXPECT_EQ(o.category, "2");
    auto attrs = nlohmann::json::parse(o.attributes);
    EXPECT_EQ(attrs["route_id"], e.route);
    EXPECT_EQ(attrs["stop_id"], e.stop);
    if (statics->stops.contains(e.stop)) EXPECT_EQ(attrs["stop_name"], statics->stops.at(e.stop).name);
  }
}

TEST(GtfsRt, GarbageIsAFormatError) {
  std::vector<std::string> warnings;
  auto r = plugins::decodeVehiclePositions("\xff\xff\xff\xff not protobuf", nullptr, warnings);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, geo::ErrorCode::Format);
}

TEST(GtfsRt, PluginPollsTheSnapshotOnceAndStoresElevenVehicles) {
  if (!std::filesystem::exists(kDir + "metrotransit_vehiclePositions.pb")) GTEST_SKIP() << "no GTFS-rt snapshot";
  const auto dir = freshDir("gtfsrt");
  FeedHarness h(dir / "city.dothi", "gtfsrt",
                {{"url", kDir + "metrotransit_vehiclePositions.pb"}, {"static", kDir + "metrotransit_gtfs_subset.zip"},
                 {"interval", "50ms"}});
  ASSERT_TRUE(h.pumpUntil([&] { return h.events.size() >= 4; }));
  EXPECT_EQ(h.stored(), 11);
  EXPECT_EQ(h.delivered, 11) << "the same snapshot polled again must not be delivered again";
}

}  // namespace
}  // namespace dothi::test
