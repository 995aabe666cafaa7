#pragma once
/// Exact topology validation of a polygon (parcel) layer: ring defects, overlaps, gaps, slivers,
/// duplicate/missing ids and parcels crossing a boundary layer. Predicates and overlay run with
/// CGAL's exact kernel (inside geo/src/analysis), so no defect is missed or invented by
/// floating-point rounding; the findings are rounded to doubles only for output.
/// Thread-safe (no shared state); uses up to `threads` worker threads.
#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "dothi/geo/analysis/finding.hpp"
#include "dothi/geo/error.hpp"
#include "dothi/geo/geometry.hpp"

namespace dothi::geo::analysis {

/// One parcel to check: its layer fid, geometry (project CRS) and id value (null when missing).
struct ParcelInput {
  std::int64_t fid = 0;
  Geometry geometry;
  std::optional<std::string> id;
};

/// A feature of the boundary layer (zoning, administrative units) for the crossing check.
struct ZoneInput {
  std::int64_t fid = 0;
  Geometry geometry;
  std::string label;  ///< shown in messages ("zone R2 (fid 4)")
};

enum class OrientationRule {
  Layer,  ///< shells must all turn the same way as most shells of the layer; holes the other way
  Ccw,    ///< OGC/GeoJSON: shells counter-clockwise, holes clockwise
  Cw,     ///< ESRI Shapefile: shells clockwise, holes counter-clockwise
};

struct TopologyOptions {
  double gapTolerance = 0.5;   ///< m²: uncovered holes between parcels up to this area are gaps
  double sliverWidth = 0.2;    ///< m: parcels holding no disc this wide anywhere are slivers
  double minArea = 0.01;       ///< m²: overlaps, gaps and boundary pieces at or below this are
                               ///< digitising noise: counted in the report, not listed (0 lists all)
  double spikeAngle = 1.0;     ///< degrees: a vertex turning back by less than this is a spike
  OrientationRule orientation = OrientationRule::Layer;
  bool checkIds = true;        ///< duplicate and missing ids (false when validating by fid)
  int threads = 0;             ///< 0: one per hardware thread
  int tileParcels = 0;         ///< parcels per overlay tile; 0: 2500 (tests use small tiles)
  /// progress(fraction 0..1, message), called from the calling thread.
  std::function<void(double, const std::string&)> progress;
  const std::atomic<bool>* cancel = nullptr;  ///< set to true to stop (returns Error Cancelled)
};

struct TopologyReport {
  std::vector<Finding> findings;           ///< ordered by type, then fids
  std::int64_t parcels = 0;
  std::int64_t zones = 0;
  std::int64_t overlapsBelowMinArea = 0;   ///< parcel pairs sharing 0 < area <= minArea
  std::int64_t gapsBelowMinArea = 0;       ///< uncovered holes with 0 < area <= minArea
  std::int64_t tiles = 0;                  ///< overlay tiles processed
  std::string orientationConvention;       ///< "counter-clockwise shells" / "clockwise shells"
};

/// Ring defects of one geometry, exactly: rings not closed, duplicate vertices, spikes sharper
/// than spikeAngle degrees, self-intersections, holes crossing or outside their shell, holes
/// turning like their shell. Used to check an edit before it is accepted.
std::vector<Finding> checkGeometry(const Geometry& geometry, double spikeAngle = 1.0);

/// Validates parcels (and their crossing of `zones`, when not empty). Invalid geometry never
/// fails the run: it becomes findings. Errors only for cancellation or internal failures.
Result<TopologyReport> validateTopology(const std::vector<ParcelInput>& parcels, const std::vector<ZoneInput>& zones,
                                        const TopologyOptions& options);

}  // namespace dothi::geo::analysis
