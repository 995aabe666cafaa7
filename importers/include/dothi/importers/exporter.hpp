#pragma once
/// Writing project layers out to any format OGR writes.
#include <cstdint>
#include <string>

#include "dothi/geo/error.hpp"
#include "dothi/geo/project.hpp"

namespace dothi::importers {

struct ExportOptions {
  std::string format;      ///< GDAL driver short name ("GPKG"); empty = guessed from the extension
  std::string crs;         ///< output CRS definition; empty = the project CRS
  bool overwrite = false;  ///< replace an existing output file
};

/// GDAL driver for an output path's extension ("GPKG" for .gpkg...), "" if unknown.
std::string driverForExtension(const std::string& path);

/// Writes one layer; returns the number of features written. A failure removes the partial file.
geo::Result<std::int64_t> exportLayer(const geo::Project& project, const std::string& layer,
                                      const std::string& outPath, const ExportOptions& options);

}  // namespace dothi::importers
