// The QPluginLoader entry point of the GTFS-realtime vehicle positions feed.
#include <QObject>

#include "feed_plugin.hpp"
#include "gtfsrt_source.hpp"

namespace dothi::plugins {

class GtfsRtPlugin : public QObject, public FeedPlugin {
  Q_OBJECT
  Q_PLUGIN_METADATA(IID DOTHI_FEED_PLUGIN_IID FILE "gtfsrt.json")
  Q_INTERFACES(dothi::plugins::FeedPlugin)
 public:
  [[nodiscard]] std::unique_ptr<geo::FeedSource> create() const override {
    return std::make_unique<GtfsRtSource>();
  }
};

}  // namespace dothi::plugins

#include "plugin.moc"
