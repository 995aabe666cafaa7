#include "gtfsrt_source.hpp"

#include <filesystem>

namespace dothi::plugins {

geo::FeedDescription GtfsRtSource::describe() const {
  return {"gtfsrt",
          "GTFS-realtime vehicle positions",
          {{"url", "VehiclePositions URL (http(s):// or a file path)", "", true},
           {"static", "Static GTFS zip or folder (routes, stops)", "", false},
           {"interval", "Poll interval", "30s", false},
           {"timeout", "Request time-out", "15s", false}}};
}

geo::Result<void> GtfsRtSource::configure(const std::map<std::string, std::string>& settings) {
  for (const auto& [k, v] : settings)
    if (k != "url" && k != "static" && k != "interval" && k != "timeout")
      return geo::fail(geo::ErrorCode::InvalidArgument, "gtfsrt: unknown setting '" + k + "'");
  auto u = settings.find("url");
  if (u == settings.end() || u->second.empty())
    return geo::fail(geo::ErrorCode::InvalidArgument, "gtfsrt: the VehiclePositions url is required");
  m_url = u->second;
  if (m_url.find("://") == std::string::npos) {  // a plain path: libcurl reads file:// URLs
    std::error_code ec;
    m_url = "file://" + std::filesystem::absolute(m_url, ec).string();
  }
  if (auto s = settings.find("static"); s != settings.end() && !s->second.empty()) {
    auto g = readGtfsStatic(s->second);
    if (!g) return std::unexpected(g.error());
    m_static = std::move(*g);
  }
  return readHttpSettings(settings, m_http, m_intervalMs);
}

geo::Result<geo::PollBatch> GtfsRtSource::poll(const geo::PollContext& context) {
  try {
    HttpOptions o = m_http;
    o.context = &context;
    auto body = httpGet(m_url, o);
    if (!body) return std::unexpected(body.error());
    geo::PollBatch batch;
    auto obs = decodeVehiclePositions(*body, m_static ? &*m_static : nullptr, batch.warnings);
    if (!obs) {
      geo::Error e = obs.error();
      if (e.file.empty()) e.file = m_url;
      return std::unexpected(e);
    }
    for (auto& ob : *obs) {
      auto& last = m_lastTime[ob.streamId];
      if (ob.timeMs <= last) continue;  // the same snapshot polled again
      last = ob.timeMs;
      batch.observations.push_back(std::move(ob));
    }
    return batch;
  } catch (const std::exception& e) {
    return geo::fail(geo::ErrorCode::Internal, std::string("gtfsrt: ") + e.what(), m_url);
  }
}

}  // namespace dothi::plugins
