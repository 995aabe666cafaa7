#include "dothi/render/area_overlay.hpp"

#include <osg/BlendFunc>
#include <osg/Group>
#include <osg/LineWidth>
#include <osg/Point>

#include "detail/ground.hpp"
#include "detail/mesh_builder.hpp"
#include "detail/shapes.hpp"
#include "detail/style.hpp"

namespace dothi::render {
namespace {

using detail::MeshBuilder;
using detail::Primitive;

/// Above the scene and the selection highlight, so a change stays visible under a selection.
osg::ref_ptr<osg::Group> pass(MeshBuilder& mesh, int binOffset) {
  osg::ref_ptr<osg::Group> group = new osg::Group;
  osg::StateSet* state = group->getOrCreateStateSet();
  state->setRenderBinDetails(detail::kHighlightBin + 10 + binOffset, "RenderBin");
  // Destination alpha stays as it was (see labels.cpp): composited windows show no holes.
  state->setAttributeAndModes(new osg::BlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ZERO, GL_ONE));
  state->setMode(GL_LIGHTING, osg::StateAttribute::OFF);
  state->setMode(GL_DEPTH_TEST, osg::StateAttribute::OFF);
  state->setMode(GL_CULL_FACE, osg::StateAttribute::OFF);
  for (auto& geometry : mesh.finish()) group->addChild(geometry.get());
  return group;
}

}  // namespace

osg::ref_ptr<osg::Node> buildAreaOverlay(const CityScene& scene, const std::vector<OverlayArea>& areas,
                                         float fillAlpha, float lineWidth) {
  MeshBuilder fill{Primitive::Triangles, {}, false};
  MeshBuilder edges{Primitive::Lines, {}, false};
  MeshBuilder points{Primitive::Points, {}, false};
  detail::Tessellator tess;
  const detail::GroundModel ground(scene.terrain, scene.origin);
  const float z = ground.flat() ? 0.3f : 0.6f;
  std::int64_t id = 0;
  for (const auto& area : areas) {
    osg::Vec4 translucent = area.colour;
    translucent.a() = fillAlpha;
    for (const auto& polygon : area.geometry.polygons) {
      const auto rings = detail::localRings(polygon, scene.origin);
      if (rings.empty()) continue;
      fill.beginFeature(id, detail::extrusionVertexCount(rings));
      detail::addFill(fill, tess, rings, detail::Elevation(&ground, z), translucent);
      edges.beginFeature(id, detail::extrusionVertexCount(rings));
      detail::addOutline(edges, rings, detail::Elevation(&ground, z + 0.02f), area.colour);
    }
    for (const auto& line : area.geometry.lines) {
      const auto path = detail::localPath(line.points, scene.origin);
      edges.beginFeature(id, path.size());
      detail::addPolyline(edges, path, detail::Elevation(&ground, z + 0.02f), area.colour);
    }
    for (const auto& p : area.geometry.points) {
      points.beginFeature(id, 1);
      const osg::Vec2d local(p.x - scene.origin.x(), p.y - scene.origin.y());
      points.point(points.vertex(osg::Vec3f(static_cast<float>(local.x()), static_cast<float>(local.y()),
                                            ground.at(local) + z + 0.5f),
                                 area.colour));
    }
    ++id;
  }
  if (fill.empty() && edges.empty() && points.empty()) return {};
  osg::ref_ptr<osg::Group> root = new osg::Group;
  root->setName("dothi-area-overlay");
  if (!fill.empty()) root->addChild(pass(fill, 0));
  if (!edges.empty()) {
    auto group = pass(edges, 1);
    group->getOrCreateStateSet()->setAttributeAndModes(new osg::LineWidth(lineWidth));
    root->addChild(group);
  }
  if (!points.empty()) {
    auto group = pass(points, 2);
    group->getOrCreateStateSet()->setAttributeAndModes(new osg::Point(9.0f));
    root->addChild(group);
  }
  return root;
}

}  // namespace dothi::render
