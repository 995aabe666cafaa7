#pragma once
// A real HTTP server on 127.0.0.1 for the feed tests: tests/data/feeds/feed_server.py (python3),
// started as a child process, killed and started again on the same port to play a server that
// goes away and comes back. Control calls go over HTTP with libcurl.
#include <curl/curl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace dothi::test {

class FeedTestServer {
 public:
  /// extraArgs: e.g. {"--page-size", "2"}. The state file lives in `dir`.
  FeedTestServer(std::filesystem::path dir, std::vector<std::string> extraArgs)
      : m_dir(std::move(dir)), m_args(std::move(extraArgs)) {
    std::filesystem::create_directories(m_dir);
    std::filesystem::remove(m_dir / "state.json");
    start();
  }
  ~FeedTestServer() { kill(); }
  FeedTestServer(const FeedTestServer&) = delete;
  FeedTestServer& operator=(const FeedTestServer&) = delete;

  [[nodiscard]] int port() const { return m_port; }
  [[nodiscard]] std::string url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(m_port) + path;
  }
  [[nodiscard]] bool running() const { return m_pid > 0; }

  /// Starts the server (on the previous port if there was one); false if it did not come up.
  bool start() {
    int out[2];
    if (pipe(out) != 0) return false;
    std::vector<std::string> args = {"python3", std::string(DOTHI_SOURCE_DIR) + "/tests/data/feeds/feed_server.py",
                                     "--state", (m_dir / "state.json").string(), "--port", std::to_string(m_port)};
    args.insert(args.end(), m_args.begin(), m_args.end());
    m_pid = fork();
    if (m_pid == 0) {
      dup2(out[1], 1);
      close(out[0]);
      std::vector<char*> argv;
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      execvp("python3", argv.data());
      _exit(127);
    }
    close(out[1]);
    FILE* f = fdopen(out[0], "r");
    char line[64] = {};
    int port = 0;
    // allow_reuse_address (SO_REUSEADDR) lets the script bind the same port again at once.
    if (f && std::fgets(line, sizeof line, f) && std::sscanf(line, "PORT %d", &port) == 1) m_port = port;
    if (f) std::fclose(f);
    if (port == 0) {
      kill();
      return false;
    }
    return true;
  }
  /// The server goes away at once (SIGKILL: connections in flight are cut).
  void kill() {
    if (m_pid <= 0) return;
    ::kill(m_pid, SIGKILL);
    waitpid(m_pid, nullptr, 0);
    m_pid = -1;
  }

  /// POST JSON to a control endpoint; true on HTTP 200.
  bool control(const std::string& path, const nlohmann::json& body) const {
    return request(url(path), body.dump()).first == 200;
  }
  /// GET; {status, body}.
  [[nodiscard]] std::pair<long, std::string> get(const std::string& path) const { return request(url(path), {}); }

 private:
  static std::size_t onData(char* d, std::size_t s, std::size_t n, void* u) {
    static_cast<std::string*>(u)->append(d, s * n);
    return s * n;
  }
  static std::pair<long, std::string> request(const std::string& u, const std::string& post) {
    CURL* c = curl_easy_init();
    std::string body;
    curl_easy_setopt(c, CURLOPT_URL, u.c_str());
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, onData);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &body);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, 10L);
    curl_slist* headers = nullptr;
    if (!post.empty()) {
      headers = curl_slist_append(headers, "Content-Type: application/json");
      curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
      curl_easy_setopt(c, CURLOPT_POSTFIELDS, post.c_str());
    }
    long status = 0;
    if (curl_easy_perform(c) == CURLE_OK) curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    curl_slist_free_all(headers);
    curl_easy_cleanup(c);
    return {status, body};
  }
  std::filesystem::path m_dir;
  std::vector<std::string> m_args;
  pid_t m_pid = -1;
  int m_port = 0;
};

}  // namespace dothi::test
