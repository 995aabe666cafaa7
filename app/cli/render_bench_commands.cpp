// `dothi-cli bench render ...`: the city-scale rendering benchmark (bench/render_bench.hpp).
#include <cstdio>
#include <memory>

#include "cli_command.hpp"
#include "render_bench.hpp"

namespace dothi::cli {

void addRenderBenchCommands(CLI::App& app, CommandList& commands) {
  CLI::App* bench = nullptr;
  try {
    bench = app.get_subcommand("bench");
  } catch (const CLI::OptionNotFound&) {
    bench = app.add_subcommand("bench", "Benchmarks (figures printed; --json for machines)");
  }
  auto a = std::make_shared<dothi::bench::RenderBenchOptions>();
  auto size = std::make_shared<std::string>("1024x640");
  auto* c = bench->add_subcommand(
      "render", "Frame times, build time, memory and picking of a city of N buildings: tiled LOD scene vs one node per building");
  c->add_option("--buildings", a->buildings, "Buildings in the synthetic city")->capture_default_str();
  c->add_option("--project", a->project, "Measure this project's layers instead of a synthetic city");
  c->add_option("--frames", a->frames, "Camera poses in the scripted flight")->capture_default_str();
  c->add_option("--size", *size, "Window WIDTHxHEIGHT")->capture_default_str();
  c->add_option("--picks", a->picks, "Picks timed (checked against brute force on the synthetic city)")->capture_default_str();
  c->add_option("--seed", a->seed, "Seed of the synthetic city and the pick pixels")->capture_default_str();
  c->add_option("--naive-full-flight-max", a->naiveFullFlightMax,
                "Above this many buildings the naive scene flies every 10th pose")->capture_default_str();
  c->add_flag("!--no-naive", a->naive, "Skip the naive scene");
  c->add_option("--shots", a->shots, "Directory to write one PNG per flight segment into (what was timed)");
  c->add_flag("--trace", a->trace, "Print each frame's time, triangles and drawables on stderr");
  c->add_option("--variant", a->variant, "Internal: measure one scene (optimized|naive) in this process")->group("");
  c->add_flag("--json", a->json);
  commands.push_back({c,
                      [a, size] {
                        if (std::sscanf(size->c_str(), "%dx%d", &a->width, &a->height) != 2) {
                          std::fprintf(stderr, "dothi-cli: error: --size must be WIDTHxHEIGHT\n");
                          return 2;
                        }
                        return dothi::bench::runRenderBench(*a);
                      },
                      true});
}

}  // namespace dothi::cli
