#pragma once
/// Ellipsoidal (geodesic) area and perimeter of polygons, with PROJ's geod_* API (Karney's
/// GeographicLib algorithms built into libproj): vertices are transformed from the layer's CRS to
/// its base geographic CRS, edges densified, and the polygon measured on that CRS's ellipsoid.
#include <memory>
#include <string>

#include "dothi/geo/error.hpp"
#include "dothi/geo/geometry.hpp"

namespace dothi::geo::analysis {

struct GeodesicMeasure {
  double area = 0;       ///< m² on the ellipsoid (outer rings minus holes, absolute)
  double perimeter = 0;  ///< m, all rings
};

/// Measures geometries of one CRS. Owns a PROJ context: one per thread.
class GeodesicCalculator {
 public:
  /// `crs`: the layer's CRS definition ("EPSG:2100"). Error Crs when PROJ cannot find its
  /// geographic base or ellipsoid.
  static Result<GeodesicCalculator> create(const std::string& crs);
  GeodesicCalculator(GeodesicCalculator&&) noexcept;
  GeodesicCalculator& operator=(GeodesicCalculator&&) noexcept;
  ~GeodesicCalculator();

  /// Area and perimeter of the polygons of `g` (0 for other types). Edges are densified so that
  /// no piece is longer than `maxSegment` CRS units before transformation.
  [[nodiscard]] Result<GeodesicMeasure> measure(const Geometry& g, double maxSegment = 1.0) const;
  /// "GGRS87 (EPSG:4121) on GRS 1980": what the figures are computed on.
  [[nodiscard]] std::string description() const;

 private:
  struct Impl;
  explicit GeodesicCalculator(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m_impl;
};

}  // namespace dothi::geo::analysis
