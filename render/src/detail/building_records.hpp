#pragma once
/// What the renderer needs of one building part, resolved once from its feature: footprint in
/// scene-local metres, base on the terrain, heights, roof shape, colours. Records are plain
/// values, so tiles of them can be meshed on worker threads.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <osg/Vec3d>
#include <osg/Vec4>

#include "detail/ground.hpp"
#include "detail/roof.hpp"
#include "detail/tessellator.hpp"
#include "dothi/geo/building.hpp"
#include "dothi/geo/project.hpp"
#include "dothi/geo/style.hpp"

namespace dothi::render::detail {

struct BuildingRecord {
  std::int64_t id = 0;
  Rings rings;                  ///< one polygon: outer counter-clockwise, holes clockwise
  float ground = 0;             ///< terrain height under the footprint (lowest vertex), metres
  float bottom = 0;             ///< where walls start: ground + min_height
  float top = 0;                ///< ground + height (the ridge when heightIncludesRoof)
  float roofHeight = -1;        ///< roof:height in metres; < 0 = from the pitch
  bool heightIncludesRoof = false;  ///< OSM: `height` is to the top of the roof, levels are walls
  RoofShape roof = RoofShape::Flat;
  osg::Vec4 wall, roofColour, edge;
  int classIndex = -1;          ///< thematic class, -1 = none/other
};

/// Counters a scene reports (see SceneStats).
struct RoofCounts {
  std::int64_t pitched = 0;      ///< roofs built from the straight skeleton (or a pyramid)
  std::int64_t fallbacks = 0;    ///< pitched roofs CGAL could not build: drawn flat
  std::int64_t unsupported = 0;  ///< roof shapes not drawn (skillion...): drawn flat
};

/// Rules for roofs that the data does not give.
struct RoofRules {
  std::string fallbackShape;  ///< "" or "flat": flat; "hipped"...; "auto": hipped for houses
  double pitchDegrees = 30;   ///< pitch of roofs without roof:height
};

/// Turns features of one building layer into records. Thread-compatible (const after setup).
class BuildingPreparer {
 public:
  BuildingPreparer(const geo::LayerInfo& info, const geo::HeightRule& heights, const geo::LayerStyle& style,
                   RoofRules roofs, const GroundModel& ground, const osg::Vec3d& origin);
  /// Appends one record per polygon of the feature; `counts.unsupported` grows for roof shapes
  /// that are not drawn.
  void prepare(const geo::Feature& feature, std::vector<BuildingRecord>& out, RoofCounts& counts) const;
  [[nodiscard]] double slope() const { return m_slope; }

 private:
  [[nodiscard]] std::optional<RoofShape> dataRoof(const geo::Feature& feature, bool& unsupported) const;
  [[nodiscard]] RoofShape fallbackRoof(const Rings& rings, double wallHeight) const;

  const geo::LayerStyle& m_style;
  geo::BuildingHeights m_heights;
  RoofRules m_roofs;
  const GroundModel& m_ground;
  osg::Vec3d m_origin;
  double m_slope;
  std::optional<std::size_t> m_roofShapeField, m_roofHeightField, m_styleField;
  bool m_styleByHeight = false;
};

}  // namespace dothi::render::detail
