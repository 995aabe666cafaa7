#include "dothi/geo/analysis/geodesic.hpp"

#include <geodesic.h>

#include <cmath>

#include "detail/proj_handle.hpp"

namespace dothi::geo::analysis {

using detail::ProjContext;
using detail::ProjObject;

struct GeodesicCalculator::Impl {
  ProjContext ctx;
  ProjObject toGeographic;  ///< layer CRS → base geographic CRS, lon/lat order
  geod_geodesic geod{};
  std::string description;
};

namespace {
std::string nameOf(PJ* pj) {
  const char* n = proj_get_name(pj);
  const char* auth = proj_get_id_auth_name(pj, 0);
  const char* code = proj_get_id_code(pj, 0);
  std::string s = n ? n : "?";
  if (auth && code) s += std::string(" (") + auth + ":" + code + ")";
  return s;
}

/// Ring vertices densified so that no piece is longer than maxSegment (CRS units).
std::vector<PJ_COORD> densify(const Ring& ring, double maxSegment) {
  std::vector<PJ_COORD> out;
  std::size_t n = ring.size();
  if (n >= 2 && ring.front().x == ring.back().x && ring.front().y == ring.back().y) --n;
  for (std::size_t i = 0; i < n; ++i) {
    const Point& a = ring[i];
    const Point& b = ring[(i + 1) % n];
    const double len = std::hypot(b.x - a.x, b.y - a.y);
    const int pieces = maxSegment > 0 ? std::max(1, static_cast<int>(std::ceil(len / maxSegment))) : 1;
    for (int k = 0; k < pieces; ++k) {
      const double t = static_cast<double>(k) / pieces;
      out.push_back(proj_coord(a.x + t * (b.x - a.x), a.y + t * (b.y - a.y), 0, 0));
    }
  }
  return out;
}
}  // namespace

Result<GeodesicCalculator> GeodesicCalculator::create(const std::string& crs) {
  auto impl = std::make_unique<Impl>();
  impl->ctx.reset(proj_context_create());
  PJ_CONTEXT* ctx = impl->ctx.get();
  proj_log_level(ctx, PJ_LOG_NONE);
  ProjObject source(ctx, proj_create(ctx, crs.c_str()));
  if (!source || !proj_is_crs(source.get())) return fail(ErrorCode::Crs, "PROJ does not understand the CRS '" + crs + "'");
  ProjObject geographic(ctx, proj_crs_get_geodetic_crs(ctx, source.get()));
  if (!geographic) return fail(ErrorCode::Crs, "the CRS '" + crs + "' has no geographic base");
  ProjObject ellipsoid(ctx, proj_get_ellipsoid(ctx, geographic.get()));
  double a = 0, b = 0, invFlattening = 0;
  int computed = 0;
  if (!ellipsoid || !proj_ellipsoid_get_parameters(ctx, ellipsoid.get(), &a, &b, &computed, &invFlattening))
    return fail(ErrorCode::Crs, "no ellipsoid for the CRS '" + crs + "'");
  geod_init(&impl->geod, a, invFlattening > 0 ? 1 / invFlattening : 0);
  ProjObject op(ctx, proj_create_crs_to_crs_from_pj(ctx, source.get(), geographic.get(), nullptr, nullptr));
  if (!op) return fail(ErrorCode::Crs, "no transformation from '" + crs + "' to its geographic base");
  impl->toGeographic = ProjObject(ctx, proj_normalize_for_visualization(ctx, op.get()));
  if (!impl->toGeographic) return fail(ErrorCode::Crs, "cannot normalise the axis order of '" + crs + "'");
  impl->description = nameOf(geographic.get()) + " on " + nameOf(ellipsoid.get());
  return GeodesicCalculator(std::move(impl));
}

GeodesicCalculator::GeodesicCalculator(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
GeodesicCalculator::GeodesicCalculator(GeodesicCalculator&&) noexcept = default;
GeodesicCalculator& GeodesicCalculator::operator=(GeodesicCalculator&&) noexcept = default;
GeodesicCalculator::~GeodesicCalculator() {
  if (m_impl) m_impl->toGeographic.reset();  // before its context
}

std::string GeodesicCalculator::description() const { return m_impl->description; }

Result<GeodesicMeasure> GeodesicCalculator::measure(const Geometry& g, double maxSegment) const {
  GeodesicMeasure m;
  for (const auto& poly : g.polygons) {
    for (std::size_t r = 0; r <= poly.holes.size(); ++r) {
      const Ring& ring = r == 0 ? poly.outer : poly.holes[r - 1];
      std::vector<PJ_COORD> pts = densify(ring, maxSegment);
      if (pts.size() < 3) continue;
      proj_trans_array(m_impl->toGeographic.get(), PJ_FWD, pts.size(), pts.data());
      geod_polygon p;
      geod_polygon_init(&p, 0);
      for (const auto& c : pts) {
        if (!std::isfinite(c.lp.lam) || !std::isfinite(c.lp.phi))
          return fail(ErrorCode::Crs, "a vertex cannot be transformed to geographic coordinates");
        geod_polygon_addpoint(&m_impl->geod, &p, c.xy.y, c.xy.x);  // (lat, lon)
      }
      double area = 0, perimeter = 0;
      geod_polygon_compute(&m_impl->geod, &p, 0, 1, &area, &perimeter);
      m.area += r == 0 ? std::abs(area) : -std::abs(area);
      m.perimeter += perimeter;
    }
  }
  return m;
}

}  // namespace dothi::geo::analysis
