#include "dothi/render/feed_layer.hpp"

#include <functional>
#include <osg/Geode>
#include <osg/Material>
#include <osg/ShapeDrawable>

namespace dothi::render {

namespace {

osg::Vec4 rgb(int r, int g, int b) { return {r / 255.f, g / 255.f, b / 255.f, 1.f}; }

std::vector<RampBand> bands(const std::vector<double>& breaks, const std::vector<osg::Vec4>& colours, const char* unit) {
  std::vector<RampBand> out;
  double lo = 0;
  for (std::size_t i = 0; i < colours.size(); ++i) {
    const double hi = i < breaks.size() ? breaks[i] : 1e300;
    char label[64];
    if (i < breaks.size()) std::snprintf(label, sizeof label, "%g – %g %s", lo, hi, unit);
    else std::snprintf(label, sizeof label, "> %g %s", lo, unit);
    out.push_back({hi, colours[i], label});
    lo = hi;
  }
  return out;
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

const char kPrefix[] = "feed|";

}  // namespace

std::vector<RampBand> rampFor(const std::string& property) {
  static const std::vector<osg::Vec4> aqi = {rgb(0, 228, 0), rgb(255, 255, 0), rgb(255, 126, 0), rgb(255, 0, 0),
                                             rgb(143, 63, 151), rgb(126, 0, 35)};
  const std::string p = lower(property);
  if (p.find("pm2.5") != std::string::npos || p.find("pm25") != std::string::npos)
    return bands({12, 35.4, 55.4, 150.4, 250.4}, aqi, "µg/m³");
  if (p.find("pm10") != std::string::npos) return bands({54, 154, 254, 354, 424}, aqi, "µg/m³");
  if (p.find("water") != std::string::npos)
    return bands({1.0, 1.5}, {rgb(49, 130, 189), rgb(255, 170, 0), rgb(215, 25, 28)}, "m");
  return bands({20, 40, 60, 80}, {rgb(68, 1, 84), rgb(59, 82, 139), rgb(33, 145, 140), rgb(94, 201, 98), rgb(253, 231, 37)}, "");
}

osg::Vec4 rampColour(const std::vector<RampBand>& ramp, std::optional<double> value) {
  if (!value) return rgb(150, 150, 150);
  for (const auto& b : ramp)
    if (*value <= b.upTo) return b.colour;
  return ramp.empty() ? rgb(150, 150, 150) : ramp.back().colour;
}

double alertThreshold(const std::string& property) {
  const auto ramp = rampFor(property);
  const std::string p = lower(property);
  // PM: "unhealthy" (the 4th band) starts the alert; water: the top band; others: the top band.
  if (p.find("pm") != std::string::npos && ramp.size() > 3) return ramp[2].upTo;
  return ramp.size() >= 2 ? ramp[ramp.size() - 2].upTo : 1e300;
}

osg::Vec4 reportColour(const std::string& category, const std::string& status) {
  if (lower(status) == "closed") return rgb(140, 140, 140);
  static const std::vector<osg::Vec4> palette = {rgb(31, 120, 180), rgb(227, 26, 28), rgb(51, 160, 44),
                                                 rgb(255, 127, 0), rgb(106, 61, 154), rgb(177, 89, 40)};
  return palette[std::hash<std::string>{}(category) % palette.size()];
}

osg::Vec4 markerColour(const FeedMarker& m) {
  return m.report ? reportColour(m.category, m.status) : rampColour(rampFor(m.property), m.value);
}

osg::ref_ptr<osg::Group> buildFeedLayer(const std::vector<FeedMarker>& markers, double size) {
  osg::ref_ptr<osg::Group> group = new osg::Group;
  group->setName("feeds");
  osg::ref_ptr<osg::TessellationHints> hints = new osg::TessellationHints;
  hints->setDetailRatio(0.6f);
  for (const auto& m : markers) {
    osg::ref_ptr<osg::Geode> geode = new osg::Geode;
    const osg::Vec4 colour = markerColour(m);
    const std::string name = std::string(kPrefix) + m.feed + "|" + m.stream;
    auto add = [&](osg::Shape* shape, const osg::Vec4& c) {
      osg::ref_ptr<osg::ShapeDrawable> d = new osg::ShapeDrawable(shape, hints.get());
      d->setColor(c);
      d->setName(name);
      geode->addDrawable(d.get());
    };
    const osg::Vec3 foot(m.local);
    if (m.report) {  // a cone standing on its tip: a pin on the map
      auto* cone = new osg::Cone(foot + osg::Vec3(0, 0, size * 0.75f), size * 0.35f, size * 0.9f);
      cone->setRotation(osg::Quat(osg::PI, osg::Vec3(1, 0, 0)));
      add(cone, colour);
    } else {
      add(new osg::Cylinder(foot + osg::Vec3(0, 0, size * 0.5f), size * 0.04f, size), rgb(90, 90, 90));
      add(new osg::Sphere(foot + osg::Vec3(0, 0, size * 1.1f), size * 0.3f), colour);
    }
    // Emissive too, so a marker keeps its ramp colour whichever way the light falls.
    osg::ref_ptr<osg::Material> material = new osg::Material;
    material->setColorMode(osg::Material::AMBIENT_AND_DIFFUSE);
    material->setEmission(osg::Material::FRONT_AND_BACK, colour * 0.6f);
    geode->getOrCreateStateSet()->setAttributeAndModes(material.get());
    group->addChild(geode.get());
  }
  return group;
}

std::optional<std::pair<std::string, std::string>> feedMarkerOf(const osg::Drawable* drawable) {
  if (!drawable) return std::nullopt;
  const std::string& n = drawable->getName();
  if (n.rfind(kPrefix, 0) != 0) return std::nullopt;
  const auto bar = n.find('|', sizeof kPrefix - 1);
  if (bar == std::string::npos) return std::nullopt;
  return std::pair{n.substr(sizeof kPrefix - 1, bar - (sizeof kPrefix - 1)), n.substr(bar + 1)};
}

}  // namespace dothi::render
