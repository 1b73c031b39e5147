// api::Session, what the bindings stand on, against the CLI: the same query gives the same bytes.
#include "entente/api/session.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <sstream>

#include "entente/api/tables.hpp"
#include "entente/store/store.hpp"
#include "entente/world/source.hpp"

#include "test_support.hpp"

namespace {

using entente::api::Session;
using entente::testing::run_cli;

const Session& bundled() {
  static const Session session;  // the bundled default world, opened once
  return session;
}

TEST(Session, DyadsAndStatesAreTheCliBytes) {
  entente::api::DyadsOptions dyads;
  dyads.from = 1990;
  dyads.to = 1991;
  dyads.directed = true;
  dyads.actors = {"USA", "China", "365"};
  dyads.with = {"atop", "contiguity", "rivalries"};
  const auto cli = run_cli({"dyads", "--from", "1990", "--to", "1991", "--directed", "--actors", "USA,China,365",
                            "--with", "atop,contiguity,rivalries", "--format", "json"});
  ASSERT_EQ(cli.exit_code, 0) << cli.err;
  EXPECT_EQ(bundled().dyads_text(dyads), cli.out);
  EXPECT_EQ(bundled().dyads(dyads).at("rows").size(), 2u * 6u);

  entente::api::StatesOptions states;
  states.from = 2010;
  states.to = 2012;
  states.with = {"capabilities", "majors"};
  const auto cli_states =
      run_cli({"states", "--from", "2010", "--to", "2012", "--with", "capabilities,majors", "--format", "json"});
  ASSERT_EQ(cli_states.exit_code, 0) << cli_states.err;
  EXPECT_EQ(bundled().states_text(states), cli_states.out);
}

TEST(Session, VerbsPrintAsTheCliDoes) {
  const auto cli = run_cli({"triangle", "USA", "CHN", "RUS", "--from", "1950", "--to", "2012", "--format", "json"});
  ASSERT_EQ(cli.exit_code, 0) << cli.err;
  EXPECT_EQ(bundled().triangle("USA", "CHN", "RUS", 1950, 2012).dump(2) + "\n", cli.out);
  const auto relations = run_cli({"relations", "--year", "1990", "--profile", "v1", "--format", "json"});
  ASSERT_EQ(relations.exit_code, 0) << relations.err;
  EXPECT_EQ(bundled().relations(1990, {}, "v1").dump(2) + "\n", relations.out);
}

TEST(Session, ErrorsAreTheCliMessages) {
  const auto expect_same = [](const std::vector<std::string>& args, const auto& call) {
    const auto cli = run_cli(args);
    ASSERT_EQ(cli.exit_code, 1);
    try {
      call();
      ADD_FAILURE() << "no error for " << args[0];
    } catch (const std::runtime_error& e) {
      EXPECT_EQ("entente: " + std::string(e.what()) + "\n", cli.err);
    }
  };
  expect_same({"triangle", "USA", "Atlantis", "RUS"}, [] { bundled().triangle("USA", "Atlantis", "RUS"); });
  entente::api::DyadsOptions bad_layer;
  bad_layer.with = {"nosuch"};
  expect_same({"dyads", "--with", "nosuch"}, [&] { bundled().dyads_text(bad_layer); });
  entente::api::BalanceQuery before_the_evidence;
  before_the_evidence.year = 1700;
  expect_same({"balance", "--year", "1700"}, [&] { bundled().balance(before_the_evidence); });
}


// entente dyads --into: the rows kept in the store are the rows written, and a table name the
// store refuses stops the query before a row is written.
TEST(Tables, DyadsKeptInTheStoreAreTheRowsWritten) {
  auto source = entente::world::open_default_world();  // in memory: writes never reach a file
  entente::api::DyadsOptions asked;
  asked.from = 2011;
  asked.to = 2012;
  asked.actors = {"USA", "RUS", "CHN", "IND"};
  asked.with = {"atop", "capabilities"};
  const auto request = entente::api::dyads_request(source, asked);
  std::ostringstream csv;
  entente::api::write_and_keep_dyads(source, request, {csv, entente::report::OutputFormat::csv}, "four_powers");
  const int columns = 3 + static_cast<int>(entente::dyads::column_names(request).size());
  std::vector<std::string> kept;
  source.store.for_each_row("SELECT * FROM four_powers ORDER BY year, ccode1, ccode2", [&](const entente::store::Row& row) {
    std::string line;
    for (int c = 0; c < columns; ++c) {
      if (c) line += ',';
      if (!row.is_null(c)) line += c < 3 ? std::to_string(row.integer(c)) : fmt::format("{}", row.real(c));
    }
    kept.push_back(line);
  });
  auto written = entente::testing::lines_of(csv.str());
  ASSERT_FALSE(written.empty());
  written.erase(written.begin());  // the header
  EXPECT_EQ(kept.size(), 2u * 6u);
  EXPECT_EQ(kept, written);

  std::ostringstream refused;
  EXPECT_THROW(entente::api::write_and_keep_dyads(source, request, {refused, entente::report::OutputFormat::csv},
                                                  "alliance_year"),
               std::invalid_argument);
  EXPECT_TRUE(refused.str().empty());
}

}  // namespace
