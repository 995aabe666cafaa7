// The QPluginLoader entry point of the SensorThings feed.
#include <QObject>

#include "feed_plugin.hpp"
#include "sensorthings_source.hpp"

namespace dothi::plugins {

class SensorThingsPlugin : public QObject, public FeedPlugin {
  Q_OBJECT
  Q_PLUGIN_METADATA(IID DOTHI_FEED_PLUGIN_IID FILE "sensorthings.json")
  Q_INTERFACES(dothi::plugins::FeedPlugin)
 public:
  [[nodiscard]] std::unique_ptr<geo::FeedSource> create() const override {
    return std::make_unique<SensorThingsSource>();
  }
};

}  // namespace dothi::plugins

#include "plugin.moc"
