#pragma once
/// GTFS-realtime vehicle positions, polled (http(s):// or file:// URL, protobuf), with the
/// static GTFS routes/stops for names.
#include <map>
#include <set>
#include <string>

#include "../common/http_client.hpp"
#include "dothi/geo/feed_source.hpp"
#include "gtfsrt_decode.hpp"

namespace dothi::plugins {

class GtfsRtSource final : public geo::FeedSource {
 public:
  [[nodiscard]] geo::FeedDescription describe() const override;
  geo::Result<void> configure(const std::map<std::string, std::string>& settings) override;
  geo::Result<geo::PollBatch> poll(const geo::PollContext& context) override;
  [[nodiscard]] std::int64_t intervalMs() const override { return m_intervalMs; }

 private:
  std::string m_url;
  HttpOptions m_http;
  std::int64_t m_intervalMs = 30'000;
  std::optional<GtfsStatic> m_static;
  std::map<std::string, std::int64_t> m_lastTime;  ///< per vehicle: positions already delivered
};

}  // namespace dothi::plugins
