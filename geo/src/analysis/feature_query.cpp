#include "dothi/geo/analysis/feature_query.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <charconv>
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
  if (box)
    sql += " AND fid IN (SELECT pkid FROM " + quoteIdent("idx_" + info->name + "_geom") +
           " WHERE xmin <= ? AND xmax >= ? AND ymin <= ? AND ymax >= ?)";
  sql += " ORDER BY fid";
  if (q.limit >= 0 && !other) sql += " LIMIT ?";
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
  if (q.limit >= 0 && !other) st.bind(i++, q.limit);
  std::vector<std::int64_t> fids;
  int rc = 0;
  while ((rc = st.step()) == SQLITE_ROW) fids.push_back(st.int64(0));
  if (rc != SQLITE_DONE) return fail(ErrorCode::Storage, "query failed: " + st.error(), path);
  if (!other) return fids;
  auto shared = sharingArea(**project, info->name, fids, other->geometry);
  if (shared && q.limit >= 0 && static_cast<std::int64_t>(shared->size()) > q.limit) shared->resize(static_cast<std::size_t>(q.limit));
  return shared;
}

}  // namespace dothi::geo::analysis
