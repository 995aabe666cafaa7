#include "http_client.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <mutex>

namespace dothi::plugins {

namespace {

struct Transfer {
  std::string body;
  std::size_t maxBytes = 0;
  bool tooLarge = false;
  const geo::PollContext* context = nullptr;
};

std::size_t onData(char* data, std::size_t size, std::size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const std::size_t n = size * count;
  if (t->body.size() + n > t->maxBytes) {
    t->tooLarge = true;
    return 0;  // aborts the transfer
  }
  t->body.append(data, n);
  return n;
}

int onProgress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  const auto* t = static_cast<Transfer*>(user);
  return t->context && t->context->cancelled() ? 1 : 0;
}

struct CurlHandle {
  CURL* h = curl_easy_init();
  ~CurlHandle() { curl_easy_cleanup(h); }
};

}  // namespace

geo::Result<std::string> httpGet(const std::string& url, const HttpOptions& options) {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  CurlHandle curl;
  if (!curl.h) return geo::fail(geo::ErrorCode::Internal, "cannot start libcurl", url);
  Transfer t;
  t.maxBytes = options.maxBytes;
  t.context = options.context;
  curl_easy_setopt(curl.h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl.h, CURLOPT_NOSIGNAL, 1L);  // time-outs without SIGALRM (threads)
  curl_easy_setopt(curl.h, CURLOPT_CONNECTTIMEOUT_MS, options.connectTimeoutMs);
  curl_easy_setopt(curl.h, CURLOPT_TIMEOUT_MS, options.totalTimeoutMs);
  curl_easy_setopt(curl.h, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(curl.h, CURLOPT_MAXREDIRS, 5L);
  curl_easy_setopt(curl.h, CURLOPT_ACCEPT_ENCODING, "");  // gzip/deflate when offered
  curl_easy_setopt(curl.h, CURLOPT_USERAGENT, "DoThi-feed/1");
  curl_easy_setopt(curl.h, CURLOPT_WRITEFUNCTION, onData);
  curl_easy_setopt(curl.h, CURLOPT_WRITEDATA, &t);
  curl_easy_setopt(curl.h, CURLOPT_XFERINFOFUNCTION, onProgress);
  curl_easy_setopt(curl.h, CURLOPT_XFERINFODATA, &t);
  curl_easy_setopt(curl.h, CURLOPT_NOPROGRESS, 0L);
  const CURLcode rc = curl_easy_perform(curl.h);
  if (t.tooLarge)
    return geo::fail(geo::ErrorCode::Format,
                     "response larger than " + std::to_string(options.maxBytes >> 20) + " MiB, refused", url);
  if (rc == CURLE_ABORTED_BY_CALLBACK) return geo::fail(geo::ErrorCode::Cancelled, "cancelled", url);
  if (rc == CURLE_OPERATION_TIMEDOUT)
    return geo::fail(geo::ErrorCode::Io, "no complete answer within " + std::to_string(options.totalTimeoutMs) + " ms (time-out)", url);
  if (rc != CURLE_OK) return geo::fail(geo::ErrorCode::Io, curl_easy_strerror(rc), url);
  long status = 0;
  curl_easy_getinfo(curl.h, CURLINFO_RESPONSE_CODE, &status);
  const bool http = url.starts_with("http://") || url.starts_with("https://");
  if (http && (status < 200 || status >= 300)) {
    std::string snippet;
    for (char c : t.body.substr(0, 120)) snippet += std::isprint(static_cast<unsigned char>(c)) ? c : ' ';
    return geo::fail(geo::ErrorCode::Io, "HTTP " + std::to_string(status) + (snippet.empty() ? "" : ": " + snippet), url);
  }
  return std::move(t.body);
}

std::string urlEncode(const std::string& text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') out += static_cast<char>(c);
    else out += '%', out += hex[c >> 4], out += hex[c & 15];
  }
  return out;
}

geo::Result<void> readHttpSettings(const std::map<std::string, std::string>& settings, HttpOptions& http,
                                   std::int64_t& intervalMs) {
  if (auto it = settings.find("timeout"); it != settings.end() && !it->second.empty()) {
    auto ms = geo::parseDurationMs(it->second);
    if (!ms || *ms <= 0) return geo::fail(geo::ErrorCode::InvalidArgument, "timeout: not a duration: " + it->second);
    http.totalTimeoutMs = static_cast<long>(*ms);
    http.connectTimeoutMs = std::min<long>(http.connectTimeoutMs, http.totalTimeoutMs);
  }
  if (auto it = settings.find("interval"); it != settings.end() && !it->second.empty()) {
    auto ms = geo::parseDurationMs(it->second);
    if (!ms || *ms <= 0) return geo::fail(geo::ErrorCode::InvalidArgument, "interval: not a duration: " + it->second);
    intervalMs = *ms;
  }
  return {};
}

}  // namespace dothi::plugins
