#pragma once
// Conversions between OGR handles and geo values; the only place they meet.
#include <ogr_api.h>

#include <string>

#include "dothi/geo/feature.hpp"
#include "dothi/importers/importer.hpp"

namespace dothi::importers::detail {

geo::Schema layerSchema(OGRLayerH layer);
/// Name, type (scanned when the driver declares none), count, CRS and extent of a layer.
SourceLayerInfo describeLayer(OGRLayerH layer);
/// "EPSG:N" when GDAL identifies the CRS, else WKT2; "" for none.
std::string crsDefinition(OGRSpatialReferenceH srs);
/// Feature → geo::Feature; unconvertible geometry → empty geometry and `problem` set.
geo::Feature convertFeature(OGRFeatureH f, const geo::Schema& fields, std::string* problem);
/// OGR geometry (curves linearised, collections split by dimension) → geo::Geometry.
bool convertGeometry(OGRGeometryH g, geo::Geometry& out, std::string* problem);
/// geo::Geometry → new OGR geometry (caller destroys), nullptr for empty.
OGRGeometryH toOgr(const geo::Geometry& g);

}  // namespace dothi::importers::detail
