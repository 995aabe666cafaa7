// Exact topology validation on planted defects: each layer holds known defects and the
// validator must report exactly those (type and parcels), nothing else.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "planted_layer.hpp"

namespace dothi::test {
namespace {

using geo::analysis::FindingType;
using geo::analysis::ParcelInput;
using geo::analysis::ZoneInput;

const geo::analysis::Finding* find(const geo::analysis::TopologyReport& r, FindingType t, std::int64_t fid) {
  for (const auto& f : r.findings)
    if (f.type == t && !f.fids.empty() && f.fids.front() == fid) return &f;
  return nullptr;
}

TEST(Topology, PlantedDefectsGiveExactlyThePlantedFindings) {
  auto r = geo::analysis::validateTopology(plantedLayer(), plantedZones(), {});
  ASSERT_TRUE(r) << r.error().describe();
  const Signature got = signature(r->findings);
  EXPECT_EQ(got, plantedSignature()) << "got:\n" << describe(got) << "expected:\n" << describe(plantedSignature());
  EXPECT_EQ(r->parcels, 27);
  EXPECT_EQ(r->zones, 2);
}

TEST(Topology, PlantedFindingsCarryTheProblemGeometryAndFigures) {
  auto r = geo::analysis::validateTopology(plantedLayer(), plantedZones(), {});
  ASSERT_TRUE(r);
  const auto* overlap = find(*r, FindingType::Overlap, 10);
  ASSERT_TRUE(overlap);
  EXPECT_DOUBLE_EQ(overlap->area, 10.0);  // [109,110] × [0,10], exact
  EXPECT_EQ(overlap->geometry.type, geo::GeometryType::Polygon);
  EXPECT_DOUBLE_EQ(geo::area(overlap->geometry), 10.0);
  EXPECT_TRUE(geo::contains(overlap->geometry, overlap->location));
  EXPECT_EQ(overlap->ids, (std::vector<std::optional<std::string>>{"P10", "P11"}));

  const auto* gap = find(*r, FindingType::Gap, 12);
  ASSERT_TRUE(gap);
  EXPECT_NEAR(gap->area, 0.4, 1e-12);  // 0.04 × 10 (0.04 is not exact in binary)
  EXPECT_NEAR(gap->location.x, 210.02, 1e-9);

  const auto* cross = find(*r, FindingType::SelfIntersection, 16);
  ASSERT_TRUE(cross);
  ASSERT_EQ(cross->geometry.type, geo::GeometryType::Point);
  EXPECT_DOUBLE_EQ(cross->geometry.points[0].x, 305.0);
  EXPECT_DOUBLE_EQ(cross->geometry.points[0].y, 5.0);

  const auto* parts = find(*r, FindingType::SelfIntersection, 25);
  ASSERT_TRUE(parts);
  EXPECT_DOUBLE_EQ(parts->area, 50.0);

  const auto* spike = find(*r, FindingType::Spike, 9);
  ASSERT_TRUE(spike);
  EXPECT_DOUBLE_EQ(spike->location.x, 25.01);
  EXPECT_DOUBLE_EQ(spike->location.y, 32.0);

  const auto* crossing = find(*r, FindingType::CrossesBoundary, 23);
  ASSERT_TRUE(crossing);
  EXPECT_EQ(crossing->otherFids, (std::vector<std::int64_t>{1, 2}));
  EXPECT_DOUBLE_EQ(crossing->area, 100.0);  // the minority half, 10 × 10

  const auto* sliver = find(*r, FindingType::Sliver, 18);
  ASSERT_TRUE(sliver);
  EXPECT_NEAR(sliver->area, 2.0, 1e-12);

  const auto* dup = find(*r, FindingType::DuplicateId, 19);
  ASSERT_TRUE(dup);
  EXPECT_EQ(dup->ids, (std::vector<std::optional<std::string>>{"DUP", "DUP"}));
  const auto* missing = find(*r, FindingType::MissingId, 21);
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->ids, (std::vector<std::optional<std::string>>{std::nullopt}));
}

TEST(Topology, SmallTilesAndThreadsFindTheSame) {
  // Tiles of 3 parcels cut the planted layer everywhere; every defect must still be found once.
  geo::analysis::TopologyOptions o;
  o.tileParcels = 3;
  o.threads = 3;
  auto r = geo::analysis::validateTopology(plantedLayer(), plantedZones(), o);
  ASSERT_TRUE(r) << r.error().describe();
  EXPECT_GT(r->tiles, 4);
  EXPECT_EQ(signature(r->findings), plantedSignature()) << describe(signature(r->findings));
}

TEST(Topology, CleanGridHasNoFindings) {
  std::vector<ParcelInput> ps;
  for (int j = 0; j < 20; ++j)
    for (int i = 0; i < 20; ++i) ps.push_back(parcel(j * 20 + i + 1, rect(i * 7.3, j * 5.1, (i + 1) * 7.3, (j + 1) * 5.1)));
  for (int tile : {0, 7}) {
    geo::analysis::TopologyOptions o;
    o.tileParcels = tile;
    o.minArea = 0;  // even the smallest overlap or gap would show
    auto r = geo::analysis::validateTopology(ps, {}, o);
    ASSERT_TRUE(r);
    EXPECT_TRUE(r->findings.empty()) << describe(signature(r->findings));
    EXPECT_EQ(r->overlapsBelowMinArea + r->gapsBelowMinArea, 0);
  }
}

TEST(Topology, ExactArithmeticSeesAHalfMicroSquareMetreOverlap) {
  // B's left edge leans 0.1 µm into A over 10 m: a 5e-7 m² sliver of overlap at projected
  // coordinates of 4.5e6 m, where doubles hold only ~1e-9 m. Exact constructions find it.
  const double x = 268800, y = 4488200;
  std::vector<ParcelInput> ps = {parcel(1, rect(x, y, x + 10, y + 10))};
  geo::Polygon b;
  b.outer = ring({{x + 10, y}, {x + 20, y}, {x + 20, y + 10}, {x + 10 - 1e-7, y + 10}});
  ps.push_back(parcel(2, b));
  geo::analysis::TopologyOptions o;
  o.minArea = 0;
  auto r = geo::analysis::validateTopology(ps, {}, o);
  ASSERT_TRUE(r);
  ASSERT_EQ(signature(r->findings), (Signature{{"overlap", {1, 2}}})) << describe(signature(r->findings));
  // The leaning edge's offset is 1e-7 rounded to the double grid near 268810 (spacing 5.8e-11).
  const double lean = (x + 10) - (x + 10 - 1e-7);
  EXPECT_NEAR(r->findings[0].area, 0.5 * 10 * lean, 1e-12);
  // With the default noise area it is counted, not listed.
  auto d = geo::analysis::validateTopology(ps, {}, {});
  ASSERT_TRUE(d);
  EXPECT_TRUE(d->findings.empty());
  EXPECT_EQ(d->overlapsBelowMinArea, 1);
}

TEST(Topology, GapToleranceDecidesWhatIsAGap) {
  // The 0.4 m² gap of the planted layer: a gap under 0.5 m², open land under 0.3 m².
  std::vector<ParcelInput> ps = {parcel(1, rect(0, 0, 10, 10)), parcel(2, rect(10.04, 0, 20, 10)),
                                 parcel(3, rect(0, 10, 20, 20)), parcel(4, rect(0, -10, 20, 0))};
  geo::analysis::TopologyOptions o;
  auto r = geo::analysis::validateTopology(ps, {}, o);
  ASSERT_TRUE(r);
  EXPECT_EQ(signature(r->findings), (Signature{{"gap", {1, 2, 3, 4}}}));
  o.gapTolerance = 0.3;
  r = geo::analysis::validateTopology(ps, {}, o);
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->findings.empty());
}

TEST(Topology, LongGapAcrossTilesIsFoundOnce) {
  // A 0.002 m wide, 200 m long gap (0.4 m²) runs between two rows of a 200-parcel strip: longer
  // than any tile, so it is decided by the growing-region re-check.
  std::vector<ParcelInput> ps;
  std::int64_t fid = 1;
  for (int i = 0; i < 100; ++i) {
    ps.push_back(parcel(fid++, rect(i * 2.0, 0, i * 2.0 + 2, 10)));
    ps.push_back(parcel(fid++, rect(i * 2.0, 10.002, i * 2.0 + 2, 20)));
  }
  ps.push_back(parcel(fid++, rect(-5, -5, 0, 25)));   // closes the gap at the left end
  ps.push_back(parcel(fid++, rect(200, -5, 205, 25)));  // and at the right end
  geo::analysis::TopologyOptions o;
  o.tileParcels = 20;
  auto r = geo::analysis::validateTopology(ps, {}, o);
  ASSERT_TRUE(r) << r.error().describe();
  EXPECT_GT(r->tiles, 4);
  ASSERT_EQ(r->findings.size(), 1u) << describe(signature(r->findings));
  EXPECT_EQ(r->findings[0].type, FindingType::Gap);
  EXPECT_NEAR(r->findings[0].area, 0.4, 1e-9);
  EXPECT_EQ(r->findings[0].fids.size(), 202u);
}

TEST(Topology, OrientationRules) {
  std::vector<ParcelInput> ps = {parcel(1, rect(0, 0, 1, 1, true)), parcel(2, rect(2, 0, 3, 1, true)),
                                 parcel(3, rect(4, 0, 5, 1, false))};
  geo::analysis::TopologyOptions o;  // layer: two clockwise shells win
  auto r = geo::analysis::validateTopology(ps, {}, o);
  ASSERT_TRUE(r);
  EXPECT_EQ(signature(r->findings), (Signature{{"wrong_orientation", {3}}}));
  o.orientation = geo::analysis::OrientationRule::Ccw;
  r = geo::analysis::validateTopology(ps, {}, o);
  ASSERT_TRUE(r);
  EXPECT_EQ(signature(r->findings), (Signature{{"wrong_orientation", {1}}, {"wrong_orientation", {2}}}));
}

TEST(Topology, RandomGarbageNeverCrashes) {
  // Random rings on a 0.5 m lattice: repeated and collinear vertices, bow-ties, unclosed rings,
  // stray holes; 300 small ones and 20 spanning the whole area. Findings, never a failure.
  const unsigned seed = std::random_device{}();
  SCOPED_TRACE("seed " + std::to_string(seed));
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> unit(0, 1);
  std::uniform_int_distribution<int> count(0, 10);
  auto lattice = [&](double lo, double span) { return lo + std::round(unit(rng) * span * 2) / 2; };
  std::vector<ParcelInput> ps;
  for (int i = 0; i < 320; ++i) {
    const double span = i < 300 ? 6 : 100;
    const double ox = i < 300 ? lattice(0, 94) : 0, oy = i < 300 ? lattice(0, 94) : 0;
    geo::Polygon p;
    const int n = count(rng);
    for (int k = 0; k < n; ++k) p.outer.push_back({lattice(ox, span), lattice(oy, span), 0});
    if (n > 0 && rng() % 2) p.outer.push_back(p.outer.front());
    if (rng() % 4 == 0) p.holes.push_back(rect(lattice(ox, span), lattice(oy, span), lattice(ox, span), lattice(oy, span)).outer);
    ps.push_back(parcel(i + 1, p, rng() % 5 ? std::optional<std::string>("X" + std::to_string(rng() % 250)) : std::nullopt));
  }
  geo::analysis::TopologyOptions o;
  o.tileParcels = 40;
  auto r = geo::analysis::validateTopology(ps, {{1, polygons({rect(10, 10, 30, 30)}), "z"}}, o);
  ASSERT_TRUE(r) << r.error().describe();
  EXPECT_FALSE(r->findings.empty());
}

TEST(Topology, CancelStopsTheRun) {
  std::vector<ParcelInput> ps;
  for (int i = 0; i < 100; ++i) ps.push_back(parcel(i + 1, rect(i, 0, i + 1, 1)));
  std::atomic<bool> cancel{true};
  geo::analysis::TopologyOptions o;
  o.cancel = &cancel;
  auto r = geo::analysis::validateTopology(ps, {}, o);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, geo::ErrorCode::Cancelled);
}

}  // namespace
}  // namespace dothi::test

namespace dothi::test {
namespace {

// Slivers are parcels that hold no disc as wide as the tolerance anywhere, whatever their mean
// width (2·area/perimeter) says.
TEST(Topology, SliverIsThinEverywhereNotOnAverage) {
  auto poly = [](std::int64_t fid, geo::Ring outer) {
    geo::Geometry g;
    g.type = geo::GeometryType::Polygon;
    g.polygons.push_back({std::move(outer), {}});
    return ParcelInput{fid, g, std::nullopt};
  };
  std::vector<ParcelInput> ps;
  // 1: two 10 m lots joined by a 0.1 m × 1000 m strip: 0.29 m wide on average, no sliver at 0.3.
  ps.push_back(poly(1, {{0, 0}, {10, 0}, {10, 5}, {1010, 5}, {1010, 0}, {1020, 0}, {1020, 10}, {1010, 10}, {1010, 5.1},
                        {10, 5.1}, {10, 10}, {0, 10}, {0, 0}}));
  // 2: a 0.25 m wide strip running diagonally, 50 m long: a sliver at 0.3 (its mean width is 0.25).
  ps.push_back(poly(2, {{2000, 0}, {2035.355, 35.355}, {2035.178, 35.532}, {1999.823, 0.177}, {2000, 0}}));
  // 3: a long thin triangle 0.5 m at its base: mean width 0.25, but a disc ~0.5 m wide fits there.
  ps.push_back(poly(3, {{3000, 0}, {3000, 0.5}, {3100, 0.25}, {3000, 0}}));
  geo::analysis::TopologyOptions o;
  o.sliverWidth = 0.3;
  o.gapTolerance = 0;
  auto r = geo::analysis::validateTopology(ps, {}, o);
  ASSERT_TRUE(r);
  std::vector<std::int64_t> slivers;
  for (const auto& f : r->findings)
    if (f.type == FindingType::Sliver) slivers.push_back(f.fids.front());
  EXPECT_EQ(slivers, (std::vector<std::int64_t>{2}));
}

}  // namespace
}  // namespace dothi::test
