// Elevation rasters through GDAL: gdalwarp's library form (GDALWarp) resamples the DEM into the
// project CRS in memory (MEM driver), bilinear, as Float32 with NaN for no data. Only this file
// sees GDAL raster handles.
#include "dothi/importers/raster_importer.hpp"

#include <gdal.h>
#include <cpl_conv.h>
#include <gdal_utils.h>
#include <ogr_srs_api.h>

#include <cmath>
#include <filesystem>
#include <limits>
#include <memory>
#include <vector>

#include "detail/gdal_errors.hpp"

namespace dothi::importers {
namespace {

using geo::ErrorCode;

struct DatasetCloser {
  void operator()(void* ds) const { GDALClose(ds); }
};
using DatasetPtr = std::unique_ptr<void, DatasetCloser>;

std::string withDetail(const std::string& what) {
  const std::string gdal = detail::lastGdalError();
  return gdal.empty() ? what : what + ": " + gdal;
}

/// "EPSG:4326" when GDAL can tell the code, else the WKT; "" when the raster stores no CRS.
std::string crsOf(GDALDatasetH ds) {
  OGRSpatialReferenceH srs = GDALGetSpatialRef(ds);
  if (srs == nullptr) return {};
  OGRSpatialReferenceH copy = OSRClone(srs);
  std::string out;
  if (OSRAutoIdentifyEPSG(copy) == OGRERR_NONE) {
    const char* auth = OSRGetAuthorityName(copy, nullptr);
    const char* code = OSRGetAuthorityCode(copy, nullptr);
    if (auth != nullptr && code != nullptr) out = std::string(auth) + ":" + code;
  }
  if (out.empty()) {
    char* wkt = nullptr;
    const char* options[] = {"FORMAT=WKT2_2019", nullptr};
    if (OSRExportToWktEx(copy, &wkt, options) == OGRERR_NONE && wkt != nullptr) out = wkt;
    CPLFree(wkt);
  }
  OSRDestroySpatialReference(copy);
  return out;
}

geo::Result<DatasetPtr> openRaster(const std::string& path) {
  detail::initGdal();
  detail::clearGdalError();
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return geo::fail(ErrorCode::NotFound, "no such file", path);
  DatasetPtr ds(GDALOpenEx(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
  if (!ds) return geo::fail(ErrorCode::Format, withDetail("not a raster GDAL can read"), path);
  if (GDALGetRasterCount(ds.get()) < 1) return geo::fail(ErrorCode::Format, "the raster has no band", path);
  return ds;
}

/// Runs GDALWarp into an in-memory Float32 dataset in `toCrs`.
geo::Result<DatasetPtr> warp(GDALDatasetH source, const std::string& path, const TerrainReadOptions& o) {
  std::vector<std::string> args = {"-of", "MEM", "-t_srs", o.toCrs, "-r", "bilinear", "-ot", "Float32",
                                   "-dstnodata", "nan"};  // GDAL 3.6's gdalwarp has no -b: every band is warped
  if (!o.fromCrs.empty()) args.insert(args.end(), {"-s_srs", o.fromCrs});
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::unique_ptr<GDALWarpAppOptions, decltype(&GDALWarpAppOptionsFree)> options(
      GDALWarpAppOptionsNew(argv.data(), nullptr), &GDALWarpAppOptionsFree);
  if (!options) return geo::fail(ErrorCode::Internal, withDetail("bad warp options"), path);
  GDALDatasetH sources[] = {source};
  int usageError = 0;
  DatasetPtr out(GDALWarp("", nullptr, 1, sources, options.get(), &usageError));
  if (!out) {
    const std::string gdal = detail::lastGdalError();
    const bool crsProblem = gdal.find("SRS") != std::string::npos || gdal.find("transform") != std::string::npos ||
                            gdal.find("CRS") != std::string::npos;
    return geo::fail(crsProblem ? ErrorCode::Crs : ErrorCode::Format,
                     "cannot resample the raster into " + o.toCrs + (gdal.empty() ? "" : ": " + gdal), path);
  }
  return out;
}

}  // namespace

geo::Result<RasterInfo> describeRaster(const std::string& path) {
  auto ds = openRaster(path);
  if (!ds) return std::unexpected(ds.error());
  RasterInfo info;
  info.crs = crsOf(ds->get());
  info.columns = GDALGetRasterXSize(ds->get());
  info.rows = GDALGetRasterYSize(ds->get());
  info.bands = GDALGetRasterCount(ds->get());
  double gt[6];
  if (GDALGetGeoTransform(ds->get(), gt) == CE_None) {
    for (int i : {0, 1})
      for (int j : {0, 1}) {
        const double px = i * info.columns, py = j * info.rows;
        info.extent.include(geo::Point{gt[0] + px * gt[1] + py * gt[2], gt[3] + px * gt[4] + py * gt[5], 0});
      }
  }
  return info;
}

geo::Result<geo::TerrainGrid> readTerrain(const std::string& path, const TerrainReadOptions& o) {
  if (o.toCrs.empty()) return geo::fail(ErrorCode::InvalidArgument, "no target CRS for the terrain", path);
  auto source = openRaster(path);
  if (!source) return std::unexpected(source.error());
  if (o.band < 1 || o.band > GDALGetRasterCount(source->get()))
    return geo::fail(ErrorCode::InvalidArgument, "the raster has no band " + std::to_string(o.band), path);
  const std::string sourceCrs = o.fromCrs.empty() ? crsOf(source->get()) : o.fromCrs;
  if (sourceCrs.empty())
    return geo::fail(ErrorCode::Crs, "the raster stores no CRS: name it with --from-crs (e.g. EPSG:4326)", path);
  double gt[6];
  if (GDALGetGeoTransform(source->get(), gt) != CE_None)
    return geo::fail(ErrorCode::Format, "the raster is not georeferenced (no geotransform)", path);

  auto warped = warp(source->get(), path, o);
  if (!warped) return std::unexpected(warped.error());
  GDALDatasetH ds = warped->get();
  const int columns = GDALGetRasterXSize(ds), rows = GDALGetRasterYSize(ds);
  if (static_cast<long long>(columns) * rows > o.maxCells)
    return geo::fail(ErrorCode::InvalidArgument,
                     "the resampled DEM would have " + std::to_string(columns) + " x " + std::to_string(rows) +
                         " cells; resample it to a coarser resolution first (gdalwarp -tr)",
                     path);
  double wgt[6];
  GDALGetGeoTransform(ds, wgt);
  if (wgt[2] != 0 || wgt[4] != 0 || wgt[1] <= 0 || wgt[5] >= 0)
    return geo::fail(ErrorCode::Format, "the resampled DEM is rotated or flipped", path);

  geo::TerrainGrid grid;
  grid.crs = o.toCrs;
  grid.columns = columns;
  grid.rows = rows;
  grid.cellX = wgt[1];
  grid.cellY = -wgt[5];
  grid.originX = wgt[0] + grid.cellX / 2;  // cell centres: heights are point samples
  grid.originY = wgt[3] - grid.cellY / 2;
  grid.source = path;
  grid.sourceCrs = sourceCrs;
  grid.heights.resize(std::size_t(columns) * rows);
  GDALRasterBandH band = GDALGetRasterBand(ds, o.band);
  detail::clearGdalError();
  if (GDALRasterIO(band, GF_Read, 0, 0, columns, rows, grid.heights.data(), columns, rows, GDT_Float32, 0, 0) != CE_None)
    return geo::fail(ErrorCode::Io, withDetail("cannot read the raster's heights"), path);
  int hasNoData = 0;
  const double noData = GDALGetRasterNoDataValue(band, &hasNoData);
  for (float& h : grid.heights) {
    // The warper writes NaN where nothing maps; a numeric no-data value may survive from the
    // source, and absurd values (SRTM voids, -32768) are no data whatever the header says.
    if ((hasNoData && !std::isnan(noData) && h == static_cast<float>(noData)) || h < -12000.0f || h > 9000.0f)
      h = std::numeric_limits<float>::quiet_NaN();
  }
  if (grid.validFraction() == 0) return geo::fail(ErrorCode::Format, "the raster holds no height at all", path);
  return grid;
}

}  // namespace dothi::importers
