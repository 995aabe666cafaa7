// `dothi-cli bench ...`: benchmarks live in bench/; this only parses their arguments.
#include <memory>

#include "cli_command.hpp"
#include "import_bench.hpp"

namespace dothi::cli {

void addBenchCommands(CLI::App& app, CommandList& commands) {
  auto* bench = app.add_subcommand("bench", "Benchmarks (figures printed; --json for machines)");
  bench->require_subcommand(1);
  auto a = std::make_shared<dothi::bench::ImportBenchOptions>();
  auto* c = bench->add_subcommand("import", "Import speed beside ogr2ogr -f GPKG on the same file");
  c->add_option("source", a->source)->required();
  c->add_option("--repeat", a->repeat)->capture_default_str();
  c->add_flag("--json", a->json);
  commands.push_back({c, [a] { return dothi::bench::runImportBench(*a); }});
}

}  // namespace dothi::cli
