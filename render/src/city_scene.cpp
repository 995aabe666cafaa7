#include "dothi/render/city_scene.hpp"

#include <algorithm>
#include <cmath>
#include <exception>
#include <map>
#include <memory>

#include <osg/Depth>
#include <osg/Light>
#include <osg/LightModel>
#include <osg/LightSource>
#include <osg/Material>
#include <osgUtil/IntersectionVisitor>
#include <osgUtil/LineSegmentIntersector>

#include "detail/ground.hpp"
#include "detail/layer_builder.hpp"
#include "detail/mesh_builder.hpp"
#include "detail/style.hpp"

namespace dothi::render {
namespace {

// A high sun from the west-south-west: roofs brightest, the south walls an oblique view sees
// mid-tone, east and west walls clearly apart, which is what makes extruded blocks read as 3D. GL_LIGHT0 is left to (and
// switched off against) viewer headlights so every view of the scene is lit the same way.
void addSunlight(osg::Group& root) {
  osg::ref_ptr<osg::Light> sun = new osg::Light(1);
  osg::Vec3 direction(-0.50f, -0.25f, 0.83f);
  direction.normalize();
  sun->setPosition(osg::Vec4(direction, 0.0f));  // w = 0: directional
  sun->setAmbient(osg::Vec4(0.40f, 0.40f, 0.42f, 1));
  sun->setDiffuse(osg::Vec4(0.66f, 0.64f, 0.60f, 1));
  sun->setSpecular(osg::Vec4(0, 0, 0, 1));
  osg::ref_ptr<osg::LightSource> source = new osg::LightSource;
  source->setLight(sun.get());
  root.addChild(source.get());

  osg::StateSet* state = root.getOrCreateStateSet();
  source->setStateSetModes(*state, osg::StateAttribute::ON);
  state->setMode(GL_LIGHT0, osg::StateAttribute::OFF);
  state->setMode(GL_LIGHTING, osg::StateAttribute::ON);
  osg::ref_ptr<osg::LightModel> model = new osg::LightModel;
  model->setAmbientIntensity(osg::Vec4(0.12f, 0.12f, 0.12f, 1));
  model->setTwoSided(true);  // broken source rings can still leave a face turned inside out
  state->setAttributeAndModes(model.get());
  osg::ref_ptr<osg::Material> material = new osg::Material;
  material->setColorMode(osg::Material::AMBIENT_AND_DIFFUSE);  // vertex colours drive lighting
  material->setSpecular(osg::Material::FRONT_AND_BACK, osg::Vec4(0, 0, 0, 1));
  state->setAttributeAndModes(material.get());
}

// A neutral plane a little larger than the data, drawn first and without depth writes so every
// draped layer paints over it.
osg::ref_ptr<osg::Node> groundPlane(const geo::Extent& extent, const osg::Vec3d& origin) {
  const double margin = std::max(50.0, 0.08 * std::max(extent.width(), extent.height()));
  const float x0 = static_cast<float>(extent.minX - margin - origin.x());
  const float x1 = static_cast<float>(extent.maxX + margin - origin.x());
  const float y0 = static_cast<float>(extent.minY - margin - origin.y());
  const float y1 = static_cast<float>(extent.maxY + margin - origin.y());
  detail::MeshBuilder mesh(detail::Primitive::Triangles, {}, false);
  mesh.beginFeature(0, 4);
  const osg::Vec4 colour(0.76f, 0.77f, 0.73f, 1);
  const auto a = mesh.vertex({x0, y0, 0}, colour), b = mesh.vertex({x1, y0, 0}, colour);
  const auto c = mesh.vertex({x1, y1, 0}, colour), d = mesh.vertex({x0, y1, 0}, colour);
  mesh.triangle(a, b, c);
  mesh.triangle(a, c, d);
  osg::ref_ptr<osg::Geometry> geometry = mesh.finish().front();
  osg::StateSet* state = geometry->getOrCreateStateSet();
  state->setMode(GL_LIGHTING, osg::StateAttribute::OFF);
  state->setAttributeAndModes(new osg::Depth(osg::Depth::LESS, 0, 1, false));
  state->setRenderBinDetails(detail::kGroundPlaneBin, "RenderBin");
  geometry->setName("ground");
  return geometry;
}

/// The terrain around the data: its extent plus a margin (the whole grid when there is no
/// layer), so hills frame the city without drawing a whole region nobody looks at.
geo::Extent terrainRegion(const geo::Extent& data) {
  if (data.isEmpty()) return {};
  const double margin = std::max(400.0, 0.25 * std::max(data.width(), data.height()));
  return {data.minX - margin, data.minY - margin, data.maxX + margin, data.maxY + margin};
}

struct BuiltLayer {
  osg::ref_ptr<osg::Switch> node;
  std::optional<Legend> legend;
};

geo::Result<BuiltLayer> buildLayer(const SceneSource& source, const geo::LayerInfo& info, const SceneOptions& options,
                                   const detail::GroundModel& ground, const osg::ref_ptr<detail::LabelSpace>& labels,
                                   CityScene& scene) {
  auto style = geo::parseLayerStyle(info.style);
  if (!style) {
    geo::Error error = style.error();
    error.withLayer(info.name);
    return std::unexpected(std::move(error));
  }
  const auto roofs = detail::roofRulesFor(options, *style, source.metadata("default_roof"));
  detail::LayerBuilder builder(info, *style, options, roofs, ground, scene.origin, scene.extent, labels);
  auto visited = source.forEachFeature(info.name, [&](const geo::Feature& feature) {
    builder.add(feature);
    return true;
  });
  if (!visited) {
    geo::Error error = visited.error();
    error.withLayer(info.name);
    return std::unexpected(std::move(error));
  }
  BuiltLayer out;
  out.node = builder.finish(scene.stats);
  out.legend = builder.legend();
  return out;
}

}  // namespace

void CityScene::setLayerVisible(const std::string& layer, bool visible) {
  auto it = layerNodes.find(layer);
  if (it == layerNodes.end() || !it->second) return;
  if (visible) it->second->setAllChildrenOn();
  else it->second->setAllChildrenOff();
}

double CityScene::groundHeight(double localX, double localY) const {
  return detail::GroundModel(terrain, origin).at(osg::Vec2d(localX, localY));
}

geo::Result<CityScene> buildCityScene(const geo::Project& project, const SceneOptions& options) {
  return buildCityScene(ProjectSource(project, options.scenario), options);
}

geo::Result<CityScene> buildCityScene(const SceneSource& source, const SceneOptions& options) {
  try {
    CityScene scene;
    scene.options = options;
    const auto layers = source.layers();
    for (const auto& l : layers) scene.extent.include(l.extent);
    auto terrain = source.terrain();
    if (!terrain) return std::unexpected(terrain.error());
    scene.terrain = detail::fillVoids(*terrain);
    if (scene.extent.isEmpty() && scene.terrain) scene.extent = scene.terrain->extent();
    if (!scene.extent.isEmpty()) {
      const geo::Point centre = scene.extent.center();
      scene.origin.set(centre.x, centre.y, 0);
    }
    const detail::GroundModel ground(scene.terrain, scene.origin);
    scene.root = new osg::Group;
    scene.root->setName("dothi-city");
    addSunlight(*scene.root);
    if (scene.terrain) {
      geo::Extent data;
      for (const auto& l : layers) data.include(l.extent);
      if (auto node = detail::buildTerrainNode(*scene.terrain, terrainRegion(data), scene.origin)) scene.root->addChild(node.get());
    } else if (!scene.extent.isEmpty()) {
      scene.root->addChild(groundPlane(scene.extent, scene.origin));
    }
    const osg::ref_ptr<detail::LabelSpace> labels = new detail::LabelSpace;
    for (const geo::LayerInfo& info : layers) {
      auto built = buildLayer(source, info, options, ground, labels, scene);
      if (!built) return std::unexpected(built.error());
      scene.root->addChild(built->node.get());
      scene.layerNodes[info.name] = built->node;
      scene.layerColours[info.name] = kindColour(info.kind);
      if (built->legend) {
        scene.legends.push_back(*built->legend);
        // The layer tree shows one swatch per layer: the largest class says most.
        const auto& entries = built->legend->entries;
        auto largest = std::max_element(entries.begin(), entries.end(),
                                        [](const auto& a, const auto& b) { return a.count < b.count; });
        if (largest != entries.end()) scene.layerColours[info.name] = largest->colour;
      }
    }
    for (const std::string& hidden : options.hiddenLayers) scene.setLayerVisible(hidden, false);
    return scene;
  } catch (const std::exception& e) {
    // OSG and the standard library may throw (bad_alloc on huge layers); nothing crosses our edge.
    return geo::fail(geo::ErrorCode::Internal, std::string("building the 3D scene failed: ") + e.what());
  }
}

std::optional<PickResult> pickFeature(const CityScene& scene, const osg::Drawable* drawable,
                                      unsigned primitiveIndex, const osg::Vec3d& localPoint) {
  if (drawable == nullptr) return std::nullopt;
  const auto* table = dynamic_cast<const detail::FeatureTable*>(drawable->getUserData());
  if (table == nullptr) return std::nullopt;  // ground, highlight or a foreign drawable
  const auto id = table->find(primitiveIndex);
  if (!id) return std::nullopt;
  return PickResult{table->layer(), *id, localPoint + scene.origin};
}

}  // namespace dothi::render

namespace dothi::render {

std::optional<PickResult> pick(const CityScene& scene, const osg::Vec3d& localStart, const osg::Vec3d& localEnd) {
  if (!scene.root) return std::nullopt;
  osg::ref_ptr<osgUtil::LineSegmentIntersector> ray = new osgUtil::LineSegmentIntersector(localStart, localEnd);
  // The intersector takes each LOD's most detailed child (the full model), never the proxies.
  osgUtil::IntersectionVisitor visitor(ray.get());
  visitor.setLODSelectionMode(osgUtil::IntersectionVisitor::USE_HIGHEST_LEVEL_OF_DETAIL);
  scene.root->accept(visitor);
  for (const auto& hit : ray->getIntersections()) {  // sorted by distance
    if (auto picked = pickFeature(scene, hit.drawable.get(), hit.primitiveIndex, hit.getLocalIntersectPoint()))
      return picked;
    if (hit.drawable->getName() == "terrain") return std::nullopt;  // the hills hide what lies behind
  }
  return std::nullopt;
}

}  // namespace dothi::render
