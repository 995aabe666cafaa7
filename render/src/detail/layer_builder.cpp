#include "detail/layer_builder.hpp"

#include <algorithm>
#include <cmath>

#include <osg/BlendFunc>
#include <osg/Depth>
#include <osg/LineWidth>
#include <osg/Point>

#include "detail/shapes.hpp"
#include "dothi/render/city_scene.hpp"

namespace dothi::render::detail {
namespace {

// About 8 x 8 tiles over the data and never below 250 m: enough for view-frustum culling of a
// city, few enough that each tile still merges hundreds of features into one draw call.
constexpr int kTilesAcross = 8;
constexpr double kMinTileSize = 250.0;

bool isGroundKind(geo::LayerKind kind) { return kind != geo::LayerKind::Buildings; }

osg::ref_ptr<osg::StateSet> groundState(int bin, bool blend) {
  osg::ref_ptr<osg::StateSet> state = new osg::StateSet;
  state->setMode(GL_LIGHTING, osg::StateAttribute::OFF);
  // Painted in bin order without depth writes: coplanar layers never z-fight, and buildings,
  // drawn later with depth, still hide what is behind them.
  state->setAttributeAndModes(new osg::Depth(osg::Depth::LESS, 0, 1, false));
  state->setRenderBinDetails(bin, "RenderBin");
  if (blend) {
    state->setAttributeAndModes(new osg::BlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA));
  }
  return state;
}

}  // namespace

LayerBuilder::LayerBuilder(const geo::LayerInfo& info, const geo::HeightRule& heights,
                           const osg::Vec3d& origin, const geo::Extent& extent)
    : m_info(info),
      m_origin(origin),
      m_heights(info.fields, heights),
      m_slot(groundSlot(info.kind)),
      m_categoryFields(categoryFields(info.fields, info.kind)),
      m_tunnelField(geo::fieldIndex(info.fields, "tunnel")) {
  if (!extent.isEmpty()) {
    m_tileOriginX = extent.minX;
    m_tileOriginY = extent.minY;
    m_tileSize = std::max(kMinTileSize, std::max(extent.width(), extent.height()) / kTilesAcross);
    m_tilesPerRow = static_cast<int>(std::ceil(extent.width() / m_tileSize)) + 1;
  }
  makeStates();
}

void LayerBuilder::makeStates() {
  const osg::Vec4 colour = kindColour(m_info.kind);
  m_fillState = groundState(m_slot.bin, true);
  m_lineState = groundState(m_slot.bin + 1, true);
  const bool lineLayer = geo::dimensionOf(m_info.geometryType) == 1;
  m_lineState->setAttributeAndModes(new osg::LineWidth(lineLayer ? 2.0f : 1.5f));
  m_pointState = groundState(m_slot.bin + 2, colour.a() < 1);
  m_pointState->setAttributeAndModes(new osg::Point(7.0f));
  // Roof outlines: a depth range pulled slightly towards the eye lets the lines win over the
  // roof they lie on, without showing through the buildings in front.
  m_edgeState = new osg::StateSet;
  m_edgeState->setMode(GL_LIGHTING, osg::StateAttribute::OFF);
  m_edgeState->setAttributeAndModes(new osg::Depth(osg::Depth::LEQUAL, 0.0, 0.99995, true));
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

bool LayerBuilder::inTunnel(const geo::Feature& feature) const {
  return m_tunnelField && *m_tunnelField < feature.attributes.size() &&
         isTunnel(geo::valueToString(feature.attributes[*m_tunnelField]));
}

void LayerBuilder::add(const geo::Feature& feature) {
  if (feature.geometry.isEmpty()) return;
  Tile& tile = tileOf(feature);
  for (const auto& polygon : feature.geometry.polygons) addPolygon(tile, feature, polygon);
  for (const auto& line : feature.geometry.lines) addLine(tile, feature, line);
  for (const auto& point : feature.geometry.points) addPoint(tile, feature, point);
}

void LayerBuilder::addPolygon(Tile& tile, const geo::Feature& feature, const geo::Polygon& polygon) {
  const Rings rings = localRings(polygon, m_origin);
  if (rings.empty()) return;
  if (!isGroundKind(m_info.kind)) {
    const geo::BuildingHeight h = m_heights.of(feature);
    const float z0 = static_cast<float>(std::max(0.0, h.minHeight));
    const float z1 = std::max(z0 + 0.5f, static_cast<float>(h.height));
    MeshBuilder& solid = mesh(tile.solid, Primitive::Triangles, true);
    solid.beginFeature(feature.id, extrusionVertexCount(rings));
    addExtrusion(solid, m_tess, rings, z0, z1, {facadeColour(feature.id), roofColour(feature.id)});
    MeshBuilder& edges = mesh(tile.lines, Primitive::Lines, false);
    edges.beginFeature(feature.id, extrusionVertexCount(rings));
    addOutline(edges, rings, z1, roofEdgeColour(feature.id));
    return;
  }
  const osg::Vec4 colour = kindColour(m_info.kind, category(feature));
  MeshBuilder& fill = mesh(tile.fill, Primitive::Triangles, false);
  fill.beginFeature(feature.id, extrusionVertexCount(rings));
  addFill(fill, m_tess, rings, m_slot.z, colour);
  // Land use reads as patches of colour; parcels and zones need their boundaries.
  const float edge = m_info.kind == geo::LayerKind::Landuse ? 0.85f : 0.6f;
  const osg::Vec4 outline(colour.r() * edge, colour.g() * edge, colour.b() * edge, 1);
  MeshBuilder& lines = mesh(tile.lines, Primitive::Lines, false);
  lines.beginFeature(feature.id, extrusionVertexCount(rings));
  addOutline(lines, rings, m_slot.z + 0.01f, outline);
}

void LayerBuilder::addLine(Tile& tile, const geo::Feature& feature, const geo::LineString& line) {
  const auto path = localPath(line.points, m_origin);
  if (path.size() < 2) return;
  osg::Vec4 colour = kindColour(m_info.kind, category(feature));
  if (inTunnel(feature)) colour.a() = 0.25f;  // underground: a hint, not a road on the surface
  const float width = m_info.kind == geo::LayerKind::Roads ? roadWidth(category(feature)) : 0.0f;
  if (width > 0) {
    MeshBuilder& fill = mesh(tile.fill, Primitive::Triangles, false);
    fill.beginFeature(feature.id, path.size() * 2);
    addRibbon(fill, path, width, m_slot.z, colour);
    return;
  }
  MeshBuilder& lines = mesh(tile.lines, Primitive::Lines, false);
  lines.beginFeature(feature.id, path.size());
  const osg::Vec4 thin = m_info.kind == geo::LayerKind::Roads ? osg::Vec4(0.62f, 0.58f, 0.55f, colour.a()) : colour;
  addPolyline(lines, path, m_slot.z + 0.02f, thin);
}

void LayerBuilder::addPoint(Tile& tile, const geo::Feature& feature, const geo::Point& point) {
  MeshBuilder& points = mesh(tile.points, Primitive::Points, false);
  points.beginFeature(feature.id, 1);
  const osg::Vec3f v(static_cast<float>(point.x - m_origin.x()), static_cast<float>(point.y - m_origin.y()),
                     m_slot.z + 0.5f);
  points.point(points.vertex(v, outlineOf(kindColour(m_info.kind, category(feature)))));
}

void LayerBuilder::applyStates(std::unique_ptr<MeshBuilder>& slot, osg::Group& group, osg::StateSet* state) {
  if (!slot) return;
  for (auto& geometry : slot->finish()) {
    if (state != nullptr) geometry->setStateSet(state);
    group.addChild(geometry.get());
  }
}

osg::ref_ptr<osg::Switch> LayerBuilder::finish() {
  osg::ref_ptr<osg::Switch> layerSwitch = new osg::Switch;
  layerSwitch->setName(m_info.name);
  osg::ref_ptr<osg::Group> content = new osg::Group;
  for (auto& [index, tile] : m_tiles) {
    osg::ref_ptr<osg::Group> group = new osg::Group;
    applyStates(tile.solid, *group, nullptr);  // buildings: lit and depth-tested, root state
    applyStates(tile.fill, *group, m_fillState.get());
    applyStates(tile.lines, *group, isGroundKind(m_info.kind) ? m_lineState.get() : m_edgeState.get());
    applyStates(tile.points, *group, m_pointState.get());
    if (group->getNumChildren() > 0) content->addChild(group.get());
  }
  m_tiles.clear();
  layerSwitch->addChild(content.get(), true);
  return layerSwitch;
}

}  // namespace dothi::render::detail
