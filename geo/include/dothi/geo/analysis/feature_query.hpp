#pragma once
/// Attribute and spatial filters on a project layer, run as SQL on the SpatiaLite file with
/// bound parameters (values never become SQL text; field names are checked against the layer's
/// schema and quoted). The spatial part uses the layer's R*Tree, then the exact overlay.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dothi/geo/error.hpp"
#include "dothi/geo/geometry.hpp"

namespace dothi::geo::analysis {

enum class CompareOp { Equal, NotEqual, Less, LessEqual, Greater, GreaterEqual, Like };

struct AttributeCondition {
  std::string field;
  CompareOp op = CompareOp::Equal;
  std::string value;  ///< compared as a number when the field is numeric and the value one
};

struct FeatureQuery {
  std::string layer;
  std::vector<AttributeCondition> conditions;  ///< all must hold
  std::optional<Extent> bbox;                  ///< features whose box meets it (project CRS)
  /// Features sharing area (> 0, exactly) with this feature of another (or the same) layer.
  std::optional<std::pair<std::string, std::int64_t>> intersects;
  /// Features at most `distance` metres (project CRS units, >= 0) from this feature of another
  /// (or the same) layer: the R*Tree on the box grown by `distance`, then the exact planar
  /// distance between the geometries (0 when they touch or overlap).
  std::optional<std::pair<std::string, std::int64_t>> near;
  double distance = 0;
  std::int64_t limit = -1;
};

/// Planar distance between two geometries (CRS units): 0 when they touch, cross or one holds
/// the other, else the shortest distance between their vertices and segments.
double geometryDistance(const Geometry& a, const Geometry& b);

/// Parses "KAK=130314", "area>=500", "name~Nguy%" (~ is LIKE), "KAK!=1"; nothing on bad input.
std::optional<AttributeCondition> parseCondition(const std::string& text);

/// fids of the matching features, ascending. Opens its own read-only connection to the file.
Result<std::vector<std::int64_t>> queryFeatures(const std::string& projectPath, const FeatureQuery& query);

}  // namespace dothi::geo::analysis
