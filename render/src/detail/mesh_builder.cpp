#include "detail/mesh_builder.hpp"

#include <algorithm>
#include <utility>

namespace dothi::render::detail {

void FeatureTable::add(std::uint32_t firstPrimitive, std::int64_t id) {
  // A feature that produced no primitive leaves an empty run: let the next one take its place.
  if (!m_first.empty() && m_first.back() == firstPrimitive) {
    m_ids.back() = id;
    return;
  }
  m_first.push_back(firstPrimitive);
  m_ids.push_back(id);
}

std::optional<std::int64_t> FeatureTable::find(std::uint32_t primitive) const {
  auto it = std::upper_bound(m_first.begin(), m_first.end(), primitive);
  if (it == m_first.begin()) return std::nullopt;
  return m_ids[static_cast<std::size_t>(it - m_first.begin()) - 1];
}

MeshBuilder::MeshBuilder(Primitive primitive, std::string layer, bool withNormals, std::size_t maxVertices)
    : m_primitive(primitive), m_layer(std::move(layer)), m_withNormals(withNormals), m_maxVertices(maxVertices) {}

void MeshBuilder::beginFeature(std::int64_t id, std::size_t expectedVertices) {
  if (m_vertices.valid() && m_vertices->size() + expectedVertices > m_maxVertices) flush();
  if (!m_vertices.valid()) {
    m_vertices = new osg::Vec3Array;
    m_colours = new osg::Vec4Array;
    if (m_withNormals) m_normals = new osg::Vec3Array;
    if (!m_layer.empty()) m_table = new FeatureTable(m_layer);
  }
  if (m_table.valid()) m_table->add(primitiveCount(), id);
}

std::uint32_t MeshBuilder::vertex(const osg::Vec3f& v, const osg::Vec4f& colour,
                                  const osg::Vec3f& normal) {
  m_vertices->push_back(v);
  m_colours->push_back(colour);
  if (m_withNormals) m_normals->push_back(normal);
  return static_cast<std::uint32_t>(m_vertices->size() - 1);
}

void MeshBuilder::triangle(std::uint32_t a, std::uint32_t b, std::uint32_t c) {
  m_indices.insert(m_indices.end(), {a, b, c});
}

void MeshBuilder::line(std::uint32_t a, std::uint32_t b) { m_indices.insert(m_indices.end(), {a, b}); }

void MeshBuilder::point(std::uint32_t a) { m_indices.push_back(a); }

std::uint32_t MeshBuilder::primitiveCount() const {
  const std::size_t per = m_primitive == Primitive::Triangles ? 3 : m_primitive == Primitive::Lines ? 2 : 1;
  return static_cast<std::uint32_t>(m_indices.size() / per);
}

void MeshBuilder::flush() {
  if (!m_vertices.valid()) return;
  if (!m_indices.empty()) {
    const GLenum mode = m_primitive == Primitive::Triangles ? GL_TRIANGLES
                        : m_primitive == Primitive::Lines   ? GL_LINES
                                                            : GL_POINTS;
    osg::ref_ptr<osg::Geometry> geometry = new osg::Geometry;
    // VBOs, no display lists: display lists of 65k-vertex batches cost memory twice on Mesa.
    geometry->setUseDisplayList(false);
    geometry->setUseVertexBufferObjects(true);
    geometry->setVertexArray(m_vertices.get());
    geometry->setColorArray(m_colours.get(), osg::Array::BIND_PER_VERTEX);
    if (m_withNormals) geometry->setNormalArray(m_normals.get(), osg::Array::BIND_PER_VERTEX);
    auto* elements = new osg::DrawElementsUInt(mode, m_indices.begin(), m_indices.end());
    geometry->addPrimitiveSet(elements);
    if (m_table.valid()) geometry->setUserData(m_table.get());
    m_done.push_back(geometry);
  }
  m_vertices = nullptr;
  m_normals = nullptr;
  m_colours = nullptr;
  m_table = nullptr;
  m_indices.clear();
}

std::vector<osg::ref_ptr<osg::Geometry>> MeshBuilder::finish() {
  flush();
  return std::exchange(m_done, {});
}

}  // namespace dothi::render::detail
