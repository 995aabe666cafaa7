#pragma once
// Two versions of the real Kastoria cadastre for the diff tests (e2e and GUI): the old one is the
// imported layer with a landuse field added; the new one carries planted changes of every kind
// (2 removed, 1 split in two, 2 merged into one, 1 reshaped, 1 land-use and 1 key change, 1 added).
// Plain C++ (no gtest): an empty error string means success.
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "dothi/geo/analysis/adjacency.hpp"
#include "dothi/geo/analysis/overlay.hpp"
#include "dothi/geo/project.hpp"

namespace dothi::test {

struct KastoriaVersions {
  std::vector<geo::Feature> oldFeatures, newFeatures;
  std::int64_t removed1 = 0, removed2 = 0, split = 0, merge1 = 0, merge2 = 0, reshaped = 0, landuse = 0, rekeyed = 0;
  std::map<std::int64_t, std::string> keys;  ///< old fid -> KAK
};

inline geo::LayerInfo kastoriaVersionSpec() {
  geo::LayerInfo s;
  s.name = "parcels";
  s.kind = geo::LayerKind::Parcels;
  s.geometryType = geo::GeometryType::MultiPolygon;
  s.fields = {{"KAK", geo::FieldType::Text}, {"landuse", geo::FieldType::Text}};
  return s;
}

/// Writes a version as a new project (EPSG:2100, one "parcels" layer); "" or the error.
inline std::string writeKastoriaVersion(const std::string& path, const std::vector<geo::Feature>& features) {
  auto p = geo::Project::create(path);
  if (!p) return p.error().describe();
  if (!(*p)->setCrs("EPSG:2100")) return "setCrs";
  auto w = (*p)->beginLayer(kastoriaVersionSpec());
  if (!w) return w.error().describe();
  for (const auto& f : features)
    if (auto a = (*w)->add(f); !a) return a.error().describe();
  if (auto c = (*w)->commit(); !c) return c.error().describe();
  return {};
}

inline geo::Geometry kastoriaMulti(std::vector<geo::Polygon> ps) {
  geo::Geometry g;
  g.type = geo::GeometryType::MultiPolygon;
  g.polygons = std::move(ps);
  return g;
}

/// The two halves of a parcel left and right of the vertical line through its box's centre,
/// cut with the exact overlay.
inline std::pair<geo::Geometry, geo::Geometry> kastoriaHalves(const geo::Geometry& g) {
  const geo::Extent e = extentOf(g);
  const double mid = e.center().x;
  geo::Polygon left;
  left.outer = {{e.minX - 1, e.minY - 1}, {mid, e.minY - 1}, {mid, e.maxY + 1}, {e.minX - 1, e.maxY + 1}, {e.minX - 1, e.minY - 1}};
  std::vector<geo::analysis::OverlayInput> in = {{0, &left}};
  for (const auto& p : g.polygons) in.push_back({1, &p});
  std::vector<geo::Polygon> l, r;
  (void)geo::analysis::overlay(
      in, [](const std::vector<std::uint32_t>& o, bool) { return o.size() && o.back() == 1 ? geo::analysis::FaceNeed::Geometry : geo::analysis::FaceNeed::Skip; },
      [&](geo::analysis::OverlayFace&& f) { (f.owners.size() == 2 ? l : r).push_back(std::move(f.polygon)); });
  return {kastoriaMulti(l), kastoriaMulti(r)};
}

/// Reads the imported cadastre (`imported`, layer "parcels", field KAK) and plants the changes;
/// "" or what went wrong.
inline std::string plantKastoriaVersions(const std::string& imported, KastoriaVersions& v) {
  auto project = geo::Project::open(imported, true);
  if (!project) return project.error().describe();
  std::map<std::string, int> uses;
  auto read = (*project)->forEachFeature("parcels", {}, [&](const geo::Feature& f) {
    v.oldFeatures.push_back({f.id, f.geometry, {f.attributes[0], geo::Value(std::string("residential"))}});
    if (auto* k = std::get_if<std::string>(&f.attributes[0])) ++uses[*k];
    return true;
  });
  if (!read) return read.error().describe();
  auto& old = v.oldFeatures;
  // Parcels to change: unique ids, 100–2000 m², and a merge pair sharing more than 5 m of edge.
  std::vector<std::size_t> unique;
  for (std::size_t i = 0; i < old.size(); ++i) {
    auto* k = std::get_if<std::string>(&old[i].attributes[0]);
    const double a = geo::area(old[i].geometry);
    if (k && uses[*k] == 1 && a > 100 && a < 2000) unique.push_back(i);
  }
  if (unique.size() <= 50) return "too few parcels with a unique id";
  std::size_t m1 = 0, m2 = 0;
  for (std::size_t x = 0; x < unique.size() && !m2; ++x)
    for (std::size_t y = x + 1; y < unique.size() && !m2; ++y)
      if (geo::analysis::sharedBoundaryLength(old[unique[x]].geometry, old[unique[y]].geometry) > 5) {
        m1 = unique[x];
        m2 = unique[y];
      }
  if (m2 == 0) return "no pair to merge";
  std::vector<std::size_t> pick;
  for (auto i : unique)
    if (i != m1 && i != m2 && pick.size() < 6) pick.push_back(i);
  auto fid = [&](std::size_t i) { return old[i].id; };
  v.removed1 = fid(pick[0]);
  v.removed2 = fid(pick[1]);
  v.split = fid(pick[2]);
  v.merge1 = fid(m1);
  v.merge2 = fid(m2);
  v.reshaped = fid(pick[3]);
  v.landuse = fid(pick[4]);
  v.rekeyed = fid(pick[5]);
  for (const auto& f : old) v.keys[f.id] = geo::valueToString(f.attributes[0]);
  const geo::Value residential(std::string("residential"));
  for (const auto& f : old) {
    geo::Feature g = f;
    if (f.id == v.removed1 || f.id == v.removed2 || f.id == v.merge2) continue;
    if (f.id == v.split) {
      auto [l, r] = kastoriaHalves(f.geometry);
      const std::string k = v.keys[f.id];
      v.newFeatures.push_back({20001, l, {geo::Value(k + "-1"), residential}});
      v.newFeatures.push_back({20002, r, {geo::Value(k + "-2"), residential}});
      continue;
    }
    if (f.id == v.merge1) {
      const auto& other = *std::find_if(old.begin(), old.end(), [&](const auto& o) { return o.id == v.merge2; });
      std::vector<geo::Polygon> both = f.geometry.polygons;
      both.insert(both.end(), other.geometry.polygons.begin(), other.geometry.polygons.end());
      g = {20003, kastoriaMulti(both), {geo::Value(v.keys[f.id] + "+" + v.keys[other.id]), residential}};
    }
    if (f.id == v.reshaped) {  // 5 % larger about its centre: ~10 % more area
      const geo::Point c = extentOf(f.geometry).center();
      g.geometry.forEachPoint([&](geo::Point& p) {
        p.x = c.x + 1.05 * (p.x - c.x);
        p.y = c.y + 1.05 * (p.y - c.y);
      });
    }
    if (f.id == v.landuse) g.attributes[1] = std::string("commercial");
    if (f.id == v.rekeyed) g.attributes[0] = std::string("999001");
    v.newFeatures.push_back(g);
  }
  geo::Polygon added;  // a new parcel east of the old town
  added.outer = {{269200, 4488300}, {269220, 4488300}, {269220, 4488320}, {269200, 4488320}, {269200, 4488300}};
  v.newFeatures.push_back({20004, kastoriaMulti({added}), {geo::Value(std::string("NEW1")), residential}});
  return {};
}

}  // namespace dothi::test
