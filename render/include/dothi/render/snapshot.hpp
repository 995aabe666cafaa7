#pragma once
/// Offscreen rendering of a city scene to a PNG (needs an X display; Xvfb works).
#include <string>

#include "dothi/geo/error.hpp"
#include "dothi/render/city_scene.hpp"

namespace dothi::render {

enum class ViewPreset { Top, Oblique };

/// Vertical field of view (degrees) that presetCamera frames for; viewers should use it too.
inline constexpr double kViewFovYDegrees = 30.0;

struct SnapshotOptions {
  int width = 1600;
  int height = 900;
  ViewPreset view = ViewPreset::Oblique;
  bool legend = true;  ///< draw the legend of thematic layers (bottom left)
};

/// Renders the scene once and writes a PNG. Error(Io) names the path when it cannot be written.
geo::Result<void> renderSnapshot(const CityScene& scene, const SnapshotOptions& options,
                                 const std::string& pngPath);

/// Places a camera to see the whole extent from the preset direction: eye, centre, up in
/// scene-local coordinates.
void presetCamera(const CityScene& scene, ViewPreset view, double aspect, osg::Vec3d& eye,
                  osg::Vec3d& centre, osg::Vec3d& up);

}  // namespace dothi::render
