// Layer styles: JSON (nlohmann, kept out of the header), colour ramps and classification.
#include "dothi/geo/style.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <map>

#include <nlohmann/json.hpp>

namespace dothi::geo {

using nlohmann::json;

std::string toHex(const Rgba& c) {
  auto byte = [](float v) { return static_cast<int>(std::lround(std::clamp(v, 0.0f, 1.0f) * 255.0f)); };
  char buf[16];
  if (c.a >= 1.0f) std::snprintf(buf, sizeof buf, "#%02x%02x%02x", byte(c.r), byte(c.g), byte(c.b));
  else std::snprintf(buf, sizeof buf, "#%02x%02x%02x%02x", byte(c.r), byte(c.g), byte(c.b), byte(c.a));
  return buf;
}

std::optional<Rgba> parseHex(const std::string& hex) {
  if (hex.size() != 7 && hex.size() != 9) return std::nullopt;
  if (hex[0] != '#') return std::nullopt;
  float v[4] = {0, 0, 0, 1};
  for (std::size_t i = 0; i * 2 + 1 < hex.size(); ++i) {
    unsigned x = 0;
    if (std::sscanf(hex.c_str() + 1 + i * 2, "%2x", &x) != 1) return std::nullopt;
    v[i] = static_cast<float>(x) / 255.0f;
  }
  return Rgba{v[0], v[1], v[2], v[3]};
}

int LayerStyle::classOf(const Value& value) const {
  if (mode == StyleMode::Categories) {
    const std::string text = valueToString(value);
    for (std::size_t i = 0; i < classes.size(); ++i)
      if (classes[i].value == text) return static_cast<int>(i);
    return -1;
  }
  if (mode == StyleMode::Graduated) {
    const auto v = valueToNumber(value);
    if (!v) return -1;
    for (std::size_t i = 0; i < classes.size(); ++i) {
      const bool last = i + 1 == classes.size();
      if (*v >= classes[i].min && (*v < classes[i].max || (last && *v <= classes[i].max))) return static_cast<int>(i);
    }
  }
  return -1;
}

std::optional<Rgba> LayerStyle::colourOf(const Value& value) const {
  if (!isThematic()) return std::nullopt;
  const int i = classOf(value);
  return i >= 0 ? classes[static_cast<std::size_t>(i)].colour : other;
}

namespace {

const char* modeName(StyleMode m) {
  switch (m) {
    case StyleMode::Categories: return "categories";
    case StyleMode::Graduated: return "graduated";
    case StyleMode::Default: break;
  }
  return "default";
}

Rgba colourField(const json& j, const char* key, Rgba fallback) {
  if (!j.contains(key)) return fallback;
  if (!j[key].is_string()) throw std::invalid_argument(std::string("'") + key + "' must be a \"#rrggbb\" string");
  auto c = parseHex(j[key].get<std::string>());
  if (!c) throw std::invalid_argument(std::string("'") + key + "' is not a \"#rrggbb\" colour");
  return *c;
}

// Anchor colours; sequential ramps are interpolated between them, qualitative ones cycle.
struct Ramp {
  const char* name;
  bool qualitative;
  std::vector<std::array<float, 3>> stops;
};

const std::vector<Ramp>& ramps() {
  static const std::vector<Ramp> all = {
      {"viridis", false, {{0.267f, 0.005f, 0.329f}, {0.231f, 0.322f, 0.545f}, {0.129f, 0.569f, 0.549f},
                          {0.369f, 0.788f, 0.384f}, {0.992f, 0.906f, 0.145f}}},
      {"blues", false, {{0.871f, 0.922f, 0.969f}, {0.620f, 0.792f, 0.882f}, {0.259f, 0.573f, 0.776f}, {0.031f, 0.271f, 0.580f}}},
      {"reds", false, {{0.996f, 0.878f, 0.824f}, {0.988f, 0.573f, 0.447f}, {0.871f, 0.176f, 0.149f}, {0.647f, 0.059f, 0.082f}}},
      {"greens", false, {{0.898f, 0.961f, 0.878f}, {0.631f, 0.851f, 0.608f}, {0.192f, 0.639f, 0.329f}, {0.0f, 0.427f, 0.173f}}},
      {"ylorrd", false, {{1.0f, 1.0f, 0.698f}, {0.996f, 0.800f, 0.361f}, {0.992f, 0.553f, 0.235f},
                         {0.941f, 0.231f, 0.125f}, {0.741f, 0.0f, 0.149f}}},
      {"spectral", false, {{0.843f, 0.098f, 0.110f}, {0.992f, 0.682f, 0.380f}, {1.0f, 1.0f, 0.749f},
                           {0.671f, 0.867f, 0.643f}, {0.169f, 0.514f, 0.729f}}},
      {"set3", true, {{0.553f, 0.827f, 0.780f}, {1.0f, 1.0f, 0.702f}, {0.745f, 0.729f, 0.855f}, {0.984f, 0.502f, 0.447f},
                      {0.502f, 0.694f, 0.827f}, {0.992f, 0.706f, 0.384f}, {0.702f, 0.871f, 0.412f}, {0.988f, 0.804f, 0.898f},
                      {0.851f, 0.851f, 0.851f}, {0.737f, 0.502f, 0.741f}, {0.800f, 0.922f, 0.773f}, {1.0f, 0.929f, 0.435f}}},
      {"tableau", true, {{0.306f, 0.475f, 0.655f}, {0.949f, 0.557f, 0.169f}, {0.882f, 0.341f, 0.349f}, {0.463f, 0.718f, 0.698f},
                         {0.349f, 0.631f, 0.310f}, {0.929f, 0.788f, 0.282f}, {0.690f, 0.478f, 0.631f}, {1.0f, 0.616f, 0.655f},
                         {0.612f, 0.459f, 0.373f}, {0.729f, 0.690f, 0.675f}}},
  };
  return all;
}

std::string formatNumber(double v) {
  char buf[32];
  if (std::abs(v) >= 100 || v == std::round(v)) std::snprintf(buf, sizeof buf, "%.0f", v);
  else std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

}  // namespace

Result<LayerStyle> parseLayerStyle(const std::string& text) {
  LayerStyle style;
  if (text.empty()) return style;
  try {
    const json j = json::parse(text);
    if (!j.is_object()) return fail(ErrorCode::Format, "a layer style must be a JSON object");
    const std::string mode = j.value("mode", "default");
    if (mode == "categories") style.mode = StyleMode::Categories;
    else if (mode == "graduated") style.mode = StyleMode::Graduated;
    else if (mode != "default") return fail(ErrorCode::Format, "unknown style mode '" + mode + "'");
    style.field = j.value("field", "");
    style.ramp = j.value("ramp", "");
    style.method = j.value("method", "");
    style.labelField = j.value("label_field", "");
    style.roof = j.value("roof", "");
    style.other = colourField(j, "other", style.other);
    for (const json& c : j.value("classes", json::array())) {
      StyleClass k;
      k.value = c.value("value", "");
      k.min = c.value("min", 0.0);
      k.max = c.value("max", 0.0);
      k.colour = colourField(c, "colour", {});
      k.label = c.value("label", k.value);
      k.count = c.value("count", std::int64_t{0});
      style.classes.push_back(std::move(k));
    }
    if (style.mode != StyleMode::Default && style.field.empty())
      return fail(ErrorCode::Format, "a thematic style needs a 'field'");
    return style;
  } catch (const std::exception& e) {
    return fail(ErrorCode::Format, std::string("bad layer style: ") + e.what());
  }
}

std::string layerStyleJson(const LayerStyle& s) {
  json j = json::object();
  j["version"] = 1;
  j["mode"] = modeName(s.mode);
  if (!s.field.empty()) j["field"] = s.field;
  if (!s.ramp.empty()) j["ramp"] = s.ramp;
  if (!s.method.empty()) j["method"] = s.method;
  if (s.mode != StyleMode::Default) {
    json classes = json::array();
    for (const auto& c : s.classes) {
      json k = {{"colour", toHex(c.colour)}, {"label", c.label}, {"count", c.count}};
      if (s.mode == StyleMode::Categories) k["value"] = c.value;
      else k["min"] = c.min, k["max"] = c.max;
      classes.push_back(std::move(k));
    }
    j["classes"] = std::move(classes);
    j["other"] = toHex(s.other);
  }
  if (!s.labelField.empty()) j["label_field"] = s.labelField;
  if (!s.roof.empty()) j["roof"] = s.roof;
  return j.dump();
}

std::vector<std::string> rampNames() {
  std::vector<std::string> names;
  for (const auto& r : ramps()) names.emplace_back(r.name);
  return names;
}

Result<std::vector<Rgba>> rampColours(const std::string& name, int n) {
  const auto& all = ramps();
  const auto it = std::find_if(all.begin(), all.end(), [&](const Ramp& r) { return name == r.name; });
  if (it == all.end()) {
    std::string known;
    for (const auto& r : all) known += std::string(known.empty() ? "" : ", ") + r.name;
    return fail(ErrorCode::InvalidArgument, "unknown colour ramp '" + name + "' (known: " + known + ")");
  }
  std::vector<Rgba> out;
  const auto& stops = it->stops;
  // Colours are rounded to what "#rrggbb" holds, so a style survives its JSON unchanged.
  auto quantised = [](float v) { return static_cast<float>(std::lround(v * 255.0f)) / 255.0f; };
  for (int i = 0; i < n; ++i) {
    if (it->qualitative) {
      const auto& s = stops[static_cast<std::size_t>(i) % stops.size()];
      out.push_back({quantised(s[0]), quantised(s[1]), quantised(s[2]), 1});
      continue;
    }
    const double t = n == 1 ? 0.5 : static_cast<double>(i) / (n - 1);
    const double pos = t * static_cast<double>(stops.size() - 1);
    const std::size_t k = std::min(static_cast<std::size_t>(pos), stops.size() - 2);
    const float f = static_cast<float>(pos - static_cast<double>(k));
    const auto& a = stops[k];
    const auto& b = stops[k + 1];
    out.push_back({quantised(a[0] + (b[0] - a[0]) * f), quantised(a[1] + (b[1] - a[1]) * f),
                   quantised(a[2] + (b[2] - a[2]) * f), 1});
  }
  return out;
}

Result<LayerStyle> categorize(const std::string& field, std::vector<std::pair<std::string, std::int64_t>> counts,
                              int maxCategories, const std::string& ramp) {
  if (maxCategories < 1) return fail(ErrorCode::InvalidArgument, "at least one category is needed");
  counts.erase(std::remove_if(counts.begin(), counts.end(), [](const auto& c) { return c.first.empty(); }), counts.end());
  std::sort(counts.begin(), counts.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  if (counts.size() > static_cast<std::size_t>(maxCategories)) counts.resize(static_cast<std::size_t>(maxCategories));
  auto colours = rampColours(ramp.empty() ? "tableau" : ramp, static_cast<int>(counts.size()));
  if (!colours) return std::unexpected(colours.error());
  LayerStyle style;
  style.mode = StyleMode::Categories;
  style.field = field;
  style.ramp = ramp.empty() ? "tableau" : ramp;
  for (std::size_t i = 0; i < counts.size(); ++i)
    style.classes.push_back({counts[i].first, 0, 0, (*colours)[i], counts[i].first, counts[i].second});
  return style;
}

Result<LayerStyle> graduate(const std::string& field, std::vector<double> values, int classes, const std::string& method,
                            const std::string& ramp) {
  if (classes < 2 || classes > 12) return fail(ErrorCode::InvalidArgument, "graduated styles have 2 to 12 classes");
  if (method != "quantile" && method != "equal")
    return fail(ErrorCode::InvalidArgument, "classification method must be quantile or equal");
  values.erase(std::remove_if(values.begin(), values.end(), [](double v) { return !std::isfinite(v); }), values.end());
  if (values.empty()) return fail(ErrorCode::InvalidArgument, "the field '" + field + "' has no numeric value");
  std::sort(values.begin(), values.end());
  auto breaksOf = [&](const std::vector<double>& v) {
    std::vector<double> breaks{v.front()};
    for (int i = 1; i < classes; ++i) {
      const double b = method == "equal" ? v.front() + (v.back() - v.front()) * i / classes
                                         : v[std::min(v.size() - 1, v.size() * static_cast<std::size_t>(i) / classes)];
      if (b > breaks.back()) breaks.push_back(b);  // ties collapse quantile classes
    }
    if (v.back() > breaks.back() || breaks.size() == 1) breaks.push_back(v.back());
    return breaks;
  };
  std::vector<double> breaks = breaksOf(values);
  if (method == "quantile" && static_cast<int>(breaks.size()) - 1 < classes) {
    // One value holds most features (a default height): quantiles of the distinct values
    // still give the classes asked for, instead of two.
    std::vector<double> distinct = values;
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    if (static_cast<int>(distinct.size()) > classes) breaks = breaksOf(distinct);
  }
  const int n = static_cast<int>(breaks.size()) - 1;
  auto colours = rampColours(ramp.empty() ? "ylorrd" : ramp, n);
  if (!colours) return std::unexpected(colours.error());
  LayerStyle style;
  style.mode = StyleMode::Graduated;
  style.field = field;
  style.ramp = ramp.empty() ? "ylorrd" : ramp;
  style.method = method;
  for (int i = 0; i < n; ++i) {
    StyleClass k{{}, breaks[i], breaks[i + 1], (*colours)[i], formatNumber(breaks[i]) + " – " + formatNumber(breaks[i + 1]), 0};
    style.classes.push_back(std::move(k));
  }
  for (double v : values) {
    const int c = style.classOf(Value{v});
    if (c >= 0) ++style.classes[static_cast<std::size_t>(c)].count;
  }
  return style;
}

}  // namespace dothi::geo
