#include "import_bench.hpp"

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <vector>

#include "core/import_layer.hpp"

namespace dothi::bench {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

/// Runs ogr2ogr directly (no shell: the path may contain anything); seconds, or -1 on failure.
double timeOgr2ogr(const std::string& source, const fs::path& out) {
  fs::remove(out);
  const auto t0 = Clock::now();
  const pid_t pid = fork();
  if (pid == 0) {
    std::freopen("/dev/null", "w", stdout);  // its progress bar
    std::freopen("/dev/null", "w", stderr);
    execlp("ogr2ogr", "ogr2ogr", "-f", "GPKG", out.c_str(), source.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  const double s = std::chrono::duration<double>(Clock::now() - t0).count();
  return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? s : -1;
}

long peakRssMiB() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024;
}

}  // namespace

int runImportBench(const ImportBenchOptions& o) {
  const fs::path dir = fs::temp_directory_path() / ("dothi-bench-" + std::to_string(getpid()));
  fs::create_directories(dir);
  std::vector<double> ours, theirs;
  std::int64_t features = 0;
  for (int i = 0; i < std::max(1, o.repeat); ++i) {
    const fs::path project = dir / ("bench" + std::to_string(i) + ".dothi");
    app::ImportOptions io;
    io.source = o.source;
    const auto t0 = Clock::now();
    auto r = app::importIntoFile(project.string(), io);
    ours.push_back(std::chrono::duration<double>(Clock::now() - t0).count());
    if (!r) {
      std::cerr << "dothi-cli: error: " << r.error().describe() << "\n";
      fs::remove_all(dir);
      return 1;
    }
    features = 0;
    for (const auto& l : r->layers) features += l.info.featureCount;
    theirs.push_back(timeOgr2ogr(o.source, dir / ("ogr" + std::to_string(i) + ".gpkg")));
  }
  fs::remove_all(dir);
  const double t = median(ours), g = median(theirs);
  const double fps = t > 0 ? static_cast<double>(features) / t : 0;
  nlohmann::json j = {{"benchmark", "import"}, {"source", o.source}, {"features", features}, {"runs", ours.size()},
                      {"dothi_seconds", t}, {"features_per_second", fps},
                      {"ogr2ogr_gpkg_seconds", g >= 0 ? nlohmann::json(g) : nlohmann::json(nullptr)},
                      {"ratio_dothi_over_ogr2ogr", g > 0 ? nlohmann::json(t / g) : nlohmann::json(nullptr)},
                      {"peak_rss_mib", peakRssMiB()}};
  if (o.json) {
    std::cout << j.dump(2) << "\n";
    return 0;
  }
  std::printf("Import benchmark: %s (median of %zu runs)\n", o.source.c_str(), ours.size());
  std::printf("  %-28s %12s\n", "figure", "value");
  std::printf("  %-28s %12lld\n", "features", static_cast<long long>(features));
  std::printf("  %-28s %12.3f\n", "dothi import (s)", t);
  std::printf("  %-28s %12.0f\n", "features per second", fps);
  if (g >= 0) std::printf("  %-28s %12.3f\n  %-28s %12.2f\n", "ogr2ogr -f GPKG (s)", g, "ratio dothi / ogr2ogr", t / g);
  else std::printf("  %-28s %12s\n", "ogr2ogr -f GPKG (s)", "n/a");
  std::printf("  %-28s %12ld\n", "peak RSS (MiB)", peakRssMiB());
  return 0;
}

}  // namespace dothi::bench
