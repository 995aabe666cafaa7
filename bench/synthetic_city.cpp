#include "synthetic_city.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace dothi::bench {
namespace {

// A small, fast, seedable hash: the same building comes out of every call.
std::uint64_t mix(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

double unit(std::uint64_t h, int k) { return static_cast<double>(mix(h + static_cast<std::uint64_t>(k)) >> 11) / 9007199254740992.0; }

}  // namespace

SyntheticCity::SyntheticCity(std::int64_t buildings, std::uint32_t seed)
    : m_count(std::max<std::int64_t>(1, buildings)),
      m_seed(seed),
      m_across(static_cast<int>(std::ceil(std::sqrt(static_cast<double>(m_count))))) {}

double SyntheticCity::streetX(int column) const {
  const int block = column / kPlotsPerBlock;
  return kOriginX + block * (kPlotsPerBlock * kPlot + kStreet) - kStreet / 2;
}

double SyntheticCity::streetY(int row) const {
  const int block = row / kPlotsPerBlock;
  return kOriginY + block * (kPlotsPerBlock * kPlot + kStreet) - kStreet / 2;
}

SyntheticBuilding SyntheticCity::building(std::int64_t index) const {
  const int col = static_cast<int>(index % m_across), row = static_cast<int>(index / m_across);
  const double px = kOriginX + (col / kPlotsPerBlock) * (kPlotsPerBlock * kPlot + kStreet) + (col % kPlotsPerBlock) * kPlot;
  const double py = kOriginY + (row / kPlotsPerBlock) * (kPlotsPerBlock * kPlot + kStreet) + (row % kPlotsPerBlock) * kPlot;
  const std::uint64_t h = mix(static_cast<std::uint64_t>(index) * 0x100000001B3ull + m_seed);
  const double w = 12 + 16 * unit(h, 1), d = 12 + 16 * unit(h, 2);  // within the 30 m plot
  const double ox = (kPlot - w) * unit(h, 3), oy = (kPlot - d) * unit(h, 4);
  // Taller towards the centre, with a few towers anywhere.
  const double cx = (col - m_across / 2.0) / (m_across / 2.0), cy = (row - m_across / 2.0) / (m_across / 2.0);
  const double centrality = std::max(0.0, 1.0 - std::sqrt(cx * cx + cy * cy));
  double height = 6 + 3.2 * std::floor(unit(h, 5) * (2 + 14 * centrality));
  if (unit(h, 6) < 0.01) height += 40 + 40 * unit(h, 7);
  return {index + 1, px + ox, py + oy, px + ox + w, py + oy + d, height};
}

geo::Extent SyntheticCity::extent() const {
  const int rows = static_cast<int>((m_count + m_across - 1) / m_across);
  const double block = kPlotsPerBlock * kPlot + kStreet;
  return {kOriginX, kOriginY, kOriginX + std::ceil(m_across / double(kPlotsPerBlock)) * block,
          kOriginY + std::ceil(rows / double(kPlotsPerBlock)) * block};
}

std::vector<geo::LayerInfo> SyntheticCity::layers() const {
  geo::LayerInfo info;
  info.name = "buildings";
  info.kind = geo::LayerKind::Buildings;
  info.geometryType = geo::GeometryType::MultiPolygon;
  info.featureCount = m_count;
  info.extent = extent();
  info.fields = {{"height", geo::FieldType::Real}};
  return {info};
}

geo::Result<void> SyntheticCity::forEachFeature(const std::string& layer,
                                                const std::function<bool(const geo::Feature&)>& visit) const {
  if (layer != "buildings") return geo::fail(geo::ErrorCode::NotFound, "no layer named '" + layer + "'");
  geo::Feature f;
  f.geometry.type = geo::GeometryType::MultiPolygon;
  f.geometry.polygons.resize(1);
  f.attributes.resize(1);
  for (std::int64_t i = 0; i < m_count; ++i) {
    const SyntheticBuilding b = building(i);
    f.id = b.id;
    f.geometry.polygons[0].outer = {{b.x0, b.y0, 0}, {b.x1, b.y0, 0}, {b.x1, b.y1, 0}, {b.x0, b.y1, 0}, {b.x0, b.y0, 0}};
    f.attributes[0] = b.height;
    if (!visit(f)) break;
  }
  return {};
}

std::optional<std::int64_t> SyntheticCity::firstHit(const osg::Vec3d& from, const osg::Vec3d& to) const {
  const osg::Vec3d d = to - from;
  double best = std::numeric_limits<double>::infinity();
  std::optional<std::int64_t> hit;
  for (std::int64_t i = 0; i < m_count; ++i) {
    const SyntheticBuilding b = building(i);
    // Slabs: the segment's parameter range inside the box [x0,x1] x [y0,y1] x [0,height].
    double t0 = 0, t1 = 1;
    const double lo[3] = {b.x0, b.y0, 0}, hi[3] = {b.x1, b.y1, b.height};
    for (int k = 0; k < 3 && t0 <= t1; ++k) {
      if (std::abs(d[k]) < 1e-12) {
        if (from[k] < lo[k] || from[k] > hi[k]) t0 = 2;
        continue;
      }
      double a = (lo[k] - from[k]) / d[k], c = (hi[k] - from[k]) / d[k];
      if (a > c) std::swap(a, c);
      t0 = std::max(t0, a);
      t1 = std::min(t1, c);
    }
    if (t0 <= t1 && t0 < best) {
      best = t0;
      hit = b.id;
    }
  }
  return hit;
}

}  // namespace dothi::bench
