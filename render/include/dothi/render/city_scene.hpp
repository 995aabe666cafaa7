#pragma once
/// The 3D city: an OSG scene built from a project's layers. Coordinates in the scene are
/// project-CRS metres minus `origin` (a double-precision local origin) so float vertices stay
/// exact at city scale. Built on any thread as a detached subgraph; attach on the update thread.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <osg/Group>
#include <osg/Switch>
#include <osg/Vec3d>
#include <osg/Vec4>
#include <osg/ref_ptr>

#include "dothi/geo/building.hpp"
#include "dothi/geo/error.hpp"
#include "dothi/geo/project.hpp"

namespace dothi::render {

struct SceneOptions {
  geo::HeightRule heights;       ///< extrusion of buildings
  std::vector<std::string> hiddenLayers;  ///< layers built but switched off
};

/// Which feature a clicked point belongs to.
struct PickResult {
  std::string layer;
  std::int64_t featureId = 0;
  osg::Vec3d projectPoint;  ///< the hit in project CRS metres (origin added back)
};

struct CityScene {
  osg::ref_ptr<osg::Group> root;         ///< lights, ground layers, buildings; owned by OSG refs
  osg::Vec3d origin;                     ///< project-CRS position of scene (0,0,0)
  geo::Extent extent;                    ///< project extent (project CRS)
  std::map<std::string, osg::ref_ptr<osg::Switch>> layerNodes;  ///< per layer, for visibility
  std::map<std::string, osg::Vec4> layerColours;                ///< legend colour per layer

  /// Shows or hides one layer (update thread).
  void setLayerVisible(const std::string& layer, bool visible);
};

/// Default colour of a layer kind (and of a land-use/zoning category when given).
osg::Vec4 kindColour(geo::LayerKind kind, const std::string& category = {});

/// Background (clear) colour that views of the scene use, so snapshots and the viewer agree.
osg::Vec4 skyColour();

/// Builds the whole scene from the project. Never throws; errors name the layer.
geo::Result<CityScene> buildCityScene(const geo::Project& project, const SceneOptions& options = {});

/// Maps an intersection with the scene back to a feature. `drawable` and `primitiveIndex` come
/// from osgUtil::LineSegmentIntersector; returns nothing for the ground or the highlight.
std::optional<PickResult> pickFeature(const CityScene& scene, const osg::Drawable* drawable,
                                      unsigned primitiveIndex, const osg::Vec3d& localPoint);

/// Builds a bright outline/overlay for one feature (added to the scene by the caller).
osg::ref_ptr<osg::Node> buildHighlight(const CityScene& scene, const geo::Project& project,
                                       const std::string& layer, std::int64_t featureId,
                                       const SceneOptions& options = {});

}  // namespace dothi::render
