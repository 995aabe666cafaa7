#pragma once
/// What a terrain import did (see import_terrain.hpp); reported by the CLI and the GUI.
#include <string>

namespace dothi::app {

struct TerrainImportSummary {
  int columns = 0;
  int rows = 0;
  double cellSize = 0;       ///< metres (mean of x and y)
  double minHeight = 0;      ///< metres
  double maxHeight = 0;
  double validFraction = 0;  ///< share of cells with data
  std::string sourceCrs;
};

}  // namespace dothi::app
