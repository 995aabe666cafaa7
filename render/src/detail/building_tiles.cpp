#include "detail/building_tiles.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <cmath>
#include <limits>
#include <thread>

#include <osg/Geode>
#include <osg/LOD>

#include "detail/building_mesh.hpp"
#include "detail/mesh_builder.hpp"

namespace dothi::render::detail {
namespace {

// Below this many buildings a tile is cheap at any distance: no proxies.
constexpr std::size_t kMinLodBuildings = 32;
constexpr int kFineCells = 8;
constexpr int kMediumCells = 4;
constexpr int kCoarseCells = 2;
// ~200 boxes per batch: near the eye the frustum culls most of a tile batch by batch.
constexpr std::size_t kBatchVertices = 4096;

std::uint32_t spread(std::uint32_t v) {  // 16 bits → every other bit of 32
  v &= 0xFFFF;
  v = (v | (v << 8)) & 0x00FF00FF;
  v = (v | (v << 4)) & 0x0F0F0F0F;
  v = (v | (v << 2)) & 0x33333333;
  v = (v | (v << 1)) & 0x55555555;
  return v;
}

// Morton order (8 m cells) keeps each 65k-vertex batch a compact patch: tighter bounds for
// culling and for the intersector that picks.
void sortSpatially(std::vector<BuildingRecord>& records) {
  if (records.size() < 2) return;
  double minX = std::numeric_limits<double>::infinity(), minY = minX;
  for (const auto& r : records) {
    minX = std::min(minX, r.rings.front().front().x());
    minY = std::min(minY, r.rings.front().front().y());
  }
  std::vector<std::pair<std::uint32_t, std::size_t>> keys(records.size());
  for (std::size_t i = 0; i < records.size(); ++i) {
    const auto& p = records[i].rings.front().front();
    const auto x = static_cast<std::uint32_t>((p.x() - minX) / 8.0), y = static_cast<std::uint32_t>((p.y() - minY) / 8.0);
    keys[i] = {spread(x) | (spread(y) << 1), i};
  }
  std::sort(keys.begin(), keys.end());
  std::vector<BuildingRecord> sorted;
  sorted.reserve(records.size());
  for (const auto& [key, i] : keys) sorted.push_back(std::move(records[i]));
  records = std::move(sorted);
}

osg::ref_ptr<osg::Group> groupOf(MeshBuilder& mesh, std::size_t* triangles = nullptr) {
  osg::ref_ptr<osg::Group> group = new osg::Group;
  for (auto& geometry : mesh.finish()) {
    if (triangles != nullptr) *triangles += geometry->getPrimitiveSet(0)->getNumIndices() / 3;
    group->addChild(geometry.get());
  }
  return group;
}

osg::ref_ptr<osg::Group> blocks(const std::vector<BuildingRecord>& records, double cellSize) {
  double minX = std::numeric_limits<double>::infinity(), minY = minX;
  for (const auto& r : records)
    for (const auto& p : r.rings.front()) minX = std::min(minX, p.x()), minY = std::min(minY, p.y());
  MeshBuilder mesh(Primitive::Triangles, {}, true);  // not pickable: picking uses the full model
  addBlockBoxes(mesh, records, cellSize, osg::Vec2d(minX, minY));
  return groupOf(mesh);
}

BuiltTile buildNaive(const std::vector<BuildingRecord>& records, const TileSettings& s) {
  BuiltTile tile;
  osg::ref_ptr<osg::Group> group = new osg::Group;
  Tessellator tess;
  for (const auto& b : records) {
    MeshBuilder solid(Primitive::Triangles, s.layer, true);
    solid.beginFeature(b.id, buildingVertexEstimate(b));
    addBuilding(solid, tess, b, s.slope, tile.roofs);
    osg::ref_ptr<osg::Geode> geode = new osg::Geode;
    for (auto& g : solid.finish()) {
      tile.triangles += g->getPrimitiveSet(0)->getNumIndices() / 3;
      geode->addDrawable(g.get());
    }
    group->addChild(geode.get());
  }
  tile.node = group;
  return tile;
}

BuiltTile buildTile(std::vector<BuildingRecord>& records, const TileSettings& s) {
  if (records.empty()) return {};
  if (s.naive) return buildNaive(records, s);
  sortSpatially(records);
  BuiltTile tile;
  for (const auto& [key, cell] : summariseBlocks(records, 1e12, osg::Vec2d(-5e11, -5e11))) tile.summary.add(cell);
  Tessellator tess;
  MeshBuilder solid(Primitive::Triangles, s.layer, true, kBatchVertices);
  MeshBuilder outline(Primitive::Lines, s.layer, false, kBatchVertices);
  for (const auto& b : records) {
    solid.beginFeature(b.id, buildingVertexEstimate(b));
    const float eaves = addBuilding(solid, tess, b, s.slope, tile.roofs);
    outline.beginFeature(b.id, buildingVertexEstimate(b));
    addBuildingOutline(outline, b, eaves);
  }
  osg::ref_ptr<osg::Group> model = groupOf(solid, &tile.triangles);
  osg::ref_ptr<osg::Group> outlines = groupOf(outline);
  tile.outlineGroups.push_back(outlines);
  osg::ref_ptr<osg::Group> full = new osg::Group;
  full->addChild(model.get());
  full->addChild(outlines.get());
  if (!s.lod || records.size() < kMinLodBuildings) {
    tile.node = full;
    return tile;
  }
  osg::ref_ptr<osg::LOD> lod = new osg::LOD;
  lod->setRangeMode(osg::LOD::PIXEL_SIZE_ON_SCREEN);
  constexpr float kBeyond = std::numeric_limits<float>::max();
  // The thresholds are set for a tile of kTileBuildings; a denser tile shows its buildings
  // smaller at the same size on screen, so it keeps detail longer (by the spacing ratio).
  const float k = std::sqrt(static_cast<float>(records.size()) / kTileBuildings);
  lod->addChild(blocks(records, s.tileSize / kCoarseCells).get(), 0.0f, kBlockPixels * k);
  lod->addChild(blocks(records, s.tileSize / kMediumCells).get(), kBlockPixels * k, kFineBlockPixels * k);
  lod->addChild(blocks(records, s.tileSize / kFineCells).get(), kFineBlockPixels * k, kModelPixels * k);
  lod->addChild(model.get(), kModelPixels * k, kOutlinePixels * k);
  lod->addChild(full.get(), kOutlinePixels * k, kBeyond);
  tile.node = lod;
  return tile;
}

}  // namespace

std::vector<BuiltTile> buildBuildingTiles(std::vector<std::vector<BuildingRecord>>& tiles, const TileSettings& settings,
                                          int threads) {
  std::vector<BuiltTile> out(tiles.size());
  const unsigned hardware = std::max(1u, std::thread::hardware_concurrency());
  const unsigned workers = std::min<unsigned>(threads > 0 ? static_cast<unsigned>(threads) : hardware,
                                              static_cast<unsigned>(std::max<std::size_t>(1, tiles.size())));
  std::atomic<std::size_t> next{0};
  std::mutex failedMutex;
  std::exception_ptr failed;  // the first exception of any worker, rethrown on this thread
  auto work = [&] {
    try {
      for (std::size_t i = next++; i < tiles.size(); i = next++) {
        out[i] = buildTile(tiles[i], settings);
        std::vector<BuildingRecord>().swap(tiles[i]);  // free the records as soon as they are meshed
      }
    } catch (...) {
      std::lock_guard lock(failedMutex);
      if (!failed) failed = std::current_exception();
      next = tiles.size();
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < workers; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  if (failed) std::rethrow_exception(failed);
  return out;
}

}  // namespace dothi::render::detail
