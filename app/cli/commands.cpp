#include "commands.hpp"

#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "core/import_layer.hpp"
#include "core/project_report.hpp"
#include "core/render_city.hpp"
#include "dothi/importers/exporter.hpp"

namespace dothi::cli {

using nlohmann::json;

int exitCodeFor(geo::ErrorCode code) {
  switch (code) {
    case geo::ErrorCode::InvalidArgument: return 2;
    case geo::ErrorCode::NotFound: return 3;
    case geo::ErrorCode::Io: return 4;
    case geo::ErrorCode::Format: return 5;
    case geo::ErrorCode::Crs: return 6;
    case geo::ErrorCode::Storage: return 7;
    case geo::ErrorCode::Geometry: return 8;
    case geo::ErrorCode::Cancelled: return 130;
    case geo::ErrorCode::Internal: return 1;
  }
  return 1;
}

int reportError(const geo::Error& error) {
  std::cerr << "dothi-cli: error: " << error.describe() << "\n";
  return exitCodeFor(error.code);
}

namespace {
geo::Result<std::unique_ptr<geo::Project>> openProject(const std::string& path, bool readOnly = true) {
  return geo::Project::open(path, readOnly);
}

int printTerrainImport(const ImportArgs& a, const app::ImportResult& r) {
  const auto& t = *r.terrain;
  if (a.json) {
    std::cout << json{{"project", a.project}, {"crs", r.projectCrs}, {"crs_chosen", r.projectCrsChosen},
                      {"terrain", {{"columns", t.columns}, {"rows", t.rows}, {"cell_size", t.cellSize},
                                   {"min_height", t.minHeight}, {"max_height", t.maxHeight},
                                   {"valid_fraction", t.validFraction}, {"source_crs", t.sourceCrs}}}}.dump(2)
              << "\n";
  } else if (!a.quiet) {
    std::printf("Imported terrain %dx%d cells of %.1f m, heights %.1f..%.1f m (%.1f%% with data) from %s\n", t.columns,
                t.rows, t.cellSize, t.minHeight, t.maxHeight, t.validFraction * 100, t.sourceCrs.c_str());
    if (r.projectCrsChosen) std::cout << "Project CRS set to " << app::crsLabel(r.projectCrs) << "\n";
  }
  return 0;
}

void printProgress(double fraction, const std::string& message) {
  std::fprintf(stderr, "\r%3d%% %-50s", static_cast<int>(fraction * 100), message.c_str());
  std::fflush(stderr);
}
}  // namespace

int runImport(const ImportArgs& a) {
  app::ImportOptions o;
  o.source = a.source;
  o.layerName = a.layer;
  o.toCrs = a.toCrs;
  o.fromCrs = a.fromCrs;
  o.sourceLayer = a.sourceLayer;
  o.where = a.where;
  if (a.kind == "terrain") {
    o.terrain = true;  // a DEM raster: stored as the project's terrain, not as a layer
  } else if (!a.kind.empty()) {
    o.kind = geo::layerKindFromName(a.kind);
    if (!o.kind) return reportError({geo::ErrorCode::InvalidArgument, "unknown kind '" + a.kind + "'", {}, {}, {}});
  }
  const bool tty = isatty(STDERR_FILENO);
  if (tty && !a.quiet && !a.json) o.progress = printProgress;
  auto result = app::importIntoFile(a.project, o);
  if (tty && o.progress) std::fprintf(stderr, "\r%60s\r", "");
  if (!result) return reportError(result.error());
  if (result->terrain) return printTerrainImport(a, *result);
  json layers = json::array();
  for (const auto& l : result->layers) {
    layers.push_back({{"name", l.info.name}, {"kind", geo::layerKindName(l.info.kind)}, {"source_layer", l.sourceLayer},
                      {"feature_count", l.info.featureCount}, {"invalid_count", l.info.invalidCount},
                      {"empty_count", l.info.emptyCount}, {"operation", l.operation}});
    if (!a.json && !a.quiet)
      std::cout << "Imported " << l.info.featureCount << " features from " << l.sourceLayer << " into layer '"
                << l.info.name << "' (" << geo::layerKindName(l.info.kind) << ", " << l.info.invalidCount
                << " invalid, " << l.info.emptyCount << " empty) via " << l.operation << "\n";
  }
  if (!a.json && !a.quiet && result->projectCrsChosen) std::cout << "Project CRS set to " << app::crsLabel(result->projectCrs) << "\n";
  if (a.json)
    std::cout << json{{"project", a.project}, {"crs", result->projectCrs}, {"crs_chosen", result->projectCrsChosen},
                      {"layers", layers}}.dump(2) << "\n";
  return 0;
}

int runInfo(const InfoArgs& a) {
  auto p = openProject(a.project);
  if (!p) return reportError(p.error());
  json info = app::projectInfoJson(**p);
  if (a.issues) {
    for (auto& l : info["layers"]) {
      json issues = json::array();
      for (const auto& i : (*p)->issues(l["name"])) issues.push_back({{"fid", i.featureId}, {"kind", i.kind}, {"reason", i.reason}});
      l["issues"] = issues;
    }
  }
  if (a.json) {
    std::cout << info.dump(2) << "\n";
    return 0;
  }
  std::cout << app::projectInfoText(**p);
  if (a.issues)
    for (const auto& l : (*p)->layers())
      for (const auto& i : (*p)->issues(l.name)) std::cout << l.name << " feature " << i.featureId << ": " << i.kind << ": " << i.reason << "\n";
  return 0;
}

int runExport(const ExportArgs& a) {
  auto p = openProject(a.project);
  if (!p) return reportError(p.error());
  importers::ExportOptions o{a.format, a.toCrs, a.overwrite};
  auto n = importers::exportLayer(**p, a.layer, a.out, o);
  if (!n) return reportError(n.error());
  if (a.json) std::cout << json{{"layer", a.layer}, {"out", a.out}, {"feature_count", *n}}.dump(2) << "\n";
  else std::cout << "Exported " << *n << " features of '" << a.layer << "' to " << a.out << "\n";
  return 0;
}

int runRender(const RenderArgs& a) {
  app::RenderCityOptions o;
  if (std::sscanf(a.size.c_str(), "%dx%d", &o.snapshot.width, &o.snapshot.height) != 2 || o.snapshot.width < 16 ||
      o.snapshot.height < 16 || o.snapshot.width > 8192 || o.snapshot.height > 8192)
    return reportError({geo::ErrorCode::InvalidArgument, "--size must be WIDTHxHEIGHT, 16..8192", {}, {}, {}});
  if (a.view != "top" && a.view != "oblique")
    return reportError({geo::ErrorCode::InvalidArgument, "--view must be top or oblique", {}, {}, {}});
  o.snapshot.view = a.view == "top" ? render::ViewPreset::Top : render::ViewPreset::Oblique;
  o.heights.defaultHeight = a.defaultHeight;
  o.defaultRoof = a.roof;
  o.snapshot.legend = !a.noLegend;
  o.snapshot.zoom = a.zoom;
  if (!a.center.empty()) {
    double x = 0, y = 0;
    if (std::sscanf(a.center.c_str(), "%lf,%lf", &x, &y) != 2)
      return reportError({geo::ErrorCode::InvalidArgument, "--center must be X,Y in the project CRS", {}, {}, {}});
    o.snapshot.lookAt = osg::Vec2d(x, y);
  }
  if (a.zoom <= 0 || a.zoom > 1000) return reportError({geo::ErrorCode::InvalidArgument, "--zoom must be in (0, 1000]", {}, {}, {}});
  auto p = openProject(a.project);
  if (!p) return reportError(p.error());
  if (auto r = app::renderCity(**p, o, a.out); !r) return reportError(r.error());
  if (a.json) std::cout << json{{"out", a.out}, {"width", o.snapshot.width}, {"height", o.snapshot.height}}.dump(2) << "\n";
  else std::cout << "Rendered " << a.out << " (" << o.snapshot.width << "x" << o.snapshot.height << ")\n";
  return 0;
}

int runIndicators(const IndicatorArgs& a) {
  auto p = openProject(a.project);
  if (!p) return reportError(p.error());
  auto ind = app::computeIndicators(**p);
  if (!ind) return reportError(ind.error());
  std::cout << (a.json ? app::indicatorsJson(*ind).dump(2) + "\n" : app::indicatorsText(*ind));
  return 0;
}

}  // namespace dothi::cli
