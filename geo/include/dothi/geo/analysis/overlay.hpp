#pragma once
/// Exact planar overlay of polygons (CGAL Arrangement_2 over the exact kernel, hidden in
/// geo/src/analysis/polygon_overlay.cpp). Every ring is filled by the even-odd rule, so invalid
/// input (self-intersecting, unclosed, holes outside) is handled without failing. Coordinates
/// and results are in the input's CRS (areas in its units²). Thread-safe: no shared state.
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <utility>
#include <vector>

#include "dothi/geo/error.hpp"
#include "dothi/geo/geometry.hpp"

namespace dothi::geo::analysis {

/// A polygon to overlay, tagged with a number chosen by the caller. Not owned.
struct OverlayInput {
  std::uint32_t owner = 0;
  const Polygon* polygon = nullptr;
};

/// What the caller wants of a face, decided from its owners before anything is computed.
enum class FaceNeed { Skip, Area, Geometry };

/// One face of the overlay: the region covered by exactly `owners`.
struct OverlayFace {
  std::vector<std::uint32_t> owners;          ///< ascending; empty = uncovered
  std::vector<std::uint32_t> boundaryOwners;  ///< owners of the edges around the face, ascending
  bool bounded = true;
  double area = 0;   ///< exact area rounded once to double (0 when only owners were asked)
  Extent box;        ///< bounding box of the face's outer boundary
  Polygon polygon;   ///< outer boundary and holes (FaceNeed::Geometry only)
};

using FaceNeedFn = std::function<FaceNeed(const std::vector<std::uint32_t>& owners, bool bounded)>;
using FaceSinkFn = std::function<void(OverlayFace&&)>;

/// Builds the overlay and reports the faces `need` asks for. Error Cancelled when `cancel` is
/// set; Error Geometry if CGAL fails (never expected: inputs are arbitrary segments).
Result<void> overlay(const std::vector<OverlayInput>& inputs, const FaceNeedFn& need, const FaceSinkFn& sink,
                     const std::atomic<bool>* cancel = nullptr);

/// Cuts a polygon along a line (any number of vertices; its parts outside the polygon and its
/// dangling ends inside cut nothing). Returns the pieces, shells counter-clockwise and holes
/// clockwise, sharing the new vertices exactly; one piece when the line does not cut through.
Result<std::vector<Polygon>> splitPolygon(const Polygon& polygon, const std::vector<Point>& line);

/// The union of polygons (even-odd per polygon), shared edges dissolved: one polygon per
/// connected region, shells counter-clockwise, holes clockwise.
Result<std::vector<Polygon>> unionPolygons(const std::vector<const Polygon*>& polygons);

/// Exact area shared by each pair (i in a, j in b) whose interiors overlap, keyed (i, j).
/// Polygons are whole geometries (all parts); pairs come from a box-intersection filter.
Result<std::map<std::pair<std::size_t, std::size_t>, double>> intersectionAreas(const std::vector<const Geometry*>& a,
                                                                               const std::vector<const Geometry*>& b);

/// Pairs (i, j), i < j, of boxes that meet (closed boxes), via CGAL::box_intersection_d.
std::vector<std::pair<std::size_t, std::size_t>> intersectingBoxes(const std::vector<Extent>& boxes);
/// Pairs (i in a, j in b) of boxes that meet.
std::vector<std::pair<std::size_t, std::size_t>> intersectingBoxes(const std::vector<Extent>& a,
                                                                   const std::vector<Extent>& b);

}  // namespace dothi::geo::analysis
