// dothi-cli diff on two versions of the Kastoria cadastre built in the test: the real 493 parcels
// (with their duplicate and missing ids) plus planted changes of every kind; the diff must report
// exactly the planted changes and leave every other parcel unchanged.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>

#include "kastoria_versions.hpp"
#include "planted_project.hpp"

namespace dothi::test {
namespace {

using nlohmann::json;

constexpr const char* kKastoria = "cadastre/kastoria_cadastre_1925.shp";

class KastoriaDiff : public ::testing::Test {
 protected:
  void SetUp() override {
    DOTHI_REQUIRE_DATA(kKastoria);
    const std::string imported = m_dir.file("kastoria.dothi");
    ASSERT_EQ(cli({"import", sharedData(kKastoria).string(), "--into", imported, "--layer", "parcels", "-q"}).code, 0);
    const std::string planted = plantKastoriaVersions(imported, m_planted);
    ASSERT_TRUE(planted.empty()) << planted;
    ASSERT_EQ(writeKastoriaVersion(m_dir.file("old.dothi"), m_planted.oldFeatures), "");
    ASSERT_EQ(writeKastoriaVersion(m_dir.file("new.dothi"), m_planted.newFeatures), "");
  }

  TempDir m_dir;
  KastoriaVersions m_planted;
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
