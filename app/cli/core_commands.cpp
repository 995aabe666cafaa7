// Registration of the core subcommands; the work is in commands.cpp.
#include <memory>

#include "cli_command.hpp"
#include "commands.hpp"

namespace dothi::cli {

namespace {
void addImport(CLI::App& app, CommandList& commands) {
  auto a = std::make_shared<ImportArgs>();
  auto* c = app.add_subcommand("import", "Import a vector source (any OGR format or PG: connection) into a project");
  c->add_option("source", a->source, "File, directory or PG:\"...\" connection string")->required();
  c->add_option("--into", a->project, "Project file (.dothi), created if missing")->required();
  c->add_option("--layer", a->layer, "Name of the new project layer");
  c->add_option("--kind", a->kind, "buildings|parcels|landuse|zoning|roads|infrastructure|other|terrain (a DEM raster; default: guessed)");
  c->add_option("--to-crs", a->toCrs, "Project CRS when the project has none yet (e.g. EPSG:9210)");
  c->add_option("--from-crs", a->fromCrs, "CRS of the source (required when it stores none, e.g. DGN)");
  c->add_option("--source-layer", a->sourceLayer, "Import only this layer of a multi-layer source");
  c->add_option("--where", a->where, "OGR SQL attribute filter, e.g. \"building IS NOT NULL\"");
  c->add_flag("--json", a->json, "Machine-readable output");
  c->add_flag("-q,--quiet", a->quiet, "No progress or summary");
  commands.push_back({c, [a] { return runImport(*a); }});
}

void addInfo(CLI::App& app, CommandList& commands) {
  auto a = std::make_shared<InfoArgs>();
  auto* c = app.add_subcommand("info", "List a project's layers: kind, geometry, counts, extent, CRS, fields");
  c->add_option("project", a->project)->required();
  c->add_flag("--json", a->json);
  c->add_flag("--issues", a->issues, "Also list invalid/empty features found at import");
  commands.push_back({c, [a] { return runInfo(*a); }});
}

void addExport(CLI::App& app, CommandList& commands) {
  auto a = std::make_shared<ExportArgs>();
  auto* c = app.add_subcommand("export", "Write a layer to any OGR format (from the extension or --format)");
  c->add_option("project", a->project)->required();
  c->add_option("out", a->out, "Output file")->required();
  c->add_option("--layer", a->layer, "Layer to export")->required();
  c->add_option("--to-crs", a->toCrs, "Output CRS (default: the project CRS)");
  c->add_option("--format", a->format, "GDAL driver name, e.g. GPKG, \"ESRI Shapefile\", \"MapInfo File\"");
  c->add_flag("--overwrite", a->overwrite);
  c->add_flag("--json", a->json);
  commands.push_back({c, [a] { return runExport(*a); }});
}

void addRender(CLI::App& app, CommandList& commands) {
  auto a = std::make_shared<RenderArgs>();
  auto* c = app.add_subcommand("render", "Render the 3D city offscreen to a PNG (uses Xvfb when there is no display)");
  c->add_option("project", a->project)->required();
  c->add_option("--out", a->out, "PNG file")->capture_default_str();
  c->add_option("--size", a->size, "WIDTHxHEIGHT")->capture_default_str();
  c->add_option("--view", a->view, "top|oblique")->capture_default_str();
  c->add_option("--default-height", a->defaultHeight, "Height (m) of buildings with no height data")->capture_default_str();
  c->add_option("--roof", a->roof, "Roof of buildings without roof data: flat|hipped|gabled|pyramidal|auto (default: styles)");
  c->add_option("--zoom", a->zoom, "Bring the camera this many times closer")->capture_default_str();
  c->add_option("--center", a->center, "X,Y (project CRS) to centre the view on");
  c->add_flag("--no-legend", a->noLegend, "Leave out the legend of thematic layers");
  c->add_flag("--json", a->json);
  commands.push_back({c, [a] { return runRender(*a); }, true});
}

void addIndicators(CLI::App& app, CommandList& commands) {
  auto a = std::make_shared<IndicatorArgs>();
  auto* c = app.add_subcommand("indicators", "City indicators: buildings, footprint, GFA, FAR, coverage, heights");
  c->add_option("project", a->project)->required();
  c->add_flag("--json", a->json);
  commands.push_back({c, [a] { return runIndicators(*a); }});
}
}  // namespace

void addCoreCommands(CLI::App& app, CommandList& commands) {
  addImport(app, commands);
  addInfo(app, commands);
  addExport(app, commands);
  addRender(app, commands);
  addIndicators(app, commands);
}

}  // namespace dothi::cli
