#include "entente/world/panel.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <unordered_map>
#include <unordered_set>

#include "entente/catalogue/dataset.hpp"

namespace entente::world {

namespace {

struct Span {
  int a, b, first, last;
  std::uint8_t value;
};
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
struct YearRange {
  int first = 1, last = 0;  // empty when first > last
  bool covers(int y) const { return first <= y && y <= last; }
};

std::uint8_t obligation_bits(const store::Row& r, int first_col) {
  std::uint8_t bits = 0;
  for (std::size_t k = 0; k < evidence::kObligations.size(); ++k)
    if (!r.is_null(first_col + static_cast<int>(k)) && r.integer(first_col + static_cast<int>(k)) != 0)
      bits = static_cast<std::uint8_t>(bits | (1u << k));
  return bits;
}

}  // namespace

struct Panel::Data {
  int from = 0, to = 0;
  std::vector<std::string> missing;
  std::vector<const actor::Actor*> actors;
  std::vector<int> scope;  // empty = every state
  std::map<std::string, YearRange> coverage;
  std::unordered_map<int, std::vector<DyadRecord>> cow, atop, mids;
  std::unordered_map<int, std::vector<StateValue>> cinc, democracy, national_trade;
  std::vector<Span> majors, contiguity, rival_td, rival_tss;
  struct WarSpell {
    int war, ccode, side, first, last;
  };
  std::vector<WarSpell> wars;
  std::unordered_map<int, std::vector<TradeRecord>> trade;
  std::unordered_map<int, int> rollcalls_in_year;
  std::unordered_map<int, std::vector<VoteRecord>> votes;
  bool idealpoints = false;

  bool covers(const std::string& dataset, int y) const {
    auto it = coverage.find(dataset);
    return it != coverage.end() && it->second.covers(y);
  }
};

int Year::index(int ccode) const {
  auto it = std::lower_bound(ccodes.begin(), ccodes.end(), ccode);
  return it != ccodes.end() && *it == ccode ? static_cast<int>(it - ccodes.begin()) : -1;
}

Panel::Panel(const Source& source, int from, int to, const PanelLayers& requested) : data_(std::make_unique<Data>()) {
  auto& d = *data_;
  PanelLayers layers = requested;
  layers.votes = layers.votes || layers.idealpoints;  // ideal points are estimated from the votes
  d.idealpoints = layers.idealpoints;
  d.from = from;
  d.to = to;
  for (const auto& a : source.registry.all()) d.actors.push_back(&a);
  d.scope = source.store.evidence_scope();
  for (const auto& c : source.store.coverage()) d.coverage[c.dataset] = {c.first_year, c.last_year};
  const auto& store = source.store;
  auto need = [&](const char* dataset) {
    if (d.coverage.count(dataset)) return true;
    d.missing.emplace_back(dataset);
    return false;
  };

  if (layers.alliances) {
    const bool cow = need("cow_alliance"), atop = need("atop");
    if (cow || atop)
      store.for_each_row(
          "SELECT year, ccode1, ccode2, dataset, defense, offense, neutrality, nonaggression, entente, consultation"
          " FROM alliance_year WHERE year BETWEEN ?1 AND ?2",
          [&](const store::Row& r) {
            auto& into = r.text(3) == "atop" ? d.atop : d.cow;
            into[static_cast<int>(r.integer(0))].push_back(
                {static_cast<int>(r.integer(1)), static_cast<int>(r.integer(2)), obligation_bits(r, 4), 0, 0, 0, 0});
          },
          {from, to});
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
    store.for_each_row("SELECT ccode1, ccode2, conttype, start_year, end_year FROM contiguity",
                       [&](const store::Row& r) {
                         d.contiguity.push_back({static_cast<int>(r.integer(0)), static_cast<int>(r.integer(1)),
                                                 static_cast<int>(r.integer(3)), static_cast<int>(r.integer(4)),
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
    store.for_each_row("SELECT year, ccode1, ccode2, flow1, flow2 FROM trade_dyad_year WHERE year BETWEEN ?1 AND ?2",
                       [&](const store::Row& r) {
                         d.trade[static_cast<int>(r.integer(0))].push_back(
                             {static_cast<int>(r.integer(1)), static_cast<int>(r.integer(2)), r.real(3), r.real(4)});
                       },
                       {from, to});
  if (layers.votes) {
    // Roll calls from both releases (Voeten to 2015, unvotes to 2019); the same rcid numbering.
    std::unordered_map<long long, std::pair<int, int>> roll;  // rcid -> (year, position in year)
    // A roll call both releases list keeps the first release's year even when that year is
    // outside the panel: the releases date a few roll calls of sessions that span two years
    // differently, and a panel's years must not decide which date counts.
    std::unordered_set<long long> seen;
    auto add_rollcall = [&](long long rcid, int year) {
      if (!seen.insert(rcid).second || year < from || year > to) return;
      roll[rcid] = {year, d.rollcalls_in_year[year]++};
    };
    const bool voeten = d.coverage.count("unga_rollcalls") > 0, unvotes = d.coverage.count("unvotes_rollcalls") > 0;
    if (!voeten && !unvotes) d.missing.emplace_back("unga_rollcalls");
    if (voeten)
      store.for_each_row("SELECT rcid, year FROM un_rollcall ORDER BY rcid", [&](const store::Row& r) {
        add_rollcall(r.integer(0), static_cast<int>(r.integer(1)));
      });
    if (unvotes)
      store.for_each_row("SELECT rcid, year FROM unvotes_rollcall ORDER BY rcid", [&](const store::Row& r) {
        add_rollcall(r.integer(0), static_cast<int>(r.integer(1)));
      });
    auto add_vote = [&](const store::Row& r) {
      auto it = roll.find(r.integer(0));
      if (it == roll.end()) return;
      d.votes[it->second.first].push_back(
          {it->second.second, static_cast<int>(r.integer(1)), static_cast<std::int8_t>(r.integer(2))});
    };
    const bool v1 = d.coverage.count("unga_votes") > 0, v2 = d.coverage.count("unvotes_votes") > 0;
    if (!v1 && !v2) d.missing.emplace_back("unga_votes");
    if (v1) store.for_each_row("SELECT rcid, ccode, vote FROM un_vote", add_vote);
    if (v2) store.for_each_row("SELECT rcid, ccode, vote FROM unvotes_vote", add_vote);
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
  for (const auto* a : d.actors)
    if (a->member_in(y)) out.ccodes.push_back(a->ccode);
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
    for (const auto& s : d.contiguity) {
      if (s.value == 0 || s.first > y || y > s.last) continue;  // type 0 marks a "no contiguity" period
      if (long k = at(s.a, s.b); k >= 0) {
        auto& c = out.conttype[static_cast<std::size_t>(k)];
        c = c == 0 ? s.value : std::min(c, s.value);
      }
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
    if (out.votes_covered) {
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
  return out;
}

}  // namespace entente::world
