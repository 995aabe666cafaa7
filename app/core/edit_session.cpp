// EditSession: the working copy, apply/undo, validation of edits and saving.
#include "edit_session.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <functional>

#include "dothi/geo/analysis/overlay.hpp"
#include "dothi/geo/analysis/topology.hpp"

namespace dothi::app {

using geo::ErrorCode;
using geo::Feature;
using geo::fail;
using geo::Result;

EditSession::EditSession(geo::Project& project, std::string layer, std::string scenario)
    : m_project(project), m_scenario(std::move(scenario)) {
  m_layer.name = std::move(layer);
}

Result<std::unique_ptr<EditSession>> EditSession::open(geo::Project& project, const std::string& layer,
                                                      const std::string& scenario) {
  auto info = project.layer(layer);
  if (!info) return fail(ErrorCode::NotFound, "no layer named '" + layer + "'", project.path());
  if (geo::dimensionOf(info->geometryType) != 2)
    return fail(ErrorCode::InvalidArgument, "layer '" + layer + "' has no polygons to edit", project.path());
  if (!scenario.empty() && !project.scenario(scenario))
    return fail(ErrorCode::NotFound, "no scenario named '" + scenario + "'", project.path());
  std::unique_ptr<EditSession> s(new EditSession(project, layer, scenario));
  if (auto r = s->reload(); !r) return std::unexpected(r.error());
  return s;
}

Result<void> EditSession::reload() {
  auto info = m_project.layer(m_layer.name);
  if (!info) return fail(ErrorCode::NotFound, "no layer named '" + m_layer.name + "'", m_project.path());
  m_layer = *info;
  std::map<std::int64_t, Feature> loaded;
  geo::Query q;
  q.scenario = m_scenario;
  auto r = m_project.forEachFeature(m_layer.name, q, [&](const Feature& f) {
    loaded.emplace(f.id, f);
    return true;
  });
  if (!r) return r;
  auto next = m_project.nextFeatureId(m_layer.name);
  if (!next) return std::unexpected(next.error());
  m_features = std::move(loaded);
  m_saved.clear();
  m_actions.clear();
  m_nextId = *next;
  return {};
}

const Feature* EditSession::feature(std::int64_t id) const {
  auto it = m_features.find(id);
  return it == m_features.end() ? nullptr : &it->second;
}

std::vector<std::int64_t> EditSession::featuresIn(const geo::Extent& box) const {
  std::vector<std::int64_t> out;
  for (const auto& [id, f] : m_features) {
    const auto e = geo::extentOf(f.geometry);
    if (!e.isEmpty() && e.minX <= box.maxX && e.maxX >= box.minX && e.minY <= box.maxY && e.maxY >= box.minY)
      out.push_back(id);
  }
  return out;
}

std::optional<std::int64_t> EditSession::featureAt(const geo::Point& p) const {
  std::optional<std::int64_t> best;
  double bestArea = 0;
  for (const auto& [id, f] : m_features) {
    if (!geo::extentOf(f.geometry).contains(p) || !geo::contains(f.geometry, p)) continue;
    const double a = geo::area(f.geometry);
    if (!best || a < bestArea) {
      best = id;
      bestArea = a;
    }
  }
  return best;
}

Result<std::vector<std::int64_t>> EditSession::select(const std::vector<geo::analysis::AttributeCondition>& where) const {
  std::vector<std::size_t> columns;
  for (const auto& c : where) {
    auto i = geo::fieldIndex(m_layer.fields, c.field);
    if (!i) return fail(ErrorCode::InvalidArgument, "layer '" + m_layer.name + "' has no field '" + c.field + "'");
    columns.push_back(*i);
  }
  std::vector<std::int64_t> out;
  for (const auto& [id, f] : m_features) {
    bool all = true;
    for (std::size_t k = 0; k < where.size() && all; ++k)
      all = matches(columns[k] < f.attributes.size() ? f.attributes[columns[k]] : geo::Value{}, where[k]);
    if (all) out.push_back(id);
  }
  return out;
}

std::int64_t EditSession::newId() const { return m_nextId++; }

geo::FeatureChange EditSession::change(std::int64_t id, std::optional<Feature> after, const std::string& action) const {
  geo::FeatureChange c;
  if (const Feature* f = feature(id)) c.before = *f;
  c.after = std::move(after);
  c.action = action;
  return c;
}

void EditSession::touch(std::int64_t id) {
  if (m_saved.count(id)) return;
  const Feature* f = feature(id);
  m_saved[id] = f ? std::optional<Feature>(*f) : std::nullopt;
}

void EditSession::apply(const EditCommand& command) {
  for (const auto& c : command.changes) {
    const std::int64_t id = c.after ? c.after->id : c.before->id;
    touch(id);
    m_actions[id].push_back(c.action.empty() ? command.text : c.action);
    if (c.after) m_features[id] = *c.after;
    else m_features.erase(id);
    m_nextId = std::max(m_nextId, id + 1);
  }
}

void EditSession::revert(const EditCommand& command) {
  for (auto it = command.changes.rbegin(); it != command.changes.rend(); ++it) {
    const std::int64_t id = it->after ? it->after->id : it->before->id;
    touch(id);
    auto& actions = m_actions[id];
    if (!actions.empty()) actions.pop_back();
    if (it->before) m_features[id] = *it->before;
    else m_features.erase(id);
  }
}

namespace {
bool sameFeature(const std::optional<Feature>& a, const Feature* b) {
  if (!a || !b) return !a && !b;
  return geo::toWkb(a->geometry) == geo::toWkb(b->geometry) && a->attributes == b->attributes;
}
}  // namespace

std::vector<geo::FeatureChange> EditSession::pendingChanges() const {
  std::vector<geo::FeatureChange> out;
  for (const auto& [id, saved] : m_saved) {
    const Feature* now = feature(id);
    if (sameFeature(saved, now)) continue;
    geo::FeatureChange c;
    c.before = saved;
    if (now) c.after = *now;
    if (auto a = m_actions.find(id); a != m_actions.end()) {
      for (const auto& s : a->second) c.action += (c.action.empty() ? "" : "; ") + s;
    }
    out.push_back(std::move(c));
  }
  return out;
}

bool EditSession::dirty() const { return !pendingChanges().empty(); }

Result<std::int64_t> EditSession::save(const geo::EditContext& context,
                                       const std::function<void(std::int64_t, std::int64_t)>& progress) {
  auto changes = pendingChanges();
  auto saved = m_project.saveChanges(m_layer.name, m_scenario, changes, context, progress);
  if (!saved) return saved;
  m_saved.clear();
  m_actions.clear();
  if (auto info = m_project.layer(m_layer.name)) m_layer = *info;
  return saved;
}

// --- Validation -----------------------------------------------------------------------------

namespace {

bool serious(geo::analysis::FindingType t) {
  using T = geo::analysis::FindingType;
  return t == T::SelfIntersection || t == T::HoleOutsideShell || t == T::DegenerateRing || t == T::RingNotClosed;
}

std::vector<geo::analysis::Finding> seriousFindings(const geo::Geometry& g) {
  auto all = geo::analysis::checkGeometry(g);
  std::erase_if(all, [](const auto& f) { return !serious(f.type); });
  return all;
}

double overlapArea(const Feature& a, const Feature& b) {
  auto areas = geo::analysis::intersectionAreas({&a.geometry}, {&b.geometry});
  if (!areas || areas->empty()) return 0;
  return areas->begin()->second;
}

geo::Geometry overlapGeometry(const Feature& a, const Feature& b) {
  geo::Geometry out;
  out.type = geo::GeometryType::MultiPolygon;
  std::vector<geo::analysis::OverlayInput> inputs;
  for (const auto& p : a.geometry.polygons) inputs.push_back({0, &p});
  for (const auto& p : b.geometry.polygons) inputs.push_back({1, &p});
  using geo::analysis::FaceNeed;
  (void)geo::analysis::overlay(
      inputs, [](const std::vector<std::uint32_t>& o, bool bounded) { return bounded && o.size() == 2 ? FaceNeed::Geometry : FaceNeed::Skip; },
      [&](geo::analysis::OverlayFace&& f) { out.polygons.push_back(std::move(f.polygon)); });
  return out;
}

}  // namespace

std::vector<EditProblem> EditSession::validate(const EditCommand& command) const {
  std::vector<EditProblem> problems;
  // Only geometry changes can create problems; attribute edits of thousands of zones cost nothing.
  std::vector<const geo::FeatureChange*> reshaped;
  std::map<std::int64_t, const Feature*> after;  // the changed features as the command leaves them
  for (const auto& c : command.changes) {
    after[c.after ? c.after->id : c.before->id] = c.after ? &*c.after : nullptr;
    if (c.after && (!c.before || geo::toWkb(c.before->geometry) != geo::toWkb(c.after->geometry))) reshaped.push_back(&c);
  }
  for (const auto* c : reshaped) {
    const auto now = seriousFindings(c->after->geometry);
    const std::size_t was = c->before ? seriousFindings(c->before->geometry).size() : 0;
    if (now.size() > was)
      for (const auto& f : now) problems.push_back({c->after->id, {}, f.message, f.geometry});
  }
  if (reshaped.empty()) return problems;
  // Overlaps: each reshaped feature against the neighbours whose boxes meet it (CGAL box
  // intersection), after versus before the command.
  std::vector<const Feature*> state;  // every feature as the command leaves it
  for (const auto& [id, f] : m_features)
    if (auto it = after.find(id); it == after.end()) state.push_back(&f);
    else if (it->second) state.push_back(it->second);
  for (const auto& [id, f] : after)
    if (f && !m_features.count(id)) state.push_back(f);
  std::vector<geo::Extent> boxes, changedBoxes;
  for (const auto* f : state) boxes.push_back(geo::extentOf(f->geometry));
  for (const auto* c : reshaped) changedBoxes.push_back(geo::extentOf(c->after->geometry));
  std::set<std::pair<std::int64_t, std::int64_t>> checked;
  for (const auto& [ci, si] : geo::analysis::intersectingBoxes(changedBoxes, boxes)) {
    const auto& c = *reshaped[ci];
    const Feature& a = *c.after;
    const Feature& other = *state[si];
    if (other.id == a.id || !checked.insert(std::minmax(a.id, other.id)).second) continue;
    const double areaAfter = overlapArea(a, other);
    if (areaAfter <= 1e-6) continue;
    const Feature* otherBefore = feature(other.id);
    const double areaBefore = c.before && otherBefore ? overlapArea(*c.before, *otherBefore) : 0;
    if (areaAfter <= areaBefore + 1e-6) continue;
    char area[32];
    std::snprintf(area, sizeof area, "%.2f", areaAfter - areaBefore);
    problems.push_back({a.id, other.id,
                        "feature " + std::to_string(a.id) + " would overlap feature " + std::to_string(other.id) + " by " +
                            area + " m²",
                        overlapGeometry(a, other)});
  }
  return problems;
}

// --- Filters ---------------------------------------------------------------------------------

bool matches(const geo::Value& value, const geo::analysis::AttributeCondition& c) {
  using geo::analysis::CompareOp;
  if (std::holds_alternative<std::monostate>(value)) return c.op == CompareOp::NotEqual;
  const auto number = geo::valueToNumber(value);
  const bool numeric = !std::holds_alternative<std::string>(value) && number;
  char* end = nullptr;
  const double wanted = std::strtod(c.value.c_str(), &end);
  const bool wantedNumeric = !c.value.empty() && end && *end == '\0';
  int cmp = 0;
  if (c.op == CompareOp::Like) {
    // SQL LIKE: % any run, _ one character; case-insensitive for ASCII.
    const std::string s = geo::valueToString(value);
    std::function<bool(std::size_t, std::size_t)> like = [&](std::size_t i, std::size_t j) -> bool {
      if (j == c.value.size()) return i == s.size();
      if (c.value[j] == '%') return like(i, j + 1) || (i < s.size() && like(i + 1, j));
      if (i == s.size()) return false;
      if (c.value[j] != '_' && std::tolower(static_cast<unsigned char>(c.value[j])) != std::tolower(static_cast<unsigned char>(s[i])))
        return false;
      return like(i + 1, j + 1);
    };
    return like(0, 0);
  }
  if (numeric && wantedNumeric) cmp = *number < wanted ? -1 : *number > wanted ? 1 : 0;
  else {
    const std::string s = geo::valueToString(value);
    cmp = s < c.value ? -1 : s > c.value ? 1 : 0;
  }
  switch (c.op) {
    case CompareOp::Equal: return cmp == 0;
    case CompareOp::NotEqual: return cmp != 0;
    case CompareOp::Less: return cmp < 0;
    case CompareOp::LessEqual: return cmp <= 0;
    case CompareOp::Greater: return cmp > 0;
    case CompareOp::GreaterEqual: return cmp >= 0;
    case CompareOp::Like: return false;
  }
  return false;
}

namespace {

void skipSpace(const std::string& s, std::size_t& i) {
  while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
}

bool keyword(const std::string& s, std::size_t i, const char* word) {
  const std::size_t n = std::strlen(word);
  if (s.size() < i + n) return false;
  for (std::size_t k = 0; k < n; ++k)
    if (std::toupper(static_cast<unsigned char>(s[i + k])) != word[k]) return false;
  return s.size() == i + n || !std::isalnum(static_cast<unsigned char>(s[i + n]));
}

}  // namespace

Result<std::vector<geo::analysis::AttributeCondition>> parseWhere(const std::string& text) {
  using geo::analysis::CompareOp;
  std::vector<geo::analysis::AttributeCondition> out;
  std::size_t i = 0;
  auto bad = [&](const std::string& why) {
    return fail(ErrorCode::InvalidArgument, "cannot read --where \"" + text + "\" at character " + std::to_string(i + 1) + ": " + why);
  };
  while (true) {
    skipSpace(text, i);
    geo::analysis::AttributeCondition c;
    if (i < text.size() && text[i] == '"') {  // "quoted field"
      const auto close = text.find('"', i + 1);
      if (close == std::string::npos) return bad("unclosed field name");
      c.field = text.substr(i + 1, close - i - 1);
      i = close + 1;
    } else {
      while (i < text.size() && (std::isalnum(static_cast<unsigned char>(text[i])) || text[i] == '_' || static_cast<unsigned char>(text[i]) >= 0x80))
        c.field += text[i++];
    }
    if (c.field.empty()) return bad("expected a field name");
    skipSpace(text, i);
    static const std::pair<const char*, CompareOp> ops[] = {{"<=", CompareOp::LessEqual}, {">=", CompareOp::GreaterEqual},
                                                            {"!=", CompareOp::NotEqual},  {"<>", CompareOp::NotEqual},
                                                            {"==", CompareOp::Equal},     {"=", CompareOp::Equal},
                                                            {"<", CompareOp::Less},       {">", CompareOp::Greater}};
    bool found = false;
    for (const auto& [sym, op] : ops)
      if (text.compare(i, std::strlen(sym), sym) == 0) {
        c.op = op;
        i += std::strlen(sym);
        found = true;
        break;
      }
    if (!found && keyword(text, i, "LIKE")) {
      c.op = CompareOp::Like;
      i += 4;
      found = true;
    }
    if (!found) return bad("expected an operator (= != <> < <= > >= LIKE)");
    skipSpace(text, i);
    if (i < text.size() && (text[i] == '\'' || text[i] == '"')) {
      const char q = text[i++];
      while (true) {
        if (i >= text.size()) return bad("unclosed quoted value");
        if (text[i] == q) {
          if (i + 1 < text.size() && text[i + 1] == q) {  // '' inside a quoted value
            c.value += q;
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        c.value += text[i++];
      }
    } else {
      while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i]))) c.value += text[i++];
      char* end = nullptr;
      std::strtod(c.value.c_str(), &end);
      if (c.value.empty() || *end != '\0') return bad("a text value must be quoted, e.g. zone_id='Z12'");
    }
    out.push_back(std::move(c));
    skipSpace(text, i);
    if (i == text.size()) return out;
    if (!keyword(text, i, "AND")) return bad("expected AND or the end");
    i += 3;
  }
}

Result<std::pair<std::string, geo::Value>> parseAssignment(const std::string& text) {
  const auto eq = text.find('=');
  if (eq == std::string::npos || eq == 0)
    return fail(ErrorCode::InvalidArgument, "cannot read --set \"" + text + "\": expected FIELD=VALUE");
  std::string field = text.substr(0, eq), value = text.substr(eq + 1);
  auto trim = [](std::string s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.erase(s.begin());
    return s;
  };
  field = trim(field);
  value = trim(value);
  if (value.size() >= 2 && (value.front() == '\'' || value.front() == '"') && value.back() == value.front())
    return std::pair<std::string, geo::Value>{field, value.substr(1, value.size() - 2)};
  if (value.empty() || value == "NULL" || value == "null") return std::pair<std::string, geo::Value>{field, geo::Value{}};
  char* end = nullptr;
  const double d = std::strtod(value.c_str(), &end);
  if (*end == '\0') {
    if (value.find_first_of(".eE") == std::string::npos && std::abs(d) < 9e15)
      return std::pair<std::string, geo::Value>{field, static_cast<std::int64_t>(d)};
    return std::pair<std::string, geo::Value>{field, d};
  }
  return std::pair<std::string, geo::Value>{field, value};
}

}  // namespace dothi::app
