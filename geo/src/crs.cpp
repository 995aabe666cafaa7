#include "dothi/geo/crs.hpp"

#include <algorithm>
#include <cmath>
#include <string_view>

#include "detail/proj_handle.hpp"

namespace dothi::geo {

using detail::ProjContext;
using detail::ProjObject;

namespace {

std::string lastProjError(PJ_CONTEXT* ctx) {
  const int errno_ = proj_context_errno(ctx);
  const char* msg = errno_ ? proj_context_errno_string(ctx, errno_) : nullptr;
  return msg ? msg : "not understood by PROJ";
}

std::string idOf(PJ* pj) {
  const char* auth = proj_get_id_auth_name(pj, 0);
  const char* code = proj_get_id_code(pj, 0);
  return auth && code ? std::string(auth) + ":" + code : std::string{};
}

/// Horizontal part of a compound CRS, source of a bound CRS; the CRS itself otherwise.
ProjObject horizontalCrs(PJ_CONTEXT* ctx, ProjObject crs) {
  PJ_TYPE t = proj_get_type(crs.get());
  if (t == PJ_TYPE_COMPOUND_CRS) return horizontalCrs(ctx, ProjObject(ctx, proj_crs_get_sub_crs(ctx, crs.get(), 0)));
  if (t == PJ_TYPE_BOUND_CRS) return horizontalCrs(ctx, ProjObject(ctx, proj_get_source_crs(ctx, crs.get())));
  return crs;
}

std::string identify(PJ_CONTEXT* ctx, PJ* pj) {
  std::string id = idOf(pj);
  if (!id.empty()) return id;
  int* confidence = nullptr;
  PJ_OBJ_LIST* list = proj_identify(ctx, pj, "EPSG", nullptr, &confidence);
  if (list && proj_list_get_count(list) > 0 && confidence[0] >= 90) {
    ProjObject best(ctx, proj_list_get(ctx, list, 0));
    id = idOf(best.get());
  }
  proj_int_list_destroy(confidence);
  proj_list_destroy(list);
  return id;
}

void fillDetails(PJ_CONTEXT* ctx, PJ* whole, PJ* horizontal, CrsInfo& info) {
  const char* name = proj_get_name(whole);
  info.name = name ? name : "";
  const PJ_TYPE t = proj_get_type(horizontal);
  info.projected = t == PJ_TYPE_PROJECTED_CRS;
  info.geographic = t == PJ_TYPE_GEOGRAPHIC_2D_CRS || t == PJ_TYPE_GEOGRAPHIC_3D_CRS;
  ProjObject geodetic(ctx, proj_crs_get_geodetic_crs(ctx, horizontal));
  if (geodetic) {
    info.baseGeographicAuthCode = identify(ctx, geodetic.get());
    ProjObject datum(ctx, proj_crs_get_datum_forced(ctx, geodetic.get()));
    if (datum && proj_get_name(datum.get())) info.datumName = proj_get_name(datum.get());
  }
  double w, s, e, n;
  if (proj_get_area_of_use(ctx, whole, &w, &s, &e, &n, nullptr) && w > -1000) {
    Extent a;
    a.include(Point{w, s, 0});
    a.include(Point{e < w ? e + 360 : e, n, 0});  // areas crossing the antimeridian
    info.areaOfUse = a;
  }
  const char* wkt = proj_as_wkt(ctx, whole, PJ_WKT2_2019, nullptr);
  info.wkt = wkt ? wkt : "";
}

}  // namespace

Result<CrsInfo> describeCrs(const std::string& definition) {
  if (definition.empty()) return fail(ErrorCode::Crs, "no CRS given");
  ProjContext ctx(proj_context_create());
  proj_log_level(ctx.get(), PJ_LOG_NONE);  // we report the failure ourselves, with the definition
  ProjObject crs(ctx.get(), proj_create(ctx.get(), definition.c_str()));
  if (!crs || !proj_is_crs(crs.get())) {
    std::string shown = definition.size() > 80 ? definition.substr(0, 77) + "..." : definition;
    return fail(ErrorCode::Crs, "unknown CRS '" + shown + "' (" + lastProjError(ctx.get()) + ")");
  }
  CrsInfo info;
  info.definition = definition;
  info.authCode = identify(ctx.get(), crs.get());
  ProjObject horizontal = horizontalCrs(ctx.get(), ProjObject(ctx.get(), proj_clone(ctx.get(), crs.get())));
  fillDetails(ctx.get(), crs.get(), horizontal.get(), info);
  return info;
}

std::string canonicalCrs(const CrsInfo& info) { return info.authCode.empty() ? info.wkt : info.authCode; }

Result<std::string> chooseProjectCrs(const CrsInfo& source, const Extent& lonLatExtent) {
  if (source.projected) return canonicalCrs(source);
  if (lonLatExtent.isEmpty()) return fail(ErrorCode::Crs, "cannot choose a project CRS for data with no extent");
  const Point c = lonLatExtent.center();
  if (c.x < -180 || c.x > 180 || c.y < -90 || c.y > 90)
    return fail(ErrorCode::Crs, "coordinates are not longitude/latitude degrees although the CRS is geographic");
  if (source.baseGeographicAuthCode == "EPSG:4756")  // VN-2000: its own UTM zones, same datum
    return std::string(c.x < 108.0 ? "EPSG:3405" : "EPSG:3406");
  const int zone = std::clamp(static_cast<int>(std::floor((c.x + 180.0) / 6.0)) + 1, 1, 60);
  return "EPSG:" + std::to_string((c.y >= 0 ? 32600 : 32700) + zone);
}

struct Transformer::Impl {
  ProjContext ctx;
  ProjObject op;
  bool identity = false;
};

Transformer::Transformer(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Transformer::Transformer(Transformer&&) noexcept = default;
Transformer& Transformer::operator=(Transformer&&) noexcept = default;
Transformer::~Transformer() = default;

Result<Transformer> Transformer::create(const std::string& from, const std::string& to) {
  auto impl = std::make_unique<Impl>();
  impl->ctx.reset(proj_context_create());
  PJ_CONTEXT* ctx = impl->ctx.get();
  proj_log_level(ctx, PJ_LOG_NONE);
  impl->identity = from == to;
  ProjObject raw(ctx, proj_create_crs_to_crs(ctx, from.c_str(), to.c_str(), nullptr));
  if (!raw)
    return fail(ErrorCode::Crs, "no transformation from '" + from.substr(0, 80) + "' to '" + to.substr(0, 80) +
                                    "' (" + lastProjError(ctx) + ")");
  impl->op = ProjObject(ctx, proj_normalize_for_visualization(ctx, raw.get()));
  if (!impl->op) return fail(ErrorCode::Crs, "cannot normalise axis order: " + lastProjError(ctx));
  return Transformer(std::move(impl));
}

bool Transformer::transform(Point& p) const {
  if (m_impl->identity) return std::isfinite(p.x) && std::isfinite(p.y);
  PJ_COORD c = proj_coord(p.x, p.y, p.z, HUGE_VAL);
  c = proj_trans(m_impl->op.get(), PJ_FWD, c);
  if (!std::isfinite(c.xyz.x) || !std::isfinite(c.xyz.y)) return false;
  p = {c.xyz.x, c.xyz.y, std::isfinite(c.xyz.z) ? c.xyz.z : p.z};
  return true;
}

Result<void> Transformer::transform(Geometry& g) const {
  bool ok = true;
  Point bad;
  g.forEachPoint([&](Point& p) {
    if (!ok) return;
    const Point before = p;
    if (!transform(p)) {
      ok = false;
      bad = before;
    }
  });
  if (!ok)
    return fail(ErrorCode::Crs, "coordinate (" + std::to_string(bad.x) + ", " + std::to_string(bad.y) +
                                    ") cannot be transformed (outside the CRS's area?)");
  return {};
}

std::string Transformer::operationName() const {
  if (m_impl->identity) return "none (same CRS)";
  PJ_CONTEXT* ctx = m_impl->ctx.get();
  ProjObject used(ctx, proj_trans_get_last_used_operation(m_impl->op.get()));
  const char* name = proj_get_name(used ? used.get() : m_impl->op.get());
  return name ? name : "";
}

bool Transformer::isIdentity() const { return m_impl->identity; }

}  // namespace dothi::geo
