#pragma once
/// The ground surface of a project: a DEM resampled onto a regular grid in the project CRS and
/// stored in the project file (table `dothi_terrain`, see Project::setTerrain). Plain values:
/// no GDAL here (importers/raster_importer.hpp reads rasters into it).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dothi/geo/geometry.hpp"

namespace dothi::geo {

/// Heights in metres at the centres of a grid of square-ish cells. Row 0 is the northern row;
/// the centre of cell (column c, row r) lies at (originX + c * cellX, originY - r * cellY) in the
/// project CRS. Cells without data hold NaN. Immutable once built; share it freely across threads.
struct TerrainGrid {
  std::string crs;        ///< the project CRS the grid is in ("EPSG:32632")
  int columns = 0;
  int rows = 0;
  double originX = 0;     ///< centre of the north-west cell, project CRS metres
  double originY = 0;
  double cellX = 1;       ///< cell width, metres (> 0)
  double cellY = 1;       ///< cell height, metres (> 0); rows go south
  std::vector<float> heights;  ///< rows * columns, row-major, metres; NaN = no data
  std::string source;     ///< the raster it was imported from
  std::string sourceCrs;  ///< the CRS the raster declared (or the user named)

  [[nodiscard]] bool empty() const { return columns < 2 || rows < 2 || heights.size() != std::size_t(columns) * rows; }
  /// The area covered by cell centres (heights are interpolated inside it).
  [[nodiscard]] Extent extent() const;
  /// Height of one cell (NaN when it has no data or lies outside).
  [[nodiscard]] float at(int column, int row) const;
  /// Bilinear height between the four cell centres around (x, y), project CRS; no-data corners
  /// are left out of the weights. Nothing outside the grid or where all four lack data.
  [[nodiscard]] std::optional<double> heightAt(double x, double y) const;
  /// Lowest and highest height with data (0, 0 when there is none).
  [[nodiscard]] std::pair<float, float> range() const;
  /// Cells with data, as a fraction of all cells.
  [[nodiscard]] double validFraction() const;
};

}  // namespace dothi::geo
