#include "detail/labels.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>

#include <osg/BlendFunc>
#include <osg/Depth>
#include <osg/Group>
#include <osgText/Font>
#include <osgText/Text>
#include <osgUtil/CullVisitor>
#include <osgUtil/IntersectionVisitor>

#include "detail/style.hpp"

namespace dothi::render::detail {
namespace {

constexpr float kCharacterPixels = 15.0f;
constexpr int kMaxShown = 400;      // per layer and frame: beyond this a view is unreadable anyway
constexpr double kDedupCell = 400;  // metres

/// Keeps, per frame, only labels whose screen rectangles do not overlap a label already placed
/// (children are sorted by priority, most important first; earlier layers place theirs first).
class DeclutteredLabels final : public osg::Group {
 public:
  struct Box {
    float halfWidth, height;
  };
  std::vector<Box> boxes;  // one per child, in pixels
  osg::ref_ptr<LabelSpace> space;

  void traverse(osg::NodeVisitor& nv) override {
    if (dynamic_cast<osgUtil::IntersectionVisitor*>(&nv) != nullptr) return;  // never picked
    auto* cv = dynamic_cast<osgUtil::CullVisitor*>(&nv);
    if (cv == nullptr || cv->getViewport() == nullptr || !space) {
      osg::Group::traverse(nv);
      return;
    }
    const osg::Viewport& vp = *cv->getViewport();
    const osg::Matrixd modelView = *cv->getModelViewMatrix();
    const osg::Matrixd toWindow = modelView * *cv->getProjectionMatrix() * vp.computeWindowMatrix();
    space->begin(nv.getFrameStamp() ? nv.getFrameStamp()->getFrameNumber() : 0u, cv->getCurrentCamera(),
                 static_cast<int>(vp.width()), static_cast<int>(vp.height()));
    int shown = 0;
    for (unsigned i = 0; i < getNumChildren() && shown < kMaxShown; ++i) {
      auto* text = dynamic_cast<osgText::Text*>(getChild(i));
      if (text == nullptr) continue;
      const osg::Vec3d anchor = text->getPosition();
      if ((anchor * modelView).z() >= 0) continue;  // behind the eye
      const osg::Vec3d w = anchor * toWindow;
      const Box& b = boxes[i];
      const auto x = static_cast<float>(w.x() - vp.x()), y = static_cast<float>(w.y() - vp.y());
      if (!space->claim(x - b.halfWidth, y, x + b.halfWidth, y + b.height)) continue;
      getChild(i)->accept(nv);
      ++shown;
    }
  }
};

std::vector<LabelAnchor> thinned(std::vector<LabelAnchor> anchors) {
  std::map<std::tuple<std::string, long, long>, LabelAnchor> best;
  for (auto& a : anchors) {
    const auto key = std::make_tuple(a.text, static_cast<long>(std::floor(a.position.x() / kDedupCell)),
                                     static_cast<long>(std::floor(a.position.y() / kDedupCell)));
    auto it = best.find(key);
    if (it == best.end() || it->second.priority < a.priority) best[key] = std::move(a);
  }
  std::vector<LabelAnchor> out;
  for (auto& [key, a] : best) out.push_back(std::move(a));
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return a.priority != b.priority ? a.priority > b.priority : a.featureId < b.featureId;
  });
  return out;
}

}  // namespace

osg::ref_ptr<osg::Referenced> labelFont() {
  static std::once_flag once;
  static osg::ref_ptr<osgText::Font> font;
  std::call_once(once, [] {
    for (const char* path : {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "fonts/DejaVuSans.ttf"})
      if ((font = osgText::readRefFontFile(path)).valid()) break;
  });
  return font;
}

void LabelSpace::begin(unsigned frame, const void* camera, int width, int height) {
  if (frame == m_frame && camera == m_camera && m_cols == width / kCell + 1 && m_rows == height / kCell + 1) return;
  m_frame = frame;
  m_camera = camera;
  m_cols = width / kCell + 1;
  m_rows = height / kCell + 1;
  m_taken.assign(static_cast<std::size_t>(m_cols * m_rows), false);
}

bool LabelSpace::claim(float x0, float y0, float x1, float y1) {
  const int c0 = static_cast<int>(std::floor(x0 / kCell)), c1 = static_cast<int>(std::floor(x1 / kCell));
  const int r0 = static_cast<int>(std::floor(y0 / kCell)), r1 = static_cast<int>(std::floor(y1 / kCell));
  if (c0 < 0 || r0 < 0 || c1 >= m_cols || r1 >= m_rows) return false;  // off screen, or cut by its edge
  for (int r = r0; r <= r1; ++r)
    for (int c = c0; c <= c1; ++c)
      if (m_taken[static_cast<std::size_t>(r * m_cols + c)]) return false;
  for (int r = r0; r <= r1; ++r)
    for (int c = c0; c <= c1; ++c) m_taken[static_cast<std::size_t>(r * m_cols + c)] = true;
  return true;
}

osg::ref_ptr<osg::Node> buildLabelNode(std::vector<LabelAnchor> anchors, geo::LayerKind kind,
                                       osg::ref_ptr<LabelSpace> space) {
  osg::ref_ptr<DeclutteredLabels> group = new DeclutteredLabels;
  group->space = std::move(space);
  group->setName("labels");
  auto* font = dynamic_cast<osgText::Font*>(labelFont().get());
  const bool streets = kind == geo::LayerKind::Roads;
  for (auto& a : thinned(std::move(anchors))) {
    osg::ref_ptr<osgText::Text> text = new osgText::Text;
    if (font != nullptr) text->setFont(font);
    text->setText(a.text, osgText::String::ENCODING_UTF8);
    text->setCharacterSize(streets ? kCharacterPixels - 2 : kCharacterPixels);
    text->setCharacterSizeMode(osgText::Text::SCREEN_COORDS);
    text->setAutoRotateToScreen(true);
    text->setAlignment(osgText::Text::CENTER_BOTTOM);
    text->setPosition(a.position);
    text->setColor(streets ? osg::Vec4(0.25f, 0.22f, 0.20f, 1) : osg::Vec4(0.10f, 0.10f, 0.12f, 1));
    text->setBackdropType(osgText::Text::OUTLINE);
    text->setBackdropColor(osg::Vec4(1, 1, 1, 0.85f));
    text->setCullingActive(false);  // screen-sized text has no fixed bound: the group places it
    text->setDataVariance(osg::Object::STATIC);
    const float chars = static_cast<float>(osgText::String(a.text, osgText::String::ENCODING_UTF8).size());
    group->boxes.push_back({chars * text->getCharacterHeight() * 0.32f + 4, text->getCharacterHeight() + 2});
    group->addChild(text.get());
  }
  osg::StateSet* state = group->getOrCreateStateSet();
  state->setMode(GL_LIGHTING, osg::StateAttribute::OFF);
  state->setMode(GL_DEPTH_TEST, osg::StateAttribute::OFF);  // always readable; decluttering keeps it calm
  // Blend colour only: destination alpha stays 1, or a window compositor (Qt's QOpenGLWidget)
  // shows the glyphs' soft edges as holes into whatever lies behind the widget.
  state->setAttributeAndModes(new osg::BlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ZERO, GL_ONE),
                              osg::StateAttribute::ON | osg::StateAttribute::OVERRIDE);
  state->setRenderBinDetails(kHighlightBin + 10, "RenderBin");
  group->setCullingActive(false);
  return group;
}

}  // namespace dothi::render::detail
