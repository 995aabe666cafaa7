#include "gtfsrt_decode.hpp"

#include <nlohmann/json.hpp>

#include "gtfs-realtime.pb.h"

namespace dothi::plugins {

namespace {

const char* statusName(transit_realtime::VehiclePosition::VehicleStopStatus s) {
  switch (s) {
    case transit_realtime::VehiclePosition::INCOMING_AT: return "INCOMING_AT";
    case transit_realtime::VehiclePosition::STOPPED_AT: return "STOPPED_AT";
    case transit_realtime::VehiclePosition::IN_TRANSIT_TO: return "IN_TRANSIT_TO";
  }
  return "";
}

}  // namespace

geo::Result<std::vector<geo::Observation>> decodeVehiclePositions(const std::string& bytes, const GtfsStatic* context,
                                                                  std::vector<std::string>& warnings) {
  transit_realtime::FeedMessage msg;
  if (!msg.ParseFromString(bytes))
    return geo::fail(geo::ErrorCode::Format, "not a GTFS-realtime FeedMessage (protobuf could not parse it)");
  const std::int64_t headerMs = msg.header().has_timestamp() ? static_cast<std::int64_t>(msg.header().timestamp()) * 1000 : 0;
  std::vector<geo::Observation> out;
  for (const auto& e : msg.entity()) {
    if (!e.has_vehicle() || e.is_deleted()) continue;
    const auto& v = e.vehicle();
    if (!v.has_position()) {
      warnings.push_back("vehicle entity " + e.id() + " has no position, skipped");
      continue;
    }
    geo::Observation o;
    o.streamId = v.has_vehicle() && v.vehicle().has_id() ? v.vehicle().id() : e.id();
    o.timeMs = v.has_timestamp() ? static_cast<std::int64_t>(v.timestamp()) * 1000 : headerMs;
    if (o.timeMs == 0) {
      warnings.push_back("vehicle " + o.streamId + " has no timestamp, skipped");
      continue;
    }
    o.key = e.id();
    o.lon = v.position().longitude();
    o.lat = v.position().latitude();
    if (v.position().has_speed()) o.value = v.position().speed();
    o.property = "speed";
    o.unit = "m/s";
    o.status = statusName(v.current_status());
    nlohmann::json a = nlohmann::json::object();
    if (v.has_trip()) {
      const auto& t = v.trip();
      if (t.has_trip_id()) a["trip_id"] = t.trip_id();
      if (t.has_route_id()) {
        a["route_id"] = t.route_id();
        o.category = t.route_id();
        if (context)
          if (auto r = context->routeNames.find(t.route_id()); r != context->routeNames.end()) o.category = r->second;
      }
      if (t.has_start_date()) a["start_date"] = t.start_date();
    }
    if (v.has_vehicle() && v.vehicle().has_label()) a["label"] = v.vehicle().label();
    if (v.position().has_bearing()) a["bearing"] = v.position().bearing();
    if (v.has_current_stop_sequence()) a["current_stop_sequence"] = v.current_stop_sequence();
    if (v.has_stop_id()) {
      a["stop_id"] = v.stop_id();
      if (context)
        if (auto s = context->stops.find(v.stop_id()); s != context->stops.end()) a["stop_name"] = s->second.name;
    }
    o.attributes = a.dump();
    out.push_back(std::move(o));
  }
  return out;
}

}  // namespace dothi::plugins
