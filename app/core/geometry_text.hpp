#pragma once
/// Geometry and text encodings shared by the analysis reports (validate, diff, parcel card):
/// GeoJSON geometry objects, WKT, CSV fields and HTML escaping. No GDAL: plain writers.
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "dothi/geo/geometry.hpp"

namespace dothi::app {

/// GeoJSON geometry object (coordinates as given; null for an empty geometry).
nlohmann::json geometryToGeoJson(const geo::Geometry& g);
/// WKT with up to 17 significant digits ("POLYGON EMPTY" style for empty ones).
std::string geometryToWkt(const geo::Geometry& g);
/// A CSV field, quoted when it holds a comma, quote or line break (RFC 4180).
std::string csvField(const std::string& s);
std::string htmlEscape(const std::string& s);
/// "12.35" / "0.000123": areas and lengths for people.
std::string formatNumber(double v);

}  // namespace dothi::app
