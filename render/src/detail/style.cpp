#include "detail/style.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <functional>
#include <utility>

#include "dothi/render/city_scene.hpp"

namespace dothi::render {
namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

using Palette = std::initializer_list<std::pair<const char*, osg::Vec4>>;

std::optional<osg::Vec4> lookup(Palette palette, const std::string& key) {
  for (const auto& [name, colour] : palette)
    if (key == name) return colour;
  return std::nullopt;
}

// OSM landuse/leisure/natural values, then Vietnamese land-use codes (Thông tư 75/2015): the
// categories a DoThi user meets most.
std::optional<osg::Vec4> landuseColour(const std::string& c) {
  const osg::Vec4 green(0.68f, 0.84f, 0.58f, 1), forest(0.52f, 0.72f, 0.48f, 1);
  const osg::Vec4 water(0.60f, 0.76f, 0.92f, 1), residential(0.93f, 0.89f, 0.84f, 1);
  const osg::Vec4 commercial(0.95f, 0.82f, 0.80f, 1), industrial(0.84f, 0.78f, 0.89f, 1);
  const osg::Vec4 farm(0.92f, 0.93f, 0.70f, 1), road(0.80f, 0.79f, 0.78f, 1);
  return lookup({{"grass", green}, {"park", green}, {"garden", green}, {"meadow", green},
                 {"recreation_ground", green}, {"village_green", green}, {"pitch", {0.60f, 0.82f, 0.60f, 1}},
                 {"playground", green}, {"golf_course", green}, {"cemetery", {0.70f, 0.80f, 0.68f, 1}},
                 {"forest", forest}, {"wood", forest}, {"scrub", forest}, {"nature_reserve", forest},
                 {"water", water}, {"basin", water}, {"reservoir", water}, {"riverbank", water},
                 {"wetland", {0.66f, 0.80f, 0.80f, 1}}, {"residential", residential},
                 {"commercial", commercial}, {"retail", commercial}, {"industrial", industrial},
                 {"railway", {0.83f, 0.80f, 0.83f, 1}}, {"farmland", farm}, {"farmyard", farm},
                 {"orchard", {0.74f, 0.86f, 0.56f, 1}}, {"construction", {0.80f, 0.78f, 0.66f, 1}},
                 {"brownfield", {0.80f, 0.78f, 0.66f, 1}}, {"beach", {0.97f, 0.92f, 0.74f, 1}},
                 {"sand", {0.97f, 0.92f, 0.74f, 1}}, {"military", {0.90f, 0.75f, 0.70f, 1}},
                 {"odt", residential}, {"ont", residential}, {"tmd", commercial}, {"skc", industrial},
                 {"skk", industrial}, {"luc", farm}, {"luk", farm}, {"hnk", farm}, {"cln", green},
                 {"rsx", forest}, {"rph", forest}, {"rdd", forest}, {"dgt", road}, {"son", water},
                 {"mnc", water}, {"dkv", green}},
                c);
}

// Unknown categories still need distinct, calm colours: a pastel from a hash of the name.
osg::Vec4 hashedPastel(const std::string& category) {
  const std::size_t h = std::hash<std::string>{}(category);
  const float r = 0.65f + 0.3f * static_cast<float>(h % 97) / 96.0f;
  const float g = 0.65f + 0.3f * static_cast<float>((h / 97) % 89) / 88.0f;
  const float b = 0.65f + 0.3f * static_cast<float>((h / 8633) % 83) / 82.0f;
  return {r, g, b, 1};
}

osg::Vec4 withAlpha(osg::Vec4 c, float a) {
  c.a() = a;
  return c;
}

}  // namespace

osg::Vec4 kindColour(geo::LayerKind kind, const std::string& category) {
  using K = geo::LayerKind;
  const std::string c = lower(category);
  switch (kind) {
    case K::Buildings: return {0.90f, 0.87f, 0.80f, 1};
    case K::Parcels: return {0.97f, 0.94f, 0.84f, 0.55f};
    case K::Landuse:
      if (c.empty()) return {0.88f, 0.88f, 0.82f, 1};
      return landuseColour(c).value_or(hashedPastel(c));
    case K::Zoning:
      if (c.empty()) return {0.95f, 0.75f, 0.55f, 0.35f};
      return withAlpha(landuseColour(c).value_or(hashedPastel(c)), 0.45f);
    case K::Roads: return {0.50f, 0.50f, 0.53f, 1};
    case K::Infrastructure:
      if (c == "waterway" || c == "river" || c == "stream" || c == "canal" || c == "drain")
        return {0.25f, 0.50f, 0.85f, 1};
      return {0.62f, 0.16f, 0.16f, 1};
    case K::Other: break;
  }
  return {0.35f, 0.40f, 0.65f, 1};
}

osg::Vec4 skyColour() { return {0.62f, 0.77f, 0.92f, 1}; }

}  // namespace dothi::render

namespace dothi::render::detail {

GroundSlot groundSlot(geo::LayerKind kind) {
  using K = geo::LayerKind;
  switch (kind) {
    case K::Landuse: return {0.05f, -90};
    case K::Parcels: return {0.10f, -80};
    case K::Zoning: return {0.15f, -70};
    case K::Roads: return {0.20f, -50};
    case K::Infrastructure: return {0.25f, -40};
    case K::Buildings: return {0.30f, -30};  // only for buildings without polygons
    case K::Other: break;
  }
  return {0.18f, -60};
}

std::vector<std::size_t> categoryFields(const geo::Schema& schema, geo::LayerKind kind) {
  using K = geo::LayerKind;
  static const std::vector<const char*> landuse{"landuse", "leisure", "natural", "amenity", "fclass",
                                                "class", "type", "category", "loai_dat"};
  static const std::vector<const char*> zoning{"zoning", "zone", "loai_dat", "mdsd", "landuse",
                                               "category", "class", "type", "fclass"};
  static const std::vector<const char*> roads{"highway", "fclass", "class", "type", "loai_duong"};
  static const std::vector<const char*> lines{"railway", "waterway", "power", "man_made", "type", "class"};
  const auto& names = kind == K::Zoning ? zoning : kind == K::Roads ? roads
                      : kind == K::Infrastructure ? lines : landuse;
  std::vector<std::size_t> found;
  for (const char* n : names)
    if (auto i = geo::fieldIndex(schema, n)) found.push_back(*i);
  return found;
}

bool isTunnel(const std::string& value) {
  const std::string v = lower(value);
  return !v.empty() && v != "no" && v != "0" && v != "false";
}

float roadWidth(const std::string& roadClass) {
  const std::string c = lower(roadClass);
  auto starts = [&](const char* p) { return c.rfind(p, 0) == 0; };
  if (starts("motorway") || starts("trunk")) return 14;
  if (starts("primary")) return 11;
  if (starts("secondary")) return 9;
  if (starts("tertiary")) return 7.5f;
  if (c == "residential" || c == "unclassified" || c == "living_street" || c == "road") return 6;
  if (c == "service") return 4;
  if (c == "pedestrian") return 4;
  if (c == "footway" || c == "path" || c == "cycleway" || c == "steps" || c == "track" || c == "bridleway")
    return 0;
  return 5.5f;
}

osg::Vec4 facadeColour(std::int64_t id) {
  static const std::array<osg::Vec4, 5> tones{
      osg::Vec4(0.93f, 0.90f, 0.83f, 1), osg::Vec4(0.88f, 0.86f, 0.82f, 1), osg::Vec4(0.95f, 0.88f, 0.78f, 1),
      osg::Vec4(0.86f, 0.84f, 0.80f, 1), osg::Vec4(0.94f, 0.93f, 0.90f, 1)};
  const auto h = static_cast<std::uint64_t>(id) * 0x9E3779B97F4A7C15ull;
  return tones[(h >> 32) % tones.size()];
}

osg::Vec4 roofColour(std::int64_t id) {
  const osg::Vec4 f = facadeColour(id);
  // Roofs a little lighter and greyer than facades: seen from above they must stand out from
  // the ground, and walls (shaded by the sun's angle) then read as the sides of blocks.
  const osg::Vec4 grey(0.90f, 0.89f, 0.88f, 1);
  return f * 0.6f + grey * 0.4f;
}

osg::Vec4 pitchedRoofColour(std::int64_t id) {
  static const std::array<osg::Vec4, 4> tiles{osg::Vec4(0.74f, 0.42f, 0.32f, 1), osg::Vec4(0.68f, 0.38f, 0.30f, 1),
                                              osg::Vec4(0.78f, 0.50f, 0.38f, 1), osg::Vec4(0.62f, 0.40f, 0.34f, 1)};
  const auto h = static_cast<std::uint64_t>(id) * 0xC2B2AE3D27D4EB4Full;
  return tiles[(h >> 40) % tiles.size()];
}

osg::Vec4 roofEdgeColour(std::int64_t id) {
  osg::Vec4 c = facadeColour(id) * 0.68f;
  c.a() = 1;
  return c;
}

osg::Vec4 outlineOf(const osg::Vec4& fill) {
  return {fill.r() * 0.6f, fill.g() * 0.6f, fill.b() * 0.6f, 1};
}

}  // namespace dothi::render::detail
