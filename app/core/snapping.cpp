#include "snapping.hpp"

#include <algorithm>

namespace dothi::app {

namespace {
double dist2(const geo::Point& a, const geo::Point& b) { return (a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y); }

template <class F>
void forEachSegment(const geo::Geometry& g, F&& f) {
  auto chain = [&](const std::vector<geo::Point>& pts) {
    for (std::size_t i = 0; i + 1 < pts.size(); ++i) f(pts[i], pts[i + 1]);
  };
  for (const auto& l : g.lines) chain(l.points);
  for (const auto& p : g.polygons) {
    chain(p.outer);
    for (const auto& h : p.holes) chain(h);
  }
}
}  // namespace

std::optional<Snap> snapTo(const geo::Point& p, double tolerance, const std::vector<const geo::Geometry*>& geometries) {
  const double t2 = tolerance * tolerance;
  std::optional<Snap> vertex, edge;
  double bestVertex = t2, bestEdge = t2;
  for (const auto* g : geometries) {
    if (!g) continue;
    g->forEachPoint([&](const geo::Point& v) {
      if (const double d = dist2(v, p); d <= bestVertex) {
        bestVertex = d;
        vertex = Snap{Snap::Kind::Vertex, v};
      }
    });
    if (vertex) continue;  // a vertex anywhere within reach wins: skip the edge search
    forEachSegment(*g, [&](const geo::Point& a, const geo::Point& b) {
      const double dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
      const double t = len2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0) : 0;
      const geo::Point q{a.x + t * dx, a.y + t * dy, 0};
      if (const double d = dist2(q, p); d <= bestEdge) {
        bestEdge = d;
        edge = Snap{Snap::Kind::Edge, q};
      }
    });
  }
  return vertex ? vertex : edge;
}

}  // namespace dothi::app
