#pragma once
/// Blocking HTTP GET for feed plugins (libcurl), meant for a plugin's worker thread: connect and
/// total time-outs, a cap on the response size, and cancellation through the PollContext.
/// libcurl rather than Qt Network: a blocking call with hard time-outs needs no event loop on the
/// worker thread, and plugins stay free of Qt beyond their factory.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>

#include "dothi/geo/feed_source.hpp"

namespace dothi::plugins {

struct HttpOptions {
  long connectTimeoutMs = 5000;
  long totalTimeoutMs = 15000;       ///< the whole transfer, headers and body
  std::size_t maxBytes = 32u << 20;  ///< larger responses are refused (a format error)
  const geo::PollContext* context = nullptr;
};

/// The body of a 2xx response, or an Io error (unreachable, time-out, HTTP status, cut off),
/// a Format error (too large) or Cancelled; the message names the URL.
geo::Result<std::string> httpGet(const std::string& url, const HttpOptions& options);
/// Percent-encodes a query parameter value.
std::string urlEncode(const std::string& text);
/// Reads the "timeout" and "interval" settings common to all HTTP feeds.
geo::Result<void> readHttpSettings(const std::map<std::string, std::string>& settings, HttpOptions& http,
                                   std::int64_t& intervalMs);

}  // namespace dothi::plugins
