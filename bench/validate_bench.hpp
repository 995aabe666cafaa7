#pragma once
/// Benchmark: exact topology validation (dothi validate) of a parcel layer — a real one from a
/// project, or a synthetic grid with planted overlaps and gaps — beside the same checks through
/// SpatiaLite SQL (GEOS) on the same project file in the same run, and qgis_process where it is
/// installed. Prints times, findings and, for the synthetic layer, recall of the planted defects.
#include <cstdint>
#include <string>

namespace dothi::bench {

struct ValidateBenchOptions {
  std::string project, layer, idField;  ///< a real layer (project + layer)
  std::int64_t synthetic = 0;           ///< or a synthetic grid of this many parcels
  int threads = 0;                      ///< DoThi worker threads (0: one per core)
  int timeout = 900;                    ///< seconds allowed to each peer query
  bool peers = true;                    ///< run SpatiaLite (and qgis_process) too
  bool json = false;
};

/// Returns a process exit code (0 on success).
int runValidateBench(const ValidateBenchOptions& options);

}  // namespace dothi::bench
