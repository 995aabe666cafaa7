#pragma once
// Shared by the parcel-review end-to-end tests: the planted-defect project and SpatiaLite SQL
// through the sqlite3 shell (the independent GEOS computation the results are checked against).
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "../unit/analysis/planted_layer.hpp"
#include "cli_runner.hpp"
#include "dothi/geo/project.hpp"

namespace dothi::test {

/// Rows of a SpatiaLite query on a project, columns split at '|'.
inline std::vector<std::vector<std::string>> spatialite(const std::string& db, const std::string& sql) {
  auto r = run("sqlite3", {"-batch", "-noheader", "-cmd", ".load mod_spatialite", db, sql});
  EXPECT_EQ(r.code, 0) << r.err;
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(r.out);
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    std::vector<std::string> cols;
    std::istringstream cs(line);
    for (std::string c; std::getline(cs, c, '|');) cols.push_back(c);
    if (line.back() == '|') cols.emplace_back();
    rows.push_back(cols);
  }
  return rows;
}

inline bool haveSpatialiteShell() { return run("sqlite3", {"-batch", "-cmd", ".load mod_spatialite", ":memory:", "SELECT 1"}).code == 0; }

/// Writes the planted-defect layer and its zones into a new project (Greek Grid, near Kastoria).
inline void writePlantedProject(const std::string& path) {
  auto project = geo::Project::create(path);
  ASSERT_TRUE(project) << project.error().describe();
  ASSERT_TRUE((*project)->setCrs("EPSG:2100"));
  geo::LayerInfo spec;
  spec.name = "parcels";
  spec.kind = geo::LayerKind::Parcels;
  spec.geometryType = geo::GeometryType::MultiPolygon;
  spec.fields = {{"pid", geo::FieldType::Text}};
  auto w = (*project)->beginLayer(spec);
  ASSERT_TRUE(w) << w.error().describe();
  for (const auto& p : plantedLayer(268000, 4488000)) {
    geo::Feature f{p.fid, p.geometry, {p.id ? geo::Value(*p.id) : geo::Value{}}};
    ASSERT_TRUE((*w)->add(f)) << p.fid;
  }
  ASSERT_TRUE((*w)->commit());
  spec.name = "zoning";
  spec.kind = geo::LayerKind::Zoning;
  spec.fields = {{"name", geo::FieldType::Text}};
  auto z = (*project)->beginLayer(spec);
  ASSERT_TRUE(z);
  for (const auto& zone : plantedZones(268000, 4488000))
    ASSERT_TRUE((*z)->add(geo::Feature{zone.fid, zone.geometry, {geo::Value(zone.label)}}));
  ASSERT_TRUE((*z)->commit());
}

}  // namespace dothi::test
