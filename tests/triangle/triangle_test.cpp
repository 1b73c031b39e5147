#include "entente/triangle/triangle.hpp"

#include <gtest/gtest.h>

using entente::triangle::classify;
using entente::triangle::Role;
using entente::triangle::Type;

TEST(Triangle, EachTypeAndItsRoles) {
  auto t = classify(0.9, 0.5, 0.3);
  EXPECT_EQ(t.type, Type::menage_a_trois);
  EXPECT_EQ(t.roles, (std::array{Role::friend_, Role::friend_, Role::friend_}));

  t = classify(0.5, 0.5, -0.6);  // a friendly with b and c, who are at odds: a is the pivot
  EXPECT_EQ(t.type, Type::romantic_triangle);
  EXPECT_EQ(t.roles, (std::array{Role::pivot, Role::wing, Role::wing}));
  t = classify(0.5, -1.0, 0.5);
  EXPECT_EQ(t.roles, (std::array{Role::wing, Role::pivot, Role::wing}));
  t = classify(-0.6, 0.2, 0.5);
  EXPECT_EQ(t.roles, (std::array{Role::wing, Role::wing, Role::pivot}));

  t = classify(0.5, -0.6, -0.6);  // a and b partners, c the outcast
  EXPECT_EQ(t.type, Type::stable_marriage);
  EXPECT_EQ(t.roles, (std::array{Role::partner, Role::partner, Role::outcast}));
  t = classify(-0.6, 0.9, -1.0);
  EXPECT_EQ(t.roles, (std::array{Role::partner, Role::outcast, Role::partner}));
  t = classify(-0.6, -0.6, 0.5);
  EXPECT_EQ(t.roles, (std::array{Role::outcast, Role::partner, Role::partner}));

  t = classify(-0.6, -1.0, -0.6);
  EXPECT_EQ(t.type, Type::unit_veto);
  EXPECT_EQ(t.roles, (std::array{Role::foe, Role::foe, Role::foe}));
}

TEST(Triangle, NeutralTiesOfWeightExactlyZeroAreNotEnmity) {
  const auto t = classify(0.0, 0.0, -0.6);
  EXPECT_EQ(t.type, Type::romantic_triangle);
  EXPECT_TRUE(t.ab.amity);
  EXPECT_EQ(t.ab.margin, 0.0);  // the smallest negative evidence turns it
  EXPECT_EQ(classify(0.0, 0.0, 0.0).type, Type::menage_a_trois);
  EXPECT_EQ(classify(-0.0001, 0.0, 0.0).type, Type::romantic_triangle);
}

TEST(Triangle, MarginsSayHowFarEachTieIsFromChangingSide) {
  const auto t = classify(0.9, -0.6, 0.3);
  EXPECT_DOUBLE_EQ(t.ab.margin, 0.9);
  EXPECT_DOUBLE_EQ(t.ac.margin, 0.6);
  EXPECT_DOUBLE_EQ(t.bc.margin, 0.3);
}

TEST(Triangle, RolesRankAfterWu) {
  EXPECT_LT(entente::triangle::rank(Role::pivot), entente::triangle::rank(Role::friend_));
  EXPECT_LT(entente::triangle::rank(Role::friend_), entente::triangle::rank(Role::partner));
  EXPECT_LT(entente::triangle::rank(Role::partner), entente::triangle::rank(Role::wing));
  EXPECT_LT(entente::triangle::rank(Role::wing), entente::triangle::rank(Role::foe));
  EXPECT_LT(entente::triangle::rank(Role::foe), entente::triangle::rank(Role::outcast));
}

TEST(Census, CountsTriadsPivotsFlexibilityAndReach) {
  // Four states: 0 has an alliance with 1, an entente with 2 and is neutral toward 3; 1, 2 and 3
  // are mutual rivals.
  entente::world::Year y;
  y.ccodes = {2, 200, 365, 710};
  y.cinc = {0.4, 0.1, 0.2, 0.3};
  y.in_scope = {1, 1, 1, 1};
  entente::stance::YearStances s;
  const std::size_t n = 4;
  s.weight.assign(n * n, -0.6);
  s.relation.assign(n * n, entente::stance::Relation::rival);
  auto set = [&](std::size_t i, std::size_t j, double w, entente::stance::Relation r) {
    s.weight[i * n + j] = s.weight[j * n + i] = w;
    s.relation[i * n + j] = s.relation[j * n + i] = r;
  };
  set(0, 1, 0.9, entente::stance::Relation::alliance);
  set(0, 2, 0.5, entente::stance::Relation::entente);
  set(0, 3, 0.0, entente::stance::Relation::neutral);
  const auto c = entente::triangle::census(entente::stance::stance_graph(y, s));
  EXPECT_EQ(c.triads, 4);
  EXPECT_EQ(c.types[static_cast<std::size_t>(Type::romantic_triangle)], 3);
  EXPECT_EQ(c.types[static_cast<std::size_t>(Type::unit_veto)], 1);
  // State 0 is the pivot of all three triads it shares, but an active one (both ties positive)
  // only between 1 and 2: toward 3 it is neutral, a bystander.
  EXPECT_EQ(c.actors[0].roles[static_cast<std::size_t>(Role::pivot)], 3);
  EXPECT_EQ(c.actors[0].pivot, 1);
  EXPECT_NEAR(c.actors[0].weighted_pivot, 0.5 * 0.4 * (0.1 + 0.2), 1e-12);  // weaker tie × own CINC × wings' CINC
  EXPECT_EQ(c.actors[0].positive_ties, 2);
  EXPECT_NEAR(c.actors[0].flexibility, 0.5, 1e-12);  // one of its two positive ties is an alliance
  EXPECT_NEAR(c.actors[0].reach, 1.0, 1e-12);        // its one pair of partners is at odds
  EXPECT_EQ(c.actors[1].pivot, 0);
  EXPECT_EQ(c.actors[1].roles[static_cast<std::size_t>(Role::wing)], 2);
  EXPECT_EQ(c.actors[1].roles[static_cast<std::size_t>(Role::foe)], 1);
}
