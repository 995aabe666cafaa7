#pragma once
/// Features and layer schemas: plain values, no style or render state.
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "dothi/geo/geometry.hpp"

namespace dothi::geo {

enum class FieldType { Integer, Real, Text };

struct Field {
  std::string name;
  FieldType type = FieldType::Text;
};

using Schema = std::vector<Field>;

/// A null, an integer, a real or a text attribute value.
using Value = std::variant<std::monostate, std::int64_t, double, std::string>;

struct Feature {
  std::int64_t id = 0;  ///< the feature's id in its layer (the source FID after import)
  Geometry geometry;
  std::vector<Value> attributes;  ///< indexed like the layer's Schema
};

const char* fieldTypeName(FieldType t);
/// Index of the field named `name` (case-insensitive), if any.
std::optional<std::size_t> fieldIndex(const Schema& schema, const std::string& name);
/// Text form of a value ("" for null), as shown in attribute panels and CLI output.
std::string valueToString(const Value& v);
/// Numeric form of a value: numbers as they are, texts parsed leniently ("12 m" → 12, "12,5" → 12.5).
std::optional<double> valueToNumber(const Value& v);

/// What a layer represents; decides default styling, extrusion and the analyses offered.
enum class LayerKind { Buildings, Parcels, Landuse, Zoning, Roads, Infrastructure, Other };

const char* layerKindName(LayerKind k);  ///< "buildings", "parcels", ...
std::optional<LayerKind> layerKindFromName(const std::string& name);

}  // namespace dothi::geo
