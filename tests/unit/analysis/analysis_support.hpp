#pragma once
// Small geometry builders for the analysis tests (project CRS metres).
#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "dothi/geo/analysis/topology.hpp"

namespace dothi::test {

inline geo::Ring ring(std::vector<std::pair<double, double>> pts, bool close = true) {
  geo::Ring r;
  for (auto [x, y] : pts) r.push_back({x, y, 0});
  if (close && !r.empty()) r.push_back(r.front());
  return r;
}

/// Axis-aligned rectangle, counter-clockwise unless cw.
inline geo::Polygon rect(double x0, double y0, double x1, double y1, bool cw = false) {
  geo::Polygon p;
  p.outer = cw ? ring({{x0, y0}, {x0, y1}, {x1, y1}, {x1, y0}}) : ring({{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}});
  return p;
}

inline geo::Geometry polygons(std::vector<geo::Polygon> ps) {
  geo::Geometry g;
  g.type = ps.size() == 1 ? geo::GeometryType::Polygon : geo::GeometryType::MultiPolygon;
  g.polygons = std::move(ps);
  return g;
}

inline geo::analysis::ParcelInput parcel(std::int64_t fid, geo::Polygon p, std::optional<std::string> id = "") {
  if (id && id->empty()) id = "P" + std::to_string(fid);
  return {fid, polygons({std::move(p)}), id};
}

/// (type name, fids) of each finding, as a sorted multiset-like vector, for exact comparison.
using Signature = std::vector<std::pair<std::string, std::vector<std::int64_t>>>;
inline Signature signature(const std::vector<geo::analysis::Finding>& findings) {
  Signature s;
  for (const auto& f : findings) s.emplace_back(geo::analysis::findingTypeName(f.type), f.fids);
  std::sort(s.begin(), s.end());
  return s;
}

inline std::string describe(const Signature& s) {
  std::string out;
  for (const auto& [t, fids] : s) {
    out += "  " + t + " [";
    for (std::size_t i = 0; i < fids.size(); ++i) out += (i ? "," : "") + std::to_string(fids[i]);
    out += "]\n";
  }
  return out;
}

}  // namespace dothi::test
