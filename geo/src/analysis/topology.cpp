#include "dothi/geo/analysis/topology.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <queue>
#include <unordered_map>

#include "analysis/overlay_checks.hpp"
#include "analysis/ring_checks.hpp"

namespace dothi::geo::analysis {

namespace {

std::string trimmed(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

Geometry lineOf(const Ring& ring) {
  Geometry g;
  g.type = GeometryType::LineString;
  g.lines.push_back({ring});
  return g;
}

/// Shell orientation against the rule; returns the convention used, for the report.
std::string checkShellTurns(const std::vector<ParcelInput>& parcels,
                            const std::vector<std::vector<detail::ShellTurn>>& turns, OrientationRule rule,
                            std::vector<Finding>& out) {
  std::int64_t ccw = 0, cw = 0;
  for (const auto& t : turns)
    for (const auto& s : t) (s.sign > 0 ? ccw : s.sign < 0 ? cw : ccw) += s.sign != 0;
  int expected = 1;
  std::string convention;
  switch (rule) {
    case OrientationRule::Ccw: convention = "counter-clockwise shells (OGC/GeoJSON), as asked"; break;
    case OrientationRule::Cw:
      expected = -1;
      convention = "clockwise shells (ESRI Shapefile), as asked";
      break;
    case OrientationRule::Layer:
      expected = cw > ccw ? -1 : 1;
      convention = std::string(expected > 0 ? "counter-clockwise" : "clockwise") + " shells, like " +
                   std::to_string(std::max(cw, ccw)) + " of " + std::to_string(cw + ccw) + " shells of the layer";
      break;
  }
  for (std::size_t i = 0; i < parcels.size(); ++i)
    for (const auto& s : turns[i]) {
      if (s.sign == 0 || s.sign == expected) continue;
      const Polygon& poly = parcels[i].geometry.polygons[s.part];
      Finding f;
      f.type = FindingType::WrongOrientation;
      f.fids = {parcels[i].fid};
      f.location = interiorPoint(poly);
      f.geometry = lineOf(poly.outer);
      f.length = length(f.geometry);
      f.message = std::string("shell turns ") + (s.sign > 0 ? "counter-clockwise" : "clockwise") + "; expected " +
                  (expected > 0 ? "counter-clockwise" : "clockwise");
      out.push_back(std::move(f));
    }
  return convention;
}

Geometry wholeOf(const std::vector<const ParcelInput*>& ps) {
  Geometry g;
  for (const auto* p : ps)
    for (const auto& poly : p->geometry.polygons) g.polygons.push_back(poly);
  g.type = g.polygons.size() == 1 ? GeometryType::Polygon : GeometryType::MultiPolygon;
  return g;
}

void checkIds(const std::vector<ParcelInput>& parcels, std::vector<Finding>& out) {
  std::map<std::string, std::vector<const ParcelInput*>> byId;
  for (const auto& p : parcels) {
    const std::string id = p.id ? trimmed(*p.id) : std::string{};
    if (id.empty()) {
      Finding f;
      f.type = FindingType::MissingId;
      f.fids = {p.fid};
      f.geometry = wholeOf({&p});
      f.area = area(p.geometry);
      f.location = interiorPoint(p.geometry);
      f.message = "parcel has no id";
      out.push_back(std::move(f));
    } else {
      byId[id].push_back(&p);
    }
  }
  for (const auto& [id, ps] : byId) {
    if (ps.size() < 2) continue;
    Finding f;
    f.type = FindingType::DuplicateId;
    std::string list;
    for (const auto* p : ps) {
      f.fids.push_back(p->fid);
      list += (list.empty() ? "" : ", ") + std::to_string(p->fid);
    }
    f.geometry = wholeOf(ps);
    f.area = area(f.geometry);
    f.location = interiorPoint(ps.front()->geometry);
    f.message = "id '" + id + "' is used by " + std::to_string(ps.size()) + " parcels (fids " + list + ")";
    out.push_back(std::move(f));
  }
}

/// Distance from p to the nearest ring edge of `poly`, negative outside it.
double signedEdgeDistance(const Polygon& poly, const Point& p) {
  double d = std::numeric_limits<double>::infinity();
  auto ring = [&](const Ring& r) {
    for (std::size_t i = 0; i + 1 < r.size(); ++i) {
      const Point& a = r[i];
      const Point& b = r[i + 1];
      const double dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
      const double t = len2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0) : 0.0;
      d = std::min(d, std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy)));
    }
  };
  ring(poly.outer);
  for (const auto& h : poly.holes) ring(h);
  return contains(poly, p) ? d : -d;
}

/// Whether some part of `g` holds a disc of diameter `width`: the largest inscribed circle
/// searched by cells (the "pole of inaccessibility" quadtree), stopping as soon as the answer is
/// known. `diameter` gets the widest found (a lower bound; exact to the cells' size when false).
bool holdsDisc(const Geometry& g, double width, double& diameter) {
  struct Cell {
    Point c;
    double h, d;  // half size, signed distance of the centre
    [[nodiscard]] double potential() const { return d + h * std::sqrt(2.0); }
  };
  const double radius = width / 2;
  double best = 0;
  for (const auto& poly : g.polygons) {
    Geometry part;
    part.polygons = {poly};
    const Extent e = extentOf(part);
    const double size = std::min(e.width(), e.height());
    if (!(size > 0)) continue;
    auto cmp = [](const Cell& a, const Cell& b) { return a.potential() < b.potential(); };
    std::priority_queue<Cell, std::vector<Cell>, decltype(cmp)> cells(cmp);
    const double h = size / 2;
    for (double x = e.minX; x < e.maxX; x += size)
      for (double y = e.minY; y < e.maxY; y += size) {
        const Point c{x + h, y + h};
        cells.push({c, h, signedEdgeDistance(poly, c)});
      }
    // Cells cannot beat the best by less than 1 % of the width: enough to decide.
    const double precision = width * 0.01;
    while (!cells.empty()) {
      const Cell cell = cells.top();
      cells.pop();
      best = std::max(best, cell.d);
      if (best >= radius) {
        diameter = 2 * best;
        return true;
      }
      if (cell.potential() < radius || cell.potential() - best <= precision) break;  // the best cell left cannot hold it
      const double q = cell.h / 2;
      for (const double dx : {-q, q})
        for (const double dy : {-q, q}) {
          const Point c{cell.c.x + dx, cell.c.y + dy};
          cells.push({c, q, signedEdgeDistance(poly, c)});
        }
    }
  }
  diameter = 2 * best;
  return false;
}

void checkSliver(const ParcelInput& p, double width, std::vector<Finding>& out) {
  const double a = area(p.geometry), per = length(p.geometry);
  if (a <= 0 || per <= 0) return;
  // Every point of a shape lies within its largest inscribed radius r of the boundary, so
  // area <= perimeter·r: the mean width 2·area/perimeter never exceeds the widest disc. Only
  // shapes thin on average are searched for a disc as wide as the tolerance (a dumbbell of two
  // lots joined by a long strip is thin on average, yet no sliver).
  const double meanWidth = 2 * a / per;
  if (meanWidth >= width) return;
  double widest = 0;
  if (holdsDisc(p.geometry, width, widest)) return;
  Finding f;
  f.type = FindingType::Sliver;
  f.fids = {p.fid};
  f.geometry = p.geometry;
  f.area = a;
  f.length = per;
  f.location = interiorPoint(p.geometry);
  char msg[200];
  std::snprintf(msg, sizeof msg, "sliver: nowhere %.3f m wide (widest inscribed circle %.3f m; 2·area/perimeter %.3f m), %.2f m² over %.2f m",
                width, widest, meanWidth, a, per);
  f.message = msg;
  out.push_back(std::move(f));
}

}  // namespace

Result<TopologyReport> validateTopology(const std::vector<ParcelInput>& parcels, const std::vector<ZoneInput>& zones,
                                        const TopologyOptions& o) {
  TopologyReport report;
  report.parcels = static_cast<std::int64_t>(parcels.size());
  report.zones = static_cast<std::int64_t>(zones.size());
  auto& out = report.findings;
  if (o.progress) o.progress(0, "checking rings");
  std::vector<std::vector<detail::ShellTurn>> turns(parcels.size());
  for (std::size_t i = 0; i < parcels.size(); ++i) {
    if (i % 2048 == 0 && o.cancel && o.cancel->load()) return fail(ErrorCode::Cancelled, "validation cancelled");
    const ParcelInput& p = parcels[i];
    if (p.geometry.polygons.empty()) {
      Finding f;
      f.type = FindingType::EmptyGeometry;
      f.fids = {p.fid};
      f.location = interiorPoint(p.geometry);
      f.message = p.geometry.isEmpty() ? "parcel has no geometry" : "parcel geometry is not a polygon";
      out.push_back(std::move(f));
      continue;
    }
    const std::size_t first = out.size();
    detail::checkRings(p.geometry, o.spikeAngle, out, turns[i]);
    for (std::size_t k = first; k < out.size(); ++k) out[k].fids = {p.fid};
    checkSliver(p, o.sliverWidth, out);
  }
  report.orientationConvention = checkShellTurns(parcels, turns, o.orientation, out);
  if (o.checkIds) checkIds(parcels, out);
  if (o.progress) o.progress(0.1, "exact overlay");
  auto overlay = detail::overlayChecks(parcels, zones, o);
  if (!overlay) return std::unexpected(overlay.error());
  report.tiles = overlay->tiles;
  report.overlapsBelowMinArea = overlay->overlapsBelowMinArea;
  report.gapsBelowMinArea = overlay->gapsBelowMinArea;
  for (auto& f : overlay->findings) out.push_back(std::move(f));

  std::unordered_map<std::int64_t, const ParcelInput*> byFid;
  for (const auto& p : parcels) byFid.emplace(p.fid, &p);
  for (auto& f : out) {
    f.ids.clear();
    for (auto fid : f.fids) {
      auto it = byFid.find(fid);
      f.ids.push_back(it != byFid.end() ? it->second->id : std::nullopt);
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const Finding& a, const Finding& b) {
    if (a.type != b.type) return a.type < b.type;
    if (a.fids != b.fids) return a.fids < b.fids;
    if (a.location.x != b.location.x) return a.location.x < b.location.x;
    return a.location.y < b.location.y;
  });
  if (o.progress) o.progress(1, "done");
  return report;
}

}  // namespace dothi::geo::analysis
