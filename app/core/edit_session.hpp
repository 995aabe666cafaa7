#pragma once
/// Use case: editing one polygon layer (zoning) of a project, in the base plan or a scenario.
/// The session keeps a working copy of the layer's features in memory. Each user action is
/// first built as an EditCommand (the features it changes, before and after), checked with
/// exact predicates, then applied; undo reverts the command exactly. save() writes the net
/// changes since the last save in one transaction (with the edit log). The GUI wraps commands
/// in a QUndoStack; the CLI builds and saves them directly. Not thread-safe: one thread.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "dothi/geo/analysis/feature_query.hpp"
#include "dothi/geo/error.hpp"
#include "dothi/geo/project.hpp"

namespace dothi::app {

/// One undoable edit: the features it changes. Applying sets each `after` (or removes the
/// feature when after is empty); reverting restores each `before`.
struct EditCommand {
  std::string text;  ///< for the undo history: "Move vertex", "Split zone 12"...
  std::vector<geo::FeatureChange> changes;
};

/// A problem an edit would create (never one the data already had).
struct EditProblem {
  std::int64_t featureId = 0;
  std::optional<std::int64_t> otherId;  ///< the neighbour, for overlaps
  std::string message;                  ///< one sentence for a person
  geo::Geometry where;                  ///< the overlap polygon or the self-intersection point
};

/// Vertices closer than this (metres) are the same vertex for topological edits.
inline constexpr double kTopologyTolerance = 0.001;

class EditSession {
 public:
  /// Loads the layer (as `scenario` has it; empty = base plan). Polygon layers only.
  static geo::Result<std::unique_ptr<EditSession>> open(geo::Project& project, const std::string& layer,
                                                        const std::string& scenario = {});

  [[nodiscard]] const geo::LayerInfo& layer() const { return m_layer; }
  [[nodiscard]] const std::string& scenario() const { return m_scenario; }
  [[nodiscard]] const std::map<std::int64_t, geo::Feature>& features() const { return m_features; }
  [[nodiscard]] const geo::Feature* feature(std::int64_t id) const;
  /// Features whose box meets `box` (project CRS).
  [[nodiscard]] std::vector<std::int64_t> featuresIn(const geo::Extent& box) const;
  /// The feature whose polygon contains p (the smallest, when several overlap).
  [[nodiscard]] std::optional<std::int64_t> featureAt(const geo::Point& p) const;
  /// fids matching every condition (evaluated on the session's features; never SQL text).
  geo::Result<std::vector<std::int64_t>> select(const std::vector<geo::analysis::AttributeCondition>& where) const;

  // --- Building commands from the current state (nothing changes until apply) ---------------
  /// Moves the vertex nearest `from` (within tolerance, metres) and every vertex of any feature
  /// at the same place, so shared boundaries stay shared.
  geo::Result<EditCommand> moveVertex(const geo::Point& from, const geo::Point& to, double tolerance) const;
  /// Inserts a vertex on the edge nearest `at` (within tolerance), in every feature sharing it.
  geo::Result<EditCommand> insertVertex(const geo::Point& at, double tolerance) const;
  /// Deletes the vertex nearest `at` from every feature having it (rings keep 3 vertices).
  geo::Result<EditCommand> deleteVertex(const geo::Point& at, double tolerance) const;
  /// A new feature: a polygon (closed shell, optional holes) and its attributes (schema order).
  geo::Result<EditCommand> addFeature(const geo::Polygon& polygon, std::vector<geo::Value> attributes = {}) const;
  /// Adds a hole (closed ring inside the shell) to a feature.
  geo::Result<EditCommand> addHole(std::int64_t id, const geo::Ring& hole) const;
  geo::Result<EditCommand> deleteFeatures(const std::vector<std::int64_t>& ids) const;
  /// Cuts a feature along a line; the largest piece keeps the id, the others get new ids and
  /// copies of the attributes. Neighbours sharing a cut edge get the new vertex too.
  geo::Result<EditCommand> splitFeature(std::int64_t id, const std::vector<geo::Point>& line) const;
  /// Merges adjacent features into the first id (its attributes kept); refused if not connected.
  geo::Result<EditCommand> mergeFeatures(const std::vector<std::int64_t>& ids) const;
  /// Sets fields (by name) of the features; values are converted to the field types.
  geo::Result<EditCommand> setAttributes(const std::vector<std::int64_t>& ids,
                                         const std::vector<std::pair<std::string, geo::Value>>& values) const;
  /// Copies fields (all when empty) of `from` onto the features.
  geo::Result<EditCommand> copyAttributes(std::int64_t from, const std::vector<std::int64_t>& ids,
                                          const std::vector<std::string>& fields = {}) const;

  /// The problems the command would create: self-intersections and overlaps with neighbours
  /// that the features did not have before (exact predicates).
  [[nodiscard]] std::vector<EditProblem> validate(const EditCommand& command) const;
  void apply(const EditCommand& command);   ///< do / redo
  void revert(const EditCommand& command);  ///< undo

  /// True when the working copy differs from what was last saved.
  [[nodiscard]] bool dirty() const;
  /// The net changes since the last save (before = as saved, after = now).
  [[nodiscard]] std::vector<geo::FeatureChange> pendingChanges() const;
  /// Writes pendingChanges() in one transaction; returns how many features were saved.
  geo::Result<std::int64_t> save(const geo::EditContext& context,
                                 const std::function<void(std::int64_t, std::int64_t)>& progress = {});
  /// Forgets unsaved changes: reloads the layer from the project.
  geo::Result<void> reload();

 private:
  EditSession(geo::Project& project, std::string layer, std::string scenario);
  void touch(std::int64_t id);
  std::int64_t newId() const;
  geo::FeatureChange change(std::int64_t id, std::optional<geo::Feature> after, const std::string& action) const;

  geo::Project& m_project;
  geo::LayerInfo m_layer;
  std::string m_scenario;
  std::map<std::int64_t, geo::Feature> m_features;
  /// Saved version (nullopt: did not exist) of each feature touched since the last save.
  std::map<std::int64_t, std::optional<geo::Feature>> m_saved;
  std::map<std::int64_t, std::vector<std::string>> m_actions;  ///< what was done to each, since save
  mutable std::int64_t m_nextId = 1;
};

/// Parses a --where filter: "zone_id='Z12'", "max_height >= 30 AND zoning_class = 'ODT'".
/// Operators = != <> < <= > >= LIKE; values quoted ('...' or "...") or numbers. Field names are
/// checked against the schema by the caller.
geo::Result<std::vector<geo::analysis::AttributeCondition>> parseWhere(const std::string& text);
/// Parses "max_height=45" into a field name and a value (numbers become numbers).
geo::Result<std::pair<std::string, geo::Value>> parseAssignment(const std::string& text);
/// Whether a feature's value satisfies a condition (numeric comparison when both are numbers).
bool matches(const geo::Value& value, const geo::analysis::AttributeCondition& condition);

}  // namespace dothi::app
