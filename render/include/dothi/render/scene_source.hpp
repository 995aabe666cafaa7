#pragma once
/// What a city scene is built from: layers with their features, and optionally a terrain. A
/// project is the usual source; benchmarks and tests hand features over in memory.
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "dothi/geo/error.hpp"
#include "dothi/geo/feature.hpp"
#include "dothi/geo/project.hpp"
#include "dothi/geo/terrain.hpp"

namespace dothi::render {

/// Read from the thread that builds the scene only.
class SceneSource {
 public:
  virtual ~SceneSource() = default;
  [[nodiscard]] virtual std::vector<geo::LayerInfo> layers() const = 0;
  /// Calls visit for every feature of the layer (project CRS); stop by returning false.
  virtual geo::Result<void> forEachFeature(const std::string& layer,
                                           const std::function<bool(const geo::Feature&)>& visit) const = 0;
  /// The terrain, or null for a flat ground. Shared: the scene keeps sampling it.
  [[nodiscard]] virtual geo::Result<std::shared_ptr<const geo::TerrainGrid>> terrain() const = 0;
  /// A project metadata value ("" when none); in-memory sources have none.
  [[nodiscard]] virtual std::string metadata(const std::string& key) const { return (void)key, std::string{}; }
};

/// A project file as a scene source (reads through the project; does not own it).
class ProjectSource final : public SceneSource {
 public:
  /// `scenario`: read the layers as this scenario has them; empty = the base plan.
  explicit ProjectSource(const geo::Project& project, std::string scenario = {})
      : m_project(project), m_scenario(std::move(scenario)) {}
  [[nodiscard]] std::vector<geo::LayerInfo> layers() const override { return m_project.layers(); }
  geo::Result<void> forEachFeature(const std::string& layer,
                                   const std::function<bool(const geo::Feature&)>& visit) const override;
  [[nodiscard]] geo::Result<std::shared_ptr<const geo::TerrainGrid>> terrain() const override;
  [[nodiscard]] std::string metadata(const std::string& key) const override;

 private:
  const geo::Project& m_project;
  std::string m_scenario;
};

/// Layers held in memory (synthetic cities, tests). Feature ids must be unique per layer.
class MemorySource final : public SceneSource {
 public:
  /// `info.extent` and `info.featureCount` are filled from the features when left empty.
  void addLayer(geo::LayerInfo info, std::vector<geo::Feature> features);
  void setTerrain(std::shared_ptr<const geo::TerrainGrid> terrain) { m_terrain = std::move(terrain); }
  [[nodiscard]] std::vector<geo::LayerInfo> layers() const override;
  geo::Result<void> forEachFeature(const std::string& layer,
                                   const std::function<bool(const geo::Feature&)>& visit) const override;
  [[nodiscard]] geo::Result<std::shared_ptr<const geo::TerrainGrid>> terrain() const override { return m_terrain; }
  /// The features of a layer (empty when unknown), e.g. to check picks against.
  [[nodiscard]] const std::vector<geo::Feature>& features(const std::string& layer) const;

 private:
  struct Layer {
    geo::LayerInfo info;
    std::vector<geo::Feature> features;
  };
  std::vector<Layer> m_layers;
  std::shared_ptr<const geo::TerrainGrid> m_terrain;
};

}  // namespace dothi::render
