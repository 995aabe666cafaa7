#include <algorithm>
#include <cstdio>

#include <osg/BlendFunc>
#include <osg/Geode>
#include <osg/Geometry>
#include <osgText/Font>
#include <osgText/Text>

#include "detail/labels.hpp"
#include "dothi/render/legend.hpp"

namespace dothi::render {
namespace {

osg::ref_ptr<osg::Geometry> quad(float x0, float y0, float x1, float y1, const osg::Vec4& colour) {
  osg::ref_ptr<osg::Vec3Array> v = new osg::Vec3Array;
  v->push_back({x0, y0, 0});
  v->push_back({x1, y0, 0});
  v->push_back({x1, y1, 0});
  v->push_back({x0, y1, 0});
  osg::ref_ptr<osg::Vec4Array> c = new osg::Vec4Array;
  c->push_back(colour);
  osg::ref_ptr<osg::Geometry> g = new osg::Geometry;
  g->setVertexArray(v.get());
  g->setColorArray(c.get(), osg::Array::BIND_OVERALL);
  g->addPrimitiveSet(new osg::DrawArrays(GL_QUADS, 0, 4));
  return g;
}

osg::ref_ptr<osgText::Text> text(const std::string& s, float x, float y, float size, bool bold) {
  osg::ref_ptr<osgText::Text> t = new osgText::Text;
  if (auto* font = dynamic_cast<osgText::Font*>(detail::labelFont().get())) t->setFont(font);
  t->setText(s, osgText::String::ENCODING_UTF8);
  t->setCharacterSize(size);
  t->setPosition(osg::Vec3(x, y, 0));
  t->setAlignment(osgText::Text::LEFT_BASE_LINE);
  t->setColor(bold ? osg::Vec4(0.08f, 0.08f, 0.10f, 1) : osg::Vec4(0.15f, 0.15f, 0.18f, 1));
  return t;
}

}  // namespace

osg::ref_ptr<osg::Camera> buildLegendOverlay(const CityScene& scene, int width, int height) {
  if (scene.legends.empty() || width <= 0 || height <= 0) return {};
  const float unit = std::clamp(static_cast<float>(height) / 900.0f, 0.6f, 2.5f);
  const float row = 22 * unit, swatch = 15 * unit, pad = 12 * unit, textSize = 15 * unit;
  std::size_t rows = 0, longest = 0;
  for (const auto& l : scene.legends) {
    rows += 1 + l.entries.size();
    longest = std::max(longest, l.layer.size() + l.field.size() + 3);
    for (const auto& e : l.entries) longest = std::max(longest, e.label.size() + 8);
  }
  const float panelW = pad * 2 + swatch + 8 * unit + static_cast<float>(longest) * textSize * 0.55f;
  const float panelH = pad * 2 + static_cast<float>(rows) * row;
  osg::ref_ptr<osg::Geode> geode = new osg::Geode;
  const float x0 = pad, y0 = pad;
  geode->addDrawable(quad(x0, y0, x0 + panelW, y0 + panelH, osg::Vec4(1, 1, 1, 0.82f)).get());
  float y = y0 + panelH - pad - row * 0.75f;
  for (const auto& legend : scene.legends) {
    geode->addDrawable(text(legend.layer + " — " + legend.field, x0 + pad, y, textSize, true).get());
    y -= row;
    for (const auto& e : legend.entries) {
      geode->addDrawable(quad(x0 + pad, y - 2 * unit, x0 + pad + swatch, y - 2 * unit + swatch, e.colour).get());
      char count[32];
      std::snprintf(count, sizeof count, "  (%lld)", static_cast<long long>(e.count));
      geode->addDrawable(text(e.label + count, x0 + pad + swatch + 8 * unit, y, textSize * 0.9f, false).get());
      y -= row;
    }
  }
  osg::StateSet* state = geode->getOrCreateStateSet();
  state->setMode(GL_LIGHTING, osg::StateAttribute::OFF);
  state->setMode(GL_DEPTH_TEST, osg::StateAttribute::OFF);
  // Destination alpha stays 1 (see labels.cpp): composited windows show no holes.
  state->setAttributeAndModes(new osg::BlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ZERO, GL_ONE),
                              osg::StateAttribute::ON | osg::StateAttribute::OVERRIDE);
  state->setRenderBinDetails(1000, "RenderBin");

  osg::ref_ptr<osg::Camera> hud = new osg::Camera;
  hud->setName("legend");
  hud->setReferenceFrame(osg::Transform::ABSOLUTE_RF);
  hud->setProjectionMatrixAsOrtho2D(0, width, 0, height);
  hud->setViewMatrix(osg::Matrix::identity());
  hud->setClearMask(0);
  // Nested: drawn into whatever the main camera renders to (the snapshot's FBO included).
  hud->setRenderOrder(osg::Camera::NESTED_RENDER);
  hud->setAllowEventFocus(false);
  hud->addChild(geode.get());
  return hud;
}

}  // namespace dothi::render
