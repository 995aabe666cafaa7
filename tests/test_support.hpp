#pragma once
// Shared helpers for tests: temporary directories and the real data folder.
#include <gtest/gtest.h>

#include <filesystem>
#include <random>
#include <string>

namespace dothi::test {

/// A file of ../shared/data; where that is missing, the copy bundled in data/ (Monaco) if any.
inline std::filesystem::path sharedData(const std::string& rel) {
  const auto shared = std::filesystem::path(DOTHI_SHARED_DATA) / rel;
  if (std::filesystem::exists(shared)) return shared;
  const auto bundled = std::filesystem::path(DOTHI_SOURCE_DIR) / "data" / shared.filename();
  return std::filesystem::exists(bundled) ? bundled : shared;
}

/// Skips the test when a real data file is not available.
#define DOTHI_REQUIRE_DATA(rel)                                                              \
  do {                                                                                       \
    if (!std::filesystem::exists(::dothi::test::sharedData(rel)))                            \
      GTEST_SKIP() << "missing test data " << ::dothi::test::sharedData(rel);                \
  } while (0)

/// A fresh directory removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    m_path = std::filesystem::temp_directory_path() / ("dothi-test-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(m_path);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
  }
  [[nodiscard]] std::filesystem::path path() const { return m_path; }
  [[nodiscard]] std::string file(const std::string& name) const { return (m_path / name).string(); }

 private:
  std::filesystem::path m_path;
};

}  // namespace dothi::test
