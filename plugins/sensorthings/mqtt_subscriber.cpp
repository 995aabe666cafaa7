#include "mqtt_subscriber.hpp"

#include <mosquitto.h>

#include <algorithm>

namespace dothi::plugins {

namespace {
std::once_flag g_init;
constexpr std::size_t kMaxQueued = 100'000;  // a flood is cut off rather than exhausting memory
}  // namespace

geo::Result<std::unique_ptr<MqttSubscriber>> MqttSubscriber::start(const std::string& host, int port) {
  std::call_once(g_init, [] { mosquitto_lib_init(); });
  std::unique_ptr<MqttSubscriber> s(new MqttSubscriber);
  s->m_client = mosquitto_new(nullptr, true, s.get());
  if (!s->m_client) return geo::fail(geo::ErrorCode::Internal, "cannot create an MQTT client");
  mosquitto_connect_callback_set(s->m_client, &MqttSubscriber::onConnect);
  mosquitto_disconnect_callback_set(s->m_client, &MqttSubscriber::onDisconnect);
  mosquitto_message_callback_set(s->m_client, &MqttSubscriber::onMessage);
  mosquitto_reconnect_delay_set(s->m_client, 1, 30, true);
  // connect_async + loop_start: a broker that is down now is retried by the loop thread.
  if (const int rc = mosquitto_connect_async(s->m_client, host.c_str(), port, 30); rc != MOSQ_ERR_SUCCESS && rc != MOSQ_ERR_ERRNO)
    return geo::fail(geo::ErrorCode::InvalidArgument, std::string("MQTT: ") + mosquitto_strerror(rc), host);
  if (const int rc = mosquitto_loop_start(s->m_client); rc != MOSQ_ERR_SUCCESS)
    return geo::fail(geo::ErrorCode::Internal, std::string("MQTT: ") + mosquitto_strerror(rc), host);
  return s;
}

MqttSubscriber::~MqttSubscriber() {
  if (!m_client) return;
  mosquitto_disconnect(m_client);
  mosquitto_loop_stop(m_client, true);
  mosquitto_destroy(m_client);
}

void MqttSubscriber::subscribe(const std::vector<std::string>& topics) {
  std::lock_guard lock(m_mutex);
  for (const auto& t : topics) {
    if (std::find(m_topics.begin(), m_topics.end(), t) != m_topics.end()) continue;
    m_topics.push_back(t);
    if (m_connected) mosquitto_subscribe(m_client, nullptr, t.c_str(), 1);
  }
}

std::vector<MqttSubscriber::Message> MqttSubscriber::take() {
  std::lock_guard lock(m_mutex);
  std::vector<Message> out = std::move(m_queue);
  m_queue.clear();
  return out;
}

bool MqttSubscriber::connected() const {
  std::lock_guard lock(m_mutex);
  return m_connected;
}

void MqttSubscriber::onConnect(mosquitto* m, void* self, int rc) {
  auto* s = static_cast<MqttSubscriber*>(self);
  std::lock_guard lock(s->m_mutex);
  s->m_connected = rc == 0;
  if (rc == 0)
    for (const auto& t : s->m_topics) mosquitto_subscribe(m, nullptr, t.c_str(), 1);
}

void MqttSubscriber::onDisconnect(mosquitto*, void* self, int) {
  auto* s = static_cast<MqttSubscriber*>(self);
  std::lock_guard lock(s->m_mutex);
  s->m_connected = false;
}

void MqttSubscriber::onMessage(mosquitto*, void* self, const mosquitto_message* msg) {
  auto* s = static_cast<MqttSubscriber*>(self);
  std::lock_guard lock(s->m_mutex);
  if (s->m_queue.size() >= kMaxQueued) return;
  s->m_queue.push_back({msg->topic ? msg->topic : "",
                        std::string(static_cast<const char*>(msg->payload), static_cast<std::size_t>(msg->payloadlen))});
}

}  // namespace dothi::plugins
