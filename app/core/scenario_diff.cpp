#include "scenario_diff.hpp"

#include <cstdio>
#include <map>
#include <set>

namespace dothi::app {

using geo::ErrorCode;
using geo::fail;

namespace {

std::string version(const std::string& s) { return s == "base" ? std::string{} : s; }

std::optional<geo::Feature> featureIn(const geo::Project& p, const std::string& layer, const std::string& scenario,
                                      std::int64_t id) {
  std::optional<geo::Feature> found;
  geo::Query q;
  q.featureId = id;
  q.scenario = scenario;
  (void)p.forEachFeature(layer, q, [&](const geo::Feature& f) {
    found = f;
    return false;
  });
  return found;
}

std::optional<std::size_t> keyColumn(const geo::LayerInfo& info, const std::string& wanted) {
  if (!wanted.empty()) return geo::fieldIndex(info.fields, wanted);
  for (const char* name : {"zone_id", "zoneid", "zone", "id", "code", "name", "KAK", "parcel_id"})
    if (auto i = geo::fieldIndex(info.fields, name)) return i;
  return std::nullopt;
}

std::string area(double a) {
  char b[32];
  std::snprintf(b, sizeof b, "%.1f", a);
  return b;
}

}  // namespace

std::string FeatureDifference::describe() const {
  if (kind == "added") return "added (area " + area(areaAfter) + " m²)";
  if (kind == "removed") return "removed (area " + area(areaBefore) + " m²)";
  std::string out;
  for (const auto& a : attributes)
    out += (out.empty() ? "" : "; ") + a.field + " " + (a.before.empty() ? "(null)" : a.before) + " → " +
           (a.after.empty() ? "(null)" : a.after);
  if (geometryChanged) out += (out.empty() ? "" : "; ") + std::string("geometry (area ") + area(areaBefore) + " → " + area(areaAfter) + " m²)";
  return out;
}

geo::Result<std::vector<FeatureDifference>> diffScenarios(const geo::Project& project, const std::string& a,
                                                           const std::string& b, const std::string& layer,
                                                           const std::string& keyField) {
  for (const auto& s : {version(a), version(b)})
    if (!s.empty() && !project.scenario(s)) return fail(ErrorCode::NotFound, "no scenario named '" + s + "'", project.path());
  if (!layer.empty() && !project.layer(layer)) return fail(ErrorCode::NotFound, "no layer named '" + layer + "'", project.path());
  std::map<std::string, std::set<std::int64_t>> candidates;  // layer → fids either version changed
  for (const auto& s : {version(a), version(b)}) {
    if (s.empty()) continue;
    auto rows = project.scenarioFeatures(s, layer);
    if (!rows) return std::unexpected(rows.error());
    for (const auto& r : *rows) candidates[r.layer].insert(r.featureId);
  }
  std::vector<FeatureDifference> out;
  for (const auto& [name, fids] : candidates) {
    auto info = project.layer(name);
    if (!info) continue;
    const auto key = keyColumn(*info, keyField);
    if (!keyField.empty() && !key)
      return fail(ErrorCode::InvalidArgument, "layer '" + name + "' has no field '" + keyField + "'", project.path());
    for (auto fid : fids) {
      const auto fa = featureIn(project, name, version(a), fid);
      const auto fb = featureIn(project, name, version(b), fid);
      if (!fa && !fb) continue;
      FeatureDifference d;
      d.layer = name;
      d.featureId = fid;
      const auto& any = fb ? *fb : *fa;
      d.key = key && *key < any.attributes.size() ? geo::valueToString(any.attributes[*key]) : std::string{};
      if (d.key.empty()) d.key = std::to_string(fid);
      if (fa) d.areaBefore = geo::area(fa->geometry);
      if (fb) d.areaAfter = geo::area(fb->geometry);
      if (!fa || !fb) {
        d.kind = fa ? "removed" : "added";
        out.push_back(std::move(d));
        continue;
      }
      d.kind = "changed";
      d.geometryChanged = geo::toWkb(fa->geometry) != geo::toWkb(fb->geometry);
      for (std::size_t i = 0; i < info->fields.size(); ++i) {
        const auto va = i < fa->attributes.size() ? fa->attributes[i] : geo::Value{};
        const auto vb = i < fb->attributes.size() ? fb->attributes[i] : geo::Value{};
        if (va != vb) d.attributes.push_back({info->fields[i].name, geo::valueToString(va), geo::valueToString(vb)});
      }
      if (d.geometryChanged || !d.attributes.empty()) out.push_back(std::move(d));
    }
  }
  return out;
}

}  // namespace dothi::app
