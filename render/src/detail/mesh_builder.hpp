#pragma once
/// Merges the geometry of many features into a few large osg::Geometry batches (one draw call
/// each) and remembers which primitives belong to which feature, so picking stays exact.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <osg/Geometry>
#include <osg/Referenced>
#include <osg/ref_ptr>

namespace dothi::render::detail {

/// Attached as UserData to each pickable batch: sorted (first primitive → feature id) runs.
/// Primitive indices count triangles (or segments, or points) in the drawable's one primitive set,
/// as osgUtil intersectors report them.
class FeatureTable : public osg::Referenced {
 public:
  explicit FeatureTable(std::string layer) : m_layer(std::move(layer)) {}
  /// Starts a run of primitives for `id`; call with non-decreasing firstPrimitive.
  void add(std::uint32_t firstPrimitive, std::int64_t id);
  [[nodiscard]] std::optional<std::int64_t> find(std::uint32_t primitive) const;
  [[nodiscard]] const std::string& layer() const { return m_layer; }
  [[nodiscard]] std::size_t size() const { return m_ids.size(); }

 private:
  std::string m_layer;
  std::vector<std::uint32_t> m_first;
  std::vector<std::int64_t> m_ids;
};

enum class Primitive { Triangles, Lines, Points };

/// Accumulates one kind of primitive for one layer (or tile) and cuts it into batches of about
/// kMaxVertices: big enough for few draw calls, small enough for culling and 32-bit-safe sizes.
class MeshBuilder {
 public:
  static constexpr std::size_t kMaxVertices = 65536;

  /// `layer` empty: batches are not pickable (highlights, ground). Normals only when lit.
  /// `maxVertices`: where batches are cut (smaller batches cull and pick more finely).
  MeshBuilder(Primitive primitive, std::string layer, bool withNormals, std::size_t maxVertices = kMaxVertices);

  /// Starts the geometry of one feature; opens a new batch first if `expectedVertices` would
  /// overflow the current one.
  void beginFeature(std::int64_t id, std::size_t expectedVertices);
  std::uint32_t vertex(const osg::Vec3f& v, const osg::Vec4f& colour,
                       const osg::Vec3f& normal = osg::Vec3f(0, 0, 1));
  void triangle(std::uint32_t a, std::uint32_t b, std::uint32_t c);
  void line(std::uint32_t a, std::uint32_t b);
  void point(std::uint32_t a);

  /// Closes the last batch and hands over every batch built (the builder is then empty).
  std::vector<osg::ref_ptr<osg::Geometry>> finish();
  [[nodiscard]] bool empty() const { return m_done.empty() && m_indices.empty(); }

 private:
  void flush();
  [[nodiscard]] std::uint32_t primitiveCount() const;

  Primitive m_primitive;
  std::string m_layer;
  bool m_withNormals;
  std::size_t m_maxVertices;
  osg::ref_ptr<osg::Vec3Array> m_vertices;
  osg::ref_ptr<osg::Vec3Array> m_normals;
  osg::ref_ptr<osg::Vec4Array> m_colours;
  std::vector<std::uint32_t> m_indices;
  osg::ref_ptr<FeatureTable> m_table;
  std::vector<osg::ref_ptr<osg::Geometry>> m_done;
};

}  // namespace dothi::render::detail
