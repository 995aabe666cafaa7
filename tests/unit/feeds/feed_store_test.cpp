// Feed tables in the project file: dedup, retention, time queries, survival across reopen.
#include <gtest/gtest.h>

#include <fstream>

#include "feed_harness.hpp"

namespace dothi::test {
namespace {

geo::Observation obs(const std::string& stream, std::int64_t t, double v, const std::string& key = "") {
  geo::Observation o;
  o.streamId = stream;
  o.key = key.empty() ? std::to_string(t) : key;
  o.timeMs = t;
  o.lon = 105.85, o.lat = 21.03;
  o.value = v;
  o.property = "PM2.5";
  o.unit = "µg/m³";
  o.attributes = R"({"site":"Hoan Kiem"})";
  return o;
}

TEST(FeedTime, IsoAndDurations) {
  EXPECT_EQ(geo::parseIsoTimeMs("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(geo::parseIsoTimeMs("2015-03-03T00:00:00Z"), 1425340800000);
  EXPECT_EQ(geo::parseIsoTimeMs("2015-03-03T07:00:00+07:00"), 1425340800000);
  EXPECT_EQ(geo::parseIsoTimeMs("2010-04-14T06:37:38-08:00"), geo::parseIsoTimeMs("2010-04-14T14:37:38Z"));
  EXPECT_EQ(geo::parseIsoTimeMs("2015-03-03T00:00:00.250Z"), 1425340800250);
  EXPECT_EQ(geo::parseIsoTimeMs("2015-03-03T00:00:00Z/2015-03-04T00:00:00Z"), 1425340800000);
  EXPECT_FALSE(geo::parseIsoTimeMs("yesterday"));
  EXPECT_FALSE(geo::parseIsoTimeMs("2015-13-03T00:00:00Z"));
  EXPECT_EQ(geo::formatIsoTimeMs(1425340800250), "2015-03-03T00:00:00.250Z");
  EXPECT_EQ(geo::parseIsoTimeMs(geo::formatIsoTimeMs(1700000000123)), 1700000000123);
  EXPECT_EQ(geo::parseDurationMs("10m"), 600000);
  EXPECT_EQ(geo::parseDurationMs("250ms"), 250);
  EXPECT_EQ(geo::parseDurationMs("2h"), 7200000);
  EXPECT_EQ(geo::parseDurationMs("5"), 5000);
  EXPECT_FALSE(geo::parseDurationMs("5 parsecs"));
  EXPECT_FALSE(geo::parseDurationMs("-1s"));
}

TEST(FeedStore, AppendSkipsWhatIsStoredAndSurvivesReopen) {
  const auto dir = freshDir("store");
  const auto path = (dir / "city.dothi").string();
  ASSERT_TRUE(geo::Project::create(path));
  {
    auto store = geo::FeedStore::open(path);
    ASSERT_TRUE(store);
    auto f = (*store)->addFeed("air", "sensorthings", R"({"url":"http://x"})", 0);
    ASSERT_TRUE(f);
    EXPECT_EQ(f->count, 0);
    EXPECT_EQ(*(*store)->append("air", {obs("a", 1000, 1), obs("a", 2000, 2), obs("b", 1500, 7)}), 3);
    EXPECT_EQ(*(*store)->append("air", {obs("a", 2000, 2), obs("a", 3000, 3)}), 1);  // one already stored
    EXPECT_EQ(*(*store)->append("air", {obs("a", 3000, 3, "other-key")}), 1);         // same time, other record
    ASSERT_TRUE((*store)->setHealth("air", "error", "HTTP 500"));
  }
  auto store = geo::FeedStore::open(path);  // a second session sees everything
  ASSERT_TRUE(store);
  auto f = (*store)->feed("air");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->count, 5);
  EXPECT_EQ(f->streams, 2);
  EXPECT_EQ(f->firstMs, 1000);
  EXPECT_EQ(f->lastMs, 3000);
  EXPECT_EQ(f->health, "error");
  EXPECT_EQ(f->message, "HTTP 500");
  auto all = (*store)->observations("air");
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 5u);
  EXPECT_EQ((*all)[0], obs("a", 1000, 1));  // every field back as stored
  geo::ObservationQuery q;
  q.fromMs = 1500, q.toMs = 2000;
  EXPECT_EQ((*store)->observations("air", q)->size(), 2u);
  q.streamId = "b";
  EXPECT_EQ((*store)->observations("air", q)->size(), 1u);
  auto latest = (*store)->latest("air", 2500);
  ASSERT_TRUE(latest);
  ASSERT_EQ(latest->size(), 2u);
  EXPECT_EQ((*latest)[0].timeMs, 2000);
  EXPECT_EQ((*latest)[1].timeMs, 1500);
  // The project itself still opens (the feed tables sit beside the layers).
  EXPECT_TRUE(geo::Project::open(path));
}

TEST(FeedStore, RetentionDeletesOldRowsAndFeedsAreTablesOfTheirOwn) {
  const auto dir = freshDir("retention");
  const auto path = (dir / "city.dothi").string();
  ASSERT_TRUE(geo::Project::create(path));
  auto store = geo::FeedStore::open(path);
  ASSERT_TRUE(store);
  ASSERT_TRUE((*store)->addFeed("a", "replay", "{}", 10'000));
  ASSERT_TRUE((*store)->addFeed("b", "replay", "{}", 0));
  ASSERT_TRUE((*store)->append("a", {obs("s", 1000, 1), obs("s", 50'000, 2), obs("s", 95'000, 3)}));
  ASSERT_TRUE((*store)->append("b", {obs("s", 1000, 1)}));
  EXPECT_EQ(*(*store)->applyRetention("a", 100'000), 2);
  EXPECT_EQ(*(*store)->applyRetention("b", 100'000), 0);  // no retention: kept
  EXPECT_EQ((*store)->feed("a")->count, 1);
  EXPECT_EQ((*store)->feed("b")->count, 1);
  EXPECT_NE((*store)->feed("a")->table, (*store)->feed("b")->table);
  ASSERT_TRUE((*store)->removeFeed("a"));
  EXPECT_FALSE((*store)->feed("a"));
  EXPECT_EQ((*store)->feeds().size(), 1u);
  EXPECT_FALSE((*store)->append("a", {obs("s", 1, 1)}));
}

TEST(FeedStore, OpeningAProjectWithoutFeedsLeavesItsFileAsItWas) {
  const auto dir = freshDir("untouched");
  const auto path = (dir / "city.dothi").string();
  ASSERT_TRUE(geo::Project::create(path));
  auto bytes = [&] {
    std::ifstream f(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(f), {});
  };
  const std::string before = bytes();
  {
    auto store = geo::FeedStore::open(path);
    ASSERT_TRUE(store);
    EXPECT_TRUE((*store)->feeds().empty());
    EXPECT_FALSE((*store)->feed("air"));
    EXPECT_FALSE((*store)->observations("air"));
  }
  EXPECT_EQ(bytes(), before);
  std::filesystem::permissions(path, std::filesystem::perms::owner_read | std::filesystem::perms::group_read);
  auto readOnly = geo::FeedStore::open(path);  // still readable; adding a feed is what fails
  ASSERT_TRUE(readOnly);
  if (getuid() != 0) EXPECT_FALSE((*readOnly)->addFeed("air", "replay", "{}", 0));
}

TEST(FeedStore, RefusesFilesThatAreNotProjects) {
  const auto dir = freshDir("notproject");
  EXPECT_EQ(geo::FeedStore::open((dir / "missing.dothi").string()).error().code, geo::ErrorCode::NotFound);
  const auto other = dir / "other.sqlite";
  { std::ofstream(other) << "not a database at all, just text"; }
  EXPECT_FALSE(geo::FeedStore::open(other.string()));
}

}  // namespace
}  // namespace dothi::test
