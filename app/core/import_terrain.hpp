#pragma once
/// Use case: import a DEM raster as the project's terrain (`dothi-cli import DEM.tif --into
/// CITY.dothi --kind terrain`), resampled into the project CRS and stored in the project file.
#include <string>

#include "core/import_layer.hpp"
#include "core/terrain_summary.hpp"
#include "dothi/geo/error.hpp"
#include "dothi/geo/project.hpp"

namespace dothi::app {


/// Reads `options.source` as a raster, picks or checks the project CRS like a vector import
/// (`toCrs`, `fromCrs` honoured), and replaces the project's terrain, all in one transaction.
/// Called by importSource when options.terrain is set; fills result.terrain and the CRS fields.
geo::Result<ImportResult> importTerrain(geo::Project& project, const ImportOptions& options);

}  // namespace dothi::app
