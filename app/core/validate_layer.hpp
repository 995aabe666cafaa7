#pragma once
/// Use case: exact topology validation of a parcel layer of a project (the CLI's `validate`, the
/// GUI's Analysis > Validate layer). Reads the layer (and the --against layer), runs
/// geo::analysis::validateTopology, and keeps what the reports need.
#include <string>

#include "dothi/geo/analysis/topology.hpp"
#include "dothi/geo/error.hpp"
#include "dothi/geo/project.hpp"

namespace dothi::app {

struct ValidateOptions {
  std::string layer;    ///< polygon layer to validate
  std::string idField;  ///< parcel id field; empty or "fid": the layer's fid (no id checks)
  std::string against;  ///< boundary layer (zoning, administrative units); empty: none
  geo::analysis::TopologyOptions topology;  ///< tolerances, threads, progress, cancel
};

struct ValidationResult {
  std::string project;  ///< project file
  std::string crs;      ///< project CRS: every coordinate and figure below is in it
  std::string layer, idField, against;
  geo::analysis::TopologyOptions options;  ///< as used (progress/cancel cleared)
  geo::analysis::TopologyReport report;
  double seconds = 0;  ///< reading + validation, wall clock
};

/// Validates; errors only for a missing layer/field, a non-polygon layer, cancellation or
/// storage failures. Defects of the data are findings, never errors.
geo::Result<ValidationResult> validateLayer(const geo::Project& project, const ValidateOptions& options);

/// Zone label for messages: "name=R2 (fid 4)" from the first of name/zone/zoning/code/landuse…
/// fields that has a value, else "fid 4".
std::string zoneLabel(const geo::LayerInfo& layer, const geo::Feature& feature);

}  // namespace dothi::app
