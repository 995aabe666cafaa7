// SensorThings feed against a real local HTTP server serving the FROST example entity set, with
// paging and every fault the issue lists; the stored observations must equal what was served.
#include <gtest/gtest.h>

#include <set>
#include <tuple>

#include "feed_harness.hpp"
#include "feed_test_server.hpp"

namespace dothi::test {
namespace {

using nlohmann::json;

const std::string kFrost = std::string(DOTHI_SHARED_DATA) + "/livefeeds/sensorthings/frost_entitiesDefault.json";

json obsAt(const std::string& day, double value) { return {{"phenomenonTime", day}, {"result", value}}; }

/// Observations (ds, n) starting at 2015-MM-DD, one a day.
json series(int month, int firstDay, int count, double base) {
  json a = json::array();
  for (int i = 0; i < count; ++i) {
    char t[40];
    std::snprintf(t, sizeof t, "2015-%02d-%02dT%02d:00:00Z", month, firstDay + i / 24, i % 24);
    a.push_back(obsAt(t, base + i));
  }
  return a;
}

using Row = std::tuple<std::string, std::string, std::int64_t, std::optional<double>>;

/// What a correct client keeps of what the server holds: records with an integer @iot.id, a
/// string phenomenonTime and a result (any JSON; numbers become values).
std::set<Row> expectedRows(const FeedTestServer& server) {
  auto [status, body] = server.get("/_control/observations");
  EXPECT_EQ(status, 200);
  std::set<Row> out;
  for (const auto& o : json::parse(body)) {
    if (!o.contains("@iot.id") || !o["@iot.id"].is_number_integer()) continue;
    if (!o.contains("phenomenonTime") || !o["phenomenonTime"].is_string() || !o.contains("result")) continue;
    const auto time = geo::parseIsoTimeMs(o["phenomenonTime"].get<std::string>());
    if (!time) continue;
    std::optional<double> v;
    if (o["result"].is_number()) v = o["result"].get<double>();
    out.insert({std::to_string(o["_ds"].get<int>()), std::to_string(o["@iot.id"].get<int>()),
                *time, v});
  }
  return out;
}

std::set<Row> storedRows(const geo::FeedStore& store, const std::string& id) {
  std::set<Row> out;
  const auto rows = store.observations(id);  // kept: iterating *temporary would dangle
  for (const auto& o : *rows) out.insert({o.streamId, o.key, o.timeMs, o.value});
  return out;
}

TEST(SensorThingsFeed, PagingFaultsAndOutageLoseNothingAndDuplicateNothing) {
  if (!std::filesystem::exists(kFrost)) GTEST_SKIP() << "missing " << kFrost;
  const auto dir = freshDir("sta");
  FeedTestServer server(dir / "server", {"--frost", kFrost, "--page-size", "2"});
  ASSERT_TRUE(server.running());
  app::FeedRunnerOptions opt;
  opt.firstRetryMs = 100;
  opt.maxRetryMs = 400;
  FeedHarness h(dir / "city.dothi", "sensorthings",
                {{"url", server.url("/v1.1")}, {"interval", "100ms"}, {"timeout", "1s"}, {"top", "2"}}, opt);

  // The FROST entity set: 1 Thing at (-117.05, 51.05), 2 Datastreams, 4 Observations.
  ASSERT_TRUE(h.pumpUntil([&] { return h.stored() == 4; }));
  auto first = *h.store->observations("sensorthings");
  EXPECT_DOUBLE_EQ(first[0].lon, -117.05);
  EXPECT_DOUBLE_EQ(first[0].lat, 51.05);
  EXPECT_EQ(first[0].unit, "lm");
  EXPECT_EQ(first[0].property, "Luminous Flux");
  EXPECT_EQ(first[0].timeMs, *geo::parseIsoTimeMs("2015-03-03T00:00:00Z"));
  EXPECT_EQ(first[3].unit, "C");

  // New observations arrive: 5 of them over 3 pages.
  ASSERT_TRUE(server.control("/_control/observations", {{"datastream", 1}, {"observations", series(4, 1, 5, 10)}}));
  ASSERT_TRUE(h.pumpUntil([&] { return h.stored() == 9; }));

  struct Fault {
    json spec;
    std::string message;
  };
  const std::vector<Fault> faults = {
      {{{"mode", "500"}, {"match", "Observations"}}, "HTTP 500"},
      {{{"mode", "malformed"}, {"match", "Observations"}}, "not valid JSON"},
      {{{"mode", "wrongshape"}, {"match", "Observations"}}, "no 'value' array"},
      {{{"mode", "slow"}, {"delay", 3}, {"match", "Observations"}}, "time-out"},
      {{{"mode", "huge"}, {"match", "Observations"}}, "larger than"},
      {{{"mode", "500"}, {"match", "Datastreams?"}, {"count", 2}}, "HTTP 500"},
  };
  int day = 2;
  for (const auto& f : faults) {
    SCOPED_TRACE(f.spec.dump());
    const auto mark = h.events.size();
    const auto before = h.stored();
    ASSERT_TRUE(server.control("/_control/fault", f.spec));
    ASSERT_TRUE(server.control("/_control/observations", {{"datastream", 2}, {"observations", series(4, ++day, 3, 20)}}));
    EXPECT_TRUE(h.pumpUntil([&] { return h.stored() == before + 3 && h.errorSince(mark, f.message); }, 15000))
        << "stored " << h.stored() << " of " << before + 3;
  }

  // The server cuts the connection in the middle of page 2 of 3: page 1 is kept, the rest follows.
  {
    const auto mark = h.events.size();
    const auto before = h.stored();
    ASSERT_TRUE(server.control("/_control/fault", {{"mode", "drop"}, {"match", "skip=2"}}));
    ASSERT_TRUE(server.control("/_control/observations", {{"datastream", 1}, {"observations", series(5, 1, 6, 30)}}));
    EXPECT_TRUE(h.pumpUntil([&] { return h.stored() == before + 6; }, 15000));
    bool partial = false;
    for (auto i = mark; i < h.events.size(); ++i)
      partial |= h.events[i].health == geo::FeedHealth::Error && !h.events[i].observations.empty();
    EXPECT_TRUE(partial) << "the cut page should end a poll that still delivered page 1";
  }

  // Wrong types and missing fields: skipped with warnings; a non-numeric result is kept without value.
  {
    const auto mark = h.events.size();
    const auto before = h.stored();
    json bad = json::array({
        {{"phenomenonTime", 1234567}, {"result", 1}},                                       // time not a string
        {{"phenomenonTime", "2015-06-01T00:00:00Z"}},                                     // no result
        {{"phenomenonTime", "2015-06-02T00:00:00Z"}, {"result", "n/a"}},                  // text result: kept
        {{"_noid", true}, {"phenomenonTime", "2015-06-03T00:00:00Z"}, {"result", 7}},     // no @iot.id
        {{"_noid", true}, {"@iot.id", {{"x", 1}}}, {"phenomenonTime", "2015-06-04T00:00:00Z"}, {"result", 8}},
        {{"phenomenonTime", "yesterday"}, {"result", 9}},                                 // not a time
        {{"phenomenonTime", "2015-06-05T00:00:00Z"}, {"result", 10.5}},
    });
    ASSERT_TRUE(server.control("/_control/observations", {{"datastream", 1}, {"observations", bad}}));
    EXPECT_TRUE(h.pumpUntil([&] { return h.stored() == before + 2 && h.warningsSince(mark) >= 3; }, 15000))
        << "stored " << h.stored() - before << " warnings " << h.warningsSince(mark);
  }

  // The server goes away, the feed reports it and keeps what it had; it comes back with more data.
  {
    const auto mark = h.events.size();
    const auto before = h.stored();
    server.kill();
    EXPECT_TRUE(h.pumpUntil([&] { return h.errorSince(mark, "onnect"); }, 10000));
    EXPECT_EQ(h.stored(), before);
    ASSERT_TRUE(server.start());
    ASSERT_TRUE(server.control("/_control/observations", {{"datastream", 2}, {"observations", series(7, 1, 4, 40)}}));
    EXPECT_TRUE(h.pumpUntil([&] { return h.stored() == before + 4 && h.runner->health() == geo::FeedHealth::Connected; }, 15000));
  }

  h.runner->stop();
  const auto expected = expectedRows(server);
  const auto stored = storedRows(*h.store, "sensorthings");
  EXPECT_EQ(stored, expected);
  EXPECT_EQ(static_cast<std::size_t>(h.stored()), expected.size());
  EXPECT_EQ(h.delivered, h.stored()) << "the plugin delivered some observations twice";
  std::cout << "served " << expected.size() << " valid observations, stored " << stored.size() << ", polls "
            << h.events.size() << "\n";
}

}  // namespace
}  // namespace dothi::test
