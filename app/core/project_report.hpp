#pragma once
/// Use cases that describe a project: the layer list (`info`) and the city indicators.
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "dothi/geo/building.hpp"
#include "dothi/geo/error.hpp"
#include "dothi/geo/project.hpp"

namespace dothi::app {

/// "EPSG:32632" as it is; a WKT definition as its CRS name, for people.
std::string crsLabel(const std::string& crs);

/// Layer list with kind, geometry type, counts, extent, CRS and fields, as JSON.
nlohmann::json projectInfoJson(const geo::Project& project);
/// The same for a person: one block per layer.
std::string projectInfoText(const geo::Project& project);

/// City-wide figures computed from the building and parcel/land-use layers (metres, m²).
struct Indicators {
  std::int64_t buildings = 0;
  double footprintArea = 0;       ///< m², sum of building footprints
  double grossFloorArea = 0;      ///< m², footprint x storeys
  double meanHeight = 0;          ///< m, footprint-weighted
  double maxHeight = 0;           ///< m
  std::int64_t heightFromData = 0;  ///< buildings whose height or levels came from attributes
  double siteArea = 0;            ///< m², extent of all layers (the study area)
  double coverage = 0;            ///< footprint / site area
  double far = 0;                 ///< gross floor area / site area
  double roadLength = 0;          ///< m
  std::int64_t invalidGeometries = 0;
};

geo::Result<Indicators> computeIndicators(const geo::Project& project, const geo::HeightRule& rule = {});
nlohmann::json indicatorsJson(const Indicators& i);
std::string indicatorsText(const Indicators& i);

}  // namespace dothi::app
