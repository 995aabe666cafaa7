#pragma once
/// Tiles of buildings meshed on worker threads, each tile a level-of-detail node:
///   near   — full model (walls, roofs) merged into a few batches, with roof outlines;
///   middle — the same batches without outlines;
///   far    — one area-preserving box per block cell (16 x 16 cells per tile);
///   farther— one box per quarter-tile cell (4 x 4).
/// Levels switch on the tile's size on screen (pixels), so the choice follows the view and
/// the window alike. Intersections (picking) always traverse the full model.
#include <cstdint>
#include <string>
#include <vector>

#include <osg/Group>
#include <osg/Node>

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
};

/// Pixel sizes (tile bounding-sphere diameter on screen) where the levels switch.
inline constexpr float kOutlinePixels = 1400.0f;
inline constexpr float kModelPixels = 220.0f;
inline constexpr float kBlockPixels = 60.0f;

/// Meshes every tile (its records are consumed) on up to `threads` threads (0 = hardware).
/// Tiles come back in the input order; empty tiles give a null node.
std::vector<BuiltTile> buildBuildingTiles(std::vector<std::vector<BuildingRecord>>& tiles, const TileSettings& settings,
                                          int threads);

}  // namespace dothi::render::detail
