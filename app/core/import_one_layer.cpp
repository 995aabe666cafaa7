// The feature loop of an import: convert, reproject, check validity, store.
#include <filesystem>

#include "dothi/geo/crs.hpp"
#include "core/import_plan.hpp"

namespace dothi::app::detail {

using geo::ErrorCode;

namespace {
geo::LayerInfo layerSpec(const Plan& plan, const ImportOptions& o, const std::string& name) {
  geo::LayerInfo spec;
  spec.name = name;
  spec.kind = o.kind.value_or(importers::guessKind(plan.layer.geometryType, plan.layer.fields,
                                                   plan.layer.name + " " + std::filesystem::path(o.source).filename().string()));
  spec.geometryType = plan.layer.geometryType;
  spec.fields = plan.layer.fields;
  spec.source = o.source;
  spec.sourceCrs = plan.crs;
  return spec;
}

bool cancelled(const ImportOptions& o) { return o.cancel && o.cancel->load(); }
}  // namespace

geo::Result<ImportedLayer> importOneLayer(geo::Project& project, importers::Source& src, const Plan& plan,
                                          const ImportOptions& o, const std::string& layerName, double progressBase,
                                          double progressSpan) {
  auto tr = geo::Transformer::create(plan.crs, project.crs());
  if (!tr) return std::unexpected(tr.error().withFile(o.source).withLayer(plan.layer.name));
  auto cursor = src.read(plan.layer.name, o.where);
  if (!cursor) return std::unexpected(cursor.error());
  auto writer = project.beginLayer(layerSpec(plan, o, layerName));
  if (!writer) return std::unexpected(writer.error());
  std::string operation;
  for (std::int64_t n = 0;; ++n) {
    if (cancelled(o)) return geo::fail(ErrorCode::Cancelled, "import cancelled; the project is unchanged", o.source);
    std::string problem;
    auto next = (*cursor)->next(&problem);
    if (!next) return std::unexpected(next.error());
    if (!*next) break;
    geo::Feature& f = **next;
    if (auto t = tr->transform(f.geometry); !t) {
      geo::Error e = t.error();
      e.file = o.source, e.layer = plan.layer.name, e.featureId = f.id;
      return std::unexpected(e);
    }
    if (operation.empty() && !f.geometry.isEmpty()) operation = tr->operationName();
    std::optional<geo::FeatureIssue> issue;
    if (!problem.empty()) issue = geo::FeatureIssue{layerName, f.id, "unreadable", problem};
    else if (std::string why = src.validityProblem(f.geometry); !why.empty())
      issue = geo::FeatureIssue{layerName, f.id, "invalid", why};
    if (auto added = (*writer)->add(f, issue); !added) return std::unexpected(added.error().withFile(o.source));
    if (o.progress && n % 256 == 0)
      o.progress(progressBase + progressSpan * (*cursor)->progress(), "Importing " + plan.layer.name);
  }
  auto info = (*writer)->commit();
  if (!info) return std::unexpected(info.error());
  if (o.progress) o.progress(progressBase + progressSpan, "Imported " + plan.layer.name);
  return ImportedLayer{*info, plan.layer.name, operation.empty() ? tr->operationName() : operation};
}

}  // namespace dothi::app::detail
