#pragma once
/// Builds the scene graph of one layer: features are bucketed into square tiles (so OSG can cull
/// what is off screen) and each tile's geometry is merged into a few batches per primitive kind.
#include <map>
#include <memory>
#include <optional>

#include <osg/Switch>
#include <osg/Vec3d>

#include "detail/mesh_builder.hpp"
#include "detail/style.hpp"
#include "detail/tessellator.hpp"
#include "dothi/geo/building.hpp"
#include "dothi/geo/project.hpp"

namespace dothi::render::detail {

class LayerBuilder {
 public:
  /// `origin` is subtracted from every coordinate; `extent` (project CRS) lays out the tiles.
  LayerBuilder(const geo::LayerInfo& info, const geo::HeightRule& heights, const osg::Vec3d& origin,
               const geo::Extent& extent);
  void add(const geo::Feature& feature);
  /// The layer's node: a switch whose one child holds a group per tile.
  osg::ref_ptr<osg::Switch> finish();

 private:
  struct Tile {
    std::unique_ptr<MeshBuilder> solid, fill, lines, points;
  };
  Tile& tileOf(const geo::Feature& feature);
  MeshBuilder& mesh(std::unique_ptr<MeshBuilder>& slot, Primitive primitive, bool lit);
  void addPolygon(Tile& tile, const geo::Feature& feature, const geo::Polygon& polygon);
  void addLine(Tile& tile, const geo::Feature& feature, const geo::LineString& line);
  void addPoint(Tile& tile, const geo::Feature& feature, const geo::Point& point);
  [[nodiscard]] std::string category(const geo::Feature& feature) const;
  [[nodiscard]] bool inTunnel(const geo::Feature& feature) const;
  void applyStates(std::unique_ptr<MeshBuilder>& slot, osg::Group& group, osg::StateSet* state);
  void makeStates();

  const geo::LayerInfo& m_info;
  osg::Vec3d m_origin;
  geo::BuildingHeights m_heights;
  GroundSlot m_slot;
  std::vector<std::size_t> m_categoryFields;
  std::optional<std::size_t> m_tunnelField;
  double m_tileOriginX = 0, m_tileOriginY = 0, m_tileSize = 1;
  int m_tilesPerRow = 1;
  std::map<int, Tile> m_tiles;
  Tessellator m_tess;
  osg::ref_ptr<osg::StateSet> m_fillState, m_lineState, m_pointState, m_edgeState;
};

}  // namespace dothi::render::detail
