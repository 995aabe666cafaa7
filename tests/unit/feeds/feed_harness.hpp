#pragma once
// Runs a real feed plugin (loaded with QPluginLoader from the build's plugin folder) on a
// FeedRunner and stores what it delivers in a FeedStore, the way the app does.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <thread>

#include "core/feed_plugins.hpp"
#include "core/feed_record.hpp"
#include "core/feed_runner.hpp"
#include "dothi/geo/feed_store.hpp"
#include "dothi/geo/project.hpp"

namespace dothi::test {

inline std::filesystem::path freshDir(const std::string& name) {
  auto d = std::filesystem::temp_directory_path() / ("dothi_feeds_" + name + "_" + std::to_string(getpid()));
  std::filesystem::remove_all(d);
  std::filesystem::create_directories(d);
  return d;
}

struct FeedHarness {
  app::FeedPluginRegistry registry;
  std::unique_ptr<geo::FeedStore> store;
  std::unique_ptr<app::FeedRunner> runner;
  std::string id;
  std::vector<app::FeedEvent> events;
  std::int64_t delivered = 0;  ///< observations the plugin handed over (duplicates included)

  FeedHarness(const std::filesystem::path& project, const std::string& plugin,
              const std::map<std::string, std::string>& settings, app::FeedRunnerOptions options = {}) : id(plugin) {
    registry.scan({DOTHI_FEED_PLUGIN_DIR});
    if (!std::filesystem::exists(project)) EXPECT_TRUE(geo::Project::create(project.string()).has_value());
    auto s = geo::FeedStore::open(project.string());
    EXPECT_TRUE(s.has_value()) << (s ? "" : s.error().describe());
    store = std::move(*s);
    EXPECT_TRUE(store->addFeed(id, plugin, app::settingsJson(settings), 0).has_value());
    auto source = registry.create(plugin);
    EXPECT_TRUE(source.has_value()) << (source ? "" : source.error().describe());
    auto configured = (*source)->configure(settings);
    EXPECT_TRUE(configured.has_value()) << (configured ? "" : configured.error().describe());
    runner = std::make_unique<app::FeedRunner>(std::move(*source), options);
    runner->start();
  }

  /// Drains and stores until pred() holds or timeoutMs passes; returns pred().
  bool pumpUntil(const std::function<bool()>& pred, int timeoutMs = 10000) {
    const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    while (std::chrono::steady_clock::now() < end) {
      for (auto& e : runner->drain()) {
        if (!e.observations.empty()) {
          delivered += static_cast<std::int64_t>(e.observations.size());
          auto added = store->append(id, e.observations);
          EXPECT_TRUE(added.has_value());
        }
        events.push_back(std::move(e));
      }
      if (pred()) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return pred();
  }
  [[nodiscard]] std::int64_t stored() const { return store->feed(id)->count; }
  /// Events (from index `from`) with an error whose message contains `text`.
  [[nodiscard]] bool errorSince(std::size_t from, const std::string& text) const {
    for (std::size_t i = from; i < events.size(); ++i)
      if (events[i].health == geo::FeedHealth::Error && events[i].message.find(text) != std::string::npos) return true;
    return false;
  }
  [[nodiscard]] std::size_t warningsSince(std::size_t from) const {
    std::size_t n = 0;
    for (std::size_t i = from; i < events.size(); ++i) n += events[i].warnings.size();
    return n;
  }
};

}  // namespace dothi::test
