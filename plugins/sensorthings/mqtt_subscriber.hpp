#pragma once
/// SensorThings MQTT (OGC 18-088 §14.2): subscribes to `v1.1/Datastreams(ID)/Observations` on the
/// server's broker with libmosquitto, on libmosquitto's own network thread; messages wait in a
/// queue until the feed's next poll takes them. Reconnects by itself (libmosquitto's loop).
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "dothi/geo/error.hpp"

struct mosquitto;
struct mosquitto_message;

namespace dothi::plugins {

class MqttSubscriber {
 public:
  struct Message {
    std::string topic, payload;
  };
  /// Connects (asynchronously) to host:port; an error only for bad arguments or no library.
  static geo::Result<std::unique_ptr<MqttSubscriber>> start(const std::string& host, int port);
  ~MqttSubscriber();
  MqttSubscriber(const MqttSubscriber&) = delete;
  MqttSubscriber& operator=(const MqttSubscriber&) = delete;

  /// Subscribes (now, and again after each reconnect) to these topics.
  void subscribe(const std::vector<std::string>& topics);
  /// Takes the messages received since the last call.
  std::vector<Message> take();
  [[nodiscard]] bool connected() const;

 private:
  MqttSubscriber() = default;
  static void onConnect(mosquitto* m, void* self, int rc);
  static void onDisconnect(mosquitto* m, void* self, int rc);
  static void onMessage(mosquitto* m, void* self, const ::mosquitto_message* msg);
  mosquitto* m_client = nullptr;
  mutable std::mutex m_mutex;
  std::vector<std::string> m_topics;
  std::vector<Message> m_queue;
  bool m_connected = false;
};

}  // namespace dothi::plugins
