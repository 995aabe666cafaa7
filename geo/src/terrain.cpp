// The terrain grid and its table in the project file. One row in `dothi_terrain`: the grid's
// geometry in plain columns (readable with the sqlite3 shell) and the heights as one blob of
// little-endian float32, row-major from the north-west cell. Older DoThi builds simply ignore
// the table, so it is created on first use rather than by a schema migration.
#include "dothi/geo/terrain.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>

#include "project_impl.hpp"

namespace dothi::geo {

using detail::Statement;

Extent TerrainGrid::extent() const {
  if (empty()) return {};
  return {originX, originY - (rows - 1) * cellY, originX + (columns - 1) * cellX, originY};
}

float TerrainGrid::at(int column, int row) const {
  if (column < 0 || row < 0 || column >= columns || row >= rows) return std::numeric_limits<float>::quiet_NaN();
  return heights[std::size_t(row) * columns + column];
}

std::optional<double> TerrainGrid::heightAt(double x, double y) const {
  if (empty()) return std::nullopt;
  const double fx = (x - originX) / cellX;
  const double fy = (originY - y) / cellY;
  constexpr double kEdge = 1e-9;  // points exactly on the last row/column are inside
  if (fx < -kEdge || fy < -kEdge || fx > columns - 1 + kEdge || fy > rows - 1 + kEdge) return std::nullopt;
  const int c = std::clamp(static_cast<int>(std::floor(fx)), 0, columns - 2);
  const int r = std::clamp(static_cast<int>(std::floor(fy)), 0, rows - 2);
  const double tx = std::clamp(fx - c, 0.0, 1.0), ty = std::clamp(fy - r, 0.0, 1.0);
  const double w[4] = {(1 - tx) * (1 - ty), tx * (1 - ty), (1 - tx) * ty, tx * ty};
  const float h[4] = {at(c, r), at(c + 1, r), at(c, r + 1), at(c + 1, r + 1)};
  double sum = 0, weight = 0;
  for (int i = 0; i < 4; ++i) {
    if (std::isnan(h[i])) continue;
    sum += w[i] * h[i];
    weight += w[i];
  }
  if (weight <= 1e-12) {
    // Only no-data corners carry weight (the point sits on a no-data cell): any valid corner.
    for (float v : h)
      if (!std::isnan(v)) return v;
    return std::nullopt;
  }
  return sum / weight;
}

std::pair<float, float> TerrainGrid::range() const {
  float lo = std::numeric_limits<float>::infinity(), hi = -lo;
  for (float v : heights) {
    if (std::isnan(v)) continue;
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }
  if (lo > hi) return {0.0f, 0.0f};
  return {lo, hi};
}

double TerrainGrid::validFraction() const {
  if (heights.empty()) return 0;
  const auto valid = std::count_if(heights.begin(), heights.end(), [](float v) { return !std::isnan(v); });
  return static_cast<double>(valid) / static_cast<double>(heights.size());
}

namespace {

constexpr const char* kCreateTerrainSql = R"SQL(
CREATE TABLE IF NOT EXISTS dothi_terrain(
  id INTEGER PRIMARY KEY CHECK (id = 1),
  crs TEXT NOT NULL,
  columns INTEGER NOT NULL, rows INTEGER NOT NULL,
  origin_x REAL NOT NULL, origin_y REAL NOT NULL,   -- centre of the north-west cell
  cell_x REAL NOT NULL, cell_y REAL NOT NULL,       -- metres; rows go south
  min_z REAL, max_z REAL,
  source TEXT, source_crs TEXT,
  heights BLOB NOT NULL                             -- float32 little-endian, row-major, NaN = no data
))SQL";

std::vector<std::uint8_t> toBlob(const std::vector<float>& heights) {
  std::vector<std::uint8_t> blob(heights.size() * sizeof(float));
  if constexpr (std::endian::native == std::endian::little) {
    std::memcpy(blob.data(), heights.data(), blob.size());
  } else {
    for (std::size_t i = 0; i < heights.size(); ++i) {
      const auto bits = std::bit_cast<std::uint32_t>(heights[i]);
      for (int b = 0; b < 4; ++b) blob[i * 4 + b] = static_cast<std::uint8_t>(bits >> (8 * b));
    }
  }
  return blob;
}

std::vector<float> fromBlob(const std::uint8_t* data, std::size_t size) {
  std::vector<float> out(size / sizeof(float));
  for (std::size_t i = 0; i < out.size(); ++i) {
    std::uint32_t bits = 0;
    for (int b = 0; b < 4; ++b) bits |= std::uint32_t(data[i * 4 + b]) << (8 * b);
    out[i] = std::bit_cast<float>(bits);
  }
  return out;
}

}  // namespace

Result<std::optional<TerrainGrid>> Project::terrain() const {
  if (!detail::tableExists(*m_impl, "dothi_terrain")) return std::optional<TerrainGrid>{};
  Statement st(m_impl->db,
               "SELECT crs, columns, rows, origin_x, origin_y, cell_x, cell_y, source, source_crs, heights "
               "FROM dothi_terrain WHERE id = 1");
  if (!st.ok()) return std::unexpected(m_impl->error(ErrorCode::Storage, "cannot read the terrain"));
  const int rc = st.step();
  if (rc == SQLITE_DONE) return std::optional<TerrainGrid>{};
  if (rc != SQLITE_ROW) return std::unexpected(m_impl->error(ErrorCode::Storage, "cannot read the terrain"));
  TerrainGrid grid;
  grid.crs = st.text(0);
  grid.columns = static_cast<int>(st.int64(1));
  grid.rows = static_cast<int>(st.int64(2));
  grid.originX = st.real(3);
  grid.originY = st.real(4);
  grid.cellX = st.real(5);
  grid.cellY = st.real(6);
  grid.source = st.text(7);
  grid.sourceCrs = st.text(8);
  const auto* blob = static_cast<const std::uint8_t*>(sqlite3_column_blob(st.get(), 9));
  const auto bytes = static_cast<std::size_t>(sqlite3_column_bytes(st.get(), 9));
  if (blob != nullptr) grid.heights = fromBlob(blob, bytes);
  if (grid.empty() || grid.cellX <= 0 || grid.cellY <= 0)
    return fail(ErrorCode::Format, "the stored terrain is damaged (its size does not match its heights)", path());
  return std::optional<TerrainGrid>{std::move(grid)};
}

Result<void> Project::setTerrain(const TerrainGrid& grid) {
  if (m_impl->readOnly) return fail(ErrorCode::Io, "the project is open read-only", path());
  if (grid.empty() || !(grid.cellX > 0) || !(grid.cellY > 0))
    return fail(ErrorCode::InvalidArgument, "the terrain grid is empty or has no cell size", path());
  if (auto r = m_impl->exec(kCreateTerrainSql); !r) return r;
  const auto [lo, hi] = grid.range();
  Statement st(m_impl->db,
               "INSERT OR REPLACE INTO dothi_terrain(id, crs, columns, rows, origin_x, origin_y, cell_x, cell_y, "
               "min_z, max_z, source, source_crs, heights) VALUES(1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  st.bind(1, grid.crs).bind(2, std::int64_t{grid.columns}).bind(3, std::int64_t{grid.rows});
  st.bind(4, grid.originX).bind(5, grid.originY).bind(6, grid.cellX).bind(7, grid.cellY);
  st.bind(8, static_cast<double>(lo)).bind(9, static_cast<double>(hi)).bind(10, grid.source).bind(11, grid.sourceCrs);
  st.bindBlob(12, toBlob(grid.heights));
  if (st.step() != SQLITE_DONE) return std::unexpected(m_impl->error(ErrorCode::Storage, "cannot store the terrain"));
  notify();
  return {};
}

}  // namespace dothi::geo
