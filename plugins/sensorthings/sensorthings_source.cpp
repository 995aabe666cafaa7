#include "sensorthings_source.hpp"

#include <chrono>
#include <nlohmann/json.hpp>

namespace dothi::plugins {

using nlohmann::json;

namespace {

constexpr int kMetadataEvery = 20;  // re-read Datastreams every N polls (new sensors appear)
constexpr int kMaxPages = 1000;     // a server looping on nextLink never hangs a poll

std::optional<std::string> idText(const json& id) {
  if (id.is_number_integer()) return std::to_string(id.get<std::int64_t>());
  if (id.is_string()) return id.get<std::string>();
  return std::nullopt;
}

/// Point coordinates of a Location's `location` (GeoJSON geometry or Feature).
std::optional<std::pair<double, double>> pointOf(const json& loc) {
  const json* g = &loc;
  if (loc.is_object() && loc.value("type", "") == "Feature" && loc.contains("geometry")) g = &loc["geometry"];
  if (!g->is_object() || g->value("type", "") != "Point") return std::nullopt;
  const auto& c = (*g)["coordinates"];
  if (!c.is_array() || c.size() < 2 || !c[0].is_number() || !c[1].is_number()) return std::nullopt;
  return std::pair{c[0].get<double>(), c[1].get<double>()};
}

geo::Error formatError(const std::string& url, const std::string& what) {
  return geo::Error{geo::ErrorCode::Format, what, url, {}, {}};
}

/// Parses a collection page: its `value` array and `@iot.nextLink`.
geo::Result<std::pair<json, std::string>> parsePage(const std::string& body, const std::string& url) {
  json doc = json::parse(body, nullptr, false);
  if (doc.is_discarded()) return std::unexpected(formatError(url, "the server's answer is not valid JSON"));
  if (!doc.is_object() || !doc.contains("value") || !doc["value"].is_array())
    return std::unexpected(formatError(url, "the server's answer has no 'value' array (not a SensorThings collection)"));
  std::string next;
  if (auto it = doc.find("@iot.nextLink"); it != doc.end()) {
    if (!it->is_string()) return std::unexpected(formatError(url, "@iot.nextLink is not a string"));
    next = it->get<std::string>();
  }
  return std::pair{std::move(doc["value"]), next};
}

}  // namespace

geo::FeedDescription SensorThingsSource::describe() const {
  return {"sensorthings",
          "OGC SensorThings API v1.1",
          {{"url", "Service root (…/v1.1)", "", true},
           {"interval", "Poll interval", "60s", false},
           {"timeout", "Request time-out", "15s", false},
           {"since", "Only observations after (ISO 8601)", "", false},
           {"top", "Page size ($top)", "100", false},
           {"mqtt", "MQTT broker (auto, or mqtt://host:port); empty = HTTP polling only", "", false}}};
}

geo::Result<void> SensorThingsSource::configure(const std::map<std::string, std::string>& settings) {
  for (const auto& [k, v] : settings)
    if (k != "url" && k != "interval" && k != "timeout" && k != "since" && k != "top" && k != "mqtt")
      return geo::fail(geo::ErrorCode::InvalidArgument, "sensorthings: unknown setting '" + k + "'");
  auto url = settings.find("url");
  if (url == settings.end() || url->second.empty())
    return geo::fail(geo::ErrorCode::InvalidArgument, "sensorthings: the service root url is required");
  m_root = url->second;
  while (!m_root.empty() && m_root.back() == '/') m_root.pop_back();
  if (auto r = readHttpSettings(settings, m_http, m_intervalMs); !r) return r;
  if (auto it = settings.find("since"); it != settings.end() && !it->second.empty()) {
    m_since = geo::parseIsoTimeMs(it->second);
    if (!m_since) return geo::fail(geo::ErrorCode::InvalidArgument, "since: not an ISO 8601 time: " + it->second);
  }
  if (auto it = settings.find("top"); it != settings.end() && !it->second.empty()) {
    try {
      m_top = std::stoi(it->second);
    } catch (...) {
      m_top = 0;
    }
    if (m_top <= 0) return geo::fail(geo::ErrorCode::InvalidArgument, "top: not a positive number: " + it->second);
  }
  if (auto it = settings.find("mqtt"); it != settings.end() && !it->second.empty()) {
    std::string broker = it->second;
    if (broker == "auto") {  // the service's own host, the standard port
      const auto start = m_root.find("://");
      broker = m_root.substr(start == std::string::npos ? 0 : start + 3);
      broker = broker.substr(0, broker.find('/'));
      broker = broker.substr(0, broker.find(':'));
    } else if (broker.starts_with("mqtt://")) {
      broker = broker.substr(7);
    }
    if (const auto colon = broker.rfind(':'); colon != std::string::npos) {
      try {
        m_mqttPort = std::stoi(broker.substr(colon + 1));
      } catch (...) {
        return geo::fail(geo::ErrorCode::InvalidArgument, "mqtt: not host:port: " + it->second);
      }
      broker = broker.substr(0, colon);
    }
    if (broker.empty()) return geo::fail(geo::ErrorCode::InvalidArgument, "mqtt: no broker host in " + it->second);
    m_mqttHost = broker;
  }
  return {};
}

geo::Result<std::string> SensorThingsSource::fetch(const std::string& url, const geo::PollContext& context) const {
  HttpOptions o = m_http;
  o.context = &context;
  return httpGet(url, o);
}

geo::Result<void> SensorThingsSource::loadDatastreams(const geo::PollContext& context,
                                                      std::vector<std::string>& warnings) {
  std::map<std::string, Stream> streams;
  std::string url = m_root + "/Datastreams?$expand=" +
                    urlEncode("Thing($expand=Locations),ObservedProperty") + "&$top=" + std::to_string(m_top);
  for (int page = 0; !url.empty() && page < kMaxPages; ++page) {
    auto body = fetch(url, context);
    if (!body) return std::unexpected(body.error());
    auto parsed = parsePage(*body, url);
    if (!parsed) return std::unexpected(parsed.error());
    for (const auto& d : parsed->first) {
      auto id = d.is_object() ? idText(d.value("@iot.id", json())) : std::nullopt;
      if (!id) {
        warnings.push_back("a Datastream without a usable @iot.id was skipped");
        continue;
      }
      Stream s;
      s.id = *id;
      s.idLiteral = d["@iot.id"].is_string() ? "'" + *id + "'" : *id;
      s.name = d.value("name", json()).is_string() ? d["name"].get<std::string>() : "";
      if (auto u = d.find("unitOfMeasurement"); u != d.end() && u->is_object() && u->value("symbol", json()).is_string())
        s.unit = (*u)["symbol"].get<std::string>();
      if (auto p = d.find("ObservedProperty"); p != d.end() && p->is_object() && p->value("name", json()).is_string())
        s.property = (*p)["name"].get<std::string>();
      if (auto t = d.find("Thing"); t != d.end() && t->is_object()) {
        if (t->value("name", json()).is_string()) s.thing = (*t)["name"].get<std::string>();
        if (auto ls = t->find("Locations"); ls != t->end() && ls->is_array())
          for (const auto& l : *ls)
            if (auto p = l.is_object() ? pointOf(l.value("location", json())) : std::nullopt) {
              s.lon = p->first, s.lat = p->second, s.located = true;
              break;
            }
      }
      if (!s.located) warnings.push_back("Datastream " + s.id + " has no point Location; its observations are skipped");
      if (auto old = m_streams.find(s.id); old != m_streams.end()) s.cursorMs = old->second.cursorMs;
      else s.cursorMs = m_since;
      streams[s.id] = std::move(s);
    }
    url = parsed->second;
  }
  for (auto& [id, s] : m_streams)  // a Datastream the server no longer lists keeps its cursor
    if (!streams.contains(id)) streams[id] = s;
  m_streams = std::move(streams);
  return {};
}

namespace {

/// One Observation entity → our Observation; nullopt (with a warning) for unusable records.
std::optional<geo::Observation> toObservation(const json& o, const SensorThingsSource::Stream& s,
                                              std::vector<std::string>& warnings) {
  if (!o.is_object()) {
    warnings.push_back("Datastream " + s.id + ": an observation that is not an object was skipped");
    return std::nullopt;
  }
  auto id = idText(o.value("@iot.id", json()));
  const json& pt = o.value("phenomenonTime", json());
  auto time = pt.is_string() ? geo::parseIsoTimeMs(pt.get<std::string>()) : std::nullopt;
  if (!id || !time) {
    warnings.push_back("Datastream " + s.id + ": observation " + (id ? *id : std::string("?")) +
                       (id ? " has no valid phenomenonTime" : " has no valid @iot.id") + ", skipped");
    return std::nullopt;
  }
  if (!o.contains("result")) {
    warnings.push_back("Datastream " + s.id + ": observation " + *id + " has no result, skipped");
    return std::nullopt;
  }
  geo::Observation out;
  out.streamId = s.id;
  out.key = *id;
  out.timeMs = *time;
  out.lon = s.lon;
  out.lat = s.lat;
  out.property = s.property;
  out.unit = s.unit;
  out.category = s.property;
  json attrs = {{"datastream", s.name}, {"thing", s.thing}};
  const json& result = o["result"];
  if (result.is_number()) out.value = result.get<double>();
  else attrs["result"] = result;  // SensorThings results may be any JSON: kept, not coloured
  if (o.value("resultTime", json()).is_string()) attrs["resultTime"] = o["resultTime"];
  out.attributes = attrs.dump();
  return out;
}

}  // namespace

void SensorThingsSource::takePushed(geo::PollBatch& batch) {
  for (auto& m : m_mqtt->take()) {
    // topic: v1.1/Datastreams(ID)/Observations, ID a number or 'text'
    const auto open = m.topic.find("Datastreams("), close = m.topic.find(")/Observations");
    if (open == std::string::npos || close == std::string::npos || close < open) continue;
    std::string id = m.topic.substr(open + 12, close - open - 12);
    if (id.size() >= 2 && id.front() == '\'' && id.back() == '\'') id = id.substr(1, id.size() - 2);
    auto s = m_streams.find(id);
    if (s == m_streams.end() || !s->second.located) continue;
    json o = json::parse(m.payload, nullptr, false);
    if (o.is_discarded()) {
      batch.warnings.push_back("MQTT " + m.topic + ": a message that is not JSON was skipped");
      continue;
    }
    if (auto obs = toObservation(o, s->second, batch.warnings)) {
      s->second.cursorMs = std::max(s->second.cursorMs.value_or(obs->timeMs), obs->timeMs);
      batch.observations.push_back(std::move(*obs));
    }
  }
}

geo::Result<void> SensorThingsSource::pollHttp(const geo::PollContext& context, geo::PollBatch& batch) {
  if (m_streams.empty() || ++m_pollsSinceMetadata >= kMetadataEvery) {
    if (auto r = loadDatastreams(context, batch.warnings); !r) return r;
    m_pollsSinceMetadata = 0;
    if (m_mqtt) {
      std::vector<std::string> topics;
      for (const auto& [id, s] : m_streams)
        if (s.located) topics.push_back("v1.1/Datastreams(" + s.idLiteral + ")/Observations");
      m_mqtt->subscribe(topics);
    }
  }
  for (auto& [id, s] : m_streams) {
    if (!s.located) continue;
    std::string url = m_root + "/Datastreams(" + s.idLiteral + ")/Observations?$orderby=" +
                      urlEncode("phenomenonTime asc") + "&$top=" + std::to_string(m_top);
    if (s.cursorMs) url += "&$filter=" + urlEncode("phenomenonTime gt " + geo::formatIsoTimeMs(*s.cursorMs));
    for (int page = 0; !url.empty() && page < kMaxPages; ++page) {
      auto body = fetch(url, context);
      auto parsed = body ? parsePage(*body, url) : std::unexpected(body.error());
      if (!parsed) return std::unexpected(parsed.error());  // the cursors say where to resume
      for (const auto& o : parsed->first)
        if (auto obs = toObservation(o, s, batch.warnings)) {
          s.cursorMs = std::max(s.cursorMs.value_or(obs->timeMs), obs->timeMs);
          batch.observations.push_back(std::move(*obs));
        }
      url = parsed->second;
    }
  }
  return {};
}

geo::Result<geo::PollBatch> SensorThingsSource::poll(const geo::PollContext& context) {
  try {
    geo::PollBatch batch;
    if (!m_mqttHost.empty() && !m_mqtt) {
      auto sub = MqttSubscriber::start(m_mqttHost, m_mqttPort);
      if (!sub) return std::unexpected(sub.error());
      m_mqtt = std::move(*sub);
    }
    if (m_mqtt && !m_streams.empty()) takePushed(batch);
    const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::steady_clock::now().time_since_epoch()).count();
    if (!m_mqtt || m_streams.empty() || now - m_lastHttpMs >= m_intervalMs) {
      auto r = pollHttp(context, batch);
      if (!r) {
        if (batch.observations.empty()) return std::unexpected(r.error());
        batch.partial = r.error();  // keep what came (earlier pages, pushed messages)
        return batch;
      }
      m_lastHttpMs = now;
    }
    return batch;
  } catch (const std::exception& e) {  // nothing throws across the plugin boundary
    return geo::fail(geo::ErrorCode::Internal, std::string("sensorthings: ") + e.what(), m_root);
  }
}

}  // namespace dothi::plugins
