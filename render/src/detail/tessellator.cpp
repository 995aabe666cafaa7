#include "detail/tessellator.hpp"

#include <cstdint>

#include <osg/GLU>

namespace dothi::render::detail {
namespace {

// What GLU callbacks see through their polygon-data pointer.
struct Run {
  Triangulation* out = nullptr;
  bool failed = false;
};

void* asData(std::uintptr_t index) { return reinterpret_cast<void*>(index); }
std::uint32_t asIndex(void* data) { return static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(data)); }

void GL_APIENTRY onBegin(GLenum, void*) {}
void GL_APIENTRY onEnd(void*) {}
// Registering an edge-flag callback makes GLU emit plain GL_TRIANGLES, never fans or strips.
void GL_APIENTRY onEdgeFlag(GLboolean, void*) {}

void GL_APIENTRY onVertex(void* vertex, void* polygon) {
  static_cast<Run*>(polygon)->out->triangles.push_back(asIndex(vertex));
}

void GL_APIENTRY onCombine(GLdouble coords[3], void* /*vertices*/[4], GLfloat /*weights*/[4],
                           void** outData, void* polygon) {
  auto& points = static_cast<Run*>(polygon)->out->points;
  points.emplace_back(coords[0], coords[1]);
  *outData = asData(points.size() - 1);
}

void GL_APIENTRY onError(GLenum, void* polygon) { static_cast<Run*>(polygon)->failed = true; }

template <class F>
osg::_GLUfuncptr callback(F f) {
  return reinterpret_cast<osg::_GLUfuncptr>(f);
}

}  // namespace

struct Tessellator::Impl {
  osg::GLUtesselator* tess = nullptr;
  std::vector<GLdouble> coords;  // GLU keeps pointers to these until gluTessEndPolygon
};

Tessellator::Tessellator() : m_impl(new Impl) {
  m_impl->tess = osg::gluNewTess();
  auto* t = m_impl->tess;
  osg::gluTessCallback(t, GLU_TESS_BEGIN_DATA, callback(&onBegin));
  osg::gluTessCallback(t, GLU_TESS_END_DATA, callback(&onEnd));
  osg::gluTessCallback(t, GLU_TESS_EDGE_FLAG_DATA, callback(&onEdgeFlag));
  osg::gluTessCallback(t, GLU_TESS_VERTEX_DATA, callback(&onVertex));
  osg::gluTessCallback(t, GLU_TESS_COMBINE_DATA, callback(&onCombine));
  osg::gluTessCallback(t, GLU_TESS_ERROR_DATA, callback(&onError));
  osg::gluTessProperty(t, GLU_TESS_WINDING_RULE, GLU_TESS_WINDING_ODD);
  // A fixed normal makes GLU skip its own estimate and orient every triangle CCW from above.
  osg::gluTessNormal(t, 0, 0, 1);
}

Tessellator::~Tessellator() {
  osg::gluDeleteTess(m_impl->tess);
  delete m_impl;
}

bool Tessellator::triangulate(const Rings& rings, Triangulation& out) {
  out.points.clear();
  out.triangles.clear();
  std::size_t total = 0;
  for (const auto& ring : rings) total += ring.size();
  m_impl->coords.assign(total * 3, 0.0);  // sized once: no reallocation while GLU holds pointers
  Run run{&out, false};
  osg::gluTessBeginPolygon(m_impl->tess, &run);
  std::size_t n = 0;
  for (const auto& ring : rings) {
    osg::gluTessBeginContour(m_impl->tess);
    for (const auto& p : ring) {
      GLdouble* c = &m_impl->coords[n * 3];
      c[0] = p.x();
      c[1] = p.y();
      out.points.push_back(p);
      osg::gluTessVertex(m_impl->tess, c, asData(n));
      ++n;
    }
    osg::gluTessEndContour(m_impl->tess);
  }
  osg::gluTessEndPolygon(m_impl->tess);
  if (out.triangles.size() % 3 != 0) run.failed = true;
  return !run.failed;
}

}  // namespace dothi::render::detail
