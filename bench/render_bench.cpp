#include "render_bench.hpp"

#include <unistd.h>

#include <algorithm>
#include <numeric>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include <osg/GL>
#include <osg/GraphicsContext>
#include <osgDB/WriteFile>
#include <osgViewer/Viewer>

#include "dothi/render/city_scene.hpp"
#include "dothi/render/snapshot.hpp"
#include "synthetic_city.hpp"

namespace dothi::bench {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

double msSince(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

/// A /proc/self/status figure in MiB (VmRSS now, VmHWM peak).
double statusMiB(const std::string& key) {
  std::ifstream in("/proc/self/status");
  for (std::string line; std::getline(in, line);)
    if (line.rfind(key + ":", 0) == 0) return std::stod(line.substr(key.size() + 1)) / 1024.0;
  return 0;
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const auto i = static_cast<std::size_t>(std::ceil(p * static_cast<double>(v.size()))) - 1;
  return v[std::min(v.size() - 1, i)];
}

struct Pose {
  osg::Vec3d eye, centre, up;
  const char* segment;
};

/// The scripted flight, in scene-local coordinates: an orbit over the whole city, a bird's-eye
/// sweep towards the horizon, a pass at 300 m looking ahead and down, a walk along a street at
/// eye height, and a final top view.
std::vector<Pose> flight(const render::CityScene& scene, const SyntheticCity* city, int frames, double aspect) {
  const double halfW = std::max(50.0, scene.extent.width() / 2), halfH = std::max(50.0, scene.extent.height() / 2);
  const double radius = std::hypot(halfW, halfH);
  const double tanV = std::tan(osg::DegreesToRadians(render::kViewFovYDegrees / 2));
  const double fit = radius / std::min(tanV, tanV * aspect);
  auto ground = [&](double x, double y) { return scene.groundHeight(x, y); };
  std::vector<Pose> poses;
  const int overview = frames / 4, bird = frames / 4, pass = frames / 6, street = frames - overview - bird - pass - frames / 12;
  for (int i = 0; i < overview; ++i) {
    const double azimuth = osg::DegreesToRadians(-90.0 + 120.0 * i / std::max(1, overview - 1));
    const double elevation = osg::DegreesToRadians(55.0);
    const osg::Vec3d dir(std::cos(elevation) * std::cos(azimuth), std::cos(elevation) * std::sin(azimuth), std::sin(elevation));
    poses.push_back({dir * fit, {0, 0, 0}, {0, 0, 1}, "overview"});
  }
  // Bird's eye: 400 m up at the city's southern edge, looking across it towards the horizon
  // (15 degrees down), turning from north-west to north-east — the presenter's view.
  for (int i = 0; i < bird; ++i) {
    const double heading = osg::DegreesToRadians(60.0 + 60.0 * i / std::max(1, bird - 1));
    const osg::Vec3d eye(0, -0.8 * halfH, ground(0, -0.8 * halfH) + 400);
    const osg::Vec3d look(std::cos(heading), std::sin(heading), -std::tan(osg::DegreesToRadians(15.0)));
    poses.push_back({eye, eye + look * 100, {0, 0, 1}, "bird"});
  }
  for (int i = 0; i < pass; ++i) {
    const double t = -0.6 + 1.2 * i / std::max(1, pass - 1);
    const osg::Vec3d eye(t * halfW, t * halfH, ground(t * halfW, t * halfH) + 300);
    poses.push_back({eye, eye + osg::Vec3d(0.7, 0.7, -0.9), {0, 0, 1}, "mid"});
  }
  // Street level: along the street nearest the centre (synthetic), or through the middle at
  // rooftop height for real data whose streets are unknown.
  const double x = city ? city->streetX(city->plotsAcross() / 2) - scene.origin.x() : 0.0;
  for (int i = 0; i < street; ++i) {
    const double y = -0.5 * halfH + 0.8 * halfH * i / std::max(1, street - 1);
    const double height = city ? 1.7 : 25.0;
    const osg::Vec3d eye(x, y, ground(x, y) + height);
    poses.push_back({eye, eye + osg::Vec3d(0, 100, -4), {0, 0, 1}, "street"});
  }
  while (static_cast<int>(poses.size()) < frames)
    poses.push_back({{0, 0.01, fit * 0.9}, {0, 0, 0}, {0, 1, 0}, "overview"});
  return poses;
}

/// glFinish at the end of each frame, so a frame's time includes llvmpipe's rasterisation.
struct FinishDraw : osg::Camera::DrawCallback {
  mutable std::string renderer;
  osg::ref_ptr<osg::Image> capture;  ///< when set, the next frame is read back into it
  void operator()(osg::RenderInfo& info) const override {
    if (capture) {
      const osg::Viewport* vp = info.getCurrentCamera()->getViewport();
      capture->readPixels(0, 0, static_cast<int>(vp->width()), static_cast<int>(vp->height()), GL_RGB, GL_UNSIGNED_BYTE);
    }
    glFinish();
    if (renderer.empty())
      if (const auto* r = reinterpret_cast<const char*>(glGetString(GL_RENDERER))) renderer = r;
  }
};

osg::ref_ptr<osg::GraphicsContext> openWindow(int width, int height) {
  osg::ref_ptr<osg::GraphicsContext::Traits> traits = new osg::GraphicsContext::Traits;
  traits->readDISPLAY();
  traits->setUndefinedScreenDetailsToDefaultScreen();
  traits->x = 0;
  traits->y = 0;
  traits->width = width;
  traits->height = height;
  traits->windowDecoration = false;
  traits->doubleBuffer = true;
  traits->vsync = false;
  traits->windowName = "DoThi render bench";
  osg::ref_ptr<osg::GraphicsContext> gc = osg::GraphicsContext::createGraphicsContext(traits.get());
  return gc && gc->valid() ? gc : nullptr;
}

/// The segment under a window pixel (x right, y up), from the eye to `reach` metres away.
std::pair<osg::Vec3d, osg::Vec3d> rayThrough(const Pose& pose, double px, double py, int w, int h, double reach) {
  osg::Vec3d forward = pose.centre - pose.eye;
  forward.normalize();
  osg::Vec3d right = forward ^ pose.up;
  right.normalize();
  const osg::Vec3d up = right ^ forward;
  const double tanV = std::tan(osg::DegreesToRadians(render::kViewFovYDegrees / 2));
  const double tanH = tanV * w / h;
  osg::Vec3d dir = forward + right * ((2 * px / w - 1) * tanH) + up * ((2 * py / h - 1) * tanV);
  dir.normalize();
  return {pose.eye, pose.eye + dir * reach};
}

json measure(const RenderBenchOptions& o, bool naive) {
  std::unique_ptr<render::SceneSource> source;
  std::unique_ptr<geo::Project> project;
  const SyntheticCity* city = nullptr;
  if (o.project.empty()) {
    auto synthetic = std::make_unique<SyntheticCity>(o.buildings, o.seed);
    city = synthetic.get();
    source = std::move(synthetic);
  } else {
    auto opened = geo::Project::open(o.project, true);
    if (!opened) throw std::runtime_error(opened.error().describe());
    project = std::move(*opened);
    source = std::make_unique<render::ProjectSource>(*project);
  }
  render::SceneOptions options;
  options.naive = naive;
  options.labels = false;
  const auto t0 = Clock::now();
  auto scene = render::buildCityScene(*source, options);
  if (!scene) throw std::runtime_error(scene.error().describe());
  const double buildSeconds = msSince(t0) / 1000;
  const double rssBuilt = statusMiB("VmRSS");

  auto gc = openWindow(o.width, o.height);
  if (!gc) throw std::runtime_error("cannot open an X window (no display?)");
  osg::ref_ptr<osgViewer::Viewer> viewer = new osgViewer::Viewer;
  viewer->setThreadingModel(osgViewer::ViewerBase::SingleThreaded);
  viewer->setLightingMode(osg::View::NO_LIGHT);
  viewer->setKeyEventSetsDone(0);
  osg::Camera* camera = viewer->getCamera();
  camera->setGraphicsContext(gc.get());
  camera->setViewport(0, 0, o.width, o.height);
  camera->setClearColor(render::skyColour());
  const double aspect = static_cast<double>(o.width) / o.height;
  camera->setProjectionMatrixAsPerspective(render::kViewFovYDegrees, aspect, 1.0, 1.0e6);
  camera->setNearFarRatio(0.00005);  // street level: near plane a metre or two away, not 15 m
  // The naive scene draws what it holds: with small-feature culling (on by default) it would drop
  // nearly every building from the overviews and time an empty city.
  if (naive) camera->setCullingMode(camera->getCullingMode() & ~osg::CullSettings::SMALL_FEATURE_CULLING);
  osg::ref_ptr<FinishDraw> finish = new FinishDraw;
  camera->setFinalDrawCallback(finish.get());
  viewer->setSceneData(scene->root.get());
  viewer->realize();
  if (o.trace) camera->getStats()->collectStats("scene", true);

  const auto poses = flight(*scene, city, o.frames, aspect);
  const int stride = naive && (city ? city->size() : scene->stats.buildings) > o.naiveFullFlightMax ? 10 : 1;
  auto draw = [&](const Pose& p) {
    camera->setViewMatrixAsLookAt(p.eye, p.centre, p.up);
    const auto start = Clock::now();
    viewer->frame();
    return msSince(start);
  };
  const double firstFrame = draw(poses.front());  // uploads what the first view shows
  std::vector<double> all;
  json segments = json::object();
  std::map<std::string, std::vector<double>> bySegment;
  for (std::size_t i = 0; i < poses.size(); i += static_cast<std::size_t>(stride)) {
    const double ms = draw(poses[i]);
    if (o.trace) {
      double tris = 0, drawables = 0;
      osg::Stats* st = camera->getStats();
      const unsigned f = viewer->getFrameStamp()->getFrameNumber();
      st->getAttribute(f, "Visible number of GL_TRIANGLES", tris);
      st->getAttribute(f, "Visible number of drawables", drawables);
      std::fprintf(stderr, "%s frame %zu: %.1f ms, %.0f triangles, %.0f drawables\n", poses[i].segment, i, ms, tris, drawables);
    }
    all.push_back(ms);
    bySegment[poses[i].segment].push_back(ms);
  }
  for (const auto& [name, times] : bySegment) segments[name] = {{"median_ms", percentile(times, 0.5)}, {"frames", times.size()}};
  if (!o.shots.empty()) {
    // One picture per segment (its middle pose), to see what was timed.
    for (const char* segment : {"overview", "bird", "mid", "street"}) {
      std::vector<const Pose*> of;
      for (const auto& p : poses)
        if (std::string(p.segment) == segment) of.push_back(&p);
      if (of.empty()) continue;
      finish->capture = new osg::Image;
      draw(*of[of.size() / 2]);
      osgDB::writeImageFile(*finish->capture, o.shots + "/bench_" + (naive ? "naive_" : "lod_") + segment + ".png");
      finish->capture = nullptr;
    }
  }

  // Picking: rays under random pixels of poses spread over the flight.
  std::mt19937 rng(o.seed);
  std::uniform_real_distribution<double> px(0, o.width), py(0, o.height);
  const double reach = 4 * std::hypot(scene->extent.width(), scene->extent.height()) + 2000;
  std::vector<double> pickTimes;
  int hits = 0, checked = 0, agree = 0;
  for (int k = 0; k < o.picks; ++k) {
    const Pose& pose = poses[static_cast<std::size_t>(k) * poses.size() / std::max(1, o.picks)];
    const auto [from, to] = rayThrough(pose, px(rng), py(rng), o.width, o.height, reach);
    const auto start = Clock::now();
    const auto picked = render::pick(*scene, from, to);
    pickTimes.push_back(msSince(start));
    if (picked) ++hits;
    if (city && !naive) {
      const auto truth = city->firstHit(from + scene->origin, to + scene->origin);
      ++checked;
      if ((!truth && !picked) || (truth && picked && picked->featureId == *truth)) ++agree;
    }
  }
  gc->close();
  return {{"variant", naive ? "naive" : "optimized"},
          {"buildings", scene->stats.buildings},
          {"triangles", scene->stats.triangles},
          {"tiles", scene->stats.buildingTiles},
          {"pitched_roofs", scene->stats.pitchedRoofs},
          {"roof_fallbacks", scene->stats.roofFallbacks},
          {"renderer", finish->renderer},
          {"window", std::to_string(o.width) + "x" + std::to_string(o.height)},
          {"build_s", buildSeconds},
          {"rss_after_build_mib", rssBuilt},
          {"first_frame_ms", firstFrame},
          {"frames", all.size()},
          {"frame_median_ms", percentile(all, 0.5)},
          {"frame_p95_ms", percentile(all, 0.95)},
          {"frame_mean_ms", std::accumulate(all.begin(), all.end(), 0.0) / static_cast<double>(std::max<std::size_t>(1, all.size()))},
          {"fps_median", 1000.0 / std::max(1e-6, percentile(all, 0.5))},
          {"segments", segments},
          {"pick_median_ms", percentile(pickTimes, 0.5)},
          {"pick_max_ms", percentile(pickTimes, 1.0)},
          {"picks", pickTimes.size()},
          {"picks_hit", hits},
          {"picks_checked", checked},
          {"picks_exact", agree},
          {"peak_rss_mib", statusMiB("VmHWM")}};
}

/// Runs this benchmark for one variant in a fresh process (same executable) and reads its JSON.
std::optional<json> measureInChild(const RenderBenchOptions& o, const std::string& variant) {
  char exe[4096];
  const ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n <= 0) return std::nullopt;
  exe[n] = '\0';
  std::string cmd = "'" + std::string(exe) + "' bench render --variant " + variant + " --json";
  cmd += " --buildings " + std::to_string(o.buildings) + " --frames " + std::to_string(o.frames);
  cmd += " --size " + std::to_string(o.width) + "x" + std::to_string(o.height);
  cmd += " --picks " + std::to_string(o.picks) + " --seed " + std::to_string(o.seed);
  cmd += " --naive-full-flight-max " + std::to_string(o.naiveFullFlightMax);
  if (!o.shots.empty()) cmd += " --shots '" + o.shots + "'";
  if (o.trace) cmd += " --trace";
  if (!o.project.empty()) {
    std::string quoted = "'";
    for (char c : o.project) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    cmd += " --project " + quoted + "'";
  }
  FILE* pipe = popen(cmd.c_str(), "r");
  if (pipe == nullptr) return std::nullopt;
  std::string out;
  char buf[4096];
  while (std::size_t got = std::fread(buf, 1, sizeof buf, pipe)) out.append(buf, got);
  if (pclose(pipe) != 0) return std::nullopt;
  try {
    return json::parse(out);
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

void printTable(const json& result) {
  const json& a = result["optimized"];
  const json* b = result.contains("naive") ? &result["naive"] : nullptr;
  std::printf("Render benchmark: %lld buildings (%s), window %s, %s\n", static_cast<long long>(a["buildings"].get<std::int64_t>()),
              result["source"].get<std::string>().c_str(), a["window"].get<std::string>().c_str(),
              a["renderer"].get<std::string>().c_str());
  std::printf("%-28s %14s %14s\n", "", "tiled LOD", b ? "naive" : "");
  auto row = [&](const char* label, const char* key, const char* format) {
    std::printf("%-28s ", label);
    std::printf(format, a[key].get<double>());
    if (b) std::printf(format, (*b)[key].get<double>());
    std::printf("\n");
  };
  row("scene build (s)", "build_s", "%14.2f ");
  row("first frame (ms)", "first_frame_ms", "%14.1f ");
  row("frame median (ms)", "frame_median_ms", "%14.1f ");
  row("frame p95 (ms)", "frame_p95_ms", "%14.1f ");
  row("frame mean (ms)", "frame_mean_ms", "%14.1f ");
  row("fps (median frame)", "fps_median", "%14.1f ");
  for (const char* segment : {"overview", "bird", "mid", "street"}) {
    std::printf("  %-26s ", (std::string(segment) + " median (ms)").c_str());
    for (const json* r : {&a, b})
      if (r && (*r)["segments"].contains(segment)) std::printf("%14.1f ", (*r)["segments"][segment]["median_ms"].get<double>());
    std::printf("\n");
  }
  row("memory after build (MiB)", "rss_after_build_mib", "%14.0f ");
  row("peak memory (MiB)", "peak_rss_mib", "%14.0f ");
  row("pick median (ms)", "pick_median_ms", "%14.2f ");
  row("pick max (ms)", "pick_max_ms", "%14.2f ");
  std::printf("%-28s %14lld\n", "full-detail triangles", static_cast<long long>(a["triangles"].get<std::int64_t>()));
  std::printf("%-28s %14lld (%lld fell back to flat)\n", "pitched roofs", static_cast<long long>(a["pitched_roofs"].get<std::int64_t>()),
              static_cast<long long>(a["roof_fallbacks"].get<std::int64_t>()));
  if (a["picks_checked"].get<int>() > 0)
    std::printf("picks exact (vs brute force): %d of %d (%d hit a building)\n", a["picks_exact"].get<int>(),
                a["picks_checked"].get<int>(), a["picks_hit"].get<int>());
  if (b) {
    std::printf("naive frames flown: %d of %d poses\n", (*b)["frames"].get<int>(), a["frames"].get<int>());
    std::printf("speed-up per frame (naive / tiled): median %.1fx, p95 %.1fx, mean %.1fx; peak memory naive / tiled: %.2fx\n",
                result["frame_ratio"].get<double>(), result["p95_ratio"].get<double>(), result["mean_ratio"].get<double>(),
                result["memory_ratio"].get<double>());
  }
}

}  // namespace

int runRenderBench(const RenderBenchOptions& o) {
  if (o.buildings < 1 || o.frames < 4 || o.width < 64 || o.height < 64) {
    std::cerr << "dothi-cli: error: bench render needs --buildings >= 1, --frames >= 4 and a size of at least 64x64\n";
    return 2;
  }
  try {
    if (o.variant == "optimized" || o.variant == "naive") {
      std::cout << measure(o, o.variant == "naive").dump() << "\n";
      return 0;
    }
    if (!o.variant.empty()) {
      std::cerr << "dothi-cli: error: --variant must be optimized or naive\n";
      return 2;
    }
    json result;
    result["source"] = o.project.empty() ? "synthetic city, seed " + std::to_string(o.seed) : o.project;
    auto optimized = measureInChild(o, "optimized");
    if (!optimized) {
      std::cerr << "dothi-cli: error: the tiled LOD measurement failed (see above)\n";
      return 1;
    }
    result["optimized"] = *optimized;
    if (o.naive) {
      if (auto naive = measureInChild(o, "naive")) {
        result["naive"] = *naive;
        const double a = (*optimized)["frame_median_ms"].get<double>(), b = (*naive)["frame_median_ms"].get<double>();
        result["frame_ratio"] = b / std::max(1e-9, a);
        result["p95_ratio"] = (*naive)["frame_p95_ms"].get<double>() / std::max(1e-9, (*optimized)["frame_p95_ms"].get<double>());
        result["mean_ratio"] = (*naive)["frame_mean_ms"].get<double>() / std::max(1e-9, (*optimized)["frame_mean_ms"].get<double>());
        result["memory_ratio"] = (*naive)["peak_rss_mib"].get<double>() / std::max(1e-9, (*optimized)["peak_rss_mib"].get<double>());
      } else {
        std::cerr << "dothi-cli: warning: the naive measurement failed (out of memory?); reporting the tiled scene only\n";
      }
    }
    if (o.json) std::cout << result.dump(2) << "\n";
    else printTable(result);
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "dothi-cli: error: render benchmark failed: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace dothi::bench
