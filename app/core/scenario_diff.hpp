#pragma once
/// Use case: which features differ between two versions of a plan (the base plan or scenarios),
/// and how. Only the features either scenario changed can differ (copy on write), so the cost
/// is proportional to the changes, not to the layer.
#include <cstdint>
#include <string>
#include <vector>

#include "dothi/geo/error.hpp"
#include "dothi/geo/project.hpp"

namespace dothi::app {

struct AttributeDifference {
  std::string field, before, after;  ///< values as text ("" for null)
};

struct FeatureDifference {
  std::string layer;
  std::int64_t featureId = 0;
  std::string key;   ///< the feature's id-field value (zone_id…), or the fid as text
  std::string kind;  ///< "added", "removed", "changed"
  bool geometryChanged = false;
  double areaBefore = 0, areaAfter = 0;  ///< m², project CRS
  std::vector<AttributeDifference> attributes;
  [[nodiscard]] std::string describe() const;  ///< "max_height 30 → 45; geometry (area 1200.0 → 1310.5 m²)"
};

/// Differences from version `a` to version `b` ("base" or "" = the base plan), in one layer or
/// all (layer empty). keyField names the id field shown (empty: the first of zone_id, id, code…).
geo::Result<std::vector<FeatureDifference>> diffScenarios(const geo::Project& project, const std::string& a,
                                                           const std::string& b, const std::string& layer = {},
                                                           const std::string& keyField = {});

}  // namespace dothi::app
