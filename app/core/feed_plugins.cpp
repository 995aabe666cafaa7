#include "core/feed_plugins.hpp"

#include <QJsonObject>
#include <cstdlib>
#include <filesystem>
#include <set>

#include "feed_plugin.hpp"

namespace dothi::app {

namespace fs = std::filesystem;

FeedPluginRegistry::~FeedPluginRegistry() = default;  // never unload: sources may still be alive

std::vector<std::string> FeedPluginRegistry::defaultFolders() {
  std::vector<std::string> out;
  if (const char* env = std::getenv("DOTHI_PLUGIN_PATH")) {
    std::string s = env;
    for (std::size_t start = 0; start <= s.size();) {
      const auto end = s.find(':', start);
      const auto part = s.substr(start, end == std::string::npos ? std::string::npos : end - start);
      if (!part.empty()) out.push_back(part);
      if (end == std::string::npos) break;
      start = end + 1;
    }
  }
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path dir = exe.parent_path();
    // Installed (bin/../lib/dothi/plugins), beside the executable, and the build tree, where
    // dothi-cli is build/app/ and dothi build/app/gui/ while plugins go to build/plugins/feeds.
    for (const fs::path& p : {dir / "../lib/dothi/plugins", dir / "plugins", dir / "../plugins/feeds",
                              dir / "../../plugins/feeds"})
      if (fs::is_directory(p, ec)) out.push_back(fs::weakly_canonical(p, ec).string());
  }
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) out.push_back(std::string(xdg) + "/dothi/plugins");
  else if (const char* home = std::getenv("HOME")) out.push_back(std::string(home) + "/.local/share/dothi/plugins");
  return out;
}

void FeedPluginRegistry::scan(const std::vector<std::string>& folders) {
  const QString expectedIid = QStringLiteral(DOTHI_FEED_PLUGIN_IID);
  std::set<std::string> ids;
  for (const auto& p : m_plugins) ids.insert(p.id);
  for (const auto& folder : folders) {
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) continue;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(folder, ec))
      if (e.path().extension() == ".so") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
      QPluginLoader loader(QString::fromStdString(file.string()));
      const QJsonObject meta = loader.metaData();  // reads the library's metadata section only
      FeedPluginInfo info;
      info.path = file.string();
      if (meta.isEmpty()) continue;  // not a Qt plugin: some other library in the folder
      const QJsonObject own = meta.value("MetaData").toObject();
      info.id = own.value("id").toString().toStdString();
      info.name = own.value("name").toString().toStdString();
      info.sdkVersion = own.value("sdkVersion").toInt(0);
      const QString iid = meta.value("IID").toString();
      if (!iid.startsWith("org.dothi.FeedSource/")) continue;  // a Qt plugin, but not ours
      if (info.sdkVersion != geo::kFeedSdkVersion || iid != expectedIid)
        info.refused = "built for feed SDK version " + std::to_string(info.sdkVersion) + " (IID " + iid.toStdString() +
                       "), this DoThi has version " + std::to_string(geo::kFeedSdkVersion) + ": not loaded";
      else if (info.id.empty())
        info.refused = "its metadata names no id: not loaded";
      else if (ids.contains(info.id))
        continue;  // an earlier folder has a plugin with this id
      if (info.refused.empty()) ids.insert(info.id);
      m_plugins.push_back(std::move(info));
    }
  }
}

geo::Result<std::unique_ptr<geo::FeedSource>> FeedPluginRegistry::create(const std::string& id) {
  const FeedPluginInfo* found = nullptr;
  std::string refusedWhy;
  for (const auto& p : m_plugins) {
    if (p.id != id) continue;
    if (p.refused.empty()) {
      found = &p;
      break;
    }
    refusedWhy = p.path + ": " + p.refused;
  }
  if (!found) {
    if (!refusedWhy.empty()) return geo::fail(geo::ErrorCode::Format, "feed plugin '" + id + "' refused: " + refusedWhy);
    std::string known;
    for (const auto& p : m_plugins)
      if (p.refused.empty()) known += (known.empty() ? "" : ", ") + p.id;
    return geo::fail(geo::ErrorCode::NotFound,
                     "no feed plugin '" + id + "' (found: " + (known.empty() ? "none" : known) + ")");
  }
  auto loader = std::make_unique<QPluginLoader>(QString::fromStdString(found->path));
  QObject* object = loader->instance();
  if (!object) return geo::fail(geo::ErrorCode::Format, "cannot load: " + loader->errorString().toStdString(), found->path);
  auto* plugin = qobject_cast<plugins::FeedPlugin*>(object);
  if (!plugin) return geo::fail(geo::ErrorCode::Format, "not a DoThi feed plugin", found->path);
  auto source = plugin->create();
  if (!source) return geo::fail(geo::ErrorCode::Internal, "the plugin created no feed", found->path);
  m_loaders.push_back(std::move(loader));
  return source;
}

}  // namespace dothi::app
