#pragma once
/// Use case: import one source (all its layers, or one) into a project, reprojected with PROJ.
#include <atomic>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "dothi/geo/error.hpp"
#include "core/terrain_summary.hpp"
#include "dothi/geo/project.hpp"

namespace dothi::app {

struct ImportOptions {
  std::string source;                    ///< path or connection string (PG:...)
  std::string layerName;                 ///< project layer name; default from the source
  std::optional<geo::LayerKind> kind;    ///< default: guessed from the data
  bool terrain = false;                  ///< the source is a DEM raster (`--kind terrain`)
  std::string sourceLayer;               ///< which layer of a multi-layer source; default all
  std::string where;                     ///< OGR SQL attribute filter
  std::string fromCrs;                   ///< overrides/supplies the source CRS
  std::string toCrs;                     ///< project CRS (only when the project has none yet)
  /// progress(fraction 0..1, message); called from the importing thread.
  std::function<void(double, const std::string&)> progress;
  const std::atomic<bool>* cancel = nullptr;  ///< set to true to stop; the project is unchanged
  /// Asked for the CRS of a source layer that stores none (DGN, CSV...) when fromCrs is empty;
  /// returns a definition, or "" to give up. Called on the importing thread (the GUI marshals
  /// it to a dialog); without it such a source is refused.
  std::function<std::string(const std::string& sourceLayer)> askCrs;
};

struct ImportedLayer {
  geo::LayerInfo info;
  std::string sourceLayer;
  std::string operation;  ///< the PROJ operation used
};

struct ImportResult {
  std::vector<ImportedLayer> layers;
  std::string projectCrs;
  bool projectCrsChosen = false;  ///< true when this import set the project CRS
  std::optional<TerrainImportSummary> terrain;  ///< set by a terrain import (no layers then)
};

/// Imports into an open project. On any error or cancel nothing is changed in the project.
geo::Result<ImportResult> importSource(geo::Project& project, const ImportOptions& options);

/// Opens `projectPath` (creating it if missing), imports, closes. A project file this call
/// created is removed again when the import fails.
geo::Result<ImportResult> importIntoFile(const std::string& projectPath, const ImportOptions& options);

}  // namespace dothi::app
