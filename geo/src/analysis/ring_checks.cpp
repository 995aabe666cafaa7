#include "analysis/ring_checks.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <set>
#include <utility>

#include "analysis/exact.hpp"
#include "dothi/geo/analysis/overlay.hpp"
#include "dothi/geo/analysis/topology.hpp"

namespace dothi::geo::analysis::detail {

namespace {

constexpr double kPi = 3.14159265358979323846;

bool same(const Point& a, const Point& b) { return a.x == b.x && a.y == b.y; }

std::string fmt(const Point& p) {
  char buf[96];
  std::snprintf(buf, sizeof buf, "(%.3f %.3f)", p.x, p.y);
  return buf;
}

Geometry pointGeometry(const Point& p) {
  Geometry g;
  g.type = GeometryType::Point;
  g.points.push_back(p);
  return g;
}

Geometry lineGeometry(std::vector<Point> pts) {
  Geometry g;
  g.type = GeometryType::LineString;
  g.lines.push_back({std::move(pts)});
  return g;
}

Geometry polygonGeometry(const std::vector<Point>& open) {
  Geometry g;
  g.type = GeometryType::Polygon;
  Polygon p;
  p.outer = open;
  if (!open.empty()) p.outer.push_back(open.front());
  g.polygons.push_back(std::move(p));
  return g;
}

Finding make(FindingType t, const Point& at, Geometry g, std::string message) {
  Finding f;
  f.type = t;
  f.location = at;
  f.geometry = std::move(g);
  f.message = std::move(message);
  return f;
}

std::vector<Extent> segmentBoxes(const std::vector<Point>& u) {
  std::vector<Extent> boxes(u.size());
  for (std::size_t i = 0; i < u.size(); ++i) {
    boxes[i].include(u[i]);
    boxes[i].include(u[(i + 1) % u.size()]);
  }
  return boxes;
}

/// Pairs of segments of one ring whose boxes meet (all pairs for small rings).
std::vector<std::pair<std::size_t, std::size_t>> candidatePairs(const std::vector<Point>& u) {
  const auto boxes = segmentBoxes(u);
  if (u.size() > 48) return intersectingBoxes(boxes);
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  for (std::size_t i = 0; i < u.size(); ++i)
    for (std::size_t j = i + 1; j < u.size(); ++j)
      if (boxes[i].minX <= boxes[j].maxX && boxes[j].minX <= boxes[i].maxX && boxes[i].minY <= boxes[j].maxY &&
          boxes[j].minY <= boxes[i].maxY)
        pairs.emplace_back(i, j);
  return pairs;
}

/// Returns true when the ring crosses or touches itself.
bool checkSelfIntersections(const std::vector<Point>& u, std::vector<Finding>& out) {
  const std::size_t n = u.size();
  if (n < 4) return false;
  std::set<std::pair<double, double>> points;
  std::set<std::pair<std::pair<double, double>, std::pair<double, double>>> overlaps;
  for (auto [i, j] : candidatePairs(u)) {
    const bool adjacent = j == i + 1 || (i == 0 && j == n - 1);
    if (adjacent) continue;  // they share a vertex; retracing is a spike, reported as one
    const Contact c = intersect(u[i], u[(i + 1) % n], u[j], u[(j + 1) % n]);
    if (c.kind == Contact::Kind::Point) {
      points.insert({c.a.x, c.a.y});
    } else if (c.kind == Contact::Kind::Segment) {
      auto a = std::make_pair(c.a.x, c.a.y), b = std::make_pair(c.b.x, c.b.y);
      overlaps.insert({std::min(a, b), std::max(a, b)});
    }
  }
  for (const auto& [x, y] : points) {
    const Point p{x, y, 0};
    out.push_back(make(FindingType::SelfIntersection, p, pointGeometry(p), "ring crosses or touches itself at " + fmt(p)));
  }
  for (const auto& [a, b] : overlaps) {
    const Point p{a.first, a.second, 0}, q{b.first, b.second, 0};
    Finding f = make(FindingType::SelfIntersection, p, lineGeometry({p, q}),
                     "ring runs twice along the edge " + fmt(p) + "-" + fmt(q));
    f.length = std::hypot(q.x - p.x, q.y - p.y);
    out.push_back(std::move(f));
  }
  return !points.empty() || !overlaps.empty();
}

/// Proper crossings and shared edges between two different rings of one polygon.
void checkRingPair(const std::vector<Point>& a, const std::vector<Point>& b, const char* what,
                   std::vector<Finding>& out, bool& crossed) {
  const auto ba = segmentBoxes(a), bb = segmentBoxes(b);
  std::set<std::pair<double, double>> seen;
  for (auto [i, j] : intersectingBoxes(ba, bb)) {
    const Point &p0 = a[i], &p1 = a[(i + 1) % a.size()], &q0 = b[j], &q1 = b[(j + 1) % b.size()];
    const Contact c = intersect(p0, p1, q0, q1);
    if (c.kind == Contact::Kind::None) continue;
    // A single touching point is allowed (OGC); crossing through, or sharing an edge, is not.
    const bool proper = c.kind == Contact::Kind::Point && !same(c.a, p0) && !same(c.a, p1) && !same(c.a, q0) &&
                        !same(c.a, q1);
    if (c.kind == Contact::Kind::Point && !proper) continue;
    crossed = true;
    if (!seen.insert({c.a.x, c.a.y}).second) continue;
    Finding f = make(FindingType::SelfIntersection, c.a,
                     c.kind == Contact::Kind::Point ? pointGeometry(c.a) : lineGeometry({c.a, c.b}),
                     std::string(what) + " at " + fmt(c.a));
    if (c.kind == Contact::Kind::Segment) f.length = std::hypot(c.b.x - c.a.x, c.b.y - c.a.y);
    out.push_back(std::move(f));
  }
}

void checkSpikes(const std::vector<Point>& u, double spikeAngle, std::vector<Finding>& out) {
  const std::size_t n = u.size();
  for (std::size_t i = 0; i < n; ++i) {
    const Point& a = u[(i + n - 1) % n];
    const Point& b = u[i];
    const Point& c = u[(i + 1) % n];
    const double ax = a.x - b.x, ay = a.y - b.y, cx = c.x - b.x, cy = c.y - b.y;
    const double dot = ax * cx + ay * cy;
    if (dot <= 0) continue;  // turns by 90° or more: not a spike
    // The exact predicate decides "exactly folded back"; the angle threshold the near cases.
    const bool folded = orientation(a, b, c) == 0;
    const double angle = folded ? 0.0 : std::atan2(std::abs(ax * cy - ay * cx), dot) * 180 / kPi;
    if (!folded && angle >= spikeAngle) continue;
    char msg[160];
    std::snprintf(msg, sizeof msg, "spike at %s: the ring turns back by %.4f°", fmt(b).c_str(), angle);
    Finding f = make(FindingType::Spike, b, lineGeometry({a, b, c}), msg);
    f.length = std::min(std::hypot(ax, ay), std::hypot(cx, cy));
    out.push_back(std::move(f));
  }
}

bool allCollinear(const std::vector<Point>& u) {
  for (std::size_t i = 2; i < u.size(); ++i)
    if (orientation(u[0], u[1], u[i]) != 0) return false;
  return true;
}

/// Closure, duplicates, degeneracy, spikes and self-intersections of one ring. Returns the open
/// distinct vertices, or nothing when the ring is degenerate; `tangled` tells whether it crosses
/// itself (then it has no orientation).
std::optional<std::vector<Point>> checkRing(const Ring& ring, const char* role, double spikeAngle,
                                            std::vector<Finding>& out, bool& tangled) {
  tangled = false;
  if (ring.size() >= 2 && !same(ring.front(), ring.back())) {
    Finding f = make(FindingType::RingNotClosed, ring.back(), lineGeometry({ring.back(), ring.front()}),
                     std::string(role) + " is not closed: it ends at " + fmt(ring.back()) + ", not at its start " +
                         fmt(ring.front()));
    f.length = std::hypot(ring.front().x - ring.back().x, ring.front().y - ring.back().y);
    out.push_back(std::move(f));
  }
  std::vector<Point> open(ring.begin(), ring.end());
  if (open.size() >= 2 && same(open.front(), open.back())) open.pop_back();
  for (std::size_t i = 0; i + 1 < open.size() + (open.size() > 2 ? 1 : 0); ++i) {
    const Point& p = open[i];
    if (same(p, open[(i + 1) % open.size()]))
      out.push_back(make(FindingType::DuplicateVertex, p, pointGeometry(p),
                         std::string(role) + " repeats the vertex " + fmt(p)));
  }
  std::vector<Point> u = openDistinct(ring);
  if (u.size() < 3 || allCollinear(u)) {
    const Point at = u.empty() ? (ring.empty() ? Point{} : ring.front()) : u.front();
    Finding f = make(FindingType::DegenerateRing, at, u.size() >= 2 ? lineGeometry(u) : pointGeometry(at),
                     std::string(role) + (u.size() < 3 ? " has fewer than 3 distinct vertices" : " has zero area (all vertices on one line)"));
    out.push_back(std::move(f));
    return std::nullopt;
  }
  checkSpikes(u, spikeAngle, out);
  tangled = checkSelfIntersections(u, out);
  return u;
}

/// Which side of `ring` the other ring lies on: its first vertex off `ring` decides (two
/// rings that do not cross); Boundary when every vertex lies on `ring`.
Side sideOfOtherRing(const std::vector<Point>& ring, const std::vector<Point>& other) {
  for (const auto& p : other)
    if (const Side s = sideOfRing(ring, p); s != Side::Boundary) return s;
  return Side::Boundary;
}

/// A hole inside another hole (rings apart, or touching without crossing) lies in no part of the
/// polygon's interior: reported like a hole outside its shell, the inner hole as the problem.
void checkNestedHoles(const std::vector<Point>& a, const std::vector<Point>& b, std::vector<Finding>& out) {
  const std::vector<Point>* inner = nullptr;
  if (sideOfOtherRing(a, b) == Side::Inside) inner = &b;
  else if (sideOfOtherRing(b, a) == Side::Inside) inner = &a;
  if (!inner) return;
  Geometry geom = polygonGeometry(*inner);
  Finding f = make(FindingType::HoleOutsideShell, interiorPoint(geom.polygons.front()), geom,
                   "hole lies inside another hole of the same polygon");
  f.area = std::abs(twiceSignedArea(*inner)) / 2;
  out.push_back(std::move(f));
}

}  // namespace

double twiceSignedArea(const std::vector<Point>& ring) {
  if (ring.size() < 3) return 0;
  const Point& o = ring.front();
  double sum = 0;
  for (std::size_t i = 0; i < ring.size(); ++i) {
    const Point& a = ring[i];
    const Point& b = ring[(i + 1) % ring.size()];
    sum += (a.x - o.x) * (b.y - o.y) - (b.x - o.x) * (a.y - o.y);
  }
  return sum;
}

std::vector<Point> openDistinct(const Ring& ring) {
  std::vector<Point> u;
  u.reserve(ring.size());
  for (const auto& p : ring)
    if (u.empty() || !same(u.back(), p)) u.push_back(p);
  while (u.size() >= 2 && same(u.front(), u.back())) u.pop_back();
  return u;
}

void checkRings(const Geometry& g, double spikeAngle, std::vector<Finding>& out, std::vector<ShellTurn>& shells) {
  for (std::size_t part = 0; part < g.polygons.size(); ++part) {
    const Polygon& poly = g.polygons[part];
    bool shellTangled = false;
    const auto shell = checkRing(poly.outer, "shell", spikeAngle, out, shellTangled);
    const int shellSign = shell && !shellTangled ? (twiceSignedArea(*shell) > 0 ? 1 : -1) : 0;
    shells.push_back({part, shellSign});
    std::vector<std::vector<Point>> holes;
    for (const auto& h : poly.holes) {
      bool holeTangled = false;
      auto hole = checkRing(h, "hole", spikeAngle, out, holeTangled);
      if (!hole) continue;
      if (shell) {
        bool crossed = false;
        checkRingPair(*shell, *hole, "hole crosses its shell", out, crossed);
        const int holeSign = twiceSignedArea(*hole) > 0 ? 1 : -1;
        if (holeSign == shellSign && !holeTangled) {
          Finding f = make(FindingType::WrongOrientation, hole->front(), lineGeometry(h),
                           std::string("hole turns ") + (holeSign > 0 ? "counter-clockwise" : "clockwise") +
                               " like its shell; holes must turn the other way");
          f.length = length(lineGeometry(h));
          out.push_back(std::move(f));
        }
        if (!crossed) {
          Side side = Side::Boundary;
          for (std::size_t k = 0; k < hole->size() && side == Side::Boundary; ++k) side = sideOfRing(*shell, (*hole)[k]);
          if (side == Side::Outside) {
            Geometry geom = polygonGeometry(*hole);
            Finding f = make(FindingType::HoleOutsideShell, interiorPoint(geom.polygons.front()), geom,
                             "hole lies outside its shell");
            f.area = std::abs(twiceSignedArea(*hole)) / 2;
            out.push_back(std::move(f));
          }
        }
      }
      for (const auto& other : holes) {
        bool crossed = false;
        checkRingPair(other, *hole, "two holes cross", out, crossed);
        if (!crossed) checkNestedHoles(other, *hole, out);
      }
      holes.push_back(std::move(*hole));
    }
  }
}

}  // namespace dothi::geo::analysis::detail

namespace dothi::geo::analysis {

std::vector<Finding> checkGeometry(const Geometry& g, double spikeAngle) {
  std::vector<Finding> out;
  std::vector<detail::ShellTurn> shells;
  detail::checkRings(g, spikeAngle, out, shells);
  return out;
}

}  // namespace dothi::geo::analysis
