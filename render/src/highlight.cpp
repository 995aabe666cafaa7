// The selection overlay: bright, drawn after the city, never pickable (no FeatureTable).
#include <algorithm>

#include <osg/BlendFunc>
#include <osg/Depth>
#include <osg/LineWidth>
#include <osg/Point>
#include <osg/PolygonOffset>

#include "detail/building_mesh.hpp"
#include "detail/building_records.hpp"
#include "detail/ground.hpp"
#include "detail/layer_builder.hpp"
#include "detail/mesh_builder.hpp"
#include "detail/shapes.hpp"
#include "detail/style.hpp"
#include "dothi/render/city_scene.hpp"

namespace dothi::render {
namespace {

using detail::MeshBuilder;
using detail::Primitive;

const osg::Vec4 kFillColour(1.0f, 0.62f, 0.10f, 0.55f);
const osg::Vec4 kEdgeColour(1.0f, 0.92f, 0.15f, 1.0f);

struct Overlay {
  MeshBuilder shell{Primitive::Triangles, {}, true};    // lit translucent building shell
  MeshBuilder fill{Primitive::Triangles, {}, false};    // flat translucent fills and ribbons
  MeshBuilder edges{Primitive::Lines, {}, false};
  MeshBuilder points{Primitive::Points, {}, false};
};

osg::ref_ptr<osg::StateSet> overlayState(int binOffset) {
  osg::ref_ptr<osg::StateSet> state = new osg::StateSet;
  state->setRenderBinDetails(detail::kHighlightBin + binOffset, "RenderBin");
  state->setAttributeAndModes(new osg::BlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA));
  state->setMode(GL_LIGHTING, osg::StateAttribute::OFF);
  return state;
}

// Each pass shares the geometry but differs in depth handling: the shell is pulled towards the
// eye with polygon offset so it wins over the building it covers; edges are drawn once faintly
// through everything (so a hidden selection stays findable) and once strongly where visible.
void addPass(osg::Group& root, MeshBuilder& mesh, osg::StateSet* state) {
  if (mesh.empty()) return;
  osg::ref_ptr<osg::Group> group = new osg::Group;
  group->setStateSet(state);
  for (auto& geometry : mesh.finish()) group->addChild(geometry.get());
  root.addChild(group.get());
}

void addEdgePasses(osg::Group& root, MeshBuilder& edges, float width) {
  if (edges.empty()) return;
  auto geometries = edges.finish();
  auto hidden = overlayState(2);
  hidden->setMode(GL_DEPTH_TEST, osg::StateAttribute::OFF);
  hidden->setAttributeAndModes(new osg::LineWidth(std::max(1.5f, width / 2)));
  auto visible = overlayState(3);
  // A slightly compressed depth range lets edges win over the faces they lie on.
  visible->setAttributeAndModes(new osg::Depth(osg::Depth::LEQUAL, 0.0, 0.99995, false));
  visible->setAttributeAndModes(new osg::LineWidth(width));
  for (osg::StateSet* state : {hidden.get(), visible.get()}) {
    osg::ref_ptr<osg::Group> group = new osg::Group;
    group->setStateSet(state);
    for (auto& geometry : geometries) group->addChild(geometry.get());
    root.addChild(group.get());
  }
}

void addGeometry(Overlay& overlay, const geo::LayerInfo& info, const geo::Feature& feature, const CityScene& scene,
                 const SceneOptions& options, const std::string& projectRoof) {
  detail::Tessellator tess;
  const detail::GroundModel ground(scene.terrain, scene.origin);
  const float lift = ground.flat() ? 0.0f : 0.3f;
  const float z = detail::groundSlot(info.kind).z + 0.05f + lift;
  if (info.kind == geo::LayerKind::Buildings && !feature.geometry.polygons.empty()) {
    // The same records and roofs as the scene, so the shell fits the building it covers.
    const geo::LayerStyle style = geo::parseLayerStyle(info.style).value_or(geo::LayerStyle{});
    const detail::BuildingPreparer preparer(info, options.heights, style,
                                            detail::roofRulesFor(options, style, projectRoof), ground, scene.origin);
    std::vector<detail::BuildingRecord> records;
    detail::RoofCounts counts;
    preparer.prepare(feature, records, counts);
    for (const auto& b : records) {
      overlay.shell.beginFeature(feature.id, detail::buildingVertexEstimate(b));
      const float eaves = detail::addBuilding(overlay.shell, tess, b, preparer.slope(), counts, &kFillColour);
      overlay.edges.beginFeature(feature.id, detail::buildingVertexEstimate(b));
      detail::addExtrusionEdges(overlay.edges, b.rings, b.bottom, eaves, kEdgeColour);
    }
  } else {
    for (const auto& polygon : feature.geometry.polygons) {
      const auto rings = detail::localRings(polygon, scene.origin);
      if (rings.empty()) continue;
      overlay.fill.beginFeature(feature.id, detail::extrusionVertexCount(rings));
      detail::addFill(overlay.fill, tess, rings, detail::Elevation(&ground, z), osg::Vec4(1.0f, 0.85f, 0.2f, 0.4f));
      overlay.edges.beginFeature(feature.id, detail::extrusionVertexCount(rings));
      detail::addOutline(overlay.edges, rings, detail::Elevation(&ground, z + 0.02f), kEdgeColour);
    }
  }
  for (const auto& line : feature.geometry.lines) {
    const auto path = detail::localPath(line.points, scene.origin);
    overlay.edges.beginFeature(feature.id, path.size());
    detail::addPolyline(overlay.edges, path, detail::Elevation(&ground, z + 0.05f), kEdgeColour);
  }
  for (const auto& p : feature.geometry.points) {
    overlay.points.beginFeature(feature.id, 1);
    const osg::Vec2d local(p.x - scene.origin.x(), p.y - scene.origin.y());
    const osg::Vec3f v(static_cast<float>(local.x()), static_cast<float>(local.y()), ground.at(local) + z + 0.5f);
    overlay.points.point(overlay.points.vertex(v, kEdgeColour));
  }
}

}  // namespace

osg::ref_ptr<osg::Node> buildHighlight(const CityScene& scene, const geo::Project& project,
                                       const std::string& layer, std::int64_t featureId,
                                       const SceneOptions& options) {
  const auto info = project.layer(layer);
  if (!info) return {};
  std::optional<geo::Feature> found;
  geo::Query query;
  query.featureId = featureId;
  query.scenario = options.scenario;
  (void)project.forEachFeature(layer, query, [&](const geo::Feature& f) {
    found = f;
    return false;
  });
  if (!found) return {};
  Overlay overlay;
  addGeometry(overlay, *info, *found, scene, options, project.metadata("default_roof").value_or(""));

  osg::ref_ptr<osg::Group> root = new osg::Group;
  root->setName("dothi-highlight");
  auto shellState = overlayState(0);
  shellState->setMode(GL_LIGHTING, osg::StateAttribute::ON);
  shellState->setAttributeAndModes(new osg::PolygonOffset(-1.0f, -4.0f));
  shellState->setAttributeAndModes(new osg::Depth(osg::Depth::LEQUAL, 0, 1, false));
  addPass(*root, overlay.shell, shellState.get());
  auto fillState = overlayState(1);
  fillState->setMode(GL_DEPTH_TEST, osg::StateAttribute::OFF);
  addPass(*root, overlay.fill, fillState.get());
  const bool lineLayer = geo::dimensionOf(info->geometryType) == 1;
  addEdgePasses(*root, overlay.edges, lineLayer ? 6.0f : 4.0f);
  auto pointState = overlayState(4);
  pointState->setMode(GL_DEPTH_TEST, osg::StateAttribute::OFF);
  pointState->setAttributeAndModes(new osg::Point(14.0f));
  addPass(*root, overlay.points, pointState.get());
  return root;
}

}  // namespace dothi::render
