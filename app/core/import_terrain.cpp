// importTerrain: DEM raster → the project's terrain grid, in the project CRS, in one transaction.
#include "core/import_terrain.hpp"

#include <cmath>

#include "core/import_plan.hpp"
#include "dothi/geo/crs.hpp"
#include "dothi/geo/terrain.hpp"
#include "dothi/importers/raster_importer.hpp"

namespace dothi::app {

using geo::ErrorCode;

namespace {

/// The raster's footprint in degrees (x = longitude), from its corners and centre.
geo::Result<geo::Extent> lonLatOf(const importers::RasterInfo& raster, const std::string& crs, const std::string& file) {
  auto toWgs = geo::Transformer::create(crs, "EPSG:4326");
  if (!toWgs) return std::unexpected(toWgs.error().withFile(file));
  const geo::Extent& e = raster.extent;
  geo::Extent out;
  for (geo::Point p : {geo::Point{e.minX, e.minY}, geo::Point{e.maxX, e.minY}, geo::Point{e.minX, e.maxY},
                       geo::Point{e.maxX, e.maxY}, e.center()})
    if (toWgs->transform(p) && std::abs(p.y) <= 90.0) out.include(p);
  if (out.isEmpty()) return geo::fail(ErrorCode::Crs, "the raster's corners cannot be placed on the Earth: wrong CRS?", file);
  return out;
}

/// The project CRS (checking --to-crs agrees), else --to-crs, else one chosen for the raster.
geo::Result<std::string> projectCrsFor(const geo::Project& project, const ImportOptions& o,
                                       const importers::RasterInfo& raster, const std::string& rasterCrs,
                                       bool& chosen) {
  auto current = detail::existingProjectCrs(project, o.toCrs);
  if (!current || !current->empty()) return current;
  chosen = true;
  if (!o.toCrs.empty()) return o.toCrs;
  auto info = geo::describeCrs(rasterCrs);
  if (!info) return std::unexpected(info.error().withFile(o.source));
  auto lonLat = lonLatOf(raster, rasterCrs, o.source);
  if (!lonLat) return std::unexpected(lonLat.error());
  return geo::chooseProjectCrs(*info, *lonLat);
}

bool overlaps(const geo::Extent& a, const geo::Extent& b) {
  return !a.isEmpty() && !b.isEmpty() && a.minX <= b.maxX && b.minX <= a.maxX && a.minY <= b.maxY && b.minY <= a.maxY;
}

TerrainImportSummary summarise(const geo::TerrainGrid& grid) {
  const auto [lo, hi] = grid.range();
  return {grid.columns, grid.rows, (grid.cellX + grid.cellY) / 2, lo, hi, grid.validFraction(), grid.sourceCrs};
}

}  // namespace

geo::Result<ImportResult> importTerrain(geo::Project& project, const ImportOptions& o) {
  if (project.readOnly()) return geo::fail(ErrorCode::Io, "the project is open read-only", project.path());
  auto raster = importers::describeRaster(o.source);
  if (!raster) return std::unexpected(raster.error());
  const std::string rasterCrs = o.fromCrs.empty() ? raster->crs : o.fromCrs;
  if (rasterCrs.empty())
    return geo::fail(ErrorCode::Crs, "the raster stores no CRS: name it with --from-crs (e.g. EPSG:4326)", o.source);
  ImportResult result;
  auto crs = projectCrsFor(project, o, *raster, rasterCrs, result.projectCrsChosen);
  if (!crs) return std::unexpected(crs.error());
  if (o.progress) o.progress(0.1, "Resampling the DEM into " + *crs);
  importers::TerrainReadOptions read;
  read.fromCrs = o.fromCrs;
  read.toCrs = *crs;
  auto grid = importers::readTerrain(o.source, read);
  if (!grid) return std::unexpected(grid.error());
  if (o.cancel && o.cancel->load()) return geo::fail(ErrorCode::Cancelled, "import cancelled; the project is unchanged", o.source);
  if (const geo::Extent data = project.extent(); !data.isEmpty() && !overlaps(data, grid->extent()))
    return geo::fail(ErrorCode::Crs, "the DEM does not cover any of the project's data (another region?)", o.source);

  auto tx = project.transaction();
  if (!tx) return std::unexpected(tx.error());
  if (project.crs().empty())
    if (auto set = project.setCrs(*crs); !set) return std::unexpected(set.error());
  grid->crs = project.crs();
  if (auto stored = project.setTerrain(*grid); !stored) return std::unexpected(stored.error());
  if (auto c = (*tx)->commit(); !c) return std::unexpected(c.error());
  if (o.progress) o.progress(1.0, "Imported the terrain");
  result.projectCrs = project.crs();
  result.terrain = summarise(*grid);
  return result;
}

}  // namespace dothi::app
