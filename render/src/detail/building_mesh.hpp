#pragma once
/// Meshes of buildings: the full model (walls, pitched or flat roof, floor of raised parts), its
/// outline, and the area-preserving block boxes that stand in for many buildings far away.
#include <map>
#include <utility>
#include <vector>

#include <osg/Vec2d>
#include <osg/Vec4>

#include "detail/building_records.hpp"
#include "detail/mesh_builder.hpp"
#include "detail/tessellator.hpp"

namespace dothi::render::detail {

/// Vertices addBuilding may add for this record (batch sizing).
std::size_t buildingVertexEstimate(const BuildingRecord& b);

/// Adds the building to `solid` (lit triangles) and returns the eaves height, where the roof
/// outline belongs. A pitched roof that CGAL cannot build is drawn flat and counted in
/// `counts.fallbacks`. `colour`, when given, replaces every colour (highlights).
float addBuilding(MeshBuilder& solid, Tessellator& tess, const BuildingRecord& b, double slope, RoofCounts& counts,
                  const osg::Vec4* colour = nullptr);

/// The footprint's outline at the eaves (GL lines), so neighbouring blocks read apart.
void addBuildingOutline(MeshBuilder& lines, const BuildingRecord& b, float eaves);

/// Buildings aggregated for a block box: sums weighted by footprint area (divide by `area`).
struct BlockSummary {
  double area = 0, cx = 0, cy = 0, top = 0;  ///< area, and centroid x, y and top times area
  float bottom = 1e30f;
  osg::Vec4 colour;                          ///< roof colour times area
  osg::Vec4 wall;                            ///< wall colour times area
  void add(const BlockSummary& other);
};

/// The buildings of each occupied cell of a `cellSize` grid anchored at `gridOrigin`.
std::map<std::pair<long, long>, BlockSummary> summariseBlocks(const std::vector<BuildingRecord>& records,
                                                              double cellSize, const osg::Vec2d& gridOrigin);
/// One box for a summary (see addBlockBoxes).
void addBlockBox(MeshBuilder& mesh, const BlockSummary& cell);

/// One box per occupied cell of a `cellSize` grid anchored at `gridOrigin`: centred on the
/// area-weighted centre of the buildings whose centre falls in the cell, as large as their
/// footprints together, as high as their area-weighted height, coloured like their roofs. A
/// city block far away keeps its mass and colour at 10 triangles.
void addBlockBoxes(MeshBuilder& mesh, const std::vector<BuildingRecord>& records, double cellSize,
                   const osg::Vec2d& gridOrigin);

}  // namespace dothi::render::detail
