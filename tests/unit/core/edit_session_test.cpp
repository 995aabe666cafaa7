// The zoning editor's core: every edit and its undo restore exactly, shared boundaries stay
// shared (no gaps or overlaps, checked with the exact overlay), edits that would create an
// overlap or a self-intersection are caught, scenarios store only their changes and diff/promote
// exactly.
#include <gtest/gtest.h>

#include <filesystem>

#include "core/edit_session.hpp"
#include "core/scenario_diff.hpp"
#include "core/zoning_rules.hpp"
#include "dothi/geo/analysis/overlay.hpp"
#include "dothi/geo/project.hpp"

namespace dothi::app {
namespace {

using geo::Point;

constexpr double kX = 500000, kY = 2300000;  // VN-2000 / UTM 48N, near Hanoi
constexpr double kCell = 100;

geo::Geometry square(double x0, double y0, double size) {
  geo::Geometry g;
  g.type = geo::GeometryType::MultiPolygon;
  g.polygons.push_back({{{x0, y0}, {x0 + size, y0}, {x0 + size, y0 + size}, {x0, y0 + size}, {x0, y0}}, {}});
  return g;
}

/// A 3 x 3 grid of 100 m zones Z1..Z9 sharing their edges and corners exactly.
class EditSessionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    m_path = (std::filesystem::temp_directory_path() / ("dothi-edit-" + std::to_string(getpid()) + "-" +
                                                         ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".dothi"))
                 .string();
    std::filesystem::remove(m_path);
    auto p = geo::Project::create(m_path);
    ASSERT_TRUE(p) << p.error().describe();
    m_project = std::move(*p);
    ASSERT_TRUE(m_project->setCrs("EPSG:3405"));
    geo::LayerInfo spec;
    spec.name = "zoning";
    spec.kind = geo::LayerKind::Zoning;
    spec.geometryType = geo::GeometryType::MultiPolygon;
    spec.fields = {{"zone_id", geo::FieldType::Text}};
    auto w = m_project->beginLayer(spec);
    ASSERT_TRUE(w);
    for (int r = 0; r < 3; ++r)
      for (int c = 0; c < 3; ++c) {
        const int id = r * 3 + c + 1;
        ASSERT_TRUE((*w)->add({id, square(kX + c * kCell, kY + r * kCell, kCell), {geo::Value("Z" + std::to_string(id))}}));
      }
    ASSERT_TRUE((*w)->commit());
    ASSERT_TRUE(ensureZoningFields(*m_project, "zoning"));
    auto s = EditSession::open(*m_project, "zoning");
    ASSERT_TRUE(s) << s.error().describe();
    m_session = std::move(*s);
  }
  void TearDown() override {
    m_session.reset();
    m_project.reset();
    std::filesystem::remove(m_path);
  }

  /// Total overlap area between distinct zones and the union's area, exactly.
  void expectNoGapsOrOverlaps(double expectedArea = 9 * kCell * kCell) {
    std::vector<const geo::Geometry*> all;
    std::vector<const geo::Polygon*> parts;
    for (const auto& [id, f] : m_session->features()) {
      all.push_back(&f.geometry);
      for (const auto& p : f.geometry.polygons) parts.push_back(&p);
    }
    auto overlaps = geo::analysis::intersectionAreas(all, all);
    ASSERT_TRUE(overlaps);
    for (const auto& [pair, area] : *overlaps)
      if (pair.first != pair.second) {
        EXPECT_EQ(area, 0.0) << "zones " << pair.first << " and " << pair.second << " overlap";
      }
    auto u = geo::analysis::unionPolygons(parts);
    ASSERT_TRUE(u);
    ASSERT_EQ(u->size(), 1u) << "the zones no longer form one area";
    EXPECT_TRUE(u->front().holes.empty()) << "a gap opened between zones";
    geo::Geometry g;
    g.type = geo::GeometryType::MultiPolygon;
    g.polygons = *u;
    EXPECT_NEAR(geo::area(g), expectedArea, 1e-6);
  }

  std::map<std::int64_t, geo::Feature> snapshot() const { return m_session->features(); }
  static void expectSame(const std::map<std::int64_t, geo::Feature>& a, const std::map<std::int64_t, geo::Feature>& b) {
    ASSERT_EQ(a.size(), b.size());
    for (const auto& [id, f] : a) {
      ASSERT_TRUE(b.count(id)) << id;
      EXPECT_EQ(geo::toWkb(f.geometry), geo::toWkb(b.at(id).geometry)) << "feature " << id;
      EXPECT_EQ(f.attributes, b.at(id).attributes) << "feature " << id;
    }
  }

  std::string m_path;
  std::unique_ptr<geo::Project> m_project;
  std::unique_ptr<EditSession> m_session;
};

TEST_F(EditSessionTest, MovingASharedCornerMovesItInAllFourZonesAndUndoRestoresExactly) {
  const auto before = snapshot();
  const Point corner{kX + kCell, kY + kCell};
  auto cmd = m_session->moveVertex({corner.x + 0.2, corner.y - 0.1}, {corner.x + 17.5, corner.y + 9.25}, 0.5);
  ASSERT_TRUE(cmd) << cmd.error().describe();
  EXPECT_EQ(cmd->changes.size(), 4u);  // Z1, Z2, Z4, Z5 share that corner
  EXPECT_TRUE(m_session->validate(*cmd).empty());
  m_session->apply(*cmd);
  expectNoGapsOrOverlaps();
  EXPECT_TRUE(m_session->dirty());
  m_session->revert(*cmd);
  expectSame(before, snapshot());
  EXPECT_FALSE(m_session->dirty());
}

TEST_F(EditSessionTest, InsertedVertexOnASharedEdgeGoesIntoBothZonesAndCanBeMoved) {
  auto ins = m_session->insertVertex({kX + kCell + 0.3, kY + 40}, 0.5);  // edge between Z1 and Z2
  ASSERT_TRUE(ins) << ins.error().describe();
  EXPECT_EQ(ins->changes.size(), 2u);
  m_session->apply(*ins);
  auto move = m_session->moveVertex({kX + kCell, kY + 40}, {kX + kCell + 30, kY + 45}, 0.5);
  ASSERT_TRUE(move);
  EXPECT_EQ(move->changes.size(), 2u);
  m_session->apply(*move);
  expectNoGapsOrOverlaps();
  EXPECT_NEAR(geo::area(m_session->feature(1)->geometry), kCell * kCell + 30 * kCell / 2, 1e-6);
  auto del = m_session->deleteVertex({kX + kCell + 30, kY + 45}, 0.5);
  ASSERT_TRUE(del);
  m_session->apply(*del);
  expectNoGapsOrOverlaps();
  EXPECT_NEAR(geo::area(m_session->feature(1)->geometry), kCell * kCell, 1e-6);
}

TEST_F(EditSessionTest, SplitGivesTwoZonesAndPutsTheNewVerticesIntoTheNeighbours) {
  const auto before = snapshot();
  // Cut Z5 (the centre) from left to right at an angle; the line starts and ends in Z4 and Z6.
  auto cmd = m_session->splitFeature(5, {{kX + 90, kY + 130}, {kX + 210, kY + 160}});
  ASSERT_TRUE(cmd) << cmd.error().describe();
  ASSERT_EQ(cmd->changes.size(), 4u);  // Z5 smaller, a new zone, Z4 and Z6 get the cut's end vertices
  EXPECT_TRUE(m_session->validate(*cmd).empty());
  m_session->apply(*cmd);
  EXPECT_EQ(m_session->features().size(), 10u);
  const std::int64_t piece = cmd->changes[1].after->id;
  EXPECT_EQ(m_session->feature(piece)->attributes, m_session->feature(5)->attributes);  // attributes copied
  EXPECT_NEAR(geo::area(m_session->feature(5)->geometry) + geo::area(m_session->feature(piece)->geometry), kCell * kCell, 1e-6);
  expectNoGapsOrOverlaps();
  // The new vertex on the Z5/Z6 edge is shared: moving it keeps the plan tight.
  auto move = m_session->moveVertex({kX + 200, kY + 157.5}, {kX + 215, kY + 150}, 0.5);
  ASSERT_TRUE(move) << move.error().describe();
  EXPECT_EQ(move->changes.size(), 3u);
  m_session->apply(*move);
  expectNoGapsOrOverlaps();
  m_session->revert(*move);
  m_session->revert(*cmd);
  expectSame(before, snapshot());
  EXPECT_FALSE(m_session->splitFeature(5, {{kX + 110, kY + 120}, {kX + 150, kY + 150}}));  // does not cross it
}

TEST_F(EditSessionTest, MergeJoinsAdjacentZonesAndRefusesSeparateOnes) {
  auto cmd = m_session->mergeFeatures({1, 2});
  ASSERT_TRUE(cmd) << cmd.error().describe();
  m_session->apply(*cmd);
  EXPECT_EQ(m_session->features().size(), 8u);
  ASSERT_EQ(m_session->feature(1)->geometry.polygons.size(), 1u);
  EXPECT_NEAR(geo::area(m_session->feature(1)->geometry), 2 * kCell * kCell, 1e-6);
  EXPECT_EQ(m_session->feature(2), nullptr);
  expectNoGapsOrOverlaps();
  auto apart = m_session->mergeFeatures({3, 7});
  ASSERT_FALSE(apart);
  EXPECT_EQ(apart.error().code, geo::ErrorCode::Geometry);
  m_session->revert(*cmd);
  EXPECT_EQ(m_session->features().size(), 9u);
}

TEST_F(EditSessionTest, EditsThatOverlapOrSelfIntersectAreCaught) {
  // Dragging Z1's outer corner (Z1's alone) into Z5 makes Z1 overlap its neighbours.
  auto overlap = m_session->moveVertex({kX, kY}, {kX + 150, kY + 150}, 0.5);
  ASSERT_TRUE(overlap);
  const auto problems = m_session->validate(*overlap);
  ASSERT_FALSE(problems.empty());
  EXPECT_TRUE(std::any_of(problems.begin(), problems.end(), [](const EditProblem& p) { return p.otherId.has_value(); }));
  // A bow tie drawn as a new zone crosses itself.
  auto bowTie = m_session->addFeature({{{kX - 300, kY}, {kX - 200, kY + 100}, {kX - 200, kY}, {kX - 300, kY + 100}}, {}});
  ASSERT_TRUE(bowTie);
  const auto selfProblems = m_session->validate(*bowTie);
  ASSERT_FALSE(selfProblems.empty());
  EXPECT_NE(selfProblems.front().message.find("crosses"), std::string::npos) << selfProblems.front().message;
  // A zone drawn beside the grid, with a hole, is fine.
  auto ok = m_session->addFeature({{{kX - 300, kY}, {kX - 200, kY}, {kX - 200, kY + 100}, {kX - 300, kY + 100}},
                                   {{{kX - 270, kY + 30}, {kX - 270, kY + 60}, {kX - 240, kY + 60}, {kX - 240, kY + 30}}}});
  ASSERT_TRUE(ok);
  EXPECT_TRUE(m_session->validate(*ok).empty());
  m_session->apply(*ok);
  EXPECT_NEAR(geo::area(m_session->feature(ok->changes.front().after->id)->geometry), 100 * 100 - 30 * 30, 1e-6);
}

TEST_F(EditSessionTest, AttributesAreSetTypedCopiedAndUndone) {
  auto where = parseWhere("zone_id = 'Z5'");
  ASSERT_TRUE(where);
  auto ids = m_session->select(*where);
  ASSERT_TRUE(ids);
  ASSERT_EQ(*ids, std::vector<std::int64_t>{5});
  auto set = m_session->setAttributes(*ids, {{"max_height", geo::Value(std::int64_t{45})}, {"zoning_class", geo::Value("ODT")}});
  ASSERT_TRUE(set) << set.error().describe();
  m_session->apply(*set);
  const auto& fields = m_session->layer().fields;
  const auto h = *geo::fieldIndex(fields, "max_height");
  EXPECT_EQ(m_session->feature(5)->attributes[h], geo::Value(45.0));  // REAL column: stored as a real
  auto copy = m_session->copyAttributes(5, {6, 8}, {"max_height", "zoning_class"});
  ASSERT_TRUE(copy);
  m_session->apply(*copy);
  EXPECT_EQ(m_session->feature(8)->attributes[h], geo::Value(45.0));
  EXPECT_EQ(geo::valueToString(m_session->feature(8)->attributes[0]), "Z8");  // zone_id not copied
  m_session->revert(*copy);
  EXPECT_EQ(m_session->feature(8)->attributes[h], geo::Value{});
  EXPECT_FALSE(m_session->setAttributes({5}, {{"max_floors", geo::Value("many")}}));
  EXPECT_FALSE(m_session->setAttributes({5}, {{"no_such_field", geo::Value(1.0)}}));
}

TEST_F(EditSessionTest, SaveWritesTheNetChangesAndTheEditLog) {
  auto cmd = m_session->splitFeature(5, {{kX + 90, kY + 150}, {kX + 210, kY + 150}});
  ASSERT_TRUE(cmd);
  m_session->apply(*cmd);
  auto set = m_session->setAttributes({5}, {{"max_height", geo::Value(30.0)}});
  m_session->apply(*set);
  const auto expected = snapshot();
  auto saved = m_session->save({"tester", "split the centre"});
  ASSERT_TRUE(saved) << saved.error().describe();
  EXPECT_EQ(*saved, 4);  // Z5, the new piece, Z4 and Z6 (their new vertices)
  EXPECT_FALSE(m_session->dirty());
  auto reopened = EditSession::open(*m_project, "zoning");
  ASSERT_TRUE(reopened);
  expectSame(expected, (*reopened)->features());
  EXPECT_EQ(m_project->layer("zoning")->featureCount, 10);
  auto log = m_project->editLog("zoning");
  ASSERT_TRUE(log);
  ASSERT_EQ(log->size(), 4u);
  EXPECT_EQ(log->front().user, "tester");
  EXPECT_EQ(log->front().featureId, 4);
  EXPECT_TRUE(log->front().beforeGeometry && log->front().afterGeometry);
  const auto z5 = std::find_if(log->begin(), log->end(), [](const auto& e) { return e.featureId == 5; });
  EXPECT_EQ(z5->action, "split; set max_height=30");
  EXPECT_NE(z5->afterAttributes.find("\"max_height\":30"), std::string::npos) << z5->afterAttributes;
}

TEST_F(EditSessionTest, ScenariosStoreOnlyTheirChangesDiffAndPromote) {
  ASSERT_TRUE(m_project->createScenario("B", "raise the height limit along the river"));
  auto b = EditSession::open(*m_project, "zoning", "B");
  ASSERT_TRUE(b);
  auto set = (*b)->setAttributes({2, 3}, {{"max_height", geo::Value(45.0)}});
  (*b)->apply(*set);
  auto del = (*b)->deleteFeatures({9});
  (*b)->apply(*del);
  auto add = (*b)->addFeature({{{kX + 400, kY}, {kX + 500, kY}, {kX + 500, kY + 100}, {kX + 400, kY + 100}}, {}});
  (*b)->apply(*add);
  ASSERT_TRUE((*b)->save({}));
  EXPECT_EQ(m_project->scenario("B")->changes, 4);  // copy on write: 4 rows, not 10
  // The base plan is untouched.
  auto base = EditSession::open(*m_project, "zoning");
  EXPECT_EQ((*base)->features().size(), 9u);
  EXPECT_EQ((*base)->feature(2)->attributes[*geo::fieldIndex((*base)->layer().fields, "max_height")], geo::Value{});
  // Reading a scenario with a box filter still finds its moved/added features.
  geo::Query q;
  q.scenario = "B";
  q.bbox = geo::Extent{kX + 410, kY + 10, kX + 420, kY + 20};
  int found = 0;
  ASSERT_TRUE(m_project->forEachFeature("zoning", q, [&](const geo::Feature&) { return ++found, true; }));
  EXPECT_EQ(found, 1);

  auto diff = diffScenarios(*m_project, "base", "B", "zoning");
  ASSERT_TRUE(diff) << diff.error().describe();
  ASSERT_EQ(diff->size(), 4u);
  EXPECT_EQ((*diff)[0].key, "Z2");
  EXPECT_EQ((*diff)[0].describe(), "max_height (null) → 45");
  EXPECT_EQ((*diff)[2].kind, "removed");
  EXPECT_EQ((*diff)[3].kind, "added");

  ASSERT_TRUE(m_project->createScenario("C", {}, "B"));
  auto same = diffScenarios(*m_project, "B", "C");
  ASSERT_TRUE(same);
  EXPECT_TRUE(same->empty());

  auto promoted = m_project->promoteScenario("B", {"planner", {}});
  ASSERT_TRUE(promoted) << promoted.error().describe();
  EXPECT_EQ(*promoted, 4);
  EXPECT_FALSE(m_project->scenario("B"));
  auto after = EditSession::open(*m_project, "zoning");
  EXPECT_EQ((*after)->features().size(), 9u);  // 9 - 1 + 1
  EXPECT_EQ((*after)->feature(9), nullptr);
  EXPECT_EQ((*after)->feature(3)->attributes[*geo::fieldIndex((*after)->layer().fields, "max_height")], geo::Value(45.0));
  auto stillC = diffScenarios(*m_project, "base", "C");
  ASSERT_TRUE(stillC);
  EXPECT_TRUE(stillC->empty());  // C held the same changes, now in the base plan
}

TEST(ParseWhere, ReadsFieldsOperatorsAndQuotedValues) {
  auto w = parseWhere("zone_id='Z12' AND max_height >= 30.5 and name LIKE 'Nguy%' AND note != 'it''s'");
  ASSERT_TRUE(w) << w.error().describe();
  ASSERT_EQ(w->size(), 4u);
  EXPECT_EQ((*w)[0].field, "zone_id");
  EXPECT_EQ((*w)[0].value, "Z12");
  EXPECT_EQ((*w)[1].op, geo::analysis::CompareOp::GreaterEqual);
  EXPECT_EQ((*w)[2].op, geo::analysis::CompareOp::Like);
  EXPECT_EQ((*w)[3].value, "it's");
  EXPECT_TRUE(matches(geo::Value("Nguyen"), (*w)[2]));
  EXPECT_TRUE(matches(geo::Value(31.0), (*w)[1]));
  EXPECT_FALSE(matches(geo::Value(std::int64_t{30}), (*w)[1]));
  // Injection attempts stay values (or are refused), never SQL.
  auto inj = parseWhere("zone_id = 'x'' OR 1=1 --'");
  ASSERT_TRUE(inj);
  EXPECT_EQ(inj->front().value, "x' OR 1=1 --");
  EXPECT_FALSE(parseWhere("zone_id = Z12"));  // unquoted text
  EXPECT_FALSE(parseWhere("zone_id"));
  EXPECT_FALSE(parseWhere("zone_id = 'Z12' OR 1=1"));
}

TEST(ZoningRules, CodeListAndDomains) {
  auto codes = landUseCodes();
  ASSERT_TRUE(codes) << codes.error().describe();
  for (const char* c : {"ODT", "ONT", "TMD", "SKC", "DGT", "DGD", "DYT", "LUC", "CLN", "BCS"}) EXPECT_NE(codes->find(c), nullptr) << c;
  EXPECT_EQ(codes->find("ODT")->nameVi, "Đất ở tại đô thị");
  EXPECT_NE(codes->source.find("27/2018/TT-BTNMT"), std::string::npos);
  EXPECT_TRUE(checkZoningValue("zoning_class", geo::Value("ODT"), &*codes));
  EXPECT_FALSE(checkZoningValue("zoning_class", geo::Value("XYZ"), &*codes));
  EXPECT_FALSE(checkZoningValue("max_coverage", geo::Value(120.0), nullptr));
  EXPECT_FALSE(checkZoningValue("max_floors", geo::Value(2.5), nullptr));
  EXPECT_TRUE(checkZoningValue("max_height", geo::Value(45.0), nullptr));
}

}  // namespace
}  // namespace dothi::app
