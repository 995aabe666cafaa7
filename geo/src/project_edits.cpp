// Saving edits: one transaction per save, into the base layer table or a scenario's rows, with
// one edit-log row per change. A process killed during a save leaves the file as it was before
// the save (SQLite's journal rolls the open transaction back on the next open).
#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "project_impl.hpp"

namespace dothi::geo {

using detail::quoteIdent;
using detail::Statement;

namespace detail {

std::string attributesToJson(const Schema& fields, const std::vector<Value>& values) {
  nlohmann::json j = nlohmann::json::object();
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const Value v = i < values.size() ? values[i] : Value{};
    if (const auto* n = std::get_if<std::int64_t>(&v)) j[fields[i].name] = *n;
    else if (const auto* d = std::get_if<double>(&v)) j[fields[i].name] = *d;
    else if (const auto* s = std::get_if<std::string>(&v)) j[fields[i].name] = *s;
    else j[fields[i].name] = nullptr;
  }
  return j.dump();
}

std::vector<Value> attributesFromJson(const Schema& fields, const std::string& text) {
  std::vector<Value> out(fields.size());
  const auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_object()) return out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    auto it = j.find(fields[i].name);
    if (it == j.end() || it->is_null()) continue;
    if (it->is_number_integer()) out[i] = it->get<std::int64_t>();
    else if (it->is_number()) out[i] = it->get<double>();
    else if (it->is_string()) out[i] = it->get<std::string>();
    else out[i] = it->dump();
  }
  return out;
}

std::map<std::int64_t, std::optional<Feature>> scenarioOverrides(const Project::Impl& p, const std::string& scenario,
                                                                 const LayerInfo& layer) {
  std::map<std::int64_t, std::optional<Feature>> out;
  if (!tableExists(p, "dothi_scenario_features")) return out;
  Statement st(p.db, "SELECT fid, deleted, geom, attributes FROM dothi_scenario_features WHERE scenario = ? AND layer = ?");
  st.bind(1, scenario).bind(2, layer.name);
  while (st.step() == SQLITE_ROW) {
    if (st.int64(1) != 0) {
      out[st.int64(0)] = std::nullopt;
      continue;
    }
    Feature f;
    f.id = st.int64(0);
    if (!st.isNull(2)) {
      const auto* blob = static_cast<const std::uint8_t*>(sqlite3_column_blob(st.get(), 2));
      fromWkb(blob, static_cast<std::size_t>(sqlite3_column_bytes(st.get(), 2)), f.geometry);
    }
    f.attributes = attributesFromJson(layer.fields, st.text(3));
    out[f.id] = std::move(f);
  }
  return out;
}

}  // namespace detail

namespace {

std::string loginName() {
  if (const char* u = std::getenv("USER"); u && *u) return u;
  if (const passwd* pw = getpwuid(getuid()); pw && pw->pw_name) return pw->pw_name;
  return "unknown";
}

void bindValue(Statement& st, int col, const Value& v) {
  if (const auto* n = std::get_if<std::int64_t>(&v)) st.bind(col, *n);
  else if (const auto* d = std::get_if<double>(&v)) st.bind(col, *d);
  else if (const auto* s = std::get_if<std::string>(&v)) st.bind(col, *s);
  else st.bindNull(col);
}

void bindGeometry(Statement& st, int col, const Geometry& g, GeometryType column) {
  if (g.isEmpty()) {
    st.bindNull(col);
    return;
  }
  Geometry stored = g;
  stored.hasZ = false;
  if (column != GeometryType::None && dimensionOf(stored.type) == dimensionOf(column)) stored.type = column;
  st.bindBlob(col, toWkb(stored));
}

/// Writes changes of one layer straight into its table (the base plan).
class BaseWriter {
 public:
  BaseWriter(Project::Impl& p, const LayerInfo& layer) : m_p(p), m_layer(layer) {
    const std::string srid = std::to_string(p.srid());
    std::string cols, sets, vals;
    for (std::size_t i = 0; i < layer.fields.size(); ++i) {
      const std::string q = quoteIdent(layer.fields[i].name), n = "?" + std::to_string(i + 3);
      cols += ", " + q;
      vals += ", " + n;
      sets += ", " + q + " = " + n;
    }
    const std::string table = quoteIdent(layer.name);
    m_insert = std::make_unique<Statement>(
        p.db, "INSERT INTO " + table + "(fid, geom" + cols + ") VALUES(?1, GeomFromWKB(?2, " + srid + ")" + vals + ")");
    m_update = std::make_unique<Statement>(
        p.db, "UPDATE " + table + " SET geom = GeomFromWKB(?2, " + srid + ")" + sets + " WHERE fid = ?1");
    m_delete = std::make_unique<Statement>(p.db, "DELETE FROM " + table + " WHERE fid = ?1");
  }
  [[nodiscard]] bool ok() const { return m_insert->ok() && m_update->ok() && m_delete->ok(); }

  Result<void> write(const FeatureChange& c) {
    Statement& st = !c.after ? *m_delete : c.before ? *m_update : *m_insert;
    st.reset();
    st.bind(1, c.after ? c.after->id : c.before->id);
    if (c.after) {
      bindGeometry(st, 2, c.after->geometry, m_layer.geometryType);
      for (std::size_t i = 0; i < m_layer.fields.size(); ++i)
        bindValue(st, static_cast<int>(i) + 3, i < c.after->attributes.size() ? c.after->attributes[i] : Value{});
    }
    if (st.step() != SQLITE_DONE || (c.before && sqlite3_changes(m_p.db) == 0)) {
      Error e = m_p.error(ErrorCode::Storage, c.before && sqlite3_changes(m_p.db) == 0 ? "the feature no longer exists"
                                                                                       : "cannot save the feature");
      e.layer = m_layer.name;
      e.featureId = c.after ? c.after->id : c.before->id;
      return std::unexpected(e);
    }
    if (c.after) (void)clearIssues(c.after->id);
    else (void)clearIssues(c.before->id);
    return {};
  }

 private:
  Result<void> clearIssues(std::int64_t fid) {
    Statement st(m_p.db, "DELETE FROM dothi_issues WHERE layer = ? AND fid = ?");
    st.bind(1, m_layer.name).bind(2, fid);
    st.step();
    return {};
  }
  Project::Impl& m_p;
  const LayerInfo& m_layer;
  std::unique_ptr<Statement> m_insert, m_update, m_delete;
};

/// Counts and extent of a layer table after edits (the catalogue must match the table).
Result<void> refreshLayerStats(Project::Impl& p, const LayerInfo& layer) {
  Statement st(p.db, "SELECT count(*), sum(geom IS NULL), min(MbrMinX(geom)), min(MbrMinY(geom)), max(MbrMaxX(geom)), "
                     "max(MbrMaxY(geom)) FROM " + quoteIdent(layer.name));
  if (st.step() != SQLITE_ROW) return std::unexpected(p.error(ErrorCode::Storage, "cannot count '" + layer.name + "'"));
  Statement up(p.db, "UPDATE dothi_layers SET feature_count = ?, empty_count = ?, min_x = ?, min_y = ?, max_x = ?, "
                     "max_y = ?, invalid_count = (SELECT count(*) FROM dothi_issues WHERE layer = ?7 AND kind = "
                     "'invalid'), revision = revision + 1 WHERE name = ?7");
  up.bind(1, st.int64(0)).bind(2, st.int64(1));
  for (int i = 2; i < 6; ++i) {
    if (st.isNull(i)) up.bindNull(i + 1);
    else up.bind(i + 1, st.real(i));
  }
  up.bind(7, layer.name);
  if (up.step() != SQLITE_DONE) return std::unexpected(p.error(ErrorCode::Storage, "cannot update the layer catalogue"));
  return {};
}

}  // namespace

namespace detail {

/// Stores one change as the scenario's version of the feature.
Result<void> writeScenarioRow(Project::Impl& p, const std::string& scenario, const LayerInfo& layer,
                              const FeatureChange& c, bool inBase) {
  const std::int64_t fid = c.after ? c.after->id : c.before->id;
  if (!c.after && !inBase) {  // deleting a feature the scenario itself added: forget it
    Statement del(p.db, "DELETE FROM dothi_scenario_features WHERE scenario = ? AND layer = ? AND fid = ?");
    del.bind(1, scenario).bind(2, layer.name).bind(3, fid);
    if (del.step() != SQLITE_DONE) return std::unexpected(p.error(ErrorCode::Storage, "cannot save the scenario"));
    return {};
  }
  Statement st(p.db, "INSERT OR REPLACE INTO dothi_scenario_features(scenario, layer, fid, deleted, geom, attributes) "
                     "VALUES(?, ?, ?, ?, ?, ?)");
  st.bind(1, scenario).bind(2, layer.name).bind(3, fid).bind(4, std::int64_t{c.after ? 0 : 1});
  if (c.after && !c.after->geometry.isEmpty()) st.bindBlob(5, toWkb(c.after->geometry));
  else st.bindNull(5);
  if (c.after) st.bind(6, attributesToJson(layer.fields, c.after->attributes));
  else st.bindNull(6);
  if (st.step() != SQLITE_DONE) {
    Error e = p.error(ErrorCode::Storage, "cannot save the scenario's feature");
    e.layer = layer.name;
    e.featureId = fid;
    return std::unexpected(e);
  }
  return {};
}

Result<void> logChange(Project::Impl& p, const LayerInfo& layer, const std::string& scenario, const FeatureChange& c,
                       const EditContext& context) {
  Statement st(p.db, "INSERT INTO dothi_edit_log(user, layer, scenario, fid, action, message, before_geom, after_geom, "
                     "before_attributes, after_attributes) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  st.bind(1, context.user.empty() ? loginName() : context.user).bind(2, layer.name).bind(3, scenario);
  st.bind(4, c.after ? c.after->id : c.before->id);
  st.bind(5, c.action.empty() ? std::string(!c.before ? "insert" : !c.after ? "delete" : "update") : c.action);
  st.bind(6, context.message);
  int col = 7;
  for (const auto* f : {&c.before, &c.after}) {
    if (*f && !(*f)->geometry.isEmpty()) st.bindBlob(col, toWkb((*f)->geometry));
    else st.bindNull(col);
    ++col;
  }
  for (const auto* f : {&c.before, &c.after}) {
    if (*f) st.bind(col, attributesToJson(layer.fields, (*f)->attributes));
    else st.bindNull(col);
    ++col;
  }
  if (st.step() != SQLITE_DONE) return std::unexpected(p.error(ErrorCode::Storage, "cannot write the edit log"));
  return {};
}

bool baseHasFeature(const Project::Impl& p, const std::string& layer, std::int64_t fid) {
  Statement st(p.db, "SELECT 1 FROM " + quoteIdent(layer) + " WHERE fid = ?");
  st.bind(1, fid);
  return st.step() == SQLITE_ROW;
}

Result<void> applyChanges(Project::Impl& p, const LayerInfo& layer, const std::string& scenario,
                          const std::vector<FeatureChange>& changes, const EditContext& context,
                          const std::function<void(std::int64_t, std::int64_t)>& progress) {
  std::optional<BaseWriter> base;
  if (scenario.empty()) {
    base.emplace(p, layer);
    if (!base->ok()) return std::unexpected(p.error(ErrorCode::Storage, "cannot prepare saving '" + layer.name + "'"));
  }
  const auto total = static_cast<std::int64_t>(changes.size());
  for (std::int64_t i = 0; i < total; ++i) {
    const auto& c = changes[static_cast<std::size_t>(i)];
    if (!c.before && !c.after) continue;
    Result<void> r = base ? base->write(c)
                          : writeScenarioRow(p, scenario, layer, c, baseHasFeature(p, layer.name, c.before ? c.before->id : c.after->id));
    if (!r) return r;
    if (auto l = logChange(p, layer, scenario, c, context); !l) return l;
    if (progress && (i % 256 == 0 || i + 1 == total)) progress(i + 1, total);
  }
  if (base) return refreshLayerStats(p, layer);
  Statement touch(p.db, "UPDATE dothi_scenarios SET modified = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE name = ?");
  touch.bind(1, scenario).step();
  Statement rev(p.db, "UPDATE dothi_layers SET revision = revision + 1 WHERE name = ?");
  rev.bind(1, layer.name).step();
  return {};
}

}  // namespace detail

Result<std::int64_t> Project::saveChanges(const std::string& layerName, const std::string& scenarioName,
                                          const std::vector<FeatureChange>& changes, const EditContext& context,
                                          const std::function<void(std::int64_t, std::int64_t)>& progress) {
  if (readOnly()) return fail(ErrorCode::Io, "the project is open read-only", path());
  auto info = layer(layerName);
  if (!info) return fail(ErrorCode::NotFound, "no layer named '" + layerName + "'", path());
  if (!scenarioName.empty() && !scenario(scenarioName))
    return fail(ErrorCode::NotFound, "no scenario named '" + scenarioName + "'", path());
  if (changes.empty()) return std::int64_t{0};
  const bool own = !m_impl->inTransaction;
  if (own) {
    if (auto r = m_impl->exec("BEGIN IMMEDIATE"); !r) return std::unexpected(r.error());
  } else if (auto r = m_impl->exec("SAVEPOINT save_changes"); !r) {
    return std::unexpected(r.error());
  }
  auto applied = detail::applyChanges(*m_impl, *info, scenarioName, changes, context, progress);
  if (!applied) {
    (void)m_impl->exec(own ? "ROLLBACK" : "ROLLBACK TO save_changes");
    if (!own) (void)m_impl->exec("RELEASE save_changes");
    Error e = applied.error();
    return std::unexpected(e.withLayer(layerName));
  }
  if (auto r = m_impl->exec(own ? "COMMIT" : "RELEASE save_changes"); !r) {
    if (own) (void)m_impl->exec("ROLLBACK");
    return std::unexpected(r.error());
  }
  notify();
  return static_cast<std::int64_t>(changes.size());
}

Result<std::int64_t> Project::nextFeatureId(const std::string& layerName) const {
  if (!layer(layerName)) return fail(ErrorCode::NotFound, "no layer named '" + layerName + "'", path());
  Statement st(m_impl->db, "SELECT max(coalesce((SELECT max(fid) FROM " + quoteIdent(layerName) + "), 0), " +
                               (detail::tableExists(*m_impl, "dothi_scenario_features")
                                    ? "coalesce((SELECT max(fid) FROM dothi_scenario_features WHERE layer = ?), 0)"
                                    : std::string("0 + 0 * length(?)")) +
                               ")");
  st.bind(1, layerName);
  if (st.step() != SQLITE_ROW) return std::unexpected(m_impl->error(ErrorCode::Storage, "cannot read feature ids"));
  return st.int64(0) + 1;
}

Result<void> Project::addFields(const std::string& layerName, const Schema& fields) {
  if (readOnly()) return fail(ErrorCode::Io, "the project is open read-only", path());
  auto info = layer(layerName);
  if (!info) return fail(ErrorCode::NotFound, "no layer named '" + layerName + "'", path());
  bool added = false;
  for (const auto& f : fields) {
    if (fieldIndex(info->fields, f.name) || f.name == "fid" || f.name == "geom") continue;
    const char* type = f.type == FieldType::Integer ? "INTEGER" : f.type == FieldType::Real ? "REAL" : "TEXT";
    if (auto r = m_impl->exec("ALTER TABLE " + quoteIdent(layerName) + " ADD COLUMN " + quoteIdent(f.name) + " " + type);
        !r)
      return r;
    info->fields.push_back(f);
    added = true;
  }
  if (added) notify();
  return {};
}

Result<std::vector<EditLogEntry>> Project::editLog(const std::string& layerName, const std::string& scenarioName) const {
  std::vector<EditLogEntry> out;
  if (!detail::tableExists(*m_impl, "dothi_edit_log")) return out;
  Statement st(m_impl->db,
               "SELECT id, time, user, layer, scenario, fid, action, message, before_geom, after_geom, "
               "coalesce(before_attributes, ''), coalesce(after_attributes, '') FROM dothi_edit_log "
               "WHERE (?1 = '' OR layer = ?1) AND (?2 = '*' OR scenario = ?2) ORDER BY id");
  st.bind(1, layerName).bind(2, scenarioName);
  auto geometry = [&](int col) -> std::optional<Geometry> {
    if (st.isNull(col)) return std::nullopt;
    Geometry g;
    const auto* blob = static_cast<const std::uint8_t*>(sqlite3_column_blob(st.get(), col));
    fromWkb(blob, static_cast<std::size_t>(sqlite3_column_bytes(st.get(), col)), g);
    return g;
  };
  while (st.step() == SQLITE_ROW) {
    EditLogEntry e;
    e.id = st.int64(0);
    e.time = st.text(1);
    e.user = st.text(2);
    e.layer = st.text(3);
    e.scenario = st.text(4);
    e.featureId = st.int64(5);
    e.action = st.text(6);
    e.message = st.text(7);
    e.beforeGeometry = geometry(8);
    e.afterGeometry = geometry(9);
    e.beforeAttributes = st.text(10);
    e.afterAttributes = st.text(11);
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace dothi::geo
