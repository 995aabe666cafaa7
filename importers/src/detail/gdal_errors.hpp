#pragma once
// One GDAL error handler for the whole program: CPL messages are collected per thread and
// turned into our Error messages instead of being printed to stderr.
#include <string>

namespace dothi::importers::detail {

/// Registers GDAL drivers and the error handler once (thread-safe).
void initGdal();
/// The last CPL failure message on this thread since clearGdalError(), or "".
std::string lastGdalError();
void clearGdalError();

}  // namespace dothi::importers::detail
