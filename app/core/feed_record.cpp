#include "core/feed_record.hpp"

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "dothi/geo/project.hpp"

namespace dothi::app {

std::string settingsJson(const std::map<std::string, std::string>& settings) {
  return nlohmann::json(settings).dump();
}

namespace {

/// Stores one event's observations; counts into r.
geo::Result<void> storeEvent(geo::FeedStore& store, const std::string& id, const FeedEvent& e, FeedRecordResult& r) {
  if (e.polled) {
    ++r.polls;
    r.lastPollOk = e.health != geo::FeedHealth::Error;
    if (!r.lastPollOk) ++r.failedPolls, r.lastErrorCode = e.errorCode;
  }
  if (e.health == geo::FeedHealth::Error &&
      (r.errors.empty() || r.errors.back() != e.message.substr(0, e.message.find("; retry in"))))
    r.errors.push_back(e.message.substr(0, e.message.find("; retry in")));
  r.skipped += static_cast<std::int64_t>(e.warnings.size());
  r.health = healthName(e.health);
  if (e.observations.empty()) return {};
  auto added = store.append(id, e.observations);
  if (!added) return std::unexpected(added.error());
  r.received += static_cast<std::int64_t>(e.observations.size());
  r.stored += *added;
  r.duplicates += static_cast<std::int64_t>(e.observations.size()) - *added;
  return {};
}

}  // namespace

geo::Result<FeedRecordResult> recordFeed(FeedPluginRegistry& plugins, const FeedRecordOptions& o) {
  auto source = plugins.create(o.plugin);
  if (!source) return std::unexpected(source.error());
  if (auto r = (*source)->configure(o.settings); !r) return std::unexpected(r.error());
  std::error_code ec;
  if (!std::filesystem::exists(o.project, ec)) {
    auto created = geo::Project::create(o.project);
    if (!created) return std::unexpected(created.error());
  }
  auto store = geo::FeedStore::open(o.project);
  if (!store) return std::unexpected(store.error());
  const std::string id = o.feedId.empty() ? o.plugin : o.feedId;
  if (auto f = (*store)->addFeed(id, o.plugin, settingsJson(o.settings), o.retentionMs); !f) return std::unexpected(f.error());

  FeedRecordResult result;
  FeedRunner runner(std::move(*source), o.runner);
  runner.start();
  const auto start = std::chrono::steady_clock::now();
  bool done = false;
  while (!done) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    for (const auto& e : runner.drain()) {
      if (auto r = storeEvent(**store, id, e, result); !r) return std::unexpected(r.error());
      if (o.onEvent) o.onEvent(e);
      if (e.finished || (o.durationMs == 0 && !o.untilFinished && e.polled)) done = true;
    }
    const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
    if (o.durationMs > 0 && elapsed >= o.durationMs) done = true;
    if (o.cancelled && o.cancelled()) done = result.cancelled = true;
  }
  runner.stop();
  for (const auto& e : runner.drain())  // a poll that ended while stopping
    if (auto r = storeEvent(**store, id, e, result); !r) return std::unexpected(r.error());
  if (auto r = (*store)->applyRetention(id, std::chrono::duration_cast<std::chrono::milliseconds>(
                                                std::chrono::system_clock::now().time_since_epoch()).count());
      !r)
    return std::unexpected(r.error());
  (void)(*store)->setHealth(id, result.health, result.errors.empty() ? "" : result.errors.back());
  result.feed = *(*store)->feed(id);
  return result;
}

}  // namespace dothi::app
