// CGAL translation unit #1: exact predicates (orientation, point-in-ring), exact segment
// intersection for the located findings, and box intersection (CGAL::box_intersection_d) for
// candidate pairs. Epick gives exact predicates on double input, which is all the ring checks
// need; Epeck constructs the (rare) intersection points exactly before rounding them once.
#include <CGAL/Bbox_2.h>
#include <CGAL/Exact_predicates_exact_constructions_kernel.h>
#include <CGAL/Exact_predicates_inexact_constructions_kernel.h>
#include <CGAL/Polygon_2_algorithms.h>
#include <CGAL/box_intersection_d.h>

#include <algorithm>

#include "analysis/exact.hpp"
#include "dothi/geo/analysis/overlay.hpp"

namespace dothi::geo::analysis {

namespace {
using Epick = CGAL::Exact_predicates_inexact_constructions_kernel;
using Epeck = CGAL::Exact_predicates_exact_constructions_kernel;
using Box = CGAL::Box_intersection_d::Box_with_info_d<double, 2, std::size_t, CGAL::Box_intersection_d::ID_EXPLICIT>;

Epick::Point_2 ip(const Point& p) { return {p.x, p.y}; }
Epeck::Point_2 ep(const Point& p) { return {p.x, p.y}; }
Point dp(const Epeck::Point_2& p) { return {CGAL::to_double(p.x()), CGAL::to_double(p.y()), 0}; }

std::vector<Box> toBoxes(const std::vector<Extent>& extents) {
  std::vector<Box> boxes;
  boxes.reserve(extents.size());
  for (std::size_t i = 0; i < extents.size(); ++i) {
    const Extent& e = extents[i];
    if (e.isEmpty()) continue;
    boxes.emplace_back(CGAL::Bbox_2(e.minX, e.minY, e.maxX, e.maxY), i);
  }
  return boxes;
}
}  // namespace

namespace detail {

int orientation(const Point& a, const Point& b, const Point& c) {
  switch (CGAL::orientation(ip(a), ip(b), ip(c))) {
    case CGAL::LEFT_TURN: return 1;
    case CGAL::RIGHT_TURN: return -1;
    default: return 0;
  }
}

Contact intersect(const Point& p0, const Point& p1, const Point& q0, const Point& q1) {
  Contact c;
  const Epick::Segment_2 a(ip(p0), ip(p1)), b(ip(q0), ip(q1));
  if (!CGAL::do_intersect(a, b)) return c;  // exact predicate: the cheap common case
  const auto result = CGAL::intersection(Epeck::Segment_2(ep(p0), ep(p1)), Epeck::Segment_2(ep(q0), ep(q1)));
  if (!result) return c;
  if (const auto* pt = boost::get<Epeck::Point_2>(&*result)) {
    c.kind = Contact::Kind::Point;
    c.a = dp(*pt);
  } else if (const auto* seg = boost::get<Epeck::Segment_2>(&*result)) {
    c.kind = Contact::Kind::Segment;
    c.a = dp(seg->source());
    c.b = dp(seg->target());
  }
  return c;
}

Side sideOfRing(const std::vector<Point>& openRing, const Point& p) {
  std::vector<Epick::Point_2> pts;
  pts.reserve(openRing.size());
  for (const auto& q : openRing) pts.push_back(ip(q));
  switch (CGAL::bounded_side_2(pts.begin(), pts.end(), ip(p), Epick())) {
    case CGAL::ON_BOUNDED_SIDE: return Side::Inside;
    case CGAL::ON_BOUNDARY: return Side::Boundary;
    default: return Side::Outside;
  }
}

}  // namespace detail

std::vector<std::pair<std::size_t, std::size_t>> intersectingBoxes(const std::vector<Extent>& extents) {
  std::vector<Box> boxes = toBoxes(extents);
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  CGAL::box_self_intersection_d(boxes.begin(), boxes.end(), [&](const Box& a, const Box& b) {
    pairs.emplace_back(std::min(a.info(), b.info()), std::max(a.info(), b.info()));
  });
  std::sort(pairs.begin(), pairs.end());
  return pairs;
}

std::vector<std::pair<std::size_t, std::size_t>> intersectingBoxes(const std::vector<Extent>& a,
                                                                   const std::vector<Extent>& b) {
  std::vector<Box> ba = toBoxes(a), bb = toBoxes(b);
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  CGAL::box_intersection_d(ba.begin(), ba.end(), bb.begin(), bb.end(),
                           [&](const Box& x, const Box& y) { pairs.emplace_back(x.info(), y.info()); });
  std::sort(pairs.begin(), pairs.end());
  return pairs;
}

}  // namespace dothi::geo::analysis
