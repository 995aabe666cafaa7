// Plugins are found by their metadata; one built for another SDK version is refused with a
// message and its code never runs (its static initialiser would leave a marker file).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "feed_harness.hpp"

namespace dothi::test {
namespace {

TEST(FeedPlugins, TheFourShippedPluginsAreFound) {
  app::FeedPluginRegistry registry;
  registry.scan({DOTHI_FEED_PLUGIN_DIR});
  std::set<std::string> ids;
  for (const auto& p : registry.plugins()) {
    EXPECT_TRUE(p.refused.empty()) << p.path << ": " << p.refused;
    EXPECT_EQ(p.sdkVersion, geo::kFeedSdkVersion);
    ids.insert(p.id);
  }
  EXPECT_EQ(ids, (std::set<std::string>{"gtfsrt", "open311", "replay", "sensorthings"}));
  for (const auto& id : ids) {
    auto source = registry.create(id);
    ASSERT_TRUE(source) << source.error().describe();
    EXPECT_EQ((*source)->describe().id, id);
    EXPECT_FALSE((*source)->configure({}).has_value()) << id << " should want its url or file";
    EXPECT_FALSE((*source)->configure({{"url", "x"}, {"file", "x"}, {"bogus", "1"}}).has_value());
  }
  EXPECT_EQ(registry.create("nosuch").error().code, geo::ErrorCode::NotFound);
}

TEST(FeedPlugins, PluginForAnotherSdkVersionIsRefusedNeverLoaded) {
  const auto marker = freshDir("badplugin") / "loaded";
  setenv("DOTHI_BAD_PLUGIN_MARKER", marker.c_str(), 1);
  app::FeedPluginRegistry registry;
  registry.scan({DOTHI_BAD_PLUGIN_DIR, DOTHI_FEED_PLUGIN_DIR});
  const app::FeedPluginInfo* bad = nullptr;
  for (const auto& p : registry.plugins())
    if (p.id == "badversion") bad = &p;
  ASSERT_NE(bad, nullptr);
  EXPECT_EQ(bad->sdkVersion, 99);
  EXPECT_NE(bad->refused.find("SDK version 99"), std::string::npos) << bad->refused;
  EXPECT_NE(bad->refused.find("version " + std::to_string(geo::kFeedSdkVersion)), std::string::npos);
  auto created = registry.create("badversion");
  ASSERT_FALSE(created);
  EXPECT_EQ(created.error().code, geo::ErrorCode::Format);
  EXPECT_NE(created.error().message.find("refused"), std::string::npos) << created.error().message;
  EXPECT_FALSE(std::filesystem::exists(marker)) << "the refused plugin's code ran";
  // the good plugins beside it still work
  EXPECT_TRUE(registry.create("replay"));
}

}  // namespace
}  // namespace dothi::test
