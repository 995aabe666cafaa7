#pragma once
// The planted-defect layer shared by the unit tests (validateTopology) and the end-to-end test
// (a project built with geo::Project::beginLayer, checked through dothi-cli validate): one
// parcel per defect type around a clean grid, and the exact findings it must give.
#include "analysis_support.hpp"

namespace dothi::test {

using geo::analysis::ParcelInput;
using geo::analysis::ZoneInput;

/// One parcel per defect type (see the comments), around a clean 3×3 grid.
/// Moves every vertex by (dx, dy): the e2e test places the layer in a real CRS's area.
template <class T>
void shift(std::vector<T>& items, double dx, double dy) {
  for (auto& item : items)
    item.geometry.forEachPoint([&](geo::Point& p) {
      p.x += dx;
      p.y += dy;
    });
}

inline std::vector<ParcelInput> plantedLayer(double dx = 0, double dy = 0) {
  std::vector<ParcelInput> ps;
  // 3×3 grid of 10 m squares, fids 1..9, with defects planted in 1, 3, 5 and 9.
  for (int j = 0; j < 3; ++j)
    for (int i = 0; i < 3; ++i) {
      const std::int64_t fid = 1 + j * 3 + i;
      ps.push_back(parcel(fid, rect(i * 10, j * 10, i * 10 + 10, j * 10 + 10, /*cw=*/fid == 5)));  // 5: wrong turn
    }
  ps[0].geometry.polygons[0].outer = ring({{0, 0}, {10, 0}, {10, 0}, {10, 10}, {0, 10}});         // 1: duplicate vertex
  ps[2].geometry.polygons[0].outer = ring({{20, 0}, {30, 0}, {30, 10}, {20, 10}}, /*close=*/false);  // 3: not closed
  // 9: a 2 m spike out of the grid's top edge, 0.57° sharp.
  ps[8].geometry.polygons[0].outer =
      ring({{20, 20}, {30, 20}, {30, 30}, {25.02, 30}, {25.01, 32}, {25, 30}, {20, 30}});
  ps.push_back(parcel(10, rect(100, 0, 110, 10)));  // 10, 11: overlap 1 m × 10 m
  ps.push_back(parcel(11, rect(109, 0, 119, 10)));
  ps.push_back(parcel(12, rect(200, 0, 210, 10)));  // 12..15: a 0.04 m × 10 m gap (0.4 m²) closed by 14, 15
  ps.push_back(parcel(13, rect(210.04, 0, 220, 10)));
  ps.push_back(parcel(14, rect(200, 10, 220, 20)));
  ps.push_back(parcel(15, rect(200, -10, 220, 0)));
  {
    geo::Polygon bowtie;  // 16: figure-of-eight crossing itself at (305 5)
    bowtie.outer = ring({{300, 0}, {310, 10}, {310, 0}, {300, 10}});
    ps.push_back(parcel(16, bowtie));
  }
  {
    geo::Polygon p = rect(400, 0, 410, 10);  // 17: its hole lies outside it
    p.holes.push_back(rect(420, 0, 425, 5, /*cw=*/true).outer);
    ps.push_back(parcel(17, p));
  }
  ps.push_back(parcel(18, rect(500, 0, 520, 0.1)));  // 18: sliver, 0.1 m wide
  ps.push_back(parcel(19, rect(600, 0, 610, 10), "DUP"));  // 19, 20: same id
  ps.push_back(parcel(20, rect(620, 0, 630, 10), "DUP"));
  ps.push_back(parcel(21, rect(700, 0, 710, 10), std::nullopt));  // 21: no id
  {
    geo::Polygon flat;  // 22: all vertices on one line
    flat.outer = ring({{800, 0}, {810, 0}, {820, 0}});
    ps.push_back(parcel(22, flat));
  }
  ps.push_back(parcel(23, rect(990, 10, 1010, 20)));  // 23: crosses the zone boundary x = 1000
  ps.push_back(parcel(24, rect(920, 10, 930, 20)));   // 24: inside zone 1: fine
  ps.push_back({25, polygons({rect(1200, 0, 1210, 10), rect(1205, 0, 1215, 10)}), "P25"});  // 25: parts overlap
  ps.push_back({26, geo::Geometry{}, "P26"});  // 26: no geometry
  {
    geo::Polygon p = rect(1300, 0, 1310, 10);  // 27: hole crosses the shell twice
    p.holes.push_back(rect(1305, 2, 1315, 8, /*cw=*/true).outer);
    ps.push_back(parcel(27, p));
  }
  shift(ps, dx, dy);
  return ps;
}

inline std::vector<ZoneInput> plantedZones(double dx = 0, double dy = 0) {
  std::vector<ZoneInput> zs = {{1, polygons({rect(900, 0, 1000, 100)}), "zone A"},
                               {2, polygons({rect(1000, 0, 1100, 100)}), "zone B"}};
  shift(zs, dx, dy);
  return zs;
}

inline Signature plantedSignature() {
  Signature s = {{"duplicate_vertex", {1}},     {"ring_not_closed", {3}},       {"wrong_orientation", {5}},
                 {"spike", {9}},                {"overlap", {10, 11}},          {"gap", {12, 13, 14, 15}},
                 {"self_intersection", {16}},   {"hole_outside_shell", {17}},   {"sliver", {18}},
                 {"duplicate_id", {19, 20}},    {"missing_id", {21}},           {"degenerate_ring", {22}},
                 {"crosses_boundary", {23}},    {"self_intersection", {25}},    {"empty_geometry", {26}},
                 {"self_intersection", {27}},   {"self_intersection", {27}}};
  std::sort(s.begin(), s.end());
  return s;
}

}  // namespace dothi::test
