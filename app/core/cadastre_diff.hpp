#pragma once
/// Use case: cadastre change detection between two versions of a parcel layer (CLI `diff`).
/// Parcels are matched by key and, where keys changed or a parcel was split or merged, by the
/// exact area they share (geo::analysis::intersectionAreas): added, removed, split, merged,
/// reshaped (geometry changed beyond a tolerance) and attribute-only changes.
#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "dothi/geo/error.hpp"
#include "dothi/geo/geometry.hpp"

namespace dothi::app {

struct DiffOptions {
  std::string oldSource, newSource;  ///< .dothi projects, or any source `import` reads
  std::string oldLayer, newLayer;    ///< layer of a .dothi (default: its only polygon layer / parcels)
  std::string key;                   ///< parcel id field present in both versions
  double reshapeTolerance = 0.5;     ///< m²: symmetric difference above this is a reshape
  double share = 0.5;                ///< fraction of a piece inside a parcel for split/merge/rekey
  std::function<void(double, const std::string&)> progress;
  const std::atomic<bool>* cancel = nullptr;
};

enum class ChangeType { Added, Removed, Split, Merged, Reshaped, Attributes };
const char* changeTypeName(ChangeType t);  ///< "added", "removed", "split", "merged", "reshaped", "attributes"

struct ParcelChange {
  ChangeType type = ChangeType::Added;
  std::vector<std::int64_t> oldFids, newFids;
  std::vector<std::optional<std::string>> oldKeys, newKeys;
  std::vector<std::string> fields;  ///< "FIELD: old → new" for attribute changes (also with reshapes)
  double area = 0;                  ///< m²: the parcel's (added/removed/split/merged) or the symmetric difference (reshaped)
  geo::Geometry geometry;           ///< the new parcel(s); the old one for removed (project CRS of the old version)
  std::string message;
};

struct DiffResult {
  std::string crs, key, oldLayer, newLayer, oldSource, newSource;
  std::int64_t oldCount = 0, newCount = 0, unchanged = 0;
  std::vector<ParcelChange> changes;  ///< in type order, then by old/new fid
  double seconds = 0;
};

geo::Result<DiffResult> diffCadastres(const DiffOptions& options);

nlohmann::json diffJson(const DiffResult& r);
std::string diffText(const DiffResult& r);
/// GeoJSON (WGS 84), CSV or HTML by extension; returns a description of what was written.
geo::Result<std::string> writeDiffReport(const DiffResult& r, const std::string& path);

}  // namespace dothi::app
