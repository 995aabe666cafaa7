// SensorThings over MQTT: observations a broker pushes on v1.1/Datastreams(ID)/Observations
// arrive long before the next HTTP poll; a message that is not JSON is skipped. Needs the
// mosquitto broker and mosquitto_pub (Debian mosquitto, mosquitto-clients); skipped without them.
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include "feed_harness.hpp"
#include "feed_test_server.hpp"

namespace dothi::test {
namespace {

const std::string kFrost = std::string(DOTHI_SHARED_DATA) + "/livefeeds/sensorthings/frost_entitiesDefault.json";

int freePort() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof a;
  bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
  getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  close(fd);
  return ntohs(a.sin_port);
}

struct Broker {
  pid_t pid = -1;
  int port = freePort();
  Broker() {
    pid = fork();
    if (pid == 0) {
      execlp("mosquitto", "mosquitto", "-p", std::to_string(port).c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
  }
  ~Broker() {
    kill(pid, SIGTERM);
    waitpid(pid, nullptr, 0);
  }
  bool publish(int datastream, const std::string& payload) const {
    const std::string cmd = "mosquitto_pub -h 127.0.0.1 -p " + std::to_string(port) + " -q 1 -t 'v1.1/Datastreams(" +
                            std::to_string(datastream) + ")/Observations' -m '" + payload + "'";
    return std::system(cmd.c_str()) == 0;
  }
};

std::string obsJson(int id, int second, double value) {
  char t[32];
  std::snprintf(t, sizeof t, "2016-01-01T00:00:%02dZ", second);
  return nlohmann::json{{"@iot.id", id}, {"phenomenonTime", t}, {"result", value}}.dump();
}

TEST(SensorThingsMqtt, PushedObservationsArriveBeforeTheNextHttpPoll) {
  if (!std::filesystem::exists(kFrost)) GTEST_SKIP() << "missing " << kFrost;
  if (std::system("command -v mosquitto >/dev/null && command -v mosquitto_pub >/dev/null") != 0)
    GTEST_SKIP() << "mosquitto or mosquitto_pub not installed";
  const auto dir = freshDir("mqtt");
  FeedTestServer server(dir / "server", {"--frost", kFrost});
  ASSERT_TRUE(server.running());
  Broker broker;
  FeedHarness h(dir / "city.dothi", "sensorthings",
                {{"url", server.url("/v1.1")}, {"interval", "60s"}, {"timeout", "2s"},
                 {"mqtt", "mqtt://127.0.0.1:" + std::to_string(broker.port)}});
  ASSERT_TRUE(h.pumpUntil([&] { return h.stored() == 4; }));  // the first (HTTP) poll
  // Until the subscription is up, messages may go nowhere: publish until one arrives.
  int id = 1000;
  bool arrived = false;
  for (int i = 0; i < 30 && !arrived; ++i) {
    ASSERT_TRUE(broker.publish(1, obsJson(++id, i, 1.0 * i)));
    arrived = h.pumpUntil([&] { return h.stored() > 4; }, 300);
  }
  ASSERT_TRUE(arrived) << "no MQTT message reached the feed";
  const auto before = h.stored();
  const auto mark = h.events.size();
  ASSERT_TRUE(broker.publish(2, "{not json"));
  for (int k = 0; k < 3; ++k) ASSERT_TRUE(broker.publish(2, obsJson(2000 + k, 40 + k, 20.0 + k)));
  EXPECT_TRUE(h.pumpUntil([&] { return h.stored() == before + 3; }, 3000));  // HTTP is 60 s away
  EXPECT_GE(h.warningsSince(mark), 1u);
  geo::ObservationQuery q;
  q.streamId = "2";
  const auto rows = h.store->observations("sensorthings", q);
  ASSERT_TRUE(rows);
  ASSERT_EQ(rows->size(), 5u);  // 2 from the FROST set over HTTP, 3 pushed
  EXPECT_EQ(rows->back().key, "2002");
  EXPECT_EQ(rows->back().unit, "C");
  EXPECT_DOUBLE_EQ(*rows->back().value, 22.0);
  EXPECT_EQ(h.delivered, h.stored());
}

}  // namespace
}  // namespace dothi::test
