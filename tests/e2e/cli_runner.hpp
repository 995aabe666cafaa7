#pragma once
// Runs dothi-cli (or another tool) as a user would, capturing exit code, stdout and stderr.
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "../test_support.hpp"

namespace dothi::test {

struct RunResult {
  int code = -1;
  std::string out, err;
};

inline std::string shellQuote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

/// Runs `program args...` through /bin/sh with every argument quoted.
inline RunResult run(const std::string& program, const std::vector<std::string>& args) {
  static int counter = 0;
  const std::string errFile =
      (std::filesystem::temp_directory_path() / ("dothi-e2e-err-" + std::to_string(getpid()) + "-" + std::to_string(++counter))).string();
  std::string cmd = shellQuote(program);
  for (const auto& a : args) cmd += " " + shellQuote(a);
  cmd += " 2>" + shellQuote(errFile);
  RunResult r;
  FILE* pipe = popen(cmd.c_str(), "r");
  std::array<char, 4096> buf{};
  while (std::size_t n = std::fread(buf.data(), 1, buf.size(), pipe)) r.out.append(buf.data(), n);
  const int status = pclose(pipe);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream e(errFile);
  r.err.assign(std::istreambuf_iterator<char>(e), {});
  std::filesystem::remove(errFile);
  return r;
}

inline RunResult cli(const std::vector<std::string>& args) { return run(DOTHI_CLI, args); }

/// Feature count of a file's layers as `ogrinfo -so -al` reports them (summed).
inline long ogrinfoCount(const std::string& path) {
  auto r = run("ogrinfo", {"-ro", "-so", "-al", path});
  long total = 0;
  std::istringstream in(r.out);
  for (std::string line; std::getline(in, line);)
    if (line.rfind("Feature Count: ", 0) == 0) total += std::stol(line.substr(15));
  return total;
}

inline std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

}  // namespace dothi::test
