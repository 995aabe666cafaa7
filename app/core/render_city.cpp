#include "core/render_city.hpp"

#include "dothi/render/city_scene.hpp"

namespace dothi::app {

geo::Result<void> renderCity(const geo::Project& project, const RenderCityOptions& options, const std::string& pngPath) {
  if (project.layers().empty()) return geo::fail(geo::ErrorCode::InvalidArgument, "the project has no layers to render", project.path());
  render::SceneOptions sceneOptions;
  sceneOptions.heights = options.heights;
  sceneOptions.defaultRoof = options.defaultRoof;
  auto scene = render::buildCityScene(project, sceneOptions);
  if (!scene) return std::unexpected(scene.error());
  return render::renderSnapshot(*scene, options.snapshot, pngPath);
}

}  // namespace dothi::app
