#pragma once
// Exact geometric predicates and constructions, CGAL-free interface; the CGAL kernels live in
// exact_predicates.cpp (a CGAL translation unit is expensive to compile: keep them there).
#include <vector>

#include "dothi/geo/geometry.hpp"

namespace dothi::geo::analysis::detail {

/// Sign of the turn a→b→c, exactly: +1 left (counter-clockwise), -1 right, 0 collinear.
int orientation(const Point& a, const Point& b, const Point& c);

/// Where two closed segments meet, computed exactly, rounded to doubles once.
struct Contact {
  enum class Kind { None, Point, Segment } kind = Kind::None;
  Point a, b;  ///< the point (a), or the shared segment (a, b)
};
Contact intersect(const Point& p0, const Point& p1, const Point& q0, const Point& q1);

enum class Side { Inside, Boundary, Outside };
/// Position of p relative to the ring (open: no repeated closing vertex), exactly; the ring
/// should be simple (even-odd is used otherwise).
Side sideOfRing(const std::vector<Point>& openRing, const Point& p);

}  // namespace dothi::geo::analysis::detail
