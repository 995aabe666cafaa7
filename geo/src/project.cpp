// The project file: SQLite + SpatiaLite. Layer tables are plain SpatiaLite geometry tables
// (fid INTEGER PRIMARY KEY, geom, attributes) so GDAL and QGIS read them without DoThi.
#include "dothi/geo/project.hpp"

#include <sqlite3.h>
// spatialite.h needs sqlite3.h first
#include <spatialite.h>

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "detail/sqlite.hpp"
#include "dothi/geo/crs.hpp"
#include "project_impl.hpp"

namespace dothi::geo {

using detail::quoteIdent;
using detail::Statement;


Project::Project(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Project::~Project() = default;

namespace {

Result<std::unique_ptr<Project::Impl>> openDatabase(const std::string& path, int flags) {
  auto impl = std::make_unique<Project::Impl>();
  impl->path = path;
  impl->readOnly = (flags & SQLITE_OPEN_READONLY) != 0;
  if (sqlite3_open_v2(path.c_str(), &impl->db, flags, nullptr) != SQLITE_OK) {
    auto e = impl->error(ErrorCode::Io, "cannot open the project file");
    return std::unexpected(e);
  }
  sqlite3_busy_timeout(impl->db, 5000);
  impl->spatialiteCache = spatialite_alloc_connection();
  spatialite_init_ex(impl->db, impl->spatialiteCache, 0);
  return impl;
}

}  // namespace

Result<std::unique_ptr<Project>> Project::create(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::exists(path, ec)) return fail(ErrorCode::InvalidArgument, "file already exists", path);
  auto impl = openDatabase(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  if (!impl) return std::unexpected(impl.error());
  auto created = detail::createSchema(**impl);
  if (!created) {
    (*impl).reset();
    std::filesystem::remove(path, ec);
    return std::unexpected(created.error());
  }
  return std::unique_ptr<Project>(new Project(std::move(*impl)));
}

Result<std::unique_ptr<Project>> Project::open(const std::string& path, bool readOnly) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return fail(ErrorCode::NotFound, "no such project file", path);
  auto impl = openDatabase(path, readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE);
  if (!impl) return std::unexpected(impl.error());
  if (auto checked = detail::checkSchema(**impl); !checked) return std::unexpected(checked.error());
  return std::unique_ptr<Project>(new Project(std::move(*impl)));
}

const std::string& Project::path() const { return m_impl->path; }
bool Project::readOnly() const { return m_impl->readOnly; }

std::string Project::crs() const { return metadata("crs").value_or(""); }

std::optional<std::string> Project::metadata(const std::string& key) const {
  Statement st(m_impl->db, "SELECT value FROM dothi_project WHERE key = ?");
  st.bind(1, key);
  if (st.step() != SQLITE_ROW) return std::nullopt;
  return st.text(0);
}

Result<void> Project::setMetadata(const std::string& key, const std::string& value) {
  Statement st(m_impl->db, "INSERT OR REPLACE INTO dothi_project(key, value) VALUES(?, ?)");
  st.bind(1, key).bind(2, value);
  if (st.step() != SQLITE_DONE) return std::unexpected(m_impl->error(ErrorCode::Storage, "cannot write metadata"));
  return {};
}

Result<void> Project::setCrs(const std::string& crs) {
  if (!layers().empty()) return fail(ErrorCode::InvalidArgument, "the project CRS cannot change once layers exist", path());
  auto info = describeCrs(crs);
  if (!info) return std::unexpected(info.error().withFile(path()));
  if (!info->projected)
    return fail(ErrorCode::Crs, "project CRS must be projected (metres), not '" + info->name + "'", path());
  auto srid = detail::registerSrid(*m_impl, *info);
  if (!srid) return std::unexpected(srid.error());
  if (auto r = setMetadata("crs", canonicalCrs(*info)); !r) return r;
  if (auto r = setMetadata("srid", std::to_string(*srid)); !r) return r;
  notify();
  return {};
}

std::vector<LayerInfo> Project::layers() const { return detail::readLayers(*m_impl, {}); }

std::optional<LayerInfo> Project::layer(const std::string& name) const {
  auto all = detail::readLayers(*m_impl, name);
  if (all.empty()) return std::nullopt;
  return all.front();
}

Extent Project::extent() const {
  Extent e;
  for (const auto& l : layers()) e.include(l.extent);
  return e;
}

std::string Project::uniqueLayerName(const std::string& wanted) const {
  std::string base;
  for (unsigned char c : wanted) base += std::isalnum(c) ? static_cast<char>(std::tolower(c)) : '_';
  if (base.empty() || std::isdigit(static_cast<unsigned char>(base.front()))) base = "layer_" + base;
  if (base.rfind("sqlite_", 0) == 0 || base.rfind("dothi_", 0) == 0 || base.rfind("idx_", 0) == 0) base = "l_" + base;
  std::string name = base;
  for (int i = 2; layer(name) || detail::tableExists(*m_impl, name); ++i) name = base + "_" + std::to_string(i);
  return name;
}

void Project::addChangeListener(std::function<void()> listener) { m_impl->listeners.push_back(std::move(listener)); }

void Project::notify() {
  if (m_impl->inTransaction) return;  // announced once, on commit
  for (auto& l : m_impl->listeners) l();
}

Result<std::unique_ptr<Transaction>> Project::transaction() {
  if (m_impl->inTransaction) return fail(ErrorCode::Internal, "a transaction is already open", path());
  if (auto r = m_impl->exec("BEGIN IMMEDIATE"); !r) return std::unexpected(r.error());
  m_impl->inTransaction = true;
  return std::unique_ptr<Transaction>(new Transaction(*this));
}

Result<void> Transaction::commit() {
  if (m_done) return {};
  m_done = true;
  m_project.m_impl->inTransaction = false;
  if (auto r = m_project.m_impl->exec("COMMIT"); !r) {
    (void)m_project.m_impl->exec("ROLLBACK");
    return r;
  }
  m_project.notify();
  return {};
}

Transaction::~Transaction() {
  if (m_done) return;
  m_project.m_impl->inTransaction = false;
  (void)m_project.m_impl->exec("ROLLBACK");
}

Result<void> Project::forEachFeature(const std::string& name, const Query& query,
                                     const std::function<bool(const Feature&)>& visit) const {
  auto info = layer(name);
  if (!info) return fail(ErrorCode::NotFound, "no layer named '" + name + "'", path());
  return detail::readFeatures(*m_impl, *info, query, visit);
}

Result<std::optional<Feature>> Project::feature(const std::string& name, std::int64_t id) const {
  std::optional<Feature> found;
  Query q;
  q.featureId = id;
  auto r = forEachFeature(name, q, [&](const Feature& f) {
    found = f;
    return false;
  });
  if (!r) return std::unexpected(r.error());
  return found;
}

std::vector<FeatureIssue> Project::issues(const std::string& name) const {
  std::vector<FeatureIssue> out;
  Statement st(m_impl->db, "SELECT layer, fid, kind, reason FROM dothi_issues WHERE layer = ? ORDER BY fid");
  st.bind(1, name);
  while (st.step() == SQLITE_ROW) out.push_back({st.text(0), st.int64(1), st.text(2), st.text(3)});
  return out;
}

Result<void> Project::setLayerStyle(const std::string& name, const std::string& styleJson) {
  Statement st(m_impl->db, "UPDATE dothi_layers SET style = ?, revision = revision + 1 WHERE name = ?");
  st.bind(1, styleJson).bind(2, name);
  if (st.step() != SQLITE_DONE) return std::unexpected(m_impl->error(ErrorCode::Storage, "cannot save the style"));
  if (sqlite3_changes(m_impl->db) == 0) return fail(ErrorCode::NotFound, "no layer named '" + name + "'", path());
  notify();
  return {};
}

Result<void> Project::removeLayer(const std::string& name) {
  if (!layer(name)) return fail(ErrorCode::NotFound, "no layer named '" + name + "'", path());
  auto r = detail::dropLayer(*m_impl, name);
  if (r) notify();
  return r;
}

}  // namespace dothi::geo
