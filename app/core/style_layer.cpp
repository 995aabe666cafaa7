// styleLayer: classify a layer's field into a thematic style and store it with the layer.
#include "core/style_layer.hpp"

#include <map>

namespace dothi::app {

using geo::ErrorCode;

namespace {

geo::Error withLayer(geo::Error e, const std::string& layer) {
  e.withLayer(layer);
  return e;
}

std::string fieldList(const geo::LayerInfo& info) {
  std::string names;
  for (const auto& f : info.fields) names += (names.empty() ? "" : ", ") + f.name;
  if (info.kind == geo::LayerKind::Buildings) names += (names.empty() ? "" : ", ") + std::string("_height");
  return names.empty() ? "none" : names;
}

/// The classified values: text (categories) or numbers (graduated), one per feature.
geo::Result<geo::LayerStyle> classify(const geo::Project& project, const geo::LayerInfo& info, const StyleLayerOptions& o) {
  const bool virtualHeight = o.field == "_height" && info.kind == geo::LayerKind::Buildings;
  const auto index = geo::fieldIndex(info.fields, o.field);
  if (!index && !virtualHeight)
    return std::unexpected(withLayer(
        {ErrorCode::InvalidArgument, "no field named '" + o.field + "' (fields: " + fieldList(info) + ")", project.path(), {}, {}},
        info.name));
  const bool numeric = virtualHeight || info.fields[*index].type != geo::FieldType::Text;
  const bool graduated = o.mode == StyleLayerOptions::Mode::Graduated || (o.mode == StyleLayerOptions::Mode::Auto && numeric);
  const geo::BuildingHeights heights(info.fields, o.heights);
  std::map<std::string, std::int64_t> counts;
  std::vector<double> numbers;
  auto read = project.forEachFeature(info.name, {}, [&](const geo::Feature& f) {
    const geo::Value value = virtualHeight ? geo::Value{heights.of(f).height}
                             : *index < f.attributes.size() ? f.attributes[*index] : geo::Value{};
    if (graduated) {
      if (auto n = geo::valueToNumber(value)) numbers.push_back(*n);
    } else {
      ++counts[geo::valueToString(value)];
    }
    return true;
  });
  if (!read) return std::unexpected(withLayer(read.error(), info.name));
  auto style = graduated ? geo::graduate(o.field, std::move(numbers), o.classes, o.method, o.ramp)
                         : geo::categorize(o.field, {counts.begin(), counts.end()}, o.maxCategories, o.ramp);
  if (!style) return std::unexpected(withLayer(style.error(), info.name));
  return style;
}

}  // namespace

bool isRoofRuleName(const std::string& shape) {
  for (const char* known : {"", "flat", "hipped", "gabled", "pyramidal", "auto"})
    if (shape == known) return true;
  return false;
}

geo::Result<geo::LayerStyle> styleLayer(geo::Project& project, const StyleLayerOptions& o) {
  if (project.readOnly()) return geo::fail(ErrorCode::Io, "the project is open read-only", project.path());
  const auto info = project.layer(o.layer);
  if (!info) return geo::fail(ErrorCode::NotFound, "no layer named '" + o.layer + "'", project.path());
  geo::LayerStyle style;
  if (!o.clear) {
    auto current = geo::parseLayerStyle(info->style);
    if (current) style = *current;  // a damaged style is replaced, not kept
  }
  if (!o.field.empty()) {
    auto classified = classify(project, *info, o);
    if (!classified) return std::unexpected(classified.error());
    classified->labelField = style.labelField;
    classified->roof = style.roof;
    style = std::move(*classified);
  }
  if (o.labelField) {
    if (!o.labelField->empty() && !geo::fieldIndex(info->fields, *o.labelField))
      return std::unexpected(withLayer({ErrorCode::InvalidArgument,
                                        "no field named '" + *o.labelField + "' to label with (fields: " + fieldList(*info) + ")",
                                        project.path(), {}, {}},
                                       info->name));
    style.labelField = *o.labelField;
  }
  if (o.roof) {
    if (!isRoofRuleName(*o.roof))
      return geo::fail(ErrorCode::InvalidArgument, "roof must be flat, hipped, gabled, pyramidal or auto", project.path());
    style.roof = *o.roof;
  }
  const bool isDefault = style.mode == geo::StyleMode::Default && style.labelField.empty() && style.roof.empty();
  if (auto saved = project.setLayerStyle(info->name, isDefault ? std::string{} : geo::layerStyleJson(style)); !saved)
    return std::unexpected(saved.error());
  return style;
}

geo::Result<void> setDefaultRoof(geo::Project& project, const std::string& shape) {
  if (!isRoofRuleName(shape))
    return geo::fail(ErrorCode::InvalidArgument, "roof must be flat, hipped, gabled, pyramidal or auto", project.path());
  return project.setMetadata("default_roof", shape);
}

}  // namespace dothi::app
