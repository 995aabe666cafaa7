#pragma once
/// The project: one `.dothi` SQLite database with SpatiaLite layer tables (so ogrinfo and QGIS
/// open it as it is) beside DoThi's own tables (dothi_project, dothi_layers, dothi_issues).
/// A Project is used from one thread at a time; open a second Project on the same file for a
/// worker thread (SQLite serialises writers).
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dothi/geo/error.hpp"
#include "dothi/geo/feature.hpp"
#include "dothi/geo/geometry.hpp"
#include "dothi/geo/scenario.hpp"

namespace dothi::geo {

/// Everything DoThi knows about one stored layer.
struct LayerInfo {
  std::string name;   ///< unique in the project; also the SpatiaLite table name
  LayerKind kind = LayerKind::Other;
  GeometryType geometryType = GeometryType::None;  ///< the stored (multi) type
  std::int64_t featureCount = 0;
  std::int64_t invalidCount = 0;  ///< features kept whose geometry is not OGC-valid
  std::int64_t emptyCount = 0;    ///< features kept with an empty or missing geometry
  Extent extent;                  ///< in the project CRS
  Schema fields;
  std::string source;             ///< the file or connection it was imported from
  std::string sourceCrs;          ///< the CRS the source declared (or the user named)
  std::int64_t revision = 0;      ///< bumped on every change of the layer
  std::string style;              ///< JSON style (colours, categories); empty = kind default
};

/// One problem found in a feature at import (kept, never silently fixed).
struct FeatureIssue {
  std::string layer;
  std::int64_t featureId = 0;
  std::string kind;    ///< "invalid", "empty"
  std::string reason;  ///< e.g. "Self-intersection at (x y)"
};

/// Spatial and attribute filter for reading a layer.
struct Query {
  std::optional<Extent> bbox;  ///< only features whose bounding box meets this (project CRS)
  std::optional<std::int64_t> featureId;
  std::int64_t limit = -1;
  std::string scenario;  ///< read the layer as this scenario has it; empty = the base plan
};

class LayerWriter;
class Transaction;
struct TerrainGrid;

class Project {
 public:
  ~Project();
  Project(const Project&) = delete;
  Project& operator=(const Project&) = delete;

  /// Creates a new project file; fails if the path exists. Its CRS is set on first import.
  static Result<std::unique_ptr<Project>> create(const std::string& path);
  /// Opens an existing project (read-write unless readOnly); refuses files that are not DoThi
  /// projects or come from a newer schema, naming the file and the reason.
  static Result<std::unique_ptr<Project>> open(const std::string& path, bool readOnly = false);

  [[nodiscard]] const std::string& path() const;
  [[nodiscard]] bool readOnly() const;
  /// The project CRS ("EPSG:32632"); empty until the first import sets it.
  [[nodiscard]] std::string crs() const;
  /// Sets the CRS; refused once layers exist (they would need reprojection).
  Result<void> setCrs(const std::string& crs);
  [[nodiscard]] std::optional<std::string> metadata(const std::string& key) const;
  Result<void> setMetadata(const std::string& key, const std::string& value);

  [[nodiscard]] std::vector<LayerInfo> layers() const;
  [[nodiscard]] std::optional<LayerInfo> layer(const std::string& name) const;
  [[nodiscard]] Extent extent() const;  ///< union of all layers' extents
  /// A layer name not used yet, derived from `wanted` (sanitised; "_2", "_3" appended).
  [[nodiscard]] std::string uniqueLayerName(const std::string& wanted) const;

  /// Calls visit for each feature matching the query, in id order; stop by returning false.
  Result<void> forEachFeature(const std::string& layer, const Query& query,
                              const std::function<bool(const Feature&)>& visit) const;
  Result<std::optional<Feature>> feature(const std::string& layer, std::int64_t id) const;
  [[nodiscard]] std::vector<FeatureIssue> issues(const std::string& layer) const;

  /// Groups several changes (e.g. all layers of one import, with the CRS it sets): they all
  /// land on Transaction::commit() or none does. Only one at a time.
  Result<std::unique_ptr<Transaction>> transaction();

  /// Starts writing a new layer inside one transaction. Nothing is visible in the file until
  /// LayerWriter::commit(); destroying the writer without commit rolls everything back.
  Result<std::unique_ptr<LayerWriter>> beginLayer(const LayerInfo& spec);
  Result<void> removeLayer(const std::string& name);
  Result<void> setLayerStyle(const std::string& name, const std::string& styleJson);

  /// The terrain (DEM grid in the project CRS) stored in the project, if any (terrain.cpp).
  [[nodiscard]] Result<std::optional<TerrainGrid>> terrain() const;
  /// Stores the terrain, replacing any previous one (inside the open transaction, if any).
  Result<void> setTerrain(const TerrainGrid& grid);

  // --- Editing and scenarios (project_edits.cpp, project_scenarios.cpp) -------------------
  /// Saves feature changes of one layer, into the base plan (scenario empty) or a scenario,
  /// in one transaction with one edit-log row per change: all land or none does.
  /// progress(done, total) is called as rows are written. Returns the number of changes saved.
  Result<std::int64_t> saveChanges(const std::string& layer, const std::string& scenario,
                                   const std::vector<FeatureChange>& changes, const EditContext& context,
                                   const std::function<void(std::int64_t, std::int64_t)>& progress = {});
  /// An id no feature of the layer has, in the base plan or in any scenario.
  Result<std::int64_t> nextFeatureId(const std::string& layer) const;
  /// Adds attribute columns (NULL in existing features); fields already present are skipped.
  Result<void> addFields(const std::string& layer, const Schema& fields);
  /// The edit log of a layer (all layers when empty), oldest first; scenario "*" = all of them.
  Result<std::vector<EditLogEntry>> editLog(const std::string& layer, const std::string& scenario = "*") const;

  [[nodiscard]] std::vector<ScenarioInfo> scenarios() const;
  [[nodiscard]] std::optional<ScenarioInfo> scenario(const std::string& name) const;
  /// A new scenario, empty (same as the base plan) or a copy of `from`'s changes.
  Result<void> createScenario(const std::string& name, const std::string& description = {},
                              const std::string& from = {});
  Result<void> renameScenario(const std::string& name, const std::string& newName);
  Result<void> deleteScenario(const std::string& name);
  /// Writes the scenario's changes into the base plan (logged), then removes the scenario.
  /// Returns the number of features changed in the base plan.
  Result<std::int64_t> promoteScenario(const std::string& name, const EditContext& context);
  /// The features a scenario changed (one layer, or all when layer is empty), by layer and id.
  Result<std::vector<ScenarioFeature>> scenarioFeatures(const std::string& scenario,
                                                        const std::string& layer = {}) const;

  /// Called after any change of the layer list or a layer (on the thread that made it).
  void addChangeListener(std::function<void()> listener);

  struct Impl;  ///< opaque; defined in geo/src (the storage internals)

 private:
  friend class LayerWriter;
  friend class Transaction;
  explicit Project(std::unique_ptr<Impl> impl);
  void notify();
  std::unique_ptr<Impl> m_impl;
};

/// Writes the features of one new layer; see Project::beginLayer. Not thread-safe.
class LayerWriter {
 public:
  ~LayerWriter();
  /// Adds one feature (geometry in the project CRS, attributes in the spec's field order).
  /// Invalid or empty geometries are stored as they are and recorded with `issue`.
  Result<void> add(const Feature& feature, const std::optional<FeatureIssue>& issue = {});
  /// Makes the layer visible in the project; returns its final info (counts, extent).
  Result<LayerInfo> commit();
  [[nodiscard]] std::int64_t count() const;

  struct Impl;  ///< opaque; defined in geo/src

 private:
  friend class Project;
  explicit LayerWriter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m_impl;
};

/// Scoped transaction; see Project::transaction. Rolls back on destruction unless committed.
class Transaction {
 public:
  ~Transaction();
  Result<void> commit();

 private:
  friend class Project;
  explicit Transaction(Project& project) : m_project(project) {}
  Project& m_project;
  bool m_done = false;
};

}  // namespace dothi::geo
