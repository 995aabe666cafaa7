#pragma once
/// Building heights from attributes: `height` (metres, "12 m" accepted), else levels x level
/// height (`building:levels`, `building_levels`, `levels`, `so_tang`), else a default.
#include <optional>

#include "dothi/geo/feature.hpp"

namespace dothi::geo {

struct HeightRule {
  double defaultHeight = 10.0;  ///< metres, when the data says nothing
  double levelHeight = 3.2;     ///< metres per storey
};

struct BuildingHeight {
  enum class Source { Height, Levels, Default };
  double height = 0;     ///< top of walls above ground, metres
  double minHeight = 0;  ///< bottom (e.g. `min_height` of a bridge building part), metres
  double levels = 0;     ///< storeys (given or derived from height / levelHeight)
  Source source = Source::Default;
};

/// Resolves the height fields of a schema once, then reads any number of features.
class BuildingHeights {
 public:
  BuildingHeights(const Schema& schema, HeightRule rule = {});
  [[nodiscard]] BuildingHeight of(const Feature& feature) const;

 private:
  HeightRule m_rule;
  std::optional<std::size_t> m_height, m_minHeight, m_levels, m_minLevel;
};

}  // namespace dothi::geo
