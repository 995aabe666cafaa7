#pragma once
// RAII wrappers for SQLite statements: prepared, bound parameters, always finalised.
#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <vector>

namespace dothi::geo::detail {

class Statement {
 public:
  Statement(sqlite3* db, const std::string& sql) : m_db(db) {
    m_rc = sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size()), &m_stmt, nullptr);
  }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement() { sqlite3_finalize(m_stmt); }

  [[nodiscard]] bool ok() const { return m_rc == SQLITE_OK && m_stmt; }
  [[nodiscard]] std::string error() const { return sqlite3_errmsg(m_db); }
  sqlite3_stmt* get() const { return m_stmt; }

  Statement& bind(int i, std::int64_t v) { return check(sqlite3_bind_int64(m_stmt, i, v)); }
  Statement& bind(int i, double v) { return check(sqlite3_bind_double(m_stmt, i, v)); }
  Statement& bind(int i, const std::string& v) {
    return check(sqlite3_bind_text(m_stmt, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT));
  }
  Statement& bind(int i, const char* v) { return bind(i, std::string(v)); }
  Statement& bindBlob(int i, const std::vector<std::uint8_t>& v) {
    return check(sqlite3_bind_blob(m_stmt, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT));
  }
  Statement& bindNull(int i) { return check(sqlite3_bind_null(m_stmt, i)); }

  /// SQLITE_ROW, SQLITE_DONE or an error code.
  int step() { return m_rc = sqlite3_step(m_stmt); }
  void reset() {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
  }
  [[nodiscard]] int rc() const { return m_rc; }

  std::int64_t int64(int col) const { return sqlite3_column_int64(m_stmt, col); }
  double real(int col) const { return sqlite3_column_double(m_stmt, col); }
  bool isNull(int col) const { return sqlite3_column_type(m_stmt, col) == SQLITE_NULL; }
  std::string text(int col) const {
    const auto* t = sqlite3_column_text(m_stmt, col);
    return t ? std::string(reinterpret_cast<const char*>(t), sqlite3_column_bytes(m_stmt, col)) : std::string{};
  }

 private:
  Statement& check(int rc) {
    if (rc != SQLITE_OK) m_rc = rc;
    return *this;
  }
  sqlite3* m_db;
  sqlite3_stmt* m_stmt = nullptr;
  int m_rc = SQLITE_OK;
};

/// Double-quoted SQL identifier.
inline std::string quoteIdent(const std::string& name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace dothi::geo::detail
