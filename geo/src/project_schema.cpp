// Schema of the project file: creation, version checks, CRS registration, layer catalogue reads.
#include <proj.h>

#include <cstring>
#include <limits>

#include "detail/proj_handle.hpp"
#include "project_impl.hpp"

namespace dothi::geo::detail {

using detail::ProjContext;
using detail::ProjObject;

namespace {
constexpr const char* kCreateSql = R"SQL(
CREATE TABLE dothi_project(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE dothi_layers(
  name TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  geometry_type TEXT NOT NULL,
  feature_count INTEGER NOT NULL DEFAULT 0,
  invalid_count INTEGER NOT NULL DEFAULT 0,
  empty_count INTEGER NOT NULL DEFAULT 0,
  min_x REAL, min_y REAL, max_x REAL, max_y REAL,
  source TEXT, source_crs TEXT,
  revision INTEGER NOT NULL DEFAULT 1,
  style TEXT NOT NULL DEFAULT '',
  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')));
CREATE TABLE dothi_issues(layer TEXT NOT NULL, fid INTEGER NOT NULL, kind TEXT NOT NULL, reason TEXT);
CREATE INDEX dothi_issues_layer ON dothi_issues(layer, fid);
)SQL";

// Schema 2: scenarios (copy on write) and the edit log.
constexpr const char* kEditsSql = R"SQL(
CREATE TABLE IF NOT EXISTS dothi_scenarios(
  name TEXT PRIMARY KEY,
  description TEXT NOT NULL DEFAULT '',
  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  modified TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')));
CREATE TABLE IF NOT EXISTS dothi_scenario_features(
  scenario TEXT NOT NULL,
  layer TEXT NOT NULL,
  fid INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  geom BLOB,
  attributes TEXT,
  PRIMARY KEY(scenario, layer, fid));
CREATE TABLE IF NOT EXISTS dothi_edit_log(
  id INTEGER PRIMARY KEY,
  time TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  user TEXT NOT NULL,
  layer TEXT NOT NULL,
  scenario TEXT NOT NULL DEFAULT '',
  fid INTEGER NOT NULL,
  action TEXT NOT NULL,
  message TEXT NOT NULL DEFAULT '',
  before_geom BLOB, after_geom BLOB,
  before_attributes TEXT, after_attributes TEXT);
CREATE INDEX IF NOT EXISTS dothi_edit_log_layer ON dothi_edit_log(layer, scenario, id);
)SQL";

ErrorCode ioOrFormat(sqlite3* db) {
  const int rc = sqlite3_errcode(db);
  return rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT ? ErrorCode::Format : ErrorCode::Io;
}
}  // namespace

Result<void> createSchema(Project::Impl& p) {
  if (auto r = p.exec("BEGIN"); !r) return r;
  // 'NONE' keeps spatial_ref_sys empty (6.5 MB otherwise); CRSs are added from PROJ as used.
  Statement init(p.db, "SELECT InitSpatialMetadata(0, 'NONE')");
  if (!init.ok() || init.step() != SQLITE_ROW || init.int64(0) != 1)
    return std::unexpected(p.error(ErrorCode::Storage, "cannot initialise SpatiaLite metadata"));
  if (auto r = p.exec(kCreateSql); !r) return r;
  if (auto r = p.exec(kEditsSql); !r) return r;
  if (auto r = p.exec("PRAGMA application_id = " + std::to_string(kApplicationId)); !r) return r;
  if (auto r = p.exec("PRAGMA user_version = " + std::to_string(kSchemaVersion)); !r) return r;
  if (auto r = p.exec("INSERT INTO dothi_project(key, value) VALUES('format', 'dothi'), ('schema', '2')"); !r)
    return r;
  return p.exec("COMMIT");
}

Result<void> checkSchema(Project::Impl& p) {
  Statement version(p.db, "PRAGMA user_version");
  if (!version.ok() || version.step() != SQLITE_ROW) {
    Error e{ioOrFormat(p.db), std::string("not a DoThi project: ") + sqlite3_errmsg(p.db), p.path, {}, {}};
    return std::unexpected(e);
  }
  const auto v = version.int64(0);
  if (!tableExists(p, "dothi_project") || !tableExists(p, "dothi_layers"))
    return fail(ErrorCode::Format, "not a DoThi project (an SQLite database without DoThi's tables)", p.path);
  if (v > kSchemaVersion)
    return fail(ErrorCode::Format,
                "project schema " + std::to_string(v) + " comes from a newer DoThi (this one reads up to " +
                    std::to_string(kSchemaVersion) + ")",
                p.path);
  // Migrations, each in its own transaction; a read-only project is read as it is (the
  // readers treat a missing table as empty).
  if (v < 2 && !p.readOnly) {
    if (auto r = p.exec("BEGIN IMMEDIATE"); !r) return r;
    if (auto r = p.exec(kEditsSql); !r) {
      (void)p.exec("ROLLBACK");
      return r;
    }
    (void)p.exec("UPDATE dothi_project SET value = '2' WHERE key = 'schema'");
    if (auto r = p.exec("PRAGMA user_version = 2"); !r) return r;
    if (auto r = p.exec("COMMIT"); !r) return r;
  }
  return {};
}

bool tableExists(const Project::Impl& p, const std::string& table) {
  Statement st(p.db, "SELECT 1 FROM sqlite_master WHERE type IN ('table','view') AND lower(name) = lower(?)");
  st.bind(1, table);
  return st.step() == SQLITE_ROW;
}

Result<int> registerSrid(Project::Impl& p, const CrsInfo& crs) {
  int srid = 0;
  std::string auth = "dothi";
  if (auto colon = crs.authCode.find(':'); colon != std::string::npos) {
    auth = crs.authCode.substr(0, colon);
    srid = std::atoi(crs.authCode.c_str() + colon + 1);
  }
  if (auth != "EPSG" || srid <= 0) srid = 900914;  // a user-defined CRS without a code
  ProjContext ctx(proj_context_create());
  ProjObject pj(ctx.get(), proj_create(ctx.get(), crs.wkt.c_str()));
  const char* proj4 = pj ? proj_as_proj_string(ctx.get(), pj.get(), PJ_PROJ_4, nullptr) : nullptr;
  const char* wkt1 = pj ? proj_as_wkt(ctx.get(), pj.get(), PJ_WKT1_GDAL, nullptr) : nullptr;
  Statement st(p.db,
               "INSERT OR REPLACE INTO spatial_ref_sys(srid, auth_name, auth_srid, ref_sys_name, proj4text, srtext) "
               "VALUES(?, ?, ?, ?, ?, ?)");
  st.bind(1, std::int64_t{srid}).bind(2, auth).bind(3, std::int64_t{srid}).bind(4, crs.name);
  st.bind(5, proj4 ? proj4 : "").bind(6, wkt1 ? wkt1 : crs.wkt);
  if (st.step() != SQLITE_DONE) return std::unexpected(p.error(ErrorCode::Storage, "cannot register the CRS"));
  return srid;
}

namespace {
Schema tableFields(const Project::Impl& p, const std::string& table) {
  Schema fields;
  Statement st(p.db, "SELECT name, type FROM pragma_table_info(?) ORDER BY cid");
  st.bind(1, table);
  while (st.step() == SQLITE_ROW) {
    const std::string name = st.text(0), type = st.text(1);
    if (name == "fid" || name == "geom") continue;
    FieldType t = FieldType::Text;
    if (type == "INTEGER") t = FieldType::Integer;
    if (type == "REAL") t = FieldType::Real;
    fields.push_back({name, t});
  }
  return fields;
}
}  // namespace

std::vector<LayerInfo> readLayers(const Project::Impl& p, const std::optional<std::string>& only) {
  std::vector<LayerInfo> out;
  Statement st(p.db,
               "SELECT name, kind, geometry_type, feature_count, invalid_count, empty_count, min_x, min_y, max_x, "
               "max_y, source, source_crs, revision, style FROM dothi_layers "
               "WHERE ?1 IS NULL OR name = ?1 ORDER BY created, rowid");
  if (only) st.bind(1, *only);
  while (st.step() == SQLITE_ROW) {
    LayerInfo l;
    l.name = st.text(0);
    l.kind = layerKindFromName(st.text(1)).value_or(LayerKind::Other);
    l.geometryType = geometryTypeFromName(st.text(2));
    l.featureCount = st.int64(3);
    l.invalidCount = st.int64(4);
    l.emptyCount = st.int64(5);
    if (!st.isNull(6)) l.extent = Extent{st.real(6), st.real(7), st.real(8), st.real(9)};
    l.source = st.text(10);
    l.sourceCrs = st.text(11);
    l.revision = st.int64(12);
    l.style = st.text(13);
    l.fields = tableFields(p, l.name);
    out.push_back(std::move(l));
  }
  return out;
}

Result<void> readFeatures(const Project::Impl& p, const LayerInfo& layer, const Query& query,
                          const std::function<bool(const Feature&)>& visit) {
  std::string sql = "SELECT fid, AsBinary(geom)";
  for (const auto& f : layer.fields) sql += ", " + quoteIdent(f.name);
  sql += " FROM " + quoteIdent(layer.name) + " WHERE 1";
  if (query.featureId) sql += " AND fid = " + std::to_string(*query.featureId);
  if (query.bbox)
    sql += " AND fid IN (SELECT pkid FROM " + quoteIdent("idx_" + layer.name + "_geom") +
           " WHERE xmin <= ?2 AND xmax >= ?1 AND ymin <= ?4 AND ymax >= ?3)";
  sql += " ORDER BY fid";
  // A scenario's own features replace the base ones with the same fid (copy on write); they
  // are merged in fid order and filtered here, since the SQL filter only sees base geometry.
  std::map<std::int64_t, std::optional<Feature>> overrides;
  if (!query.scenario.empty()) overrides = scenarioOverrides(p, query.scenario, layer);
  if (query.limit >= 0 && overrides.empty()) sql += " LIMIT " + std::to_string(query.limit);
  Statement st(p.db, sql);
  if (!st.ok()) return std::unexpected(p.error(ErrorCode::Storage, "cannot read layer '" + layer.name + "'"));
  if (query.bbox) st.bind(1, query.bbox->minX).bind(2, query.bbox->maxX).bind(3, query.bbox->minY).bind(4, query.bbox->maxY);
  auto next = overrides.begin();
  auto wanted = [&](const Feature& o) {
    if (query.featureId && o.id != *query.featureId) return false;
    if (!query.bbox) return true;
    const Extent e = extentOf(o.geometry);
    return !e.isEmpty() && e.minX <= query.bbox->maxX && e.maxX >= query.bbox->minX && e.minY <= query.bbox->maxY &&
           e.maxY >= query.bbox->minY;
  };
  std::int64_t emitted = 0;
  auto emitOverridesBefore = [&](std::int64_t fid) {
    for (; next != overrides.end() && next->first < fid; ++next) {
      if (!next->second || !wanted(*next->second)) continue;
      if (query.limit >= 0 && emitted >= query.limit) return false;
      ++emitted;
      if (!visit(*next->second)) return false;
    }
    return true;
  };
  Feature f;
  int rc;
  while ((rc = st.step()) == SQLITE_ROW) {
    f.id = st.int64(0);
    if (!overrides.empty()) {
      if (!emitOverridesBefore(f.id)) return {};
      if (next != overrides.end() && next->first == f.id) {
        const bool keep = next->second && wanted(*next->second);
        const Feature* o = keep ? &*next->second : nullptr;
        ++next;
        if (o) {
          if (query.limit >= 0 && emitted >= query.limit) return {};
          ++emitted;
          if (!visit(*o)) return {};
        }
        continue;
      }
      if (query.limit >= 0 && emitted >= query.limit) return {};
      ++emitted;
    }
    f.geometry = Geometry{};
    if (!st.isNull(1)) {
      const auto* blob = static_cast<const std::uint8_t*>(sqlite3_column_blob(st.get(), 1));
      fromWkb(blob, static_cast<std::size_t>(sqlite3_column_bytes(st.get(), 1)), f.geometry);
    }
    f.attributes.assign(layer.fields.size(), Value{});
    for (std::size_t i = 0; i < layer.fields.size(); ++i) {
      const int col = static_cast<int>(i) + 2;
      switch (sqlite3_column_type(st.get(), col)) {
        case SQLITE_INTEGER: f.attributes[i] = st.int64(col); break;
        case SQLITE_FLOAT: f.attributes[i] = st.real(col); break;
        case SQLITE_NULL: break;
        default: f.attributes[i] = st.text(col);
      }
    }
    if (!visit(f)) return {};
  }
  if (rc != SQLITE_DONE) return std::unexpected(p.error(ErrorCode::Storage, "reading layer '" + layer.name + "' failed"));
  emitOverridesBefore(std::numeric_limits<std::int64_t>::max());
  return {};
}

Result<void> dropLayer(Project::Impl& p, const std::string& name) {
  if (auto r = p.exec("SAVEPOINT drop_layer"); !r) return r;
  Statement drop(p.db, "SELECT DropGeoTable(?)");
  drop.bind(1, name);
  auto result = drop.step() == SQLITE_ROW ? Result<void>{} : std::unexpected(p.error(ErrorCode::Storage, "cannot drop layer"));
  if (result) {
    Statement a(p.db, "DELETE FROM dothi_layers WHERE name = ?");
    a.bind(1, name).step();
    Statement b(p.db, "DELETE FROM dothi_issues WHERE layer = ?");
    b.bind(1, name).step();
    if (tableExists(p, "dothi_scenario_features")) {
      Statement c(p.db, "DELETE FROM dothi_scenario_features WHERE layer = ?");
      c.bind(1, name).step();
    }
    return p.exec("RELEASE drop_layer");
  }
  (void)p.exec("ROLLBACK TO drop_layer");
  (void)p.exec("RELEASE drop_layer");
  return result;
}

}  // namespace dothi::geo::detail
