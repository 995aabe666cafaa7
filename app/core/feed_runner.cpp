#include "core/feed_runner.hpp"

#include <chrono>
#include <future>

namespace dothi::app {

namespace {
std::int64_t nowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}
}  // namespace

const char* healthName(geo::FeedHealth h) {
  switch (h) {
    case geo::FeedHealth::Connecting: return "connecting";
    case geo::FeedHealth::Connected: return "connected";
    case geo::FeedHealth::Stale: return "stale";
    case geo::FeedHealth::Error: return "error";
    case geo::FeedHealth::Stopped: return "stopped";
  }
  return "?";
}

struct FeedRunner::Shared {
  std::unique_ptr<geo::FeedSource> source;
  FeedRunnerOptions options;
  std::int64_t intervalMs = 60'000;
  std::atomic<bool> cancel{false};
  std::mutex mutex;
  std::condition_variable wake;
  std::vector<FeedEvent> queue;
  std::function<void()> notify;
  geo::FeedHealth health = geo::FeedHealth::Connecting;
  std::int64_t lastDataMs = 0;     ///< last time observations arrived (or the start)
  std::int64_t pollStartedMs = 0;  ///< 0 when not inside poll()
  bool finished = false;
  std::promise<void> done;

  void push(FeedEvent e) {
    std::function<void()> n;
    {
      std::lock_guard lock(mutex);
      // an empty poll does not end staleness: only new data (or an error) does
      if (e.health == geo::FeedHealth::Connected && e.observations.empty() && health == geo::FeedHealth::Stale)
        e.health = geo::FeedHealth::Stale;
      health = e.health;
      if (!e.observations.empty()) lastDataMs = e.atMs;
      queue.push_back(std::move(e));
      n = notify;
    }
    if (n) n();
  }
  /// Sleeps up to ms, or until cancelled.
  void sleep(std::int64_t ms) {
    std::unique_lock lock(mutex);
    wake.wait_for(lock, std::chrono::milliseconds(ms), [this] { return cancel.load(); });
  }
  void run();
};

void FeedRunner::Shared::run() {
  geo::PollContext context{&cancel};
  int failures = 0;
  while (!cancel) {
    {
      std::lock_guard lock(mutex);
      pollStartedMs = nowMs();
    }
    geo::Result<geo::PollBatch> result = geo::fail(geo::ErrorCode::Internal, "the feed plugin failed");
    try {
      result = source->poll(context);
    } catch (const std::exception& e) {  // a plugin must not throw; if one does, it is an error, not a crash
      result = geo::fail(geo::ErrorCode::Internal, std::string("the feed plugin threw: ") + e.what());
    } catch (...) {
      result = geo::fail(geo::ErrorCode::Internal, "the feed plugin threw");
    }
    {
      std::lock_guard lock(mutex);
      pollStartedMs = 0;
    }
    if (cancel) break;
    FeedEvent e;
    e.atMs = nowMs();
    e.polled = true;
    std::int64_t delay = intervalMs;
    if (result) {
      e.observations = std::move(result->observations);
      e.warnings = std::move(result->warnings);
      e.finished = finished = result->finished;
      if (result->partial) {
        e.health = geo::FeedHealth::Error;
        e.errorCode = result->partial->code;
        e.message = result->partial->describe() + " (kept " + std::to_string(e.observations.size()) + " observations)";
      } else {
        e.health = geo::FeedHealth::Connected;
        e.message = e.warnings.empty() ? "" : std::to_string(e.warnings.size()) + " records skipped";
      }
    } else {
      e.health = geo::FeedHealth::Error;
      e.errorCode = result.error().code;
      e.message = result.error().describe();
    }
    if (e.health == geo::FeedHealth::Error) {
      delay = std::min(options.maxRetryMs, options.firstRetryMs << std::min(failures, 20));
      ++failures;
      e.message += "; retry in " + std::to_string((delay + 999) / 1000) + " s";
    } else {
      failures = 0;
    }
    push(std::move(e));
    if (finished) break;
    sleep(delay);
  }
}

FeedRunner::FeedRunner(std::unique_ptr<geo::FeedSource> source, FeedRunnerOptions options)
    : m_shared(std::make_shared<Shared>()) {
  m_shared->intervalMs = options.intervalMs > 0 ? options.intervalMs : std::max<std::int64_t>(source->intervalMs(), 10);
  if (options.staleAfterMs <= 0) options.staleAfterMs = 3 * m_shared->intervalMs;
  m_shared->source = std::move(source);
  m_shared->options = options;
}

FeedRunner::~FeedRunner() { stop(); }

void FeedRunner::setNotify(std::function<void()> notify) {
  std::lock_guard lock(m_shared->mutex);
  m_shared->notify = std::move(notify);
}

void FeedRunner::start() {
  if (m_thread.joinable()) return;
  m_shared->lastDataMs = nowMs();
  m_thread = std::thread([shared = m_shared] {
    shared->run();
    shared->done.set_value();
  });
}

void FeedRunner::stop() {
  if (!m_thread.joinable()) return;
  m_shared->cancel = true;
  m_shared->wake.notify_all();
  {
    std::lock_guard lock(m_shared->mutex);
    m_shared->notify = nullptr;
  }
  auto done = m_shared->done.get_future();
  if (done.wait_for(std::chrono::milliseconds(m_shared->options.stopGraceMs)) == std::future_status::ready) {
    m_thread.join();
  } else {
    m_thread.detach();  // stuck in a plugin: it keeps m_shared (and the source) alive until it returns
  }
  std::lock_guard lock(m_shared->mutex);
  m_shared->health = geo::FeedHealth::Stopped;
}

std::vector<FeedEvent> FeedRunner::drain() {
  std::lock_guard lock(m_shared->mutex);
  std::vector<FeedEvent> out = std::move(m_shared->queue);
  m_shared->queue.clear();
  const std::int64_t now = nowMs();
  const std::int64_t staleAfter = m_shared->options.staleAfterMs;
  if (m_shared->finished || m_shared->health == geo::FeedHealth::Stopped) return out;
  if (m_shared->pollStartedMs && now - m_shared->pollStartedMs > staleAfter && m_shared->health != geo::FeedHealth::Stale) {
    m_shared->health = geo::FeedHealth::Stale;
    out.push_back({now, geo::FeedHealth::Stale, "no answer for " + std::to_string((now - m_shared->pollStartedMs) / 1000) + " s", geo::ErrorCode::Internal, {}, {}, false, false});
  } else if (m_shared->health == geo::FeedHealth::Connected && now - m_shared->lastDataMs > staleAfter) {
    m_shared->health = geo::FeedHealth::Stale;
    out.push_back({now, geo::FeedHealth::Stale, "no new data for " + std::to_string((now - m_shared->lastDataMs) / 1000) + " s", geo::ErrorCode::Internal, {}, {}, false, false});
  }
  return out;
}

geo::FeedHealth FeedRunner::health() const {
  std::lock_guard lock(m_shared->mutex);
  return m_shared->health;
}

std::int64_t FeedRunner::intervalMs() const { return m_shared->intervalMs; }

}  // namespace dothi::app
