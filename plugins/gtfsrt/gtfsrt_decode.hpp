#pragma once
/// GTFS-realtime VehiclePositions → observations, and the static GTFS (routes, stops) that names
/// them. No Qt, no network: the plugin and the tests call these directly.
#include <map>
#include <string>
#include <vector>

#include "dothi/geo/feed_source.hpp"

namespace dothi::plugins {

struct GtfsStop {
  std::string name;
  double lon = 0, lat = 0;
};

/// The parts of a static GTFS feed used for context.
struct GtfsStatic {
  std::map<std::string, std::string> routeNames;  ///< route_id → short name (else long name)
  std::map<std::string, GtfsStop> stops;          ///< stop_id → stop
};

/// Reads routes.txt and stops.txt from a GTFS zip or a directory holding them.
geo::Result<GtfsStatic> readGtfsStatic(const std::string& path);

/// Decodes a FeedMessage; one observation per vehicle with a position: stream = vehicle id (else
/// entity id), time = vehicle timestamp (else the header's), value = speed in m/s if given,
/// category = route (short name when the static GTFS knows it), status = current_status.
/// Entities without a position are skipped with a warning. A message protobuf cannot parse is a
/// Format error.
geo::Result<std::vector<geo::Observation>> decodeVehiclePositions(const std::string& bytes, const GtfsStatic* context,
                                                                  std::vector<std::string>& warnings);

}  // namespace dothi::plugins
