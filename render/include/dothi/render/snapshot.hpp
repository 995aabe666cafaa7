#pragma once
/// Offscreen rendering of a city scene to a PNG (needs an X display; Xvfb works).
#include <optional>
#include <string>

#include <osg/Vec2d>

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
  double zoom = 1.0;   ///< > 1 moves the camera closer to what it looks at (same direction)
  std::optional<osg::Vec2d> lookAt = std::nullopt;  ///< project-CRS point to centre the view on (default: the data)
};

/// The preset camera of `options`, moved to `lookAt` and brought `zoom` times closer: eye,
/// centre, up in scene-local coordinates.
void snapshotCamera(const CityScene& scene, const SnapshotOptions& options, osg::Vec3d& eye, osg::Vec3d& centre,
                    osg::Vec3d& up);

/// Renders the scene once and writes a PNG. Error(Io) names the path when it cannot be written.
geo::Result<void> renderSnapshot(const CityScene& scene, const SnapshotOptions& options,
                                 const std::string& pngPath);

/// Places a camera to see the whole extent from the preset direction: eye, centre, up in
/// scene-local coordinates.
void presetCamera(const CityScene& scene, ViewPreset view, double aspect, osg::Vec3d& eye,
                  osg::Vec3d& centre, osg::Vec3d& up);

}  // namespace dothi::render
