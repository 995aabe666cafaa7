#pragma once
// Shared helpers for tests: temporary directories and the real data folder.
#include <gtest/gtest.h>

#include <filesystem>
#include <random>
#include <string>

namespace dothi::test {

inline std::filesystem::path sharedData(const std::string& rel) { return std::filesystem::path(DOTHI_SHARED_DATA) / rel; }

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
