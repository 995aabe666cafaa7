#pragma once
/// Reads an elevation raster (GeoTIFF or any raster GDAL reads, any CRS) and resamples it with
/// GDAL's warper onto a grid in the project CRS. No GDAL type leaves this module.
#include <string>

#include "dothi/geo/error.hpp"
#include "dothi/geo/geometry.hpp"
#include "dothi/geo/terrain.hpp"

namespace dothi::importers {

/// What a raster declares, before any resampling.
struct RasterInfo {
  std::string crs;         ///< AUTH:CODE when GDAL identifies one, else WKT; empty = none stored
  int columns = 0;
  int rows = 0;
  int bands = 0;
  geo::Extent extent;      ///< in the raster's own CRS
};

struct TerrainReadOptions {
  std::string fromCrs;     ///< overrides/supplies the raster's CRS
  std::string toCrs;       ///< the project CRS to resample into (required)
  int band = 1;
  /// Largest grid accepted after resampling (cells); a bigger DEM should be resampled first.
  long long maxCells = 64LL * 1024 * 1024;
};

/// Opens the raster and describes it. Error(Format) when GDAL cannot read it as a raster.
geo::Result<RasterInfo> describeRaster(const std::string& path);

/// Resamples one band bilinearly into toCrs at about the source's resolution (square cells,
/// GDAL's suggested warp output) and returns the grid; no-data cells become NaN.
geo::Result<geo::TerrainGrid> readTerrain(const std::string& path, const TerrainReadOptions& options);

}  // namespace dothi::importers
