#include "detail/labels.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>

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
constexpr int kGridPixels = 8;

/// Keeps, per frame, only labels whose screen rectangles do not overlap a label already placed
/// (children are sorted by priority, most important first).
class DeclutteredLabels final : public osg::Group {
 public:
  struct Box {
    float halfWidth, height;
  };
  std::vector<Box> boxes;  // one per child, in pixels

  void traverse(osg::NodeVisitor& nv) override {
    if (dynamic_cast<osgUtil::IntersectionVisitor*>(&nv) != nullptr) return;  // never picked
    auto* cv = dynamic_cast<osgUtil::CullVisitor*>(&nv);
    if (cv == nullptr || cv->getViewport() == nullptr) {
      osg::Group::traverse(nv);
      return;
    }
    const osg::Viewport& vp = *cv->getViewport();
    const osg::Matrixd modelView = *cv->getModelViewMatrix();
    const osg::Matrixd toWindow = modelView * *cv->getProjectionMatrix() * vp.computeWindowMatrix();
    const int cols = static_cast<int>(vp.width()) / kGridPixels + 1, rows = static_cast<int>(vp.height()) / kGridPixels + 1;
    std::vector<bool> taken(static_cast<std::size_t>(cols * rows), false);
    int shown = 0;
    for (unsigned i = 0; i < getNumChildren() && shown < kMaxShown; ++i) {
      auto* text = dynamic_cast<osgText::Text*>(getChild(i));
      if (text == nullptr) continue;
      const osg::Vec3d anchor = text->getPosition();
      if ((anchor * modelView).z() >= 0) continue;  // behind the eye
      const osg::Vec3d w = anchor * toWindow;
      const Box& b = boxes[i];
      const int x0 = static_cast<int>(std::floor((w.x() - vp.x() - b.halfWidth) / kGridPixels));
      const int x1 = static_cast<int>(std::floor((w.x() - vp.x() + b.halfWidth) / kGridPixels));
      const int y0 = static_cast<int>(std::floor((w.y() - vp.y()) / kGridPixels));
      const int y1 = static_cast<int>(std::floor((w.y() - vp.y() + b.height) / kGridPixels));
      if (x0 < 0 || y0 < 0 || x1 >= cols || y1 >= rows) continue;
      bool free = true;
      for (int y = y0; y <= y1 && free; ++y)
        for (int x = x0; x <= x1 && free; ++x) free = !taken[static_cast<std::size_t>(y * cols + x)];
      if (!free) continue;
      for (int y = y0; y <= y1; ++y)
        for (int x = x0; x <= x1; ++x) taken[static_cast<std::size_t>(y * cols + x)] = true;
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

osg::ref_ptr<osg::Node> buildLabelNode(std::vector<LabelAnchor> anchors, geo::LayerKind kind) {
  osg::ref_ptr<DeclutteredLabels> group = new DeclutteredLabels;
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
  state->setRenderBinDetails(kHighlightBin + 10, "RenderBin");
  group->setCullingActive(false);
  return group;
}

}  // namespace dothi::render::detail
