#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include "detail/gdal_errors.hpp"
#include "detail/ogr_convert.hpp"
#include "dothi/geo/crs.hpp"
#include "dothi/importers/exporter.hpp"

namespace dothi::importers {

using detail::lastGdalError;

std::string driverForExtension(const std::string& path) {
  static const std::map<std::string, std::string> kDrivers = {
      {".shp", "ESRI Shapefile"}, {".gpkg", "GPKG"}, {".geojson", "GeoJSON"}, {".json", "GeoJSON"},
      {".geojsonl", "GeoJSONSeq"}, {".tab", "MapInfo File"}, {".mif", "MapInfo File"}, {".dgn", "DGN"},
      {".gml", "GML"}, {".csv", "CSV"}, {".kml", "KML"}, {".dxf", "DXF"}, {".fgb", "FlatGeobuf"},
      {".sqlite", "SQLite"}};
  std::string ext = std::filesystem::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  auto it = kDrivers.find(ext);
  return it == kDrivers.end() ? std::string{} : it->second;
}

namespace {

struct Output {
  GDALDatasetH ds = nullptr;
  OGRSpatialReferenceH srs = nullptr;
  ~Output() {
    if (ds) GDALClose(ds);
    if (srs) OSRDestroySpatialReference(srs);
  }
};

std::vector<const char*> creationOptions(const std::string& driver, const std::string& path) {
  std::vector<const char*> opts;
  if (driver == "CSV") opts.push_back("GEOMETRY=AS_WKT");
  if (driver == "MapInfo File" && std::filesystem::path(path).extension() == ".mif") opts.push_back("FORMAT=MIF");
  opts.push_back(nullptr);
  return opts;
}

geo::Result<OGRLayerH> createLayer(Output& out, const geo::LayerInfo& info, const std::string& crs,
                                   const std::string& driver, const std::string& path) {
  out.srs = OSRNewSpatialReference(nullptr);
  OSRSetAxisMappingStrategy(out.srs, OAMS_TRADITIONAL_GIS_ORDER);
  if (OSRSetFromUserInput(out.srs, crs.c_str()) != OGRERR_NONE)
    return geo::fail(geo::ErrorCode::Crs, "GDAL does not understand CRS '" + crs.substr(0, 80) + "'", path);
  OGRwkbGeometryType type = wkbUnknown;
  switch (info.geometryType) {
    case geo::GeometryType::MultiPolygon: type = driver == "ESRI Shapefile" ? wkbPolygon : wkbMultiPolygon; break;
    case geo::GeometryType::MultiLineString: type = driver == "ESRI Shapefile" ? wkbLineString : wkbMultiLineString; break;
    case geo::GeometryType::MultiPoint: type = wkbMultiPoint; break;
    default: break;
  }
  auto opts = creationOptions(driver, path);
  OGRLayerH layer = GDALDatasetCreateLayer(out.ds, info.name.c_str(), out.srs, type, const_cast<char**>(opts.data()));
  if (!layer) return geo::fail(geo::ErrorCode::Io, "cannot create the layer: " + lastGdalError(), path);
  for (const auto& f : info.fields) {
    const OGRFieldType t = f.type == geo::FieldType::Integer ? OFTInteger64
                           : f.type == geo::FieldType::Real  ? OFTReal
                                                             : OFTString;
    OGRFieldDefnH fd = OGR_Fld_Create(f.name.c_str(), t);
    OGR_L_CreateField(layer, fd, TRUE);
    OGR_Fld_Destroy(fd);
  }
  return layer;
}

geo::Result<void> writeFeature(OGRLayerH layer, const geo::Feature& f, const geo::Transformer* tr,
                               const std::string& path, const std::string& layerName, bool keepFid) {
  geo::Geometry g = f.geometry;
  if (tr && !g.isEmpty()) {
    if (auto r = tr->transform(g); !r) {
      geo::Error e = r.error();
      e.file = path, e.layer = layerName, e.featureId = f.id;
      return std::unexpected(e);
    }
  }
  OGRFeatureH out = OGR_F_Create(OGR_L_GetLayerDefn(layer));
  if (keepFid) OGR_F_SetFID(out, f.id);  // MapInfo, DGN, CSV... number features themselves
  for (int i = 0; i < static_cast<int>(f.attributes.size()); ++i) {
    const auto& v = f.attributes[i];
    if (const auto* n = std::get_if<std::int64_t>(&v)) OGR_F_SetFieldInteger64(out, i, *n);
    else if (const auto* d = std::get_if<double>(&v)) OGR_F_SetFieldDouble(out, i, *d);
    else if (const auto* s = std::get_if<std::string>(&v)) OGR_F_SetFieldString(out, i, s->c_str());
  }
  if (OGRGeometryH geom = detail::toOgr(g)) OGR_F_SetGeometryDirectly(out, geom);
  const OGRErr err = OGR_L_CreateFeature(layer, out);
  OGR_F_Destroy(out);
  if (err != OGRERR_NONE) {
    geo::Error e{geo::ErrorCode::Io, "cannot write the feature: " + lastGdalError(), path, layerName, f.id};
    return std::unexpected(e);
  }
  return {};
}

geo::Result<std::int64_t> writeAll(const geo::Project& project, const geo::LayerInfo& info, const std::string& outPath,
                                   const ExportOptions& options, const std::string& driver) {
  const std::string crs = options.crs.empty() ? project.crs() : options.crs;
  std::optional<geo::Transformer> tr;
  if (crs != project.crs()) {
    auto t = geo::Transformer::create(project.crs(), crs);
    if (!t) return std::unexpected(t.error().withFile(outPath));
    tr = std::move(*t);
  }
  Output out;
  out.ds = GDALCreate(GDALGetDriverByName(driver.c_str()), outPath.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
  if (!out.ds) return geo::fail(geo::ErrorCode::Io, "cannot create the file: " + lastGdalError(), outPath);
  auto layer = createLayer(out, info, crs, driver, outPath);
  if (!layer) return std::unexpected(layer.error());
  std::int64_t written = 0;
  std::optional<geo::Error> failure;
  const bool keepFid = driver == "GPKG" || driver == "SQLite" || driver == "GeoJSON";
  const bool transaction = OGR_L_TestCapability(*layer, OLCTransactions);
  if (transaction) OGR_L_StartTransaction(*layer);
  auto r = project.forEachFeature(info.name, {}, [&](const geo::Feature& f) {
    if (auto w = writeFeature(*layer, f, tr ? &*tr : nullptr, outPath, info.name, keepFid); !w) return failure = w.error(), false;
    return ++written, true;
  });
  if (transaction) OGR_L_CommitTransaction(*layer);
  if (!r) return std::unexpected(r.error());
  if (failure) return std::unexpected(*failure);
  return written;
}

}  // namespace

geo::Result<std::int64_t> exportLayer(const geo::Project& project, const std::string& layerName,
                                      const std::string& outPath, const ExportOptions& options) {
  detail::initGdal();
  detail::clearGdalError();
  auto info = project.layer(layerName);
  if (!info) return geo::fail(geo::ErrorCode::NotFound, "no layer named '" + layerName + "'", project.path());
  const std::string driver = options.format.empty() ? driverForExtension(outPath) : options.format;
  if (driver.empty() || !GDALGetDriverByName(driver.c_str()))
    return geo::fail(geo::ErrorCode::InvalidArgument,
                     "unknown output format" + (driver.empty() ? std::string(" (use --format)") : " '" + driver + "'"), outPath);
  std::error_code ec;
  if (std::filesystem::exists(outPath, ec)) {
    if (!options.overwrite) return geo::fail(geo::ErrorCode::InvalidArgument, "file exists (use --overwrite)", outPath);
    GDALDeleteDataset(GDALGetDriverByName(driver.c_str()), outPath.c_str());
  }
  auto written = writeAll(project, *info, outPath, options, driver);
  if (!written && std::filesystem::exists(outPath, ec)) GDALDeleteDataset(GDALGetDriverByName(driver.c_str()), outPath.c_str());
  return written;
}

}  // namespace dothi::importers
