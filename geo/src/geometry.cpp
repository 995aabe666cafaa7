#include "dothi/geo/geometry.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace dothi::geo {

void Extent::include(const Point& p) {
  minX = std::min(minX, p.x);
  minY = std::min(minY, p.y);
  maxX = std::max(maxX, p.x);
  maxY = std::max(maxY, p.y);
}

void Extent::include(const Extent& e) {
  if (e.isEmpty()) return;
  minX = std::min(minX, e.minX);
  minY = std::min(minY, e.minY);
  maxX = std::max(maxX, e.maxX);
  maxY = std::max(maxY, e.maxY);
}

Extent extentOf(const Geometry& g) {
  Extent e;
  g.forEachPoint([&](const Point& p) { e.include(p); });
  return e;
}

namespace {
constexpr const char* kTypeNames[] = {"None",       "Point",           "LineString",  "Polygon",
                                      "MultiPoint", "MultiLineString", "MultiPolygon"};
}

const char* geometryTypeName(GeometryType t) { return kTypeNames[static_cast<int>(t)]; }

GeometryType geometryTypeFromName(const std::string& name) {
  auto lower = [](std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
  };
  for (int i = 0; i < 7; ++i)
    if (lower(kTypeNames[i]) == lower(name)) return static_cast<GeometryType>(i);
  return GeometryType::None;
}

GeometryType multiTypeOf(GeometryType t) {
  switch (t) {
    case GeometryType::Point: return GeometryType::MultiPoint;
    case GeometryType::LineString: return GeometryType::MultiLineString;
    case GeometryType::Polygon: return GeometryType::MultiPolygon;
    default: return t;
  }
}

int dimensionOf(GeometryType t) {
  switch (t) {
    case GeometryType::Point:
    case GeometryType::MultiPoint: return 0;
    case GeometryType::LineString:
    case GeometryType::MultiLineString: return 1;
    case GeometryType::Polygon:
    case GeometryType::MultiPolygon: return 2;
    default: return -1;
  }
}

double signedRingArea(const Ring& ring) {
  if (ring.size() < 3) return 0;
  // Shifting by the first vertex keeps the sum exact-ish for projected coordinates in the 10^6 m range.
  const Point& o = ring.front();
  double sum = 0;
  for (std::size_t i = 0; i + 1 < ring.size(); ++i)
    sum += (ring[i].x - o.x) * (ring[i + 1].y - o.y) - (ring[i + 1].x - o.x) * (ring[i].y - o.y);
  return sum / 2;
}

double area(const Geometry& g) {
  double a = 0;
  for (const auto& poly : g.polygons) {
    a += std::abs(signedRingArea(poly.outer));
    for (const auto& h : poly.holes) a -= std::abs(signedRingArea(h));
  }
  return a;
}

namespace {
double pathLength(const std::vector<Point>& pts) {
  double l = 0;
  for (std::size_t i = 0; i + 1 < pts.size(); ++i) l += std::hypot(pts[i + 1].x - pts[i].x, pts[i + 1].y - pts[i].y);
  return l;
}

bool ringContains(const Ring& ring, const Point& p) {
  bool inside = false;
  for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
    const Point& a = ring[i];
    const Point& b = ring[j];
    if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}

double segmentDistance(const Point& a, const Point& b, const Point& p) {
  const double dx = b.x - a.x, dy = b.y - a.y;
  const double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0;
  t = std::clamp(t, 0.0, 1.0);
  return std::hypot(a.x + t * dx - p.x, a.y + t * dy - p.y);
}

double pathDistance(const std::vector<Point>& pts, const Point& p) {
  double d = std::numeric_limits<double>::infinity();
  if (pts.size() == 1) return std::hypot(pts[0].x - p.x, pts[0].y - p.y);
  for (std::size_t i = 0; i + 1 < pts.size(); ++i) d = std::min(d, segmentDistance(pts[i], pts[i + 1], p));
  return d;
}
}  // namespace

double length(const Geometry& g) {
  double l = 0;
  for (const auto& line : g.lines) l += pathLength(line.points);
  for (const auto& poly : g.polygons) {
    l += pathLength(poly.outer);
    for (const auto& h : poly.holes) l += pathLength(h);
  }
  return l;
}

bool contains(const Polygon& poly, const Point& p) {
  if (poly.outer.size() < 4 || !ringContains(poly.outer, p)) return false;
  return std::none_of(poly.holes.begin(), poly.holes.end(), [&](const Ring& h) { return ringContains(h, p); });
}

bool contains(const Geometry& g, const Point& p) {
  return std::any_of(g.polygons.begin(), g.polygons.end(), [&](const Polygon& poly) { return contains(poly, p); });
}

double distanceTo(const Geometry& g, const Point& p) {
  if (contains(g, p)) return 0;
  double d = std::numeric_limits<double>::infinity();
  for (const auto& pt : g.points) d = std::min(d, std::hypot(pt.x - p.x, pt.y - p.y));
  for (const auto& l : g.lines) d = std::min(d, pathDistance(l.points, p));
  for (const auto& poly : g.polygons) {
    d = std::min(d, pathDistance(poly.outer, p));
    for (const auto& h : poly.holes) d = std::min(d, pathDistance(h, p));
  }
  return d;
}

}  // namespace dothi::geo
