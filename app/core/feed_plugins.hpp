#pragma once
/// Finds and loads feed plugins (MODULE libraries in plugins/) with QPluginLoader. Each
/// plugin's metadata (IID and sdkVersion) is read before any of its code runs; a plugin built for
/// another SDK version is refused with a message and never loaded.
/// Use from the main thread; the FeedSources it creates then run on worker threads.
#include <QPluginLoader>
#include <memory>
#include <string>
#include <vector>

#include "dothi/geo/feed_source.hpp"

namespace dothi::app {

struct FeedPluginInfo {
  std::string id, name, path;
  int sdkVersion = 0;
  std::string refused;  ///< why it cannot be used (version, IID, not loadable); empty = usable
};

class FeedPluginRegistry {
 public:
  FeedPluginRegistry() = default;
  ~FeedPluginRegistry();
  FeedPluginRegistry(const FeedPluginRegistry&) = delete;
  FeedPluginRegistry& operator=(const FeedPluginRegistry&) = delete;

  /// The plugin folders, in search order: $DOTHI_PLUGIN_PATH (':'-separated), the app's own
  /// plugin folder (beside the executable, or the build tree's plugins/feeds), and the user folder
  /// ($XDG_DATA_HOME or ~/.local/share)/dothi/plugins. The first plugin with an id wins.
  static std::vector<std::string> defaultFolders();
  /// Reads the metadata of every library in the folders (no plugin code runs).
  void scan(const std::vector<std::string>& folders);
  [[nodiscard]] const std::vector<FeedPluginInfo>& plugins() const { return m_plugins; }
  /// Loads the plugin (if not yet) and creates a new, unconfigured feed.
  geo::Result<std::unique_ptr<geo::FeedSource>> create(const std::string& id);

 private:
  std::vector<FeedPluginInfo> m_plugins;
  std::vector<std::unique_ptr<QPluginLoader>> m_loaders;  ///< kept: sources live in their code
};

}  // namespace dothi::app
