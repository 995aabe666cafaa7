// Feed tables in the project file; see feed_store.hpp. Created on first use with
// CREATE TABLE IF NOT EXISTS so they never collide with the project schema's migrations.
#include "dothi/geo/feed_store.hpp"

#include <sqlite3.h>

#include <filesystem>

#include "detail/sqlite.hpp"

namespace dothi::geo {

using detail::quoteIdent;
using detail::Statement;

namespace {
constexpr int kApplicationId = 0x446F5468;  // "DoTh", as in project_impl.hpp
constexpr const char* kRegistrySql = R"(
CREATE TABLE IF NOT EXISTS dothi_feeds(
  num INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  plugin TEXT NOT NULL,
  settings TEXT NOT NULL DEFAULT '{}',
  retention_ms INTEGER NOT NULL DEFAULT 0,
  health TEXT NOT NULL DEFAULT '',
  message TEXT NOT NULL DEFAULT '')
)";
constexpr const char* kColumns = "stream, key, time_ms, lon, lat, value, property, unit, category, status, attributes";
}  // namespace

struct FeedStore::Impl {
  std::string path;
  sqlite3* db = nullptr;
  ~Impl() {
    if (db) sqlite3_close_v2(db);
  }
  Error error(ErrorCode code, const std::string& what) const {
    return Error{code, what + " (" + sqlite3_errmsg(db) + ")", path, {}, {}};
  }
  Result<void> exec(const std::string& sql) const {
    char* msg = nullptr;
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &msg) != SQLITE_OK) {
      std::string m = msg ? msg : "unknown SQLite error";
      sqlite3_free(msg);
      const int rc = sqlite3_errcode(db);
      return std::unexpected(Error{rc == SQLITE_READONLY || rc == SQLITE_IOERR || rc == SQLITE_FULL ? ErrorCode::Io
                                                                                                     : ErrorCode::Storage,
                                   m, path, {}, {}});
    }
    return {};
  }
  static std::string tableFor(std::int64_t num) { return "dothi_feed_" + std::to_string(num); }
  std::optional<std::string> table(const std::string& feedId) const {
    Statement st(db, "SELECT num FROM dothi_feeds WHERE id = ?");
    st.bind(1, feedId);
    if (st.step() != SQLITE_ROW) return std::nullopt;
    return tableFor(st.int64(0));
  }
  Result<void> createTable(const std::string& t) const {
    const std::string q = quoteIdent(t);
    return exec("CREATE TABLE IF NOT EXISTS " + q +
                "(stream TEXT NOT NULL, key TEXT NOT NULL, time_ms INTEGER NOT NULL, lon REAL, lat REAL, value REAL,"
                " property TEXT, unit TEXT, category TEXT, status TEXT, attributes TEXT,"
                " received_ms INTEGER NOT NULL DEFAULT (CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)),"
                " UNIQUE(stream, time_ms, key));"
                "CREATE INDEX IF NOT EXISTS " + quoteIdent(t + "_time") + " ON " + q + "(time_ms);");
  }
  FeedInfo readInfo(Statement& st) const {
    FeedInfo f;
    f.id = st.text(0);
    f.plugin = st.text(1);
    f.settings = st.text(2);
    f.retentionMs = st.int64(3);
    f.health = st.text(4);
    f.message = st.text(5);
    f.table = tableFor(st.int64(6));
    Statement s(db, "SELECT count(*), count(DISTINCT stream), min(time_ms), max(time_ms) FROM " + quoteIdent(f.table));
    if (s.ok() && s.step() == SQLITE_ROW) {
      f.count = s.int64(0);
      f.streams = s.int64(1);
      if (!s.isNull(2)) f.firstMs = s.int64(2), f.lastMs = s.int64(3);
    }
    return f;
  }
};

FeedStore::FeedStore(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
FeedStore::~FeedStore() = default;

Result<std::unique_ptr<FeedStore>> FeedStore::open(const std::string& projectPath) {
  std::error_code ec;
  if (!std::filesystem::exists(projectPath, ec)) return fail(ErrorCode::NotFound, "no such project file", projectPath);
  auto impl = std::make_unique<Impl>();
  impl->path = projectPath;
  if (sqlite3_open_v2(projectPath.c_str(), &impl->db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    sqlite3_close_v2(impl->db);  // a read-only file can still be read (feeds listed, replayed)
    impl->db = nullptr;
    if (sqlite3_open_v2(projectPath.c_str(), &impl->db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
      return std::unexpected(impl->error(ErrorCode::Io, "cannot open the project file"));
  }
  sqlite3_busy_timeout(impl->db, 10000);
  {
    Statement st(impl->db, "PRAGMA application_id");
    if (!st.ok() || st.step() != SQLITE_ROW) return fail(ErrorCode::Format, "not a DoThi project file", projectPath);
    if (st.int64(0) != kApplicationId) return fail(ErrorCode::Format, "not a DoThi project file", projectPath);
  }
  // Nothing is written until a feed is added: opening a project never changes its file.
  return std::unique_ptr<FeedStore>(new FeedStore(std::move(impl)));
}

Result<FeedInfo> FeedStore::addFeed(const std::string& id, const std::string& plugin, const std::string& settingsJson,
                                    std::int64_t retentionMs) {
  if (id.empty()) return fail(ErrorCode::InvalidArgument, "a feed needs an id", m_impl->path);
  if (auto r = m_impl->exec(kRegistrySql); !r) return std::unexpected(r.error());
  Statement st(m_impl->db,
               "INSERT INTO dothi_feeds(id, plugin, settings, retention_ms) VALUES(?,?,?,?) "
               "ON CONFLICT(id) DO UPDATE SET plugin = excluded.plugin, settings = excluded.settings, "
               "retention_ms = excluded.retention_ms");
  st.bind(1, id).bind(2, plugin).bind(3, settingsJson.empty() ? std::string("{}") : settingsJson).bind(4, retentionMs);
  if (st.step() != SQLITE_DONE) return std::unexpected(m_impl->error(ErrorCode::Storage, "cannot register feed " + id));
  auto table = m_impl->table(id);
  if (!table) return fail(ErrorCode::Internal, "feed vanished after insert", m_impl->path);
  if (auto r = m_impl->createTable(*table); !r) return std::unexpected(r.error());
  return *feed(id);
}

Result<void> FeedStore::removeFeed(const std::string& id) {
  auto table = m_impl->table(id);
  if (!table) return fail(ErrorCode::NotFound, "no feed named " + id, m_impl->path);
  if (auto r = m_impl->exec("BEGIN IMMEDIATE"); !r) return r;
  Statement st(m_impl->db, "DELETE FROM dothi_feeds WHERE id = ?");
  st.bind(1, id);
  if (st.step() != SQLITE_DONE || !m_impl->exec("DROP TABLE IF EXISTS " + quoteIdent(*table))) {
    auto e = m_impl->error(ErrorCode::Storage, "cannot remove feed " + id);
    (void)m_impl->exec("ROLLBACK");
    return std::unexpected(e);
  }
  return m_impl->exec("COMMIT");
}

std::vector<FeedInfo> FeedStore::feeds() const {
  std::vector<FeedInfo> out;
  Statement st(m_impl->db, "SELECT id, plugin, settings, retention_ms, health, message, num FROM dothi_feeds ORDER BY id");
  while (st.step() == SQLITE_ROW) out.push_back(m_impl->readInfo(st));
  return out;
}

std::optional<FeedInfo> FeedStore::feed(const std::string& id) const {
  Statement st(m_impl->db,
               "SELECT id, plugin, settings, retention_ms, health, message, num FROM dothi_feeds WHERE id = ?");
  st.bind(1, id);
  if (st.step() != SQLITE_ROW) return std::nullopt;
  return m_impl->readInfo(st);
}

Result<std::int64_t> FeedStore::append(const std::string& feedId, const std::vector<Observation>& batch) {
  auto table = m_impl->table(feedId);
  if (!table) return fail(ErrorCode::NotFound, "no feed named " + feedId, m_impl->path);
  if (batch.empty()) return 0;
  if (auto r = m_impl->exec("BEGIN IMMEDIATE"); !r) return std::unexpected(r.error());
  Statement st(m_impl->db, "INSERT OR IGNORE INTO " + quoteIdent(*table) + "(" + kColumns +
                               ") VALUES(?,?,?,?,?,?,?,?,?,?,?)");
  std::int64_t added = 0;
  for (const auto& o : batch) {
    st.reset();
    st.bind(1, o.streamId).bind(2, o.key).bind(3, o.timeMs).bind(4, o.lon).bind(5, o.lat);
    if (o.value) st.bind(6, *o.value);
    else st.bindNull(6);
    st.bind(7, o.property).bind(8, o.unit).bind(9, o.category).bind(10, o.status);
    st.bind(11, o.attributes.empty() ? std::string("{}") : o.attributes);
    if (st.step() != SQLITE_DONE) {
      auto e = m_impl->error(ErrorCode::Storage, "cannot store observations of feed " + feedId);
      (void)m_impl->exec("ROLLBACK");
      return std::unexpected(e);
    }
    added += sqlite3_changes(m_impl->db);
  }
  if (auto r = m_impl->exec("COMMIT"); !r) {
    (void)m_impl->exec("ROLLBACK");
    return std::unexpected(r.error());
  }
  return added;
}

Result<std::int64_t> FeedStore::applyRetention(const std::string& feedId, std::int64_t nowMs) {
  auto info = feed(feedId);
  if (!info) return fail(ErrorCode::NotFound, "no feed named " + feedId, m_impl->path);
  if (info->retentionMs <= 0) return 0;
  Statement st(m_impl->db, "DELETE FROM " + quoteIdent(info->table) + " WHERE time_ms < ?");
  st.bind(1, nowMs - info->retentionMs);
  if (st.step() != SQLITE_DONE) return std::unexpected(m_impl->error(ErrorCode::Storage, "cannot apply retention"));
  return static_cast<std::int64_t>(sqlite3_changes(m_impl->db));
}

Result<void> FeedStore::setHealth(const std::string& feedId, const std::string& health, const std::string& message) {
  Statement st(m_impl->db, "UPDATE dothi_feeds SET health = ?, message = ? WHERE id = ?");
  st.bind(1, health).bind(2, message).bind(3, feedId);
  if (st.step() != SQLITE_DONE) return std::unexpected(m_impl->error(ErrorCode::Storage, "cannot store feed status"));
  return {};
}

namespace {
Observation readObservation(const Statement& st) {
  Observation o;
  o.streamId = st.text(0);
  o.key = st.text(1);
  o.timeMs = st.int64(2);
  o.lon = st.real(3);
  o.lat = st.real(4);
  if (!st.isNull(5)) o.value = st.real(5);
  o.property = st.text(6);
  o.unit = st.text(7);
  o.category = st.text(8);
  o.status = st.text(9);
  o.attributes = st.text(10);
  return o;
}
}  // namespace

Result<std::vector<Observation>> FeedStore::observations(const std::string& feedId, const ObservationQuery& q) const {
  auto table = m_impl->table(feedId);
  if (!table) return fail(ErrorCode::NotFound, "no feed named " + feedId, m_impl->path);
  std::string sql = std::string("SELECT ") + kColumns + " FROM " + quoteIdent(*table) +
                    " WHERE time_ms >= ? AND time_ms <= ?";
  if (q.streamId) sql += " AND stream = ?";
  sql += " ORDER BY time_ms, stream, key LIMIT ?";
  Statement st(m_impl->db, sql);
  st.bind(1, q.fromMs.value_or(INT64_MIN)).bind(2, q.toMs.value_or(INT64_MAX));
  int i = 3;
  if (q.streamId) st.bind(i++, *q.streamId);
  st.bind(i, q.limit);
  std::vector<Observation> out;
  while (st.step() == SQLITE_ROW) out.push_back(readObservation(st));
  if (st.rc() != SQLITE_DONE) return std::unexpected(m_impl->error(ErrorCode::Storage, "cannot read feed " + feedId));
  return out;
}

Result<std::vector<Observation>> FeedStore::latest(const std::string& feedId, std::int64_t atMs) const {
  auto table = m_impl->table(feedId);
  if (!table) return fail(ErrorCode::NotFound, "no feed named " + feedId, m_impl->path);
  const std::string t = quoteIdent(*table);
  // SQLite's bare-column rule: with max(), the other columns come from the row holding the max.
  Statement st(m_impl->db, std::string("SELECT stream, key, max(time_ms), lon, lat, value, property, unit, category, "
                                       "status, attributes FROM ") + t + " WHERE time_ms <= ? GROUP BY stream ORDER BY stream");
  st.bind(1, atMs);
  std::vector<Observation> out;
  while (st.step() == SQLITE_ROW) out.push_back(readObservation(st));
  if (st.rc() != SQLITE_DONE) return std::unexpected(m_impl->error(ErrorCode::Storage, "cannot read feed " + feedId));
  return out;
}

}  // namespace dothi::geo
