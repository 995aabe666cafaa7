#include "dothi/geo/analysis/finding.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <strings.h>

namespace dothi::geo::analysis {

namespace {
constexpr std::array<const char*, kFindingTypeCount> kNames = {
    "empty_geometry", "ring_not_closed",  "degenerate_ring", "duplicate_vertex", "spike",
    "self_intersection", "hole_outside_shell", "wrong_orientation", "overlap", "gap",
    "sliver", "duplicate_id", "missing_id", "crosses_boundary"};

/// x where the segment a-b crosses the horizontal line at y (a.y != b.y).
double crossingX(const Point& a, const Point& b, double y) { return a.x + (y - a.y) * (b.x - a.x) / (b.y - a.y); }

void addCrossings(const Ring& ring, double y, std::vector<double>& xs) {
  for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
    const Point& a = ring[i];
    const Point& b = ring[i + 1];
    if ((a.y > y) != (b.y > y)) xs.push_back(crossingX(a, b, y));
  }
}
}  // namespace

const char* findingTypeName(FindingType t) { return kNames[static_cast<std::size_t>(t)]; }

std::optional<FindingType> findingTypeFromName(const std::string& name) {
  for (std::size_t i = 0; i < kNames.size(); ++i)
    if (strcasecmp(kNames[i], name.c_str()) == 0) return static_cast<FindingType>(i);
  return std::nullopt;
}

Point interiorPoint(const Polygon& polygon) {
  if (polygon.outer.empty()) return {};
  Extent box;
  for (const auto& p : polygon.outer) box.include(p);
  // Nudge the scan line off vertex heights so each crossing is counted once.
  double y = box.center().y;
  for (int attempt = 0; attempt < 8; ++attempt) {
    bool onVertex = false;
    for (const auto& p : polygon.outer) onVertex = onVertex || p.y == y;
    if (!onVertex) break;
    y += box.height() * 1e-7 * (attempt + 1);
  }
  std::vector<double> xs;
  addCrossings(polygon.outer, y, xs);
  for (const auto& h : polygon.holes) addCrossings(h, y, xs);
  std::sort(xs.begin(), xs.end());
  double best = -1;
  Point at = polygon.outer.front();
  for (std::size_t i = 0; i + 1 < xs.size(); i += 2) {
    if (xs[i + 1] - xs[i] > best) {
      best = xs[i + 1] - xs[i];
      at = {(xs[i] + xs[i + 1]) / 2, y, 0};
    }
  }
  return at;
}

Point interiorPoint(const Geometry& g) {
  const Polygon* largest = nullptr;
  double largestArea = -1;
  for (const auto& p : g.polygons) {
    const double a = std::abs(signedRingArea(p.outer));
    if (a > largestArea) {
      largestArea = a;
      largest = &p;
    }
  }
  if (largest) return interiorPoint(*largest);
  if (!g.lines.empty() && !g.lines.front().points.empty()) {
    const auto& pts = g.lines.front().points;
    return pts[pts.size() / 2];
  }
  if (!g.points.empty()) return g.points.front();
  return {};
}

}  // namespace dothi::geo::analysis
