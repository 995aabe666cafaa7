#include <gtest/gtest.h>

#include "dothi/geo/crs.hpp"

using namespace dothi::geo;

TEST(Crs, Wgs84ToVn2000Utm48MatchesReference) {
  // STACK.md reference point: WGS 84 (105.85 E, 21.03 N) → EPSG:3405 588128.03 E, 2325811.03 N.
  auto t = Transformer::create("EPSG:4326", "EPSG:3405");
  ASSERT_TRUE(t) << t.error().describe();
  Point p{105.85, 21.03};
  ASSERT_TRUE(t->transform(p));
  EXPECT_NEAR(p.x, 588128.03, 0.005);
  EXPECT_NEAR(p.y, 2325811.03, 0.005);
}

TEST(Crs, Vn2000Tm3ZonesAreKnown) {
  for (const char* code : {"EPSG:9205", "EPSG:9210", "EPSG:5897", "EPSG:9218"}) {
    auto info = describeCrs(code);
    ASSERT_TRUE(info) << code;
    EXPECT_TRUE(info->projected) << code;
    EXPECT_EQ(info->baseGeographicAuthCode, "EPSG:4756") << code;
  }
}

TEST(Crs, ProjectCrsChoice) {
  auto wgs = describeCrs("EPSG:4326");
  ASSERT_TRUE(wgs);
  Extent monaco{7.40, 43.72, 7.44, 43.75};
  EXPECT_EQ(chooseProjectCrs(*wgs, monaco).value(), "EPSG:32632");
  auto vn = describeCrs("EPSG:4756");
  ASSERT_TRUE(vn);
  Extent hanoi{105.8, 21.0, 105.9, 21.1};
  EXPECT_EQ(chooseProjectCrs(*vn, hanoi).value(), "EPSG:3405");
  auto greek = describeCrs("EPSG:2100");
  ASSERT_TRUE(greek);
  EXPECT_EQ(chooseProjectCrs(*greek, {}).value(), "EPSG:2100");
}

TEST(Crs, UnknownCrsIsAClearError) {
  auto info = describeCrs("EPSG:999999");
  ASSERT_FALSE(info);
  EXPECT_EQ(info.error().code, ErrorCode::Crs);
  EXPECT_NE(info.error().message.find("EPSG:999999"), std::string::npos);
}

TEST(Crs, AxisOrderIsLonLat) {
  auto t = Transformer::create("EPSG:32632", "EPSG:4326");
  ASSERT_TRUE(t);
  Point p{500000, 4840000};
  ASSERT_TRUE(t->transform(p));
  EXPECT_NEAR(p.x, 9.0, 1e-6);  // central meridian of zone 32
  EXPECT_GT(p.y, 43.0);
}
