#include "dothi/geo/analysis/topology.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
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

void checkSliver(const ParcelInput& p, double width, std::vector<Finding>& out) {
  const double a = area(p.geometry), per = length(p.geometry);
  if (a <= 0 || per <= 0) return;
  const double meanWidth = 2 * a / per;  // a w×L strip gives w·L/(w+L) ≈ w
  if (meanWidth >= width) return;
  Finding f;
  f.type = FindingType::Sliver;
  f.fids = {p.fid};
  f.geometry = p.geometry;
  f.area = a;
  f.length = per;
  f.location = interiorPoint(p.geometry);
  char msg[160];
  std::snprintf(msg, sizeof msg, "sliver: %.3f m wide on average (2·area/perimeter), %.2f m² over %.2f m", meanWidth, a, per);
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
