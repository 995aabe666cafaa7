#pragma once
#include <memory>

#include "dothi/importers/importer.hpp"

namespace dothi::importers {

/// Any vector source GDAL/OGR opens: files, directories, "PG:" connection strings.
std::unique_ptr<Importer> makeOgrImporter();

}  // namespace dothi::importers
