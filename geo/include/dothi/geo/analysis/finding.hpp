#pragma once
/// One defect found in a layer by validation: what it is, which features, where, and the
/// geometry of the problem itself (the overlap polygon, the self-intersection point...), all in
/// the layer's (project) CRS. Plain values; no CGAL.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dothi/geo/geometry.hpp"

namespace dothi::geo::analysis {

enum class FindingType {
  EmptyGeometry,     ///< a feature without geometry
  RingNotClosed,     ///< first vertex != last vertex
  DegenerateRing,    ///< fewer than 3 distinct vertices, or zero area
  DuplicateVertex,   ///< two consecutive vertices are equal
  Spike,             ///< the ring turns back on itself (angle below the spike tolerance)
  SelfIntersection,  ///< a ring crosses or touches itself, rings of one polygon cross, parts overlap
  HoleOutsideShell,  ///< a hole lies outside its polygon's shell
  WrongOrientation,  ///< a shell against the layer's convention, or a hole turning like its shell
  Overlap,           ///< two parcels share area
  Gap,               ///< uncovered land between parcels smaller than the gap tolerance
  Sliver,            ///< a parcel thinner than the width tolerance
  DuplicateId,       ///< several parcels carry the same id
  MissingId,         ///< a parcel has no id (null or empty)
  CrossesBoundary,   ///< a parcel lies in more than one zone of the --against layer
};

inline constexpr int kFindingTypeCount = 14;

/// "overlap", "self_intersection"... (stable names used in reports and JSON).
const char* findingTypeName(FindingType t);
std::optional<FindingType> findingTypeFromName(const std::string& name);

struct Finding {
  FindingType type = FindingType::EmptyGeometry;
  std::vector<std::int64_t> fids;                ///< features involved (layer fids), ascending
  std::vector<std::optional<std::string>> ids;   ///< their id-field values (same order; null = none)
  std::vector<std::int64_t> otherFids;           ///< features of the --against layer involved
  Point location;                                ///< a point on/in the problem (project CRS)
  Geometry geometry;                             ///< the problem itself (project CRS)
  double area = 0;                               ///< m² (CRS units²) for polygonal problems
  double length = 0;                             ///< m (CRS units) for linear problems
  std::string message;                           ///< one sentence for a person
};

/// A point inside a polygon (the middle of its widest horizontal chord through the middle of
/// its bounding box); the first vertex when there is none. Used as a finding's location.
Point interiorPoint(const Polygon& polygon);
Point interiorPoint(const Geometry& geometry);

}  // namespace dothi::geo::analysis
