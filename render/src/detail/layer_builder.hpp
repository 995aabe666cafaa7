#pragma once
/// Builds the scene graph of one layer. Buildings become records bucketed into square tiles that
/// worker threads mesh into level-of-detail nodes (building_tiles.hpp); ground layers (land use,
/// parcels, roads...) are draped on the terrain and merged per tile into a few batches.
#include <map>
#include <memory>
#include <optional>
#include <vector>

#include <osg/Switch>
#include <osg/Vec3d>

#include "detail/building_records.hpp"
#include "detail/ground.hpp"
#include "detail/labels.hpp"
#include "detail/mesh_builder.hpp"
#include "detail/style.hpp"
#include "detail/tessellator.hpp"
#include "dothi/geo/building.hpp"
#include "dothi/geo/project.hpp"
#include "dothi/geo/style.hpp"
#include "dothi/render/city_scene.hpp"

namespace dothi::render::detail {

/// Roof rules of a layer: the caller's explicit default, else the layer style's, else the
/// project's `default_roof`, else flat.
RoofRules roofRulesFor(const SceneOptions& options, const geo::LayerStyle& style, const std::string& projectDefault);

class LayerBuilder {
 public:
  /// `origin` is subtracted from every coordinate; `extent` (project CRS) lays out the tiles.
  /// `labels`: the screen space every label layer of the scene shares.
  LayerBuilder(const geo::LayerInfo& info, const geo::LayerStyle& style, const SceneOptions& options,
               const RoofRules& roofs, const GroundModel& ground, const osg::Vec3d& origin, const geo::Extent& extent,
               osg::ref_ptr<LabelSpace> labels = new LabelSpace);
  void add(const geo::Feature& feature);
  /// The layer's node: a switch whose one child holds a node per tile. Call once.
  osg::ref_ptr<osg::Switch> finish(SceneStats& stats);
  /// The legend of a thematic layer (classes, then "other" when features fell there).
  [[nodiscard]] std::optional<Legend> legend() const;

 private:
  struct Tile {
    std::unique_ptr<MeshBuilder> fill, lines, points;
    std::vector<BuildingRecord> buildings;
  };
  Tile& tileOf(const geo::Feature& feature);
  MeshBuilder& mesh(std::unique_ptr<MeshBuilder>& slot, Primitive primitive, bool lit);
  void addPolygon(Tile& tile, const geo::Feature& feature, const geo::Polygon& polygon);
  void addLine(Tile& tile, const geo::Feature& feature, const geo::LineString& line);
  void addPoint(Tile& tile, const geo::Feature& feature, const geo::Point& point);
  void addLabel(const geo::Feature& feature);
  [[nodiscard]] std::string category(const geo::Feature& feature) const;
  [[nodiscard]] osg::Vec4 colourOf(const geo::Feature& feature);
  [[nodiscard]] bool inTunnel(const geo::Feature& feature) const;
  void applyStates(std::unique_ptr<MeshBuilder>& slot, osg::Group& group, osg::StateSet* state);
  void makeStates();
  osg::ref_ptr<osg::Group> finishBuildings(SceneStats& stats);

  const geo::LayerInfo& m_info;
  const geo::LayerStyle& m_style;
  const SceneOptions& m_options;
  const GroundModel& m_ground;
  osg::Vec3d m_origin;
  BuildingPreparer m_preparer;
  geo::BuildingHeights m_labelHeights;
  RoofCounts m_roofCounts;
  GroundSlot m_slot;
  std::vector<std::size_t> m_categoryFields;
  std::optional<std::size_t> m_tunnelField, m_styleField, m_labelField;
  std::vector<std::int64_t> m_classCounts;
  std::int64_t m_otherCount = 0;
  double m_tileOriginX = 0, m_tileOriginY = 0, m_tileSize = 1;
  int m_tilesPerRow = 1;
  std::map<int, Tile> m_tiles;
  std::vector<LabelAnchor> m_labels;
  osg::ref_ptr<LabelSpace> m_labelSpace;
  Tessellator m_tess;
  osg::ref_ptr<osg::StateSet> m_fillState, m_lineState, m_pointState, m_edgeState;
};

}  // namespace dothi::render::detail
