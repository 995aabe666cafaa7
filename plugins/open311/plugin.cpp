// The QPluginLoader entry point of the Open311 GeoReport v2 feed.
#include <QObject>

#include "feed_plugin.hpp"
#include "open311_source.hpp"

namespace dothi::plugins {

class Open311Plugin : public QObject, public FeedPlugin {
  Q_OBJECT
  Q_PLUGIN_METADATA(IID DOTHI_FEED_PLUGIN_IID FILE "open311.json")
  Q_INTERFACES(dothi::plugins::FeedPlugin)
 public:
  [[nodiscard]] std::unique_ptr<geo::FeedSource> create() const override {
    return std::make_unique<Open311Source>();
  }
};

}  // namespace dothi::plugins

#include "plugin.moc"
