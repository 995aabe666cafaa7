// Scenarios: named sets of feature versions over the base plan (copy on write).
#include <algorithm>

#include "project_impl.hpp"

namespace dothi::geo {

using detail::Statement;

namespace detail {
Result<void> applyChanges(Project::Impl& p, const LayerInfo& layer, const std::string& scenario,
                          const std::vector<FeatureChange>& changes, const EditContext& context,
                          const std::function<void(std::int64_t, std::int64_t)>& progress);
bool baseHasFeature(const Project::Impl& p, const std::string& layer, std::int64_t fid);
}  // namespace detail

bool isValidScenarioName(const std::string& name) {
  if (name.empty() || name.size() > 80 || name == "base" || name == "*") return false;
  return std::all_of(name.begin(), name.end(), [](char ch) {
    const auto c = static_cast<unsigned char>(ch);
    return c >= 0x80 || std::isalnum(c) || c == ' ' || c == '-' || c == '_' || c == '.';
  });
}

std::vector<ScenarioInfo> Project::scenarios() const {
  std::vector<ScenarioInfo> out;
  if (!detail::tableExists(*m_impl, "dothi_scenarios")) return out;
  Statement st(m_impl->db,
               "SELECT name, description, created, modified, (SELECT count(*) FROM dothi_scenario_features f WHERE "
               "f.scenario = s.name) FROM dothi_scenarios s ORDER BY created, rowid");
  while (st.step() == SQLITE_ROW) out.push_back({st.text(0), st.text(1), st.text(2), st.text(3), st.int64(4)});
  return out;
}

std::optional<ScenarioInfo> Project::scenario(const std::string& name) const {
  for (auto& s : scenarios())
    if (s.name == name) return s;
  return std::nullopt;
}

Result<void> Project::createScenario(const std::string& name, const std::string& description, const std::string& from) {
  if (readOnly()) return fail(ErrorCode::Io, "the project is open read-only", path());
  if (!isValidScenarioName(name))
    return fail(ErrorCode::InvalidArgument,
                "'" + name + "' is not a usable scenario name (1 to 80 letters, digits, spaces, '-', '_' or '.'; "
                "not 'base')", path());
  if (scenario(name)) return fail(ErrorCode::InvalidArgument, "a scenario named '" + name + "' already exists", path());
  if (!from.empty() && from != "base" && !scenario(from))
    return fail(ErrorCode::NotFound, "no scenario named '" + from + "' to copy", path());
  if (auto r = m_impl->exec("SAVEPOINT create_scenario"); !r) return r;
  auto undo = [&](Result<void> r) {
    (void)m_impl->exec("ROLLBACK TO create_scenario");
    (void)m_impl->exec("RELEASE create_scenario");
    return r;
  };
  Statement ins(m_impl->db, "INSERT INTO dothi_scenarios(name, description) VALUES(?, ?)");
  ins.bind(1, name).bind(2, description);
  if (ins.step() != SQLITE_DONE) return undo(std::unexpected(m_impl->error(ErrorCode::Storage, "cannot create the scenario")));
  if (!from.empty() && from != "base") {
    Statement copy(m_impl->db,
                   "INSERT INTO dothi_scenario_features(scenario, layer, fid, deleted, geom, attributes) "
                   "SELECT ?, layer, fid, deleted, geom, attributes FROM dothi_scenario_features WHERE scenario = ?");
    copy.bind(1, name).bind(2, from);
    if (copy.step() != SQLITE_DONE) return undo(std::unexpected(m_impl->error(ErrorCode::Storage, "cannot copy the scenario")));
  }
  if (auto r = m_impl->exec("RELEASE create_scenario"); !r) return r;
  notify();
  return {};
}

Result<void> Project::renameScenario(const std::string& name, const std::string& newName) {
  if (!scenario(name)) return fail(ErrorCode::NotFound, "no scenario named '" + name + "'", path());
  if (!isValidScenarioName(newName)) return fail(ErrorCode::InvalidArgument, "'" + newName + "' is not a usable scenario name", path());
  if (scenario(newName)) return fail(ErrorCode::InvalidArgument, "a scenario named '" + newName + "' already exists", path());
  if (auto r = m_impl->exec("SAVEPOINT rename_scenario"); !r) return r;
  bool ok = true;
  for (const char* sql : {"UPDATE dothi_scenarios SET name = ?1 WHERE name = ?2",
                          "UPDATE dothi_scenario_features SET scenario = ?1 WHERE scenario = ?2",
                          "UPDATE dothi_edit_log SET scenario = ?1 WHERE scenario = ?2"}) {
    Statement st(m_impl->db, sql);
    st.bind(1, newName).bind(2, name);
    ok = ok && st.step() == SQLITE_DONE;
  }
  if (!ok) {
    auto e = m_impl->error(ErrorCode::Storage, "cannot rename the scenario");
    (void)m_impl->exec("ROLLBACK TO rename_scenario");
    (void)m_impl->exec("RELEASE rename_scenario");
    return std::unexpected(e);
  }
  if (auto r = m_impl->exec("RELEASE rename_scenario"); !r) return r;
  notify();
  return {};
}

Result<void> Project::deleteScenario(const std::string& name) {
  if (!scenario(name)) return fail(ErrorCode::NotFound, "no scenario named '" + name + "'", path());
  if (auto r = m_impl->exec("SAVEPOINT delete_scenario"); !r) return r;
  bool ok = true;
  for (const char* sql : {"DELETE FROM dothi_scenario_features WHERE scenario = ?", "DELETE FROM dothi_scenarios WHERE name = ?"}) {
    Statement st(m_impl->db, sql);
    st.bind(1, name);
    ok = ok && st.step() == SQLITE_DONE;
  }
  if (!ok) {
    auto e = m_impl->error(ErrorCode::Storage, "cannot delete the scenario");
    (void)m_impl->exec("ROLLBACK TO delete_scenario");
    (void)m_impl->exec("RELEASE delete_scenario");
    return std::unexpected(e);
  }
  if (auto r = m_impl->exec("RELEASE delete_scenario"); !r) return r;
  notify();
  return {};
}

Result<std::vector<ScenarioFeature>> Project::scenarioFeatures(const std::string& name, const std::string& layerName) const {
  if (!scenario(name)) return fail(ErrorCode::NotFound, "no scenario named '" + name + "'", path());
  std::vector<ScenarioFeature> out;
  for (const auto& info : layers()) {
    if (!layerName.empty() && info.name != layerName) continue;
    for (auto& [fid, f] : detail::scenarioOverrides(*m_impl, name, info)) {
      ScenarioFeature sf;
      sf.layer = info.name;
      sf.featureId = fid;
      sf.deleted = !f;
      if (f) sf.feature = std::move(*f);
      out.push_back(std::move(sf));
    }
  }
  return out;
}

Result<std::int64_t> Project::promoteScenario(const std::string& name, const EditContext& context) {
  if (readOnly()) return fail(ErrorCode::Io, "the project is open read-only", path());
  auto rows = scenarioFeatures(name);
  if (!rows) return std::unexpected(rows.error());
  if (m_impl->inTransaction) return fail(ErrorCode::Internal, "a transaction is already open", path());
  if (auto r = m_impl->exec("BEGIN IMMEDIATE"); !r) return std::unexpected(r.error());
  auto rollback = [&](Error e) {
    (void)m_impl->exec("ROLLBACK");
    return std::unexpected(std::move(e));
  };
  std::int64_t changed = 0;
  for (const auto& info : layers()) {
    std::vector<FeatureChange> changes;
    for (const auto& row : *rows) {
      if (row.layer != info.name) continue;
      FeatureChange c;
      c.action = "promote scenario '" + name + "'";
      Query q;
      q.featureId = row.featureId;
      (void)detail::readFeatures(*m_impl, info, q, [&](const Feature& f) {
        c.before = f;
        return false;
      });
      if (!row.deleted) c.after = row.feature;
      if (c.before || c.after) changes.push_back(std::move(c));
    }
    if (changes.empty()) continue;
    if (auto r = detail::applyChanges(*m_impl, info, {}, changes, context, {}); !r) return rollback(r.error());
    changed += static_cast<std::int64_t>(changes.size());
  }
  Statement a(m_impl->db, "DELETE FROM dothi_scenario_features WHERE scenario = ?");
  a.bind(1, name);
  Statement b(m_impl->db, "DELETE FROM dothi_scenarios WHERE name = ?");
  b.bind(1, name);
  if (a.step() != SQLITE_DONE || b.step() != SQLITE_DONE)
    return rollback(m_impl->error(ErrorCode::Storage, "cannot remove the promoted scenario"));
  if (auto r = m_impl->exec("COMMIT"); !r) return rollback(r.error());
  notify();
  return changed;
}

}  // namespace dothi::geo
