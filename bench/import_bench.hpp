#pragma once
/// Benchmark: import of a source into a fresh project, beside `ogr2ogr -f GPKG` on the same
/// file and machine. Prints a table, or one JSON object with --json.
#include <string>

namespace dothi::bench {

struct ImportBenchOptions {
  std::string source;
  int repeat = 3;  ///< runs of each; the median is reported
  bool json = false;
};

/// Returns a process exit code (0 on success).
int runImportBench(const ImportBenchOptions& options);

}  // namespace dothi::bench
