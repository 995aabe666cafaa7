#include "dothi/geo/error.hpp"

namespace dothi::geo {

std::string Error::describe() const {
  std::string out;
  if (!file.empty()) out += file + ": ";
  if (!layer.empty()) out += "layer " + layer + ": ";
  if (featureId) out += "feature " + std::to_string(*featureId) + ": ";
  out += message;
  return out;
}

Error& Error::withFile(std::string f) {
  if (file.empty()) file = std::move(f);
  return *this;
}

Error& Error::withLayer(std::string l) {
  if (layer.empty()) layer = std::move(l);
  return *this;
}

const char* errorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::InvalidArgument: return "invalid argument";
    case ErrorCode::NotFound: return "not found";
    case ErrorCode::Io: return "I/O error";
    case ErrorCode::Format: return "format error";
    case ErrorCode::Crs: return "CRS error";
    case ErrorCode::Geometry: return "geometry error";
    case ErrorCode::Storage: return "storage error";
    case ErrorCode::Cancelled: return "cancelled";
    case ErrorCode::Internal: return "internal error";
  }
  return "error";
}

}  // namespace dothi::geo
