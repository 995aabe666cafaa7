#pragma once
/// Feed data kept in the project file: a registry of feeds (`dothi_feeds`) and one time-indexed
/// table per feed (`dothi_feed_<n>`), created on first use (no schema migration: older DoThi
/// versions simply ignore them). Rows are unique per (stream, time, key), so a re-poll or a
/// replayed batch never duplicates; a retention setting bounds each table by age.
///
/// A FeedStore holds its own SQLite connection: use one per thread (SQLite serialises writers,
/// with a busy time-out so a GUI and a recorder can share a file).
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dothi/geo/error.hpp"
#include "dothi/geo/feed_source.hpp"

namespace dothi::geo {

/// One feed as stored.
struct FeedInfo {
  std::string id;        ///< unique in the project, e.g. "air"
  std::string plugin;    ///< plugin id ("sensorthings")
  std::string settings;  ///< the plugin settings as a JSON object text
  std::int64_t retentionMs = 0;  ///< rows older than this are deleted; 0 = keep all
  std::string table;     ///< its observation table ("dothi_feed_3")
  std::int64_t count = 0;        ///< stored observations
  std::int64_t streams = 0;      ///< distinct streams
  std::optional<std::int64_t> firstMs, lastMs;  ///< time span (UTC ms)
  std::string health;    ///< last reported health ("connected", "error"…)
  std::string message;   ///< last status message
};

/// Which observations to read back.
struct ObservationQuery {
  std::optional<std::int64_t> fromMs, toMs;  ///< inclusive bounds (UTC ms)
  std::optional<std::string> streamId;
  std::int64_t limit = -1;
};

class FeedStore {
 public:
  ~FeedStore();
  FeedStore(const FeedStore&) = delete;
  FeedStore& operator=(const FeedStore&) = delete;

  /// Opens the feed tables of an existing DoThi project file (refuses other files).
  static Result<std::unique_ptr<FeedStore>> open(const std::string& projectPath);

  /// Registers a feed or updates its plugin, settings and retention; returns it.
  Result<FeedInfo> addFeed(const std::string& id, const std::string& plugin, const std::string& settingsJson,
                           std::int64_t retentionMs);
  Result<void> removeFeed(const std::string& id);
  [[nodiscard]] std::vector<FeedInfo> feeds() const;
  [[nodiscard]] std::optional<FeedInfo> feed(const std::string& id) const;

  /// Stores a batch in one transaction; rows already stored are skipped. Returns how many were new.
  Result<std::int64_t> append(const std::string& feedId, const std::vector<Observation>& batch);
  /// Deletes rows older than nowMs - retention; returns how many.
  Result<std::int64_t> applyRetention(const std::string& feedId, std::int64_t nowMs);
  Result<void> setHealth(const std::string& feedId, const std::string& health, const std::string& message);

  /// Observations in time order (then stream, key).
  [[nodiscard]] Result<std::vector<Observation>> observations(const std::string& feedId,
                                                              const ObservationQuery& query = {}) const;
  /// The latest observation of every stream at or before atMs.
  [[nodiscard]] Result<std::vector<Observation>> latest(const std::string& feedId, std::int64_t atMs) const;

  struct Impl;

 private:
  explicit FeedStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m_impl;
};

}  // namespace dothi::geo
