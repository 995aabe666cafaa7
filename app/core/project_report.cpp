#include "core/project_report.hpp"

#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>

#include "dothi/geo/crs.hpp"
#include "dothi/geo/terrain.hpp"

namespace dothi::app {

using nlohmann::json;

namespace {
json extentJson(const geo::Extent& e) {
  if (e.isEmpty()) return nullptr;
  return json::array({e.minX, e.minY, e.maxX, e.maxY});
}

std::string fmt(const char* f, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, f, v);
  return buf;
}
}  // namespace

std::string crsLabel(const std::string& crs) {
  if (crs.size() < 40) return crs;
  auto info = geo::describeCrs(crs);
  return (info ? info->name : std::string("unnamed")) + " (custom WKT)";
}

json projectInfoJson(const geo::Project& project) {
  json layers = json::array();
  for (const auto& l : project.layers()) {
    json fields = json::array();
    for (const auto& f : l.fields) fields.push_back({{"name", f.name}, {"type", geo::fieldTypeName(f.type)}});
    layers.push_back({{"name", l.name},
                      {"kind", geo::layerKindName(l.kind)},
                      {"geometry_type", geo::geometryTypeName(l.geometryType)},
                      {"feature_count", l.featureCount},
                      {"invalid_count", l.invalidCount},
                      {"empty_count", l.emptyCount},
                      {"extent", extentJson(l.extent)},
                      {"crs", project.crs()},
                      {"source", l.source},
                      {"source_crs", l.sourceCrs.size() > 40 ? "(WKT)" : l.sourceCrs},
                      {"fields", fields}});
  }
  json out = {{"project", project.path()}, {"crs", project.crs()}, {"extent", extentJson(project.extent())}, {"layers", layers}};
  if (auto t = project.terrain(); t && *t) {
    const auto [lo, hi] = (*t)->range();
    out["terrain"] = {{"columns", (*t)->columns}, {"rows", (*t)->rows}, {"cell_size", ((*t)->cellX + (*t)->cellY) / 2},
                      {"min_height", lo}, {"max_height", hi}, {"extent", extentJson((*t)->extent())},
                      {"source", (*t)->source}, {"source_crs", (*t)->sourceCrs}};
  }
  return out;
}

std::string projectInfoText(const geo::Project& project) {
  std::ostringstream out;
  out << "Project " << project.path() << "\n  CRS: " << (project.crs().empty() ? "(none yet)" : crsLabel(project.crs())) << "\n";
  const auto layers = project.layers();
  if (auto t = project.terrain(); t && *t) {
    const auto [lo, hi] = (*t)->range();
    out << "  Terrain: " << (*t)->columns << " x " << (*t)->rows << " cells of " << fmt("%.1f", ((*t)->cellX + (*t)->cellY) / 2)
        << " m, heights " << fmt("%.1f", lo) << " to " << fmt("%.1f", hi) << " m (from " << (*t)->source << ")\n";
  }
  out << "  Layers: " << layers.size() << "\n";
  for (const auto& l : layers) {
    out << "\n" << l.name << "\n"
        << "  kind:      " << geo::layerKindName(l.kind) << "\n"
        << "  geometry:  " << geo::geometryTypeName(l.geometryType) << "\n"
        << "  features:  " << l.featureCount << " (" << l.invalidCount << " invalid, " << l.emptyCount << " empty)\n";
    if (!l.extent.isEmpty())
      out << "  extent:    " << fmt("%.2f", l.extent.minX) << ", " << fmt("%.2f", l.extent.minY) << " - "
          << fmt("%.2f", l.extent.maxX) << ", " << fmt("%.2f", l.extent.maxY) << "\n";
    out << "  source:    " << l.source << "\n  fields:    ";
    for (std::size_t i = 0; i < l.fields.size(); ++i)
      out << (i ? ", " : "") << l.fields[i].name << " (" << geo::fieldTypeName(l.fields[i].type) << ")";
    out << "\n";
  }
  return out.str();
}

geo::Result<Indicators> computeIndicators(const geo::Project& project, const geo::HeightRule& rule) {
  Indicators ind;
  double weightedHeight = 0;
  for (const auto& l : project.layers()) {
    ind.invalidGeometries += l.invalidCount;
    if (l.kind == geo::LayerKind::Roads) {
      auto r = project.forEachFeature(l.name, {}, [&](const geo::Feature& f) {
        ind.roadLength += geo::length(f.geometry);
        return true;
      });
      if (!r) return std::unexpected(r.error());
    }
    if (l.kind != geo::LayerKind::Buildings) continue;
    geo::BuildingHeights heights(l.fields, rule);
    auto r = project.forEachFeature(l.name, {}, [&](const geo::Feature& f) {
      const double a = geo::area(f.geometry);
      const auto h = heights.of(f);
      ++ind.buildings;
      ind.footprintArea += a;
      ind.grossFloorArea += a * h.levels;
      weightedHeight += a * h.height;
      ind.maxHeight = std::max(ind.maxHeight, h.height);
      if (h.source != geo::BuildingHeight::Source::Default) ++ind.heightFromData;
      return true;
    });
    if (!r) return std::unexpected(r.error());
  }
  const geo::Extent e = project.extent();
  ind.siteArea = e.width() * e.height();
  if (ind.footprintArea > 0) ind.meanHeight = weightedHeight / ind.footprintArea;
  if (ind.siteArea > 0) {
    ind.coverage = ind.footprintArea / ind.siteArea;
    ind.far = ind.grossFloorArea / ind.siteArea;
  }
  return ind;
}

json indicatorsJson(const Indicators& i) {
  return {{"buildings", i.buildings},          {"footprint_area_m2", i.footprintArea},
          {"gross_floor_area_m2", i.grossFloorArea}, {"mean_height_m", i.meanHeight},
          {"max_height_m", i.maxHeight},       {"buildings_with_height_data", i.heightFromData},
          {"site_area_m2", i.siteArea},        {"coverage", i.coverage},
          {"far", i.far},                      {"road_length_m", i.roadLength},
          {"invalid_geometries", i.invalidGeometries}};
}

std::string indicatorsText(const Indicators& i) {
  std::ostringstream out;
  out << "Indicators\n"
      << "  buildings:            " << i.buildings << " (" << i.heightFromData << " with height or levels in the data)\n"
      << "  footprint area:       " << fmt("%.0f", i.footprintArea) << " m2\n"
      << "  gross floor area:     " << fmt("%.0f", i.grossFloorArea) << " m2\n"
      << "  mean / max height:    " << fmt("%.1f", i.meanHeight) << " / " << fmt("%.1f", i.maxHeight) << " m\n"
      << "  site area (extent):   " << fmt("%.0f", i.siteArea) << " m2\n"
      << "  coverage:             " << fmt("%.3f", i.coverage) << "\n"
      << "  FAR:                  " << fmt("%.3f", i.far) << "\n"
      << "  road length:          " << fmt("%.0f", i.roadLength) << " m\n"
      << "  invalid geometries:   " << i.invalidGeometries << "\n";
  return out.str();
}

}  // namespace dothi::app
