#pragma once
/// The legend of a scene's thematic layers, drawn over the view (snapshots, the desktop app).
#include <osg/Camera>

#include "dothi/render/city_scene.hpp"

namespace dothi::render {

/// A screen-space overlay (a nested camera in pixels, bottom-left origin) listing each legend of
/// the scene: a title "layer — field", then a colour swatch and label per class. Null when the
/// scene has no thematic layer. Rebuild it when the viewport size changes.
osg::ref_ptr<osg::Camera> buildLegendOverlay(const CityScene& scene, int width, int height);

}  // namespace dothi::render
