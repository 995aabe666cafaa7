// `dothi-cli validate`, `parcel`, `diff` and `bench validate`: parcel review for land
// departments. Argument parsing and exit codes only; the work is in app/core and bench/.
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <nlohmann/json.hpp>

#include "cli_command.hpp"
#include "commands.hpp"
#include "core/cadastre_diff.hpp"
#include "validate_bench.hpp"
#include "core/parcel_record.hpp"
#include "core/validate_layer.hpp"
#include "core/validation_report.hpp"
#include "dothi/geo/analysis/feature_query.hpp"

namespace dothi::cli {

namespace {

using nlohmann::json;

struct ValidateArgs {
  std::string project, layer, idField, against, orientation = "layer", reportCrs = "wgs84";
  std::vector<std::string> reports;
  double gapTolerance = 0.5, sliverWidth = 0.2, minArea = 0.01, spikeAngle = 1.0;
  int threads = 0;
  bool json = false, quiet = false;
};

void progressLine(double fraction, const std::string& message) {
  std::fprintf(stderr, "\r%3d%% %-60s", static_cast<int>(fraction * 100), message.c_str());
  std::fflush(stderr);
}

int runValidate(const ValidateArgs& a) {
  app::ValidateOptions o;
  o.layer = a.layer;
  o.idField = a.idField;
  o.against = a.against;
  o.topology.gapTolerance = a.gapTolerance;
  o.topology.sliverWidth = a.sliverWidth;
  o.topology.minArea = a.minArea;
  o.topology.spikeAngle = a.spikeAngle;
  o.topology.threads = a.threads;
  if (a.orientation == "ccw") o.topology.orientation = geo::analysis::OrientationRule::Ccw;
  else if (a.orientation == "cw") o.topology.orientation = geo::analysis::OrientationRule::Cw;
  else if (a.orientation != "layer")
    return reportError({geo::ErrorCode::InvalidArgument, "--orientation must be layer, ccw or cw", {}, {}, {}});
  if (a.reportCrs != "wgs84" && a.reportCrs != "project")
    return reportError({geo::ErrorCode::InvalidArgument, "--report-crs must be wgs84 or project", {}, {}, {}});
  if (a.gapTolerance < 0 || a.sliverWidth < 0 || a.minArea < 0 || a.spikeAngle < 0)
    return reportError({geo::ErrorCode::InvalidArgument, "tolerances must not be negative", {}, {}, {}});
  const bool tty = isatty(STDERR_FILENO);
  if (tty && !a.quiet && !a.json) o.topology.progress = progressLine;
  auto project = geo::Project::open(a.project, true);
  if (!project) return reportError(project.error());
  auto result = app::validateLayer(**project, o);
  if (o.topology.progress) std::fprintf(stderr, "\r%66s\r", "");
  if (!result) return reportError(result.error());
  const auto crs = a.reportCrs == "project" ? app::ReportCrs::Project : app::ReportCrs::Wgs84;
  json written = json::array();
  for (const auto& path : a.reports) {
    auto what = app::writeValidationReport(*result, path, crs);
    if (!what) return reportError(what.error());
    written.push_back({{"path", path}, {"format", *what}});
  }
  if (a.json) {
    json j = app::validationJson(*result);
    j["reports"] = written;
    std::cout << j.dump(2) << "\n";
  } else if (!a.quiet) {
    std::cout << app::validationText(*result);
    for (const auto& w : written)
      std::cout << "Report written: " << w["path"].get<std::string>() << " (" << w["format"].get<std::string>() << ")\n";
  }
  return 0;
}

void addValidate(CLI::App& app, CommandList& commands) {
  auto a = std::make_shared<ValidateArgs>();
  auto* c = app.add_subcommand("validate",
                               "Exact topology check of a parcel layer: ring defects, overlaps, gaps, slivers, ids, "
                               "boundary crossings (exit 0 when it ran, findings or not)");
  c->add_option("project", a->project)->required();
  c->add_option("--layer", a->layer, "Polygon layer to validate")->required();
  c->add_option("--id", a->idField, "Parcel id field (default: fid; with a field, duplicate/missing ids are findings)");
  c->add_option("--against", a->against, "Boundary layer (zoning, administrative units) parcels must not cross");
  c->add_option("--gap-tolerance", a->gapTolerance, "m²: uncovered holes up to this area are gaps")->capture_default_str();
  c->add_option("--sliver-width", a->sliverWidth, "m: parcels thinner than this (2·area/perimeter) are slivers")
      ->capture_default_str();
  c->add_option("--min-area", a->minArea, "m²: overlaps/gaps/boundary pieces at or below this are noise, not listed")
      ->capture_default_str();
  c->add_option("--spike-angle", a->spikeAngle, "degrees: a vertex turning back by less than this is a spike")
      ->capture_default_str();
  c->add_option("--orientation", a->orientation, "Shell orientation rule: layer (majority), ccw (OGC), cw (ESRI)")
      ->capture_default_str();
  c->add_option("--report", a->reports, "Report file(s): .geojson, .csv, .html (repeatable)");
  c->add_option("--report-crs", a->reportCrs, "Report coordinates: wgs84 (lon/lat) or project")->capture_default_str();
  c->add_option("--threads", a->threads, "Worker threads (default: one per core)");
  c->add_flag("--json", a->json, "Summary and every finding as JSON (project CRS)");
  c->add_flag("-q,--quiet", a->quiet, "No progress or summary");
  commands.push_back({c, [a] { return runValidate(*a); }});
}

struct ParcelArgs {
  std::string project, layer, idField, value;
  double tolerance = 0.05;
  bool json = false;
};

int runParcel(const ParcelArgs& a) {
  auto project = geo::Project::open(a.project, true);
  if (!project) return reportError(project.error());
  app::ParcelQuery q{a.layer, a.idField, a.value, a.tolerance};
  auto records = app::parcelRecords(**project, q);
  if (!records) return reportError(records.error());
  if (a.json) {
    json list = json::array();
    for (const auto& r : *records) list.push_back(app::parcelJson(r));
    std::cout << json{{"project", a.project}, {"matches", records->size()}, {"parcels", list}}.dump(2) << "\n";
    return 0;
  }
  if (records->size() > 1)
    std::cout << records->size() << " parcels have " << (*records)[0].idField << " = " << a.value << "\n\n";
  for (std::size_t i = 0; i < records->size(); ++i) std::cout << (i ? "\n" : "") << app::parcelText((*records)[i]);
  return 0;
}

void addParcel(CLI::App& app, CommandList& commands) {
  auto a = std::make_shared<ParcelArgs>();
  auto* c = app.add_subcommand("parcel", "Parcel card: attributes, planar and geodesic area, perimeter, neighbours, "
                                         "land use and zoning");
  c->add_option("project", a->project)->required();
  c->add_option("--layer", a->layer, "Parcel layer")->required();
  c->add_option("--id", a->idField, "Id field to search (default: fid)");
  c->add_option("--value", a->value, "Id value")->required();
  c->add_option("--neighbour-tolerance", a->tolerance, "m: boundaries this close count as shared")->capture_default_str();
  c->add_flag("--json", a->json);
  commands.push_back({c, [a] { return runParcel(*a); }});
}

struct DiffArgs {
  app::DiffOptions options;
  std::vector<std::string> reports;
  bool json = false, quiet = false;
};

int runDiff(DiffArgs a) {
  if (isatty(STDERR_FILENO) && !a.json && !a.quiet) a.options.progress = progressLine;
  auto result = app::diffCadastres(a.options);
  if (a.options.progress) std::fprintf(stderr, "\r%66s\r", "");
  if (!result) return reportError(result.error());
  json written = json::array();
  for (const auto& path : a.reports) {
    auto what = app::writeDiffReport(*result, path);
    if (!what) return reportError(what.error());
    written.push_back({{"path", path}, {"format", *what}});
  }
  if (a.json) {
    json j = app::diffJson(*result);
    j["reports"] = written;
    std::cout << j.dump(2) << "\n";
  } else if (!a.quiet) {
    std::cout << app::diffText(*result);
    for (const auto& w : written)
      std::cout << "Report written: " << w["path"].get<std::string>() << " (" << w["format"].get<std::string>() << ")\n";
  }
  return 0;
}

void addDiff(CLI::App& app, CommandList& commands) {
  auto a = std::make_shared<DiffArgs>();
  auto* c = app.add_subcommand("diff", "Cadastre changes between two versions: added, removed, split, merged, reshaped, "
                                       "attribute-only (matched by key, else by shared area)");
  c->add_option("old", a->options.oldSource, "Old version: a .dothi project or any source `import` reads")->required();
  c->add_option("new", a->options.newSource, "New version")->required();
  c->add_option("--key", a->options.key, "Parcel id field in both versions")->required();
  c->add_option("--old-layer", a->options.oldLayer, "Layer of the old version (default: its parcel layer)");
  c->add_option("--new-layer", a->options.newLayer, "Layer of the new version");
  c->add_option("--tolerance", a->options.reshapeTolerance, "m²: geometry changes up to this are not reshapes")
      ->capture_default_str();
  c->add_option("--report", a->reports, "Report file(s): .geojson, .csv, .html (repeatable)");
  c->add_flag("--json", a->json);
  c->add_flag("-q,--quiet", a->quiet);
  commands.push_back({c, [a] { return runDiff(*a); }});
}

struct QueryArgs {
  std::string project, layer, bbox, intersects, near;
  std::vector<std::string> where;
  std::int64_t limit = -1;
  double distance = -1;
  bool json = false;
};

int runQuery(const QueryArgs& a) {
  geo::analysis::FeatureQuery q;
  q.layer = a.layer;
  q.limit = a.limit;
  for (const auto& w : a.where) {
    auto c = geo::analysis::parseCondition(w);
    if (!c) return reportError({geo::ErrorCode::InvalidArgument, "cannot read --where '" + w + "': use FIELD=VALUE (= != < <= > >= ~)", {}, {}, {}});
    q.conditions.push_back(*c);
  }
  if (!a.bbox.empty()) {
    geo::Extent e;
    if (std::sscanf(a.bbox.c_str(), "%lf,%lf,%lf,%lf", &e.minX, &e.minY, &e.maxX, &e.maxY) != 4)
      return reportError({geo::ErrorCode::InvalidArgument, "--bbox must be XMIN,YMIN,XMAX,YMAX (project CRS)", {}, {}, {}});
    q.bbox = e;
  }
  auto layerFeature = [](const std::string& text) -> std::optional<std::pair<std::string, std::int64_t>> {
    const auto colon = text.rfind(':');
    long long fid = 0;
    if (colon == std::string::npos || colon == 0 || std::sscanf(text.c_str() + colon + 1, "%lld", &fid) != 1) return std::nullopt;
    return std::make_pair(text.substr(0, colon), static_cast<std::int64_t>(fid));
  };
  if (!a.intersects.empty()) {
    q.intersects = layerFeature(a.intersects);
    if (!q.intersects) return reportError({geo::ErrorCode::InvalidArgument, "--intersects must be LAYER:FID", {}, {}, {}});
  }
  if (!a.near.empty()) {
    q.near = layerFeature(a.near);
    if (!q.near) return reportError({geo::ErrorCode::InvalidArgument, "--near must be LAYER:FID", {}, {}, {}});
    if (a.distance < 0) return reportError({geo::ErrorCode::InvalidArgument, "--near needs --distance METRES (0 or more)", {}, {}, {}});
    q.distance = a.distance;
  } else if (a.distance >= 0) {
    return reportError({geo::ErrorCode::InvalidArgument, "--distance goes with --near LAYER:FID", {}, {}, {}});
  }
  auto fids = geo::analysis::queryFeatures(a.project, q);
  if (!fids) return reportError(fids.error());
  if (a.json) {
    std::cout << json{{"layer", a.layer}, {"count", fids->size()}, {"fids", *fids}}.dump(2) << "\n";
    return 0;
  }
  std::cout << fids->size() << " feature(s) of '" << a.layer << "' match\n";
  for (auto fid : *fids) std::cout << fid << "\n";
  return 0;
}

void addQuery(CLI::App& app, CommandList& commands) {
  auto a = std::make_shared<QueryArgs>();
  auto* c = app.add_subcommand("query", "Find features by attributes and location (SQL with bound parameters)");
  c->add_option("project", a->project)->required();
  c->add_option("--layer", a->layer)->required();
  c->add_option("--where", a->where, "FIELD=VALUE, FIELD>=VALUE, FIELD~PATTERN (LIKE) ...; repeat: all must hold");
  c->add_option("--bbox", a->bbox, "XMIN,YMIN,XMAX,YMAX in the project CRS");
  c->add_option("--intersects", a->intersects, "LAYER:FID: features sharing area with that feature");
  c->add_option("--near", a->near, "LAYER:FID: features within --distance of that feature");
  c->add_option("--distance", a->distance, "Metres (project CRS) for --near; 0: touching or overlapping");
  c->add_option("--limit", a->limit);
  c->add_flag("--json", a->json);
  commands.push_back({c, [a] { return runQuery(*a); }});
}

void addValidateBench(CLI::App& app, CommandList& commands) {
  CLI::App* bench = app.get_subcommand("bench");  // made by addBenchCommands, called before us
  auto a = std::make_shared<bench::ValidateBenchOptions>();
  auto* c = bench->add_subcommand("validate", "Validation speed and recall beside SpatiaLite SQL (GEOS) and qgis_process (when installed) on the same data");
  c->add_option("--project", a->project, "Project with a real parcel layer");
  c->add_option("--layer", a->layer, "Its parcel layer");
  c->add_option("--id", a->idField, "Its id field (default: fid)");
  c->add_option("--synthetic", a->synthetic, "Instead: a grid of N parcels with planted overlaps and gaps");
  c->add_option("--threads", a->threads, "DoThi worker threads (default: one per core)");
  c->add_option("--timeout", a->timeout, "Seconds allowed to each peer query")->capture_default_str();
  c->add_flag("!--no-peers", a->peers, "Skip the SpatiaLite comparison");
  c->add_flag("--json", a->json);
  commands.push_back({c, [a] { return bench::runValidateBench(*a); }});
}

}  // namespace

void addAnalysisCommands(CLI::App& app, CommandList& commands) {
  addValidate(app, commands);
  addParcel(app, commands);
  addDiff(app, commands);
  addQuery(app, commands);
  addValidateBench(app, commands);
}

}  // namespace dothi::cli
