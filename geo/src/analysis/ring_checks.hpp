#pragma once
// Per-feature ring checks (no overlay): closure, duplicate vertices, spikes, degenerate rings,
// self-intersections, holes crossing or outside their shell, hole orientation. Exact predicates
// come from exact.hpp; shell orientation against the layer's convention is decided by the caller.
#include <vector>

#include "dothi/geo/analysis/finding.hpp"

namespace dothi::geo::analysis::detail {

struct ShellTurn {
  std::size_t part = 0;
  int sign = 0;  ///< +1 counter-clockwise, -1 clockwise, 0 degenerate (already a finding)
};

/// Appends the findings of one feature's polygons to `out` (fids/ids left for the caller) and
/// the turn of each part's shell to `shells`.
void checkRings(const Geometry& g, double spikeAngleDegrees, std::vector<Finding>& out, std::vector<ShellTurn>& shells);

/// Twice the signed area of an open or closed ring (closing edge implied), shifted to its first
/// vertex for precision.
double twiceSignedArea(const std::vector<Point>& ring);

/// The ring as an open list of distinct consecutive vertices (closing vertex dropped).
std::vector<Point> openDistinct(const Ring& ring);

}  // namespace dothi::geo::analysis::detail
