#pragma once
/// Thematic style of a layer: colour by a field's categories or by graduated classes, optional
/// labels and a default roof shape. Stored as JSON in the layer's `style` column
/// (Project::setLayerStyle); a plain value, no render state. An empty style string means the
/// kind's default look.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dothi/geo/error.hpp"
#include "dothi/geo/feature.hpp"

namespace dothi::geo {

/// Linear RGB(A) in 0..1, as written "#rrggbb" (or "#rrggbbaa") in the JSON.
struct Rgba {
  float r = 0, g = 0, b = 0, a = 1;
  friend bool operator==(const Rgba&, const Rgba&) = default;
};
std::string toHex(const Rgba& c);
std::optional<Rgba> parseHex(const std::string& hex);

enum class StyleMode { Default, Categories, Graduated };

struct StyleClass {
  std::string value;        ///< Categories: the field's value as text ("" = no value)
  double min = 0, max = 0;  ///< Graduated: min <= v < max (the last class includes its max)
  Rgba colour;
  std::string label;        ///< legend text
  std::int64_t count = 0;   ///< features in the class when the style was made
};

struct LayerStyle {
  StyleMode mode = StyleMode::Default;
  std::string field;                     ///< the classified field
  std::string ramp;                      ///< the colour ramp the classes came from
  std::string method;                    ///< Graduated: "quantile" or "equal"
  std::vector<StyleClass> classes;
  Rgba other{0.72f, 0.72f, 0.72f, 1};    ///< features in no class (and no value)
  std::string labelField;                ///< labels from this field; empty = no labels
  std::string roof;                      ///< buildings without roof data: "flat", "hipped", "gabled", "pyramidal", "auto"

  /// Index of the class a value falls in, or -1 (Default mode: always -1).
  [[nodiscard]] int classOf(const Value& value) const;
  /// Colour of a value: its class's, else `other`; nothing in Default mode.
  [[nodiscard]] std::optional<Rgba> colourOf(const Value& value) const;
  [[nodiscard]] bool isThematic() const { return mode != StyleMode::Default && !classes.empty(); }
};

/// Parses the JSON of Project/LayerInfo::style ("" → the default style). Error(Format) names
/// what is wrong.
Result<LayerStyle> parseLayerStyle(const std::string& json);
/// Compact JSON that parseLayerStyle reads back to an equal style.
std::string layerStyleJson(const LayerStyle& style);

/// Names of the colour ramps: sequential "viridis", "blues", "reds", "ylorrd", "greens",
/// diverging "spectral", qualitative "set3", "tableau" (the default for categories).
std::vector<std::string> rampNames();
/// n colours sampled from a ramp (qualitative ramps cycle). Error(InvalidArgument) for an
/// unknown name.
Result<std::vector<Rgba>> rampColours(const std::string& ramp, int n);

/// Categories from (value, count) pairs: the `maxCategories` most frequent values get their
/// own class (sorted by count, then value); the rest fall to `other`.
Result<LayerStyle> categorize(const std::string& field, std::vector<std::pair<std::string, std::int64_t>> counts,
                              int maxCategories, const std::string& ramp);
/// Graduated classes over numeric values: "quantile" (about equal counts) or "equal" (equal
/// widths) breaks, `classes` of them (2..12), coloured along the ramp.
Result<LayerStyle> graduate(const std::string& field, std::vector<double> values, int classes,
                            const std::string& method, const std::string& ramp);

}  // namespace dothi::geo
