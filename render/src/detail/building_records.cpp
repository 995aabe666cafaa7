#include "detail/building_records.hpp"

#include <algorithm>
#include <cmath>

#include "detail/shapes.hpp"
#include "detail/style.hpp"

namespace dothi::render::detail {
namespace {

std::optional<std::size_t> firstField(const geo::Schema& schema, std::initializer_list<const char*> names) {
  for (const char* n : names)
    if (auto i = geo::fieldIndex(schema, n)) return i;
  return std::nullopt;
}

osg::Vec4 mix(const osg::Vec4& a, const osg::Vec4& b, float t) { return a * (1 - t) + b * t; }

// "auto" roofs: the size of a house or a villa gets a hipped roof, anything bigger (blocks,
// towers, halls) stays flat, as it mostly is in the cities DoThi is for.
constexpr double kHouseMaxArea = 400.0;        // m²
constexpr double kHouseMaxWallHeight = 16.0;   // m
constexpr std::size_t kHouseMaxVertices = 16;

}  // namespace

BuildingPreparer::BuildingPreparer(const geo::LayerInfo& info, const geo::HeightRule& heights,
                                   const geo::LayerStyle& style, RoofRules roofs, const GroundModel& ground,
                                   const osg::Vec3d& origin)
    : m_style(style),
      m_heights(info.fields, heights),
      m_roofs(std::move(roofs)),
      m_ground(ground),
      m_origin(origin),
      m_slope(std::tan(osg::DegreesToRadians(std::clamp(m_roofs.pitchDegrees, 5.0, 75.0)))),
      m_roofShapeField(firstField(info.fields, {"roof:shape", "roof_shape", "roofshape"})),
      m_roofHeightField(firstField(info.fields, {"roof:height", "roof_height"})) {
  if (m_style.isThematic()) {
    m_styleField = geo::fieldIndex(info.fields, m_style.field);
    // "_height": the height the renderer extrudes, whatever field it came from.
    m_styleByHeight = !m_styleField && m_style.field == "_height";
  }
}

std::optional<RoofShape> BuildingPreparer::dataRoof(const geo::Feature& feature, bool& unsupported) const {
  unsupported = false;
  if (!m_roofShapeField || *m_roofShapeField >= feature.attributes.size()) return std::nullopt;
  const std::string name = geo::valueToString(feature.attributes[*m_roofShapeField]);
  if (name.empty()) return std::nullopt;
  auto shape = roofShapeFromName(name);
  if (!shape) {
    unsupported = true;
    return RoofShape::Flat;
  }
  return shape;
}

RoofShape BuildingPreparer::fallbackRoof(const Rings& rings, double wallHeight) const {
  const std::string& rule = m_roofs.fallbackShape;
  if (rule.empty() || rule == "flat") return RoofShape::Flat;
  if (rule == "auto") {
    const bool house = rings.size() == 1 && rings.front().size() <= kHouseMaxVertices &&
                       signedArea(rings.front()) <= kHouseMaxArea && wallHeight <= kHouseMaxWallHeight;
    return house ? RoofShape::Hipped : RoofShape::Flat;
  }
  return roofShapeFromName(rule).value_or(RoofShape::Flat);
}

void BuildingPreparer::prepare(const geo::Feature& feature, std::vector<BuildingRecord>& out,
                               RoofCounts& counts) const {
  const geo::BuildingHeight h = m_heights.of(feature);
  bool unsupported = false;
  const std::optional<RoofShape> given = dataRoof(feature, unsupported);
  if (unsupported) ++counts.unsupported;
  float roofHeight = -1;
  if (m_roofHeightField && *m_roofHeightField < feature.attributes.size())
    if (auto r = geo::valueToNumber(feature.attributes[*m_roofHeightField]); r && *r > 0 && *r < 200)
      roofHeight = static_cast<float>(*r);

  int classIndex = -1;
  std::optional<osg::Vec4> thematic;
  if (m_styleByHeight) {
    classIndex = m_style.classOf(geo::Value{h.height});
    thematic = toVec4(*m_style.colourOf(geo::Value{h.height}));
  } else if (m_styleField && *m_styleField < feature.attributes.size()) {
    classIndex = m_style.classOf(feature.attributes[*m_styleField]);
    thematic = toVec4(*m_style.colourOf(feature.attributes[*m_styleField]));
  } else if (m_style.isThematic()) {
    thematic = toVec4(m_style.other);
  }

  for (const auto& polygon : feature.geometry.polygons) {
    BuildingRecord r;
    r.rings = localRings(polygon, m_origin);
    if (r.rings.empty()) continue;
    r.id = feature.id;
    r.ground = m_ground.lowestUnder(r.rings.front());
    const float minHeight = static_cast<float>(std::max(0.0, h.minHeight));
    r.bottom = r.ground + minHeight;
    r.top = r.ground + std::max(minHeight + 0.5f, static_cast<float>(h.height));
    r.heightIncludesRoof = h.source == geo::BuildingHeight::Source::Height;
    r.roofHeight = roofHeight;
    r.roof = given ? *given : fallbackRoof(r.rings, h.height - minHeight);
    r.classIndex = classIndex;
    if (thematic) {
      // Roofs carry the class colour (what a map view reads); walls a shade of it.
      r.roofColour = *thematic;
      r.wall = mix(*thematic, osg::Vec4(0.93f, 0.92f, 0.90f, 1), 0.25f) * 0.92f;
      r.wall.a() = 1;
      r.edge = outlineOf(*thematic);
    } else {
      r.wall = facadeColour(feature.id);
      r.roofColour = r.roof == RoofShape::Flat ? roofColour(feature.id) : pitchedRoofColour(feature.id);
      r.edge = roofEdgeColour(feature.id);
    }
    out.push_back(std::move(r));
  }
}

}  // namespace dothi::render::detail
