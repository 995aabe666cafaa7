// importSource: one source → project layers, reprojected with PROJ, in one transaction.
#include "core/import_layer.hpp"

#include <cmath>
#include <filesystem>

#include "dothi/geo/crs.hpp"
#include "core/import_plan.hpp"
#include "core/import_terrain.hpp"
#include "dothi/importers/importer.hpp"

namespace dothi::app {

using geo::ErrorCode;

namespace {

std::string stemOf(const std::string& source) {
  if (source.rfind("PG:", 0) == 0) return "postgis";
  std::string stem = std::filesystem::path(source).stem().string();
  if (auto dot = stem.find('.'); dot != std::string::npos) stem = stem.substr(0, dot);  // city.osm.pbf
  return stem.empty() ? "layer" : stem;
}

geo::Result<std::vector<Plan>> planLayers(const importers::Source& src, const ImportOptions& o) {
  std::vector<Plan> plans;
  for (const auto& l : src.layers()) {
    if (!o.sourceLayer.empty() && l.name != o.sourceLayer) continue;
    if (o.sourceLayer.empty() && l.featureCount == 0) continue;
    plans.push_back({l, o.fromCrs.empty() ? l.crs : o.fromCrs});
  }
  if (plans.empty())
    return geo::fail(ErrorCode::NotFound,
                     o.sourceLayer.empty() ? "the source has no features" : "no layer named '" + o.sourceLayer + "' in the source",
                     o.source);
  for (auto& p : plans) {
    if (p.crs.empty() && o.askCrs) p.crs = o.askCrs(p.layer.name);
    if (p.crs.empty()) {
      geo::Error e{ErrorCode::Crs, "the source stores no CRS: name the one its coordinates are in (dothi-cli: --from-crs EPSG:N, e.g. EPSG:2100 or EPSG:9210)", o.source,
                   p.layer.name, {}};
      return std::unexpected(e);
    }
  }
  return plans;
}

/// The data's extent in degrees; Error(Crs) when the coordinates cannot be in the source CRS.
geo::Result<geo::Extent> lonLatExtent(const Plan& plan, const geo::CrsInfo& crs, const std::string& file) {
  if (plan.layer.extent.isEmpty()) return geo::Extent{};
  auto toWgs = geo::Transformer::create(plan.crs, "EPSG:4326");
  if (!toWgs) return std::unexpected(toWgs.error().withFile(file));
  const auto& e = plan.layer.extent;
  geo::Extent out;
  for (geo::Point p : {geo::Point{e.minX, e.minY}, geo::Point{e.maxX, e.minY}, geo::Point{e.minX, e.maxY},
                       geo::Point{e.maxX, e.maxY}, e.center()}) {
    if (toWgs->transform(p) && std::abs(p.y) <= 90.0) out.include(p);
  }
  auto outside = [&] {
    if (out.isEmpty() || !crs.areaOfUse) return out.isEmpty();
    const auto& a = *crs.areaOfUse;
    constexpr double kMarginDeg = 2.0;  // generous: data often spills past official borders
    return out.maxX < a.minX - kMarginDeg || out.minX > a.maxX + kMarginDeg || out.maxY < a.minY - kMarginDeg ||
           out.minY > a.maxY + kMarginDeg;
  };
  if (outside()) {
    geo::Error err{ErrorCode::Crs,
                   "coordinates (" + std::to_string(e.minX) + ", " + std::to_string(e.minY) + ") lie far outside the area of " +
                       crs.name + ": wrong CRS? (set the right one with --from-crs)",
                   file, plan.layer.name, {}};
    return std::unexpected(err);
  }
  return out;
}

/// Data from another region would be distorted (or fail) in the project's local CRS.
geo::Result<void> checkFitsProjectCrs(const std::string& projectCrs, const geo::Extent& lonLat, const std::string& file,
                                      const std::string& layer) {
  auto info = geo::describeCrs(projectCrs);
  if (!info || !info->areaOfUse || lonLat.isEmpty()) return {};
  const auto& a = *info->areaOfUse;
  constexpr double kMarginDeg = 3.0;
  if (lonLat.maxX < a.minX - kMarginDeg || lonLat.minX > a.maxX + kMarginDeg || lonLat.maxY < a.minY - kMarginDeg ||
      lonLat.minY > a.maxY + kMarginDeg) {
    geo::Error e{ErrorCode::Crs,
                 "the data (around " + std::to_string(lonLat.center().x) + " E, " + std::to_string(lonLat.center().y) +
                     " N) lies outside the area of the project CRS " + info->name + ": import it into another project",
                 file, layer, {}};
    return std::unexpected(e);
  }
  return {};
}

/// The project's CRS if it has one (checking --to-crs agrees), else --to-crs, else a local one.
geo::Result<std::string> decideProjectCrs(const geo::Project& project, const ImportOptions& o,
                                          const geo::CrsInfo& srcInfo, const geo::Extent& lonLat, bool& chosen) {
  auto current = detail::existingProjectCrs(project, o.toCrs);
  if (!current || !current->empty()) return current;
  chosen = true;
  if (!o.toCrs.empty()) return o.toCrs;
  return geo::chooseProjectCrs(srcInfo, lonLat);
}

}  // namespace

geo::Result<std::string> detail::existingProjectCrs(const geo::Project& project, const std::string& toCrs) {
  const std::string current = project.crs();
  if (current.empty() || toCrs.empty()) return current;
  auto want = geo::describeCrs(toCrs);
  if (!want) return std::unexpected(want.error());
  if (geo::canonicalCrs(*want) != current)
    return geo::fail(ErrorCode::InvalidArgument, "the project CRS is already " + current + "; --to-crs cannot change it",
                     project.path());
  return current;
}

geo::Result<ImportResult> importSource(geo::Project& project, const ImportOptions& o) {
  if (project.readOnly()) return geo::fail(ErrorCode::Io, "the project is open read-only", project.path());
  if (o.terrain) return importTerrain(project, o);  // a DEM raster, not a vector source
  importers::ImporterRegistry registry;
  importers::registerBuiltinImporters(registry);
  auto importer = registry.find(o.source);
  if (!importer) return std::unexpected(importer.error());
  auto src = (*importer)->open(o.source);
  if (!src) return std::unexpected(src.error());
  auto plans = planLayers(**src, o);
  if (!plans) return std::unexpected(plans.error());

  ImportResult result;
  auto tx = project.transaction();
  if (!tx) return std::unexpected(tx.error());
  for (std::size_t i = 0; i < plans->size(); ++i) {
    const Plan& plan = (*plans)[i];
    auto srcInfo = geo::describeCrs(plan.crs);
    if (!srcInfo) return std::unexpected(srcInfo.error().withFile(o.source).withLayer(plan.layer.name));
    auto lonLat = lonLatExtent(plan, *srcInfo, o.source);
    if (!lonLat) return std::unexpected(lonLat.error());
    auto crs = decideProjectCrs(project, o, *srcInfo, *lonLat, result.projectCrsChosen);
    if (!crs) return std::unexpected(crs.error());
    if (project.crs().empty()) {
      if (auto set = project.setCrs(*crs); !set) return std::unexpected(set.error());
    } else if (auto fits = checkFitsProjectCrs(*crs, *lonLat, o.source, plan.layer.name); !fits) {
      return std::unexpected(fits.error());
    }
    std::string wanted = o.layerName.empty() ? stemOf(o.source) : o.layerName;
    if (plans->size() > 1) wanted += "_" + plan.layer.name;
    const double span = 1.0 / static_cast<double>(plans->size());
    auto imported = detail::importOneLayer(project, **src, plan, o, project.uniqueLayerName(wanted), span * i, span);
    if (!imported) return std::unexpected(imported.error());
    result.layers.push_back(std::move(*imported));
  }
  result.projectCrs = project.crs();
  if (auto c = (*tx)->commit(); !c) return std::unexpected(c.error());
  return result;
}

geo::Result<ImportResult> importIntoFile(const std::string& projectPath, const ImportOptions& options) {
  std::error_code ec;
  const bool existed = std::filesystem::exists(projectPath, ec);
  auto project = existed ? geo::Project::open(projectPath) : geo::Project::create(projectPath);
  if (!project) return std::unexpected(project.error());
  auto result = importSource(**project, options);
  project->reset();
  if (!result && !existed) {
    std::filesystem::remove(projectPath, ec);
    std::filesystem::remove(projectPath + "-journal", ec);
  }
  return result;
}

}  // namespace dothi::app
