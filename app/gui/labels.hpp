#pragma once
/// Translated names for model enums, shared by the panels.
#include <QString>

#include "dothi/geo/feature.hpp"

namespace dothi::app::gui {

/// "Buildings", "Land use"... in the user's language.
QString layerKindLabel(geo::LayerKind kind);

}  // namespace dothi::app::gui
