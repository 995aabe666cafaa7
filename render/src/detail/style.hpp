#pragma once
/// Default look of each layer kind: colours, heights above ground, draw order, road widths.
/// One place so the scene, the highlight and the legend agree.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <osg/Vec4>

#include "dothi/geo/feature.hpp"
#include "dothi/geo/style.hpp"

namespace dothi::render::detail {

/// Where a draped kind sits above the ground (metres) and in which render bin it is drawn:
/// ground layers are painted bottom-up in bin order without depth writes, so they never fight.
struct GroundSlot {
  float z = 0;
  int bin = 0;
};
GroundSlot groundSlot(geo::LayerKind kind);
constexpr int kTerrainBin = -110;
constexpr int kGroundPlaneBin = -100;
constexpr int kHighlightBin = 100;

/// The attributes that may name a feature's category for colouring (landuse=grass, zoning
/// code...), most telling first: a feature's category is the first of them it fills.
std::vector<std::size_t> categoryFields(const geo::Schema& schema, geo::LayerKind kind);
/// True for tunnel=yes/1/building_passage...: drawn faintly, as they run underground.
bool isTunnel(const std::string& value);
/// Ribbon width in metres of a road from its class (highway=primary...); 0 = draw as a line.
float roadWidth(const std::string& roadClass);
/// Facade and roof colours of one building: a few tones varied by id so blocks read apart.
osg::Vec4 facadeColour(std::int64_t id);
osg::Vec4 roofColour(std::int64_t id);
/// Tiles of a pitched roof: terracotta tones varied by id.
osg::Vec4 pitchedRoofColour(std::int64_t id);
/// A style colour as OSG's.
inline osg::Vec4 toVec4(const geo::Rgba& c) { return {c.r, c.g, c.b, c.a}; }
/// Roof outline: darker than the facade so blocks stay apart even at a few pixels each.
osg::Vec4 roofEdgeColour(std::int64_t id);
/// Darker edge colour for a fill colour (outlines), opaque.
osg::Vec4 outlineOf(const osg::Vec4& fill);

}  // namespace dothi::render::detail
