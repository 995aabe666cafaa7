#include "dothi/geo/analysis/adjacency.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace dothi::geo::analysis {

namespace {

struct Segment {
  Point a, b;
  Extent box;
};

std::vector<Segment> segmentsOf(const Geometry& g, double grow) {
  std::vector<Segment> out;
  auto addRing = [&](const Ring& r) {
    for (std::size_t i = 0; i + 1 < r.size(); ++i) {
      if (r[i].x == r[i + 1].x && r[i].y == r[i + 1].y) continue;
      Segment s{r[i], r[i + 1], {}};
      s.box.include(r[i]);
      s.box.include(r[i + 1]);
      s.box = {s.box.minX - grow, s.box.minY - grow, s.box.maxX + grow, s.box.maxY + grow};
      out.push_back(s);
    }
  };
  for (const auto& p : g.polygons) {
    addRing(p.outer);
    for (const auto& h : p.holes) addRing(h);
  }
  return out;
}

/// Length of s's part that t runs along, both within tol of each other's line.
double alongLength(const Segment& s, const Segment& t, double tol) {
  const double dx = s.b.x - s.a.x, dy = s.b.y - s.a.y;
  const double len = std::hypot(dx, dy);
  const double ux = dx / len, uy = dy / len;
  auto offset = [&](const Point& p) { return std::abs(ux * (p.y - s.a.y) - uy * (p.x - s.a.x)); };
  auto along = [&](const Point& p) { return ux * (p.x - s.a.x) + uy * (p.y - s.a.y); };
  if (offset(t.a) > tol || offset(t.b) > tol) return 0;
  const double t0 = along(t.a), t1 = along(t.b);
  return std::max(0.0, std::min(std::max(t0, t1), len) - std::max(std::min(t0, t1), 0.0));
}

}  // namespace

double sharedBoundaryLength(const Geometry& a, const Geometry& b, double tolerance) {
  const auto sa = segmentsOf(a, tolerance), sb = segmentsOf(b, 0);
  double total = 0;
  for (const auto& s : sa)
    for (const auto& t : sb) {
      if (s.box.minX > t.box.maxX || t.box.minX > s.box.maxX || s.box.minY > t.box.maxY || t.box.minY > s.box.maxY)
        continue;
      total += alongLength(s, t, tolerance);
    }
  return total;
}

}  // namespace dothi::geo::analysis
