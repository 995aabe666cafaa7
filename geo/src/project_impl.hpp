#pragma once
// Internals of Project shared by project.cpp, project_schema.cpp and layer_writer.cpp.
#include <sqlite3.h>
// spatialite.h needs sqlite3.h first
#include <spatialite.h>

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "detail/sqlite.hpp"
#include "dothi/geo/crs.hpp"
#include "dothi/geo/project.hpp"

namespace dothi::geo {

struct Project::Impl {
  std::string path;
  bool readOnly = false;
  sqlite3* db = nullptr;
  void* spatialiteCache = nullptr;
  bool inTransaction = false;
  std::vector<std::function<void()>> listeners;

  ~Impl() {
    if (db) sqlite3_close_v2(db);
    if (spatialiteCache) spatialite_cleanup_ex(spatialiteCache);
  }
  Error error(ErrorCode code, const std::string& what) const {
    Error e{code, what + (db ? std::string(" (") + sqlite3_errmsg(db) + ")" : std::string{}), path, {}, {}};
    return e;
  }
  Result<void> exec(const std::string& sql) const {
    char* msg = nullptr;
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &msg) != SQLITE_OK) {
      std::string m = msg ? msg : "unknown SQLite error";
      sqlite3_free(msg);
      const int rc = sqlite3_errcode(db);
      const ErrorCode code = rc == SQLITE_READONLY || rc == SQLITE_CANTOPEN || rc == SQLITE_IOERR || rc == SQLITE_FULL
                                 ? ErrorCode::Io
                                 : ErrorCode::Storage;
      return std::unexpected(Error{code, m, path, {}, {}});
    }
    return {};
  }
  int srid() const {
    detail::Statement st(db, "SELECT value FROM dothi_project WHERE key = 'srid'");
    return st.step() == SQLITE_ROW ? static_cast<int>(st.int64(0)) : 0;
  }
};

namespace detail {

inline constexpr int kSchemaVersion = 2;
inline constexpr int kApplicationId = 0x446F5468;  // "DoTh"

Result<void> createSchema(Project::Impl& p);
Result<void> checkSchema(Project::Impl& p);
/// Makes the CRS known to spatial_ref_sys (from PROJ) and returns its SRID.
Result<int> registerSrid(Project::Impl& p, const CrsInfo& crs);
/// All layers, or the one named `only`.
std::vector<LayerInfo> readLayers(const Project::Impl& p, const std::optional<std::string>& only);
bool tableExists(const Project::Impl& p, const std::string& table);
Result<void> readFeatures(const Project::Impl& p, const LayerInfo& layer, const Query& query,
                          const std::function<bool(const Feature&)>& visit);
Result<void> dropLayer(Project::Impl& p, const std::string& name);
/// Attributes as a JSON object {field: value} and back (project_edits.cpp).
std::string attributesToJson(const Schema& fields, const std::vector<Value>& values);
std::vector<Value> attributesFromJson(const Schema& fields, const std::string& json);
/// A scenario's rows for one layer, by fid (project_edits.cpp).
std::map<std::int64_t, std::optional<Feature>> scenarioOverrides(const Project::Impl& p, const std::string& scenario,
                                                                 const LayerInfo& layer);

}  // namespace detail
}  // namespace dothi::geo
