// EditSession's commands: vertex edits that keep shared boundaries shared (topological editing),
// new features and holes, split and merge (exact, geo::analysis), attribute edits.
#include <algorithm>
#include <cmath>

#include "dothi/geo/analysis/overlay.hpp"
#include "edit_session.hpp"

namespace dothi::app {

using geo::ErrorCode;
using geo::Feature;
using geo::fail;
using geo::Point;
using geo::Result;
using geo::Ring;

namespace {

double dist2(const Point& a, const Point& b) { return (a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y); }
bool near(const Point& a, const Point& b) { return dist2(a, b) <= kTopologyTolerance * kTopologyTolerance; }

/// Calls f(ring) for every ring of every polygon of g.
template <class G, class F>
void forEachRing(G& g, F&& f) {
  for (auto& p : g.polygons) {
    f(p.outer);
    for (auto& h : p.holes) f(h);
  }
}


std::size_t distinctCount(const Ring& r) {
  std::size_t n = 0;
  for (std::size_t i = 0; i + 1 < r.size(); ++i)
    if (i == 0 || !near(r[i], r[i - 1])) ++n;
  return n;
}

/// Closest point to p on segment ab, and its parameter t in [0, 1].
Point project(const Point& a, const Point& b, const Point& p, double& t) {
  const double dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
  t = len2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0) : 0;
  return {a.x + t * dx, a.y + t * dy, a.z + t * (b.z - a.z)};
}

std::string fmt(const Point& p) {
  char b[64];
  std::snprintf(b, sizeof b, "(%.3f %.3f)", p.x, p.y);
  return b;
}

std::string tol(double t) {
  char b[32];
  std::snprintf(b, sizeof b, "%.3g m", t);
  return b;
}

/// Inserts `points` (sorted along a→b) into every edge a–b or b–a of the geometry's rings.
bool insertOnEdge(geo::Geometry& g, const Point& a, const Point& b, const std::vector<Point>& points) {
  bool changed = false;
  forEachRing(g, [&](Ring& r) {
    for (std::size_t i = 0; i + 1 < r.size(); ++i) {
      const bool forward = near(r[i], a) && near(r[i + 1], b);
      const bool backward = near(r[i], b) && near(r[i + 1], a);
      if (!forward && !backward) continue;
      std::vector<Point> ins = points;
      if (backward) std::reverse(ins.begin(), ins.end());
      r.insert(r.begin() + static_cast<std::ptrdiff_t>(i) + 1, ins.begin(), ins.end());
      i += ins.size();
      changed = true;
    }
  });
  return changed;
}

geo::Geometry multiPolygon(std::vector<geo::Polygon> polygons) {
  geo::Geometry g;
  g.type = geo::GeometryType::MultiPolygon;
  g.polygons = std::move(polygons);
  return g;
}

}  // namespace

Result<EditCommand> EditSession::moveVertex(const Point& from, const Point& to, double tolerance) const {
  std::optional<Point> vertex;
  double best = tolerance * tolerance;
  for (const auto& [id, f] : m_features)
    f.geometry.forEachPoint([&](const Point& p) {
      if (const double d = dist2(p, from); d <= best) {
        best = d;
        vertex = p;
      }
    });
  if (!vertex) return fail(ErrorCode::NotFound, "no vertex within " + tol(tolerance) + " of " + fmt(from));
  EditCommand cmd{"Move vertex", {}};
  for (const auto& [id, f] : m_features) {
    Feature moved = f;
    bool changed = false;
    forEachRing(moved.geometry, [&](Ring& r) {
      for (auto& p : r)
        if (near(p, *vertex)) {
          p.x = to.x;
          p.y = to.y;
          changed = true;
        }
    });
    if (changed) cmd.changes.push_back(change(id, std::move(moved), "move vertex " + fmt(*vertex) + " to " + fmt(to)));
  }
  return cmd;
}

Result<EditCommand> EditSession::insertVertex(const Point& at, double tolerance) const {
  std::optional<std::pair<Point, Point>> edge;
  Point onEdge;
  double best = tolerance * tolerance;
  for (const auto& [id, f] : m_features)
    forEachRing(f.geometry, [&](const Ring& r) {
      for (std::size_t i = 0; i + 1 < r.size(); ++i) {
        double t = 0;
        const Point q = project(r[i], r[i + 1], at, t);
        if (const double d = dist2(q, at); d <= best) {
          best = d;
          edge = {r[i], r[i + 1]};
          onEdge = q;
        }
      }
    });
  if (!edge) return fail(ErrorCode::NotFound, "no edge within " + tol(tolerance) + " of " + fmt(at));
  if (near(onEdge, edge->first) || near(onEdge, edge->second))
    return fail(ErrorCode::InvalidArgument, "a vertex is already at " + fmt(onEdge));
  EditCommand cmd{"Insert vertex", {}};
  for (const auto& [id, f] : m_features) {
    Feature changed = f;
    if (insertOnEdge(changed.geometry, edge->first, edge->second, {onEdge}))
      cmd.changes.push_back(change(id, std::move(changed), "insert vertex " + fmt(onEdge)));
  }
  return cmd;
}

Result<EditCommand> EditSession::deleteVertex(const Point& at, double tolerance) const {
  std::optional<Point> vertex;
  double best = tolerance * tolerance;
  for (const auto& [id, f] : m_features)
    f.geometry.forEachPoint([&](const Point& p) {
      if (const double d = dist2(p, at); d <= best) {
        best = d;
        vertex = p;
      }
    });
  if (!vertex) return fail(ErrorCode::NotFound, "no vertex within " + tol(tolerance) + " of " + fmt(at));
  EditCommand cmd{"Delete vertex", {}};
  for (const auto& [id, f] : m_features) {
    Feature changed = f;
    bool any = false, tooSmall = false;
    forEachRing(changed.geometry, [&](Ring& r) {
      const auto before = r.size();
      std::erase_if(r, [&](const Point& p) { return near(p, *vertex); });
      if (r.size() == before) return;
      any = true;
      if (!r.empty() && !(r.front().x == r.back().x && r.front().y == r.back().y)) r.push_back(r.front());
      if (distinctCount(r) < 3) tooSmall = true;
    });
    if (tooSmall)
      return fail(ErrorCode::Geometry, "feature " + std::to_string(id) + " would keep fewer than 3 vertices");
    if (any) cmd.changes.push_back(change(id, std::move(changed), "delete vertex " + fmt(*vertex)));
  }
  return cmd;
}

Result<EditCommand> EditSession::addFeature(const geo::Polygon& polygon, std::vector<geo::Value> attributes) const {
  geo::Polygon p = polygon;
  auto close = [](Ring& r) {
    if (!r.empty() && !(r.front().x == r.back().x && r.front().y == r.back().y)) r.push_back(r.front());
  };
  close(p.outer);
  for (auto& h : p.holes) close(h);
  if (distinctCount(p.outer) < 3) return fail(ErrorCode::Geometry, "a zone needs at least 3 vertices");
  Feature f;
  f.id = newId();
  f.geometry = multiPolygon({p});
  attributes.resize(m_layer.fields.size());
  f.attributes = std::move(attributes);
  EditCommand cmd{"Add feature " + std::to_string(f.id), {}};
  cmd.changes.push_back(change(f.id, std::move(f), "add"));
  return cmd;
}

Result<EditCommand> EditSession::addHole(std::int64_t id, const Ring& hole) const {
  const Feature* f = feature(id);
  if (!f) return fail(ErrorCode::NotFound, "no feature " + std::to_string(id) + " in layer '" + m_layer.name + "'");
  Ring h = hole;
  if (!h.empty() && !(h.front().x == h.back().x && h.front().y == h.back().y)) h.push_back(h.front());
  if (distinctCount(h) < 3) return fail(ErrorCode::Geometry, "a hole needs at least 3 vertices");
  Feature changed = *f;
  auto part = std::find_if(changed.geometry.polygons.begin(), changed.geometry.polygons.end(),
                           [&](const geo::Polygon& p) { return geo::contains(geo::Polygon{p.outer, {}}, h.front()); });
  if (part == changed.geometry.polygons.end())
    return fail(ErrorCode::Geometry, "the hole is not inside feature " + std::to_string(id));
  // Holes turn the other way from their shell.
  if ((geo::signedRingArea(h) > 0) == (geo::signedRingArea(part->outer) > 0)) std::reverse(h.begin(), h.end());
  part->holes.push_back(std::move(h));
  EditCommand cmd{"Add hole to " + std::to_string(id), {}};
  cmd.changes.push_back(change(id, std::move(changed), "add hole"));
  return cmd;
}

Result<EditCommand> EditSession::deleteFeatures(const std::vector<std::int64_t>& ids) const {
  EditCommand cmd{ids.size() == 1 ? "Delete feature " + std::to_string(ids.front())
                                  : "Delete " + std::to_string(ids.size()) + " features",
                  {}};
  for (auto id : ids) {
    if (!feature(id)) return fail(ErrorCode::NotFound, "no feature " + std::to_string(id) + " in layer '" + m_layer.name + "'");
    cmd.changes.push_back(change(id, std::nullopt, "delete"));
  }
  if (cmd.changes.empty()) return fail(ErrorCode::InvalidArgument, "nothing selected to delete");
  return cmd;
}

Result<EditCommand> EditSession::splitFeature(std::int64_t id, const std::vector<Point>& line) const {
  const Feature* f = feature(id);
  if (!f) return fail(ErrorCode::NotFound, "no feature " + std::to_string(id) + " in layer '" + m_layer.name + "'");
  if (line.size() < 2) return fail(ErrorCode::InvalidArgument, "a split line needs at least 2 points");
  std::vector<geo::Polygon> kept, pieces;
  for (const auto& part : f->geometry.polygons) {
    auto cut = geo::analysis::splitPolygon(part, line);
    if (!cut) return std::unexpected(cut.error());
    if (cut->size() >= 2) pieces.insert(pieces.end(), cut->begin(), cut->end());
    else kept.push_back(part);
  }
  if (pieces.empty())
    return fail(ErrorCode::Geometry, "the line does not cut feature " + std::to_string(id) + " in two (it must cross it)");
  std::sort(pieces.begin(), pieces.end(), [](const geo::Polygon& a, const geo::Polygon& b) {
    return geo::area(multiPolygon({a})) > geo::area(multiPolygon({b}));
  });
  EditCommand cmd{"Split feature " + std::to_string(id), {}};
  Feature first = *f;
  kept.insert(kept.begin(), pieces.front());
  first.geometry = multiPolygon(kept);
  cmd.changes.push_back(change(id, first, "split"));
  for (std::size_t i = 1; i < pieces.size(); ++i) {
    Feature piece = *f;
    piece.id = newId();
    piece.geometry = multiPolygon({pieces[i]});
    cmd.changes.push_back(change(piece.id, std::move(piece), "split from " + std::to_string(id)));
  }
  // Topology: a new vertex on an edge of the old boundary goes into the neighbours sharing it.
  std::vector<Point> fresh;
  for (const auto& p : pieces)
    multiPolygon({p}).forEachPoint([&](const Point& v) {
      bool old = false;
      f->geometry.forEachPoint([&](const Point& o) { old = old || near(o, v); });
      if (!old && std::none_of(fresh.begin(), fresh.end(), [&](const Point& q) { return near(q, v); })) fresh.push_back(v);
    });
  std::map<std::int64_t, Feature> neighbours;
  forEachRing(f->geometry, [&](const Ring& r) {
    for (std::size_t i = 0; i + 1 < r.size(); ++i) {
      std::vector<std::pair<double, Point>> on;
      for (const auto& v : fresh) {
        double t = 0;
        const Point q = project(r[i], r[i + 1], v, t);
        if (t > 0 && t < 1 && near(q, v)) on.push_back({t, v});
      }
      if (on.empty()) continue;
      std::sort(on.begin(), on.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
      std::vector<Point> pts;
      for (const auto& [t, v] : on) pts.push_back(v);
      for (const auto& [nid, n] : m_features) {
        if (nid == id) continue;
        auto it = neighbours.find(nid);
        Feature copy = it != neighbours.end() ? it->second : n;
        if (insertOnEdge(copy.geometry, r[i], r[i + 1], pts)) neighbours[nid] = std::move(copy);
      }
    }
  });
  for (auto& [nid, n] : neighbours) cmd.changes.push_back(change(nid, std::move(n), "vertex from split of " + std::to_string(id)));
  return cmd;
}

Result<EditCommand> EditSession::mergeFeatures(const std::vector<std::int64_t>& ids) const {
  if (ids.size() < 2) return fail(ErrorCode::InvalidArgument, "select at least two features to merge");
  std::vector<const geo::Polygon*> parts;
  for (auto id : ids) {
    const Feature* f = feature(id);
    if (!f) return fail(ErrorCode::NotFound, "no feature " + std::to_string(id) + " in layer '" + m_layer.name + "'");
    for (const auto& p : f->geometry.polygons) parts.push_back(&p);
  }
  auto merged = geo::analysis::unionPolygons(parts);
  if (!merged) return std::unexpected(merged.error());
  if (merged->size() != 1)
    return fail(ErrorCode::Geometry, "the features do not form one connected area (they share no edge): merging would give " +
                                         std::to_string(merged->size()) + " separate parts");
  std::string list;
  for (auto id : ids) list += (list.empty() ? "" : ", ") + std::to_string(id);
  EditCommand cmd{"Merge " + list, {}};
  Feature target = *feature(ids.front());
  target.geometry = multiPolygon(std::move(*merged));
  cmd.changes.push_back(change(ids.front(), std::move(target), "merge " + list));
  for (std::size_t i = 1; i < ids.size(); ++i)
    cmd.changes.push_back(change(ids[i], std::nullopt, "merged into " + std::to_string(ids.front())));
  return cmd;
}

namespace {
Result<geo::Value> convert(const geo::Value& v, const geo::Field& field) {
  if (std::holds_alternative<std::monostate>(v)) return v;
  switch (field.type) {
    case geo::FieldType::Text: return geo::Value{geo::valueToString(v)};
    case geo::FieldType::Real:
      if (auto n = geo::valueToNumber(v)) return geo::Value{*n};
      break;
    case geo::FieldType::Integer:
      if (auto n = geo::valueToNumber(v); n && std::floor(*n) == *n) return geo::Value{static_cast<std::int64_t>(*n)};
      break;
  }
  return fail(ErrorCode::InvalidArgument, "'" + geo::valueToString(v) + "' is not a " + geo::fieldTypeName(field.type) +
                                              " value for field '" + field.name + "'");
}
}  // namespace

Result<EditCommand> EditSession::setAttributes(const std::vector<std::int64_t>& ids,
                                               const std::vector<std::pair<std::string, geo::Value>>& values) const {
  std::vector<std::pair<std::size_t, geo::Value>> columns;
  std::string what;
  for (const auto& [name, v] : values) {
    auto i = geo::fieldIndex(m_layer.fields, name);
    if (!i) return fail(ErrorCode::InvalidArgument, "layer '" + m_layer.name + "' has no field '" + name + "'");
    auto converted = convert(v, m_layer.fields[*i]);
    if (!converted) return std::unexpected(converted.error());
    columns.push_back({*i, *converted});
    what += (what.empty() ? "" : ", ") + m_layer.fields[*i].name + "=" + geo::valueToString(*converted);
  }
  EditCommand cmd{"Set " + what, {}};
  for (auto id : ids) {
    const Feature* f = feature(id);
    if (!f) return fail(ErrorCode::NotFound, "no feature " + std::to_string(id) + " in layer '" + m_layer.name + "'");
    Feature changed = *f;
    changed.attributes.resize(m_layer.fields.size());
    for (const auto& [i, v] : columns) changed.attributes[i] = v;
    if (changed.attributes != f->attributes) cmd.changes.push_back(change(id, std::move(changed), "set " + what));
  }
  return cmd;
}

Result<EditCommand> EditSession::copyAttributes(std::int64_t from, const std::vector<std::int64_t>& ids,
                                                const std::vector<std::string>& fields) const {
  const Feature* source = feature(from);
  if (!source) return fail(ErrorCode::NotFound, "no feature " + std::to_string(from) + " in layer '" + m_layer.name + "'");
  std::vector<std::pair<std::string, geo::Value>> values;
  for (std::size_t i = 0; i < m_layer.fields.size(); ++i) {
    const auto& name = m_layer.fields[i].name;
    if (!fields.empty() && std::find(fields.begin(), fields.end(), name) == fields.end()) continue;
    values.push_back({name, i < source->attributes.size() ? source->attributes[i] : geo::Value{}});
  }
  std::vector<std::int64_t> targets;
  for (auto id : ids)
    if (id != from) targets.push_back(id);
  auto cmd = setAttributes(targets, values);
  if (cmd) cmd->text = "Copy attributes of " + std::to_string(from);
  return cmd;
}

}  // namespace dothi::app
