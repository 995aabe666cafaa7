// GDAL/OGR importer: reads every vector format GDAL reads. OGR objects live only inside this
// file; features leave as geo::Feature (geometry through ISO WKB).
#include "ogr_importer.hpp"

#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <filesystem>

#include "detail/gdal_errors.hpp"
#include "detail/geos_validity.hpp"
#include "detail/ogr_convert.hpp"

namespace dothi::importers {

using detail::clearGdalError;
using detail::lastGdalError;

namespace {

struct DatasetCloser {
  void operator()(GDALDatasetH ds) const { GDALClose(ds); }
};
using DatasetPtr = std::unique_ptr<void, DatasetCloser>;

class OgrCursor final : public SourceCursor {
 public:
  OgrCursor(std::string path, OGRLayerH layer, geo::Schema fields, std::int64_t total)
      : m_path(std::move(path)), m_layer(layer), m_fields(std::move(fields)), m_total(total) {}

  geo::Result<std::optional<geo::Feature>> next(std::string* problem) override {
    clearGdalError();
    OGRFeatureH f = OGR_L_GetNextFeature(m_layer);
    if (!f) {
      if (std::string err = lastGdalError(); !err.empty()) {
        geo::Error e{geo::ErrorCode::Format, "reading stopped after " + std::to_string(m_read) + " features: " + err,
                     m_path, OGR_L_GetName(m_layer), {}};
        return std::unexpected(e);
      }
      return std::optional<geo::Feature>{};
    }
    ++m_read;
    if (std::string err = lastGdalError(); !err.empty()) {  // e.g. a shape cut off by truncation
      geo::Error e{geo::ErrorCode::Format, "corrupt or truncated data: " + err, m_path, OGR_L_GetName(m_layer),
                   OGR_F_GetFID(f)};
      OGR_F_Destroy(f);
      return std::unexpected(e);
    }
    geo::Feature out = detail::convertFeature(f, m_fields, problem);
    OGR_F_Destroy(f);
    return std::optional<geo::Feature>{std::move(out)};
  }

  [[nodiscard]] double progress() const override {
    return m_total > 0 ? std::min(1.0, static_cast<double>(m_read) / static_cast<double>(m_total)) : 0.0;
  }

 private:
  std::string m_path;
  OGRLayerH m_layer;
  geo::Schema m_fields;
  std::int64_t m_total;
  std::int64_t m_read = 0;
};

class OgrSource final : public Source {
 public:
  OgrSource(std::string path, DatasetPtr ds) : m_path(std::move(path)), m_ds(std::move(ds)) {
    const int n = GDALDatasetGetLayerCount(m_ds.get());
    for (int i = 0; i < n; ++i) m_layers.push_back(detail::describeLayer(GDALDatasetGetLayer(m_ds.get(), i)));
  }
  [[nodiscard]] std::string path() const override { return m_path; }
  [[nodiscard]] std::string driverName() const override {
    return GDALGetDriverShortName(GDALGetDatasetDriver(m_ds.get()));
  }
  [[nodiscard]] std::vector<SourceLayerInfo> layers() const override { return m_layers; }

  geo::Result<std::unique_ptr<SourceCursor>> read(const std::string& name, const std::string& where) override {
    OGRLayerH layer = GDALDatasetGetLayerByName(m_ds.get(), name.c_str());
    if (!layer) return geo::fail(geo::ErrorCode::NotFound, "no layer named '" + name + "' in the source", m_path);
    clearGdalError();
    if (OGR_L_SetAttributeFilter(layer, where.empty() ? nullptr : where.c_str()) != OGRERR_NONE) {
      geo::Error e{geo::ErrorCode::InvalidArgument, "invalid filter '" + where + "': " + lastGdalError(), m_path, name, {}};
      return std::unexpected(e);
    }
    OGR_L_ResetReading(layer);
    const std::int64_t total = where.empty() ? OGR_L_GetFeatureCount(layer, FALSE) : -1;
    return std::make_unique<OgrCursor>(m_path, layer, detail::layerSchema(layer), total);
  }

  [[nodiscard]] std::string validityProblem(const geo::Geometry& g) const override {
    return detail::validityProblem(g);
  }

 private:
  std::string m_path;
  DatasetPtr m_ds;
  std::vector<SourceLayerInfo> m_layers;
};

bool isConnectionString(const std::string& path) { return path.rfind("PG:", 0) == 0; }

geo::ErrorCode openFailureCode(const std::string& path) {
  std::error_code ec;
  if (isConnectionString(path)) return geo::ErrorCode::Io;
  if (!std::filesystem::exists(path, ec)) return geo::ErrorCode::NotFound;
  return geo::ErrorCode::Format;
}

class OgrImporter final : public Importer {
 public:
  [[nodiscard]] ImporterMetadata metadata() const override {
    return {"ogr", "Any vector format GDAL/OGR reads (Shapefile, GeoPackage, GeoJSON, MapInfo, DGN v7, GML, OSM, "
                   "CSV, DXF, FlatGeobuf, PostGIS...)"};
  }

  [[nodiscard]] int probe(const std::string& path) const override {
    detail::initGdal();
    if (isConnectionString(path)) return 90;
    clearGdalError();
    GDALDriverH d = GDALIdentifyDriverEx(path.c_str(), GDAL_OF_VECTOR, nullptr, nullptr);
    // Even when nothing identifies it (missing sidecar, corrupt header, no file), let open() explain why.
    return d ? 50 : 1;
  }

  [[nodiscard]] geo::Result<std::unique_ptr<Source>> open(const std::string& path) const override {
    detail::initGdal();
    std::error_code ec;
    if (!isConnectionString(path) && !std::filesystem::exists(path, ec))
      return geo::fail(geo::ErrorCode::NotFound, "no such file", path);
    clearGdalError();
    const char* const options[] = {"WRITE_GFS=NO", nullptr};
    const bool gml = std::filesystem::path(path).extension() == ".gml";
    GDALDatasetH ds = GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR, nullptr,
                                 gml ? options : nullptr, nullptr);
    if (!ds) {
      std::string why = lastGdalError();
      if (why.empty()) why = "not a vector format GDAL/OGR can read";
      return geo::fail(openFailureCode(path), "cannot open: " + why, path);
    }
    return std::make_unique<OgrSource>(path, DatasetPtr(ds));
  }
};

}  // namespace

std::unique_ptr<Importer> makeOgrImporter() { return std::make_unique<OgrImporter>(); }

}  // namespace dothi::importers
