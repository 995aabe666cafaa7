#pragma once
/// OGC SensorThings API v1.1 (as FROST and other servers serve it), polled over HTTP:
/// Datastreams with their Thing's Location, ObservedProperty and unitOfMeasurement, then each
/// Datastream's Observations newer than the last one stored
/// (`$filter=phenomenonTime gt T&$orderby=phenomenonTime asc`), following `@iot.nextLink`.
#include <map>
#include <string>

#include "../common/http_client.hpp"
#include "mqtt_subscriber.hpp"
#include "dothi/geo/feed_source.hpp"

namespace dothi::plugins {

class SensorThingsSource final : public geo::FeedSource {
 public:
  [[nodiscard]] geo::FeedDescription describe() const override;
  geo::Result<void> configure(const std::map<std::string, std::string>& settings) override;
  geo::Result<geo::PollBatch> poll(const geo::PollContext& context) override;
  [[nodiscard]] std::int64_t intervalMs() const override {
    return m_mqttHost.empty() ? m_intervalMs : std::min<std::int64_t>(250, m_intervalMs);
  }

  struct Stream {
    std::string id;       ///< @iot.id as text
    std::string idLiteral;  ///< as written in a URL: 7 or 'abc'
    std::string name, thing, property, unit;
    double lon = 0, lat = 0;
    bool located = false;
    std::optional<std::int64_t> cursorMs;  ///< phenomenonTime of the last observation delivered
  };

 private:
  geo::Result<void> loadDatastreams(const geo::PollContext& context, std::vector<std::string>& warnings);
  geo::Result<std::string> fetch(const std::string& url, const geo::PollContext& context) const;
  void takePushed(geo::PollBatch& batch);
  geo::Result<void> pollHttp(const geo::PollContext& context, geo::PollBatch& batch);
  std::string m_root;
  HttpOptions m_http;
  std::int64_t m_intervalMs = 60'000;
  int m_top = 100;
  std::optional<std::int64_t> m_since;
  std::map<std::string, Stream> m_streams;  ///< by id
  int m_pollsSinceMetadata = 0;
  std::string m_mqttHost;  ///< empty: no MQTT
  int m_mqttPort = 1883;
  std::unique_ptr<MqttSubscriber> m_mqtt;
  std::int64_t m_lastHttpMs = 0;
};

}  // namespace dothi::plugins
