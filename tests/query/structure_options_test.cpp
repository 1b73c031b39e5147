// The one mapping of balance's and blocs' options (by the CLI's names) to the models' options,
// which the CLI, the server and api::Session share.
#include <gtest/gtest.h>

#include <stdexcept>

#include "entente/query/structure.hpp"

TEST(StructureOptions, BalanceTakesItsTimeLimitAndMethod) {
  entente::query::BalanceQuery asked;
  EXPECT_EQ(entente::query::frustration_options(asked).time_limit_seconds, entente::query::kDefaultBalanceSeconds);
  EXPECT_EQ(entente::query::balance_method(asked).method, entente::query::FrustrationMethod::automatic);
  asked.time_limit = 2.5;
  asked.method = "bounds";
  EXPECT_EQ(entente::query::frustration_options(asked).time_limit_seconds, 2.5);
  EXPECT_EQ(entente::query::balance_method(asked).method, entente::query::FrustrationMethod::bounds);
  asked.method = "exact";
  EXPECT_EQ(entente::query::balance_method(asked).method, entente::query::FrustrationMethod::exact);
  asked.method = "fast";
  EXPECT_THROW(entente::query::balance_method(asked), std::runtime_error);
}

TEST(StructureOptions, BlocsDefaultsAreTheModelsAndEachOptionArrives) {
  const entente::balance::BlocOptions model;
  const auto defaults = entente::query::bloc_options({});
  EXPECT_EQ(defaults.k, model.k);
  EXPECT_EQ(defaults.alpha, model.alpha);
  EXPECT_EQ(defaults.restarts, model.restarts);
  EXPECT_EQ(defaults.seed, model.seed);
  EXPECT_EQ(defaults.time_limit_seconds, model.time_limit_seconds);
  entente::query::BlocsQuery asked;
  asked.k = 3;
  asked.alpha = 0.25;
  asked.restarts = 7;
  asked.seed = 11;
  asked.time_limit = 4;
  const auto options = entente::query::bloc_options(asked);
  EXPECT_EQ(options.k, 3);
  EXPECT_EQ(options.alpha, 0.25);
  EXPECT_EQ(options.restarts, 7);
  EXPECT_EQ(options.seed, 11u);
  EXPECT_EQ(options.time_limit_seconds, 4.0);
}
