#pragma once
// Internal to the import use case: one source layer about to be imported.
#include <string>

#include "core/import_layer.hpp"
#include "dothi/importers/importer.hpp"

namespace dothi::app {

struct Plan {
  importers::SourceLayerInfo layer;
  std::string crs;  ///< the source CRS in use (declared, or --from-crs)
};

namespace detail {
/// The project's CRS, checking that `toCrs` (if given) names the same one; "" while the
/// project has none yet (the caller then chooses one). Shared by vector and terrain imports.
geo::Result<std::string> existingProjectCrs(const geo::Project& project, const std::string& toCrs);

/// Copies one source layer into a new project layer (inside the caller's transaction).
/// progressBase/progressSpan place this layer's progress within the whole import.
geo::Result<ImportedLayer> importOneLayer(geo::Project& project, importers::Source& src, const Plan& plan,
                                          const ImportOptions& o, const std::string& layerName, double progressBase,
                                          double progressSpan);
}  // namespace detail

}  // namespace dothi::app
