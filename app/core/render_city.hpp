#pragma once
/// Use case: render a project's 3D city to a PNG (the CLI's `render`, the README's run command).
#include <string>

#include "dothi/geo/error.hpp"
#include "dothi/geo/project.hpp"
#include "dothi/render/snapshot.hpp"

namespace dothi::app {

struct RenderCityOptions {
  render::SnapshotOptions snapshot;
  geo::HeightRule heights;
  std::string defaultRoof;  ///< roof of buildings without roof data ("" = styles/project decide)
};

/// Builds the scene and writes the PNG. Needs an X display (Xvfb is fine).
geo::Result<void> renderCity(const geo::Project& project, const RenderCityOptions& options, const std::string& pngPath);

}  // namespace dothi::app
