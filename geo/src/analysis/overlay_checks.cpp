// Overlaps, gaps and boundary crossings from the exact overlay (analysis::overlay), tile by tile.
//
// Tiles: the layer's extent is cut into a grid of tiles of ~kParcelsPerTile parcels. A tile's
// overlay holds every parcel whose box comes within `margin` of the tile, whole (never clipped),
// so the faces it computes are exact faces of those parcels. Each defect is reported by exactly
// one tile:
//  - an overlap of parcels a, b by the tile holding the lower-left corner of box(a) ∩ box(b)
//    (both parcels meet that tile, so both are in its overlay, so their shared area is exact);
//  - a gap (a bounded face covered by nobody, area <= tolerance) by the tile holding the lower-
//    left corner of its box, if the box lies within the tile grown by margin/2: any parcel that
//    could cover part of it then meets the grown tile and is in the overlay, so the face is
//    truly uncovered in the whole layer. Longer gaps are re-checked with growing regions.
//  - a boundary crossing by the tile holding the lower-left corner of the parcel's box.
#include "analysis/overlay_checks.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <mutex>
#include <thread>
#include <tuple>

#include "analysis/ring_checks.hpp"
#include "dothi/geo/analysis/overlay.hpp"

namespace dothi::geo::analysis::detail {

namespace {

constexpr double kParcelsPerTile = 2500;

struct Part {
  std::uint32_t parcel = 0;
  const Polygon* polygon = nullptr;
};

struct Grid {
  Extent all;
  int nx = 1, ny = 1;
  double w = 1, h = 1, margin = 0;

  [[nodiscard]] int count() const { return nx * ny; }
  [[nodiscard]] int tileOf(double x, double y) const {
    const int tx = std::clamp(static_cast<int>(std::floor((x - all.minX) / w)), 0, nx - 1);
    const int ty = std::clamp(static_cast<int>(std::floor((y - all.minY) / h)), 0, ny - 1);
    return ty * nx + tx;
  }
  [[nodiscard]] Extent rect(int t, double grow) const {
    const int tx = t % nx, ty = t / nx;
    Extent e;
    // Edge tiles reach to infinity so nothing at the layer's border falls outside every tile.
    e.minX = tx == 0 ? -INFINITY : all.minX + tx * w - grow;
    e.maxX = tx == nx - 1 ? INFINITY : all.minX + (tx + 1) * w + grow;
    e.minY = ty == 0 ? -INFINITY : all.minY + ty * h - grow;
    e.maxY = ty == ny - 1 ? INFINITY : all.minY + (ty + 1) * h + grow;
    return e;
  }
};

bool meets(const Extent& a, const Extent& b) {
  return a.minX <= b.maxX && b.minX <= a.maxX && a.minY <= b.maxY && b.minY <= a.maxY;
}
bool within(const Extent& inner, const Extent& outer) {
  return inner.minX >= outer.minX && inner.maxX <= outer.maxX && inner.minY >= outer.minY && inner.maxY <= outer.maxY;
}
Extent grown(const Extent& e, double d) { return {e.minX - d, e.minY - d, e.maxX + d, e.maxY + d}; }

/// Faces shared by one pair (or one parcel and one zone set): their total area and the faces,
/// as indices into the tile's face list (a face in k parcels belongs to k(k-1)/2 pairs).
struct Pieces {
  double area = 0;
  std::vector<std::size_t> faces;
};

struct Undecided {
  Extent box;   ///< of the face as cut by the frame
  Point point;  ///< inside it
};

struct TileResult {
  std::vector<Polygon> faces;  // geometry of the faces the pieces refer to
  std::size_t keep(OverlayFace& f) {
    faces.push_back(std::move(f.polygon));
    return faces.size() - 1;
  }
  std::map<std::pair<std::uint32_t, std::uint32_t>, Pieces> overlaps;  // parcel pair
  std::map<std::uint32_t, Pieces> selfOverlaps;                        // parcel
  std::vector<OverlayFace> gaps;
  std::vector<Undecided> undecided;  // gap faces cut by the tile's frame
  std::map<std::uint32_t, std::map<std::vector<std::uint32_t>, Pieces>> zonePieces;  // parcel → zones → pieces
};

std::string fmtArea(double a) {
  char buf[48];
  std::snprintf(buf, sizeof buf, a >= 0.01 ? "%.2f m²" : "%.3g m²", a);
  return buf;
}

std::vector<Polygon> facesOf(const TileResult& r, const Pieces& pieces) {
  std::vector<Polygon> out;
  out.reserve(pieces.faces.size());
  for (auto i : pieces.faces) out.push_back(r.faces[i]);
  return out;
}

Geometry multiPolygon(std::vector<Polygon> polys) {
  std::sort(polys.begin(), polys.end(), [](const Polygon& a, const Polygon& b) {
    return std::abs(signedRingArea(a.outer)) > std::abs(signedRingArea(b.outer));
  });
  Geometry g;
  g.type = polys.size() == 1 ? GeometryType::Polygon : GeometryType::MultiPolygon;
  g.polygons = std::move(polys);
  return g;
}

class Checker {
 public:
  Checker(const std::vector<ParcelInput>& parcels, const std::vector<ZoneInput>& zones, const TopologyOptions& o)
      : m_parcels(parcels), m_zones(zones), m_o(o) {
    m_boxes.reserve(parcels.size());
    for (std::uint32_t i = 0; i < parcels.size(); ++i) {
      m_boxes.push_back(extentOf(parcels[i].geometry));
      for (const auto& poly : parcels[i].geometry.polygons) m_parts.push_back({i, &poly});
      m_grid.all.include(m_boxes.back());
    }
    for (std::uint32_t z = 0; z < zones.size(); ++z) {
      m_zoneBoxes.push_back(extentOf(zones[z].geometry));
      for (const auto& poly : zones[z].geometry.polygons) m_zoneParts.push_back({z, &poly});
    }
    makeGrid();
  }

  Result<OverlayCheckResult> run();

 private:
  void makeGrid();
  Result<void> runTile(int t, TileResult& out) const;
  Result<void> zoneTile(int t, TileResult& out) const;
  Result<std::optional<OverlayFace>> resolveGap(const Undecided& u) const;
  [[nodiscard]] bool pairOwned(std::uint32_t a, std::uint32_t b, int t) const {
    return m_grid.tileOf(std::max(m_boxes[a].minX, m_boxes[b].minX), std::max(m_boxes[a].minY, m_boxes[b].minY)) == t;
  }
  [[nodiscard]] bool parcelOwned(std::uint32_t p, int t) const {
    return m_grid.tileOf(m_boxes[p].minX, m_boxes[p].minY) == t;
  }
  void addPartsOf(const std::vector<std::uint32_t>& parcels, std::vector<OverlayInput>& in) const;
  [[nodiscard]] bool cancelled() const { return m_o.cancel && m_o.cancel->load(); }
  void collect(std::vector<TileResult>& results, OverlayCheckResult& out) const;
  [[nodiscard]] Finding gapFinding(OverlayFace& f) const;

  const std::vector<ParcelInput>& m_parcels;
  const std::vector<ZoneInput>& m_zones;
  const TopologyOptions& m_o;
  std::vector<Extent> m_boxes, m_zoneBoxes;
  std::vector<Part> m_parts, m_zoneParts;
  Grid m_grid;
  std::vector<std::vector<std::uint32_t>> m_tileParcels;  // parcels in each tile's overlay
};

void Checker::makeGrid() {
  const double n = static_cast<double>(m_parcels.size());
  const double perTile = m_o.tileParcels > 0 ? m_o.tileParcels : kParcelsPerTile;
  if (m_grid.all.isEmpty() || n <= perTile * 1.5) {
    m_grid.nx = m_grid.ny = 1;
    m_grid.w = std::max(m_grid.all.width(), 1.0);
    m_grid.h = std::max(m_grid.all.height(), 1.0);
  } else {
    const double tiles = n / perTile;
    const double aspect = std::max(m_grid.all.width(), 1.0) / std::max(m_grid.all.height(), 1.0);
    m_grid.nx = std::max(1, static_cast<int>(std::round(std::sqrt(tiles * aspect))));
    m_grid.ny = std::max(1, static_cast<int>(std::round(tiles / m_grid.nx)));
    m_grid.w = std::max(m_grid.all.width(), 1.0) / m_grid.nx;
    m_grid.h = std::max(m_grid.all.height(), 1.0) / m_grid.ny;
    // Margin: a few typical parcels, so most gaps are decided inside their own tile.
    std::vector<double> diag;
    for (const auto& b : m_boxes)
      if (!b.isEmpty()) diag.push_back(std::hypot(b.width(), b.height()));
    std::nth_element(diag.begin(), diag.begin() + diag.size() / 2, diag.end());
    const double typical = diag.empty() ? 10 : diag[diag.size() / 2];
    m_grid.margin = std::min({std::max(4 * typical, 10.0), m_grid.w / 2, m_grid.h / 2});
  }
  m_tileParcels.assign(m_grid.count(), {});
  for (std::uint32_t i = 0; i < m_boxes.size(); ++i) {
    const Extent& b = m_boxes[i];
    if (b.isEmpty()) continue;
    const int t0 = m_grid.tileOf(b.minX - m_grid.margin, b.minY - m_grid.margin);
    const int t1 = m_grid.tileOf(b.maxX + m_grid.margin, b.maxY + m_grid.margin);
    for (int ty = t0 / m_grid.nx; ty <= t1 / m_grid.nx; ++ty)
      for (int tx = t0 % m_grid.nx; tx <= t1 % m_grid.nx; ++tx) m_tileParcels[ty * m_grid.nx + tx].push_back(i);
  }
}

void Checker::addPartsOf(const std::vector<std::uint32_t>& parcels, std::vector<OverlayInput>& in) const {
  // Part numbers are global: the index into m_parts. Parts of one parcel are consecutive.
  for (std::uint32_t p : parcels) {
    auto it = std::lower_bound(m_parts.begin(), m_parts.end(), p,
                               [](const Part& part, std::uint32_t v) { return part.parcel < v; });
    for (; it != m_parts.end() && it->parcel == p; ++it)
      in.push_back({static_cast<std::uint32_t>(it - m_parts.begin()), it->polygon});
  }
}

/// The frame around a partial overlay: its ring makes land uncovered by the parcels inside it a
/// bounded face owned by the frame alone, instead of part of the unbounded face.
constexpr std::uint32_t kFrame = std::numeric_limits<std::uint32_t>::max();

Polygon frameOf(const Extent& e) {
  Polygon p;
  p.outer = {{e.minX, e.minY, 0}, {e.maxX, e.minY, 0}, {e.maxX, e.maxY, 0}, {e.minX, e.maxY, 0}, {e.minX, e.minY, 0}};
  return p;
}

bool inside(const Extent& inner, const Extent& outer) {  // strictly: touching the frame is not inside
  return inner.minX > outer.minX && inner.maxX < outer.maxX && inner.minY > outer.minY && inner.maxY < outer.maxY;
}

Result<void> Checker::runTile(int t, TileResult& out) const {
  const auto& members = m_tileParcels[t];
  if (members.empty()) return {};
  std::vector<OverlayInput> in;
  addPartsOf(members, in);
  const bool single = m_grid.count() == 1;
  const Extent decided = m_grid.rect(t, m_grid.margin / 2);
  Extent frameBox = m_grid.rect(t, m_grid.margin);
  const Extent around = grown(m_grid.all, m_grid.margin);
  frameBox = {std::max(frameBox.minX, around.minX), std::max(frameBox.minY, around.minY),
              std::min(frameBox.maxX, around.maxX), std::min(frameBox.maxY, around.maxY)};
  const Polygon frame = frameOf(frameBox);
  if (!single) in.push_back({kFrame, &frame});
  const std::size_t uncovered = single ? 0 : 1;  // owners of a face no parcel covers
  auto need = [&](const std::vector<std::uint32_t>& owners, bool bounded) {
    const std::size_t n = owners.size() - (!owners.empty() && owners.back() == kFrame);
    if (owners.size() == uncovered && n == 0) return bounded ? FaceNeed::Geometry : FaceNeed::Skip;
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = i + 1; j < n; ++j) {
        const auto a = m_parts[owners[i]].parcel, b = m_parts[owners[j]].parcel;
        if (a == b ? parcelOwned(a, t) : pairOwned(a, b, t)) return FaceNeed::Geometry;
      }
    return FaceNeed::Skip;
  };
  auto sink = [&](OverlayFace&& f) {
    if (!f.owners.empty() && f.owners.back() == kFrame) f.owners.pop_back();
    f.boundaryOwners.erase(std::remove(f.boundaryOwners.begin(), f.boundaryOwners.end(), kFrame), f.boundaryOwners.end());
    if (f.owners.empty()) {
      if (f.area <= 0 || f.area > m_o.gapTolerance) return;  // clipped or not, too large to be a gap
      if (!single && m_grid.tileOf(f.box.minX, f.box.minY) != t) return;
      if (single || (within(f.box, decided) && inside(f.box, frameBox))) out.gaps.push_back(std::move(f));
      else out.undecided.push_back({f.box, interiorPoint(f.polygon)});
      return;
    }
    // A face in three parcels belongs to each of their pairs.
    std::optional<std::size_t> kept;
    for (std::size_t i = 0; i < f.owners.size(); ++i)
      for (std::size_t j = i + 1; j < f.owners.size(); ++j) {
        const auto a = m_parts[f.owners[i]].parcel, b = m_parts[f.owners[j]].parcel;
        Pieces* pieces = nullptr;
        if (a == b) {
          if (parcelOwned(a, t)) pieces = &out.selfOverlaps[a];
        } else if (pairOwned(a, b, t)) {
          pieces = &out.overlaps[{std::min(a, b), std::max(a, b)}];
        }
        if (!pieces) continue;
        if (!kept) kept = out.keep(f);
        pieces->area += f.area;
        pieces->faces.push_back(*kept);
      }
  };
  return overlay(in, need, sink, m_o.cancel);
}

Result<std::optional<OverlayFace>> Checker::resolveGap(const Undecided& u) const {
  // The uncovered face through u.point was cut by its tile's frame. Grow a framed region around
  // it until the face no longer touches the frame (then it is whole), it is too large to be a
  // gap, or the region holds the whole layer (then an unbounded face is open land, not a gap).
  for (double m = 2 * m_grid.margin;; m *= 2) {
    const Extent region = grown(u.box, m);
    const bool whole = within(m_grid.all, grown(region, -m_grid.margin));
    std::vector<std::uint32_t> members;
    for (std::uint32_t i = 0; i < m_boxes.size(); ++i)
      if (!m_boxes[i].isEmpty() && meets(m_boxes[i], region)) members.push_back(i);
    std::vector<OverlayInput> in;
    addPartsOf(members, in);
    const Polygon frame = frameOf(region);
    if (!whole) in.push_back({kFrame, &frame});
    const std::size_t uncovered = whole ? 0 : 1;
    std::optional<OverlayFace> found;
    auto r = overlay(
        in,
        [&](const std::vector<std::uint32_t>& o, bool bounded) {
          return o.size() == uncovered && (whole || o.back() == kFrame) && bounded ? FaceNeed::Geometry : FaceNeed::Skip;
        },
        [&](OverlayFace&& f) {
          if (!found && contains(f.polygon, u.point)) found = std::move(f);
        },
        m_o.cancel);
    if (!r) return std::unexpected(r.error());
    if (!found || found->area > m_o.gapTolerance) return std::optional<OverlayFace>{};
    if (whole || inside(found->box, region)) {
      found->owners.clear();
      found->boundaryOwners.erase(std::remove(found->boundaryOwners.begin(), found->boundaryOwners.end(), kFrame),
                                  found->boundaryOwners.end());
      return found;
    }
  }
}

Result<void> Checker::zoneTile(int t, TileResult& out) const {
  std::vector<std::uint32_t> owned;
  std::vector<Extent> ownedBoxes;
  for (std::uint32_t p : m_tileParcels[t])
    if (parcelOwned(p, t)) {
      owned.push_back(p);
      ownedBoxes.push_back(m_boxes[p]);
    }
  if (owned.empty()) return {};
  std::vector<std::uint32_t> zones;
  for (auto [i, z] : intersectingBoxes(ownedBoxes, m_zoneBoxes)) zones.push_back(static_cast<std::uint32_t>(z));
  std::sort(zones.begin(), zones.end());
  zones.erase(std::unique(zones.begin(), zones.end()), zones.end());
  std::vector<OverlayInput> in;
  addPartsOf(owned, in);
  const auto offset = static_cast<std::uint32_t>(m_parts.size());
  for (std::uint32_t zp = 0; zp < m_zoneParts.size(); ++zp)
    if (std::binary_search(zones.begin(), zones.end(), m_zoneParts[zp].parcel))
      in.push_back({offset + zp, m_zoneParts[zp].polygon});
  auto need = [&](const std::vector<std::uint32_t>& owners, bool) {
    return !owners.empty() && owners.front() < offset ? FaceNeed::Geometry : FaceNeed::Skip;
  };
  auto sink = [&](OverlayFace&& f) {
    std::vector<std::uint32_t> parcels, zoneSet;
    for (auto o : f.owners) {
      if (o < offset) parcels.push_back(m_parts[o].parcel);
      else zoneSet.push_back(m_zoneParts[o - offset].parcel);
    }
    std::sort(zoneSet.begin(), zoneSet.end());
    zoneSet.erase(std::unique(zoneSet.begin(), zoneSet.end()), zoneSet.end());
    parcels.erase(std::unique(parcels.begin(), parcels.end()), parcels.end());
    const std::size_t kept = out.keep(f);
    for (auto p : parcels) {
      auto& pieces = out.zonePieces[p][zoneSet];
      pieces.area += f.area;
      pieces.faces.push_back(kept);
    }
  };
  return overlay(in, need, sink, m_o.cancel);
}

Finding Checker::gapFinding(OverlayFace& f) const {
  Finding out;
  out.type = FindingType::Gap;
  for (auto o : f.boundaryOwners) out.fids.push_back(m_parcels[m_parts[o].parcel].fid);
  std::sort(out.fids.begin(), out.fids.end());
  out.fids.erase(std::unique(out.fids.begin(), out.fids.end()), out.fids.end());
  out.area = f.area;
  out.location = interiorPoint(f.polygon);
  out.geometry = multiPolygon({std::move(f.polygon)});
  out.message = "uncovered gap of " + fmtArea(out.area) + " between " + std::to_string(out.fids.size()) + " parcels";
  return out;
}

void Checker::collect(std::vector<TileResult>& results, OverlayCheckResult& out) const {
  for (auto& r : results) {
    for (auto& [pair, pieces] : r.overlaps) {
      if (pieces.area <= m_o.minArea) {
        if (pieces.area > 0) ++out.overlapsBelowMinArea;
        continue;
      }
      Finding f;
      f.type = FindingType::Overlap;
      f.fids = {m_parcels[pair.first].fid, m_parcels[pair.second].fid};
      std::sort(f.fids.begin(), f.fids.end());
      f.area = pieces.area;
      f.geometry = multiPolygon(facesOf(r, pieces));
      f.location = interiorPoint(f.geometry);
      f.message = "parcels overlap by " + fmtArea(f.area);
      out.findings.push_back(std::move(f));
    }
    for (auto& [p, pieces] : r.selfOverlaps) {
      if (pieces.area <= 0) continue;
      Finding f;
      f.type = FindingType::SelfIntersection;
      f.fids = {m_parcels[p].fid};
      f.area = pieces.area;
      f.geometry = multiPolygon(facesOf(r, pieces));
      f.location = interiorPoint(f.geometry);
      f.message = "parts of the multipolygon overlap by " + fmtArea(f.area);
      out.findings.push_back(std::move(f));
    }
    for (auto& g : r.gaps) {
      if (g.area <= m_o.minArea) {
        ++out.gapsBelowMinArea;
        continue;
      }
      out.findings.push_back(gapFinding(g));
    }
    for (auto& [p, sets] : r.zonePieces) {
      double total = 0, best = -1;
      const std::vector<std::uint32_t>* major = nullptr;
      for (auto& [zs, pieces] : sets) {
        total += pieces.area;
        if (pieces.area > best) {
          best = pieces.area;
          major = &zs;
        }
      }
      std::vector<std::pair<const std::vector<std::uint32_t>*, Pieces*>> significant;
      for (auto& [zs, pieces] : sets)
        if (pieces.area > m_o.minArea) significant.emplace_back(&zs, &pieces);
      if (significant.size() < 2 || total <= 0) continue;
      Finding f;
      f.type = FindingType::CrossesBoundary;
      f.fids = {m_parcels[p].fid};
      std::string where;
      std::vector<Polygon> minority;
      for (auto& [zs, pieces] : significant) {
        std::string label;
        for (auto z : *zs) {
          f.otherFids.push_back(m_zones[z].fid);
          label += (label.empty() ? "" : " + ") + m_zones[z].label;
        }
        if (zs->empty()) label = "outside every zone";
        char share[32];
        std::snprintf(share, sizeof share, " (%.1f%%)", 100 * pieces->area / total);
        where += (where.empty() ? "" : ", ") + label + share;
        if (zs != major) {
          f.area += pieces->area;
          for (auto i : pieces->faces) minority.push_back(r.faces[i]);
        }
      }
      std::sort(f.otherFids.begin(), f.otherFids.end());
      f.otherFids.erase(std::unique(f.otherFids.begin(), f.otherFids.end()), f.otherFids.end());
      f.geometry = multiPolygon(std::move(minority));
      f.location = interiorPoint(f.geometry);
      f.message = "parcel crosses a boundary: " + where;
      out.findings.push_back(std::move(f));
    }
  }
}

Result<OverlayCheckResult> Checker::run() {
  OverlayCheckResult out;
  const int tiles = m_grid.count();
  out.tiles = tiles;
  std::vector<TileResult> results(tiles);
  std::atomic<int> next{0}, done{0};
  std::mutex errorMutex;
  std::optional<Error> error;
  auto process = [&](int t) {
    try {
      auto r = runTile(t, results[t]);
      if (r && !m_zones.empty()) r = zoneTile(t, results[t]);
      if (!r) {
        std::lock_guard lock(errorMutex);
        if (!error) error = r.error();
      }
    } catch (const std::exception& e) {  // bad_alloc and the like: reported, never thrown on
      std::lock_guard lock(errorMutex);
      if (!error) error = Error{ErrorCode::Internal, std::string("overlay tile failed: ") + e.what(), {}, {}, {}};
    }
    ++done;
  };
  auto failed = [&] {
    std::lock_guard lock(errorMutex);
    return error.has_value() || cancelled();
  };
  const unsigned hw = std::max(1u, std::thread::hardware_concurrency());
  const int threads = std::min(tiles, m_o.threads > 0 ? m_o.threads : static_cast<int>(hw));
  std::vector<std::thread> pool;
  for (int i = 1; i < threads; ++i)
    pool.emplace_back([&] {
      for (int t = next++; t < tiles && !failed(); t = next++) process(t);
    });
  // The calling thread works too, reporting progress between its tiles.
  for (int t = next++; t < tiles && !failed(); t = next++) {
    if (m_o.progress)
      m_o.progress(0.1 + 0.85 * done / tiles,
                   "exact overlay: tile " + std::to_string(done + 1) + " of " + std::to_string(tiles));
    process(t);
  }
  for (auto& th : pool) th.join();
  if (cancelled()) return fail(ErrorCode::Cancelled, "validation cancelled");
  if (error) return std::unexpected(*error);
  std::vector<OverlayFace> resolved;
  for (int t = 0; t < tiles; ++t) {
    for (const auto& u : results[t].undecided) {
      auto face = resolveGap(u);
      if (!face) return std::unexpected(face.error());
      if (*face) resolved.push_back(std::move(**face));
    }
  }
  // Pieces of one long gap may have been undecided in several tiles: keep each face once.
  auto key = [](const OverlayFace& f) { return std::make_tuple(f.box.minX, f.box.minY, f.box.maxX, f.box.maxY, f.area); };
  std::sort(resolved.begin(), resolved.end(), [&](const auto& a, const auto& b) { return key(a) < key(b); });
  resolved.erase(std::unique(resolved.begin(), resolved.end(), [&](const auto& a, const auto& b) { return key(a) == key(b); }),
                 resolved.end());
  if (!results.empty())
    for (auto& f : resolved) results.front().gaps.push_back(std::move(f));
  collect(results, out);
  return out;
}

}  // namespace

Result<OverlayCheckResult> overlayChecks(const std::vector<ParcelInput>& parcels, const std::vector<ZoneInput>& zones,
                                         const TopologyOptions& options) {
  Checker checker(parcels, zones, options);
  return checker.run();
}

}  // namespace dothi::geo::analysis::detail
