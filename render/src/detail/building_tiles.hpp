#pragma once
/// Tiles of buildings meshed on worker threads, each tile a level-of-detail node:
///   near    — full model (walls, roofs) merged into batches of ~200 buildings, with outlines;
///   middle  — the same batches without outlines;
///   far     — one area-preserving box per block cell (8 x 8, then 4 x 4 cells per tile);
///   farthest— one box per half-tile cell (2 x 2).
/// Levels switch on the tile's size on screen (pixels), so the choice follows the view and
/// the window alike. Intersections (picking) always traverse the full model.
#include <cstdint>
#include <string>
#include <vector>

#include <osg/Group>
#include <osg/Node>

#include "detail/building_mesh.hpp"
#include "detail/building_records.hpp"

namespace dothi::render::detail {

struct TileSettings {
  std::string layer;    ///< feature tables name this layer
  double slope = 0.58;  ///< roof pitch (tan)
  double tileSize = 500;  ///< metres, for the block cells
  bool lod = true;      ///< false: full model at every distance
  bool naive = false;   ///< one Geode per building, nothing merged (the benchmark's baseline)
};

struct BuiltTile {
  osg::ref_ptr<osg::Node> node;
  /// Groups of roof outlines: the caller gives them their state set on its own thread (state
  /// sets keep parent lists, which worker threads must not touch concurrently).
  std::vector<osg::ref_ptr<osg::Group>> outlineGroups;
  RoofCounts roofs;
  std::size_t triangles = 0;  ///< full-detail triangles
  BlockSummary summary;       ///< the whole tile as one block (for groups of tiles far away)
};

/// Groups of this many tiles across share one proxy (a box per tile) when the group is small
/// on screen: a million-building overview then draws ~130 drawables, not ~2,000.
inline constexpr int kTilesPerGroup = 4;
inline constexpr float kGroupPixels = 350.0f;

/// Buildings a tile holds at the layer's mean density (see layer_builder.cpp).
inline constexpr float kTileBuildings = 500.0f;
/// Pixel sizes (tile bounding-sphere diameter on screen) where the levels switch, for a tile of
/// kTileBuildings (scaled by sqrt(buildings / kTileBuildings) for others). A software
/// rasteriser (llvmpipe) sets up ~2-4 M triangles a second: a frame's budget is ~50-100 k, so
/// the full model only appears when a tile is large on screen.
inline constexpr float kOutlinePixels = 1800.0f;
inline constexpr float kModelPixels = 800.0f;
inline constexpr float kFineBlockPixels = 240.0f;
inline constexpr float kBlockPixels = 60.0f;

/// Meshes every tile (its records are consumed) on up to `threads` threads (0 = hardware).
/// Tiles come back in the input order; empty tiles give a null node.
std::vector<BuiltTile> buildBuildingTiles(std::vector<std::vector<BuildingRecord>>& tiles, const TileSettings& settings,
                                          int threads);

}  // namespace dothi::render::detail
