// A feed plugin built for SDK version 99, only for the refusal test. If the app ever loaded its
// code, this static initialiser would leave the marker file the test looks for.
#include <QObject>
#include <cstdlib>
#include <fstream>

#include "feed_plugin.hpp"

namespace {
struct Marker {
  Marker() {
    if (const char* m = std::getenv("DOTHI_BAD_PLUGIN_MARKER")) std::ofstream(m) << "loaded\n";
  }
} g_marker;
}  // namespace

class BadVersionPlugin : public QObject, public dothi::plugins::FeedPlugin {
  Q_OBJECT
  Q_PLUGIN_METADATA(IID "org.dothi.FeedSource/99" FILE "badversion.json")
  Q_INTERFACES(dothi::plugins::FeedPlugin)
 public:
  std::unique_ptr<dothi::geo::FeedSource> create() const override { return nullptr; }
};

#include "bad_plugin.moc"
