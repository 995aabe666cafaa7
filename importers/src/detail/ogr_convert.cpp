#include "ogr_convert.hpp"

#include <cpl_conv.h>
#include <ogr_srs_api.h>

#include <vector>

namespace dothi::importers::detail {

namespace {
geo::GeometryType fromOgrType(OGRwkbGeometryType t) {
  switch (wkbFlatten(t)) {
    case wkbPoint: return geo::GeometryType::Point;
    case wkbLineString:
    case wkbCircularString:
    case wkbCompoundCurve: return geo::GeometryType::LineString;
    case wkbPolygon:
    case wkbCurvePolygon:
    case wkbTriangle: return geo::GeometryType::Polygon;
    case wkbMultiPoint: return geo::GeometryType::MultiPoint;
    case wkbMultiLineString:
    case wkbMultiCurve: return geo::GeometryType::MultiLineString;
    case wkbMultiPolygon:
    case wkbMultiSurface:
    case wkbPolyhedralSurface:
    case wkbTIN: return geo::GeometryType::MultiPolygon;
    default: return geo::GeometryType::None;
  }
}

/// Declared type, or, when the driver says "unknown" (DGN, DXF, GML...), the common type of the
/// features (a geometry-only scan); None when dimensions are mixed.
geo::GeometryType effectiveType(OGRLayerH layer) {
  geo::GeometryType declared = fromOgrType(OGR_L_GetGeomType(layer));
  if (declared != geo::GeometryType::None) return declared;
  OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
  std::vector<const char*> ignored;
  for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i) ignored.push_back(OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i)));
  ignored.push_back(nullptr);
  OGR_L_SetIgnoredFields(layer, ignored.data());
  int dim = -2;
  bool multi = false;
  OGR_L_ResetReading(layer);
  while (OGRFeatureH f = OGR_L_GetNextFeature(layer)) {
    if (OGRGeometryH g = OGR_F_GetGeometryRef(f)) {
      const auto t = fromOgrType(OGR_G_GetGeometryType(g));
      const int d = wkbFlatten(OGR_G_GetGeometryType(g)) == wkbGeometryCollection ? -1 : geo::dimensionOf(t);
      multi = multi || t != geo::multiTypeOf(t);
      dim = dim == -2 ? d : (dim == d ? dim : -1);
    }
    OGR_F_Destroy(f);
  }
  OGR_L_SetIgnoredFields(layer, nullptr);
  OGR_L_ResetReading(layer);
  constexpr geo::GeometryType kMulti[] = {geo::GeometryType::MultiPoint, geo::GeometryType::MultiLineString,
                                          geo::GeometryType::MultiPolygon};
  (void)multi;
  return dim >= 0 ? kMulti[dim] : geo::GeometryType::None;
}
}  // namespace

std::string crsDefinition(OGRSpatialReferenceH srs) {
  if (!srs) return {};
  OGRSpatialReferenceH copy = OSRClone(srs);
  std::string out;
  if (OSRAutoIdentifyEPSG(copy) == OGRERR_NONE || OSRGetAuthorityName(copy, nullptr)) {
    const char* auth = OSRGetAuthorityName(copy, nullptr);
    const char* code = OSRGetAuthorityCode(copy, nullptr);
    if (auth && code) out = std::string(auth) + ":" + code;
  }
  if (out.empty()) {
    char* wkt = nullptr;
    const char* const opts[] = {"FORMAT=WKT2_2019", nullptr};
    if (OSRExportToWktEx(copy, &wkt, opts) == OGRERR_NONE && wkt) out = wkt;
    CPLFree(wkt);
  }
  OSRDestroySpatialReference(copy);
  return out;
}

geo::Schema layerSchema(OGRLayerH layer) {
  geo::Schema fields;
  OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
  for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i) {
    OGRFieldDefnH fd = OGR_FD_GetFieldDefn(defn, i);
    geo::FieldType t = geo::FieldType::Text;
    switch (OGR_Fld_GetType(fd)) {
      case OFTInteger:
      case OFTInteger64: t = OGR_Fld_GetSubType(fd) == OFSTBoolean ? geo::FieldType::Integer : geo::FieldType::Integer; break;
      case OFTReal: t = geo::FieldType::Real; break;
      default: break;
    }
    fields.push_back({OGR_Fld_GetNameRef(fd), t});
  }
  return fields;
}

SourceLayerInfo describeLayer(OGRLayerH layer) {
  SourceLayerInfo info;
  info.name = OGR_L_GetName(layer);
  info.fields = layerSchema(layer);
  info.crs = crsDefinition(OGR_L_GetSpatialRef(layer));
  info.featureCount = OGR_L_GetFeatureCount(layer, TRUE);
  info.geometryType = info.featureCount == 0 ? fromOgrType(OGR_L_GetGeomType(layer)) : effectiveType(layer);
  OGREnvelope env;
  if (info.featureCount != 0 && OGR_L_GetExtent(layer, &env, TRUE) == OGRERR_NONE)
    info.extent = geo::Extent{env.MinX, env.MinY, env.MaxX, env.MaxY};
  return info;
}

bool convertGeometry(OGRGeometryH g, geo::Geometry& out, std::string* problem) {
  out = geo::Geometry{};
  if (!g || OGR_G_IsEmpty(g)) return true;
  OGRGeometryH linear = OGR_G_HasCurveGeometry(g, TRUE) ? OGR_G_GetLinearGeometry(g, 0, nullptr) : OGR_G_Clone(g);
  const OGRwkbGeometryType flat = wkbFlatten(OGR_G_GetGeometryType(linear));
  if (flat == wkbPolyhedralSurface || flat == wkbTIN) linear = OGR_G_ForceToMultiPolygon(linear);
  std::vector<unsigned char> wkb(static_cast<std::size_t>(OGR_G_WkbSize(linear)));
  const bool ok = OGR_G_ExportToIsoWkb(linear, wkbNDR, wkb.data()) == OGRERR_NONE;
  OGR_G_DestroyGeometry(linear);
  std::string why;
  if (!ok || !geo::fromWkb(wkb.data(), wkb.size(), out, &why)) {
    if (problem) *problem = "unreadable geometry: " + (why.empty() ? std::string("WKB export failed") : why);
    out = geo::Geometry{};
    return false;
  }
  if (out.type == geo::GeometryType::None && !out.isEmpty()) {  // a collection: keep one dimension
    const int kinds = !out.points.empty() + !out.lines.empty() + !out.polygons.empty();
    if (kinds > 1) {
      if (problem) *problem = "geometry collection mixing points, lines and polygons";
      out = geo::Geometry{};
      return false;
    }
    out.type = !out.polygons.empty() ? geo::GeometryType::MultiPolygon
               : !out.lines.empty()  ? geo::GeometryType::MultiLineString
                                     : geo::GeometryType::MultiPoint;
  }
  return true;
}

geo::Feature convertFeature(OGRFeatureH f, const geo::Schema& fields, std::string* problem) {
  geo::Feature out;
  out.id = OGR_F_GetFID(f);
  out.attributes.resize(fields.size());
  for (int i = 0; i < static_cast<int>(fields.size()); ++i) {
    if (!OGR_F_IsFieldSetAndNotNull(f, i)) continue;
    switch (fields[i].type) {
      case geo::FieldType::Integer: out.attributes[i] = static_cast<std::int64_t>(OGR_F_GetFieldAsInteger64(f, i)); break;
      case geo::FieldType::Real: out.attributes[i] = OGR_F_GetFieldAsDouble(f, i); break;
      case geo::FieldType::Text: out.attributes[i] = std::string(OGR_F_GetFieldAsString(f, i)); break;
    }
  }
  convertGeometry(OGR_F_GetGeometryRef(f), out.geometry, problem);
  return out;
}

OGRGeometryH toOgr(const geo::Geometry& g) {
  if (g.isEmpty()) return nullptr;
  auto wkb = geo::toWkb(g);
  OGRGeometryH out = nullptr;
  if (OGR_G_CreateFromWkb(wkb.data(), nullptr, &out, static_cast<int>(wkb.size())) != OGRERR_NONE) return nullptr;
  return out;
}

}  // namespace dothi::importers::detail
