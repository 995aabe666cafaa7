#pragma once
// The checks that need the exact overlay of many parcels: overlaps, gaps, parts of one parcel
// overlapping, and crossing of a boundary layer. The layer is cut into tiles processed in
// parallel; see overlay_checks.cpp for why each defect is found exactly once.
#include <vector>

#include "dothi/geo/analysis/topology.hpp"

namespace dothi::geo::analysis::detail {

struct OverlayCheckResult {
  std::vector<Finding> findings;  ///< fids set, ids not yet
  std::int64_t overlapsBelowMinArea = 0;
  std::int64_t gapsBelowMinArea = 0;
  std::int64_t tiles = 0;
};

Result<OverlayCheckResult> overlayChecks(const std::vector<ParcelInput>& parcels, const std::vector<ZoneInput>& zones,
                                         const TopologyOptions& options);

}  // namespace dothi::geo::analysis::detail
