#include "geos_validity.hpp"

#include <geos_c.h>

#include <memory>

namespace dothi::importers::detail {

namespace {
/// One GEOS context per thread: handles are not shareable across threads.
struct GeosContext {
  GEOSContextHandle_t h = GEOS_init_r();
  GEOSWKBReader* reader = GEOSWKBReader_create_r(h);
  ~GeosContext() {
    GEOSWKBReader_destroy_r(h, reader);
    GEOS_finish_r(h);
  }
};
}  // namespace

std::string validityProblem(const geo::Geometry& g) {
  if (g.isEmpty() || geo::dimensionOf(g.type) < 1) return {};
  thread_local GeosContext ctx;
  const auto wkb = geo::toWkb(g);
  GEOSGeometry* geom = GEOSWKBReader_read_r(ctx.h, ctx.reader, wkb.data(), wkb.size());
  if (!geom) return "geometry GEOS cannot read (too few points in a ring?)";
  std::string out;
  if (GEOSisValid_r(ctx.h, geom) != 1) {
    char* reason = GEOSisValidReason_r(ctx.h, geom);
    out = reason ? reason : "invalid geometry";
    GEOSFree_r(ctx.h, reason);
  }
  GEOSGeom_destroy_r(ctx.h, geom);
  return out;
}

}  // namespace dothi::importers::detail
