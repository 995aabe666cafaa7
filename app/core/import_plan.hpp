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
/// Copies one source layer into a new project layer (inside the caller's transaction).
/// progressBase/progressSpan place this layer's progress within the whole import.
geo::Result<ImportedLayer> importOneLayer(geo::Project& project, importers::Source& src, const Plan& plan,
                                          const ImportOptions& o, const std::string& layerName, double progressBase,
                                          double progressSpan);
}  // namespace detail

}  // namespace dothi::app
