#include "gdal_errors.hpp"

#include <cpl_error.h>
#include <gdal.h>
#include <ogr_api.h>

#include <mutex>

namespace dothi::importers::detail {

namespace {
thread_local std::string t_lastError;

void CPL_STDCALL collect(CPLErr level, CPLErrorNum, const char* msg) {
  // Keep the first failure (the cause, e.g. "Unterminated object at line 9") and the last
  // (often the summary), not the flood in between.
  if (level < CE_Failure || !msg) return;
  if (t_lastError.empty()) t_lastError = msg;
  else if (t_lastError.find(msg) == std::string::npos && t_lastError.find(" ... ") == std::string::npos)
    t_lastError += std::string(" ... ") + msg;
  // Warnings (e.g. "Non closed ring") are data facts the importer reports itself; drop them here.
}
}  // namespace

void initGdal() {
  static std::once_flag once;
  std::call_once(once, [] {
    GDALAllRegister();
    CPLSetErrorHandler(collect);
  });
}

std::string lastGdalError() { return t_lastError; }
void clearGdalError() {
  t_lastError.clear();
  CPLErrorReset();
}

}  // namespace dothi::importers::detail
