#pragma once
/// The live-feed plugin SDK: what a feed plugin (plugins/<name>/) implements and what the app
/// calls. Plain C++ (no Qt, OSG or GDAL) so a plugin needs only this header.
///
/// Version rule: kFeedSdkVersion changes whenever anything in this header changes in a way that
/// breaks binary compatibility (a member added to a struct, a virtual added or reordered). The
/// app refuses, with a message, a plugin whose metadata names another version; it never loads it.
///
/// Threading: the app creates a FeedSource on the main thread, then calls configure() and poll()
/// from one worker thread only (never two calls at once). poll() may block for up to the
/// time-out the plugin was configured with; it must return promptly once `cancelled()` is true.
/// Nothing may throw across this interface: a plugin catches its own exceptions and returns an
/// Error instead.
#include <atomic>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "dothi/geo/error.hpp"

namespace dothi::geo {

/// Bump on every binary-incompatible change of this header (see the rule above).
inline constexpr int kFeedSdkVersion = 1;

/// One setting a feed understands (shown in the app's "Add feed" dialog and as a CLI option).
struct FeedSetting {
  std::string key;           ///< "url", "interval", "timeout"…
  std::string label;         ///< English label for a person
  std::string defaultValue;  ///< as text; empty = none
  bool required = false;
};

/// What a plugin says about itself.
struct FeedDescription {
  std::string id;    ///< stable, lower case: "sensorthings", "open311", "gtfsrt", "replay"
  std::string name;  ///< for a person: "OGC SensorThings API"
  std::vector<FeedSetting> settings;
};

/// One timestamped observation or event, in WGS 84 (EPSG:4326 lon/lat degrees).
struct Observation {
  std::string streamId;  ///< the sensor / datastream / request / vehicle it belongs to
  std::string key;       ///< unique per (stream, time): observation id, request id + update…
  std::int64_t timeMs = 0;  ///< UTC, milliseconds since 1970-01-01
  double lon = 0, lat = 0;  ///< degrees, WGS 84
  std::optional<double> value;  ///< the measured value, if numeric
  std::string property;  ///< observed property ("PM2.5"), empty for events
  std::string unit;      ///< unit symbol ("µg/m³"), may be empty
  std::string category;  ///< report category / service name / route; may be empty
  std::string status;    ///< report status ("open", "closed"); may be empty
  std::string attributes;  ///< further attributes as a JSON object text ("{}" when none)
  bool operator==(const Observation&) const = default;
};

/// Health of a feed, as the app shows it.
enum class FeedHealth { Connecting, Connected, Stale, Error, Stopped };

/// Per-poll settings the app hands to poll().
struct PollContext {
  const std::atomic<bool>* cancel = nullptr;  ///< set by the app to stop; may be null
  [[nodiscard]] bool cancelled() const { return cancel && cancel->load(std::memory_order_relaxed); }
};

/// What one poll brought. `observations` may be non-empty even with `warnings` (bad records
/// skipped) or with a `partial` error (e.g. the server went away after page 2 of 5: the first
/// pages are delivered, the error is reported, the next poll resumes after what was delivered).
struct PollBatch {
  std::vector<Observation> observations;
  std::vector<std::string> warnings;   ///< records skipped, for a person ("observation 7: result is not a number")
  std::optional<Error> partial;        ///< the poll stopped early for this reason
  bool finished = false;               ///< the source has nothing more, ever (a replay at its end)
};

/// A live feed. Implemented by plugins; owned by the app (std::unique_ptr).
class FeedSource {
 public:
  virtual ~FeedSource() = default;
  [[nodiscard]] virtual FeedDescription describe() const = 0;
  /// Applies the settings (keys from describe()); an unknown key or a bad value is an error.
  virtual Result<void> configure(const std::map<std::string, std::string>& settings) = 0;
  /// Fetches what is new since the last successful poll. An error means nothing was delivered
  /// and the cursor did not move, so the next poll asks again (no loss, no duplicates).
  virtual Result<PollBatch> poll(const PollContext& context) = 0;
  /// Suggested delay between polls in milliseconds (from the "interval" setting).
  [[nodiscard]] virtual std::int64_t intervalMs() const = 0;
};

/// Parses "10m", "5s", "250ms", "2h", "1d" or plain seconds into milliseconds.
std::optional<std::int64_t> parseDurationMs(const std::string& text);
/// Parses an ISO 8601 instant ("2024-03-01T10:00:00Z", "…+07:00", fractional seconds) into UTC
/// milliseconds; SensorThings intervals ("a/b") give their start.
std::optional<std::int64_t> parseIsoTimeMs(const std::string& text);
/// Formats UTC milliseconds as "2024-03-01T10:00:00.000Z".
std::string formatIsoTimeMs(std::int64_t ms);

}  // namespace dothi::geo
