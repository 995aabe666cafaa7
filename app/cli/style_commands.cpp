// `dothi-cli style`: thematic styles, labels and default roofs, stored in the project file.
#include <cstdio>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli_command.hpp"
#include "commands.hpp"
#include "core/style_layer.hpp"

namespace dothi::cli {

namespace {

struct StyleArgs {
  std::string project, layer, by, method = "quantile", ramp, label, roof, defaultRoof;
  int classes = 0, categories = 0;
  bool categoriesFlag = false, noLabels = false, clear = false, json = false;
};

void printStyle(const std::string& layer, const geo::LayerStyle& s) {
  if (s.mode == geo::StyleMode::Default) std::cout << "Layer '" << layer << "': default colours";
  else std::cout << "Layer '" << layer << "' coloured by " << s.field << " (" << (s.mode == geo::StyleMode::Graduated ? s.method + " classes" : std::string("categories")) << ", " << s.ramp << ")";
  if (!s.labelField.empty()) std::cout << ", labels from " << s.labelField;
  if (!s.roof.empty()) std::cout << ", default roof " << s.roof;
  std::cout << "\n";
  for (const auto& c : s.classes) std::printf("  %s  %-32s %8lld\n", geo::toHex(c.colour).c_str(), c.label.c_str(), static_cast<long long>(c.count));
}

int runStyle(const StyleArgs& a) {
  auto project = geo::Project::open(a.project);
  if (!project) return reportError(project.error());
  if (!a.defaultRoof.empty()) {
    if (auto r = app::setDefaultRoof(**project, a.defaultRoof == "none" ? "" : a.defaultRoof); !r) return reportError(r.error());
    if (!a.json) std::cout << "Project default roof: " << a.defaultRoof << "\n";
    if (a.layer.empty()) return 0;
  }
  if (a.layer.empty())
    return reportError({geo::ErrorCode::InvalidArgument, "name a --layer to style (or set --default-roof)", {}, {}, {}});
  app::StyleLayerOptions o;
  o.layer = a.layer;
  o.field = a.by;
  o.method = a.method;
  o.ramp = a.ramp;
  o.clear = a.clear;
  if (a.classes > 0) o.mode = app::StyleLayerOptions::Mode::Graduated, o.classes = a.classes;
  if (a.categoriesFlag) o.mode = app::StyleLayerOptions::Mode::Categories;
  if (a.categories > 0) o.mode = app::StyleLayerOptions::Mode::Categories, o.maxCategories = a.categories;
  if (!a.label.empty()) o.labelField = a.label;
  if (a.noLabels) o.labelField = std::string{};
  if (!a.roof.empty()) o.roof = a.roof == "none" ? "" : a.roof;
  auto style = app::styleLayer(**project, o);
  if (!style) return reportError(style.error());
  if (a.json) std::cout << nlohmann::json::parse(geo::layerStyleJson(*style)).dump(2) << "\n";
  else printStyle(a.layer, *style);
  return 0;
}

}  // namespace

void addStyleCommands(CLI::App& app, CommandList& commands) {
  auto a = std::make_shared<StyleArgs>();
  auto* c = app.add_subcommand("style", "Colour a layer by a field (categories or graduated classes), labels, default roofs");
  c->add_option("project", a->project)->required();
  c->add_option("--layer", a->layer, "Layer to style");
  c->add_option("--by", a->by, "Field to colour by (_height: the building height DoThi extrudes)");
  c->add_option("--classes", a->classes, "Graduated classes (2..12); default for numeric fields: 5");
  auto* cats = c->add_flag("--categories{10}", a->categories, "Colour by category (optionally: how many before 'other', default 10)");
  cats->expected(0, 1);
  c->add_option("--method", a->method, "Graduated breaks: quantile|equal")->capture_default_str();
  c->add_option("--ramp", a->ramp, "Colour ramp: viridis, blues, reds, greens, ylorrd, spectral, set3, tableau");
  c->add_option("--label", a->label, "Label features with this field");
  c->add_flag("--no-labels", a->noLabels, "Remove the labels");
  c->add_option("--roof", a->roof, "Roof of the layer's buildings without roof data: flat|hipped|gabled|pyramidal|auto|none");
  c->add_option("--default-roof", a->defaultRoof, "Project-wide default roof (flat|hipped|gabled|pyramidal|auto|none)");
  c->add_flag("--clear", a->clear, "Back to the default colours first");
  c->add_flag("--json", a->json, "Print the stored style as JSON");
  commands.push_back({c, [a] { return runStyle(*a); }});
}

}  // namespace dothi::cli
