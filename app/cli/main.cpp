// dothi-cli: the headless shell over app/core. Every command that reports figures has --json;
// the exit code is 0 only on success (see commands.hpp for the codes).
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>
#include <vector>

#include "commands.hpp"
#include "import_bench.hpp"

namespace {

/// OSG needs an X display to render; without one, run this very command again under xvfb-run.
void reexecUnderXvfbIfNeeded(int argc, char** argv) {
  const char* display = std::getenv("DISPLAY");
  if ((display && *display) || std::getenv("DOTHI_NO_XVFB")) return;
  setenv("DOTHI_NO_XVFB", "1", 1);  // never loop
  std::vector<char*> args = {const_cast<char*>("xvfb-run"), const_cast<char*>("-a"), const_cast<char*>("-s"),
                             const_cast<char*>("-screen 0 1920x1080x24")};
  for (int i = 0; i < argc; ++i) args.push_back(argv[i]);
  args.push_back(nullptr);
  execvp("xvfb-run", args.data());
  // Not installed: carry on; rendering will report that there is no display.
}

}  // namespace

int main(int argc, char** argv) {
  using namespace dothi::cli;
  CLI::App app{"dothi-cli: DoThi's headless command line (import, info, export, render, indicators, bench)"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "dothi-cli 0.1.0");

  ImportArgs imp;
  auto* cImport = app.add_subcommand("import", "Import a vector source (any OGR format or PG: connection) into a project");
  cImport->add_option("source", imp.source, "File, directory or PG:\"...\" connection string")->required();
  cImport->add_option("--into", imp.project, "Project file (.dothi), created if missing")->required();
  cImport->add_option("--layer", imp.layer, "Name of the new project layer");
  cImport->add_option("--kind", imp.kind, "buildings|parcels|landuse|zoning|roads|infrastructure|other (default: guessed)");
  cImport->add_option("--to-crs", imp.toCrs, "Project CRS when the project has none yet (e.g. EPSG:9210)");
  cImport->add_option("--from-crs", imp.fromCrs, "CRS of the source (required when it stores none, e.g. DGN)");
  cImport->add_option("--source-layer", imp.sourceLayer, "Import only this layer of a multi-layer source");
  cImport->add_option("--where", imp.where, "OGR SQL attribute filter, e.g. \"building IS NOT NULL\"");
  cImport->add_flag("--json", imp.json, "Machine-readable output");
  cImport->add_flag("-q,--quiet", imp.quiet, "No progress or summary");

  InfoArgs info;
  auto* cInfo = app.add_subcommand("info", "List a project's layers: kind, geometry, counts, extent, CRS, fields");
  cInfo->add_option("project", info.project)->required();
  cInfo->add_flag("--json", info.json);
  cInfo->add_flag("--issues", info.issues, "Also list invalid/empty features found at import");

  ExportArgs exp;
  auto* cExport = app.add_subcommand("export", "Write a layer to any OGR format (from the extension or --format)");
  cExport->add_option("project", exp.project)->required();
  cExport->add_option("out", exp.out, "Output file")->required();
  cExport->add_option("--layer", exp.layer, "Layer to export")->required();
  cExport->add_option("--to-crs", exp.toCrs, "Output CRS (default: the project CRS)");
  cExport->add_option("--format", exp.format, "GDAL driver name, e.g. GPKG, \"ESRI Shapefile\", \"MapInfo File\"");
  cExport->add_flag("--overwrite", exp.overwrite);
  cExport->add_flag("--json", exp.json);

  RenderArgs ren;
  auto* cRender = app.add_subcommand("render", "Render the 3D city offscreen to a PNG (uses Xvfb when there is no display)");
  cRender->add_option("project", ren.project)->required();
  cRender->add_option("--out", ren.out, "PNG file")->capture_default_str();
  cRender->add_option("--size", ren.size, "WIDTHxHEIGHT")->capture_default_str();
  cRender->add_option("--view", ren.view, "top|oblique")->capture_default_str();
  cRender->add_option("--default-height", ren.defaultHeight, "Height (m) of buildings with no height data")->capture_default_str();
  cRender->add_flag("--json", ren.json);

  IndicatorArgs ind;
  auto* cInd = app.add_subcommand("indicators", "City indicators: buildings, footprint, GFA, FAR, coverage, heights");
  cInd->add_option("project", ind.project)->required();
  cInd->add_flag("--json", ind.json);

  dothi::bench::ImportBenchOptions bimp;
  auto* cBench = app.add_subcommand("bench", "Benchmarks (figures printed; --json for machines)");
  cBench->require_subcommand(1);
  auto* cBenchImport = cBench->add_subcommand("import", "Import speed beside ogr2ogr -f GPKG on the same file");
  cBenchImport->add_option("source", bimp.source)->required();
  cBenchImport->add_option("--repeat", bimp.repeat)->capture_default_str();
  cBenchImport->add_flag("--json", bimp.json);

  CLI11_PARSE(app, argc, argv);
  if (cImport->parsed()) return runImport(imp);
  if (cInfo->parsed()) return runInfo(info);
  if (cExport->parsed()) return runExport(exp);
  if (cRender->parsed()) {
    reexecUnderXvfbIfNeeded(argc, argv);
    return runRender(ren);
  }
  if (cInd->parsed()) return runIndicators(ind);
  if (cBenchImport->parsed()) return dothi::bench::runImportBench(bimp);
  return 2;
}
