// Dyad-years (dyads::build) on the reference data: UN agreement against the QSS file
// (REFERENCE.md §1), spot facts from ../shared/data/README.md, the structure of the rows
// (non-directed, directed, --actors, --relevant) and the fused alliance-similarity layer against
// the general functions of similarity/measures.hpp.
//
// The tests share one in-memory store holding all of ../shared/data, imported once per process
// (about 10 s in a debug build; ctest runs each test in its own process), and skip, saying so,
// when the folder is absent.
#include "entente/dyads/dyad_years.hpp"
#include "entente/query/landscape.hpp"
#include "entente/query/strategic.hpp"
#include "entente/query/structure.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <functional>
#include <iomanip>
#include <iterator>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "entente/actor/registry.hpp"
#include "entente/io/import_plan.hpp"
#include "entente/similarity/measures.hpp"
#include "entente/store/store.hpp"
#include "entente/world/panel.hpp"
#include "entente/world/source.hpp"
#include "test_support.hpp"

namespace dyads = entente::dyads;
namespace world = entente::world;
namespace sim = entente::similarity;
using dyads::Layer;
using dyads::Request;
using entente::testing::shared_data;

namespace {

constexpr int kUSA = 2, kCAN = 20, kBOL = 145, kUKG = 200, kFRN = 220, kGMY = 255, kRUS = 365, kLES = 570, kZAM = 551,
              kIRN = 630, kYEM = 679, kCHN = 710, kPRK = 731, kIND = 750;

// Everything in ../shared/data, imported once for the whole suite.
const world::Source& reference_source() {
  static const std::unique_ptr<world::Source> source = [] {
    auto store = entente::store::Store::in_memory();
    store.apply(entente::io::read_planned(entente::io::plan_import({shared_data()}, std::nullopt),
                                          std::max(1u, std::thread::hardware_concurrency()), {}));
    entente::actor::Registry registry(store.actors(), store.spells());  // before the store moves
    return std::make_unique<world::Source>(
        world::Source{std::move(store), std::move(registry), "reference data (../shared/data)"});
  }();
  return *source;
}

// The rows of one dyads::build, keyed by (year, ccode1, ccode2).
struct Dyads {
  std::vector<std::string> columns;
  std::vector<std::string> missing_datasets;
  std::map<std::tuple<int, int, int>, std::vector<double>> rows;
  std::map<int, long long> rows_per_year;  // every row delivered, kept or not
  long long total = 0;                     // Table::rows

  std::size_t column(const std::string& name) const {
    auto it = std::find(columns.begin(), columns.end(), name);
    EXPECT_NE(it, columns.end()) << "no column " << name;
    return static_cast<std::size_t>(it - columns.begin());
  }
  bool has(int year, int a, int b) const { return rows.count({year, a, b}) > 0; }
  // The value of `name` in the row (year, a, b); NaN and a test failure when the row is absent.
  double at(int year, int a, int b, const std::string& name) const {
    auto it = rows.find({year, a, b});
    if (it == rows.end()) {
      ADD_FAILURE() << "no dyad row " << a << "-" << b << " in " << year;
      return std::nan("");
    }
    return it->second[column(name)];
  }
};

// Runs dyads::build and keeps the rows `keep` accepts (all when empty).
Dyads collect(const Request& req, const std::function<bool(int year, int a, int b)>& keep = {}) {
  Dyads d;
  const auto table = dyads::build(
      reference_source(), req,
      [&](const dyads::YearRows& y) {
        const std::size_t ncol = d.columns.size();
        EXPECT_EQ(y.ccode1.size(), y.ccode2.size());
        EXPECT_EQ(y.values.size(), y.ccode1.size() * ncol);
        d.rows_per_year[y.year] += static_cast<long long>(y.ccode1.size());
        for (std::size_t r = 0; r < y.ccode1.size(); ++r) {
          if (keep && !keep(y.year, y.ccode1[r], y.ccode2[r])) continue;
          const auto first = y.values.begin() + static_cast<std::ptrdiff_t>(r * ncol);
          const bool fresh = d.rows
                                 .emplace(std::tuple{y.year, y.ccode1[r], y.ccode2[r]},
                                          std::vector<double>(first, first + static_cast<std::ptrdiff_t>(ncol)))
                                 .second;
          EXPECT_TRUE(fresh) << "dyad " << y.ccode1[r] << "-" << y.ccode2[r] << " twice in " << y.year;
        }
      },
      [&](const std::vector<std::string>& columns, const std::vector<std::string>& missing) {
        d.columns = columns;
        d.missing_datasets = missing;
      });
  d.total = table.rows;
  EXPECT_EQ(table.columns, d.columns);
  EXPECT_TRUE(d.missing_datasets.empty()) << "the reference store lacks " << d.missing_datasets.front();
  return d;
}

Request request(int from, int to, std::vector<Layer> with, std::vector<int> actors = {}, bool directed = false) {
  Request r;
  r.from = from;
  r.to = to;
  r.with = std::move(with);
  r.actors = std::move(actors);
  r.directed = directed;
  return r;
}

long long system_size(int year) {
  return static_cast<long long>(reference_source().registry.members_in(year).size());
}

// The comparison of our UN agreement with one QSS column, state-year by state-year.
struct Comparison {
  long long n = 0, exact = 0;
  double sum_x = 0, sum_y = 0, sum_xx = 0, sum_yy = 0, sum_xy = 0, sum_abs = 0, max_abs = 0;
  // Why QSS rows were left out.
  long long self = 0, qss_missing = 0, no_dyad = 0, no_joint_votes = 0;
  std::map<std::string, int> no_dyad_by_state;  // abbreviation -> state-years

  void add(double ours, double qss) {
    ++n;
    sum_x += ours, sum_y += qss, sum_xx += ours * ours, sum_yy += qss * qss, sum_xy += ours * qss;
    const double d = std::fabs(ours - qss);
    sum_abs += d;
    max_abs = std::max(max_abs, d);
    exact += d <= 1e-6;
  }
  double correlation() const {
    const double nn = static_cast<double>(n);
    const double cov = sum_xy - sum_x * sum_y / nn;
    return cov / std::sqrt((sum_xx - sum_x * sum_x / nn) * (sum_yy - sum_y * sum_y / nn));
  }
  double mad() const { return sum_abs / static_cast<double>(n); }
  double exact_share() const { return static_cast<double>(exact) / static_cast<double>(n); }
};

// The obligation bits of world::Year: bit k = evidence::kObligations[k].
unsigned bit(entente::evidence::Obligation o) {
  const auto& all = entente::evidence::kObligations;
  return 1u << static_cast<unsigned>(std::find(all.begin(), all.end(), o) - all.begin());
}

// Signorino & Ritter's valued tie (REFERENCE.md §1): defense 3, neutrality or non-aggression 2,
// entente 1, none 0. ATOP: offense counts with defense and consultation with entente.
double level(unsigned bits) {
  using O = entente::evidence::Obligation;
  if (bits & (bit(O::defense) | bit(O::offense))) return 3;
  if (bits & (bit(O::neutrality) | bit(O::nonaggression))) return 2;
  if (bits & (bit(O::entente) | bit(O::consultation))) return 1;
  return 0;
}

// State i's portfolio over the year's system: 3 with itself, else its tie in either direction.
std::vector<double> portfolio(const world::Year& y, const std::vector<std::uint8_t>& bits, int i) {
  const std::size_t n = y.n(), ii = static_cast<std::size_t>(i);
  std::vector<double> x(n);
  for (std::size_t k = 0; k < n; ++k) x[k] = k == ii ? 3.0 : level(bits[ii * n + k] | bits[k * n + ii]);
  return x;
}

}  // namespace

// ---- UN agreement vs the QSS file ---------------------------------------------------------------

// REFERENCE.md §1: agreement from the raw Voeten votes matches PctAgreeUS / PctAgreeRUSSIA of the
// QSS file (an older release of the votes) with r >= 0.99 and MAD <= 0.01; about 60 % of values
// are identical. The sweep covers every QSS state-year; left out are the state itself, empty QSS
// cells, state-years without a dyad row (not COW system members: Belarus and Ukraine 1946-1990,
// Taiwan 1946-1948, India 1946, and states whose first UN votes fall in a roll call dated the
// next calendar year but assigned to the session's year, e.g. Ghana 1956) and dyads without a
// joint vote. Roll calls take Voeten's `year` column (the session's year), as QSS does: by
// calendar date only ~27 % of values would be identical and r would fall to ~0.984. The ROC's
// seat is 713 (Taiwan) to 1971 in Voeten's votes and TAW in QSS, and China is 710 / CHN after.
TEST(DyadYearsUnAgreement, MatchesQssPctAgreeUsAndRussia1946To2012) {
  ENTENTE_REQUIRE_SHARED_DATA();
  const auto& source = reference_source();
  // un_agree of every dyad-year with the USA or Russia, keyed (year, other state, target).
  const Dyads d = collect(request(1946, 2012, {Layer::votes}),
                          [](int, int a, int b) { return a == kUSA || b == kUSA || a == kRUS || b == kRUS; });
  const std::size_t agree = d.column("un_agree");
  auto ours = [&](int year, int state, int target) -> std::optional<double> {
    auto it = d.rows.find({year, std::min(state, target), std::max(state, target)});
    if (it == d.rows.end()) return std::nullopt;
    return it->second[agree];
  };

  std::map<std::string, int> ccode_of;
  for (const auto& a : source.registry.all()) ccode_of[a.abbrev] = a.ccode;

  Comparison us, russia;
  long long qss_rows = 0, unmapped = 0;
  std::set<std::string> unmapped_abbrevs;
  source.store.for_each_row(
      "SELECT year, abbrev, pct_agree_us, pct_agree_russia FROM qss_unvoting", [&](const entente::store::Row& r) {
        ++qss_rows;
        const int year = static_cast<int>(r.integer(0));
        const std::string abbrev = r.text(1);
        auto it = ccode_of.find(abbrev);
        if (it == ccode_of.end()) {
          ++unmapped;
          unmapped_abbrevs.insert(abbrev + " " + std::to_string(year));
          return;
        }
        int state = it->second;
        // QSS keeps the West German and North Yemeni abbreviations for the unified states.
        if (year > 1990 && abbrev == "GFR") state = kGMY;
        if (year > 1990 && abbrev == "YAR") state = kYEM;
        for (auto [cmp, target, col] : {std::tuple{&us, kUSA, 2}, std::tuple{&russia, kRUS, 3}}) {
          if (state == target) {
            ++cmp->self;
            continue;
          }
          if (r.is_null(col)) {
            ++cmp->qss_missing;
            continue;
          }
          const auto v = ours(year, state, target);
          if (!v) {
            ++cmp->no_dyad;  // not a COW system member that year (e.g. Taiwan 1946-1948)
            ++cmp->no_dyad_by_state[abbrev];
            continue;
          }
          if (std::isnan(*v)) {
            ++cmp->no_joint_votes;
            continue;
          }
          cmp->add(*v, r.real(col));
        }
      });

  std::ostringstream report;
  report << std::fixed << std::setprecision(6) << "QSS rows " << qss_rows << ", unmapped abbreviations " << unmapped;
  for (const auto& a : unmapped_abbrevs) report << " [" << a << "]";
  report << '\n';
  for (const auto& [name, c] : {std::pair{"PctAgreeUS", &us}, std::pair{"PctAgreeRUSSIA", &russia}}) {
    report << name << ": N " << c->n << ", r " << c->correlation() << ", MAD " << c->mad() << ", max |diff| "
           << c->max_abs << ", exact (1e-6) " << c->exact << " = " << 100 * c->exact_share() << " %"
           << "; left out: self " << c->self << ", QSS missing " << c->qss_missing << ", no dyad row "
           << c->no_dyad << " (";
    for (const auto& [abbrev, k] : c->no_dyad_by_state) report << " " << abbrev << ":" << k;
    report << " ), no joint votes " << c->no_joint_votes << '\n';
    const std::string key = name;
    RecordProperty(key + "_N", std::to_string(c->n));
    RecordProperty(key + "_r", std::to_string(c->correlation()));
    RecordProperty(key + "_MAD", std::to_string(c->mad()));
    RecordProperty(key + "_exact_share", std::to_string(c->exact_share()));
  }
  std::cout << report.str();

  EXPECT_LE(unmapped, 5) << report.str();  // only South Sudan's "SSUD" (COW: SSD) is expected
  for (const Comparison* c : {&us, &russia}) {
    EXPECT_GT(c->n, 8500) << report.str();  // nearly all 9120 state-years take part
    EXPECT_GE(c->correlation(), 0.99) << report.str();
    EXPECT_LE(c->mad(), 0.01) << report.str();
    // The QSS file comes from an older release: most values agree exactly, not all.
    EXPECT_GT(c->exact_share(), 0.5) << report.str();
  }
}

// The fused vote measures equal the general functions on the year's vote vectors.
TEST(DyadYearsUnAgreement, FusedVoteMeasuresEqualGeneralFunctions) {
  ENTENTE_REQUIRE_SHARED_DATA();
  const int year = 1980;
  const Dyads d = collect(request(year, year, {Layer::votes}, {kUSA, kRUS, kCHN, kIND}));
  world::PanelLayers layers;
  layers.alliances = layers.capabilities = layers.majors = false;
  layers.votes = true;
  const world::Year y = world::Panel(reference_source(), year, year, layers).year(year);
  ASSERT_GT(y.rollcalls, 50u);
  for (auto [a, b] : {std::pair{kUSA, kRUS}, std::pair{kUSA, kIND}, std::pair{kRUS, kCHN}}) {
    SCOPED_TRACE(std::to_string(a) + "-" + std::to_string(b));
    const int i = y.index(a), j = y.index(b);
    ASSERT_GE(i, 0);
    ASSERT_GE(j, 0);
    std::vector<std::int8_t> va, vb;   // Voeten codes, "no record" read as absent
    std::vector<double> xa, xb;        // yes/abstain/no as 1/2/3, NaN otherwise
    for (std::size_t r = 0; r < y.rollcalls; ++r) {
      for (auto [k, codes, levels] : {std::tuple{i, &va, &xa}, std::tuple{j, &vb, &xb}}) {
        const std::int8_t v = y.votes[static_cast<std::size_t>(k) * y.rollcalls + r];
        codes->push_back(v == 0 ? std::int8_t{8} : v);
        levels->push_back(v >= 1 && v <= 3 ? v : std::nan(""));
      }
    }
    const auto ag = sim::un_agreement(va, vb);
    EXPECT_EQ(d.at(year, a, b, "un_joint"), static_cast<double>(ag.joint));
    EXPECT_NEAR(d.at(year, a, b, "un_agree"), ag.agreement, 1e-12);
    EXPECT_NEAR(d.at(year, a, b, "un_coincide"), ag.coincidence, 1e-12);
    EXPECT_NEAR(d.at(year, a, b, "un_s"), sim::s_score(xa, xb, {2.0, false}), 1e-12);
    EXPECT_NEAR(d.at(year, a, b, "un_kappa"), sim::hage_kappa(xa, xb), 1e-12);
    EXPECT_NEAR(d.at(year, a, b, "un_pi"), sim::hage_pi(xa, xb), 1e-12);
  }
}

// ---- Spot facts from ../shared/data/README.md ---------------------------------------------------

TEST(DyadYearsFacts, TssRivalries) {
  ENTENTE_REQUIRE_SHARED_DATA();
  const Dyads d = collect(request(1946, 2012, {Layer::rivalries}, {kUSA, kRUS, kCHN, kIND}));
  auto rival = [&](int a, int b, int year) { return d.at(year, std::min(a, b), std::max(a, b), "rival_tss"); };
  for (int y = 2007; y <= 2012; ++y) EXPECT_EQ(rival(kRUS, kUSA, y), 1.0) << "Russia-US " << y;
  EXPECT_EQ(rival(kRUS, kUSA, 2006), 0.0);
  EXPECT_EQ(rival(kRUS, kUSA, 1990), 0.0);  // "United States-USSR 2" ends in 1989
  for (int y = 1949; y <= 1972; ++y) EXPECT_EQ(rival(kCHN, kUSA, y), 1.0) << "China-US " << y;
  for (int y = 1996; y <= 2012; ++y) EXPECT_EQ(rival(kCHN, kUSA, y), 1.0) << "China-US " << y;
  EXPECT_EQ(rival(kCHN, kUSA, 1948), 0.0);
  EXPECT_EQ(rival(kCHN, kUSA, 1980), 0.0);
  EXPECT_EQ(rival(kCHN, kUSA, 1995), 0.0);
  for (int y = 1958; y <= 1989; ++y) EXPECT_EQ(rival(kCHN, kRUS, y), 1.0) << "China-USSR " << y;
  EXPECT_EQ(rival(kCHN, kRUS, 1957), 0.0);  // "China-Russia" ended in 1949
  EXPECT_EQ(rival(kCHN, kRUS, 1990), 0.0);
  for (int y = 1948; y <= 2012; ++y) EXPECT_EQ(rival(kCHN, kIND, y), 1.0) << "China-India " << y;
  EXPECT_EQ(rival(kCHN, kIND, 1947), 0.0);
  EXPECT_EQ(rival(kUSA, kIND, 2000), 0.0);
}

TEST(DyadYearsFacts, TradeEmptyFlowIsMissingNotZero) {
  ENTENTE_REQUIRE_SHARED_DATA();
  // cow_trade_v4_dyad_year_1980_1992.csv: "2,731,1980,,0,,0" and "2,570,1980,,8,,8".
  const Dyads d = collect(request(1980, 1980, {Layer::trade}, {kUSA, kLES, kPRK}));
  EXPECT_TRUE(std::isnan(d.at(1980, kUSA, kPRK, "flow1")));
  EXPECT_EQ(d.at(1980, kUSA, kPRK, "flow2"), 0.0);  // a recorded zero stays zero
  EXPECT_TRUE(std::isnan(d.at(1980, kUSA, kLES, "flow1")));
  EXPECT_EQ(d.at(1980, kUSA, kLES, "flow2"), 8.0);
}

TEST(DyadYearsFacts, TradeKnownFlowsReadExactly) {
  ENTENTE_REQUIRE_SHARED_DATA();
  // cow_trade_v4_dyad_year_2004_2014.csv line 2: "2,20,2004,259807,176258,..."; 1870: "2,200,1870,152,241".
  const Dyads d = collect(request(2004, 2004, {Layer::trade}, {kUSA, kCAN}));
  EXPECT_EQ(d.at(2004, kUSA, kCAN, "flow1"), 259807.0);
  EXPECT_EQ(d.at(2004, kUSA, kCAN, "flow2"), 176258.0);
  const Dyads directed = collect(request(2004, 2004, {Layer::trade}, {kUSA, kCAN}, true));
  EXPECT_EQ(directed.at(2004, kUSA, kCAN, "flow1"), 259807.0);
  EXPECT_EQ(directed.at(2004, kCAN, kUSA, "flow1"), 176258.0);  // Canada's imports from the USA
  EXPECT_EQ(directed.at(2004, kCAN, kUSA, "flow2"), 259807.0);
  const Dyads early = collect(request(1869, 1870, {Layer::trade}, {kUSA, kUKG}));
  EXPECT_EQ(early.at(1870, kUSA, kUKG, "flow1"), 152.0);
  EXPECT_EQ(early.at(1870, kUSA, kUKG, "flow2"), 241.0);
  EXPECT_TRUE(std::isnan(early.at(1869, kUSA, kUKG, "flow1")));  // COW trade starts in 1870
  EXPECT_TRUE(std::isnan(early.at(1869, kUSA, kUKG, "flow2")));
}

TEST(DyadYearsFacts, NoVotesOrTradeIn1816IsMissingNotZero) {
  ENTENTE_REQUIRE_SHARED_DATA();
  const Dyads d = collect(request(1816, 1816, {Layer::trade, Layer::votes, Layer::alliances}, {kUSA, kUKG, kRUS}));
  ASSERT_EQ(d.rows.size(), 3u);
  for (const auto& [key, values] : d.rows) {
    const auto [year, a, b] = key;
    SCOPED_TRACE(std::to_string(a) + "-" + std::to_string(b));
    for (const char* c : {"un_joint", "un_agree", "un_coincide", "un_s", "un_kappa", "un_pi", "flow1", "flow2"})
      EXPECT_TRUE(std::isnan(values[d.column(c)])) << c << " = " << values[d.column(c)];
    // COW alliances cover 1816: no alliance is a 0, not missing.
    for (const char* c : {"cow_defense", "cow_neutrality", "cow_nonaggression", "cow_entente"})
      EXPECT_FALSE(std::isnan(values[d.column(c)])) << c;
  }
  // ...and the UN columns are there from 1946.
  const Dyads un = collect(request(1946, 1946, {Layer::votes}, {kUSA, kUKG}));
  EXPECT_GT(un.at(1946, kUSA, kUKG, "un_joint"), 0.0);
  EXPECT_FALSE(std::isnan(un.at(1946, kUSA, kUKG, "un_agree")));
}

TEST(DyadYearsFacts, CowAlliancesEndIn2012AtopGoesOn) {
  ENTENTE_REQUIRE_SHARED_DATA();
  const Dyads d = collect(request(2012, 2013, {Layer::alliances, Layer::atop}, {kUSA, kUKG}));
  EXPECT_EQ(d.at(2012, kUSA, kUKG, "cow_defense"), 1.0);  // NATO
  EXPECT_EQ(d.at(2012, kUSA, kUKG, "cow_entente"), 1.0);
  for (const char* c : {"cow_defense", "cow_neutrality", "cow_nonaggression", "cow_entente"})
    EXPECT_TRUE(std::isnan(d.at(2013, kUSA, kUKG, c))) << c << " in 2013";
  EXPECT_EQ(d.at(2013, kUSA, kUKG, "atop_defense"), 1.0);  // ATOP v5.1 runs to 2018
  EXPECT_FALSE(std::isnan(d.at(2013, kUSA, kUKG, "atop_neutrality")));
}

// ---- Structure -------------------------------------------------------------------------------

TEST(DyadYearsStructure, NonDirectedHasEachPairOnceInOrder) {
  ENTENTE_REQUIRE_SHARED_DATA();
  // Every pair of the year's members: in these years every two members were members on a common
  // day too, and the span below is counted in the `any` universe (1990 has ten pairs that never
  // were; see DyadYearsUniverse).
  const std::vector<int> years = {1816, 1900, 1946, 1991, 2012};
  for (int year : years) {
    SCOPED_TRACE(year);
    const Dyads d = collect(request(year, year, {}));
    const long long n = system_size(year);
    EXPECT_EQ(static_cast<long long>(d.rows.size()), n * (n - 1) / 2);
    EXPECT_EQ(d.total, n * (n - 1) / 2);
    for (const auto& [key, values] : d.rows) {
      const auto [y, a, b] = key;
      EXPECT_EQ(y, year);
      EXPECT_LT(a, b);
      EXPECT_TRUE(values.empty());
      const auto* first = reference_source().registry.by_ccode(a);
      const auto* second = reference_source().registry.by_ccode(b);
      ASSERT_TRUE(first && second);
      EXPECT_TRUE(first->member_in(year) && second->member_in(year)) << a << "-" << b;
    }
  }
  // Across several years the total is the sum of the years'.
  Request any = request(1990, 1992, {});
  any.conventions.universe = world::Universe::any;
  const Dyads span = collect(any);
  EXPECT_EQ(span.total, system_size(1990) * (system_size(1990) - 1) / 2 +
                            system_size(1991) * (system_size(1991) - 1) / 2 +
                            system_size(1992) * (system_size(1992) - 1) / 2);
  for (int y = 1990; y <= 1992; ++y) EXPECT_EQ(span.rows_per_year.at(y), system_size(y) * (system_size(y) - 1) / 2);
}

TEST(DyadYearsStructure, DirectedHasBothOrders) {
  ENTENTE_REQUIRE_SHARED_DATA();
  for (int year : {1870, 2000}) {
    SCOPED_TRACE(year);
    const Dyads d = collect(request(year, year, {}, {}, true));
    const long long n = system_size(year);
    EXPECT_EQ(static_cast<long long>(d.rows.size()), n * (n - 1));
    EXPECT_EQ(d.total, n * (n - 1));
    for (const auto& [key, values] : d.rows) {
      const auto [y, a, b] = key;
      EXPECT_NE(a, b);
      EXPECT_TRUE(d.has(y, b, a)) << a << "-" << b << " without " << b << "-" << a;
    }
  }
}

TEST(DyadYearsStructure, ActorsLimitToDyadsAmongThem) {
  ENTENTE_REQUIRE_SHARED_DATA();
  // Germany (255) is not a system member in 1950 (out 1945-1990): no dyad with it.
  const Dyads d = collect(request(1950, 1950, {}, {kCHN, kUSA, kGMY, kRUS, kUKG}));
  const std::set<std::tuple<int, int, int>> expected = {{1950, kUSA, kUKG}, {1950, kUSA, kRUS}, {1950, kUSA, kCHN},
                                                        {1950, kUKG, kRUS}, {1950, kUKG, kCHN}, {1950, kRUS, kCHN}};
  std::set<std::tuple<int, int, int>> got;
  for (const auto& [key, values] : d.rows) got.insert(key);
  EXPECT_EQ(got, expected);
  EXPECT_EQ(d.total, 6);
  const Dyads directed = collect(request(1950, 1950, {}, {kUSA, kUKG, kGMY}, true));
  EXPECT_EQ(directed.rows.size(), 2u);
  EXPECT_TRUE(directed.has(1950, kUSA, kUKG));
  EXPECT_TRUE(directed.has(1950, kUKG, kUSA));
  const Dyads reunited = collect(request(1991, 1991, {}, {kUSA, kGMY}));
  EXPECT_TRUE(reunited.has(1991, kUSA, kGMY));
}

TEST(DyadYearsStructure, RelevantKeepsLandContiguousOrMajorPowerDyads) {
  ENTENTE_REQUIRE_SHARED_DATA();
  const int year = 2000;
  const Dyads all = collect(request(year, year, {Layer::contiguity, Layer::majors}));
  Request r = request(year, year, {Layer::contiguity, Layer::majors});
  r.relevant = true;
  const Dyads relevant = collect(r);
  const std::size_t cont = all.column("conttype"), m1 = all.column("major1"), m2 = all.column("major2");
  std::set<std::tuple<int, int, int>> expected;
  for (const auto& [key, v] : all.rows)
    if (v[cont] == 1.0 || v[m1] == 1.0 || v[m2] == 1.0) expected.insert(key);
  std::set<std::tuple<int, int, int>> got;
  for (const auto& [key, v] : relevant.rows) got.insert(key);
  EXPECT_EQ(got, expected);
  EXPECT_LT(got.size(), all.rows.size() / 4);  // most dyads are not politically relevant
  EXPECT_TRUE(relevant.has(year, kUSA, kCAN));
  EXPECT_EQ(relevant.at(year, kUSA, kCAN, "conttype"), 1.0);
  long long with_usa = 0;
  for (const auto& [key, v] : relevant.rows) with_usa += std::get<1>(key) == kUSA;
  EXPECT_EQ(with_usa, system_size(year) - 1);  // the USA is a major power: every dyad stays
  EXPECT_TRUE(all.has(year, kBOL, kZAM));
  EXPECT_FALSE(relevant.has(year, kBOL, kZAM));
  EXPECT_TRUE(relevant.has(year, kBOL, 150));  // Bolivia-Paraguay share a border
}

// ---- The universe and the contiguity rule (issue: dyad-years as peacesciencer users expect them) ----

namespace {

// The 30 dyad-years 1816-2012 of two COW system members that never were members on the same day
// of the year, as found against peacesciencer's create_dyadyears().
const std::set<std::tuple<int, int, int>> kNeverSimultaneous = {
    {1860, 332, 710}, {1860, 335, 710}, {1860, 337, 710},  // Modena, Parma, Tuscany (to March) - China (from 1860 on)
    {1918, 300, 310}, {1918, 300, 367},                    // Austria-Hungary (to 11 Nov) - Hungary, Latvia
    {1941, 345, 530}, {1941, 350, 530},                    // Yugoslavia, Greece (to April) - Ethiopia (from May)
    {1945, 210, 255}, {1945, 211, 255}, {1945, 255, 290}, {1945, 255, 315},  // Germany (to 8 May) - NTH, BEL, POL, CZE
    {1958, 438, 652},                                      // Guinea - Syria (in the UAR)
    {1964, 338, 511}, {1964, 511, 551}, {1964, 511, 553},  // Zanzibar - Malta, Zambia, Malawi
    {1975, 115, 817}, {1975, 402, 817}, {1975, 403, 817}, {1975, 540, 817},
    {1975, 541, 817}, {1975, 581, 817}, {1975, 817, 910},  // South Vietnam (to 30 April) - the states of 1975
    {1990, 223, 678}, {1990, 223, 680}, {1990, 255, 260}, {1990, 255, 265},
    {1990, 255, 678}, {1990, 255, 680}, {1990, 678, 679}, {1990, 679, 680},  // LIE, united Germany, YAR, YPR, YEM
};

// Every non-directed dyad-year 1816-2012 of one universe, as sorted keys year, ccode1, ccode2.
std::vector<std::tuple<int, int, int>> all_dyad_years(world::Universe universe) {
  Request r = request(1816, 2012, {});
  r.conventions.universe = universe;
  std::vector<std::tuple<int, int, int>> keys;
  dyads::build(reference_source(), r, [&](const dyads::YearRows& y) {
    for (std::size_t k = 0; k < y.ccode1.size(); ++k) keys.emplace_back(y.year, y.ccode1[k], y.ccode2[k]);
  });
  std::sort(keys.begin(), keys.end());
  return keys;
}

}  // namespace

TEST(DyadYearsUniverse, SimultaneousDropsExactlyThePairsWithoutACommonDay) {
  ENTENTE_REQUIRE_SHARED_DATA();
  const auto simultaneous = all_dyad_years(world::Universe::simultaneous);
  const auto any = all_dyad_years(world::Universe::any);
  EXPECT_EQ(simultaneous.size(), 880485u);  // peacesciencer's count for 1816-2012
  EXPECT_EQ(any.size(), 880515u);
  std::vector<std::tuple<int, int, int>> only_any;
  std::set_difference(any.begin(), any.end(), simultaneous.begin(), simultaneous.end(), std::back_inserter(only_any));
  const std::set<std::tuple<int, int, int>> dropped(only_any.begin(), only_any.end());
  EXPECT_EQ(dropped, kNeverSimultaneous);
  EXPECT_TRUE(std::includes(any.begin(), any.end(), simultaneous.begin(), simultaneous.end()));
}

TEST(DyadYearsUniverse, NamedPairsAbsentByDefaultPresentWithAny) {
  ENTENTE_REQUIRE_SHARED_DATA();
  constexpr int kGFR = 260, kGDR = 265, kAUH = 300, kHUN = 310, kMOD = 332, kRVN = 817, kANG = 540, kYAR = 678,
                kYPR = 680;
  const std::vector<std::tuple<int, int, int>> named = {{1990, kGMY, kGDR}, {1990, kGMY, kGFR}, {1918, kAUH, kHUN},
                                                        {1860, kMOD, kCHN}, {1975, kANG, kRVN}, {1990, kYAR, kYEM},
                                                        {1990, kYEM, kYPR}};
  for (const auto& [year, a, b] : named) {
    SCOPED_TRACE(std::to_string(year) + " " + std::to_string(a) + "-" + std::to_string(b));
    const Dyads by_default = collect(request(year, year, {Layer::capabilities}, {a, b}));
    EXPECT_EQ(by_default.total, 0);
    Request r = request(year, year, {Layer::capabilities}, {a, b});
    r.conventions.universe = world::Universe::any;
    const Dyads with_any = collect(r);
    EXPECT_EQ(with_any.total, 1);
    EXPECT_TRUE(with_any.has(year, a, b));
  }
  // Pairs that did share days stay: the two German states until 2 October 1990, Yemen's halves
  // until 22 May 1990, united Germany and the USA from 3 October.
  const Dyads germanies = collect(request(1990, 1990, {}, {kUSA, kGMY, kGFR, kGDR}));
  EXPECT_EQ(germanies.total, 4);  // USA-GMY, USA-GFR, USA-GDR, GFR-GDR
  EXPECT_TRUE(germanies.has(1990, kGFR, kGDR));
  EXPECT_TRUE(germanies.has(1990, kUSA, kGMY));
  EXPECT_TRUE(collect(request(1990, 1990, {}, {kYAR, kYPR})).has(1990, kYAR, kYPR));
  // Directed dyads follow the same universe.
  EXPECT_EQ(collect(request(1990, 1990, {}, {kGMY, kGDR}, true)).total, 0);
}

TEST(DyadYearsUniverse, StanceGraphHasNoTieOutsideTheUniverse) {
  ENTENTE_REQUIRE_SHARED_DATA();
  // The relations of 1990 among the three Germanies: only the FRG-GDR pair is a dyad.
  const auto result = entente::query::relations(reference_source(), 1990, {kGMY, 260, 265},
                                                entente::stance::default_profile());
  ASSERT_EQ(result.at("rows").size(), 1u);
  EXPECT_EQ(result.at("rows")[0].at("abbrev1"), "GFR");
  EXPECT_EQ(result.at("rows")[0].at("abbrev2"), "GDR");
  // Asked directly, the pair is neutral and the rule says why.
  const auto& s = reference_source();
  const auto explained = entente::query::explain(s, s.registry.find("GMY"), s.registry.find("GDR"), 1990,
                                                 entente::stance::default_profile());
  EXPECT_EQ(explained.at("relation"), "neutral");
  EXPECT_EQ(explained.at("rule"), "not members of the state system on a common day of the year");
}

TEST(DyadYearsContiguity, RussiaAfghanistan1950IsLandUnderBothRules) {
  ENTENTE_REQUIRE_SHARED_DATA();
  constexpr int kAFG = 700;
  // COW lists a type-0 filler 1919-08 to 2016-12 beside land contiguity 1920-01 to 1991-12.
  for (auto rule : {world::ContiguityRule::closest, world::ContiguityRule::january}) {
    SCOPED_TRACE(std::string(world::contiguity_rule_name(rule)));
    Request r = request(1950, 1950, {Layer::contiguity}, {kRUS, kAFG});
    r.conventions.contiguity = rule;
    EXPECT_EQ(collect(r).at(1950, kRUS, kAFG, "conttype"), 1.0);
  }
}

TEST(DyadYearsContiguity, RulesDifferWhereTheTypeChangesWithinTheYear) {
  ENTENTE_REQUIRE_SHARED_DATA();
  constexpr int kITA = 325, kYUG = 345;
  auto conttype = [](int year, int a, int b, world::ContiguityRule rule) {
    Request r = request(year, year, {Layer::contiguity}, {a, b});
    r.conventions.contiguity = rule;
    return collect(r).at(year, a, b, "conttype");
  };
  using R = world::ContiguityRule;
  // UKG-GMY: "no contiguity" to June 1866, then within 400 miles of water (type 5) from July.
  EXPECT_EQ(conttype(1866, kUKG, kGMY, R::closest), 5.0);
  EXPECT_EQ(conttype(1866, kUKG, kGMY, R::january), 0.0);
  EXPECT_EQ(conttype(1867, kUKG, kGMY, R::january), 5.0);
  // Germany re-enters on 3 October 1990 and its contiguity periods start in October: for a state
  // that entered during the year, `january` reads the month it entered.
  EXPECT_EQ(conttype(1990, kUKG, kGMY, R::closest), 5.0);
  EXPECT_EQ(conttype(1990, kUKG, kGMY, R::january), 5.0);
  // USA-CAN 1920: Canada entered on 10 January 1920, land contiguity from January (both rules).
  EXPECT_EQ(conttype(1920, kUSA, kCAN, R::january), 1.0);
  // CHN-JPN 1879: within 400 miles of water (5) to March, within 150 miles (4) from March.
  EXPECT_EQ(conttype(1879, kCHN, 740, R::closest), 4.0);
  EXPECT_EQ(conttype(1879, kCHN, 740, R::january), 5.0);
  // ITA-YUG: a type-0 filler runs 1878-2016 beside land contiguity 1919-09 to 1941-04 and from
  // 1944-10; the filler never overrides the border.
  EXPECT_EQ(conttype(1930, kITA, kYUG, R::closest), 1.0);
  EXPECT_EQ(conttype(1930, kITA, kYUG, R::january), 1.0);
  EXPECT_EQ(conttype(1919, kITA, kYUG, R::closest), 1.0);
  EXPECT_EQ(conttype(1919, kITA, kYUG, R::january), 0.0);
}

TEST(DyadYearsStructure, UndirectedAlliancesAreEitherDirection) {
  ENTENTE_REQUIRE_SHARED_DATA();
  const int from = 1958, to = 1960;
  const Dyads undirected = collect(request(from, to, {Layer::alliances, Layer::atop}));
  const Dyads directed = collect(request(from, to, {Layer::alliances, Layer::atop}, {}, true));
  ASSERT_EQ(undirected.columns, directed.columns);
  EXPECT_EQ(directed.rows.size(), 2 * undirected.rows.size());
  long long one_way = 0;
  for (const auto& [key, v] : undirected.rows) {
    const auto [y, a, b] = key;
    const auto& ab = directed.rows.at({y, a, b});
    const auto& ba = directed.rows.at({y, b, a});
    for (std::size_t c = 0; c < v.size(); ++c) {
      ASSERT_FALSE(std::isnan(v[c]) || std::isnan(ab[c]) || std::isnan(ba[c]))
          << undirected.columns[c] << " " << a << "-" << b << " " << y;
      EXPECT_EQ(v[c], std::max(ab[c], ba[c])) << undirected.columns[c] << " " << a << "-" << b << " " << y;
      one_way += ab[c] != ba[c];
    }
  }
  EXPECT_GT(one_way, 0);  // ATOP has one-way obligations, so the check has teeth
  EXPECT_EQ(directed.at(1959, kUSA, kIRN, "atop_defense"), 1.0);
  EXPECT_EQ(directed.at(1959, kIRN, kUSA, "atop_defense"), 0.0);
  EXPECT_EQ(undirected.at(1959, kUSA, kIRN, "atop_defense"), 1.0);
}

// ---- Alliance portfolio similarity -------------------------------------------------------------

TEST(DyadYearsSimilarity, RangeAndSpotValues) {
  ENTENTE_REQUIRE_SHARED_DATA();
  const Dyads d = collect(request(1960, 1960, {Layer::similarity}));
  const Dyads d2000 = collect(request(2000, 2000, {Layer::similarity}, {kUSA, kUKG, kRUS, kFRN}));
  ASSERT_EQ(d.columns.size(), 16u);  // eight measures for COW, eight for ATOP
  long long values = 0;
  for (const auto* set : {&d, &d2000})
    for (const auto& [key, v] : set->rows) {
      const auto [y, a, b] = key;
      EXPECT_NE(a, b) << "self-dyad " << a;
      for (std::size_t c = 0; c < v.size(); ++c) {
        if (std::isnan(v[c])) continue;
        ++values;
        EXPECT_GE(v[c], -1.0 - 1e-12) << set->columns[c] << " " << a << "-" << b << " " << y;
        EXPECT_LE(v[c], 1.0 + 1e-12) << set->columns[c] << " " << a << "-" << b << " " << y;
      }
    }
  EXPECT_GT(values, 50000);
  // Allies with alike portfolios score high: the UK and France in 2000 differ on 4 of 191 items.
  EXPECT_GT(d2000.at(2000, kUKG, kFRN, "cow_s"), 0.95);
  EXPECT_GT(d2000.at(2000, kUKG, kFRN, "atop_s"), 0.8);
  // USA-UK 2000 is not above 0.8 under the unweighted global S: of the 191 system members, 37
  // are US defense partners only (the Rio Pact, Japan, South Korea, Pakistan, Australia, the
  // Philippines: 3 vs 0) and Liberia a US entente (1 vs 0), so S = 1 - 2 (37 + 1/3) / 191 = 0.60908
  // (computed by hand from cow_alliance_v4.1_dyad_year_undirected.csv).
  EXPECT_NEAR(d2000.at(2000, kUSA, kUKG, "cow_s"), 1 - 2 * (37 + 1.0 / 3) / 191, 1e-9);
  for (const char* c : {"cow_s", "cow_s_w", "cow_taub", "cow_kappa", "atop_s", "atop_taub", "atop_kappa"}) {
    EXPECT_LT(d2000.at(2000, kUSA, kRUS, c), d2000.at(2000, kUSA, kUKG, c)) << c;
    EXPECT_LT(d.at(1960, kUSA, kRUS, c), d.at(1960, kUSA, kUKG, c)) << c;
  }
  EXPECT_LT(d.at(1960, kUSA, kRUS, "cow_taub"), 0.0);  // Cold War blocs: negatively associated
}

TEST(DyadYearsSimilarity, FusedValuesEqualGeneralFunctions) {
  ENTENTE_REQUIRE_SHARED_DATA();
  for (const auto& [year, a, b] : {std::tuple{2000, kUSA, kUKG}, std::tuple{1960, kUSA, kRUS},
                                   std::tuple{1960, kRUS, kCHN}, std::tuple{1914, kGMY, kRUS}}) {
    SCOPED_TRACE(std::to_string(a) + "-" + std::to_string(b) + " " + std::to_string(year));
    const Dyads d = collect(request(year, year, {Layer::similarity}, {a, b}));
    world::PanelLayers layers;  // alliances and capabilities
    const world::Year y = world::Panel(reference_source(), year, year, layers).year(year);
    ASSERT_TRUE(y.cow_covered && y.atop_covered);
    const int i = y.index(a), j = y.index(b);
    ASSERT_GE(i, 0);
    ASSERT_GE(j, 0);
    for (const auto& [prefix, bits] : {std::pair{"cow_", &y.cow}, std::pair{"atop_", &y.atop}}) {
      SCOPED_TRACE(prefix);
      const auto x = portfolio(y, *bits, i), z = portfolio(y, *bits, j);
      const std::string p = prefix;
      EXPECT_NEAR(d.at(year, a, b, p + "s"), sim::s_score(x, z, {3.0, false}), 1e-12);
      EXPECT_NEAR(d.at(year, a, b, p + "s_sq"), sim::s_score(x, z, {3.0, true}), 1e-12);
      EXPECT_NEAR(d.at(year, a, b, p + "s_w"), sim::s_score_weighted(x, z, y.cinc, {3.0, false}), 1e-12);
      EXPECT_NEAR(d.at(year, a, b, p + "s_w_sq"), sim::s_score_weighted(x, z, y.cinc, {3.0, true}), 1e-12);
      EXPECT_NEAR(d.at(year, a, b, p + "taub"), sim::kendall_tau_b(x, z), 1e-12);
      EXPECT_NEAR(d.at(year, a, b, p + "kappa"), sim::hage_kappa(x, z), 1e-12);
      EXPECT_NEAR(d.at(year, a, b, p + "pi"), sim::hage_pi(x, z), 1e-12);
      EXPECT_NEAR(d.at(year, a, b, p + "scott"), sim::scott_pi_nominal(x, z), 1e-12);
    }
  }
}

// ---- Stance and strategic triangles on the real data ----------------------------------------------

TEST(StrategicHistory, SinoSovietTreatyIsNotAnAllianceIn1969) {
  ENTENTE_REQUIRE_SHARED_DATA();
  const auto& source = reference_source();
  const auto& rus = source.registry.find("RUS");
  const auto& chn = source.registry.find("CHN");
  const auto profile = entente::stance::default_profile();
  const auto in1969 = entente::query::explain(source, rus, chn, 1969, profile);
  EXPECT_EQ(in1969.at("relation"), "hostile") << in1969.dump(2);
  const auto in1955 = entente::query::explain(source, rus, chn, 1955, profile);
  EXPECT_EQ(in1955.at("relation"), "alliance") << in1955.dump(2);
  const auto in2012 = entente::query::explain(source, rus, chn, 2012, profile);
  EXPECT_EQ(in2012.at("relation"), "entente") << in2012.dump(2);
}

TEST(StrategicHistory, UsChinaRussiaTimeline1950To2012) {
  ENTENTE_REQUIRE_SHARED_DATA();
  const auto& source = reference_source();
  const auto result =
      entente::query::triangle(source, source.registry.find("USA"), source.registry.find("CHN"),
                               source.registry.find("RUS"), 1950, 2012, entente::stance::default_profile());
  std::vector<std::pair<int, std::string>> changes;
  for (const auto& c : result.at("changes")) changes.emplace_back(c.at("year").get<int>(), c.at("type").get<std::string>());
  // Sino-Soviet partnership; the split; US-China against the USSR; the post-Cold War ménage
  // (a 1993 border dispute aside); Russia the pivot once US-China rivalry returns (1996); a
  // Russia-China partnership with the US the outcast once US-Russia rivalry returns (2007).
  const std::vector<std::pair<int, std::string>> expected = {
      {1950, "stable_marriage"}, {1958, "unit_veto"},         {1973, "stable_marriage"},
      {1990, "menage_a_trois"},  {1993, "romantic_triangle"}, {1994, "menage_a_trois"},
      {1996, "romantic_triangle"}, {2007, "stable_marriage"}};
  EXPECT_EQ(changes, expected) << result.at("changes").dump();
  const auto& y2000 = result.at("rows")[50];
  ASSERT_EQ(y2000.at("year"), 2000);
  EXPECT_EQ(y2000.at("roles").at("RUS").at("role"), "pivot");
  const auto& y2012 = result.at("rows").back();
  EXPECT_EQ(y2012.at("roles").at("USA").at("role"), "outcast");
  EXPECT_EQ(y2012.at("roles").at("CHN").at("role"), "partner");
}

TEST(StrategicHistory, BalancerRanksEveryStateOf2012) {
  ENTENTE_REQUIRE_SHARED_DATA();
  const auto& source = reference_source();
  const auto result = entente::query::balancer(source, 2012, std::nullopt, entente::stance::default_profile());
  EXPECT_EQ(result.at("rows").size(), source.registry.members_in(2012).size());
  const long long n = static_cast<long long>(source.registry.members_in(2012).size());
  EXPECT_EQ(result.at("triads").get<long long>(), n * (n - 1) * (n - 2) / 6);
  for (const auto& r : result.at("rows")) {
    for (const char* field : {"rank", "ccode", "pivot", "weighted_pivot", "flexibility", "reach"})
      EXPECT_TRUE(r.contains(field)) << field;
  }
  double last = 1e9;
  for (const auto& r : result.at("rows")) {
    EXPECT_LE(r.at("weighted_pivot").get<double>(), last);
    last = r.at("weighted_pivot").get<double>();
  }
}

// Axelrod & Bennett's 17 European states of 1936, run from the data (docs/models/landscape.md):
// the deepest minimum puts the Axis core on one side and the states that fought it on the other,
// with Poland and Romania the two misplaced among the states that fought.
TEST(ReferenceModels, Europe1936LandscapeAgainstTheSidesOf1939) {
  ENTENTE_REQUIRE_SHARED_DATA();
  const auto& source = reference_source();
  std::vector<int> actors;
  for (const char* s : {"UKG", "CZE", "DEN", "EST", "FIN", "FRN", "GMY", "GRC", "HUN", "ITA", "LAT", "LIT", "ROM",
                        "POL", "POR", "RUS", "YUG"})
    actors.push_back(source.registry.find(s).ccode);
  const auto result = entente::query::landscape(source, 1936, actors, {});
  const auto& minima = result.at("rows");
  ASSERT_EQ(minima.size(), 2u);
  long long basins = 0;
  for (const auto& m : minima) basins += m.at("basin").get<long long>();
  EXPECT_EQ(basins, 65536);
  const auto deepest = minima.at(0);
  const auto a = deepest.at("side_a").get<std::vector<std::string>>();
  auto side = [&](const std::string& s) { return std::find(a.begin(), a.end(), s) != a.end() ? 'A' : 'B'; };
  const std::string allies[] = {"UKG", "FRN", "CZE", "DEN", "GRC", "YUG", "RUS", "POL"};
  const std::string axis[] = {"GMY", "ITA", "HUN", "FIN", "ROM"};
  int placed = 0;
  for (const auto& s : allies) placed += side(s) == side("UKG");
  for (const auto& s : axis) placed += side(s) == side("GMY");
  EXPECT_NE(side("UKG"), side("GMY"));
  EXPECT_EQ(placed, 11) << "states of the war placed on their side";
  EXPECT_EQ(side("POL"), side("GMY"));
  EXPECT_EQ(side("ROM"), side("UKG"));
}

// Balance of a year of the full system (195 states), with and without UN alignment: proven.
TEST(ReferenceModels, BalanceOfTheFullSystemIsProven) {
  ENTENTE_REQUIRE_SHARED_DATA();
  const auto& source = reference_source();
  const auto profile = entente::stance::default_profile();
  for (double min_weight : {0.5, 0.3}) {
    const auto g = entente::query::stance_graph(source, 2012, profile, min_weight);
    EXPECT_EQ(g.n(), 195u);
    const auto f = entente::balance::frustration_index(g);
    EXPECT_TRUE(f.optimal()) << "min weight " << min_weight;
    EXPECT_LE(entente::balance::cycle_packing_bound(g), f.value);
  }
}

// ---- Treaty identity (ATOP member-level file) ----

namespace {

// ATOP's member-level file read here directly, not through entente's readers: for each treaty, its
// member rows (member, entry year, exit year or 9999 while in effect).
struct RawMembership {
  int atopid, member, first, last;
};
std::vector<RawMembership> raw_atop_members() {
  std::ifstream in(shared_data() / "atop" / "atop5_1m.csv");
  std::string line;
  std::getline(in, line);
  std::vector<std::string> header;
  {
    std::stringstream ss(line);
    for (std::string cell; std::getline(ss, cell, ',');) header.push_back(cell);
  }
  auto col = [&](const std::string& name) {
    return static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin());
  };
  const std::size_t id = col("atopid"), member = col("member"), yrent = col("yrent"), yrexit = col("yrexit");
  std::vector<RawMembership> out;
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    std::stringstream ss(line);
    for (std::string cell; std::getline(ss, cell, ',');) cells.push_back(cell);
    const int exit = std::stoi(cells.at(yrexit));
    out.push_back({std::stoi(cells.at(id)), std::stoi(cells.at(member)), std::stoi(cells.at(yrent)), exit == 0 ? 9999 : exit});
  }
  return out;
}

std::set<int> raw_treaties_of(const std::vector<RawMembership>& rows, int ccode, int year) {
  std::set<int> out;
  for (const auto& r : rows)
    if (r.member == ccode && r.first <= year && year <= r.last) out.insert(r.atopid);
  return out;
}

world::PanelLayers treaty_layers() {
  world::PanelLayers l;
  l.alliances = l.capabilities = l.majors = false;
  l.treaties = true;
  return l;
}

const world::Treaty* find_treaty(const world::Year& y, int atopid) {
  for (const auto& t : y.treaties)
    if (t.atopid == atopid) return &t;
  return nullptr;
}

std::vector<int> shared_ids(const world::Year& y, int a, int b) {
  std::vector<int> out;
  for (const auto t : y.shared_treaties(static_cast<std::size_t>(y.index(a)), static_cast<std::size_t>(y.index(b))))
    out.push_back(y.treaties[t].atopid);
  return out;
}

}  // namespace

TEST(TreatyIdentity, AseanTreatyOfAmityCountsItsMembers) {
  ENTENTE_REQUIRE_SHARED_DATA();
  const world::Panel panel(reference_source(), 2012, 2018, treaty_layers());
  const auto y2012 = panel.year(2012), y2018 = panel.year(2018);  // find_treaty points into them
  const auto* in2012 = find_treaty(y2012, 3755);
  const auto* in2018 = find_treaty(y2018, 3755);
  ASSERT_NE(in2012, nullptr);
  ASSERT_NE(in2018, nullptr);
  EXPECT_EQ(in2012->members, 30);
  EXPECT_EQ(in2018->members, 34);
  EXPECT_EQ(in2012->signed_year, 1976);
  EXPECT_FALSE(in2012->bilateral());
}

TEST(TreatyIdentity, RussiaChinaTreatiesIn2005And2012) {
  ENTENTE_REQUIRE_SHARED_DATA();
  const world::Panel panel(reference_source(), 2005, 2012, treaty_layers());
  const auto y2005 = panel.year(2005), y2012 = panel.year(2012);
  const auto in2005 = shared_ids(y2005, kRUS, kCHN), in2012 = shared_ids(y2012, kRUS, kCHN);
  auto has = [](const std::vector<int>& ids, int id) { return std::find(ids.begin(), ids.end(), id) != ids.end(); };
  EXPECT_TRUE(has(in2005, 4980)) << ::testing::PrintToString(in2005);
  EXPECT_TRUE(has(in2005, 4810)) << ::testing::PrintToString(in2005);
  EXPECT_FALSE(has(in2005, 6020));  // the SCO treaty is of 2007
  EXPECT_TRUE(find_treaty(y2005, 4980)->bilateral());
  EXPECT_TRUE(has(in2012, 4980)) << ::testing::PrintToString(in2012);
  EXPECT_TRUE(has(in2012, 6020)) << ::testing::PrintToString(in2012);
  EXPECT_EQ(find_treaty(y2012, 6020)->members, 6);
  // UK-China 2012: only the ASEAN Treaty of Amity.
  EXPECT_EQ(shared_ids(y2012, kUKG, kCHN), std::vector<int>{3755});
}

TEST(TreatyIdentity, CountsMatchTheMemberFileReadDirectly) {
  ENTENTE_REQUIRE_SHARED_DATA();
  const auto raw = raw_atop_members();
  const world::Panel panel(reference_source(), 1946, 2018, treaty_layers());
  const std::vector<int> states = {kUSA, kUKG, kFRN, kGMY, kRUS, kIRN, kCHN, kPRK, kIND, 640, 740, 770, 816, 705};
  long long compared = 0;
  for (int year : {1946, 1955, 1962, 1969, 1972, 1989, 1995, 2001, 2008, 2012, 2018}) {
    const auto y = panel.year(year);
    ASSERT_TRUE(y.treaties_covered) << year;
    for (std::size_t a = 0; a < states.size(); ++a)
      for (std::size_t b = a + 1; b < states.size(); ++b) {
        if (y.index(states[a]) < 0 || y.index(states[b]) < 0) continue;
        const auto ta = raw_treaties_of(raw, states[a], year), tb = raw_treaties_of(raw, states[b], year);
        std::vector<int> expected;
        std::set_intersection(ta.begin(), ta.end(), tb.begin(), tb.end(), std::back_inserter(expected));
        auto got = shared_ids(y, states[a], states[b]);
        std::sort(got.begin(), got.end());
        EXPECT_EQ(got, expected) << states[a] << "-" << states[b] << " " << year;
        ++compared;
      }
    // Each treaty's size that year: its distinct members in effect.
    for (const auto& t : y.treaties) {
      std::set<int> members;
      for (const auto& r : raw)
        if (r.atopid == t.atopid && r.first <= year && year <= r.last) members.insert(r.member);
      EXPECT_EQ(t.members, static_cast<int>(members.size())) << t.atopid << " " << year;
    }
  }
  EXPECT_GT(compared, 700);
}

TEST(TreatyIdentity, V2TellsAPartnershipFromASignature) {
  ENTENTE_REQUIRE_SHARED_DATA();
  const auto& source = reference_source();
  const auto& ukg = source.registry.find("UKG");
  const auto& chn = source.registry.find("CHN");
  const auto& rus = source.registry.find("RUS");
  const auto v2 = entente::query::explain(source, ukg, chn, 2012, entente::stance::default_profile());
  EXPECT_NE(v2.at("relation"), "entente") << v2.dump(2);
  ASSERT_EQ(v2.at("treaties").size(), 1u) << v2.dump(2);
  EXPECT_EQ(v2.at("treaties")[0].at("atopid"), 3755);
  EXPECT_EQ(v2.at("treaties")[0].at("members"), 30);
  EXPECT_NE(v2.at("rule").get<std::string>().find("30 or more members"), std::string::npos) << v2.at("rule");
  // The v1 rules counted the signature as a partnership.
  const auto v1 = entente::query::explain(source, ukg, chn, 2012, entente::stance::profile_v1());
  EXPECT_EQ(v1.at("relation"), "entente") << v1.dump(2);
  // Russia and China's bilateral treaty of 2001 is one.
  const auto rc = entente::query::explain(source, rus, chn, 2012, entente::stance::default_profile());
  EXPECT_EQ(rc.at("relation"), "entente") << rc.dump(2);
  EXPECT_NE(rc.at("rule").get<std::string>().find("at most 10 members"), std::string::npos) << rc.at("rule");
  // 2012 is after DCAD's coverage: explain says so instead of reading "no agreement".
  EXPECT_TRUE(rc.at("defense_agreements").empty());
  const auto missing = rc.at("missing_layers").dump();
  EXPECT_NE(missing.find("DCAD's coverage ended in 2010"), std::string::npos) << missing;
  EXPECT_EQ(rc.at("organisations"), entente::Json::array({"sco"}));
  // 2005: the general DCA of 2000 in force (to DCAD's estimated end in 2006) and the treaties.
  const auto in2005 = entente::query::explain(source, rus, chn, 2005, entente::stance::default_profile());
  bool general_dca = false;
  for (const auto& d : in2005.at("defense_agreements"))
    general_dca |= d.at("id") == "DCADv1.0-1333" && d.at("general") == true && d.at("end_year") == 2006;
  EXPECT_TRUE(general_dca) << in2005.at("defense_agreements").dump();
  std::set<int> ids;
  for (const auto& t : in2005.at("treaties")) ids.insert(t.at("atopid").get<int>());
  EXPECT_TRUE(ids.count(4980) && ids.count(4810)) << in2005.at("treaties").dump();
}
