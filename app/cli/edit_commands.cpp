// `dothi-cli edit`, `scenario list|create|delete|rename|diff|promote` and `editlog`: the zoning
// editor's actions, scripted. Each edit is checked like in the GUI (refused when it would
// create a self-intersection or an overlap, unless --allow-invalid) and saved in one transaction.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli_command.hpp"
#include "commands.hpp"
#include "core/edit_session.hpp"
#include "core/geometry_text.hpp"
#include "core/scenario_diff.hpp"
#include "core/zoning_rules.hpp"

namespace dothi::cli {

namespace {

using nlohmann::json;

struct EditArgs {
  std::string project, layer, scenario, where, moveVertex, to, insertVertex, deleteVertex, split, add, addHole, user, message;
  std::optional<std::int64_t> copyFrom;
  std::vector<std::string> set, holes;
  std::vector<std::int64_t> ids;
  double tolerance = 0.5;
  bool merge = false, remove = false, allowInvalid = false, dryRun = false, json = false, progress = false;
};

geo::Error invalid(const std::string& m) { return {geo::ErrorCode::InvalidArgument, m, {}, {}, {}}; }

/// "x y, x y, ..." (commas or semicolons between points) in the project CRS.
geo::Result<std::vector<geo::Point>> parsePoints(const std::string& text, const char* what) {
  std::vector<geo::Point> out;
  std::string t = text;
  for (char& c : t)
    if (c == ';') c = ',';
  std::stringstream ss(t);
  std::string item;
  while (std::getline(ss, item, ',')) {
    std::istringstream ps(item);
    geo::Point p;
    if (!(ps >> p.x >> p.y)) return std::unexpected(invalid(std::string("cannot read ") + what + " \"" + text + "\": expected \"X Y, X Y, ...\" in the project CRS"));
    out.push_back(p);
  }
  if (out.empty()) return std::unexpected(invalid(std::string(what) + " is empty"));
  return out;
}

json problemsJson(const std::vector<app::EditProblem>& problems) {
  json out = json::array();
  for (const auto& p : problems) {
    json j = {{"feature", p.featureId}, {"message", p.message}, {"geometry", app::geometryToGeoJson(p.where)}};
    if (p.otherId) j["other_feature"] = *p.otherId;
    out.push_back(j);
  }
  return out;
}

/// Builds the one command the arguments ask for.
geo::Result<app::EditCommand> buildCommand(app::EditSession& s, const EditArgs& a, std::vector<std::int64_t>& selection) {
  const int actions = !a.set.empty() + a.merge + a.remove + !a.moveVertex.empty() + !a.insertVertex.empty() +
                      !a.deleteVertex.empty() + !a.split.empty() + !a.add.empty() + !a.addHole.empty() +
                      a.copyFrom.has_value();
  if (actions != 1)
    return std::unexpected(invalid("give exactly one edit: --set, --merge, --delete, --move-vertex, --insert-vertex, "
                                   "--delete-vertex, --split, --add, --add-hole or --copy-from"));
  if (!a.where.empty()) {
    auto where = app::parseWhere(a.where);
    if (!where) return std::unexpected(where.error());
    auto found = s.select(*where);
    if (!found) return std::unexpected(found.error());
    selection = *found;
  }
  for (auto id : a.ids) selection.push_back(id);
  auto needSelection = [&]() -> geo::Result<void> {
    if (selection.empty())
      return std::unexpected(invalid(a.where.empty() ? "select features with --where or --ids" : "no feature matches --where \"" + a.where + "\""));
    return {};
  };
  if (!a.set.empty()) {
    if (auto r = needSelection(); !r) return std::unexpected(r.error());
    std::vector<std::pair<std::string, geo::Value>> values;
    auto classes = app::landUseCodes();
    for (const auto& text : a.set) {
      auto v = app::parseAssignment(text);
      if (!v) return std::unexpected(v.error());
      if (auto ok = app::checkZoningValue(v->first, v->second, classes ? &*classes : nullptr); !ok) return std::unexpected(ok.error());
      values.push_back(*v);
    }
    return s.setAttributes(selection, values);
  }
  if (a.merge) {
    if (auto r = needSelection(); !r) return std::unexpected(r.error());
    return s.mergeFeatures(selection);
  }
  if (a.remove) {
    if (auto r = needSelection(); !r) return std::unexpected(r.error());
    return s.deleteFeatures(selection);
  }
  if (!a.moveVertex.empty()) {
    auto from = parsePoints(a.moveVertex, "--move-vertex");
    auto to = parsePoints(a.to, "--to");
    if (!from) return std::unexpected(from.error());
    if (!to) return std::unexpected(to.error());
    return s.moveVertex(from->front(), to->front(), a.tolerance);
  }
  if (!a.insertVertex.empty()) {
    auto at = parsePoints(a.insertVertex, "--insert-vertex");
    if (!at) return std::unexpected(at.error());
    return s.insertVertex(at->front(), a.tolerance);
  }
  if (!a.deleteVertex.empty()) {
    auto at = parsePoints(a.deleteVertex, "--delete-vertex");
    if (!at) return std::unexpected(at.error());
    return s.deleteVertex(at->front(), a.tolerance);
  }
  if (!a.split.empty()) {
    if (selection.size() != 1) return std::unexpected(invalid("--split needs exactly one feature (--ids or --where)"));
    auto line = parsePoints(a.split, "--split");
    if (!line) return std::unexpected(line.error());
    return s.splitFeature(selection.front(), *line);
  }
  if (a.copyFrom) {
    if (auto r = needSelection(); !r) return std::unexpected(r.error());
    std::vector<std::string> fields;
    for (const auto& f : app::zoningFields()) fields.push_back(f.name);  // the rules, never the ids
    return s.copyAttributes(*a.copyFrom, selection, fields);
  }
  if (!a.addHole.empty()) {
    if (selection.size() != 1) return std::unexpected(invalid("--add-hole needs exactly one feature (--ids or --where)"));
    auto hole = parsePoints(a.addHole, "--add-hole");
    if (!hole) return std::unexpected(hole.error());
    return s.addHole(selection.front(), *hole);
  }
  auto shell = parsePoints(a.add, "--add");
  if (!shell) return std::unexpected(shell.error());
  geo::Polygon polygon{*shell, {}};
  for (const auto& h : a.holes) {
    auto hole = parsePoints(h, "--hole");
    if (!hole) return std::unexpected(hole.error());
    polygon.holes.push_back(*hole);
  }
  return s.addFeature(polygon);
}

int runEdit(const EditArgs& a) {
  auto project = geo::Project::open(a.project);
  if (!project) return reportError(project.error());
  auto info = (*project)->layer(a.layer);
  if (!info) return reportError({geo::ErrorCode::NotFound, "no layer named '" + a.layer + "'", a.project, {}, {}});
  if (info->kind == geo::LayerKind::Zoning && !a.dryRun)
    if (auto r = app::ensureZoningFields(**project, a.layer); !r) return reportError(r.error());
  auto session = app::EditSession::open(**project, a.layer, a.scenario);
  if (!session) return reportError(session.error());
  std::vector<std::int64_t> selection;
  auto command = buildCommand(**session, a, selection);
  if (!command) return reportError(command.error().withFile(a.project));
  const auto problems = (*session)->validate(*command);
  if (!problems.empty() && !a.allowInvalid) {
    if (a.json) std::cout << json{{"saved", 0}, {"refused", true}, {"problems", problemsJson(problems)}}.dump(2) << "\n";
    for (const auto& p : problems) std::cerr << "dothi-cli: refused: " << p.message << "\n";
    return reportError({geo::ErrorCode::Geometry,
                        "the edit was refused (" + std::to_string(problems.size()) +
                            " problem(s)); nothing was saved. Use --allow-invalid to save it anyway",
                        a.project, a.layer, {}});
  }
  (*session)->apply(*command);
  const auto changes = (*session)->pendingChanges();
  std::int64_t saved = 0;
  if (!a.dryRun) {
    if (a.progress) std::cerr << "saving " << changes.size() << " change(s)\n" << std::flush;
    auto r = (*session)->save({a.user, a.message}, [&](std::int64_t done, std::int64_t total) {
      if (a.progress) std::cerr << "saved " << done << "/" << total << "\n" << std::flush;
    });
    if (!r) return reportError(r.error());
    saved = *r;
  }
  if (a.json) {
    json list = json::array();
    for (const auto& c : changes)
      list.push_back({{"feature", c.after ? c.after->id : c.before->id},
                      {"change", !c.before ? "added" : !c.after ? "removed" : "changed"},
                      {"action", c.action}});
    std::cout << json{{"layer", a.layer},
                      {"scenario", a.scenario.empty() ? "base" : a.scenario},
                      {"edit", command->text},
                      {"selected", selection.size()},
                      {"changed", changes.size()},
                      {"saved", saved},
                      {"dry_run", a.dryRun},
                      {"problems", problemsJson(problems)},
                      {"features", list}}
                     .dump(2)
              << "\n";
  } else {
    std::cout << command->text << ": " << changes.size() << " feature(s) changed in layer '" << a.layer << "' ("
              << (a.scenario.empty() ? "base plan" : "scenario '" + a.scenario + "'") << ")"
              << (a.dryRun ? ", not saved (--dry-run)" : ", saved") << "\n";
    for (const auto& p : problems) std::cout << "  warning: " << p.message << "\n";
  }
  return 0;
}

// --- scenario ---------------------------------------------------------------------------------

struct ScenarioArgs {
  std::string project, name, from, newName, description, other, layer, key, user;
  bool json = false;
};

int runScenarioList(const ScenarioArgs& a) {
  auto project = geo::Project::open(a.project, true);
  if (!project) return reportError(project.error());
  const auto all = (*project)->scenarios();
  if (a.json) {
    json list = json::array();
    for (const auto& s : all)
      list.push_back({{"name", s.name}, {"description", s.description}, {"created", s.created}, {"modified", s.modified}, {"changed_features", s.changes}});
    std::cout << json{{"project", a.project}, {"scenarios", list}}.dump(2) << "\n";
    return 0;
  }
  std::cout << "base (the plan itself)\n";
  for (const auto& s : all)
    std::cout << s.name << "  " << s.changes << " changed feature(s), modified " << s.modified
              << (s.description.empty() ? "" : "  — " + s.description) << "\n";
  return 0;
}

int runScenarioChange(const ScenarioArgs& a, const std::string& what) {
  auto project = geo::Project::open(a.project);
  if (!project) return reportError(project.error());
  auto& p = **project;
  geo::Result<void> r;
  std::int64_t promoted = 0;
  if (what == "create") r = p.createScenario(a.name, a.description, a.from);
  else if (what == "delete") r = p.deleteScenario(a.name);
  else if (what == "rename") r = p.renameScenario(a.name, a.newName);
  else {
    auto n = p.promoteScenario(a.name, {a.user, "promote scenario '" + a.name + "'"});
    if (!n) r = std::unexpected(n.error());
    else promoted = *n;
  }
  if (!r) return reportError(r.error());
  if (a.json) {
    json j = {{"scenario", a.name}, {"action", what}};
    if (what == "promote") j["changed_features"] = promoted;
    std::cout << j.dump(2) << "\n";
  } else if (what == "create") std::cout << "Created scenario '" << a.name << "'" << (a.from.empty() ? "" : " from '" + a.from + "'") << "\n";
  else if (what == "delete") std::cout << "Deleted scenario '" << a.name << "'\n";
  else if (what == "rename") std::cout << "Renamed scenario '" << a.name << "' to '" << a.newName << "'\n";
  else std::cout << "Promoted scenario '" << a.name << "' to the base plan: " << promoted << " feature(s) changed\n";
  return 0;
}

int runScenarioDiff(const ScenarioArgs& a) {
  auto project = geo::Project::open(a.project, true);
  if (!project) return reportError(project.error());
  auto diff = app::diffScenarios(**project, a.name, a.other, a.layer, a.key);
  if (!diff) return reportError(diff.error());
  if (a.json) {
    json list = json::array();
    for (const auto& d : *diff) {
      json attrs = json::array();
      for (const auto& x : d.attributes) attrs.push_back({{"field", x.field}, {"before", x.before}, {"after", x.after}});
      list.push_back({{"layer", d.layer}, {"fid", d.featureId}, {"id", d.key}, {"change", d.kind},
                      {"geometry_changed", d.geometryChanged}, {"area_before_m2", d.areaBefore},
                      {"area_after_m2", d.areaAfter}, {"attributes", attrs}, {"summary", d.describe()}});
    }
    std::cout << json{{"from", a.name}, {"to", a.other}, {"changed", diff->size()}, {"features", list}}.dump(2) << "\n";
    return 0;
  }
  for (const auto& d : *diff) std::cout << d.layer << " " << d.key << " (fid " << d.featureId << "): " << d.describe() << "\n";
  std::cout << diff->size() << " feature(s) differ between " << a.name << " and " << a.other << "\n";
  return 0;
}

// --- editlog ----------------------------------------------------------------------------------

struct LogArgs {
  std::string project, layer, scenario = "*", csv, geojson;
  bool json = false;
};

int runEditLog(const LogArgs& a) {
  auto project = geo::Project::open(a.project, true);
  if (!project) return reportError(project.error());
  auto log = (*project)->editLog(a.layer, a.scenario == "base" ? "" : a.scenario);
  if (!log) return reportError(log.error());
  auto entryJson = [](const geo::EditLogEntry& e) {
    return json{{"id", e.id}, {"time", e.time}, {"user", e.user}, {"layer", e.layer},
                {"scenario", e.scenario.empty() ? "base" : e.scenario}, {"fid", e.featureId}, {"action", e.action},
                {"message", e.message},
                {"before_attributes", e.beforeAttributes.empty() ? json() : json::parse(e.beforeAttributes, nullptr, false)},
                {"after_attributes", e.afterAttributes.empty() ? json() : json::parse(e.afterAttributes, nullptr, false)},
                {"before_wkt", e.beforeGeometry ? app::geometryToWkt(*e.beforeGeometry) : ""},
                {"after_wkt", e.afterGeometry ? app::geometryToWkt(*e.afterGeometry) : ""}};
  };
  if (!a.csv.empty()) {
    std::ofstream out(a.csv);
    if (!out) return reportError({geo::ErrorCode::Io, "cannot write the edit log", a.csv, {}, {}});
    out << "id,time,user,layer,scenario,fid,action,message,before_attributes,after_attributes,before_wkt,after_wkt\n";
    for (const auto& e : *log)
      out << e.id << "," << e.time << "," << app::csvField(e.user) << "," << app::csvField(e.layer) << ","
          << app::csvField(e.scenario.empty() ? "base" : e.scenario) << "," << e.featureId << "," << app::csvField(e.action)
          << "," << app::csvField(e.message) << "," << app::csvField(e.beforeAttributes) << ","
          << app::csvField(e.afterAttributes) << ","
          << app::csvField(e.beforeGeometry ? app::geometryToWkt(*e.beforeGeometry) : "") << ","
          << app::csvField(e.afterGeometry ? app::geometryToWkt(*e.afterGeometry) : "") << "\n";
  }
  if (!a.geojson.empty()) {
    std::ofstream out(a.geojson);
    if (!out) return reportError({geo::ErrorCode::Io, "cannot write the edit log", a.geojson, {}, {}});
    json features = json::array();
    for (const auto& e : *log) {
      json props = entryJson(e);
      props.erase("after_wkt");
      features.push_back({{"type", "Feature"},
                          {"geometry", e.afterGeometry ? app::geometryToGeoJson(*e.afterGeometry)
                                                       : e.beforeGeometry ? app::geometryToGeoJson(*e.beforeGeometry) : json()},
                          {"properties", props}});
    }
    out << json{{"type", "FeatureCollection"}, {"features", features}}.dump() << "\n";
  }
  if (a.json) {
    json list = json::array();
    for (const auto& e : *log) list.push_back(entryJson(e));
    std::cout << json{{"project", a.project}, {"entries", list}}.dump(2) << "\n";
  } else {
    for (const auto& e : *log)
      std::cout << e.time << "  " << e.user << "  " << e.layer << (e.scenario.empty() ? "" : " [" + e.scenario + "]") << "  fid "
                << e.featureId << "  " << e.action << "\n";
    std::cout << log->size() << " edit(s)\n";
  }
  return 0;
}

}  // namespace

void addEditCommands(CLI::App& app, CommandList& commands) {
  auto a = std::make_shared<EditArgs>();
  auto* c = app.add_subcommand("edit", "Edit a polygon layer (zoning): attributes, vertices, split, merge, add, delete");
  c->add_option("project", a->project)->required();
  c->add_option("--layer", a->layer, "Layer to edit")->required();
  c->add_option("--scenario", a->scenario, "Edit this scenario instead of the base plan");
  c->add_option("--where", a->where, "Select features: \"zone_id='Z12'\", \"max_height >= 30 AND zoning_class = 'ODT'\"");
  c->add_option("--ids", a->ids, "Select features by fid")->delimiter(',');
  c->add_option("--set", a->set, "Set a field of the selection: max_height=45 (repeatable)");
  c->add_flag("--merge", a->merge, "Merge the selected (adjacent) features into the first");
  c->add_flag("--delete", a->remove, "Delete the selected features");
  c->add_option("--move-vertex", a->moveVertex, "Move the vertex at \"X Y\" (and the same vertex of neighbours) --to \"X Y\"");
  c->add_option("--to", a->to, "Where --move-vertex moves the vertex");
  c->add_option("--insert-vertex", a->insertVertex, "Insert a vertex on the edge at \"X Y\" (into every feature sharing it)");
  c->add_option("--delete-vertex", a->deleteVertex, "Delete the vertex at \"X Y\" (from every feature sharing it)");
  c->add_option("--split", a->split, "Split the selected feature along the line \"X Y, X Y, ...\"");
  c->add_option("--add", a->add, "Add a feature with this shell \"X Y, X Y, ...\"");
  c->add_option("--hole", a->holes, "A hole of the feature --add makes (repeatable)");
  c->add_option("--add-hole", a->addHole, "Add a hole \"X Y, X Y, ...\" to the selected feature");
  c->add_option("--copy-from", a->copyFrom, "Copy the zoning rules (not the ids) of this fid onto the selection");
  c->add_option("--tolerance", a->tolerance, "Search distance for vertices and edges, metres")->capture_default_str();
  c->add_flag("--allow-invalid", a->allowInvalid, "Save even if the edit creates an overlap or a self-intersection");
  c->add_flag("--dry-run", a->dryRun, "Check and report, save nothing");
  c->add_option("--user", a->user, "Name for the edit log (default: the login name)");
  c->add_option("--message", a->message, "Note for the edit log");
  c->add_flag("--progress", a->progress, "Report saving progress on stderr");
  c->add_flag("--json", a->json, "Print the result as JSON");
  commands.push_back({c, [a] { return runEdit(*a); }});

  auto s = std::make_shared<ScenarioArgs>();
  auto* sc = app.add_subcommand("scenario", "Scenarios of the plan: list, create, delete, rename, diff, promote");
  sc->require_subcommand(1);
  auto* list = sc->add_subcommand("list", "List the scenarios");
  list->add_option("project", s->project)->required();
  list->add_flag("--json", s->json, "Print as JSON");
  auto* create = sc->add_subcommand("create", "Create a scenario (a copy of the base plan, or --from another)");
  create->add_option("project", s->project)->required();
  create->add_option("name", s->name)->required();
  create->add_option("--from", s->from, "Start from this scenario's changes");
  create->add_option("--description", s->description, "What the scenario is about");
  create->add_flag("--json", s->json, "Print as JSON");
  auto* del = sc->add_subcommand("delete", "Delete a scenario (the base plan is not touched)");
  del->add_option("project", s->project)->required();
  del->add_option("name", s->name)->required();
  del->add_flag("--json", s->json, "Print as JSON");
  auto* ren = sc->add_subcommand("rename", "Rename a scenario");
  ren->add_option("project", s->project)->required();
  ren->add_option("name", s->name)->required();
  ren->add_option("new_name", s->newName)->required();
  ren->add_flag("--json", s->json, "Print as JSON");
  auto* diff = sc->add_subcommand("diff", "Which features differ between two versions (base or scenarios), and how");
  diff->add_option("project", s->project)->required();
  diff->add_option("from", s->name, "base or a scenario")->required();
  diff->add_option("to", s->other, "base or a scenario")->required();
  diff->add_option("--layer", s->layer, "Only this layer");
  diff->add_option("--key", s->key, "Id field to show (default: zone_id, id, code, name...)");
  diff->add_flag("--json", s->json, "Print as JSON");
  auto* promote = sc->add_subcommand("promote", "Make a scenario's changes the base plan (then remove the scenario)");
  promote->add_option("project", s->project)->required();
  promote->add_option("name", s->name)->required();
  promote->add_option("--user", s->user, "Name for the edit log");
  promote->add_flag("--json", s->json, "Print as JSON");
  commands.push_back({sc, [s, list, create, del, ren, diff] {
                        if (list->parsed()) return runScenarioList(*s);
                        if (diff->parsed()) return runScenarioDiff(*s);
                        return runScenarioChange(*s, create->parsed() ? "create" : del->parsed() ? "delete" : ren->parsed() ? "rename" : "promote");
                      }});

  auto l = std::make_shared<LogArgs>();
  auto* lc = app.add_subcommand("editlog", "The edit log: who changed what, when, before and after");
  lc->add_option("project", l->project)->required();
  lc->add_option("--layer", l->layer, "Only this layer");
  lc->add_option("--scenario", l->scenario, "Only this scenario (base for the base plan)");
  lc->add_option("--csv", l->csv, "Export to a CSV file (geometries as WKT)");
  lc->add_option("--geojson", l->geojson, "Export to a GeoJSON file (one feature per edit, the geometry after)");
  lc->add_flag("--json", l->json, "Print as JSON");
  commands.push_back({lc, [l] { return runEditLog(*l); }});
}

}  // namespace dothi::cli
