#include "detail/layer_builder.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <osg/BlendFunc>
#include <osg/CullFace>
#include <osg/Depth>
#include <osg/LOD>
#include <osg/LineWidth>
#include <osg/Point>
#include <osg/PolygonOffset>

#include "detail/building_tiles.hpp"
#include "detail/shapes.hpp"
#include "dothi/render/city_scene.hpp"

namespace dothi::render::detail {
namespace {

// Ground layers: about 8 x 8 tiles over the data and never below 250 m: enough for view-frustum
// culling of a city, few enough that each tile still merges hundreds of features per draw call.
constexpr int kTilesAcross = 8;
constexpr double kMinTileSize = 250.0;
// Buildings: tiles of about this many buildings (at the layer's mean density). Each is one LOD
// node: levels switch on the tile's size on screen, so smaller tiles turn into block boxes
// closer to the eye. A million buildings make ~2,000 tiles, still cheap to cull.
constexpr double kBuildingsPerTile = kTileBuildings;
// Draped layers over a terrain sit this much higher than on a flat ground (metres), with a
// polygon offset, so the terrain's facets between resampled vertices do not poke through.
constexpr float kDrapeLift = 0.3f;

bool isGroundKind(geo::LayerKind kind) { return kind != geo::LayerKind::Buildings; }

osg::ref_ptr<osg::StateSet> groundState(int bin, bool blend, bool terrain) {
  osg::ref_ptr<osg::StateSet> state = new osg::StateSet;
  state->setMode(GL_LIGHTING, osg::StateAttribute::OFF);
  // Painted in bin order without depth writes: coplanar layers never z-fight, and buildings,
  // drawn later with depth, still hide what is behind them. Over a terrain the depth test
  // also hides what lies behind hills.
  state->setAttributeAndModes(new osg::Depth(terrain ? osg::Depth::LEQUAL : osg::Depth::LESS, 0, 1, false));
  if (terrain) state->setAttributeAndModes(new osg::PolygonOffset(-2.0f, -8.0f));
  state->setRenderBinDetails(bin, "RenderBin");
  if (blend) state->setAttributeAndModes(new osg::BlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA));
  return state;
}

osg::Vec2d ringCentre(const std::vector<osg::Vec2d>& ring) {
  osg::Vec2d sum;
  for (const auto& p : ring) sum += p;
  return sum / static_cast<double>(std::max<std::size_t>(1, ring.size()));
}

}  // namespace

RoofRules roofRulesFor(const SceneOptions& options, const geo::LayerStyle& style, const std::string& projectDefault) {
  RoofRules rules;
  rules.fallbackShape = !options.defaultRoof.empty() ? options.defaultRoof
                        : !style.roof.empty()        ? style.roof
                                                     : projectDefault;
  rules.pitchDegrees = options.roofPitchDegrees;
  return rules;
}

LayerBuilder::LayerBuilder(const geo::LayerInfo& info, const geo::LayerStyle& style, const SceneOptions& options,
                           const RoofRules& roofs, const GroundModel& ground, const osg::Vec3d& origin,
                           const geo::Extent& extent, osg::ref_ptr<LabelSpace> labels)
    : m_info(info),
      m_style(style),
      m_options(options),
      m_ground(ground),
      m_origin(origin),
      m_preparer(info, options.heights, style, roofs, ground, origin),
      m_labelHeights(info.fields, options.heights),
      m_slot(groundSlot(info.kind)),
      m_categoryFields(categoryFields(info.fields, info.kind)),
      m_tunnelField(geo::fieldIndex(info.fields, "tunnel")),
      m_classCounts(style.classes.size(), 0),
      m_labelSpace(std::move(labels)) {
  if (style.isThematic()) m_styleField = geo::fieldIndex(info.fields, style.field);
  if (options.labels && !style.labelField.empty()) m_labelField = geo::fieldIndex(info.fields, style.labelField);
  if (!extent.isEmpty()) {
    m_tileOriginX = extent.minX;
    m_tileOriginY = extent.minY;
    const double side = std::max(extent.width(), extent.height());
    m_tileSize = std::max(kMinTileSize, side / kTilesAcross);
    if (!isGroundKind(info.kind)) {
      const double count = std::max<double>(1.0, static_cast<double>(info.featureCount));
      const double area = std::max(1.0, extent.width() * extent.height());
      m_tileSize = std::clamp(std::sqrt(area * kBuildingsPerTile / count), kMinTileSize, std::max(kMinTileSize, side));
    }
    m_tilesPerRow = static_cast<int>(std::ceil(extent.width() / m_tileSize)) + 1;
  }
  makeStates();
}

void LayerBuilder::makeStates() {
  const osg::Vec4 colour = kindColour(m_info.kind);
  const bool terrain = !m_ground.flat();
  m_fillState = groundState(m_slot.bin, true, terrain);
  m_lineState = groundState(m_slot.bin + 1, true, terrain);
  const bool lineLayer = geo::dimensionOf(m_info.geometryType) == 1;
  m_lineState->setAttributeAndModes(new osg::LineWidth(lineLayer ? 2.0f : 1.5f));
  m_pointState = groundState(m_slot.bin + 2, colour.a() < 1, terrain);
  m_pointState->setAttributeAndModes(new osg::Point(7.0f));
  // Roof outlines lie on the roofs: the solids are pushed back by a polygon offset (see
  // finishBuildings), so the lines win over their own roof yet stay hidden behind the
  // buildings in front (a depth-range trick leaks at street-level depth ranges).
  m_edgeState = new osg::StateSet;
  m_edgeState->setMode(GL_LIGHTING, osg::StateAttribute::OFF);
  m_edgeState->setAttributeAndModes(new osg::Depth(osg::Depth::LEQUAL, 0.0, 1.0, true));
}

LayerBuilder::Tile& LayerBuilder::tileOf(const geo::Feature& feature) {
  const geo::Extent e = geo::extentOf(feature.geometry);
  const geo::Point c = e.center();
  const int maxIndex = m_tilesPerRow - 1;
  const int ix = std::clamp(static_cast<int>((c.x - m_tileOriginX) / m_tileSize), 0, maxIndex);
  const int iy = std::clamp(static_cast<int>((c.y - m_tileOriginY) / m_tileSize), 0, 1 << 20);
  return m_tiles[iy * m_tilesPerRow + ix];
}

MeshBuilder& LayerBuilder::mesh(std::unique_ptr<MeshBuilder>& slot, Primitive primitive, bool lit) {
  if (!slot) slot = std::make_unique<MeshBuilder>(primitive, m_info.name, lit);
  return *slot;
}

std::string LayerBuilder::category(const geo::Feature& feature) const {
  for (std::size_t i : m_categoryFields) {
    if (i >= feature.attributes.size()) continue;
    std::string value = geo::valueToString(feature.attributes[i]);
    if (!value.empty()) return value;
  }
  return {};
}

osg::Vec4 LayerBuilder::colourOf(const geo::Feature& feature) {
  const osg::Vec4 kind = kindColour(m_info.kind, category(feature));
  if (!m_style.isThematic()) return kind;
  const geo::Value value = m_styleField && *m_styleField < feature.attributes.size()
                               ? feature.attributes[*m_styleField]
                               : geo::Value{};
  const int c = m_style.classOf(value);
  if (c >= 0) ++m_classCounts[static_cast<std::size_t>(c)];
  else ++m_otherCount;
  osg::Vec4 colour = toVec4(*m_style.colourOf(value));
  colour.a() = std::min(colour.a(), kind.a());  // zones and parcels stay see-through
  return colour;
}

bool LayerBuilder::inTunnel(const geo::Feature& feature) const {
  return m_tunnelField && *m_tunnelField < feature.attributes.size() &&
         isTunnel(geo::valueToString(feature.attributes[*m_tunnelField]));
}

void LayerBuilder::add(const geo::Feature& feature) {
  if (feature.geometry.isEmpty()) return;
  Tile& tile = tileOf(feature);
  if (!isGroundKind(m_info.kind) && !feature.geometry.polygons.empty()) {
    const std::size_t before = tile.buildings.size();
    m_preparer.prepare(feature, tile.buildings, m_roofCounts);
    if (m_style.isThematic() && tile.buildings.size() > before) {
      const int c = tile.buildings.back().classIndex;
      if (c >= 0) ++m_classCounts[static_cast<std::size_t>(c)];
      else ++m_otherCount;
    }
  } else {
    for (const auto& polygon : feature.geometry.polygons) addPolygon(tile, feature, polygon);
  }
  for (const auto& line : feature.geometry.lines) addLine(tile, feature, line);
  for (const auto& point : feature.geometry.points) addPoint(tile, feature, point);
  if (m_labelField) addLabel(feature);
}

void LayerBuilder::addPolygon(Tile& tile, const geo::Feature& feature, const geo::Polygon& polygon) {
  const Rings rings = localRings(polygon, m_origin);
  if (rings.empty()) return;
  const osg::Vec4 colour = colourOf(feature);
  const float lift = m_ground.flat() ? 0.0f : kDrapeLift;
  MeshBuilder& fill = mesh(tile.fill, Primitive::Triangles, false);
  fill.beginFeature(feature.id, extrusionVertexCount(rings));
  addFill(fill, m_tess, rings, Elevation(&m_ground, m_slot.z + lift), colour);
  // Land use reads as patches of colour; parcels and zones need their boundaries.
  const float edge = m_info.kind == geo::LayerKind::Landuse ? 0.85f : 0.6f;
  const osg::Vec4 outline(colour.r() * edge, colour.g() * edge, colour.b() * edge, 1);
  MeshBuilder& lines = mesh(tile.lines, Primitive::Lines, false);
  lines.beginFeature(feature.id, extrusionVertexCount(rings));
  addOutline(lines, rings, Elevation(&m_ground, m_slot.z + 0.01f + lift), outline);
}

void LayerBuilder::addLine(Tile& tile, const geo::Feature& feature, const geo::LineString& line) {
  const auto path = localPath(line.points, m_origin);
  if (path.size() < 2) return;
  osg::Vec4 colour = colourOf(feature);
  if (inTunnel(feature)) colour.a() = 0.25f;  // underground: a hint, not a road on the surface
  const float width = m_info.kind == geo::LayerKind::Roads ? roadWidth(category(feature)) : 0.0f;
  const float lift = m_ground.flat() ? 0.0f : kDrapeLift;
  if (width > 0) {
    MeshBuilder& fill = mesh(tile.fill, Primitive::Triangles, false);
    fill.beginFeature(feature.id, path.size() * 2);
    addRibbon(fill, path, width, Elevation(&m_ground, m_slot.z + lift), colour);
    return;
  }
  MeshBuilder& lines = mesh(tile.lines, Primitive::Lines, false);
  lines.beginFeature(feature.id, path.size());
  const osg::Vec4 thin = m_info.kind == geo::LayerKind::Roads && !m_style.isThematic()
                             ? osg::Vec4(0.62f, 0.58f, 0.55f, colour.a())
                             : colour;
  addPolyline(lines, path, Elevation(&m_ground, m_slot.z + 0.02f + lift), thin);
}

void LayerBuilder::addPoint(Tile& tile, const geo::Feature& feature, const geo::Point& point) {
  MeshBuilder& points = mesh(tile.points, Primitive::Points, false);
  points.beginFeature(feature.id, 1);
  const osg::Vec2d p(point.x - m_origin.x(), point.y - m_origin.y());
  const osg::Vec3f v(static_cast<float>(p.x()), static_cast<float>(p.y()), m_ground.at(p) + m_slot.z + 0.5f);
  points.point(points.vertex(v, outlineOf(colourOf(feature))));
}

void LayerBuilder::addLabel(const geo::Feature& feature) {
  if (*m_labelField >= feature.attributes.size()) return;
  const std::string text = geo::valueToString(feature.attributes[*m_labelField]);
  if (text.empty()) return;
  const auto& g = feature.geometry;
  LabelAnchor anchor;
  anchor.text = text;
  anchor.featureId = feature.id;
  if (!g.polygons.empty()) {
    const Rings rings = localRings(g.polygons.front(), m_origin);
    if (rings.empty()) return;
    const osg::Vec2d c = ringCentre(rings.front());
    double area = 0;
    for (std::size_t i = 0, n = rings.front().size(); i < n; ++i) {
      const auto& p = rings.front()[i];
      const auto& q = rings.front()[(i + 1) % n];
      area += (p.x() * q.y() - q.x() * p.y()) / 2;
    }
    float z = m_ground.at(c) + m_slot.z;
    if (!isGroundKind(m_info.kind))
      z = m_ground.lowestUnder(rings.front()) + static_cast<float>(m_labelHeights.of(feature).height);
    anchor.position.set(static_cast<float>(c.x()), static_cast<float>(c.y()), z + 2.0f);
    anchor.priority = static_cast<float>(std::abs(area));
  } else if (!g.lines.empty()) {
    const auto path = localPath(g.lines.front().points, m_origin);
    if (path.size() < 2) return;
    // The middle of the line's length, where a reader looks for its name.
    double total = 0;
    for (std::size_t i = 1; i < path.size(); ++i) total += (path[i] - path[i - 1]).length();
    double walked = 0;
    osg::Vec2d at = path.front();
    for (std::size_t i = 1; i < path.size(); ++i) {
      const double len = (path[i] - path[i - 1]).length();
      if (walked + len >= total / 2) {
        at = path[i - 1] + (path[i] - path[i - 1]) * ((total / 2 - walked) / std::max(len, 1e-9));
        break;
      }
      walked += len;
    }
    anchor.position.set(static_cast<float>(at.x()), static_cast<float>(at.y()), m_ground.at(at) + m_slot.z + 2.0f);
    anchor.priority = static_cast<float>(total);
  } else if (!g.points.empty()) {
    const osg::Vec2d p(g.points.front().x - m_origin.x(), g.points.front().y - m_origin.y());
    anchor.position.set(static_cast<float>(p.x()), static_cast<float>(p.y()), m_ground.at(p) + 3.0f);
  } else {
    return;
  }
  m_labels.push_back(std::move(anchor));
}

void LayerBuilder::applyStates(std::unique_ptr<MeshBuilder>& slot, osg::Group& group, osg::StateSet* state) {
  if (!slot) return;
  for (auto& geometry : slot->finish()) {
    if (state != nullptr) geometry->setStateSet(state);
    group.addChild(geometry.get());
  }
}

osg::ref_ptr<osg::Group> LayerBuilder::finishBuildings(SceneStats& stats) {
  std::vector<std::vector<BuildingRecord>> records;
  std::vector<int> keys;
  for (auto& [index, tile] : m_tiles)
    if (!tile.buildings.empty()) {
      stats.buildings += static_cast<std::int64_t>(tile.buildings.size());
      records.push_back(std::move(tile.buildings));
      keys.push_back(index);
    }
  TileSettings settings;
  settings.layer = m_info.name;
  settings.slope = m_preparer.slope();
  settings.tileSize = m_tileSize;
  settings.lod = m_options.lod && stats.buildings > m_options.lodMinBuildings;
  settings.naive = m_options.naive;
  auto built = buildBuildingTiles(records, settings, m_options.threads);
  osg::ref_ptr<osg::Group> content = new osg::Group;
  // Building solids are closed and wound outwards: skipping back faces halves the triangles
  // the rasteriser sets up, which is what a software renderer spends its time on.
  osg::StateSet* state = content->getOrCreateStateSet();
  state->setAttributeAndModes(new osg::CullFace(osg::CullFace::BACK));
  state->setAttributeAndModes(new osg::PolygonOffset(1.0f, 1.0f));
  // Groups of kTilesPerGroup x kTilesPerGroup tiles, each an LOD: one box per tile far away.
  struct Group {
    osg::ref_ptr<osg::Group> tiles = new osg::Group;
    std::vector<BlockSummary> summaries;
  };
  std::map<int, Group> groups;
  for (std::size_t i = 0; i < built.size(); ++i) {
    BuiltTile& tile = built[i];
    if (!tile.node) continue;
    for (auto& outlines : tile.outlineGroups) outlines->setStateSet(m_edgeState.get());
    const int ix = keys[i] % m_tilesPerRow, iy = keys[i] / m_tilesPerRow;
    Group& group = groups[(iy / kTilesPerGroup) * (m_tilesPerRow / kTilesPerGroup + 1) + ix / kTilesPerGroup];
    group.tiles->addChild(tile.node.get());
    group.summaries.push_back(tile.summary);
    stats.pitchedRoofs += tile.roofs.pitched;
    stats.roofFallbacks += tile.roofs.fallbacks;
    stats.triangles += static_cast<std::int64_t>(tile.triangles);
    ++stats.buildingTiles;
  }
  const bool grouped = settings.lod && !m_options.naive && groups.size() > 1;
  for (auto& [key, group] : groups) {
    if (!grouped) {
      for (unsigned c = 0; c < group.tiles->getNumChildren(); ++c) content->addChild(group.tiles->getChild(c));
      continue;
    }
    MeshBuilder proxy(Primitive::Triangles, {}, true);
    for (const auto& summary : group.summaries) addBlockBox(proxy, summary);
    osg::ref_ptr<osg::Group> far = new osg::Group;
    for (auto& geometry : proxy.finish()) far->addChild(geometry.get());
    osg::ref_ptr<osg::LOD> lod = new osg::LOD;
    lod->setRangeMode(osg::LOD::PIXEL_SIZE_ON_SCREEN);
    lod->addChild(far.get(), 0.0f, kGroupPixels);
    lod->addChild(group.tiles.get(), kGroupPixels, std::numeric_limits<float>::max());
    content->addChild(lod.get());
  }
  stats.unsupportedRoofs += m_roofCounts.unsupported;
  return content;
}

osg::ref_ptr<osg::Switch> LayerBuilder::finish(SceneStats& stats) {
  osg::ref_ptr<osg::Switch> layerSwitch = new osg::Switch;
  layerSwitch->setName(m_info.name);
  osg::ref_ptr<osg::Group> content = isGroundKind(m_info.kind) ? osg::ref_ptr<osg::Group>(new osg::Group)
                                                                : finishBuildings(stats);
  for (auto& [index, tile] : m_tiles) {
    osg::ref_ptr<osg::Group> group = new osg::Group;
    applyStates(tile.fill, *group, m_fillState.get());
    applyStates(tile.lines, *group, m_lineState.get());
    applyStates(tile.points, *group, m_pointState.get());
    if (group->getNumChildren() > 0) content->addChild(group.get());
  }
  m_tiles.clear();
  layerSwitch->addChild(content.get(), true);
  if (!m_labels.empty()) {
    stats.labels += static_cast<std::int64_t>(m_labels.size());
    layerSwitch->addChild(buildLabelNode(std::move(m_labels), m_info.kind, m_labelSpace).get(), true);
  }
  return layerSwitch;
}

std::optional<Legend> LayerBuilder::legend() const {
  if (!m_style.isThematic()) return std::nullopt;
  Legend legend;
  legend.layer = m_info.name;
  legend.field = m_style.field == "_height" ? std::string("height (m)") : m_style.field;
  for (std::size_t i = 0; i < m_style.classes.size(); ++i) {
    const auto& c = m_style.classes[i];
    legend.entries.push_back({c.label, toVec4(c.colour), m_classCounts[i]});
  }
  if (m_otherCount > 0) legend.entries.push_back({"other", toVec4(m_style.other), m_otherCount});
  return legend;
}

}  // namespace dothi::render::detail
