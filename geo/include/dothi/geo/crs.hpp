#pragma once
/// Coordinate reference systems and transformations, through PROJ. A CRS is passed around as
/// its definition string ("EPSG:32632", WKT, PROJJSON); the project stores "AUTH:CODE" when
/// one exists. Every transformation uses x = easting/longitude, y = northing/latitude.
#include <memory>
#include <optional>
#include <string>

#include "dothi/geo/error.hpp"
#include "dothi/geo/geometry.hpp"

namespace dothi::geo {

struct CrsInfo {
  std::string definition;  ///< what was parsed
  std::string authCode;    ///< "EPSG:3405" when PROJ identifies one, else empty
  std::string name;        ///< "VN-2000 / UTM zone 48N"
  bool projected = false;
  bool geographic = false;
  std::string datumName;   ///< datum of the (base) geographic CRS
  std::string baseGeographicAuthCode;  ///< e.g. "EPSG:4756" for all VN-2000 CRSs
  std::optional<Extent> areaOfUse;  ///< in degrees (x = longitude), when PROJ knows it
  std::string wkt;         ///< WKT2:2019
};

/// Parses and describes a CRS. Error code Crs names the definition when PROJ refuses it.
Result<CrsInfo> describeCrs(const std::string& definition);

/// "AUTH:CODE" when the definition identifies one with high confidence, else the WKT.
std::string canonicalCrs(const CrsInfo& info);

/// Picks a local projected CRS for a project from the source CRS and the data's extent in
/// degrees: a projected source keeps its CRS; VN-2000 data goes to VN-2000 UTM 48N/49N; other
/// data to the WGS 84 UTM zone of the extent's centre.
Result<std::string> chooseProjectCrs(const CrsInfo& source, const Extent& lonLatExtent);

/// Transforms coordinates between two CRSs, with the operation PROJ ranks best for the data's
/// area. Owns its own PROJ context: use one Transformer per thread.
class Transformer {
 public:
  static Result<Transformer> create(const std::string& from, const std::string& to);
  Transformer(Transformer&&) noexcept;
  Transformer& operator=(Transformer&&) noexcept;
  ~Transformer();

  /// Transforms one point; false when PROJ cannot (outside the operation's domain).
  bool transform(Point& p) const;
  /// Transforms every vertex; Error(Crs) on the first one PROJ cannot transform.
  Result<void> transform(Geometry& g) const;
  /// Human description of the operation PROJ chose (e.g. "VN-2000 to WGS 84 (2) + UTM zone 48N").
  [[nodiscard]] std::string operationName() const;
  [[nodiscard]] bool isIdentity() const;

 private:
  struct Impl;
  explicit Transformer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m_impl;
};

}  // namespace dothi::geo
