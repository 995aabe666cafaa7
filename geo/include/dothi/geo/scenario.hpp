#pragma once
/// Edits and scenarios stored in the project file. The base plan lives in the layer tables; a
/// scenario stores only the features it changed (copy on write: one row per changed, added or
/// deleted feature in dothi_scenario_features). Every saved change is logged in dothi_edit_log
/// with who, when, what, and the geometry and attributes before and after.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dothi/geo/feature.hpp"

namespace dothi::geo {

/// A named scenario ("raise the height limit along the river"). The base plan has no entry.
struct ScenarioInfo {
  std::string name;
  std::string description;
  std::string created;   ///< ISO 8601 UTC
  std::string modified;  ///< ISO 8601 UTC, last saved change
  std::int64_t changes = 0;  ///< changed, added or deleted features, all layers
};

/// One feature change to save: before is empty for an insert, after is empty for a delete.
/// Geometry in the project CRS; attributes indexed like the layer's schema.
struct FeatureChange {
  std::optional<Feature> before;
  std::optional<Feature> after;
  std::string action;  ///< what the user did ("move vertex", "split", "set max_height"...)
};

/// Who saves, and why; stored in the edit log.
struct EditContext {
  std::string user;     ///< empty: the login name of the process
  std::string message;  ///< optional note for the whole save
};

/// One row of the edit log.
struct EditLogEntry {
  std::int64_t id = 0;
  std::string time;  ///< ISO 8601 UTC
  std::string user;
  std::string layer;
  std::string scenario;  ///< empty = base plan
  std::int64_t featureId = 0;
  std::string action;
  std::string message;
  std::optional<Geometry> beforeGeometry, afterGeometry;
  std::string beforeAttributes, afterAttributes;  ///< JSON objects {field: value}; empty if none
};

/// A scenario's own version of one feature (deleted, or the feature as the scenario has it).
struct ScenarioFeature {
  std::string layer;
  std::int64_t featureId = 0;
  bool deleted = false;
  Feature feature;  ///< when not deleted
};

/// Scenario and edit-log names: letters, digits, spaces, '-', '_' and '.', 1 to 80 characters.
bool isValidScenarioName(const std::string& name);

}  // namespace dothi::geo
