#include <algorithm>

#include "dothi/geo/analysis/overlay.hpp"

namespace dothi::geo::analysis {

Result<std::map<std::pair<std::size_t, std::size_t>, double>> intersectionAreas(const std::vector<const Geometry*>& a,
                                                                               const std::vector<const Geometry*>& b) {
  std::map<std::pair<std::size_t, std::size_t>, double> areas;
  std::vector<Extent> ea, eb;
  for (const auto* g : a) ea.push_back(g ? extentOf(*g) : Extent{});
  for (const auto* g : b) eb.push_back(g ? extentOf(*g) : Extent{});
  const auto candidates = intersectingBoxes(ea, eb);
  if (candidates.empty()) return areas;
  // Connected groups of candidate pairs would allow smaller overlays; one overlay of everything
  // involved is simpler and fast enough for layers of tens of thousands of parcels.
  std::vector<char> useA(a.size()), useB(b.size());
  for (auto [i, j] : candidates) useA[i] = useB[j] = 1;
  struct Owner {
    bool second;
    std::size_t index;
  };
  std::vector<Owner> owners;
  std::vector<OverlayInput> in;
  for (int side = 0; side < 2; ++side) {
    const auto& list = side == 0 ? a : b;
    const auto& use = side == 0 ? useA : useB;
    for (std::size_t i = 0; i < list.size(); ++i) {
      if (!use[i]) continue;
      for (const auto& poly : list[i]->polygons) {
        in.push_back({static_cast<std::uint32_t>(owners.size()), &poly});
        owners.push_back({side == 1, i});
      }
    }
  }
  auto need = [&](const std::vector<std::uint32_t>& o, bool) {
    if (o.size() < 2) return FaceNeed::Skip;
    const bool anyA = std::any_of(o.begin(), o.end(), [&](auto x) { return !owners[x].second; });
    const bool anyB = std::any_of(o.begin(), o.end(), [&](auto x) { return owners[x].second; });
    return anyA && anyB ? FaceNeed::Area : FaceNeed::Skip;
  };
  auto sink = [&](OverlayFace&& f) {
    std::vector<std::size_t> ia, ib;
    for (auto x : f.owners) (owners[x].second ? ib : ia).push_back(owners[x].index);
    std::sort(ia.begin(), ia.end());
    ia.erase(std::unique(ia.begin(), ia.end()), ia.end());
    std::sort(ib.begin(), ib.end());
    ib.erase(std::unique(ib.begin(), ib.end()), ib.end());
    for (auto i : ia)
      for (auto j : ib) areas[{i, j}] += f.area;
  };
  auto r = overlay(in, need, sink);
  if (!r) return std::unexpected(r.error());
  return areas;
}

}  // namespace dothi::geo::analysis
