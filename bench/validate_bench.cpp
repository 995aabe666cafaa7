#include "validate_bench.hpp"

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <thread>

#include "core/validate_layer.hpp"
#include "dothi/geo/project.hpp"

namespace dothi::bench {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using nlohmann::json;

namespace {

constexpr double kCell = 20.0;        // m, synthetic parcel side
constexpr int kEdgeVertices = 4;      // vertices per parcel edge (shared exactly with the neighbour)
constexpr double kOverlapShift = 0.5;  // m: a planted overlap = right edge pushed into the neighbour
constexpr double kGapShift = 0.01;     // m: a planted gap = right edge pulled back (0.2 m² < 0.5)

double seconds(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

long peakRssMiB() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024;
}

struct Synthetic {
  std::set<std::pair<std::int64_t, std::int64_t>> overlaps;  ///< fid pairs
  std::set<std::int64_t> gaps;                               ///< fid of the parcel left of the gap
};

/// A parcel of the grid: its cell's square with kEdgeVertices points per edge; the right edge
/// moved by `shiftRight` metres.
geo::Geometry cellPolygon(double x0, double y0, double shiftRight) {
  const double x1 = x0 + kCell, y1 = y0 + kCell, xr = x1 + shiftRight, step = kCell / kEdgeVertices;
  geo::Ring r;
  for (int k = 0; k < kEdgeVertices; ++k) r.push_back({x0 + k * step, y0, 0});  // bottom, left to right
  for (int k = 0; k < kEdgeVertices; ++k) r.push_back({xr, y0 + k * step, 0});  // right, bottom to top
  r.push_back({xr, y1, 0});
  for (int k = 1; k < kEdgeVertices; ++k) r.push_back({x1 - k * step, y1, 0});  // top, right to left
  for (int k = 0; k < kEdgeVertices; ++k) r.push_back({x0, y1 - k * step, 0});  // left, top to bottom
  r.push_back(r.front());
  geo::Geometry g;
  g.type = geo::GeometryType::Polygon;
  g.polygons.push_back({std::move(r), {}});
  return g;
}

/// Writes a grid of n parcels (UTM 34N, near Kastoria) with planted overlaps and gaps, each
/// planted parcel surrounded by untouched ones. About one defect per 250 parcels.
geo::Result<Synthetic> writeSynthetic(const std::string& path, std::int64_t n) {
  auto project = geo::Project::create(path);
  if (!project) return std::unexpected(project.error());
  if (auto r = (*project)->setCrs("EPSG:32634"); !r) return std::unexpected(r.error());
  geo::LayerInfo spec;
  spec.name = "parcels";
  spec.kind = geo::LayerKind::Parcels;
  spec.geometryType = geo::GeometryType::MultiPolygon;
  spec.fields = {{"pid", geo::FieldType::Text}};
  auto w = (*project)->beginLayer(spec);
  if (!w) return std::unexpected(w.error());
  const auto cols = static_cast<std::int64_t>(std::ceil(std::sqrt(static_cast<double>(n))));
  const std::int64_t rows = (n + cols - 1) / cols;
  Synthetic planted;
  int turn = 0;
  for (std::int64_t i = 0; i < n; ++i) {
    const std::int64_t r = i / cols, c = i % cols;
    const std::int64_t fid = i + 1;
    double shift = 0;
    // Candidates on a 4×4 lattice, away from the border, one in eight planted, alternating.
    if (r % 4 == 1 && c % 4 == 1 && r + 1 < rows - 1 && c + 2 < cols && ((r / 4) * 7 + c / 4) % 8 == 0 &&
        (i + 1 < n) && (i + cols < n)) {
      if (turn++ % 2 == 0) {
        shift = kOverlapShift;
        planted.overlaps.insert({fid, fid + 1});
      } else {
        shift = -kGapShift;
        planted.gaps.insert(fid);
      }
    }
    geo::Feature f{fid, cellPolygon(500000 + c * kCell, 4480000 + r * kCell, shift), {geo::Value("S" + std::to_string(fid))}};
    if (auto a = (*w)->add(f); !a) return std::unexpected(a.error());
  }
  if (auto c = (*w)->commit(); !c) return std::unexpected(c.error());
  return planted;
}

struct ToolRun {
  double seconds = -1;
  bool ok = false, timedOut = false;
  std::vector<std::string> lines;  ///< stdout
  std::string note;
};

/// Runs a tool with a time limit (through timeout(1)), stdout captured, no shell.
ToolRun runTool(const std::vector<std::string>& args, int timeout, const fs::path& scratch) {
  ToolRun out;
  const fs::path outFile = scratch / "tool.out";
  std::vector<std::string> full = {"timeout", std::to_string(timeout)};
  full.insert(full.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : full) argv.push_back(a.data());
  argv.push_back(nullptr);
  const auto t0 = Clock::now();
  const pid_t pid = fork();
  if (pid == 0) {
    const int fd = open(outFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(fd, STDOUT_FILENO);
    std::freopen("/dev/null", "w", stderr);
    execvp(argv[0], argv.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  out.seconds = seconds(t0);
  const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  out.timedOut = code == 124;
  out.ok = code == 0;
  if (out.timedOut) out.note = "stopped after " + std::to_string(timeout) + " s";
  else if (!out.ok) out.note = "failed (exit " + std::to_string(code) + ")";
  std::ifstream in(outFile);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) out.lines.push_back(line);
  return out;
}

ToolRun spatialite(const std::string& db, const std::string& sql, int timeout, const fs::path& scratch) {
  return runTool({"sqlite3", "-batch", "-noheader", "-cmd", ".load mod_spatialite", db, sql}, timeout, scratch);
}

std::string quoted(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("''") : std::string(1, c);
  return q + "'";
}

struct Peer {
  std::string tool, what;
  ToolRun run;
  json findings;
};

std::vector<Peer> spatialitePeers(const std::string& db, const std::string& layer, int timeout, const fs::path& scratch) {
  const std::string t = "\"" + layer + "\"";
  std::vector<Peer> peers;
  // Overlaps: R*Tree candidates, then GEOS intersection area, same 0.01 m² noise threshold.
  Peer overlaps{"spatialite (GEOS) SQL", "overlaps: R*Tree + ST_Intersection", {}, {}};
  overlaps.run = spatialite(db,
                            "SELECT a.fid, b.fid FROM " + t + " a, " + t + " b WHERE b.fid > a.fid AND b.fid IN "
                            "(SELECT rowid FROM SpatialIndex WHERE f_table_name = " + quoted(layer) +
                            " AND search_frame = a.geom) AND ST_Intersects(a.geom, b.geom) AND "
                            "ST_Area(ST_Intersection(a.geom, b.geom)) > 0.01;",
                            timeout, scratch);
  overlaps.findings = {{"overlap_pairs", overlaps.run.ok ? json(overlaps.run.lines.size()) : json(nullptr)}};
  std::set<std::pair<long, long>> pairs;
  for (const auto& l : overlaps.run.lines) {
    long a = 0, b = 0;
    if (std::sscanf(l.c_str(), "%ld|%ld", &a, &b) == 2) pairs.insert({a, b});
  }
  peers.push_back(std::move(overlaps));
  Peer validity{"spatialite (GEOS) SQL", "ring validity: ST_IsValid", {}, {}};
  validity.run = spatialite(db, "SELECT COUNT(*) FROM " + t + " WHERE NOT ST_IsValid(geom);", timeout, scratch);
  validity.findings = {{"invalid", validity.run.ok && !validity.run.lines.empty() ? json(std::stol(validity.run.lines[0])) : json(nullptr)}};
  peers.push_back(std::move(validity));
  Peer gaps{"spatialite (GEOS) SQL", "gaps: holes of ST_Union, 0.01 < area <= 0.5", {}, {}};
  gaps.run = spatialite(db,
                        "WITH RECURSIVE u(g) AS (SELECT ST_Union(geom) FROM " + t + "), "
                        "parts(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM parts, u WHERE i < ST_NumGeometries(u.g)), "
                        "polys(p) AS (SELECT ST_GeometryN(u.g, i) FROM parts, u), "
                        "rings(p, j) AS (SELECT p, 1 FROM polys WHERE ST_NumInteriorRing(p) >= 1 "
                        "UNION ALL SELECT p, j + 1 FROM rings WHERE j < ST_NumInteriorRing(p)), "
                        "holes(a) AS (SELECT ST_Area(ST_MakePolygon(ST_InteriorRingN(p, j))) FROM rings) "
                        "SELECT COUNT(*) FROM holes WHERE a > 0.01 AND a <= 0.5;",
                        timeout, scratch);
  gaps.findings = {{"gaps", gaps.run.ok && !gaps.run.lines.empty() ? json(std::stol(gaps.run.lines[0])) : json(nullptr)}};
  peers.push_back(std::move(gaps));
  peers.front().findings["pairs"] = json::array();
  for (const auto& p : pairs) peers.front().findings["pairs"].push_back({p.first, p.second});
  return peers;
}

bool onPath(const std::string& program) {
  const char* path = std::getenv("PATH");
  std::istringstream dirs(path ? path : "");
  for (std::string d; std::getline(dirs, d, ':');)
    if (!d.empty() && access((fs::path(d) / program).c_str(), X_OK) == 0) return true;
  return false;
}

/// The qgis_process to run, headless. Debian 12's /usr/bin/qgis_process wrapper passes
/// --noversioncheck, which its QGIS 3.22 refuses ("Command --noversioncheck not known!"), so the
/// binary behind it is preferred.
std::optional<std::vector<std::string>> qgisCommand() {
  for (const char* program : {"qgis_process.bin", "qgis_process"})
    if (onPath(program)) return std::vector<std::string>{"env", "QT_QPA_PLATFORM=offscreen", program, "--json", "run"};
  return std::nullopt;
}

/// An integer result of qgis_process --json ("results": {"NAME": n}), else null.
json qgisResult(const ToolRun& run, const std::string& name) {
  std::string text;
  for (const auto& l : run.lines) text += l + "\n";
  const auto start = text.find('{');
  if (!run.ok || start == std::string::npos) return nullptr;
  const json j = json::parse(text.substr(start), nullptr, false);
  if (j.is_discarded() || !j.contains("results") || !j["results"].contains(name)) return nullptr;
  return j["results"][name];
}

/// QGIS's own processing on the same layer of the same file: Check validity (GEOS method) and the
/// layer intersected with itself (native:intersection); overlapping pairs are the intersection
/// pieces above the noise area beyond each parcel's piece with itself, halved.
std::vector<Peer> qgisPeers(const std::vector<std::string>& qgis, const std::string& db, const std::string& layer,
                            int timeout, const fs::path& scratch) {
  const std::string input = db + "|layername=" + layer;
  auto args = [&](std::vector<std::string> more) {
    std::vector<std::string> a = qgis;
    a.insert(a.end(), more.begin(), more.end());
    return a;
  };
  std::vector<Peer> peers;
  Peer validity{"qgis_process", "qgis:checkvalidity (GEOS)", {}, {}};
  validity.run = runTool(args({"qgis:checkvalidity", "--INPUT_LAYER=" + input, "--METHOD=2",
                               "--VALID_OUTPUT=TEMPORARY_OUTPUT", "--INVALID_OUTPUT=TEMPORARY_OUTPUT",
                               "--ERROR_OUTPUT=TEMPORARY_OUTPUT"}),
                         timeout, scratch);
  validity.findings = {{"invalid", qgisResult(validity.run, "INVALID_COUNT")}};
  if (validity.findings["invalid"].is_null() && validity.run.ok) validity.run.ok = false, validity.run.note = "no result";
  peers.push_back(std::move(validity));

  Peer overlaps{"qgis_process", "overlaps: native:intersection with itself", {}, {}};
  const fs::path out = scratch / "qgis_intersection.gpkg";
  overlaps.run = runTool(args({"native:intersection", "--INPUT=" + input, "--OVERLAY=" + input, "--OUTPUT=" + out.string()}),
                         timeout, scratch);
  json pairs = nullptr;
  if (overlaps.run.ok) {
    // Counting the pieces is not part of QGIS's time.
    const ToolRun pieces = spatialite(out.string(), "SELECT SUM(ST_Area(GeomFromGPB(geom)) > 0.01) FROM qgis_intersection;", timeout, scratch);
    const ToolRun selves = spatialite(db, "SELECT SUM(ST_Area(geom) > 0.01) FROM \"" + layer + "\";", timeout, scratch);
    if (pieces.ok && selves.ok && !pieces.lines.empty() && !selves.lines.empty())
      pairs = (std::stol(pieces.lines[0]) - std::stol(selves.lines[0])) / 2;
  }
  overlaps.findings = {{"overlap_pairs", pairs}};
  peers.push_back(std::move(overlaps));
  return peers;
}

}  // namespace

int runValidateBench(const ValidateBenchOptions& o) {
  if ((o.synthetic > 0) == !o.project.empty())
    return std::cerr << "dothi-cli: error: give either --synthetic N or --project P --layer L\n", 2;
  const fs::path scratch = fs::temp_directory_path() / ("dothi-bench-validate-" + std::to_string(getpid()));
  fs::create_directories(scratch);
  struct Cleanup {
    fs::path dir;
    ~Cleanup() {
      std::error_code ec;
      fs::remove_all(dir, ec);
    }
  } cleanup{scratch};

  std::string projectPath = o.project, layer = o.layer, idField = o.idField;
  std::optional<Synthetic> planted;
  double generateSeconds = 0;
  if (o.synthetic > 0) {
    projectPath = (scratch / "synthetic.dothi").string();
    layer = "parcels";
    idField = "pid";
    const auto t0 = Clock::now();
    auto s = writeSynthetic(projectPath, o.synthetic);
    if (!s) return std::cerr << "dothi-cli: error: " << s.error().describe() << "\n", 1;
    planted = std::move(*s);
    generateSeconds = seconds(t0);
  }
  auto project = geo::Project::open(projectPath, true);
  if (!project) return std::cerr << "dothi-cli: error: " << project.error().describe() << "\n", 3;
  app::ValidateOptions vo;
  vo.layer = layer;
  vo.idField = idField;
  vo.topology.threads = o.threads;
  const auto t0 = Clock::now();
  auto result = app::validateLayer(**project, vo);
  const double ours = seconds(t0);
  if (!result) return std::cerr << "dothi-cli: error: " << result.error().describe() << "\n", 1;
  const long rss = peakRssMiB();

  std::map<std::string, int> counts;
  for (const auto& f : result->report.findings) ++counts[geo::analysis::findingTypeName(f.type)];
  json recall = nullptr;
  if (planted) {
    std::size_t overlapsFound = 0, gapsFound = 0, unexpected = 0;
    for (const auto& f : result->report.findings) {
      if (f.type == geo::analysis::FindingType::Overlap && f.fids.size() == 2 && planted->overlaps.count({f.fids[0], f.fids[1]}))
        ++overlapsFound;
      else if (f.type == geo::analysis::FindingType::Gap &&
               std::any_of(f.fids.begin(), f.fids.end(), [&](auto fid) { return planted->gaps.count(fid) > 0; }))
        ++gapsFound;
      else
        ++unexpected;
    }
    recall = {{"planted_overlaps", planted->overlaps.size()}, {"found_overlaps", overlapsFound},
              {"planted_gaps", planted->gaps.size()}, {"found_gaps", gapsFound}, {"unexpected_findings", unexpected},
              {"recall", static_cast<double>(overlapsFound + gapsFound) /
                             std::max<std::size_t>(1, planted->overlaps.size() + planted->gaps.size())}};
  }
  std::vector<Peer> peers;
  if (o.peers) peers = spatialitePeers(projectPath, layer, o.timeout, scratch);
  const auto qgis = qgisCommand();
  std::string qgisNote = qgis ? "run on the same file" : "not installed (qgis_process not on PATH)";
  if (qgis && !o.peers) qgisNote = "skipped (--no-peers)";
  std::vector<Peer> qgisRuns;
  if (qgis && o.peers) qgisRuns = qgisPeers(*qgis, projectPath, layer, o.timeout, scratch);

  // Do both find the same overlapping pairs?
  json agreement = nullptr;
  if (!peers.empty() && peers.front().run.ok) {
    std::set<std::pair<long, long>> theirs, ourPairs;
    for (const auto& p : peers.front().findings["pairs"]) theirs.insert({p[0].get<long>(), p[1].get<long>()});
    for (const auto& f : result->report.findings)
      if (f.type == geo::analysis::FindingType::Overlap) ourPairs.insert({f.fids[0], f.fids[1]});
    std::vector<std::pair<long, long>> diff;
    std::set_symmetric_difference(ourPairs.begin(), ourPairs.end(), theirs.begin(), theirs.end(), std::back_inserter(diff));
    agreement = {{"same_overlap_pairs", diff.empty()}, {"pairs_differing", diff.size()}};
    peers.front().findings.erase("pairs");
  }
  if (!peers.empty()) peers.front().findings.erase("pairs");
  for (auto& p : qgisRuns) peers.push_back(std::move(p));
  const unsigned hw = std::max(1u, std::thread::hardware_concurrency());
  json j = {{"benchmark", "validate"},
            {"data", planted ? "synthetic grid" : projectPath + " / " + layer},
            {"parcels", result->report.parcels},
            {"threads", o.threads > 0 ? o.threads : static_cast<int>(hw)},
            {"generate_seconds", planted ? json(generateSeconds) : json(nullptr)},
            {"dothi_seconds", ours},
            {"dothi_tiles", result->report.tiles},
            {"dothi_findings", counts},
            {"dothi_peak_rss_mib", rss},
            {"recall", recall},
            {"overlap_agreement", agreement},
            {"qgis_process", qgisNote}};
  json peerJson = json::array();
  for (const auto& p : peers)
    peerJson.push_back({{"tool", p.tool}, {"what", p.what}, {"seconds", p.run.ok ? json(p.run.seconds) : json(nullptr)},
                        {"note", p.run.note}, {"findings", p.findings}});
  j["peers"] = peerJson;
  if (o.json) {
    std::cout << j.dump(2) << "\n";
    return 0;
  }
  std::printf("Validate benchmark: %s, %lld parcels, %d threads\n", j["data"].get<std::string>().c_str(),
              static_cast<long long>(result->report.parcels), j["threads"].get<int>());
  if (planted) std::printf("  (synthetic layer written in %.2f s)\n", generateSeconds);
  std::printf("  %-24s %-46s %10s  %s\n", "tool", "what", "time (s)", "findings");
  std::string ourFindings;
  for (const auto& [t, n] : counts) ourFindings += (ourFindings.empty() ? "" : ", ") + t + " " + std::to_string(n);
  std::printf("  %-24s %-46s %10.2f  %s\n", "dothi validate", "all checks, exact (CGAL)", ours,
              ourFindings.empty() ? "none" : ourFindings.c_str());
  for (const auto& p : peers) {
    std::string f;
    for (const auto& [k, v] : p.findings.items()) f += (f.empty() ? "" : ", ") + k + " " + v.dump();
    if (p.run.ok) std::printf("  %-24s %-46s %10.2f  %s\n", p.tool.c_str(), p.what.c_str(), p.run.seconds, f.c_str());
    else std::printf("  %-24s %-46s %10s  %s\n", p.tool.c_str(), p.what.c_str(), "-", p.run.note.c_str());
  }
  if (qgisRuns.empty()) std::printf("  %-24s %-46s %10s  %s\n", "qgis_process", "-", "-", qgisNote.c_str());
  if (!agreement.is_null())
    std::printf("  overlapping pairs, DoThi vs GEOS: %s\n",
                agreement["same_overlap_pairs"].get<bool>() ? "identical"
                                                            : (std::to_string(agreement["pairs_differing"].get<std::size_t>()) + " differ").c_str());
  if (planted)
    std::printf("  recall: overlaps %zu/%zu, gaps %zu/%zu (%.1f%%); unexpected findings: %zu\n",
                recall["found_overlaps"].get<std::size_t>(), recall["planted_overlaps"].get<std::size_t>(),
                recall["found_gaps"].get<std::size_t>(), recall["planted_gaps"].get<std::size_t>(),
                100 * recall["recall"].get<double>(), recall["unexpected_findings"].get<std::size_t>());
  std::printf("  peak RSS (MiB): %ld\n", rss);
  return 0;
}

}  // namespace dothi::bench
