#pragma once
/// Use case: record a feed into a project file for a while (`dothi-cli feed`), storing every
/// batch as it arrives, so nothing received is lost if the recording stops.
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/feed_plugins.hpp"
#include "core/feed_runner.hpp"
#include "dothi/geo/feed_store.hpp"

namespace dothi::app {

struct FeedRecordOptions {
  std::string project;  ///< created (empty, CRS unset) if it does not exist
  std::string feedId;   ///< defaults to the plugin id
  std::string plugin;
  std::map<std::string, std::string> settings;
  std::int64_t durationMs = 0;   ///< 0: one poll, or see untilFinished
  bool untilFinished = false;    ///< with durationMs 0: run until the source is finished (replay)
  std::int64_t retentionMs = 0;  ///< 0: keep everything
  FeedRunnerOptions runner;
  std::function<bool()> cancelled;                  ///< polled; true stops the recording
  std::function<void(const FeedEvent&)> onEvent;    ///< progress, on the caller's thread
};

struct FeedRecordResult {
  std::int64_t polls = 0, failedPolls = 0, received = 0, stored = 0, duplicates = 0, skipped = 0;
  std::vector<std::string> errors;  ///< distinct error messages, in order
  std::string health;               ///< at the end
  bool lastPollOk = false;
  geo::ErrorCode lastErrorCode = geo::ErrorCode::Internal;
  bool cancelled = false;
  geo::FeedInfo feed;               ///< as stored at the end (counts over the whole table)
};

geo::Result<FeedRecordResult> recordFeed(FeedPluginRegistry& plugins, const FeedRecordOptions& options);

/// The settings map as JSON text (stored with the feed).
std::string settingsJson(const std::map<std::string, std::string>& settings);

}  // namespace dothi::app
