// Replay files (GeoJSON, CSV) and Open311 GeoReport v2 against the local server.
#include <gtest/gtest.h>

#include "feed_harness.hpp"
#include "feed_test_server.hpp"

namespace dothi::test {
namespace {

const std::string kData = std::string(DOTHI_SOURCE_DIR) + "/tests/data/feeds/";

TEST(ReplayFeed, GeoJsonAllAtOnceEqualsTheFile) {
  const auto dir = freshDir("replay_geojson");
  FeedHarness h(dir / "city.dothi", "replay", {{"file", kData + "replay/hanoi_air.geojson"}, {"speed", "0"}});
  ASSERT_TRUE(h.pumpUntil([&] { return !h.events.empty() && h.events.back().finished; }));
  EXPECT_EQ(h.stored(), 6);
  EXPECT_EQ(h.warningsSince(0), 1u);  // the feature without a point
  const auto rows = *h.store->observations("replay");
  EXPECT_EQ(rows.front().timeMs, *geo::parseIsoTimeMs("2026-11-20T00:00:00Z"));
  EXPECT_EQ(rows.front().property, "PM2.5");
  EXPECT_EQ(rows.front().unit, "µg/m³");
  EXPECT_EQ(rows.front().streamId, "cau-giay");  // time order, then stream
  EXPECT_EQ(nlohmann::json::parse(rows.front().attributes)["site"], "Cau Giay");
  int reports = 0;
  for (const auto& r : rows) reports += r.category == "Flooding" && r.status == "open" && !r.value;
  EXPECT_EQ(reports, 1);
}

TEST(ReplayFeed, CsvPlaysAtTheChosenSpeed) {
  const auto dir = freshDir("replay_csv");
  // 3 s of events at speed 4: about 0.75 s; the first poll brings only the first event.
  FeedHarness h(dir / "city.dothi", "replay",
                {{"file", kData + "replay/hanoi_water.csv"}, {"speed", "4"}, {"interval", "50ms"}});
  ASSERT_TRUE(h.pumpUntil([&] { return !h.events.empty(); }));
  EXPECT_EQ(h.events.front().observations.size(), 1u);
  const auto t0 = std::chrono::steady_clock::now();
  ASSERT_TRUE(h.pumpUntil([&] { return h.events.back().finished; }, 5000));
  const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_GT(took, 300);
  EXPECT_LT(took, 2500);
  EXPECT_EQ(h.stored(), 4);              // 2 bad rows: no time, no lon
  EXPECT_EQ(h.warningsSince(0), 2u);
  const auto rows = *h.store->observations("replay");
  EXPECT_DOUBLE_EQ(*rows.back().value, 1.62);
  EXPECT_EQ(nlohmann::json::parse(rows.back().attributes)["gauge"], "To Lich bridge");
}

TEST(Open311Feed, NewAndUpdatedRequestsFaultsAndRecovery) {
  const auto dir = freshDir("open311");
  FeedTestServer server(dir / "server", {"--open311", kData + "open311"});
  ASSERT_TRUE(server.running());
  app::FeedRunnerOptions opt;
  opt.firstRetryMs = 100;
  opt.maxRetryMs = 300;
  FeedHarness h(dir / "city.dothi", "open311", {{"url", server.url("/open311/v2")}, {"interval", "100ms"}, {"timeout", "1s"}}, opt);
  ASSERT_TRUE(h.pumpUntil([&] { return h.stored() == 5; }));
  EXPECT_EQ(h.warningsSince(0), 2u);  // one request without lat/long, one without an id
  geo::ObservationQuery q;
  q.streamId = "HN-1001";
  auto pothole = *h.store->observations("open311", q);
  ASSERT_EQ(pothole.size(), 1u);
  EXPECT_EQ(pothole[0].category, "Pothole");  // from services.json: the request names only its code
  EXPECT_DOUBLE_EQ(pothole[0].lat, 21.0136);  // "lat" sent as text
  EXPECT_EQ(pothole[0].timeMs, *geo::parseIsoTimeMs("2026-11-20T01:15:00Z"));
  q.streamId = "638344";
  EXPECT_EQ(h.store->observations("open311", q)->at(0).status, "closed");

  // Faults: the feed reports each and recovers.
  for (const char* mode : {"500", "malformed", "wrongshape"}) {
    const auto mark = h.events.size();
    ASSERT_TRUE(server.control("/_control/fault", {{"mode", mode}, {"match", "requests.json"}}));
    EXPECT_TRUE(h.pumpUntil([&] {  // an error, then a poll that worked (connected, or stale: no news)
      auto err = std::find_if(h.events.begin() + static_cast<long>(mark), h.events.end(),
                              [](const auto& e) { return e.health == geo::FeedHealth::Error; });
      return err != h.events.end() && std::any_of(err, h.events.end(), [](const auto& e) {
               return e.polled && e.health != geo::FeedHealth::Error;
             });
    })) << mode;
  }
  // A request is closed: one new event, the history keeps both versions.
  ASSERT_TRUE(server.control("/_control/requests", nlohmann::json::array({{{"service_request_id", "HN-1002"}, {"status", "closed"},
      {"service_name", "Flooding"}, {"requested_datetime", "2026-11-20T09:40:00+07:00"},
      {"updated_datetime", "2026-11-20T12:00:00+07:00"}, {"lat", 21.0287}, {"long", 105.8412}}})));
  ASSERT_TRUE(h.pumpUntil([&] { return h.stored() == 6; }));
  q.streamId = "HN-1002";
  auto flood = *h.store->observations("open311", q);
  ASSERT_EQ(flood.size(), 2u);
  EXPECT_EQ(flood[0].status, "open");
  EXPECT_EQ(flood[1].status, "closed");
  h.pumpUntil([] { return false; }, 400);  // more polls of the same list add nothing
  EXPECT_EQ(h.stored(), 6);
  EXPECT_EQ(h.delivered, 6);
}

}  // namespace
}  // namespace dothi::test
