// Writing a new layer: one SAVEPOINT from beginLayer() to commit(), so a failed or cancelled
// import leaves every table as it was.
#include <algorithm>
#include <cctype>
#include <set>

#include "project_impl.hpp"

namespace dothi::geo {

using detail::quoteIdent;
using detail::Statement;

struct LayerWriter::Impl {
  Project* project = nullptr;
  Project::Impl* p = nullptr;
  LayerInfo info;
  std::string savepoint;
  std::unique_ptr<Statement> insert;
  std::unique_ptr<Statement> insertAutoId;
  std::unique_ptr<Statement> insertIssue;
  bool finished = false;
};

namespace {

const char* columnType(FieldType t) {
  switch (t) {
    case FieldType::Integer: return "INTEGER";
    case FieldType::Real: return "REAL";
    case FieldType::Text: return "TEXT";
  }
  return "TEXT";
}

const char* spatialiteType(GeometryType t) {
  switch (multiTypeOf(t)) {
    case GeometryType::MultiPoint: return "MULTIPOINT";
    case GeometryType::MultiLineString: return "MULTILINESTRING";
    case GeometryType::MultiPolygon: return "MULTIPOLYGON";
    default: return "GEOMETRY";
  }
}

/// Column names must be unique (case-insensitively) and not collide with fid/geom.
Schema uniqueFields(const Schema& in) {
  Schema out;
  std::set<std::string> used = {"fid", "geom"};
  for (const auto& f : in) {
    std::string base = f.name.empty() ? "field" : f.name;
    std::string name = base;
    auto lower = [](std::string s) {
      std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
      return s;
    };
    for (int i = 1; used.count(lower(name)); ++i) name = base + "_" + std::to_string(i);
    used.insert(lower(name));
    out.push_back({name, f.type});
  }
  return out;
}

std::string insertSql(const LayerInfo& info, int srid, bool withFid) {
  std::string cols = "geom", vals = "GeomFromWKB(?2, " + std::to_string(srid) + ")";
  if (withFid) {
    cols = "fid, " + cols;
    vals = "?1, " + vals;
  }
  for (std::size_t i = 0; i < info.fields.size(); ++i) {
    cols += ", " + quoteIdent(info.fields[i].name);
    vals += ", ?" + std::to_string(i + 3);
  }
  return "INSERT INTO " + quoteIdent(info.name) + "(" + cols + ") VALUES(" + vals + ")";
}

Result<void> createTable(Project::Impl& p, const LayerInfo& info, int srid) {
  std::string sql = "CREATE TABLE " + quoteIdent(info.name) + "(fid INTEGER PRIMARY KEY";
  for (const auto& f : info.fields) sql += ", " + quoteIdent(f.name) + " " + columnType(f.type);
  if (auto r = p.exec(sql + ")"); !r) return r;
  Statement add(p.db, "SELECT AddGeometryColumn(?, 'geom', ?, ?, 'XY')");
  add.bind(1, info.name).bind(2, std::int64_t{srid}).bind(3, spatialiteType(info.geometryType));
  if (add.step() != SQLITE_ROW || add.int64(0) != 1)
    return std::unexpected(p.error(ErrorCode::Storage, "cannot add the geometry column of '" + info.name + "'"));
  return {};
}

}  // namespace

Result<std::unique_ptr<LayerWriter>> Project::beginLayer(const LayerInfo& spec) {
  if (readOnly()) return fail(ErrorCode::Io, "the project is open read-only", path());
  const int srid = m_impl->srid();
  if (srid == 0) return fail(ErrorCode::InvalidArgument, "the project has no CRS yet", path());
  if (spec.name.empty() || layer(spec.name) || detail::tableExists(*m_impl, spec.name))
    return fail(ErrorCode::InvalidArgument, "layer name '" + spec.name + "' is empty or already used", path());
  auto impl = std::make_unique<LayerWriter::Impl>();
  impl->project = this;
  impl->p = m_impl.get();
  impl->info = spec;
  impl->info.fields = uniqueFields(spec.fields);
  impl->info.geometryType = multiTypeOf(spec.geometryType);
  impl->info.featureCount = impl->info.invalidCount = impl->info.emptyCount = 0;
  impl->info.extent = Extent{};
  impl->savepoint = "layer_" + spec.name;
  if (auto r = m_impl->exec("SAVEPOINT " + quoteIdent(impl->savepoint)); !r) return std::unexpected(r.error());
  std::unique_ptr<LayerWriter> writer(new LayerWriter(std::move(impl)));
  auto& w = *writer->m_impl;
  if (auto r = createTable(*m_impl, w.info, srid); !r) return std::unexpected(r.error());
  w.insert = std::make_unique<Statement>(m_impl->db, insertSql(w.info, srid, true));
  w.insertAutoId = std::make_unique<Statement>(m_impl->db, insertSql(w.info, srid, false));
  w.insertIssue = std::make_unique<Statement>(m_impl->db, "INSERT INTO dothi_issues(layer, fid, kind, reason) VALUES(?, ?, ?, ?)");
  if (!w.insert->ok() || !w.insertIssue->ok())
    return std::unexpected(m_impl->error(ErrorCode::Storage, "cannot prepare writing '" + spec.name + "'"));
  return writer;
}

LayerWriter::LayerWriter(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

LayerWriter::~LayerWriter() {
  if (m_impl->finished) return;
  m_impl->insert.reset();
  m_impl->insertAutoId.reset();
  m_impl->insertIssue.reset();
  const std::string sp = quoteIdent(m_impl->savepoint);
  (void)m_impl->p->exec("ROLLBACK TO " + sp);
  (void)m_impl->p->exec("RELEASE " + sp);
}

std::int64_t LayerWriter::count() const { return m_impl->info.featureCount; }

namespace {
void bindAttributes(Statement& st, const Feature& f, std::size_t fieldCount) {
  for (std::size_t i = 0; i < fieldCount; ++i) {
    const int col = static_cast<int>(i) + 3;
    const Value v = i < f.attributes.size() ? f.attributes[i] : Value{};
    if (const auto* n = std::get_if<std::int64_t>(&v)) st.bind(col, *n);
    else if (const auto* d = std::get_if<double>(&v)) st.bind(col, *d);
    else if (const auto* s = std::get_if<std::string>(&v)) st.bind(col, *s);
    else st.bindNull(col);
  }
}

Result<void> recordIssue(LayerWriter::Impl& w, std::int64_t fid, const std::string& kind, const std::string& reason) {
  auto& st = *w.insertIssue;
  st.reset();
  st.bind(1, w.info.name).bind(2, fid).bind(3, kind).bind(4, reason);
  if (st.step() != SQLITE_DONE) return std::unexpected(w.p->error(ErrorCode::Storage, "cannot record a feature issue"));
  return {};
}
}  // namespace

Result<void> LayerWriter::add(const Feature& feature, const std::optional<FeatureIssue>& issue) {
  auto& w = *m_impl;
  Geometry g = feature.geometry;
  g.hasZ = false;  // layers store XY; heights live in attributes
  std::optional<FeatureIssue> problem = issue;
  const auto column = w.info.geometryType;
  if (!g.isEmpty() && column != GeometryType::None) {
    if (dimensionOf(g.type) != dimensionOf(column))
      problem = FeatureIssue{w.info.name, feature.id, "type",
                             std::string(geometryTypeName(g.type)) + " in a " + geometryTypeName(column) + " layer"};
    else g.type = column;
  }
  const bool storeGeometry = !g.isEmpty() && !(problem && problem->kind == "type");
  auto bindAll = [&](Statement& st) {
    st.reset();
    if (storeGeometry) st.bindBlob(2, toWkb(g));
    else st.bindNull(2);
    bindAttributes(st, feature, w.info.fields.size());
  };
  bindAll(*w.insert);
  w.insert->bind(1, feature.id);
  std::int64_t fid = feature.id;
  int rc = w.insert->step();
  if (rc == SQLITE_CONSTRAINT) {  // duplicate source FID: keep the feature under a new id
    bindAll(*w.insertAutoId);
    rc = w.insertAutoId->step();
    fid = sqlite3_last_insert_rowid(w.p->db);
    if (!problem) problem = FeatureIssue{w.info.name, fid, "duplicate-id", "source id " + std::to_string(feature.id) + " repeated"};
  }
  if (rc != SQLITE_DONE) {
    Error e = w.p->error(ErrorCode::Storage, "cannot store the feature");
    e.layer = w.info.name;
    e.featureId = feature.id;
    return std::unexpected(e);
  }
  ++w.info.featureCount;
  if (!storeGeometry) ++w.info.emptyCount;
  else w.info.extent.include(extentOf(g));
  if (problem) {
    if (problem->kind == "invalid") ++w.info.invalidCount;
    return recordIssue(w, fid, problem->kind, problem->reason);
  }
  if (!storeGeometry) return recordIssue(w, fid, "empty", "no geometry");
  return {};
}

Result<LayerInfo> LayerWriter::commit() {
  auto& w = *m_impl;
  Statement index(w.p->db, "SELECT CreateSpatialIndex(?, 'geom')");
  index.bind(1, w.info.name);
  if (index.step() != SQLITE_ROW) return std::unexpected(w.p->error(ErrorCode::Storage, "cannot build the spatial index"));
  Statement st(w.p->db,
               "INSERT INTO dothi_layers(name, kind, geometry_type, feature_count, invalid_count, empty_count, "
               "min_x, min_y, max_x, max_y, source, source_crs, style) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)");
  const auto& i = w.info;
  st.bind(1, i.name).bind(2, layerKindName(i.kind)).bind(3, geometryTypeName(i.geometryType));
  st.bind(4, i.featureCount).bind(5, i.invalidCount).bind(6, i.emptyCount);
  if (i.extent.isEmpty()) st.bindNull(7).bindNull(8).bindNull(9).bindNull(10);
  else st.bind(7, i.extent.minX).bind(8, i.extent.minY).bind(9, i.extent.maxX).bind(10, i.extent.maxY);
  st.bind(11, i.source).bind(12, i.sourceCrs).bind(13, i.style);
  if (st.step() != SQLITE_DONE) return std::unexpected(w.p->error(ErrorCode::Storage, "cannot register the layer"));
  w.insert.reset();
  w.insertAutoId.reset();
  w.insertIssue.reset();
  if (auto r = w.p->exec("RELEASE " + quoteIdent(w.savepoint)); !r) return std::unexpected(r.error());
  w.finished = true;
  w.project->notify();
  auto stored = w.project->layer(i.name);
  if (!stored) return fail(ErrorCode::Internal, "layer vanished after commit", w.project->path());
  return *stored;
}

}  // namespace dothi::geo
