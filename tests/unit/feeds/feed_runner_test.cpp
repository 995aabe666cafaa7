// FeedRunner with in-process sources: failures back off, a throwing plugin is an error (not a
// crash), a hanging plugin turns the feed stale and never blocks stop().
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "core/feed_runner.hpp"

namespace dothi::test {
namespace {

using namespace std::chrono;

class ScriptedSource : public geo::FeedSource {
 public:
  enum class Mode { Fail, Throw, Hang, Data };
  explicit ScriptedSource(Mode m, std::atomic<int>* polls) : m_mode(m), m_polls(polls) {}
  geo::FeedDescription describe() const override { return {"scripted", "Scripted", {}}; }
  geo::Result<void> configure(const std::map<std::string, std::string>&) override { return {}; }
  std::int64_t intervalMs() const override { return 50; }
  geo::Result<geo::PollBatch> poll(const geo::PollContext&) override {
    ++*m_polls;
    switch (m_mode) {
      case Mode::Fail: return geo::fail(geo::ErrorCode::Io, "server down");
      case Mode::Throw: throw std::runtime_error("plugin bug");
      case Mode::Hang: std::this_thread::sleep_for(seconds(2)); return geo::PollBatch{};  // ignores cancel
      case Mode::Data: break;
    }
    geo::PollBatch b;
    b.observations.push_back({"s", std::to_string(m_polls->load()), m_polls->load(), 1, 2, 3.0, "", "", "", "", "{}"});
    return b;
  }

 private:
  Mode m_mode;
  std::atomic<int>* m_polls;
};

std::vector<app::FeedEvent> collect(app::FeedRunner& r, int ms) {
  std::vector<app::FeedEvent> all;
  const auto end = steady_clock::now() + milliseconds(ms);
  while (steady_clock::now() < end) {
    for (auto& e : r.drain()) all.push_back(std::move(e));
    std::this_thread::sleep_for(milliseconds(10));
  }
  return all;
}

TEST(FeedRunner, FailuresBackOffExponentially) {
  std::atomic<int> polls = 0;
  app::FeedRunnerOptions o;
  o.firstRetryMs = 40;
  o.maxRetryMs = 10'000;
  app::FeedRunner r(std::make_unique<ScriptedSource>(ScriptedSource::Mode::Fail, &polls), o);
  r.start();
  auto events = collect(r, 700);
  r.stop();
  // retries after 40, 80, 160, 320 ms: 4 or 5 polls in 700 ms, not the 14 a 50 ms interval gives
  EXPECT_GE(polls.load(), 3);
  EXPECT_LE(polls.load(), 5);
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events.front().health, geo::FeedHealth::Error);
  EXPECT_NE(events.front().message.find("server down"), std::string::npos);
  EXPECT_NE(events.front().message.find("retry in"), std::string::npos);
  EXPECT_EQ(r.health(), geo::FeedHealth::Stopped);
}

TEST(FeedRunner, ThrowingPluginIsAnErrorNotACrash) {
  std::atomic<int> polls = 0;
  app::FeedRunner r(std::make_unique<ScriptedSource>(ScriptedSource::Mode::Throw, &polls));
  r.start();
  auto events = collect(r, 200);
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events.front().health, geo::FeedHealth::Error);
  EXPECT_NE(events.front().message.find("plugin bug"), std::string::npos);
}

TEST(FeedRunner, HangingPluginGoesStaleAndStopDoesNotBlock) {
  std::atomic<int> polls = 0;
  app::FeedRunnerOptions o;
  o.staleAfterMs = 300;
  o.stopGraceMs = 200;
  auto r = std::make_unique<app::FeedRunner>(std::make_unique<ScriptedSource>(ScriptedSource::Mode::Hang, &polls), o);
  r->start();
  auto events = collect(*r, 600);
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events.back().health, geo::FeedHealth::Stale);
  EXPECT_NE(events.back().message.find("no answer"), std::string::npos);
  const auto t0 = steady_clock::now();
  r.reset();  // the worker is still inside poll(): stop() gives up after the grace period
  EXPECT_LT(duration_cast<milliseconds>(steady_clock::now() - t0).count(), 1000);
  std::this_thread::sleep_for(seconds(2));  // let the abandoned worker finish before the test ends
}

TEST(FeedRunner, DataArrivesInOrder) {
  std::atomic<int> polls = 0;
  app::FeedRunner r(std::make_unique<ScriptedSource>(ScriptedSource::Mode::Data, &polls));
  r.start();
  auto events = collect(r, 300);
  r.stop();
  ASSERT_GE(events.size(), 3u);
  std::int64_t last = 0;
  for (const auto& e : events) {
    EXPECT_EQ(e.health, geo::FeedHealth::Connected);
    ASSERT_EQ(e.observations.size(), 1u);
    EXPECT_GT(e.observations[0].timeMs, last);
    last = e.observations[0].timeMs;
  }
}

}  // namespace
}  // namespace dothi::test
