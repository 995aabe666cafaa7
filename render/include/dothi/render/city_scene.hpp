#pragma once
/// The 3D city: an OSG scene built from a project's layers. Coordinates in the scene are
/// project-CRS metres minus `origin` (a double-precision local origin) so float vertices stay
/// exact at city scale. Built on any thread as a detached subgraph; attach on the update thread.
#include <cstdint>
#include <map>
#include <memory>
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
#include "dothi/geo/terrain.hpp"
#include "dothi/render/scene_source.hpp"

namespace dothi::render {

struct SceneOptions {
  geo::HeightRule heights;                ///< extrusion of buildings
  std::vector<std::string> hiddenLayers;  ///< layers built but switched off
  /// Roof of buildings whose data names none: "" (the layer style's `roof`, else the project's
  /// `default_roof` metadata, else flat), "flat", "hipped", "gabled", "pyramidal" or "auto"
  /// (hipped for house-sized buildings).
  std::string defaultRoof;
  double roofPitchDegrees = 30;  ///< pitched roofs without roof:height
  bool lod = true;               ///< tile levels of detail (off: full model at every distance)
  /// Building layers up to this size keep the full model at every distance: a small city is
  /// cheap to draw whole, and block boxes would only coarsen its overview.
  std::int64_t lodMinBuildings = 10000;
  bool labels = true;            ///< labels of layers whose style names a label field
  int threads = 0;               ///< workers meshing building tiles; 0 = hardware threads
  /// One node per building, nothing merged, no LOD: only the benchmark's baseline wants this.
  bool naive = false;
  /// Read the project's layers as this scenario has them (copy on write); empty = base plan.
  std::string scenario;
};

/// Which feature a clicked point belongs to.
struct PickResult {
  std::string layer;
  std::int64_t featureId = 0;
  osg::Vec3d projectPoint;  ///< the hit in project CRS metres (origin added back)
};

/// One legend line of a thematic layer.
struct LegendEntry {
  std::string label;
  osg::Vec4 colour;
  std::int64_t count = 0;  ///< features of the class when the style was made
};

struct Legend {
  std::string layer;
  std::string field;                 ///< the classified field
  std::vector<LegendEntry> entries;  ///< classes in order, then "other" when it was used
};

/// What was built, for reports and benchmarks.
struct SceneStats {
  std::int64_t buildings = 0;        ///< building parts (one per polygon)
  std::int64_t pitchedRoofs = 0;
  std::int64_t roofFallbacks = 0;    ///< pitched roofs CGAL could not build, drawn flat
  std::int64_t unsupportedRoofs = 0; ///< roof shapes not drawn (skillion...), drawn flat
  std::int64_t buildingTiles = 0;
  std::int64_t triangles = 0;        ///< full-detail building triangles
  std::int64_t labels = 0;
};

struct CityScene {
  osg::ref_ptr<osg::Group> root;         ///< lights, ground layers, buildings; owned by OSG refs
  osg::Vec3d origin;                     ///< project-CRS position of scene (0,0,0)
  geo::Extent extent;                    ///< project extent (project CRS)
  std::map<std::string, osg::ref_ptr<osg::Switch>> layerNodes;  ///< per layer, for visibility
  std::map<std::string, osg::Vec4> layerColours;                ///< legend colour per layer
  std::vector<Legend> legends;           ///< thematic layers, in layer order
  /// The ground when the project has a DEM (its voids filled for drawing), else null: flat.
  std::shared_ptr<const geo::TerrainGrid> terrain;
  SceneOptions options;                  ///< what the scene was built with (highlights reuse it)
  SceneStats stats;

  /// Shows or hides one layer (update thread).
  void setLayerVisible(const std::string& layer, bool visible);
  /// Height of the ground (metres) under a scene-local point: the terrain's, or 0.
  [[nodiscard]] double groundHeight(double localX, double localY) const;
};

/// Default colour of a layer kind (and of a land-use/zoning category when given).
osg::Vec4 kindColour(geo::LayerKind kind, const std::string& category = {});

/// Background (clear) colour that views of the scene use, so snapshots and the viewer agree.
osg::Vec4 skyColour();

/// Builds the whole scene from the project (its layers, styles and terrain). Never throws;
/// errors name the layer.
geo::Result<CityScene> buildCityScene(const geo::Project& project, const SceneOptions& options = {});
/// The same from any source (features in memory for benchmarks and tests).
geo::Result<CityScene> buildCityScene(const SceneSource& source, const SceneOptions& options = {});

/// Maps an intersection with the scene back to a feature. `drawable` and `primitiveIndex` come
/// from osgUtil::LineSegmentIntersector; returns nothing for the ground or the highlight.
std::optional<PickResult> pickFeature(const CityScene& scene, const osg::Drawable* drawable,
                                      unsigned primitiveIndex, const osg::Vec3d& localPoint);

/// Intersects the segment (scene-local coordinates) with the full-detail model, whatever level
/// of detail is on screen, and returns the first feature hit. Exact: triangles, not boxes.
std::optional<PickResult> pick(const CityScene& scene, const osg::Vec3d& localStart, const osg::Vec3d& localEnd);

/// Builds a bright outline/overlay for one feature (added to the scene by the caller).
osg::ref_ptr<osg::Node> buildHighlight(const CityScene& scene, const geo::Project& project,
                                       const std::string& layer, std::int64_t featureId,
                                       const SceneOptions& options = {});

}  // namespace dothi::render
