#include "core/cadastre_diff.hpp"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <set>

#include "core/import_layer.hpp"
#include "dothi/geo/analysis/overlay.hpp"
#include "dothi/geo/crs.hpp"
#include "dothi/geo/project.hpp"

namespace dothi::app {

namespace fs = std::filesystem;

namespace {

struct Parcel {
  std::int64_t fid = 0;
  std::optional<std::string> key;
  geo::Geometry geometry;
  std::map<std::string, std::string> attributes;  ///< by lower-case field name, key excluded
  double area = 0;
};

struct Version {
  std::string crs, layer, source;
  std::vector<std::string> fieldNames;  ///< as spelled in the source, key excluded
  std::vector<Parcel> parcels;
};

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string trimmed(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

bool isProject(const std::string& path) { return path.size() > 6 && lower(path.substr(path.size() - 6)) == ".dothi"; }

geo::Result<geo::LayerInfo> pickLayer(const geo::Project& p, const std::string& wanted) {
  if (!wanted.empty()) {
    auto l = p.layer(wanted);
    if (!l) return geo::fail(geo::ErrorCode::NotFound, "no layer named '" + wanted + "'", p.path());
    return *l;
  }
  std::vector<geo::LayerInfo> polygons, parcels;
  for (const auto& l : p.layers()) {
    if (geo::dimensionOf(l.geometryType) != 2) continue;
    polygons.push_back(l);
    if (l.kind == geo::LayerKind::Parcels) parcels.push_back(l);
  }
  if (parcels.size() == 1) return parcels.front();
  if (polygons.size() == 1) return polygons.front();
  return geo::fail(geo::ErrorCode::InvalidArgument,
                   "cannot tell which layer holds the parcels: name it with --old-layer/--new-layer", p.path());
}

geo::Result<Version> readVersion(const std::string& projectPath, const std::string& source, const std::string& layer,
                                 const std::string& key, const std::string& toCrs) {
  auto project = geo::Project::open(projectPath, true);
  if (!project) return std::unexpected(project.error());
  auto info = pickLayer(**project, layer);
  if (!info) return std::unexpected(info.error());
  auto keyIndex = geo::fieldIndex(info->fields, key);
  if (!keyIndex)
    return geo::fail(geo::ErrorCode::NotFound, "layer '" + info->name + "' has no key field '" + key + "'", source);
  Version v;
  v.crs = (*project)->crs();
  v.layer = info->name;
  v.source = source;
  for (std::size_t i = 0; i < info->fields.size(); ++i)
    if (i != *keyIndex) v.fieldNames.push_back(info->fields[i].name);
  std::optional<geo::Transformer> transformer;
  if (!toCrs.empty() && toCrs != v.crs) {
    auto t = geo::Transformer::create(v.crs, toCrs);
    if (!t) return std::unexpected(t.error());
    transformer.emplace(std::move(*t));
  }
  std::optional<geo::Error> failure;
  auto read = (*project)->forEachFeature(info->name, {}, [&](const geo::Feature& f) {
    Parcel p;
    p.fid = f.id;
    p.geometry = f.geometry;
    if (transformer) {
      if (auto r = transformer->transform(p.geometry); !r) {
        failure = r.error();
        return false;
      }
    }
    for (std::size_t i = 0; i < info->fields.size() && i < f.attributes.size(); ++i) {
      if (i == *keyIndex) {
        const std::string k = trimmed(geo::valueToString(f.attributes[i]));
        if (!k.empty()) p.key = k;
      } else {
        p.attributes[lower(info->fields[i].name)] = geo::valueToString(f.attributes[i]);
      }
    }
    p.area = geo::area(p.geometry);
    v.parcels.push_back(std::move(p));
    return true;
  });
  if (!read) return std::unexpected(read.error());
  if (failure) return std::unexpected(*failure);
  if (!toCrs.empty()) v.crs = toCrs;
  return v;
}

/// Opens a .dothi as it is; imports any other source into a scratch project first.
geo::Result<Version> loadVersion(const std::string& source, const std::string& layer, const std::string& key,
                                 const std::string& toCrs, const fs::path& scratch, const char* name) {
  if (isProject(source)) return readVersion(source, source, layer, key, toCrs);
  const std::string path = (scratch / (std::string(name) + ".dothi")).string();
  ImportOptions io;
  io.source = source;
  io.layerName = "parcels";
  io.toCrs = toCrs;
  auto imported = importIntoFile(path, io);
  if (!imported) return std::unexpected(imported.error());
  if (imported->layers.size() != 1 && layer.empty())
    return geo::fail(geo::ErrorCode::InvalidArgument, "the source holds several layers: name one with --old-layer/--new-layer", source);
  std::string chosen = layer;
  if (!layer.empty())
    for (const auto& l : imported->layers)
      if (l.sourceLayer == layer) chosen = l.info.name;
  return readVersion(path, source, chosen.empty() ? imported->layers.front().info.name : chosen, key, {});
}

std::vector<std::string> attributeChanges(const Version& ov, const Parcel& o, const Parcel& n, const std::string& key) {
  std::vector<std::string> out;
  if (o.key != n.key) out.push_back(key + ": " + o.key.value_or("(none)") + " → " + n.key.value_or("(none)"));
  for (const auto& name : ov.fieldNames) {
    auto a = o.attributes.find(lower(name)), b = n.attributes.find(lower(name));
    if (a == o.attributes.end() || b == n.attributes.end()) continue;  // not in both versions
    if (a->second != b->second) out.push_back(name + ": " + a->second + " → " + b->second);
  }
  return out;
}

geo::Geometry joined(const std::vector<const Parcel*>& ps) {
  geo::Geometry g;
  for (const auto* p : ps)
    for (const auto& poly : p->geometry.polygons) g.polygons.push_back(poly);
  g.type = g.polygons.size() == 1 ? geo::GeometryType::Polygon : geo::GeometryType::MultiPolygon;
  return g;
}

std::string fmt(double v) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

class Matcher {
 public:
  Matcher(const Version& o, const Version& n, const DiffOptions& opt) : m_o(o), m_n(n), m_opt(opt) {}

  geo::Result<DiffResult> run();

 private:
  [[nodiscard]] double shared(std::size_t i, std::size_t j) const {
    auto it = m_shared.find({i, j});
    return it == m_shared.end() ? 0 : it->second;
  }
  void splitsAndMerges(DiffResult& out);
  void pairs(DiffResult& out);
  void compare(std::size_t i, std::size_t j, DiffResult& out);
  ParcelChange change(ChangeType t, const std::vector<std::size_t>& olds, const std::vector<std::size_t>& news) const;

  const Version& m_o;
  const Version& m_n;
  const DiffOptions& m_opt;
  std::map<std::pair<std::size_t, std::size_t>, double> m_shared;
  std::vector<std::vector<std::size_t>> m_children, m_parents;  ///< new pieces mostly inside an old parcel, and back
  std::vector<char> m_oldDone, m_newDone;
};

ParcelChange Matcher::change(ChangeType t, const std::vector<std::size_t>& olds, const std::vector<std::size_t>& news) const {
  ParcelChange c;
  c.type = t;
  std::vector<const Parcel*> geometryOf;
  for (auto i : olds) {
    c.oldFids.push_back(m_o.parcels[i].fid);
    c.oldKeys.push_back(m_o.parcels[i].key);
  }
  for (auto j : news) {
    c.newFids.push_back(m_n.parcels[j].fid);
    c.newKeys.push_back(m_n.parcels[j].key);
    geometryOf.push_back(&m_n.parcels[j]);
  }
  if (news.empty())
    for (auto i : olds) geometryOf.push_back(&m_o.parcels[i]);
  c.geometry = joined(geometryOf);
  return c;
}

void Matcher::splitsAndMerges(DiffResult& out) {
  const double share = m_opt.share;
  m_children.assign(m_o.parcels.size(), {});
  m_parents.assign(m_n.parcels.size(), {});
  for (const auto& [ij, a] : m_shared) {
    const auto [i, j] = ij;
    if (a <= m_opt.reshapeTolerance) continue;
    if (a >= share * m_n.parcels[j].area) m_children[i].push_back(j);
    if (a >= share * m_o.parcels[i].area) m_parents[j].push_back(i);
  }
  auto covered = [&](double part, double whole) { return part >= share * whole; };
  for (std::size_t i = 0; i < m_o.parcels.size(); ++i) {
    if (m_children[i].size() < 2) continue;
    double sum = 0;
    for (auto j : m_children[i]) sum += shared(i, j);
    if (!covered(sum, m_o.parcels[i].area)) continue;
    ParcelChange c = change(ChangeType::Split, {i}, m_children[i]);
    c.area = m_o.parcels[i].area;
    c.message = "split into " + std::to_string(m_children[i].size()) + " parcels";
    out.changes.push_back(std::move(c));
    m_oldDone[i] = 1;
    for (auto j : m_children[i]) m_newDone[j] = 1;
  }
  for (std::size_t j = 0; j < m_n.parcels.size(); ++j) {
    if (m_newDone[j] || m_parents[j].size() < 2) continue;
    double sum = 0;
    bool free = true;
    for (auto i : m_parents[j]) {
      sum += shared(i, j);
      free = free && !m_oldDone[i];
    }
    if (!free || !covered(sum, m_n.parcels[j].area)) continue;
    ParcelChange c = change(ChangeType::Merged, m_parents[j], {j});
    c.area = m_n.parcels[j].area;
    c.message = "merged from " + std::to_string(m_parents[j].size()) + " parcels";
    out.changes.push_back(std::move(c));
    m_newDone[j] = 1;
    for (auto i : m_parents[j]) m_oldDone[i] = 1;
  }
}

void Matcher::compare(std::size_t i, std::size_t j, DiffResult& out) {
  m_oldDone[i] = m_newDone[j] = 1;
  const Parcel &o = m_o.parcels[i], &n = m_n.parcels[j];
  // |A Δ B| = |A| + |B| - 2|A ∩ B|, with the intersection exact.
  const double symmetric = std::max(0.0, o.area + n.area - 2 * shared(i, j));
  auto fields = attributeChanges(m_o, o, n, m_opt.key);
  if (symmetric > m_opt.reshapeTolerance) {
    ParcelChange c = change(ChangeType::Reshaped, {i}, {j});
    c.area = symmetric;
    c.fields = std::move(fields);
    c.message = "reshaped: area " + fmt(o.area) + " → " + fmt(n.area) + " m², " + fmt(symmetric) + " m² changed hands";
    out.changes.push_back(std::move(c));
  } else if (!fields.empty()) {
    ParcelChange c = change(ChangeType::Attributes, {i}, {j});
    c.area = n.area;
    c.fields = std::move(fields);
    c.message = "attributes changed";
    for (const auto& f : c.fields) c.message += "; " + f;
    out.changes.push_back(std::move(c));
  } else {
    ++out.unchanged;
  }
}

void Matcher::pairs(DiffResult& out) {
  // By key, where the key is unique in both versions.
  std::map<std::string, std::vector<std::size_t>> oldByKey, newByKey;
  for (std::size_t i = 0; i < m_o.parcels.size(); ++i)
    if (!m_oldDone[i] && m_o.parcels[i].key) oldByKey[*m_o.parcels[i].key].push_back(i);
  for (std::size_t j = 0; j < m_n.parcels.size(); ++j)
    if (!m_newDone[j] && m_n.parcels[j].key) newByKey[*m_n.parcels[j].key].push_back(j);
  for (const auto& [key, olds] : oldByKey) {
    auto it = newByKey.find(key);
    if (olds.size() == 1 && it != newByKey.end() && it->second.size() == 1) compare(olds[0], it->second[0], out);
  }
  // By geometry: the largest shared areas first, each side mostly inside the other.
  std::vector<std::pair<double, std::pair<std::size_t, std::size_t>>> candidates;
  for (const auto& [ij, a] : m_shared) {
    const auto [i, j] = ij;
    if (m_oldDone[i] || m_newDone[j]) continue;
    if (a >= m_opt.share * m_o.parcels[i].area && a >= m_opt.share * m_n.parcels[j].area) candidates.push_back({a, ij});
  }
  std::sort(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (const auto& [a, ij] : candidates)
    if (!m_oldDone[ij.first] && !m_newDone[ij.second]) compare(ij.first, ij.second, out);
  for (std::size_t i = 0; i < m_o.parcels.size(); ++i)
    if (!m_oldDone[i]) {
      ParcelChange c = change(ChangeType::Removed, {i}, {});
      c.area = m_o.parcels[i].area;
      c.message = "removed";
      out.changes.push_back(std::move(c));
    }
  for (std::size_t j = 0; j < m_n.parcels.size(); ++j)
    if (!m_newDone[j]) {
      ParcelChange c = change(ChangeType::Added, {}, {j});
      c.area = m_n.parcels[j].area;
      c.message = "added";
      out.changes.push_back(std::move(c));
    }
}

geo::Result<DiffResult> Matcher::run() {
  DiffResult out;
  std::vector<const geo::Geometry*> a, b;
  for (const auto& p : m_o.parcels) a.push_back(&p.geometry);
  for (const auto& p : m_n.parcels) b.push_back(&p.geometry);
  if (m_opt.progress) m_opt.progress(0.5, "exact overlay of the two versions");
  auto shared = geo::analysis::intersectionAreas(a, b);
  if (!shared) return std::unexpected(shared.error());
  m_shared = std::move(*shared);
  m_oldDone.assign(m_o.parcels.size(), 0);
  m_newDone.assign(m_n.parcels.size(), 0);
  splitsAndMerges(out);
  pairs(out);
  std::stable_sort(out.changes.begin(), out.changes.end(), [](const ParcelChange& x, const ParcelChange& y) {
    if (x.type != y.type) return x.type < y.type;
    if (x.oldFids != y.oldFids) return x.oldFids < y.oldFids;
    return x.newFids < y.newFids;
  });
  return out;
}

}  // namespace

const char* changeTypeName(ChangeType t) {
  switch (t) {
    case ChangeType::Added: return "added";
    case ChangeType::Removed: return "removed";
    case ChangeType::Split: return "split";
    case ChangeType::Merged: return "merged";
    case ChangeType::Reshaped: return "reshaped";
    case ChangeType::Attributes: return "attributes";
  }
  return "?";
}

geo::Result<DiffResult> diffCadastres(const DiffOptions& o) {
  const auto t0 = std::chrono::steady_clock::now();
  if (o.key.empty()) return geo::fail(geo::ErrorCode::InvalidArgument, "--key names the parcel id field");
  static std::atomic<int> counter{0};
  const fs::path scratch = fs::temp_directory_path() / ("dothi-diff-" + std::to_string(getpid()) + "-" + std::to_string(++counter));
  std::error_code ec;
  fs::create_directories(scratch, ec);
  struct Cleanup {
    fs::path dir;
    ~Cleanup() {
      std::error_code e;
      fs::remove_all(dir, e);
    }
  } cleanup{scratch};
  if (o.progress) o.progress(0, "reading " + o.oldSource);
  auto oldV = loadVersion(o.oldSource, o.oldLayer, o.key, {}, scratch, "old");
  if (!oldV) return std::unexpected(oldV.error());
  if (o.progress) o.progress(0.25, "reading " + o.newSource);
  auto newV = loadVersion(o.newSource, o.newLayer, o.key, oldV->crs, scratch, "new");
  if (!newV) return std::unexpected(newV.error());
  if (o.cancel && o.cancel->load()) return geo::fail(geo::ErrorCode::Cancelled, "diff cancelled");
  Matcher m(*oldV, *newV, o);
  auto r = m.run();
  if (!r) return std::unexpected(r.error());
  r->crs = oldV->crs;
  r->key = o.key;
  r->oldLayer = oldV->layer;
  r->newLayer = newV->layer;
  r->oldSource = o.oldSource;
  r->newSource = o.newSource;
  r->oldCount = static_cast<std::int64_t>(oldV->parcels.size());
  r->newCount = static_cast<std::int64_t>(newV->parcels.size());
  r->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (o.progress) o.progress(1, "done");
  return r;
}

}  // namespace dothi::app
