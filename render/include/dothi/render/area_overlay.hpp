#pragma once
/// Coloured areas drawn over a scene (the cadastre diff's changes, say): each polygon filled
/// translucently with a solid outline, draped a little above the ground and never hidden by the
/// city (drawn after it, depth test off). Not pickable. Update thread (builds OSG nodes).
#include <vector>

#include <osg/Node>
#include <osg/Vec4>
#include <osg/ref_ptr>

#include "dothi/geo/geometry.hpp"
#include "dothi/render/city_scene.hpp"

namespace dothi::render {

struct OverlayArea {
  geo::Geometry geometry;  ///< project CRS metres (polygons; lines and points are drawn too)
  osg::Vec4 colour;        ///< outline colour; the fill uses it at `fillAlpha`
};

/// Null when there is nothing to draw. `lineWidth` in pixels.
osg::ref_ptr<osg::Node> buildAreaOverlay(const CityScene& scene, const std::vector<OverlayArea>& areas,
                                         float fillAlpha = 0.45f, float lineWidth = 3.0f);

}  // namespace dothi::render
