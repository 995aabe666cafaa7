#include "dothi/geo/building.hpp"

#include <algorithm>
#include <cmath>
#include <initializer_list>

namespace dothi::geo {

namespace {
std::optional<std::size_t> firstField(const Schema& schema, std::initializer_list<const char*> names) {
  for (const char* n : names)
    if (auto i = fieldIndex(schema, n)) return i;
  return std::nullopt;
}

std::optional<double> positive(const Feature& f, const std::optional<std::size_t>& idx) {
  if (!idx || *idx >= f.attributes.size()) return std::nullopt;
  auto v = valueToNumber(f.attributes[*idx]);
  if (!v || *v <= 0 || *v > 1000) return std::nullopt;  // 1000 m: taller than any building
  return v;
}
}  // namespace

BuildingHeights::BuildingHeights(const Schema& schema, HeightRule rule)
    : m_rule(rule),
      m_height(firstField(schema, {"height", "building:height", "building_height", "chieu_cao", "measuredHeight"})),
      m_minHeight(firstField(schema, {"min_height", "building:min_height"})),
      m_levels(firstField(schema, {"building:levels", "building_levels", "levels", "storeys", "so_tang"})),
      m_minLevel(firstField(schema, {"building:min_level", "min_level", "building_min_level"})) {}

BuildingHeight BuildingHeights::of(const Feature& feature) const {
  BuildingHeight h;
  if (auto height = positive(feature, m_height)) {
    h.height = *height;
    h.source = BuildingHeight::Source::Height;
  } else if (auto levels = positive(feature, m_levels)) {
    h.height = *levels * m_rule.levelHeight;
    h.levels = *levels;
    h.source = BuildingHeight::Source::Levels;
  } else {
    h.height = m_rule.defaultHeight;
  }
  if (h.levels == 0) h.levels = std::max(1.0, std::round(h.height / m_rule.levelHeight));
  if (auto minH = positive(feature, m_minHeight)) {
    h.minHeight = *minH;
  } else if (auto minLevel = positive(feature, m_minLevel)) {
    h.minHeight = *minLevel * m_rule.levelHeight;
  }
  if (h.minHeight >= h.height) h.minHeight = 0;
  return h;
}

}  // namespace dothi::geo
