#include "entente/world/panel.hpp"

#include <algorithm>
#include <bit>
#include <iterator>
#include <stdexcept>
#include <tuple>
#include <cmath>
#include <fmt/format.h>
#include <unordered_map>

#include "entente/catalogue/dataset.hpp"
#include "entente/world/source.hpp"
#include "panel_events.hpp"

namespace entente::world {

namespace {

struct Span {
  int a, b, first, last;
  std::uint8_t value;
};
// A COW contiguity period at month precision (yyyymm: 186607 for July 1866), both months included.
struct ContiguityPeriod {
  int a, b, start, end;
  std::uint8_t type;
};
// "1866-07-01" -> 186607; a date without a month counts from January (start) or to December (end).
int year_month(std::string_view iso, bool end) {
  const int year = std::stoi(std::string(iso.substr(0, 4)));
  const int month = iso.size() >= 7 ? std::stoi(std::string(iso.substr(5, 2))) : (end ? 12 : 1);
  return year * 100 + month;
}
struct DyadRecord {
  int a, b;
  std::uint8_t v1, v2, v3, v4, v5;
};
struct TradeRecord {
  int a, b;
  double flow1, flow2;
};
struct StateValue {
  int ccode;
  double v1, v2, v3;
};
struct VoteRecord {
  int roll;  // position of the roll call within its year
  int ccode;
  std::int8_t vote;
};
struct TreatyMembership {
  int atopid, member, phase, first, last;  // last: 9999 while still in effect when ATOP ends
  std::uint8_t obligations;
};
struct DcaRecord {
  std::string id;
  int a, b;  // ccodes, a < b
  bool general;
  int signed_year, start_year, end_year;
};
struct IgoRecord {
  int ccode;
  std::uint16_t igo;    // position in Data::igo_names
  std::uint8_t status;  // 1 full, 2 associate, 3 observer, 0 missing (COW's -9)
};
struct YearRange {
  int first = 1, last = 0;  // empty when first > last
  bool covers(int y) const { return first <= y && y <= last; }
};



const io::TableSpec& packed_spec(std::string_view format) {
  const auto* spec = io::table_spec(format);
  if (!spec || spec->packed_by == 0) throw std::logic_error(fmt::format("{}: no packed table", format));
  return *spec;
}

std::size_t column_of(const io::TableSpec& spec, std::string_view name) {
  for (std::size_t i = 0; i < spec.columns.size(); ++i)
    if (spec.columns[i].name == name) return i;
  throw std::logic_error(fmt::format("table {}: no column {}", spec.table, name));
}

// The named numeric columns of one group of a packed table, indexed in the order named.
struct GroupColumns {
  std::vector<const std::vector<double>*> columns;
  const std::vector<double>& operator[](std::size_t k) const { return *columns[k]; }
};

// Calls visit(columns, row) for every row of a packed table (store::Store::for_each_group), the
// columns being those named; with `first_key`, only the groups whose first key column is in range.
template <typename Visit>
void for_each_packed(const store::Store& store, std::string_view format, std::initializer_list<std::string_view> names,
                     std::optional<std::pair<long long, long long>> first_key, Visit&& visit) {
  const auto& spec = packed_spec(format);
  std::vector<std::size_t> at;
  for (auto name : names) at.push_back(column_of(spec, name));
  store.for_each_group(spec, first_key, [&](const evidence::TableRows& group) {
    GroupColumns c;
    for (std::size_t i : at) c.columns.push_back(&group.numbers[i]);
    for (std::size_t r = 0; r < group.rows; ++r) visit(c, r);
  });
}

}  // namespace

struct Panel::Data {
  int from = 0, to = 0;
  std::vector<std::string> missing;
  std::vector<const actor::Actor*> actors;
  std::vector<std::vector<std::pair<int, int>>> spells;  // per actor: its spells as yyyymmdd, parsed once
  std::vector<int> scope;  // empty = every state
  std::map<std::string, YearRange> coverage;
  std::unordered_map<int, std::vector<DyadRecord>> cow, atop, mids;
  std::unordered_map<int, std::vector<StateValue>> cinc, democracy, national_trade;
  Conventions conventions;
  std::vector<Span> majors, rival_td, rival_tss;
  std::vector<ContiguityPeriod> contiguity;
  struct WarSpell {
    int war, ccode, side, first, last;
  };
  std::vector<WarSpell> wars;
  std::unordered_map<int, std::vector<TradeRecord>> trade;
  std::unordered_map<int, int> rollcalls_in_year;
  std::unordered_map<int, std::vector<VoteRecord>> votes;
  std::vector<TreatyMembership> treaty_members;         // ordered by atopid
  std::map<std::pair<int, int>, int> treaty_milinst;    // (atopid, phase) -> milinst
  std::unordered_map<int, int> treaty_signed;           // atopid -> first entry year
  std::vector<DcaRecord> dcas;
  std::vector<std::string> igo_names;
  std::unordered_map<int, std::vector<IgoRecord>> igos;
  bool idealpoints = false;
  // Ideal points a world file carries (table un_idealpoint, estimated when it was written):
  // year -> (ccode, ideal point, votes used). Empty when the store has none: then they are
  // estimated from the store's votes.
  std::unordered_map<int, std::vector<std::tuple<int, double, int>>> stored_idealpoints;
  PanelEvents events;

  bool covers(const std::string& dataset, int y) const {
    auto it = coverage.find(dataset);
    return it != coverage.end() && it->second.covers(y);
  }
};

std::vector<std::uint32_t> Year::shared_treaties(std::size_t i, std::size_t j) const {
  std::vector<std::uint32_t> out;
  if (i >= treaties_of.size() || j >= treaties_of.size()) return out;
  std::set_intersection(treaties_of[i].begin(), treaties_of[i].end(), treaties_of[j].begin(), treaties_of[j].end(),
                        std::back_inserter(out));
  return out;
}

std::span<const DefenseAgreement> Year::dcas_of(int i, int j) const {
  if (i > j) std::swap(i, j);
  auto lo = std::lower_bound(dcas.begin(), dcas.end(), std::pair{i, j},
                             [](const DefenseAgreement& d, std::pair<int, int> k) { return std::pair{d.a, d.b} < k; });
  auto hi = lo;
  while (hi != dcas.end() && hi->a == i && hi->b == j) ++hi;
  return {lo, hi};
}

std::vector<std::uint16_t> Year::shared_igos(int i, int j) const {
  std::vector<std::uint16_t> out;
  if (i < 0 || j < 0 || igo_full.empty()) return out;
  const auto& x = igo_full[static_cast<std::size_t>(i)];
  const auto& y = igo_full[static_cast<std::size_t>(j)];
  std::set_intersection(x.begin(), x.end(), y.begin(), y.end(), std::back_inserter(out));
  return out;
}

std::size_t Year::shared_igo_count(int i, int j) const {
  if (i < 0 || j < 0 || igo_words == 0) return 0;
  const auto* x = &igo_full_bits[static_cast<std::size_t>(i) * igo_words];
  const auto* y = &igo_full_bits[static_cast<std::size_t>(j) * igo_words];
  std::size_t count = 0;
  for (std::size_t w = 0; w < igo_words; ++w) count += static_cast<std::size_t>(std::popcount(x[w] & y[w]));
  return count;
}

std::size_t Year::unknown_igo_count(int i, int j) const {
  if (i < 0 || j < 0 || igo_words == 0) return 0;
  const std::size_t oi = static_cast<std::size_t>(i) * igo_words, oj = static_cast<std::size_t>(j) * igo_words;
  std::size_t count = 0;
  for (std::size_t w = 0; w < igo_words; ++w) {
    const auto fi = igo_full_bits[oi + w], fj = igo_full_bits[oj + w];
    const auto mi = igo_unknown_bits[oi + w], mj = igo_unknown_bits[oj + w];
    count += static_cast<std::size_t>(std::popcount((mi & (fj | mj)) | (fi & mj)));
  }
  return count;
}

int Year::index(int ccode) const {
  auto it = std::lower_bound(ccodes.begin(), ccodes.end(), ccode);
  return it != ccodes.end() && *it == ccode ? static_cast<int>(it - ccodes.begin()) : -1;
}

bool Year::in_universe(std::size_t i, std::size_t j) const {
  if (universe == Universe::any) return true;
  // A member all year has no days listed (nor has a state of a Year built by hand, or one a
  // scenario adds): it pairs with every state.
  if (i >= member_days.size() || j >= member_days.size() || member_days[i].empty() || member_days[j].empty())
    return true;
  for (const auto& [start_i, end_i] : member_days[i])
    for (const auto& [start_j, end_j] : member_days[j])
      if (start_i <= end_j && start_j <= end_i) return true;
  return false;
}

Panel::Panel(const Source& source, int from, int to, const PanelLayers& requested, const Conventions& conventions)
    : data_(std::make_unique<Data>()) {
  auto& d = *data_;
  d.conventions = conventions;
  PanelLayers layers = requested;
  layers.votes = layers.votes || layers.idealpoints;  // ideal points are estimated from the votes
  d.idealpoints = layers.idealpoints;
  d.from = from;
  d.to = to;
  for (const auto& a : source.registry.all()) {
    d.actors.push_back(&a);
    auto& spells = d.spells.emplace_back();
    for (const auto& sp : a.spells) spells.emplace_back(sp.start_date(), sp.end_date());
  }
  d.scope = source.store.evidence_scope();
  for (const auto& c : source.store.coverage()) d.coverage[c.dataset] = {c.first_year, c.last_year};
  const auto& store = source.store;
  auto need = [&](const char* dataset) {
    if (d.coverage.count(dataset)) return true;
    d.missing.emplace_back(dataset);
    return false;
  };

  d.events = load_panel_events(store, layers, from, to, d.missing);
  if (layers.alliances) {
    const bool cow = need("cow_alliance"), atop = need("atop");
    if (cow || atop)
      store.for_each_alliance(from, to, [&](const store::AllianceBits& r) {
        auto& into = r.dataset == "atop" ? d.atop : d.cow;
        into[r.year].push_back({r.ccode1, r.ccode2, r.present, 0, 0, 0, 0});
      });
  }
  if (d.idealpoints && d.coverage.count("unga_idealpoints"))
    store.for_each_row("SELECT year, ccode, idealpoint, votes FROM un_idealpoint WHERE year BETWEEN ?1 AND ?2",
                       [&](const store::Row& r) {
                         d.stored_idealpoints[static_cast<int>(r.integer(0))].emplace_back(
                             static_cast<int>(r.integer(1)), r.real(2), static_cast<int>(r.integer(3)));
                       },
                       {from, to});
  if (layers.treaties && need("atop_members")) {
    store.for_each_row(
        "SELECT atopid, member, phase, yrent, yrexit, defense, offense, neutral, nonagg, consul FROM atop_member"
        " WHERE yrent <= ?2 AND (yrexit IS NULL OR yrexit >= ?1) ORDER BY atopid, member",
        [&](const store::Row& r) {
          // Member-level obligations in the order of evidence::kObligations (ATOP codes no entente).
          std::uint8_t bits = 0;
          const int cols[] = {5, 6, 7, 8, -1, 9};
          for (std::size_t k = 0; k < evidence::kObligations.size(); ++k)
            if (cols[k] >= 0 && !r.is_null(cols[k]) && r.integer(cols[k]) != 0) bits = static_cast<std::uint8_t>(bits | (1u << k));
          d.treaty_members.push_back({static_cast<int>(r.integer(0)), static_cast<int>(r.integer(1)),
                                      static_cast<int>(r.integer(2)), static_cast<int>(r.integer(3)),
                                      r.is_null(4) ? 9999 : static_cast<int>(r.integer(4)), bits});
        },
        {from, to});
    // Signature years need every phase of a treaty, including phases that ended before `from`.
    store.for_each_row("SELECT atopid, MIN(yrent) FROM atop_member GROUP BY atopid", [&](const store::Row& r) {
      d.treaty_signed[static_cast<int>(r.integer(0))] = static_cast<int>(r.integer(1));
    });
    if (d.coverage.count("atop_institutions"))
      store.for_each_row("SELECT atopid, phase, milinst FROM atop_institution WHERE milinst IS NOT NULL",
                         [&](const store::Row& r) {
                           d.treaty_milinst[{static_cast<int>(r.integer(0)), static_cast<int>(r.integer(1))}] =
                               static_cast<int>(r.integer(2));
                         });
  }
  if (layers.capabilities && need("cow_nmc"))
    store.for_each_row("SELECT year, ccode, cinc FROM capability WHERE year BETWEEN ?1 AND ?2",
                       [&](const store::Row& r) {
                         d.cinc[static_cast<int>(r.integer(0))].push_back(
                             {static_cast<int>(r.integer(1)), r.real(2), kMissing, kMissing});
                       },
                       {from, to});
  if (layers.wars && need("cow_wars"))
    store.for_each_row(
        "SELECT war, ccode, side, start_year1, end_year1, start_year2, end_year2 FROM war_participant",
        [&](const store::Row& r) {
          const int war = static_cast<int>(r.integer(0)), ccode = static_cast<int>(r.integer(1));
          const int side = r.is_null(2) ? 0 : static_cast<int>(r.integer(2));
          // A participant can fight in two spells; an unknown end year (coded -7, ongoing) ends
          // the spell at its start year.
          for (int spell = 0; spell < 2; ++spell) {
            const int s = 3 + 2 * spell, e = s + 1;
            if (r.is_null(s)) continue;
            const int first = static_cast<int>(r.integer(s));
            const int last = r.is_null(e) ? first : static_cast<int>(r.integer(e));
            d.wars.push_back({war, ccode, side, first, last});
          }
        });
  if (layers.majors && need("cow_majors"))
    store.for_each_row("SELECT ccode, start_year, end_year FROM major_power", [&](const store::Row& r) {
      d.majors.push_back({static_cast<int>(r.integer(0)), 0, static_cast<int>(r.integer(1)),
                          static_cast<int>(r.integer(2)), 1});
    });
  if (layers.contiguity && need("cow_contiguity"))
    store.for_each_row("SELECT ccode1, ccode2, conttype, start_date, end_date FROM contiguity",
                       [&](const store::Row& r) {
                         d.contiguity.push_back({static_cast<int>(r.integer(0)), static_cast<int>(r.integer(1)),
                                                 year_month(r.text(3), false), year_month(r.text(4), true),
                                                 static_cast<std::uint8_t>(r.integer(2))});
                       });
  if (layers.disputes && need("cow_mid_dyad_years"))
    store.for_each_row(
        "SELECT year, ccode1, ccode2, onset, ongoing, hostlev, fatality, recip FROM mid_dyad_year"
        " WHERE year BETWEEN ?1 AND ?2",
        [&](const store::Row& r) {
          auto small = [&](int col) { return static_cast<std::uint8_t>(r.is_null(col) ? 0 : r.integer(col)); };
          // An unknown fatality level (-9 in MID) is kept apart from "no fatalities".
          auto fatality = [&](int col) { return static_cast<std::uint8_t>(r.is_null(col) ? kUnknownFatality : r.integer(col)); };
          d.mids[static_cast<int>(r.integer(0))].push_back({static_cast<int>(r.integer(1)),
                                                            static_cast<int>(r.integer(2)), small(3), small(4),
                                                            small(5), fatality(6), small(7)});
        },
        {from, to});
  if (layers.rivalries) {
    if (need("rivalries_td"))
      store.for_each_row("SELECT ccode1, ccode2, start_year, end_year FROM rivalry_td", [&](const store::Row& r) {
        d.rival_td.push_back({static_cast<int>(r.integer(0)), static_cast<int>(r.integer(1)),
                              static_cast<int>(r.integer(2)), static_cast<int>(r.integer(3)), 1});
      });
    if (need("rivalries_tss"))
      store.for_each_row("SELECT ccode1, ccode2, start_year, end_year FROM rivalry_tss", [&](const store::Row& r) {
        d.rival_tss.push_back({static_cast<int>(r.integer(0)), static_cast<int>(r.integer(1)),
                               static_cast<int>(r.integer(2)), static_cast<int>(r.integer(3)), 1});
      });
  }
  if (layers.trade && need("cow_trade_dyadic"))
    for_each_packed(store, "cow-trade-dyadic", {"year", "ccode1", "ccode2", "flow1", "flow2"},
                    std::pair<long long, long long>{from, to},
                    [&](const auto& c, std::size_t r) {
                      d.trade[static_cast<int>(c[0][r])].push_back(
                          {static_cast<int>(c[1][r]), static_cast<int>(c[2][r]), c[3][r], c[4][r]});
                    });
  if (layers.votes) {
    // Roll calls from both releases (Voeten to 2015, unvotes to 2019); the same rcid numbering.
    std::unordered_map<long long, std::pair<int, int>> roll;  // rcid -> (year, position in year)
    auto add_rollcall = [&](const store::Row& r) {
      const int year = static_cast<int>(r.integer(1));
      roll[r.integer(0)] = {year, d.rollcalls_in_year[year]++};
    };
    const bool voeten = d.coverage.count("unga_rollcalls") > 0, unvotes = d.coverage.count("unvotes_rollcalls") > 0;
    if (!voeten && !unvotes) d.missing.emplace_back("unga_rollcalls");
    if (voeten)
      store.for_each_row("SELECT rcid, year FROM un_rollcall WHERE year BETWEEN ?1 AND ?2 ORDER BY rcid", add_rollcall,
                         {from, to});
    // A roll call both releases list keeps the first release's year even when that year is
    // outside the panel: the releases date a few roll calls of sessions that span two years
    // differently, and a panel's years must not decide which date counts.
    if (unvotes)
      store.for_each_row(fmt::format("SELECT rcid, year FROM unvotes_rollcall WHERE year BETWEEN ?1 AND ?2{} ORDER BY rcid",
                                     voeten ? " AND rcid NOT IN (SELECT rcid FROM un_rollcall)" : ""),
                         add_rollcall, {from, to});
    std::unordered_map<long long, std::pair<int, int>>::const_iterator at = roll.end();
    long long current = -1;
    auto add_vote = [&](const auto& c, std::size_t r) {
      if (const auto rcid = static_cast<long long>(c[0][r]); rcid != current) {
        current = rcid;
        at = roll.find(rcid);
      }
      if (at == roll.end()) return;
      d.votes[at->second.first].push_back(
          {at->second.second, static_cast<int>(c[1][r]), static_cast<std::int8_t>(c[2][r])});
    };
    const bool v1 = d.coverage.count("unga_votes") > 0, v2 = d.coverage.count("unvotes_votes") > 0;
    if (!v1 && !v2) d.missing.emplace_back("unga_votes");
    // Only the stored groups (one per roll call) of the panel's roll calls are read: a year's
    // votes are a few dozen of some five thousand.
    std::optional<std::pair<long long, long long>> rcids;
    for (const auto& [rcid, year] : roll)
      rcids = rcids ? std::pair{std::min(rcids->first, rcid), std::max(rcids->second, rcid)} : std::pair{rcid, rcid};
    if (v1 && rcids) for_each_packed(store, "voeten-votes", {"rcid", "ccode", "vote"}, rcids, add_vote);
    if (v2 && rcids) for_each_packed(store, "unvotes-votes", {"rcid", "ccode", "vote"}, rcids, add_vote);
  }
  if (layers.national_trade && need("cow_trade_national"))
    store.for_each_row("SELECT year, ccode, imports, exports FROM trade_state_year WHERE year BETWEEN ?1 AND ?2",
                       [&](const store::Row& r) {
                         d.national_trade[static_cast<int>(r.integer(0))].push_back(
                             {static_cast<int>(r.integer(1)), r.real(2), r.real(3), kMissing});
                       },
                       {from, to});
  if (layers.democracy && need("democracy"))
    store.for_each_row("SELECT year, ccode, polity2, polyarchy, quds FROM democracy_year WHERE year BETWEEN ?1 AND ?2",
                       [&](const store::Row& r) {
                         d.democracy[static_cast<int>(r.integer(0))].push_back(
                             {static_cast<int>(r.integer(1)), r.real(2), r.real(3), r.real(4)});
                       },
                       {from, to});
  if (layers.dca && need("dcad"))
    store.for_each_row(
        "SELECT dca_id, ccode1, ccode2, type, sign_year, eif_year, end_year_estimate FROM dca",
        [&](const store::Row& r) {
          int a = static_cast<int>(r.integer(1)), b = static_cast<int>(r.integer(2));
          if (a == b) return;  // DCAD has three rows of one state with itself (0297, 1625, 1847)
          if (a > b) std::swap(a, b);
          const int signed_year = static_cast<int>(r.integer(4));
          // In force from entry into force, or from signature when DCAD has no EIF year.
          const int start = r.is_null(5) ? signed_year : static_cast<int>(r.integer(5));
          d.dcas.push_back({r.text(0), a, b, r.text(3) == "general", signed_year, start,
                            static_cast<int>(r.integer(6))});
        });
  if (layers.igos && need("cow_igo")) {
    std::unordered_map<std::string, std::uint16_t> id;  // first-seen ids, renumbered by name below
    std::vector<std::string> names;
    const auto& spec = packed_spec("cow-igo-state-year");
    const std::size_t igo_column = column_of(spec, "igo");
    store.for_each_group(spec, std::pair<long long, long long>{from, to}, [&](const evidence::TableRows& g) {
      const auto& year = g.numbers[column_of(spec, "year")];
      const auto& ccode = g.numbers[column_of(spec, "ccode")];
      const auto& status = g.numbers[column_of(spec, "status")];
      for (std::size_t r = 0; r < g.rows; ++r) {
        const std::string& igo = g.texts[igo_column][r];
        auto [it, fresh] = id.try_emplace(igo, static_cast<std::uint16_t>(names.size()));
        if (fresh) {
          if (names.size() == 65535) throw std::runtime_error("igo_membership: too many IGOs");
          names.push_back(igo);
        }
        const auto s = static_cast<std::uint8_t>(std::isnan(status[r]) ? 0 : status[r]);
        d.igos[static_cast<int>(year[r])].push_back({static_cast<int>(ccode[r]), it->second, s});
      }
    });
    std::vector<std::uint16_t> order(names.size());
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = static_cast<std::uint16_t>(k);
    std::sort(order.begin(), order.end(), [&](auto x, auto y) { return names[x] < names[y]; });
    std::vector<std::uint16_t> rank(names.size());
    for (std::size_t k = 0; k < order.size(); ++k) {
      rank[order[k]] = static_cast<std::uint16_t>(k);
      d.igo_names.push_back(names[order[k]]);
    }
    for (auto& [y, rows] : d.igos)
      for (auto& r : rows) r.igo = rank[r.igo];
  }
}

Panel::~Panel() = default;
Panel::Panel(Panel&&) noexcept = default;
Panel& Panel::operator=(Panel&&) noexcept = default;
int Panel::from() const noexcept { return data_->from; }
int Panel::to() const noexcept { return data_->to; }
const std::vector<std::string>& Panel::missing_layers() const noexcept { return data_->missing; }

Year Panel::year(int y) const {
  const auto& d = *data_;
  Year out;
  out.year = y;
  out.universe = d.conventions.universe;
  const int first_day = y * 10000 + 101, last_day = y * 10000 + 1231;
  for (std::size_t k = 0; k < d.actors.size(); ++k) {
    std::vector<std::pair<int, int>> days;  // as actor::Actor::days_in, without re-parsing dates
    for (const auto& [start, end] : d.spells[k])
      if (start <= last_day && end >= first_day) days.emplace_back(std::max(start, first_day), std::min(end, last_day));
    if (days.empty()) continue;
    out.ccodes.push_back(d.actors[k]->ccode);
    // A member all year pairs with every member: its days are left out (most states, most years).
    const bool all_year = days.size() == 1 && days[0] == std::pair{first_day, last_day};
    out.member_days.push_back(all_year ? std::vector<std::pair<int, int>>{} : std::move(days));
  }
  const std::size_t n = out.n();
  out.in_scope.assign(n, 1);
  if (!d.scope.empty())
    for (std::size_t i = 0; i < n; ++i)
      out.in_scope[i] = std::binary_search(d.scope.begin(), d.scope.end(), out.ccodes[i]) ? 1 : 0;
  auto at = [&](int a, int b) -> long {
    const int i = out.index(a), j = out.index(b);
    return i < 0 || j < 0 ? -1 : static_cast<long>(i) * static_cast<long>(n) + j;
  };
  auto fill_obligations = [&](const std::unordered_map<int, std::vector<DyadRecord>>& rows, std::vector<std::uint8_t>& m) {
    m.assign(n * n, 0);
    if (auto it = rows.find(y); it != rows.end())
      for (const auto& r : it->second)
        if (long k = at(r.a, r.b); k >= 0) m[static_cast<std::size_t>(k)] |= r.v1;
  };
  out.cow_covered = d.covers("cow_alliance", y);
  out.atop_covered = d.covers("atop", y);
  if (out.cow_covered) fill_obligations(d.cow, out.cow);
  if (out.atop_covered) fill_obligations(d.atop, out.atop);

  out.treaties_covered = d.covers("atop_members", y);
  if (out.treaties_covered) {
    out.treaties_of.assign(n, {});
    // Rows are ordered by treaty: gather each treaty's members in effect this year, count them
    // (a member with two phases in one year counts once), then hand the treaty to the members.
    std::vector<int> members;
    for (std::size_t k = 0; k < d.treaty_members.size();) {
      const int id = d.treaty_members[k].atopid;
      Treaty t;
      t.atopid = id;
      t.signed_year = d.treaty_signed.count(id) ? d.treaty_signed.at(id) : 0;
      int phase = -1;
      members.clear();
      for (; k < d.treaty_members.size() && d.treaty_members[k].atopid == id; ++k) {
        const auto& m = d.treaty_members[k];
        if (m.first > y || y > m.last) continue;
        if (members.empty() || members.back() != m.member) members.push_back(m.member);
        t.obligations = static_cast<std::uint8_t>(t.obligations | m.obligations);
        phase = std::max(phase, m.phase);
      }
      if (members.empty()) continue;
      t.members = static_cast<int>(members.size());
      if (auto it = d.treaty_milinst.find({id, phase}); it != d.treaty_milinst.end()) t.milinst = it->second;
      const auto at_index = static_cast<std::uint32_t>(out.treaties.size());
      out.treaties.push_back(t);
      for (int c : members)
        if (int i = out.index(c); i >= 0 && out.in_scope[static_cast<std::size_t>(i)])
          out.treaties_of[static_cast<std::size_t>(i)].push_back(at_index);
    }
  }

  out.cinc.assign(n, kMissing);
  if (auto it = d.cinc.find(y); it != d.cinc.end())
    for (const auto& r : it->second)
      if (int i = out.index(r.ccode); i >= 0) out.cinc[static_cast<std::size_t>(i)] = r.v1;
  out.majors_covered = d.covers("cow_majors", y);
  out.major.assign(n, 0);
  for (const auto& s : d.majors)
    if (s.first <= y && y <= s.last)
      if (int i = out.index(s.a); i >= 0) out.major[static_cast<std::size_t>(i)] = 1;

  out.contiguity_covered = d.covers("cow_contiguity", y);
  if (out.contiguity_covered) {
    out.conttype.assign(n * n, 0);
    // The periods that count: any touching the year (closest), or those in force when the year
    // starts for the dyad (january): 1 January, or, for a state that entered during the year, the
    // month of the later of the two states' first days. Type 0 marks a "no contiguity" filler
    // period, which COW's table overlaps with real ones (RUS-AFG 1919-2016 against land
    // contiguity 1920-1991): it never overrides a real type.
    const bool january = d.conventions.contiguity == ContiguityRule::january;
    std::vector<int> first_month(n);
    for (std::size_t i = 0; i < n; ++i)
      first_month[i] = out.member_days[i].empty() ? y * 100 + 1 : out.member_days[i].front().first / 100;
    for (const auto& s : d.contiguity) {
      if (s.type == 0 || s.start > y * 100 + 12 || s.end < y * 100 + 1) continue;
      const long k = at(s.a, s.b);
      if (k < 0) continue;
      if (january) {
        const std::size_t i = static_cast<std::size_t>(k) / n, j = static_cast<std::size_t>(k) % n;
        const int month = std::max(first_month[i], first_month[j]);
        if (s.start > month || s.end < month) continue;
      }
      auto& c = out.conttype[static_cast<std::size_t>(k)];
      c = c == 0 ? s.type : std::min(c, s.type);
    }
  }
  out.disputes_covered = d.covers("cow_mid_dyad_years", y);
  if (out.disputes_covered) {
    for (auto* m : {&out.mid_onset, &out.mid_ongoing, &out.mid_hostlev, &out.mid_fatality, &out.mid_recip})
      m->assign(n * n, 0);
    std::vector<char> seen(n * n, 0);
    if (auto it = d.mids.find(y); it != d.mids.end())
      for (const auto& r : it->second)
        for (const long k : {at(r.a, r.b), at(r.b, r.a)}) {  // disputes are symmetric
          if (k < 0) continue;
          const auto u = static_cast<std::size_t>(k);
          out.mid_onset[u] = std::max(out.mid_onset[u], r.v1);
          out.mid_ongoing[u] = std::max(out.mid_ongoing[u], r.v2);
          out.mid_hostlev[u] = std::max(out.mid_hostlev[u], r.v3);
          // The highest known fatality level; unknown only when no dispute of the dyad-year
          // has a known level.
          auto& f = out.mid_fatality[u];
          if (!seen[u]) f = r.v4;
          else if (r.v4 != kUnknownFatality) f = f == kUnknownFatality ? r.v4 : std::max(f, r.v4);
          seen[u] = 1;
          out.mid_recip[u] = std::max(out.mid_recip[u], r.v5);
        }
  }
  auto fill_spans = [&](const std::vector<Span>& spans, std::vector<std::uint8_t>& m) {
    m.assign(n * n, 0);
    for (const auto& s : spans)
      if (s.first <= y && y <= s.last)
        for (const long k : {at(s.a, s.b), at(s.b, s.a)})
          if (k >= 0) m[static_cast<std::size_t>(k)] = 1;
  };
  out.wars_covered = d.covers("cow_wars", y);
  if (out.wars_covered) {
    out.war.assign(n * n, 0);
    std::vector<const Data::WarSpell*> active;
    for (const auto& w : d.wars)
      if (w.first <= y && y <= w.last) active.push_back(&w);
    for (const auto* a : active)
      for (const auto* b : active)
        if (a->war == b->war && a->side != b->side)
          if (long k = at(a->ccode, b->ccode); k >= 0) out.war[static_cast<std::size_t>(k)] = 1;
  }
  out.td_covered = d.covers("rivalries_td", y);
  out.tss_covered = d.covers("rivalries_tss", y);
  if (out.td_covered) fill_spans(d.rival_td, out.rival_td);
  if (out.tss_covered) fill_spans(d.rival_tss, out.rival_tss);

  out.trade_covered = d.covers("cow_trade_dyadic", y);
  if (out.trade_covered) {
    // Within coverage a dyad without a row traded nothing recorded: COW lists every dyad it
    // codes, so an absent dyad is missing, not zero.
    out.flow.assign(n * n, kMissing);
    if (auto it = d.trade.find(y); it != d.trade.end())
      for (const auto& r : it->second) {
        if (long k = at(r.a, r.b); k >= 0) out.flow[static_cast<std::size_t>(k)] = r.flow1;
        if (long k = at(r.b, r.a); k >= 0) out.flow[static_cast<std::size_t>(k)] = r.flow2;
      }
  }
  if (auto it = d.rollcalls_in_year.find(y); it != d.rollcalls_in_year.end()) {
    out.rollcalls = static_cast<std::size_t>(it->second);
    out.votes.assign(n * out.rollcalls, 0);
    auto v = d.votes.find(y);
    out.votes_covered = v != d.votes.end() && !v->second.empty();
    if (out.votes_covered)
      for (const auto& r : v->second)
        if (int i = out.index(r.ccode); i >= 0)
          out.votes[static_cast<std::size_t>(i) * out.rollcalls + static_cast<std::size_t>(r.roll)] = r.vote;
  }
  if (d.idealpoints) {
    out.idealpoint.assign(n, kMissing);
    out.idealpoint_votes.assign(n, 0);
    if (d.coverage.count("unga_idealpoints")) {
      out.idealpoint_stored = true;
      if (auto it = d.stored_idealpoints.find(y); it != d.stored_idealpoints.end())
        for (const auto& [ccode, value, votes] : it->second)
          if (int i = out.index(ccode); i >= 0 && out.in_scope[static_cast<std::size_t>(i)]) {
            out.idealpoint[static_cast<std::size_t>(i)] = value;
            out.idealpoint_votes[static_cast<std::size_t>(i)] = votes;
          }
    } else if (out.votes_covered) {
      // Only states in the evidence scope take part: the others' votes count as no record.
      std::vector<std::int8_t> scoped = out.votes;
      for (std::size_t i = 0; i < n; ++i)
        if (!out.in_scope[i]) std::fill_n(scoped.begin() + static_cast<std::ptrdiff_t>(i * out.rollcalls), out.rollcalls, 0);
      auto estimate = idealpoint::estimate(out.ccodes, out.rollcalls, scoped);
      out.idealpoint = std::move(estimate.idealpoint);
      out.idealpoint_votes = std::move(estimate.votes);
      out.idealpoint_fit = estimate.fit;
    }
  }
  out.imports.assign(n, kMissing);
  out.exports.assign(n, kMissing);
  if (auto it = d.national_trade.find(y); it != d.national_trade.end())
    for (const auto& r : it->second)
      if (int i = out.index(r.ccode); i >= 0) {
        out.imports[static_cast<std::size_t>(i)] = r.v1;
        out.exports[static_cast<std::size_t>(i)] = r.v2;
      }
  out.polity2.assign(n, kMissing);
  out.polyarchy.assign(n, kMissing);
  out.quds.assign(n, kMissing);
  if (auto it = d.democracy.find(y); it != d.democracy.end())
    for (const auto& r : it->second)
      if (int i = out.index(r.ccode); i >= 0) {
        out.polity2[static_cast<std::size_t>(i)] = r.v1;
        out.polyarchy[static_cast<std::size_t>(i)] = r.v2;
        out.quds[static_cast<std::size_t>(i)] = r.v3;
      }

  out.dca_covered = d.covers("dcad", y);
  if (auto it = d.coverage.find("dcad"); it != d.coverage.end()) out.dca_years = {it->second.first, it->second.last};
  if (out.dca_covered) {
    // Coverage is the years DCAD records signatures in; an agreement's last year equal to that
    // range's end is DCAD's "still in force", not an ending.
    const int coverage_end = d.coverage.at("dcad").last;
    for (const auto& r : d.dcas) {
      const bool in_force = r.start_year <= y && y <= r.end_year;
      if (!in_force && r.signed_year != y) continue;
      const int i = out.index(r.a), j = out.index(r.b);
      if (i < 0 || j < 0 || !out.in_scope[static_cast<std::size_t>(i)] || !out.in_scope[static_cast<std::size_t>(j)])
        continue;
      out.dcas.push_back({r.id, i, j, r.general, r.signed_year, r.start_year, r.end_year, in_force,
                          r.signed_year == y, in_force && r.end_year == y && y < coverage_end});
    }
    std::sort(out.dcas.begin(), out.dcas.end(), [](const DefenseAgreement& x, const DefenseAgreement& z) {
      return std::tie(x.a, x.b, x.id) < std::tie(z.a, z.b, z.id);
    });
  }
  out.igos_covered = d.covers("cow_igo", y);
  if (out.igos_covered) {
    out.igo_names = d.igo_names;
    out.igo_full.assign(n, {});
    out.igo_unknown.assign(n, {});
    out.igo_words = (d.igo_names.size() + 63) / 64;
    out.igo_full_bits.assign(n * out.igo_words, 0);
    out.igo_unknown_bits.assign(n * out.igo_words, 0);
    if (auto it = d.igos.find(y); it != d.igos.end())
      for (const auto& r : it->second) {
        const int i = out.index(r.ccode);
        if (i < 0 || !out.in_scope[static_cast<std::size_t>(i)] || r.status == 2 || r.status == 3) continue;
        const auto u = static_cast<std::size_t>(i);
        (r.status == 1 ? out.igo_full : out.igo_unknown)[u].push_back(r.igo);
        (r.status == 1 ? out.igo_full_bits : out.igo_unknown_bits)[u * out.igo_words + r.igo / 64] |=
            std::uint64_t{1} << (r.igo % 64);
      }
    for (auto* lists : {&out.igo_full, &out.igo_unknown})
      for (auto& l : *lists) std::sort(l.begin(), l.end());
  }
  fill_event_year(d.events, out);
  return out;
}

}  // namespace entente::world
