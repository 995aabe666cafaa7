#pragma once
/// Use case: give a layer a thematic style (colour by a field's categories or graduated classes),
/// labels and a default roof, saved in the project file (`dothi-cli style`, the style dialog).
#include <optional>
#include <string>

#include "dothi/geo/building.hpp"
#include "dothi/geo/error.hpp"
#include "dothi/geo/project.hpp"
#include "dothi/geo/style.hpp"

namespace dothi::app {

struct StyleLayerOptions {
  std::string layer;
  /// Classify by this field ("" = keep the colours as they are). "_height" on a building layer
  /// is the height DoThi extrudes (from height, levels or the default).
  std::string field;
  enum class Mode { Auto, Categories, Graduated } mode = Mode::Auto;  ///< Auto: numbers graduated, text categories
  int classes = 5;                  ///< graduated classes (2..12)
  int maxCategories = 10;           ///< categories beyond the most frequent ones go to "other"
  std::string method = "quantile";  ///< graduated breaks: quantile or equal
  std::string ramp;                 ///< colour ramp (geo::rampNames()); default per mode
  std::optional<std::string> labelField;  ///< set ("" removes the labels)
  std::optional<std::string> roof;        ///< default roof of the layer's buildings ("" = project default)
  bool clear = false;               ///< back to the kind's default look first
  geo::HeightRule heights;          ///< for "_height"
};

/// Reads the field's values, builds the classes, stores the style (one UPDATE); returns it.
/// Errors name the layer and, for an unknown field, the fields there are.
geo::Result<geo::LayerStyle> styleLayer(geo::Project& project, const StyleLayerOptions& options);

/// The project-wide roof of buildings whose data and layer style name none (metadata
/// `default_roof`): "flat", "hipped", "gabled", "pyramidal", "auto", or "" to remove it.
geo::Result<void> setDefaultRoof(geo::Project& project, const std::string& shape);

/// True for the roof names styles and the project accept.
bool isRoofRuleName(const std::string& shape);

}  // namespace dothi::app
