#pragma once
// dothi-cli subcommands: argument structs filled by CLI11 in main.cpp, run here.
#include <optional>
#include <string>

#include "dothi/geo/error.hpp"

namespace dothi::cli {

/// Exit codes: 0 ok, 1 internal, 2 usage/invalid argument, 3 not found, 4 I/O, 5 format,
/// 6 CRS, 7 storage, 8 geometry, 130 cancelled.
int exitCodeFor(geo::ErrorCode code);
/// Prints "dothi-cli: error: <describe()>" on stderr and returns the exit code.
int reportError(const geo::Error& error);

struct ImportArgs {
  std::string source, project, layer, kind, toCrs, fromCrs, sourceLayer, where;
  bool json = false, quiet = false;
};
struct InfoArgs {
  std::string project;
  bool json = false, issues = false;
};
struct ExportArgs {
  std::string project, layer, out, toCrs, format;
  bool overwrite = false, json = false;
};
struct RenderArgs {
  std::string project, out = "dothi-city.png", size = "1600x900", view = "oblique", roof, center;
  double defaultHeight = 10.0, zoom = 1.0;
  bool json = false, noLegend = false;
};
struct IndicatorArgs {
  std::string project;
  bool json = false;
};

int runImport(const ImportArgs& a);
int runInfo(const InfoArgs& a);
int runExport(const ExportArgs& a);
int runRender(const RenderArgs& a);
int runIndicators(const IndicatorArgs& a);

}  // namespace dothi::cli
