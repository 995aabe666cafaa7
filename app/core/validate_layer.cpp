#include "core/validate_layer.hpp"

#include <array>
#include <chrono>

namespace dothi::app {

namespace {

geo::Result<geo::LayerInfo> polygonLayer(const geo::Project& project, const std::string& name, const char* role) {
  auto info = project.layer(name);
  if (!info) return geo::fail(geo::ErrorCode::NotFound, std::string(role) + " layer '" + name + "' does not exist", project.path());
  if (geo::dimensionOf(info->geometryType) != 2)
    return geo::fail(geo::ErrorCode::InvalidArgument,
                     std::string(role) + " layer '" + name + "' holds " + geo::geometryTypeName(info->geometryType) +
                         " features, not polygons",
                     project.path());
  return *info;
}

}  // namespace

std::string zoneLabel(const geo::LayerInfo& layer, const geo::Feature& feature) {
  static constexpr std::array<const char*, 10> kFields = {"name", "zone", "zoning", "code", "landuse", "land_use",
                                                          "class", "type", "loai_dat", "ten"};
  for (const char* name : kFields) {
    auto i = geo::fieldIndex(layer.fields, name);
    if (!i || *i >= feature.attributes.size()) continue;
    const std::string v = geo::valueToString(feature.attributes[*i]);
    if (!v.empty()) return layer.fields[*i].name + "=" + v + " (fid " + std::to_string(feature.id) + ")";
  }
  return "fid " + std::to_string(feature.id);
}

geo::Result<ValidationResult> validateLayer(const geo::Project& project, const ValidateOptions& o) {
  const auto t0 = std::chrono::steady_clock::now();
  auto info = polygonLayer(project, o.layer, "parcel");
  if (!info) return std::unexpected(info.error());
  const bool byFid = o.idField.empty() || o.idField == "fid";
  std::optional<std::size_t> idIndex;
  if (!byFid) {
    idIndex = geo::fieldIndex(info->fields, o.idField);
    if (!idIndex) {
      std::string fields;
      for (const auto& f : info->fields) fields += (fields.empty() ? "" : ", ") + f.name;
      return geo::fail(geo::ErrorCode::NotFound,
                       "layer '" + o.layer + "' has no field '" + o.idField + "' (fields: " + fields + ")", project.path());
    }
  }
  std::vector<geo::analysis::ParcelInput> parcels;
  parcels.reserve(static_cast<std::size_t>(info->featureCount));
  auto read = project.forEachFeature(o.layer, {}, [&](const geo::Feature& f) {
    geo::analysis::ParcelInput p{f.id, f.geometry, std::nullopt};
    if (byFid) p.id = std::to_string(f.id);
    else if (*idIndex < f.attributes.size() && !std::holds_alternative<std::monostate>(f.attributes[*idIndex]))
      p.id = geo::valueToString(f.attributes[*idIndex]);
    parcels.push_back(std::move(p));
    return !(o.topology.cancel && o.topology.cancel->load());
  });
  if (!read) return std::unexpected(read.error());
  std::vector<geo::analysis::ZoneInput> zones;
  if (!o.against.empty()) {
    auto zinfo = polygonLayer(project, o.against, "boundary");
    if (!zinfo) return std::unexpected(zinfo.error());
    auto zr = project.forEachFeature(o.against, {}, [&](const geo::Feature& f) {
      zones.push_back({f.id, f.geometry, zoneLabel(*zinfo, f)});
      return true;
    });
    if (!zr) return std::unexpected(zr.error());
  }
  if (o.topology.cancel && o.topology.cancel->load()) return geo::fail(geo::ErrorCode::Cancelled, "validation cancelled");
  geo::analysis::TopologyOptions topo = o.topology;
  topo.checkIds = !byFid;
  auto report = geo::analysis::validateTopology(parcels, zones, topo);
  if (!report) return std::unexpected(report.error().withLayer(o.layer));
  ValidationResult r;
  r.project = project.path();
  r.crs = project.crs();
  r.layer = o.layer;
  r.idField = byFid ? "fid" : info->fields[*idIndex].name;
  r.against = o.against;
  r.options = topo;
  r.options.progress = nullptr;
  r.options.cancel = nullptr;
  r.report = std::move(*report);
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return r;
}

}  // namespace dothi::app
