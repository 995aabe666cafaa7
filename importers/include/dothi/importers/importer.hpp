#pragma once
/// Importers read foreign sources into geo features. Registered explicitly
/// (registerBuiltinImporters), GDAL-style: metadata, probe(path) with a confidence, open().
/// No GDAL/OGR type appears here: OGR objects never outlive an importer call.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dothi/geo/error.hpp"
#include "dothi/geo/feature.hpp"

namespace dothi::importers {

/// One layer of a source as the importer sees it, before anything is converted.
struct SourceLayerInfo {
  std::string name;
  geo::GeometryType geometryType = geo::GeometryType::None;  ///< declared (may be None=mixed)
  std::int64_t featureCount = -1;   ///< -1 when the driver cannot tell without reading
  std::string crs;                  ///< definition (AUTH:CODE or WKT); empty = none stored
  geo::Schema fields;
  geo::Extent extent;               ///< in the source CRS; empty when unknown
};

/// Reads one source layer feature by feature, in the source's CRS.
class SourceCursor {
 public:
  virtual ~SourceCursor() = default;
  /// Next feature, or nullopt at the end. Geometry is converted from the source; a geometry
  /// that cannot be converted yields a feature with an empty geometry and `problem` set.
  /// Errors are I/O or format failures that stop the read (truncated file...).
  virtual geo::Result<std::optional<geo::Feature>> next(std::string* problem) = 0;
  /// Fraction of the layer read so far, 0..1 (approximate).
  [[nodiscard]] virtual double progress() const = 0;
};

class Source {
 public:
  virtual ~Source() = default;
  [[nodiscard]] virtual std::string path() const = 0;
  [[nodiscard]] virtual std::string driverName() const = 0;
  [[nodiscard]] virtual std::vector<SourceLayerInfo> layers() const = 0;
  /// Opens a cursor on one layer; `where` is an optional OGR SQL attribute filter.
  virtual geo::Result<std::unique_ptr<SourceCursor>> read(const std::string& layer,
                                                          const std::string& where = {}) = 0;
  /// OGC validity of a feature's geometry in the source (GEOS); empty string when valid.
  [[nodiscard]] virtual std::string validityProblem(const geo::Geometry& g) const = 0;
};

struct ImporterMetadata {
  std::string id;           ///< "ogr"
  std::string description;  ///< "Any vector format GDAL/OGR reads"
};

class Importer {
 public:
  virtual ~Importer() = default;
  [[nodiscard]] virtual ImporterMetadata metadata() const = 0;
  /// Confidence 0..100 that this importer reads `path` (0 = no).
  [[nodiscard]] virtual int probe(const std::string& path) const = 0;
  [[nodiscard]] virtual geo::Result<std::unique_ptr<Source>> open(const std::string& path) const = 0;
};

class ImporterRegistry {
 public:
  void add(std::unique_ptr<Importer> importer);
  /// The importer with the highest confidence for path; Error(Format) naming the file if none.
  [[nodiscard]] geo::Result<const Importer*> find(const std::string& path) const;
  [[nodiscard]] std::vector<ImporterMetadata> list() const;

 private:
  std::vector<std::unique_ptr<Importer>> m_importers;
};

void registerBuiltinImporters(ImporterRegistry& registry);

/// Guesses a layer's kind from its geometry, field names and layer/file name.
geo::LayerKind guessKind(geo::GeometryType type, const geo::Schema& fields, const std::string& name);

}  // namespace dothi::importers
