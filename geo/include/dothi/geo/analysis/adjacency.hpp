#pragma once
/// Shared boundaries between polygons: the length of boundary two parcels have in common, with a
/// tolerance for digitised data where neighbours' edges differ by millimetres. Plain doubles:
/// a tolerance makes exactness moot here. Units: the geometries' CRS units.
#include "dothi/geo/geometry.hpp"

namespace dothi::geo::analysis {

/// Length of a's boundary that lies within `tolerance` of b's boundary along edges running the
/// same way (collinear within the tolerance); a touch at one point gives 0.
double sharedBoundaryLength(const Geometry& a, const Geometry& b, double tolerance = 0.05);

}  // namespace dothi::geo::analysis
