#pragma once
/// The Qt side of a feed plugin: a tiny QObject factory that QPluginLoader finds. The feed itself
/// is the plain C++ dothi::geo::FeedSource (geo/include/dothi/geo/feed_source.hpp).
///
/// A plugin declares, in its metadata JSON (read by the app BEFORE the library's code runs):
///   { "sdkVersion": <kFeedSdkVersion>, "id": "sensorthings", "name": "OGC SensorThings API" }
/// and uses Q_PLUGIN_METADATA(IID DOTHI_FEED_PLUGIN_IID FILE "<generated json>"). The app
/// refuses a plugin whose IID or sdkVersion differ from its own, and never instantiates it.
#include <QtPlugin>
#include <memory>

#include "dothi/geo/feed_source.hpp"

/// Must name kFeedSdkVersion; plugins/CMakeLists.txt checks both stay equal.
#define DOTHI_FEED_PLUGIN_IID "org.dothi.FeedSource/1"

namespace dothi::plugins {

/// Creates feeds. Called on the main thread; the FeedSource is then used on one worker thread.
class FeedPlugin {
 public:
  virtual ~FeedPlugin() = default;
  /// A new, unconfigured feed owned by the caller. Never throws; null on failure.
  [[nodiscard]] virtual std::unique_ptr<geo::FeedSource> create() const = 0;
};

}  // namespace dothi::plugins

Q_DECLARE_INTERFACE(dothi::plugins::FeedPlugin, DOTHI_FEED_PLUGIN_IID)
