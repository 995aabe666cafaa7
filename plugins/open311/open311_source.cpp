#include "open311_source.hpp"

#include <chrono>
#include <nlohmann/json.hpp>

namespace dothi::plugins {

using nlohmann::json;

namespace {

std::string text(const json& o, const char* key) {
  auto it = o.find(key);
  if (it == o.end() || it->is_null()) return {};
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer()) return std::to_string(it->get<std::int64_t>());
  return {};
}

std::optional<double> number(const json& o, const char* key) {
  auto it = o.find(key);
  if (it == o.end()) return std::nullopt;
  if (it->is_number()) return it->get<double>();
  if (it->is_string()) {  // many servers send "lat": "45.5"
    try {
      std::size_t pos = 0;
      const double v = std::stod(it->get<std::string>(), &pos);
      if (pos == it->get<std::string>().size()) return v;
    } catch (...) {
    }
  }
  return std::nullopt;
}

/// A GeoReport error answer: [{"code":403,"description":"Invalid api_key"}].
std::optional<std::string> errorAnswer(const json& doc) {
  if (!doc.is_array() || doc.empty() || !doc[0].is_object() || !doc[0].contains("description") ||
      doc[0].contains("service_request_id") || doc[0].contains("service_code"))
    return std::nullopt;
  return text(doc[0], "description");
}

}  // namespace

geo::FeedDescription Open311Source::describe() const {
  return {"open311",
          "Open311 GeoReport v2",
          {{"url", "Endpoint (…/v2, where services.json lives)", "", true},
           {"jurisdiction", "jurisdiction_id", "", false},
           {"lookback", "Requests not older than (e.g. 7d); empty = server default", "", false},
           {"interval", "Poll interval", "120s", false},
           {"timeout", "Request time-out", "15s", false}}};
}

geo::Result<void> Open311Source::configure(const std::map<std::string, std::string>& settings) {
  for (const auto& [k, v] : settings)
    if (k != "url" && k != "jurisdiction" && k != "lookback" && k != "interval" && k != "timeout")
      return geo::fail(geo::ErrorCode::InvalidArgument, "open311: unknown setting '" + k + "'");
  auto u = settings.find("url");
  if (u == settings.end() || u->second.empty())
    return geo::fail(geo::ErrorCode::InvalidArgument, "open311: the endpoint url is required");
  m_root = u->second;
  while (!m_root.empty() && m_root.back() == '/') m_root.pop_back();
  if (auto it = settings.find("jurisdiction"); it != settings.end()) m_jurisdiction = it->second;
  if (auto it = settings.find("lookback"); it != settings.end() && !it->second.empty()) {
    if (!geo::parseDurationMs(it->second))
      return geo::fail(geo::ErrorCode::InvalidArgument, "lookback: not a duration: " + it->second);
    m_lookback = it->second;
  }
  return readHttpSettings(settings, m_http, m_intervalMs);
}

std::string Open311Source::url(const std::string& resource, const std::string& query) const {
  std::string q = query;
  if (!m_jurisdiction.empty()) q += (q.empty() ? "" : "&") + std::string("jurisdiction_id=") + urlEncode(m_jurisdiction);
  return m_root + "/" + resource + (q.empty() ? "" : "?" + q);
}

geo::Result<void> Open311Source::loadServices(const geo::PollContext& context) {
  HttpOptions o = m_http;
  o.context = &context;
  const std::string u = url("services.json");
  auto body = httpGet(u, o);
  if (!body) return std::unexpected(body.error());
  json doc = json::parse(*body, nullptr, false);
  if (doc.is_discarded()) return geo::fail(geo::ErrorCode::Format, "services.json is not valid JSON", u);
  if (auto e = errorAnswer(doc)) return geo::fail(geo::ErrorCode::Io, "the server refused: " + *e, u);
  if (!doc.is_array()) return geo::fail(geo::ErrorCode::Format, "services.json is not a list of services", u);
  for (const auto& s : doc)
    if (s.is_object() && !text(s, "service_code").empty()) m_serviceNames[text(s, "service_code")] = text(s, "service_name");
  m_servicesLoaded = true;
  return {};
}

geo::Result<geo::PollBatch> Open311Source::poll(const geo::PollContext& context) {
  try {
    if (!m_servicesLoaded)
      if (auto r = loadServices(context); !r) return std::unexpected(r.error());
    std::string query;
    if (!m_lookback.empty()) {
      const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                           std::chrono::system_clock::now().time_since_epoch()).count();
      query = "start_date=" + urlEncode(geo::formatIsoTimeMs(now - *geo::parseDurationMs(m_lookback)));
    }
    const std::string u = url("requests.json", query);
    HttpOptions o = m_http;
    o.context = &context;
    auto body = httpGet(u, o);
    if (!body) return std::unexpected(body.error());
    json doc = json::parse(*body, nullptr, false);
    if (doc.is_discarded()) return geo::fail(geo::ErrorCode::Format, "requests.json is not valid JSON", u);
    if (auto e = errorAnswer(doc)) return geo::fail(geo::ErrorCode::Io, "the server refused: " + *e, u);
    if (!doc.is_array()) return geo::fail(geo::ErrorCode::Format, "requests.json is not a list of requests", u);
    geo::PollBatch batch;
    for (const auto& r : doc) {
      const std::string id = r.is_object() ? text(r, "service_request_id") : std::string{};
      if (id.empty()) {
        batch.warnings.push_back("a request without service_request_id was skipped");
        continue;
      }
      const auto lat = number(r, "lat"), lon = number(r, "long");
      const std::string updated = text(r, "updated_datetime"), requested = text(r, "requested_datetime");
      auto time = geo::parseIsoTimeMs(updated.empty() ? requested : updated);
      if (!lat || !lon || !time || *lat < -90 || *lat > 90 || *lon < -180 || *lon > 180) {
        batch.warnings.push_back("request " + id + (time ? " has no valid lat/long" : " has no valid date") + ", skipped");
        continue;
      }
      geo::Observation ev;
      ev.streamId = id;
      ev.timeMs = *time;
      ev.status = text(r, "status");
      ev.key = id + "|" + ev.status;
      if (!m_seen.insert(ev.key + "|" + std::to_string(*time)).second) continue;
      ev.lon = *lon;
      ev.lat = *lat;
      ev.category = text(r, "service_name");
      if (ev.category.empty()) ev.category = m_serviceNames[text(r, "service_code")];
      json attrs = json::object();
      for (const char* k : {"service_code", "description", "status_notes", "agency_responsible", "address",
                            "requested_datetime", "updated_datetime", "expected_datetime", "media_url"})
        if (auto t = text(r, k); !t.empty()) attrs[k] = t;
      ev.attributes = attrs.dump();
      batch.observations.push_back(std::move(ev));
    }
    return batch;
  } catch (const std::exception& e) {
    return geo::fail(geo::ErrorCode::Internal, std::string("open311: ") + e.what(), m_root);
  }
}

}  // namespace dothi::plugins
