// The QPluginLoader entry point of the Replay of a GeoJSON or CSV event file feed.
#include <QObject>

#include "feed_plugin.hpp"
#include "replay_source.hpp"

namespace dothi::plugins {

class ReplayPlugin : public QObject, public FeedPlugin {
  Q_OBJECT
  Q_PLUGIN_METADATA(IID DOTHI_FEED_PLUGIN_IID FILE "replay.json")
  Q_INTERFACES(dothi::plugins::FeedPlugin)
 public:
  [[nodiscard]] std::unique_ptr<geo::FeedSource> create() const override {
    return std::make_unique<ReplaySource>();
  }
};

}  // namespace dothi::plugins

#include "plugin.moc"
