#pragma once
/// Replay: a GeoJSON FeatureCollection (Point features) or a CSV file of timestamped events
/// played back at a chosen speed, for demos and meetings with no network. Times are kept as in
/// the file (so the stored session equals the file) unless `rebase` shifts them to start now.
#include <map>
#include <string>
#include <vector>

#include "dothi/geo/feed_source.hpp"

namespace dothi::plugins {

/// Reads the events of a replay file, sorted by time. GeoJSON properties / CSV columns:
/// time (ISO 8601 or UTC ms; required), stream (or id/sensor), value, property, unit, category,
/// status, key; CSV also lon, lat (or longitude/latitude). Everything else → attributes.
geo::Result<std::vector<geo::Observation>> readReplayFile(const std::string& path, std::vector<std::string>& warnings);

class ReplaySource final : public geo::FeedSource {
 public:
  [[nodiscard]] geo::FeedDescription describe() const override;
  geo::Result<void> configure(const std::map<std::string, std::string>& settings) override;
  geo::Result<geo::PollBatch> poll(const geo::PollContext& context) override;
  [[nodiscard]] std::int64_t intervalMs() const override { return m_intervalMs; }

 private:
  std::vector<geo::Observation> m_events;
  std::vector<std::string> m_readWarnings;
  std::size_t m_next = 0;
  double m_speed = 1.0;  ///< 0 = everything at once
  bool m_rebase = false;
  std::int64_t m_intervalMs = 1000;
  std::optional<std::int64_t> m_startWallMs;
};

}  // namespace dothi::plugins
