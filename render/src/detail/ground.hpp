#pragma once
/// The ground under the city: heights from the project's terrain in scene-local coordinates
/// (flat at 0 without one), and the terrain's own mesh.
#include <memory>

#include <osg/Node>
#include <osg/Vec2d>
#include <osg/Vec3d>

#include "dothi/geo/geometry.hpp"
#include "dothi/geo/terrain.hpp"

namespace dothi::render::detail {

/// The grid with its no-data cells (SRTM voids, corners left by reprojection) filled from
/// their nearest valid neighbours, breadth first; returns the input when it has none. Only
/// for drawing: a void would otherwise be a pit to sea level.
std::shared_ptr<const geo::TerrainGrid> fillVoids(std::shared_ptr<const geo::TerrainGrid> grid);

/// Immutable after construction: share one between threads.
class GroundModel {
 public:
  GroundModel() = default;
  GroundModel(std::shared_ptr<const geo::TerrainGrid> grid, const osg::Vec3d& origin);

  [[nodiscard]] bool flat() const { return !m_grid; }
  /// Height (metres) at a scene-local point: bilinear inside the grid, the nearest edge value
  /// outside it, 0 without terrain or data.
  [[nodiscard]] float at(const osg::Vec2d& local) const;
  /// Lowest height under a set of points (a building's base).
  [[nodiscard]] float lowestUnder(const std::vector<osg::Vec2d>& points) const;
  /// Spacing (metres) at which draped lines and fills are resampled to follow the ground.
  [[nodiscard]] double step() const { return m_step; }
  [[nodiscard]] const geo::TerrainGrid* grid() const { return m_grid.get(); }

 private:
  std::shared_ptr<const geo::TerrainGrid> m_grid;
  osg::Vec3d m_origin;
  double m_step = 0;
};

/// The terrain surface over `region` (project CRS; the grid's extent when empty) as lit,
/// hypsometrically tinted chunks with two levels of detail. Not pickable. Drawn first, with
/// depth writes, so draped layers and buildings are hidden behind hills.
osg::ref_ptr<osg::Node> buildTerrainNode(const geo::TerrainGrid& grid, geo::Extent region, const osg::Vec3d& origin);

}  // namespace dothi::render::detail
