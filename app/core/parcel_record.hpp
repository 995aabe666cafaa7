#pragma once
/// Use case: the parcel card (CLI `parcel`, the GUI's parcel panel). Everything a land department
/// reads about one parcel: attributes, area in the project CRS and on the ellipsoid (geodesic,
/// PROJ's geod_* = GeographicLib), perimeter, neighbours sharing an edge, land use and zoning.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "dothi/geo/error.hpp"
#include "dothi/geo/project.hpp"

namespace dothi::app {

struct ParcelQuery {
  std::string layer;
  std::string idField;  ///< field to match; empty or "fid": match the fid
  std::string value;    ///< compared as text, trimmed (so 130314 matches "130314")
  double neighbourTolerance = 0.05;  ///< m: edges this close count as shared
};

struct Neighbour {
  std::int64_t fid = 0;
  std::optional<std::string> id;
  double sharedLength = 0;  ///< m of common boundary
};

struct ZoneMembership {
  std::string layer;
  std::string kind;   ///< "landuse" / "zoning"
  std::int64_t fid = 0;
  std::string label;  ///< "name=R2 (fid 4)"
  double area = 0;    ///< m² of the parcel inside it (exact overlay)
  double share = 0;   ///< of the parcel's planar area, 0..1
};

struct ParcelRecord {
  std::string layer, idField, crs;
  std::int64_t fid = 0;
  std::optional<std::string> id;
  std::vector<std::pair<std::string, std::string>> attributes;  ///< field name, value as text
  geo::Geometry geometry;                                         ///< project CRS
  double planarArea = 0, planarPerimeter = 0;                     ///< m², m in the project CRS
  double geodesicArea = 0, geodesicPerimeter = 0;                 ///< m², m on the ellipsoid
  std::string geodesicBasis;     ///< "GGRS87 (EPSG:4121) on GRS 1980 (EPSG:7019)"
  geo::Point location;           ///< inside the parcel, project CRS
  std::optional<geo::Point> lonLat;  ///< the same in WGS 84 (x = longitude), when PROJ can
  std::vector<Neighbour> neighbours;     ///< by shared length, longest first
  std::vector<ZoneMembership> zones;     ///< land-use and zoning features it lies in
};

/// Cards of every parcel whose id field equals the value (several when ids are duplicated);
/// Error NotFound when none does.
geo::Result<std::vector<ParcelRecord>> parcelRecords(const geo::Project& project, const ParcelQuery& query);
/// The card of one feature.
geo::Result<ParcelRecord> parcelRecord(const geo::Project& project, const std::string& layer, std::int64_t fid,
                                       const std::string& idField = {}, double neighbourTolerance = 0.05);

nlohmann::json parcelJson(const ParcelRecord& r);
std::string parcelText(const ParcelRecord& r);

}  // namespace dothi::app
