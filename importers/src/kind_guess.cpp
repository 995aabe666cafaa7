// Guessing what a layer is from its shape: planners import whatever the agency sent, often with
// no metadata, and expect buildings to stand up and parcels to lie flat without being asked.
#include <algorithm>
#include <array>
#include <cctype>

#include "dothi/importers/importer.hpp"

namespace dothi::importers {

namespace {
std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

template <std::size_t N>
bool anyField(const geo::Schema& fields, const std::array<const char*, N>& names) {
  return std::any_of(fields.begin(), fields.end(), [&](const geo::Field& f) {
    const std::string n = lower(f.name);
    return std::any_of(names.begin(), names.end(), [&](const char* want) { return n == want; });
  });
}

template <std::size_t N>
bool nameHas(const std::string& name, const std::array<const char*, N>& words) {
  const std::string n = lower(name);
  return std::any_of(words.begin(), words.end(), [&](const char* w) { return n.find(w) != std::string::npos; });
}

constexpr std::array kBuildingFields = {"height", "building", "building:levels", "building_levels", "levels",
                                        "so_tang", "chieu_cao", "roof_shape", "roof:shape"};
constexpr std::array kParcelFields = {"parcel_id", "parcel", "so_thua", "to_ban_do", "sothua", "tobando", "kak",
                                      "lot", "plot", "pin", "apn", "cadastre", "cad_ref", "ma_thua"};
constexpr std::array kZoningFields = {"zoning", "zone", "zone_code", "far", "max_height", "hsdd", "mat_do_xd"};
constexpr std::array kLanduseFields = {"landuse", "land_use", "leisure", "natural", "lu_code", "loai_dat", "mdsd"};
constexpr std::array kRoadFields = {"highway", "road", "street", "oneway", "lanes", "maxspeed", "ten_duong"};

constexpr std::array kBuildingNames = {"building", "bldg", "nha", "toa_nha"};
constexpr std::array kParcelNames = {"cadastr", "parcel", "thua", "lot", "kataster", "diachinh"};
constexpr std::array kZoningNames = {"zoning", "zone", "quy_hoach", "quyhoach"};
constexpr std::array kLanduseNames = {"landuse", "land_use", "sdd", "hien_trang"};
constexpr std::array kRoadNames = {"road", "street", "highway", "duong", "giao_thong"};
}  // namespace

geo::LayerKind guessKind(geo::GeometryType type, const geo::Schema& fields, const std::string& name) {
  using geo::LayerKind;
  switch (geo::dimensionOf(type)) {
    case 2:
      if (anyField(fields, kBuildingFields) || nameHas(name, kBuildingNames)) return LayerKind::Buildings;
      if (anyField(fields, kParcelFields) || nameHas(name, kParcelNames)) return LayerKind::Parcels;
      if (anyField(fields, kZoningFields) || nameHas(name, kZoningNames)) return LayerKind::Zoning;
      if (anyField(fields, kLanduseFields) || nameHas(name, kLanduseNames)) return LayerKind::Landuse;
      return LayerKind::Other;
    case 1:
      if (anyField(fields, kRoadFields) || nameHas(name, kRoadNames)) return LayerKind::Roads;
      return LayerKind::Infrastructure;
    case 0: return LayerKind::Infrastructure;
    default: return LayerKind::Other;
  }
}

}  // namespace dothi::importers
