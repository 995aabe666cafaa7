#pragma once
/// Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2): services.json for the category
/// names, then requests.json polled for new and updated service requests. Each version of a
/// request (id + updated_datetime + status) is one event, so the store keeps a request's history.
#include <map>
#include <set>
#include <string>

#include "../common/http_client.hpp"
#include "dothi/geo/feed_source.hpp"

namespace dothi::plugins {

class Open311Source final : public geo::FeedSource {
 public:
  [[nodiscard]] geo::FeedDescription describe() const override;
  geo::Result<void> configure(const std::map<std::string, std::string>& settings) override;
  geo::Result<geo::PollBatch> poll(const geo::PollContext& context) override;
  [[nodiscard]] std::int64_t intervalMs() const override { return m_intervalMs; }

 private:
  std::string url(const std::string& resource, const std::string& query = {}) const;
  geo::Result<void> loadServices(const geo::PollContext& context);
  std::string m_root, m_jurisdiction, m_lookback;
  HttpOptions m_http;
  std::int64_t m_intervalMs = 120'000;
  std::map<std::string, std::string> m_serviceNames;  ///< service_code → service_name
  bool m_servicesLoaded = false;
  std::set<std::string> m_seen;  ///< event keys already delivered this session
};

}  // namespace dothi::plugins
