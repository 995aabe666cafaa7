#pragma once
#include <string>

#include "dothi/geo/geometry.hpp"

namespace dothi::importers::detail {

/// OGC validity by GEOS: "" when valid, else GEOS's reason ("Self-intersection[x y]").
std::string validityProblem(const geo::Geometry& g);

}  // namespace dothi::importers::detail
