// `dothi-cli feed`, `feed-list`, `feed-show`, `feed-plugins`: record live feeds into a project
// and read them back.
#include <csignal>
#include <cstdio>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli_command.hpp"
#include "commands.hpp"
#include "core/feed_record.hpp"

namespace dothi::cli {

namespace {

std::atomic<bool> g_interrupted{false};

struct FeedArgs {
  std::string project, plugin, id, url, file, staticGtfs, duration, interval, timeout, retention, speed, since;
  std::vector<std::string> sets;
  bool json = false, quiet = false;
};
struct FeedListArgs {
  std::string project, feed, from, to, stream;
  std::int64_t limit = -1;
  bool json = false;
};

std::optional<std::int64_t> durationOrFail(const std::string& text, const char* what, int& exitCode) {
  if (text.empty()) return 0;
  auto ms = geo::parseDurationMs(text);
  if (!ms) {
    exitCode = reportError({geo::ErrorCode::InvalidArgument, std::string(what) + ": not a duration (e.g. 10m, 5s): " + text, {}, {}, {}});
    return std::nullopt;
  }
  return ms;
}

nlohmann::json feedJson(const geo::FeedInfo& f) {
  nlohmann::json j = {{"id", f.id}, {"plugin", f.plugin}, {"table", f.table}, {"observations", f.count},
                      {"streams", f.streams}, {"retention_ms", f.retentionMs}, {"health", f.health},
                      {"message", f.message}, {"settings", nlohmann::json::parse(f.settings, nullptr, false)}};
  j["first"] = f.firstMs ? nlohmann::json(geo::formatIsoTimeMs(*f.firstMs)) : nlohmann::json();
  j["last"] = f.lastMs ? nlohmann::json(geo::formatIsoTimeMs(*f.lastMs)) : nlohmann::json();
  return j;
}

int runFeed(const FeedArgs& a) {
  int code = 0;
  app::FeedRecordOptions o;
  o.project = a.project;
  o.plugin = a.plugin;
  o.feedId = a.id;
  auto duration = durationOrFail(a.duration, "--for", code);
  auto retention = durationOrFail(a.retention, "--retention", code);
  if (!duration || !retention) return code;
  o.durationMs = *duration;
  o.untilFinished = a.plugin == "replay";
  o.retentionMs = *retention;
  if (!a.url.empty()) o.settings["url"] = a.url;
  if (!a.file.empty()) o.settings["file"] = a.file;
  if (!a.staticGtfs.empty()) o.settings["static"] = a.staticGtfs;
  if (!a.interval.empty()) o.settings["interval"] = a.interval;
  if (!a.timeout.empty()) o.settings["timeout"] = a.timeout;
  if (!a.speed.empty()) o.settings["speed"] = a.speed;
  if (!a.since.empty()) o.settings["since"] = a.since;
  for (const auto& s : a.sets) {
    const auto eq = s.find('=');
    if (eq == std::string::npos || eq == 0)
      return reportError({geo::ErrorCode::InvalidArgument, "--set wants KEY=VALUE, got " + s, {}, {}, {}});
    o.settings[s.substr(0, eq)] = s.substr(eq + 1);
  }
  if (auto iv = o.settings.find("interval"); iv != o.settings.end())
    if (auto ms = geo::parseDurationMs(iv->second)) o.runner.firstRetryMs = std::min<std::int64_t>(o.runner.firstRetryMs, *ms);
  o.cancelled = [] { return g_interrupted.load(); };
  if (!a.quiet && !a.json)
    o.onEvent = [](const app::FeedEvent& e) {
      if (!e.polled && e.health != geo::FeedHealth::Stale) return;
      std::cerr << geo::formatIsoTimeMs(e.atMs) << "  " << app::healthName(e.health) << "  +" << e.observations.size()
                << (e.message.empty() ? "" : "  " + e.message) << "\n";
    };
  std::signal(SIGINT, [](int) { g_interrupted = true; });
  app::FeedPluginRegistry plugins;
  plugins.scan(app::FeedPluginRegistry::defaultFolders());
  auto r = app::recordFeed(plugins, o);
  std::signal(SIGINT, SIG_DFL);
  if (!r) return reportError(r.error());
  if (a.json) {
    nlohmann::json j = {{"feed", feedJson(r->feed)}, {"polls", r->polls}, {"failed_polls", r->failedPolls},
                        {"received", r->received}, {"stored", r->stored}, {"duplicates", r->duplicates},
                        {"skipped", r->skipped}, {"errors", r->errors}, {"health", r->health},
                        {"cancelled", r->cancelled}};
    std::cout << j.dump(2) << "\n";
  } else {
    std::printf("Feed '%s' (%s): %lld polls (%lld failed), %lld observations received, %lld new stored, %lld already "
                "stored, %lld records skipped\n",
                r->feed.id.c_str(), r->feed.plugin.c_str(), static_cast<long long>(r->polls),
                static_cast<long long>(r->failedPolls), static_cast<long long>(r->received),
                static_cast<long long>(r->stored), static_cast<long long>(r->duplicates), static_cast<long long>(r->skipped));
    std::printf("Stored now: %lld observations of %lld streams", static_cast<long long>(r->feed.count),
                static_cast<long long>(r->feed.streams));
    if (r->feed.firstMs)
      std::printf(", %s .. %s", geo::formatIsoTimeMs(*r->feed.firstMs).c_str(), geo::formatIsoTimeMs(*r->feed.lastMs).c_str());
    std::printf("\n");
    for (const auto& e : r->errors) std::printf("  error: %s\n", e.c_str());
  }
  if (r->cancelled) return 130;
  if (r->polls == 0) return reportError({geo::ErrorCode::Io, "the feed never answered", a.url, {}, {}});
  if (!r->lastPollOk) return exitCodeFor(r->lastErrorCode);
  return 0;
}

int runFeedList(const FeedListArgs& a) {
  auto store = geo::FeedStore::open(a.project);
  if (!store) return reportError(store.error());
  const auto feeds = (*store)->feeds();
  if (a.json) {
    nlohmann::json j = nlohmann::json::array();
    for (const auto& f : feeds) j.push_back(feedJson(f));
    std::cout << j.dump(2) << "\n";
    return 0;
  }
  if (feeds.empty()) std::cout << "No feeds in " << a.project << "\n";
  for (const auto& f : feeds)
    std::printf("%-16s %-13s %8lld observations, %5lld streams, %s .. %s  %s%s%s\n", f.id.c_str(), f.plugin.c_str(),
                static_cast<long long>(f.count), static_cast<long long>(f.streams),
                f.firstMs ? geo::formatIsoTimeMs(*f.firstMs).c_str() : "-", f.lastMs ? geo::formatIsoTimeMs(*f.lastMs).c_str() : "-",
                f.health.c_str(), f.message.empty() ? "" : ": ", f.message.c_str());
  return 0;
}

int runFeedShow(const FeedListArgs& a) {
  auto store = geo::FeedStore::open(a.project);
  if (!store) return reportError(store.error());
  geo::ObservationQuery q;
  for (auto [text, slot] : {std::pair{&a.from, &q.fromMs}, std::pair{&a.to, &q.toMs}}) {
    if (text->empty()) continue;
    *slot = geo::parseIsoTimeMs(*text);
    if (!*slot) return reportError({geo::ErrorCode::InvalidArgument, "not an ISO 8601 time: " + *text, {}, {}, {}});
  }
  if (!a.stream.empty()) q.streamId = a.stream;
  q.limit = a.limit;
  auto rows = (*store)->observations(a.feed, q);
  if (!rows) return reportError(rows.error());
  nlohmann::json j = nlohmann::json::array();
  for (const auto& o : *rows) {
    nlohmann::json r = {{"stream", o.streamId}, {"key", o.key}, {"time", geo::formatIsoTimeMs(o.timeMs)},
                        {"time_ms", o.timeMs}, {"lon", o.lon}, {"lat", o.lat}, {"property", o.property},
                        {"unit", o.unit}, {"category", o.category}, {"status", o.status},
                        {"attributes", nlohmann::json::parse(o.attributes, nullptr, false)}};
    r["value"] = o.value ? nlohmann::json(*o.value) : nlohmann::json();
    if (a.json) j.push_back(std::move(r));
    else
      std::printf("%s  %-12s %-10s %10s %s  %s %s\n", geo::formatIsoTimeMs(o.timeMs).c_str(), o.streamId.c_str(),
                  o.key.c_str(), o.value ? std::to_string(*o.value).c_str() : "-", o.unit.c_str(), o.category.c_str(),
                  o.status.c_str());
  }
  if (a.json) std::cout << j.dump(2) << "\n";
  return 0;
}

int runFeedPlugins(bool json) {
  app::FeedPluginRegistry plugins;
  const auto folders = app::FeedPluginRegistry::defaultFolders();
  plugins.scan(folders);
  if (json) {
    nlohmann::json j = {{"sdk_version", geo::kFeedSdkVersion}, {"folders", folders}, {"plugins", nlohmann::json::array()}};
    for (const auto& p : plugins.plugins())
      j["plugins"].push_back({{"id", p.id}, {"name", p.name}, {"path", p.path}, {"sdk_version", p.sdkVersion},
                              {"refused", p.refused}});
    std::cout << j.dump(2) << "\n";
    return 0;
  }
  std::printf("Feed SDK version %d; folders:", geo::kFeedSdkVersion);
  for (const auto& f : folders) std::printf(" %s", f.c_str());
  std::printf("\n");
  for (const auto& p : plugins.plugins())
    std::printf("%-14s %-40s %s%s\n", p.id.c_str(), p.name.c_str(), p.refused.empty() ? "" : "REFUSED: ",
                p.refused.empty() ? p.path.c_str() : (p.path + ": " + p.refused).c_str());
  return 0;
}

}  // namespace

void addFeedCommands(CLI::App& app, CommandList& commands) {
  auto a = std::make_shared<FeedArgs>();
  auto* c = app.add_subcommand("feed", "Record a live feed (sensorthings, open311, gtfsrt, replay) into a project");
  c->add_option("project", a->project, "Project file (created if missing)")->required();
  c->add_option("--plugin", a->plugin, "Feed plugin: sensorthings|open311|gtfsrt|replay")->required();
  c->add_option("--id", a->id, "Feed name in the project (default: the plugin id)");
  c->add_option("--url", a->url, "Service URL (SensorThings service root, Open311 endpoint, GTFS-rt URL or file)");
  c->add_option("--file", a->file, "Replay file (.geojson or .csv)");
  c->add_option("--static", a->staticGtfs, "Static GTFS zip or folder (gtfsrt: route and stop names)");
  c->add_option("--for", a->duration, "How long to record (e.g. 10m); default: one poll (a replay: to its end)");
  c->add_option("--interval", a->interval, "Poll interval (e.g. 5s)");
  c->add_option("--timeout", a->timeout, "Request time-out (e.g. 10s)");
  c->add_option("--retention", a->retention, "Delete stored observations older than this (e.g. 7d)");
  c->add_option("--speed", a->speed, "Replay speed (1 = real time, 0 = all at once)");
  c->add_option("--since", a->since, "SensorThings: only observations after this ISO 8601 time");
  c->add_option("--set", a->sets, "Any plugin setting KEY=VALUE (repeatable)");
  c->add_flag("--json", a->json, "Print the figures as JSON");
  c->add_flag("--quiet", a->quiet, "No progress lines");
  commands.push_back({c, [a] { return runFeed(*a); }});

  auto l = std::make_shared<FeedListArgs>();
  auto* fl = app.add_subcommand("feed-list", "List the feeds stored in a project");
  fl->add_option("project", l->project)->required();
  fl->add_flag("--json", l->json, "JSON output");
  commands.push_back({fl, [l] { return runFeedList(*l); }});

  auto s = std::make_shared<FeedListArgs>();
  auto* fs = app.add_subcommand("feed-show", "Print a feed's stored observations");
  fs->add_option("project", s->project)->required();
  fs->add_option("--feed", s->feed, "Feed id")->required();
  fs->add_option("--from", s->from, "From (ISO 8601, inclusive)");
  fs->add_option("--to", s->to, "To (ISO 8601, inclusive)");
  fs->add_option("--stream", s->stream, "Only this stream");
  fs->add_option("--limit", s->limit, "At most this many");
  fs->add_flag("--json", s->json, "JSON output");
  commands.push_back({fs, [s] { return runFeedShow(*s); }});

  auto pj = std::make_shared<bool>(false);
  auto* fp = app.add_subcommand("feed-plugins", "List the feed plugins found (and those refused)");
  fp->add_flag("--json", *pj, "JSON output");
  commands.push_back({fp, [pj] { return runFeedPlugins(*pj); }});
}

}  // namespace dothi::cli
