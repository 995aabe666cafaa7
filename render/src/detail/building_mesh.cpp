#include "detail/building_mesh.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "detail/roof.hpp"
#include "detail/shapes.hpp"

namespace dothi::render::detail {
namespace {

osg::Vec4 darker(const osg::Vec4& c, float f) { return {c.r() * f, c.g() * f, c.b() * f, c.a()}; }

// A roof of OSM's `height` (which includes the roof) never takes more than this share of the
// building: a wide, low hall keeps walls under its roof.
constexpr double kMaxRoofShare = 0.6;

void addRoofFaces(MeshBuilder& mesh, const Roof& roof, float eaves, const osg::Vec4& roofColour,
                  const osg::Vec4& gableColour) {
  for (const auto& face : roof.faces) {
    const osg::Vec4& c = face.gable ? gableColour : roofColour;
    for (std::size_t i = 0; i + 2 < face.triangles.size(); i += 3) {
      std::uint32_t v[3];
      for (int k = 0; k < 3; ++k) {
        const osg::Vec3f& p = face.triangles[i + k];
        v[k] = mesh.vertex(osg::Vec3f(p.x(), p.y(), p.z() + eaves), c, face.normal);
      }
      mesh.triangle(v[0], v[1], v[2]);
    }
  }
}

}  // namespace

std::size_t buildingVertexEstimate(const BuildingRecord& b) {
  std::size_t n = 0;
  for (const auto& r : b.rings) n += r.size();
  return b.roof == RoofShape::Flat ? n * 6 + 16 : n * 16 + 32;
}

float addBuilding(MeshBuilder& solid, Tessellator& tess, const BuildingRecord& b, double slope, RoofCounts& counts,
                  const osg::Vec4* colour) {
  const osg::Vec4 wall = colour ? *colour : b.wall;
  const osg::Vec4 roofColour = colour ? *colour : b.roofColour;
  const bool floating = b.bottom > b.ground + 0.01f;
  std::optional<Roof> roof;
  if (b.roof != RoofShape::Flat) {
    roof = buildRoof(b.rings, b.roof, slope, tess);
    if (!roof) ++counts.fallbacks;
  }
  float eaves = b.top;
  if (roof) {
    const double wallHeight = b.top - b.bottom;
    double wanted = b.roofHeight > 0 ? b.roofHeight : roof->height;
    wanted = std::min(wanted, b.heightIncludesRoof ? kMaxRoofShare * wallHeight : std::max(wallHeight, 1.0));
    if (std::abs(wanted - roof->height) > 1e-6) scaleRoofHeight(*roof, wanted / roof->height);
    if (b.heightIncludesRoof) eaves = b.top - static_cast<float>(roof->height);
    ++counts.pitched;
    addWalls(solid, b.rings, b.bottom, eaves, wall, !floating);
    addRoofFaces(solid, *roof, eaves, roofColour, wall);
  } else {
    addWalls(solid, b.rings, b.bottom, b.top, wall, !floating);
    addCap(solid, tess, b.rings, b.top, roofColour, true);
  }
  if (floating) addCap(solid, tess, b.rings, b.bottom, darker(wall, 0.7f), false);
  return eaves;
}

void addBuildingOutline(MeshBuilder& lines, const BuildingRecord& b, float eaves) {
  addOutline(lines, b.rings, eaves, b.edge);
}

void BlockSummary::add(const BlockSummary& other) {
  area += other.area;
  cx += other.cx;
  cy += other.cy;
  top += other.top;
  bottom = std::min(bottom, other.bottom);
  colour += other.colour;
  wall += other.wall;
}

std::map<std::pair<long, long>, BlockSummary> summariseBlocks(const std::vector<BuildingRecord>& records,
                                                              double cellSize, const osg::Vec2d& gridOrigin) {
  std::map<std::pair<long, long>, BlockSummary> cells;
  for (const auto& b : records) {
    const auto& ring = b.rings.front();
    double a2 = 0, cx = 0, cy = 0;
    for (std::size_t i = 0, n = ring.size(); i < n; ++i) {
      const auto& p = ring[i];
      const auto& q = ring[(i + 1) % n];
      const double c = p.x() * q.y() - q.x() * p.y();
      a2 += c;
      cx += (p.x() + q.x()) * c;
      cy += (p.y() + q.y()) * c;
    }
    if (std::abs(a2) < 1e-9) continue;
    cx /= 3 * a2;
    cy /= 3 * a2;
    const double area = std::abs(a2) / 2;
    const auto key = std::make_pair(static_cast<long>(std::floor((cx - gridOrigin.x()) / cellSize)),
                                    static_cast<long>(std::floor((cy - gridOrigin.y()) / cellSize)));
    cells[key].add({area, cx * area, cy * area, b.top * area, b.bottom, b.roofColour * static_cast<float>(area),
                    b.wall * static_cast<float>(area)});
  }
  return cells;
}

void addBlockBox(MeshBuilder& mesh, const BlockSummary& cell) {
  if (!(cell.area > 0)) return;
  const double half = std::sqrt(cell.area) / 2;
  const osg::Vec2d c(cell.cx / cell.area, cell.cy / cell.area);
  const Rings box{{c + osg::Vec2d(-half, -half), c + osg::Vec2d(half, -half), c + osg::Vec2d(half, half),
                   c + osg::Vec2d(-half, half)}};
  const auto top = static_cast<float>(cell.top / cell.area);
  osg::Vec4 roof = cell.colour / static_cast<float>(cell.area);
  osg::Vec4 wall = cell.wall / static_cast<float>(cell.area);
  roof.a() = wall.a() = 1;
  mesh.beginFeature(0, 20);
  addWalls(mesh, box, cell.bottom, top, wall, true);
  // A 4-point box cap needs no tessellator: two triangles, facing up.
  const osg::Vec3f up(0, 0, 1);
  std::uint32_t v[4];
  for (int k = 0; k < 4; ++k)
    v[k] = mesh.vertex(osg::Vec3f(static_cast<float>(box[0][k].x()), static_cast<float>(box[0][k].y()), top), roof, up);
  mesh.triangle(v[0], v[1], v[2]);
  mesh.triangle(v[0], v[2], v[3]);
}

void addBlockBoxes(MeshBuilder& mesh, const std::vector<BuildingRecord>& records, double cellSize,
                   const osg::Vec2d& gridOrigin) {
  for (const auto& [key, cell] : summariseBlocks(records, cellSize, gridOrigin)) addBlockBox(mesh, cell);
}

}  // namespace dothi::render::detail
