#include "detail/ground.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <osg/Geometry>
#include <osg/Group>
#include <osg/LOD>

#include "detail/style.hpp"

namespace dothi::render::detail {

std::shared_ptr<const geo::TerrainGrid> fillVoids(std::shared_ptr<const geo::TerrainGrid> grid) {
  if (!grid || grid->empty()) return grid;
  const auto& h = grid->heights;
  if (std::none_of(h.begin(), h.end(), [](float v) { return std::isnan(v); })) return grid;
  auto filled = std::make_shared<geo::TerrainGrid>(*grid);
  auto& out = filled->heights;
  const int w = grid->columns, rows = grid->rows;
  std::vector<std::size_t> frontier;
  for (std::size_t i = 0; i < out.size(); ++i)
    if (!std::isnan(out[i])) frontier.push_back(i);
  if (frontier.empty()) {
    std::fill(out.begin(), out.end(), 0.0f);
    return filled;
  }
  // Rings of cells around the known ones, each the mean of its already known neighbours.
  while (!frontier.empty()) {
    std::vector<std::size_t> next;
    std::vector<std::pair<std::size_t, float>> values;
    for (std::size_t i : frontier) {
      const int c = static_cast<int>(i % w), r = static_cast<int>(i / w);
      for (int dr = -1; dr <= 1; ++dr)
        for (int dc = -1; dc <= 1; ++dc) {
          const int nc = c + dc, nr = r + dr;
          if (nc < 0 || nr < 0 || nc >= w || nr >= rows) continue;
          const std::size_t j = static_cast<std::size_t>(nr) * w + nc;
          if (std::isnan(out[j])) next.push_back(j);
        }
    }
    std::sort(next.begin(), next.end());
    next.erase(std::unique(next.begin(), next.end()), next.end());
    for (std::size_t j : next) {
      const int c = static_cast<int>(j % w), r = static_cast<int>(j / w);
      double sum = 0;
      int n = 0;
      for (int dr = -1; dr <= 1; ++dr)
        for (int dc = -1; dc <= 1; ++dc) {
          const int nc = c + dc, nr = r + dr;
          if (nc < 0 || nr < 0 || nc >= w || nr >= rows) continue;
          const float v = out[static_cast<std::size_t>(nr) * w + nc];
          if (!std::isnan(v)) sum += v, ++n;
        }
      values.emplace_back(j, static_cast<float>(sum / n));
    }
    for (const auto& [j, v] : values) out[j] = v;
    frontier = std::move(next);
  }
  return filled;
}

GroundModel::GroundModel(std::shared_ptr<const geo::TerrainGrid> grid, const osg::Vec3d& origin)
    : m_grid(std::move(grid)), m_origin(origin) {
  if (m_grid && m_grid->empty()) m_grid.reset();
  // Half a cell: draped edges then bend at least twice per cell, close to the terrain's facets.
  if (m_grid) m_step = std::max(1.0, std::min(m_grid->cellX, m_grid->cellY) / 2);
}

float GroundModel::at(const osg::Vec2d& local) const {
  if (!m_grid) return 0.0f;
  const geo::Extent e = m_grid->extent();
  const double x = std::clamp(local.x() + m_origin.x(), e.minX, e.maxX);
  const double y = std::clamp(local.y() + m_origin.y(), e.minY, e.maxY);
  const auto h = m_grid->heightAt(x, y);
  return h ? static_cast<float>(*h) - static_cast<float>(m_origin.z()) : 0.0f;
}

float GroundModel::lowestUnder(const std::vector<osg::Vec2d>& points) const {
  if (!m_grid || points.empty()) return 0.0f;
  float lowest = std::numeric_limits<float>::infinity();
  for (const auto& p : points) lowest = std::min(lowest, at(p));
  return lowest;
}

namespace {

// Pale hypsometric tints: the city stays the subject, hills read by light and a slight hue.
osg::Vec4 tint(float h) {
  if (!(h > 0.5f)) return {0.56f, 0.72f, 0.87f, 1};  // sea level (and no data): water
  struct Stop {
    float h;
    osg::Vec4 c;
  };
  static const Stop stops[] = {{0.5f, {0.80f, 0.84f, 0.72f, 1}},   {60.0f, {0.76f, 0.82f, 0.66f, 1}},
                               {300.0f, {0.78f, 0.78f, 0.63f, 1}}, {800.0f, {0.80f, 0.75f, 0.66f, 1}},
                               {1500.0f, {0.88f, 0.87f, 0.84f, 1}}};
  for (std::size_t i = 1; i < std::size(stops); ++i) {
    if (h <= stops[i].h) {
      const float t = (h - stops[i - 1].h) / (stops[i].h - stops[i - 1].h);
      return stops[i - 1].c * (1 - t) + stops[i].c * t;
    }
  }
  return stops[std::size(stops) - 1].c;
}

/// Heights of the region's vertices (no data filled from the nearest valid neighbour in the
/// bilinear sense, else 0), sampled every `step` cells.
struct Patch {
  const geo::TerrainGrid& grid;
  osg::Vec3d origin;
  int c0, r0, step;

  [[nodiscard]] osg::Vec3f vertex(int c, int r) const {
    const double x = grid.originX + c * grid.cellX, y = grid.originY - r * grid.cellY;
    float h = grid.at(c, r);
    if (std::isnan(h)) h = static_cast<float>(grid.heightAt(x, y).value_or(0.0));
    return {static_cast<float>(x - origin.x()), static_cast<float>(y - origin.y()), h};
  }
  [[nodiscard]] osg::Vec3f normal(int c, int r) const {
    const int cl = std::max(0, c - step), cr = std::min(grid.columns - 1, c + step);
    const int rt = std::max(0, r - step), rb = std::min(grid.rows - 1, r + step);
    const osg::Vec3f dx = vertex(cr, r) - vertex(cl, r), dy = vertex(c, rt) - vertex(c, rb);
    osg::Vec3f n = dx ^ dy;
    n.normalize();
    return n.z() > 0 ? n : osg::Vec3f(0, 0, 1);
  }
};

/// One chunk of `cells` x `cells` quads from (c0, r0), every `step` grid cells.
osg::ref_ptr<osg::Geometry> chunk(const Patch& patch, int c0, int r0, int c1, int r1) {
  osg::ref_ptr<osg::Vec3Array> vertices = new osg::Vec3Array;
  osg::ref_ptr<osg::Vec3Array> normals = new osg::Vec3Array;
  osg::ref_ptr<osg::Vec4Array> colours = new osg::Vec4Array;
  std::vector<int> cols, rows;
  for (int c = c0; c < c1; c += patch.step) cols.push_back(c);
  cols.push_back(c1);
  for (int r = r0; r < r1; r += patch.step) rows.push_back(r);
  rows.push_back(r1);
  for (int r : rows)
    for (int c : cols) {
      const osg::Vec3f v = patch.vertex(c, r);
      vertices->push_back(v);
      normals->push_back(patch.normal(c, r));
      colours->push_back(tint(v.z() + static_cast<float>(patch.origin.z())));
    }
  const auto w = static_cast<unsigned>(cols.size());
  osg::ref_ptr<osg::DrawElementsUInt> triangles = new osg::DrawElementsUInt(GL_TRIANGLES);
  for (unsigned j = 0; j + 1 < rows.size(); ++j)
    for (unsigned i = 0; i + 1 < w; ++i) {
      const unsigned a = j * w + i, b = a + 1, c = a + w, d = c + 1;  // a b on the northern row
      for (unsigned index : {c, d, b, c, b, a}) triangles->push_back(index);
    }
  osg::ref_ptr<osg::Geometry> geometry = new osg::Geometry;
  geometry->setName("terrain");
  geometry->setUseDisplayList(false);
  geometry->setUseVertexBufferObjects(true);
  geometry->setVertexArray(vertices.get());
  geometry->setNormalArray(normals.get(), osg::Array::BIND_PER_VERTEX);
  geometry->setColorArray(colours.get(), osg::Array::BIND_PER_VERTEX);
  geometry->addPrimitiveSet(triangles.get());
  return geometry;
}

}  // namespace

osg::ref_ptr<osg::Node> buildTerrainNode(const geo::TerrainGrid& grid, geo::Extent region, const osg::Vec3d& origin) {
  if (grid.empty()) return {};
  const geo::Extent all = grid.extent();
  if (region.isEmpty()) region = all;
  auto column = [&](double x) { return std::clamp(static_cast<int>(std::floor((x - grid.originX) / grid.cellX)), 0, grid.columns - 1); };
  auto row = [&](double y) { return std::clamp(static_cast<int>(std::floor((grid.originY - y) / grid.cellY)), 0, grid.rows - 1); };
  const int c0 = column(region.minX), c1 = std::min(grid.columns - 1, column(region.maxX) + 1);
  const int r0 = row(region.maxY), r1 = std::min(grid.rows - 1, row(region.minY) + 1);
  if (c1 <= c0 || r1 <= r0) return {};
  // At most ~600 vertices across in full detail: more is finer than a screen shows the region.
  const int span = std::max(c1 - c0, r1 - r0);
  const int step = std::max(1, (span + 599) / 600);
  constexpr int kChunkQuads = 64;
  const int chunkCells = kChunkQuads * step;
  osg::ref_ptr<osg::Group> group = new osg::Group;
  group->setName("terrain");
  const Patch fine{grid, origin, c0, r0, step};
  const Patch coarse{grid, origin, c0, r0, step * 4};
  for (int r = r0; r < r1; r += chunkCells) {
    for (int c = c0; c < c1; c += chunkCells) {
      const int ce = std::min(c1, c + chunkCells), re = std::min(r1, r + chunkCells);
      osg::ref_ptr<osg::LOD> lod = new osg::LOD;
      lod->setRangeMode(osg::LOD::PIXEL_SIZE_ON_SCREEN);
      lod->addChild(chunk(coarse, c, r, ce, re).get(), 0.0f, 400.0f);
      lod->addChild(chunk(fine, c, r, ce, re).get(), 400.0f, std::numeric_limits<float>::max());
      group->addChild(lod.get());
    }
  }
  osg::StateSet* state = group->getOrCreateStateSet();
  state->setRenderBinDetails(kTerrainBin, "RenderBin");
  return group;
}

}  // namespace dothi::render::detail
