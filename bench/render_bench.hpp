#pragma once
/// Benchmark: the city scene at scale. Builds a synthetic city of N buildings (or a project's
/// layers), flies a scripted camera (overviews, a mid-level pass, a street-level walk) in an X
/// window, and prints scene build time, frame times (median, 95th percentile), peak memory and
/// picking time and exactness — for DoThi's tiled LOD scene and for the naive scene (one node per
/// building), each measured in its own process so memory figures do not mix, and their ratio.
#include <cstdint>
#include <string>

namespace dothi::bench {

struct RenderBenchOptions {
  std::int64_t buildings = 100000;  ///< synthetic city size (ignored with a project)
  std::string project;              ///< measure this project's layers instead
  int frames = 120;                 ///< camera poses in the flight
  int width = 1024, height = 640;   ///< window size
  int picks = 40;                   ///< picks timed (and checked against brute force when synthetic)
  std::uint32_t seed = 1;
  bool json = false;
  bool naive = true;                ///< also measure the naive scene
  /// Above this many buildings the naive scene flies every 10th pose only (it draws at a
  /// fraction of a frame per second); its memory is still measured in full.
  std::int64_t naiveFullFlightMax = 200000;
  std::string shots;                ///< a directory: write one PNG per flight segment there
  bool trace = false;               ///< per frame: time, triangles and drawables drawn (stderr)
  std::string variant;              ///< internal: measure only "optimized" or "naive", print JSON
};

/// Returns a process exit code (0 on success). Needs an X display (dothi-cli provides Xvfb).
int runRenderBench(const RenderBenchOptions& options);

}  // namespace dothi::bench
