#include "dothi/render/scene_source.hpp"

#include <memory>

namespace dothi::render {

geo::Result<void> ProjectSource::forEachFeature(const std::string& layer,
                                                const std::function<bool(const geo::Feature&)>& visit) const {
  geo::Query query;
  query.scenario = m_scenario;
  return m_project.forEachFeature(layer, query, visit);
}

geo::Result<std::shared_ptr<const geo::TerrainGrid>> ProjectSource::terrain() const {
  auto grid = m_project.terrain();
  if (!grid) return std::unexpected(grid.error());
  if (!*grid) return std::shared_ptr<const geo::TerrainGrid>{};
  return std::make_shared<const geo::TerrainGrid>(std::move(**grid));
}

std::string ProjectSource::metadata(const std::string& key) const { return m_project.metadata(key).value_or(""); }

void MemorySource::addLayer(geo::LayerInfo info, std::vector<geo::Feature> features) {
  if (info.extent.isEmpty())
    for (const auto& f : features) info.extent.include(geo::extentOf(f.geometry));
  if (info.featureCount == 0) info.featureCount = static_cast<std::int64_t>(features.size());
  m_layers.push_back({std::move(info), std::move(features)});
}

std::vector<geo::LayerInfo> MemorySource::layers() const {
  std::vector<geo::LayerInfo> out;
  for (const auto& l : m_layers) out.push_back(l.info);
  return out;
}

geo::Result<void> MemorySource::forEachFeature(const std::string& layer,
                                               const std::function<bool(const geo::Feature&)>& visit) const {
  for (const auto& l : m_layers) {
    if (l.info.name != layer) continue;
    for (const auto& f : l.features)
      if (!visit(f)) break;
    return {};
  }
  return geo::fail(geo::ErrorCode::NotFound, "no layer named '" + layer + "'");
}

const std::vector<geo::Feature>& MemorySource::features(const std::string& layer) const {
  static const std::vector<geo::Feature> none;
  for (const auto& l : m_layers)
    if (l.info.name == layer) return l.features;
  return none;
}

}  // namespace dothi::render
