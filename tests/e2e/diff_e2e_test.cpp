// dothi-cli diff on two versions of the Kastoria cadastre built in the test: the real 493 parcels
// (with their duplicate and missing ids) plus planted changes of every kind; the diff must report
// exactly the planted changes and leave every other parcel unchanged.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>

#include "dothi/geo/analysis/adjacency.hpp"
#include "dothi/geo/analysis/overlay.hpp"
#include "planted_project.hpp"

namespace dothi::test {
namespace {

using nlohmann::json;

constexpr const char* kKastoria = "cadastre/kastoria_cadastre_1925.shp";

struct Planted {
  std::int64_t removed1, removed2, split, merge1, merge2, reshaped, landuse, rekeyed;
  std::map<std::int64_t, std::string> keys;
};

geo::LayerInfo spec() {
  geo::LayerInfo s;
  s.name = "parcels";
  s.kind = geo::LayerKind::Parcels;
  s.geometryType = geo::GeometryType::MultiPolygon;
  s.fields = {{"KAK", geo::FieldType::Text}, {"landuse", geo::FieldType::Text}};
  return s;
}

void write(const std::string& path, const std::vector<geo::Feature>& features) {
  auto p = geo::Project::create(path);
  ASSERT_TRUE(p);
  ASSERT_TRUE((*p)->setCrs("EPSG:2100"));
  auto w = (*p)->beginLayer(spec());
  ASSERT_TRUE(w);
  for (const auto& f : features) ASSERT_TRUE((*w)->add(f));
  ASSERT_TRUE((*w)->commit());
}

geo::Geometry multi(std::vector<geo::Polygon> ps) {
  geo::Geometry g;
  g.type = geo::GeometryType::MultiPolygon;
  g.polygons = std::move(ps);
  return g;
}

/// The two halves of a parcel left and right of the vertical line through its box's centre,
/// cut with the exact overlay.
std::pair<geo::Geometry, geo::Geometry> halves(const geo::Geometry& g) {
  const geo::Extent e = extentOf(g);
  const double mid = e.center().x;
  geo::Polygon left;
  left.outer = {{e.minX - 1, e.minY - 1}, {mid, e.minY - 1}, {mid, e.maxY + 1}, {e.minX - 1, e.maxY + 1}, {e.minX - 1, e.minY - 1}};
  std::vector<geo::analysis::OverlayInput> in = {{0, &left}};
  for (const auto& p : g.polygons) in.push_back({1, &p});
  std::vector<geo::Polygon> l, r;
  auto ok = geo::analysis::overlay(
      in, [](const std::vector<std::uint32_t>& o, bool) { return o.size() && o.back() == 1 ? geo::analysis::FaceNeed::Geometry : geo::analysis::FaceNeed::Skip; },
      [&](geo::analysis::OverlayFace&& f) { (f.owners.size() == 2 ? l : r).push_back(std::move(f.polygon)); });
  EXPECT_TRUE(ok);
  return {multi(l), multi(r)};
}

class KastoriaDiff : public ::testing::Test {
 protected:
  void SetUp() override {
    DOTHI_REQUIRE_DATA(kKastoria);
    const std::string imported = m_dir.file("kastoria.dothi");
    ASSERT_EQ(cli({"import", sharedData(kKastoria).string(), "--into", imported, "--layer", "parcels", "-q"}).code, 0);
    auto project = geo::Project::open(imported, true);
    ASSERT_TRUE(project);
    std::map<std::string, int> uses;
    ASSERT_TRUE((*project)->forEachFeature("parcels", {}, [&](const geo::Feature& f) {
      geo::Feature g{f.id, f.geometry, {f.attributes[0], geo::Value(std::string("residential"))}};
      m_old.push_back(g);
      if (auto* k = std::get_if<std::string>(&f.attributes[0])) ++uses[*k];
      return true;
    }));
    // Parcels to change: unique ids, 100–2000 m², and a merge pair sharing more than 5 m of edge.
    std::vector<std::size_t> unique;
    for (std::size_t i = 0; i < m_old.size(); ++i) {
      auto* k = std::get_if<std::string>(&m_old[i].attributes[0]);
      const double a = geo::area(m_old[i].geometry);
      if (k && uses[*k] == 1 && a > 100 && a < 2000) unique.push_back(i);
    }
    ASSERT_GT(unique.size(), 50u);
    std::size_t m1 = 0, m2 = 0;
    for (std::size_t x = 0; x < unique.size() && !m2; ++x)
      for (std::size_t y = x + 1; y < unique.size() && !m2; ++y)
        if (geo::analysis::sharedBoundaryLength(m_old[unique[x]].geometry, m_old[unique[y]].geometry) > 5) {
          m1 = unique[x];
          m2 = unique[y];
        }
    ASSERT_NE(m2, 0u);
    std::vector<std::size_t> pick;
    for (auto i : unique)
      if (i != m1 && i != m2 && pick.size() < 6) pick.push_back(i);
    auto fid = [&](std::size_t i) { return m_old[i].id; };
    m_planted = {fid(pick[0]), fid(pick[1]), fid(pick[2]), fid(m1), fid(m2), fid(pick[3]), fid(pick[4]), fid(pick[5]), {}};
    for (const auto& f : m_old) m_planted.keys[f.id] = geo::valueToString(f.attributes[0]);

    for (const auto& f : m_old) {
      geo::Feature g = f;
      if (f.id == m_planted.removed1 || f.id == m_planted.removed2 || f.id == m_planted.merge2) continue;
      if (f.id == m_planted.split) {
        auto [l, r] = halves(f.geometry);
        const std::string k = m_planted.keys[f.id];
        m_new.push_back({20001, l, {geo::Value(k + "-1"), geo::Value(std::string("residential"))}});
        m_new.push_back({20002, r, {geo::Value(k + "-2"), geo::Value(std::string("residential"))}});
        continue;
      }
      if (f.id == m_planted.merge1) {
        const auto& other = *std::find_if(m_old.begin(), m_old.end(), [&](const auto& o) { return o.id == m_planted.merge2; });
        std::vector<geo::Polygon> both = f.geometry.polygons;
        both.insert(both.end(), other.geometry.polygons.begin(), other.geometry.polygons.end());
        g = {20003, multi(both), {geo::Value(m_planted.keys[f.id] + "+" + m_planted.keys[other.id]),
                                  geo::Value(std::string("residential"))}};
      }
      if (f.id == m_planted.reshaped) {  // 5 % larger about its centre: ~10 % more area
        const geo::Point c = extentOf(f.geometry).center();
        g.geometry.forEachPoint([&](geo::Point& p) {
          p.x = c.x + 1.05 * (p.x - c.x);
          p.y = c.y + 1.05 * (p.y - c.y);
        });
      }
      if (f.id == m_planted.landuse) g.attributes[1] = std::string("commercial");
      if (f.id == m_planted.rekeyed) g.attributes[0] = std::string("999001");
      m_new.push_back(g);
    }
    geo::Polygon added;  // a new parcel east of the old town
    added.outer = {{269200, 4488300}, {269220, 4488300}, {269220, 4488320}, {269200, 4488320}, {269200, 4488300}};
    m_new.push_back({20004, multi({added}), {geo::Value(std::string("NEW1")), geo::Value(std::string("residential"))}});
    write(m_dir.file("old.dothi"), m_old);
    write(m_dir.file("new.dothi"), m_new);
  }

  TempDir m_dir;
  std::vector<geo::Feature> m_old, m_new;
  Planted m_planted{};
};

std::map<std::string, std::vector<json>> byType(const json& diff) {
  std::map<std::string, std::vector<json>> out;
  for (const auto& c : diff["changes"]) out[c["type"]].push_back(c);
  return out;
}

TEST_F(KastoriaDiff, ReportsExactlyThePlantedChanges) {
  auto r = cli({"diff", m_dir.file("old.dothi"), m_dir.file("new.dothi"), "--key", "KAK", "--json", "--report",
                m_dir.file("diff.geojson"), "--report", m_dir.file("diff.html")});
  ASSERT_EQ(r.code, 0) << r.err;
  const json diff = json::parse(r.out);
  EXPECT_EQ(diff["old_count"], 493);
  EXPECT_EQ(diff["new_count"], 493 - 4 + 2 + 1);  // 2 removed, 2 merged into 1, 1 split in 2, 1 added
  EXPECT_EQ(diff["counts"], json({{"added", 1}, {"removed", 2}, {"split", 1}, {"merged", 1}, {"reshaped", 1}, {"attributes", 2}}));
  // Everything else, including the 101 parcels without a KAK and the 5 duplicated ids, matched
  // by shared area and found unchanged.
  EXPECT_EQ(diff["unchanged"], 493 - 2 - 1 - 2 - 1 - 2);
  auto t = byType(diff);
  ASSERT_EQ(t["removed"].size(), 2u);
  EXPECT_EQ(t["removed"][0]["old_fids"], json::array({m_planted.removed1}));
  EXPECT_EQ(t["removed"][1]["old_fids"], json::array({m_planted.removed2}));
  EXPECT_EQ(t["added"][0]["new_ids"], json::array({"NEW1"}));
  EXPECT_NEAR(t["added"][0]["area_m2"].get<double>(), 400, 1e-9);
  EXPECT_EQ(t["split"][0]["old_fids"], json::array({m_planted.split}));
  EXPECT_EQ(t["split"][0]["new_fids"], json::array({20001, 20002}));
  EXPECT_EQ(t["merged"][0]["old_fids"], json::array({m_planted.merge1, m_planted.merge2}));
  EXPECT_EQ(t["merged"][0]["new_fids"], json::array({20003}));
  EXPECT_EQ(t["reshaped"][0]["old_fids"], json::array({m_planted.reshaped}));
  EXPECT_TRUE(t["reshaped"][0]["fields"].empty());
  ASSERT_EQ(t["attributes"].size(), 2u);
  std::map<long, std::vector<std::string>> fields;
  for (const auto& c : t["attributes"]) fields[c["old_fids"][0].get<long>()] = c["fields"].get<std::vector<std::string>>();
  EXPECT_EQ(fields[m_planted.landuse], (std::vector<std::string>{"landuse: residential → commercial"}));
  EXPECT_EQ(fields[m_planted.rekeyed], (std::vector<std::string>{"KAK: " + m_planted.keys[m_planted.rekeyed] + " → 999001"}));
  EXPECT_EQ(ogrinfoCount(m_dir.file("diff.geojson")), 8);
  EXPECT_NE(readFile(m_dir.file("diff.html")).find("<td>split</td><td>1</td>"), std::string::npos);
}

TEST_F(KastoriaDiff, SameVersionHasNoChanges) {
  auto r = cli({"diff", m_dir.file("old.dothi"), m_dir.file("old.dothi"), "--key", "KAK", "--json"});
  ASSERT_EQ(r.code, 0) << r.err;
  const json diff = json::parse(r.out);
  EXPECT_TRUE(diff["changes"].empty());
  EXPECT_EQ(diff["unchanged"], 493);
}

TEST_F(KastoriaDiff, OldVersionStraightFromTheShapefile) {
  // Any readable source works: the shapefile has no landuse field, so that change is invisible;
  // everything else is the same.
  auto r = cli({"diff", sharedData(kKastoria).string(), m_dir.file("new.dothi"), "--key", "KAK", "--json"});
  ASSERT_EQ(r.code, 0) << r.err;
  const json diff = json::parse(r.out);
  EXPECT_EQ(diff["counts"], json({{"added", 1}, {"removed", 2}, {"split", 1}, {"merged", 1}, {"reshaped", 1}, {"attributes", 1}}));
  auto bad = cli({"diff", m_dir.file("old.dothi"), m_dir.file("new.dothi"), "--key", "NOPE"});
  EXPECT_EQ(bad.code, 3);
}

}  // namespace
}  // namespace dothi::test
