#include "dothi/geo/analysis/feature_query.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <memory>

#include "detail/sqlite.hpp"
#include "dothi/geo/analysis/overlay.hpp"
#include "dothi/geo/project.hpp"

namespace dothi::geo::analysis {

namespace {

using detail::quoteIdent;
using detail::Statement;

struct DbCloser {
  void operator()(sqlite3* db) const { sqlite3_close(db); }
};

const char* sqlOp(CompareOp op) {
  switch (op) {
    case CompareOp::Equal: return "=";
    case CompareOp::NotEqual: return "<>";
    case CompareOp::Less: return "<";
    case CompareOp::LessEqual: return "<=";
    case CompareOp::Greater: return ">";
    case CompareOp::GreaterEqual: return ">=";
    case CompareOp::Like: return "LIKE";
  }
  return "=";
}

std::optional<double> number(const std::string& s) {
  double v = 0;
  const auto* end = s.data() + s.size();
  auto [p, ec] = std::from_chars(s.data(), end, v);
  return ec == std::errc() && p == end ? std::optional<double>(v) : std::nullopt;
}

std::string trimmed(const std::string& s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

std::vector<std::pair<Point, Point>> segments(const Geometry& g) {
  std::vector<std::pair<Point, Point>> out;
  auto add = [&](const std::vector<Point>& path) {
    for (std::size_t i = 0; i + 1 < path.size(); ++i) out.emplace_back(path[i], path[i + 1]);
  };
  for (const auto& l : g.lines) add(l.points);
  for (const auto& p : g.polygons) {
    add(p.outer);
    for (const auto& h : p.holes) add(h);
  }
  return out;
}

double cross(const Point& o, const Point& a, const Point& b) { return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x); }

bool onSegment(const Point& a, const Point& b, const Point& p) {
  return std::min(a.x, b.x) <= p.x && p.x <= std::max(a.x, b.x) && std::min(a.y, b.y) <= p.y && p.y <= std::max(a.y, b.y);
}

bool segmentsMeet(const std::pair<Point, Point>& s, const std::pair<Point, Point>& t) {
  const double d1 = cross(t.first, t.second, s.first), d2 = cross(t.first, t.second, s.second);
  const double d3 = cross(s.first, s.second, t.first), d4 = cross(s.first, s.second, t.second);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  return (d1 == 0 && onSegment(t.first, t.second, s.first)) || (d2 == 0 && onSegment(t.first, t.second, s.second)) ||
         (d3 == 0 && onSegment(s.first, s.second, t.first)) || (d4 == 0 && onSegment(s.first, s.second, t.second));
}

/// Keeps the candidates at most `distance` from `other`, reading each candidate once.
Result<std::vector<std::int64_t>> within(const Project& project, const std::string& layer,
                                         const std::vector<std::int64_t>& candidates, const Geometry& other,
                                         double distance) {
  std::vector<std::int64_t> out;
  Extent e = extentOf(other);
  Query q;
  q.bbox = Extent{e.minX - distance, e.minY - distance, e.maxX + distance, e.maxY + distance};
  auto read = project.forEachFeature(layer, q, [&](const Feature& f) {
    if (std::binary_search(candidates.begin(), candidates.end(), f.id) && geometryDistance(f.geometry, other) <= distance)
      out.push_back(f.id);
    return true;
  });
  if (!read) return std::unexpected(read.error());
  std::sort(out.begin(), out.end());
  return out;
}

/// Keeps the candidates that share area with `other` (exact overlay).
Result<std::vector<std::int64_t>> sharingArea(const Project& project, const std::string& layer,
                                              const std::vector<std::int64_t>& candidates, const Geometry& other) {
  std::vector<Geometry> geometries;
  std::vector<std::int64_t> ids;
  Query q;
  q.bbox = extentOf(other);
  auto read = project.forEachFeature(layer, q, [&](const Feature& f) {
    if (std::binary_search(candidates.begin(), candidates.end(), f.id)) {
      geometries.push_back(f.geometry);
      ids.push_back(f.id);
    }
    return true;
  });
  if (!read) return std::unexpected(read.error());
  std::vector<const Geometry*> a;
  for (const auto& g : geometries) a.push_back(&g);
  auto areas = intersectionAreas(a, {&other});
  if (!areas) return std::unexpected(areas.error());
  std::vector<std::int64_t> out;
  for (const auto& [ij, area] : *areas)
    if (area > 0) out.push_back(ids[ij.first]);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

double geometryDistance(const Geometry& a, const Geometry& b) {
  const auto sa = segments(a), sb = segments(b);
  for (const auto& s : sa)
    for (const auto& t : sb)
      if (segmentsMeet(s, t)) return 0;
  // Apart (or one inside the other): the shortest distance runs from a vertex of one of them.
  double d = std::numeric_limits<double>::infinity();
  auto fromVertices = [&](const Geometry& g, const Geometry& to) {
    for (const auto& p : g.points) d = std::min(d, distanceTo(to, p));
    for (const auto& s : segments(g)) d = std::min(d, distanceTo(to, s.first));
    for (const auto& l : g.lines)  // the last vertex of an open path starts no segment
      if (!l.points.empty()) d = std::min(d, distanceTo(to, l.points.back()));
  };
  fromVertices(a, b);
  fromVertices(b, a);
  return d;
}

std::optional<AttributeCondition> parseCondition(const std::string& text) {
  // Longest operators first, so ">=" is not read as ">".
  static constexpr std::array<std::pair<const char*, CompareOp>, 8> kOps = {{{">=", CompareOp::GreaterEqual},
                                                                           {"<=", CompareOp::LessEqual},
                                                                           {"!=", CompareOp::NotEqual},
                                                                           {"<>", CompareOp::NotEqual},
                                                                           {"=", CompareOp::Equal},
                                                                           {"<", CompareOp::Less},
                                                                           {">", CompareOp::Greater},
                                                                           {"~", CompareOp::Like}}};
  std::size_t best = std::string::npos;
  std::pair<const char*, CompareOp> op{nullptr, CompareOp::Equal};
  for (const auto& candidate : kOps) {
    const auto at = text.find(candidate.first);
    if (at != std::string::npos && (at < best || (at == best && std::string(candidate.first).size() > 1))) {
      best = at;
      op = candidate;
    }
  }
  if (!op.first || best == 0) return std::nullopt;
  AttributeCondition c{trimmed(text.substr(0, best)), op.second, trimmed(text.substr(best + std::string(op.first).size()))};
  if (c.field.empty()) return std::nullopt;
  return c;
}

Result<std::vector<std::int64_t>> queryFeatures(const std::string& path, const FeatureQuery& q) {
  auto project = Project::open(path, true);
  if (!project) return std::unexpected(project.error());
  auto info = (*project)->layer(q.layer);
  if (!info) return fail(ErrorCode::NotFound, "no layer named '" + q.layer + "'", path);
  sqlite3* raw = nullptr;
  if (sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(raw);
    return fail(ErrorCode::Io, "cannot open the project for reading", path);
  }
  std::unique_ptr<sqlite3, DbCloser> db(raw);
  std::string sql = "SELECT fid FROM " + quoteIdent(info->name) + " WHERE 1";
  for (const auto& c : q.conditions) {
    auto index = fieldIndex(info->fields, c.field);
    if (!index) return fail(ErrorCode::NotFound, "layer '" + q.layer + "' has no field '" + c.field + "'", path);
    sql += " AND " + quoteIdent(info->fields[*index].name) + " " + sqlOp(c.op) + " ?";
  }
  std::optional<Extent> box = q.bbox;
  std::optional<Feature> other;
  if (q.intersects) {
    auto f = (*project)->feature(q.intersects->first, q.intersects->second);
    if (!f) return std::unexpected(f.error());
    if (!*f)
      return fail(ErrorCode::NotFound, "layer '" + q.intersects->first + "' has no feature " + std::to_string(q.intersects->second), path);
    other = std::move(**f);
    const Extent e = extentOf(other->geometry);
    if (box) box = Extent{std::max(box->minX, e.minX), std::max(box->minY, e.minY), std::min(box->maxX, e.maxX), std::min(box->maxY, e.maxY)};
    else box = e;
  }
  std::optional<Feature> nearFeature;
  if (q.near) {
    if (!(q.distance >= 0)) return fail(ErrorCode::InvalidArgument, "the distance must be 0 or more metres", path);
    auto f = (*project)->feature(q.near->first, q.near->second);
    if (!f) return std::unexpected(f.error());
    if (!*f) return fail(ErrorCode::NotFound, "layer '" + q.near->first + "' has no feature " + std::to_string(q.near->second), path);
    nearFeature = std::move(**f);
    const Extent n = extentOf(nearFeature->geometry);
    const Extent e{n.minX - q.distance, n.minY - q.distance, n.maxX + q.distance, n.maxY + q.distance};
    if (box) box = Extent{std::max(box->minX, e.minX), std::max(box->minY, e.minY), std::min(box->maxX, e.maxX), std::min(box->maxY, e.maxY)};
    else box = e;
  }
  if (box)
    sql += " AND fid IN (SELECT pkid FROM " + quoteIdent("idx_" + info->name + "_geom") +
           " WHERE xmin <= ? AND xmax >= ? AND ymin <= ? AND ymax >= ?)";
  sql += " ORDER BY fid";
  const bool exact = other || nearFeature;  // the limit applies after the exact test
  if (q.limit >= 0 && !exact) sql += " LIMIT ?";
  Statement st(db.get(), sql);
  if (!st.ok()) return fail(ErrorCode::Storage, "query refused: " + st.error(), path);
  int i = 1;
  for (const auto& c : q.conditions) {
    const auto index = *fieldIndex(info->fields, c.field);
    const bool numeric = info->fields[index].type != FieldType::Text && c.op != CompareOp::Like;
    if (auto n = number(c.value); numeric && n) st.bind(i++, *n);
    else st.bind(i++, c.value);
  }
  if (box) {
    for (double v : {box->maxX, box->minX, box->maxY, box->minY}) st.bind(i++, v);
  }
  if (q.limit >= 0 && !exact) st.bind(i++, q.limit);
  std::vector<std::int64_t> fids;
  int rc = 0;
  while ((rc = st.step()) == SQLITE_ROW) fids.push_back(st.int64(0));
  if (rc != SQLITE_DONE) return fail(ErrorCode::Storage, "query failed: " + st.error(), path);
  if (nearFeature) {
    auto near = within(**project, info->name, fids, nearFeature->geometry, q.distance);
    if (!near) return near;
    fids = std::move(*near);
  }
  if (!other) {
    if (q.limit >= 0 && static_cast<std::int64_t>(fids.size()) > q.limit) fids.resize(static_cast<std::size_t>(q.limit));
    return fids;
  }
  auto shared = sharingArea(**project, info->name, fids, other->geometry);
  if (shared && q.limit >= 0 && static_cast<std::int64_t>(shared->size()) > q.limit) shared->resize(static_cast<std::size_t>(q.limit));
  return shared;
}

}  // namespace dothi::geo::analysis
