#include "dothi/geo/feature.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>

namespace dothi::geo {

namespace {
bool equalsIgnoreCase(const std::string& a, const std::string& b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](unsigned char x, unsigned char y) {
           return std::tolower(x) == std::tolower(y);
         });
}

constexpr const char* kKindNames[] = {"buildings", "parcels", "landuse", "zoning",
                                      "roads",     "infrastructure", "other"};
}  // namespace

const char* fieldTypeName(FieldType t) {
  switch (t) {
    case FieldType::Integer: return "integer";
    case FieldType::Real: return "real";
    case FieldType::Text: return "text";
  }
  return "text";
}

std::optional<std::size_t> fieldIndex(const Schema& schema, const std::string& name) {
  for (std::size_t i = 0; i < schema.size(); ++i)
    if (equalsIgnoreCase(schema[i].name, name)) return i;
  return std::nullopt;
}

std::string valueToString(const Value& v) {
  if (const auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
  if (const auto* d = std::get_if<double>(&v)) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.15g", *d);
    return buf;
  }
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  return {};
}

std::optional<double> valueToNumber(const Value& v) {
  if (const auto* i = std::get_if<std::int64_t>(&v)) return static_cast<double>(*i);
  if (const auto* d = std::get_if<double>(&v)) return *d;
  const auto* s = std::get_if<std::string>(&v);
  if (!s) return std::nullopt;
  std::string t = *s;
  std::replace(t.begin(), t.end(), ',', '.');  // "12,5" in European data
  const char* b = t.data();
  const char* e = t.data() + t.size();
  while (b < e && std::isspace(static_cast<unsigned char>(*b))) ++b;
  double out = 0;
  auto [ptr, ec] = std::from_chars(b, e, out);
  if (ec != std::errc() || ptr == b) return std::nullopt;
  return out;
}

const char* layerKindName(LayerKind k) { return kKindNames[static_cast<int>(k)]; }

std::optional<LayerKind> layerKindFromName(const std::string& name) {
  for (int i = 0; i < 7; ++i)
    if (equalsIgnoreCase(name, kKindNames[i])) return static_cast<LayerKind>(i);
  return std::nullopt;
}

}  // namespace dothi::geo
