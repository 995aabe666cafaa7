#include "replay_source.hpp"

#include <chrono>

namespace dothi::plugins {

namespace {
std::int64_t nowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}
}  // namespace

geo::FeedDescription ReplaySource::describe() const {
  return {"replay",
          "Replay of a GeoJSON or CSV event file",
          {{"file", "Event file (.geojson, .json or .csv)", "", true},
           {"speed", "Playback speed (1 = real time, 60 = a minute per second, 0 = all at once)", "1", false},
           {"rebase", "Shift the times so the first event is now (true/false)", "false", false},
           {"interval", "Poll interval", "1s", false}}};
}

geo::Result<void> ReplaySource::configure(const std::map<std::string, std::string>& settings) {
  for (const auto& [k, v] : settings)
    if (k != "file" && k != "speed" && k != "rebase" && k != "interval")
      return geo::fail(geo::ErrorCode::InvalidArgument, "replay: unknown setting '" + k + "'");
  auto f = settings.find("file");
  if (f == settings.end() || f->second.empty()) return geo::fail(geo::ErrorCode::InvalidArgument, "replay: a file is required");
  if (auto s = settings.find("speed"); s != settings.end() && !s->second.empty()) {
    try {
      m_speed = std::stod(s->second);
    } catch (...) {
      m_speed = -1;
    }
    if (m_speed < 0) return geo::fail(geo::ErrorCode::InvalidArgument, "speed: not a number >= 0: " + s->second);
  }
  if (auto r = settings.find("rebase"); r != settings.end()) m_rebase = r->second == "true" || r->second == "1";
  if (auto i = settings.find("interval"); i != settings.end() && !i->second.empty()) {
    auto ms = geo::parseDurationMs(i->second);
    if (!ms || *ms <= 0) return geo::fail(geo::ErrorCode::InvalidArgument, "interval: not a duration: " + i->second);
    m_intervalMs = *ms;
  }
  m_readWarnings.clear();
  auto events = readReplayFile(f->second, m_readWarnings);
  if (!events) return std::unexpected(events.error());
  m_events = std::move(*events);
  m_next = 0;
  m_startWallMs.reset();
  return {};
}

geo::Result<geo::PollBatch> ReplaySource::poll(const geo::PollContext&) {
  geo::PollBatch batch;
  batch.warnings = std::move(m_readWarnings);
  m_readWarnings.clear();
  const std::int64_t now = nowMs();
  if (!m_startWallMs) m_startWallMs = now;
  if (m_events.empty()) {
    batch.finished = true;
    return batch;
  }
  const std::int64_t first = m_events.front().timeMs;
  const double elapsed = static_cast<double>(now - *m_startWallMs);
  while (m_next < m_events.size()) {
    const auto& e = m_events[m_next];
    if (m_speed > 0 && static_cast<double>(e.timeMs - first) / m_speed > elapsed) break;
    geo::Observation o = e;
    if (m_rebase) o.timeMs = *m_startWallMs + static_cast<std::int64_t>(static_cast<double>(e.timeMs - first) / (m_speed > 0 ? m_speed : 1.0));
    batch.observations.push_back(std::move(o));
    ++m_next;
  }
  batch.finished = m_next >= m_events.size();
  return batch;
}

}  // namespace dothi::plugins
