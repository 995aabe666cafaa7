#pragma once
/// Errors that cross module boundaries. Every boundary (importer, storage, analysis, plugin)
/// returns Result<T>; a person reads Error::describe(), a machine reads Error::code.
#include <cstdint>
#include <expected>
#include <optional>
#include <string>

namespace dothi::geo {

enum class ErrorCode {
  InvalidArgument,  ///< the caller asked for something impossible (bad option, unknown layer)
  NotFound,         ///< a file, layer or feature does not exist
  Io,               ///< the file cannot be read or written (permissions, disk, truncated)
  Format,           ///< the file is readable but its content is not what the format says
  Crs,              ///< unknown CRS, no transformation, coordinates outside the CRS's area
  Geometry,         ///< a geometry cannot be used for the requested operation
  Storage,          ///< the project database refused an operation
  Cancelled,        ///< the user cancelled a long operation
  Internal,         ///< a bug: should never reach a user
};

/// A failure with a message for a person and where it happened.
struct Error {
  ErrorCode code = ErrorCode::Internal;
  std::string message;                 ///< the reason, one sentence, no trailing period needed
  std::string file;                    ///< file or connection the error is about, if any
  std::string layer;                   ///< layer name, if any
  std::optional<std::int64_t> featureId;  ///< feature id (source FID), if one feature is at fault

  /// "FILE: layer L: feature 12: message" with the parts that are known.
  [[nodiscard]] std::string describe() const;
  /// Adds file/layer context if not already set (used as errors bubble up).
  Error& withFile(std::string f);
  Error& withLayer(std::string l);
};

/// Short English name of the code ("I/O error", "CRS error"...), for logs and JSON.
const char* errorCodeName(ErrorCode code);

template <class T>
using Result = std::expected<T, Error>;

inline std::unexpected<Error> fail(ErrorCode code, std::string message, std::string file = {}) {
  return std::unexpected(Error{code, std::move(message), std::move(file), {}, {}});
}

}  // namespace dothi::geo
