#pragma once
/// Reports of a validation run: a summary for people, JSON for machines, and files: GeoJSON
/// (one feature per finding, geometry = the problem itself), CSV (WKT geometry) and HTML (summary
/// table + findings). Written by hand (nlohmann_json), so app/core needs no GDAL.
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/validate_layer.hpp"

namespace dothi::app {

struct FindingSummary {
  geo::analysis::FindingType type;
  std::int64_t count = 0;
  double area = 0;    ///< m², summed
  double length = 0;  ///< m, summed
};

/// One row per finding type present, in type order.
std::vector<FindingSummary> summarizeFindings(const std::vector<geo::analysis::Finding>& findings);

/// { project, layer, crs, options, counts, findings: [{type, parcel_ids, fids, ..., geometry}] };
/// geometry as GeoJSON objects in the project CRS.
nlohmann::json validationJson(const ValidationResult& r);
/// Summary table for a terminal.
std::string validationText(const ValidationResult& r);

enum class ReportCrs {
  Wgs84,   ///< EPSG:4326 longitude/latitude (RFC 7946 GeoJSON); CSV/HTML coordinates too
  Project  ///< the project CRS (GeoJSON gets a legacy "crs" member naming it)
};

/// Writes a report; the format comes from the extension (.geojson/.json, .csv, .html/.htm).
/// Returns a description for the user ("GeoJSON, geometry in EPSG:4326 (lon/lat)").
geo::Result<std::string> writeValidationReport(const ValidationResult& r, const std::string& path, ReportCrs crs);

}  // namespace dothi::app
