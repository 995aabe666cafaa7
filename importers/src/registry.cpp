#include <algorithm>

#include "dothi/importers/importer.hpp"
#include "ogr_importer.hpp"

namespace dothi::importers {

void ImporterRegistry::add(std::unique_ptr<Importer> importer) { m_importers.push_back(std::move(importer)); }

geo::Result<const Importer*> ImporterRegistry::find(const std::string& path) const {
  const Importer* best = nullptr;
  int bestScore = 0;
  for (const auto& imp : m_importers) {
    const int score = imp->probe(path);
    if (score > bestScore) {
      best = imp.get();
      bestScore = score;
    }
  }
  if (!best) return geo::fail(geo::ErrorCode::Format, "no importer recognises this file (unknown or unsupported format)", path);
  return best;
}

std::vector<ImporterMetadata> ImporterRegistry::list() const {
  std::vector<ImporterMetadata> out;
  std::transform(m_importers.begin(), m_importers.end(), std::back_inserter(out), [](const auto& i) { return i->metadata(); });
  return out;
}

void registerBuiltinImporters(ImporterRegistry& registry) { registry.add(makeOgrImporter()); }

}  // namespace dothi::importers
