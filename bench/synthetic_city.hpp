#pragma once
/// A synthetic city for the render benchmark: N rectangular buildings on a street grid (blocks
/// of 4 x 4 plots, 30 m plots, 20 m streets), heights from 6 to ~90 m rising towards the centre.
/// Deterministic from a seed; features are generated on the fly, never all held in memory.
#include <cstdint>
#include <optional>
#include <string>

#include <osg/Vec3d>

#include "dothi/render/scene_source.hpp"

namespace dothi::bench {

/// One building, in project-CRS metres.
struct SyntheticBuilding {
  std::int64_t id = 0;
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  ///< footprint (axis-aligned)
  double height = 0;                      ///< metres above flat ground
};

class SyntheticCity final : public render::SceneSource {
 public:
  static constexpr double kOriginX = 500000, kOriginY = 5000000;  ///< a UTM-sized south-west corner
  static constexpr double kPlot = 30, kStreet = 20;
  static constexpr int kPlotsPerBlock = 4;

  SyntheticCity(std::int64_t buildings, std::uint32_t seed);

  [[nodiscard]] std::vector<geo::LayerInfo> layers() const override;
  geo::Result<void> forEachFeature(const std::string& layer,
                                   const std::function<bool(const geo::Feature&)>& visit) const override;
  [[nodiscard]] geo::Result<std::shared_ptr<const geo::TerrainGrid>> terrain() const override { return nullptr; }

  [[nodiscard]] std::int64_t size() const { return m_count; }
  [[nodiscard]] int plotsAcross() const { return m_across; }
  [[nodiscard]] geo::Extent extent() const;
  /// Building number `index` (0-based; its feature id is index + 1).
  [[nodiscard]] SyntheticBuilding building(std::int64_t index) const;
  /// Project-CRS centre line of the street west of plot column `column` (x), for street views.
  [[nodiscard]] double streetX(int column) const;
  [[nodiscard]] double streetY(int row) const;
  /// The first building a ray (project CRS) hits, by brute force over every building: the
  /// ground truth picking is checked against. Nothing when it hits no building.
  [[nodiscard]] std::optional<std::int64_t> firstHit(const osg::Vec3d& from, const osg::Vec3d& to) const;

 private:
  std::int64_t m_count;
  std::uint32_t m_seed;
  int m_across;
};

}  // namespace dothi::bench
