#pragma once
/// Runs one FeedSource on its own worker thread: polls at its interval, retries failures with
/// exponential back-off, and hands what it got to the owner through a queue the owner drains on
/// its own thread (the GUI's main thread, the CLI's loop). A hanging or failing feed never
/// blocks the owner: drain() never waits for the worker, and stop() gives up on a worker stuck
/// in a plugin after a grace period (the worker is then left to finish on its own).
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "dothi/geo/feed_source.hpp"

namespace dothi::app {

struct FeedRunnerOptions {
  std::int64_t intervalMs = 0;         ///< 0 = the source's own interval
  std::int64_t firstRetryMs = 1000;    ///< back-off after the first failure, doubled each time
  std::int64_t maxRetryMs = 300'000;   ///< back-off cap
  std::int64_t staleAfterMs = 0;       ///< no new data for this long → Stale; 0 = 3 intervals
  std::int64_t stopGraceMs = 3000;     ///< how long stop() waits for a worker inside a plugin
};

/// One thing that happened, in order: a poll's data and/or a change of health.
struct FeedEvent {
  std::int64_t atMs = 0;  ///< wall clock, UTC ms
  geo::FeedHealth health = geo::FeedHealth::Connecting;
  std::string message;    ///< the error, warning or state for a person
  geo::ErrorCode errorCode = geo::ErrorCode::Internal;  ///< when health is Error
  std::vector<geo::Observation> observations;
  std::vector<std::string> warnings;
  bool polled = false;    ///< this event ends a poll (successful or not)
  bool finished = false;  ///< the source said it has nothing more
};

const char* healthName(geo::FeedHealth h);  ///< "connecting", "connected", "stale", "error", "stopped"

class FeedRunner {
 public:
  FeedRunner(std::unique_ptr<geo::FeedSource> source, FeedRunnerOptions options = {});
  ~FeedRunner();  ///< stops
  FeedRunner(const FeedRunner&) = delete;
  FeedRunner& operator=(const FeedRunner&) = delete;

  void start();
  /// Cancels; waits up to stopGraceMs for the worker, then leaves it behind (never blocks longer).
  void stop();
  /// Called on the worker thread after each queued event (e.g. to wake a Qt main loop); optional.
  void setNotify(std::function<void()> notify);
  /// Takes the events queued since the last call (owner's thread). Adds a Stale event when the
  /// feed has been silent (or stuck in a poll) longer than staleAfterMs.
  std::vector<FeedEvent> drain();
  [[nodiscard]] geo::FeedHealth health() const;
  [[nodiscard]] std::int64_t intervalMs() const;

  struct Shared;  ///< state shared with the worker (outlives the runner if the worker is stuck)

 private:
  std::shared_ptr<Shared> m_shared;
  std::thread m_thread;
};

}  // namespace dothi::app
