#include "entente/stance/stance.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <toml++/toml.h>

#include "entente/events/aggregate.hpp"  // period_name
#include "entente/evidence/records.hpp"
#include "entente/io/file.hpp"
#include "entente/io/parse_error.hpp"
#include "entente/io/toml_file.hpp"
#include "entente/similarity/contingency.hpp"

namespace entente::stance {

namespace {

using Obligation = evidence::Obligation;
constexpr std::uint8_t bit(Obligation o) { return static_cast<std::uint8_t>(1u << static_cast<unsigned>(o)); }
constexpr std::uint8_t kAllianceBits = bit(Obligation::defense) | bit(Obligation::offense);
constexpr std::uint8_t kEntenteBits = bit(Obligation::neutrality) | bit(Obligation::nonaggression) |
                                      bit(Obligation::entente) | bit(Obligation::consultation);
constexpr std::array kRelationNames = {"alliance", "entente", "aligned", "neutral", "rival", "hostile"};

std::string obligations_text(std::uint8_t bits) {
  std::string s;
  for (auto o : evidence::kObligations)
    if (bits & bit(o)) s += (s.empty() ? "" : "+") + std::string(evidence::to_string(o));
  return s.empty() ? "none" : s;
}

// The explain line of a dyad-year's event data.
std::string events_text(const world::Year& y, const Stance& s, const Profile& p) {
  const auto& t = s.events;
  std::string text = fmt::format("event data ({}): ", y.event_layer.name);
  // A layer by quarter or year has no months to count events in.
  const std::string months = y.event_months() ? fmt::format(" in {} of the {} months covered", t.months,
                                                            s.event_months_covered)
                                              : fmt::format(" (a layer by {})", events::period_name(y.event_layer.period));
  if (t.events == 0) {
    text += y.event_months() ? fmt::format("no events in the {} months of the year the layer covers",
                                           s.event_months_covered)
                             : "no events" + months;
  } else {
    text += fmt::format(
        "{} events{} (verbal cooperation {}, material cooperation {}, verbal conflict {}, material conflict {}); "
        "Goldstein sum {:+.1f}, mean {:+.2f}; net cooperation {:+.2f}: {}",
        t.events, months, t.quad_events[0], t.quad_events[1], t.quad_events[2], t.quad_events[3], t.goldstein_sum,
        events::mean_goldstein(t), events::net_cooperation(t), events::to_string(s.events_tone));
  }
  if (!p.events) text += " (not used by this profile)";
  return text;
}

}  // namespace

std::string_view to_string(Relation r) { return kRelationNames[static_cast<std::size_t>(r)]; }

Profile default_profile() { return Profile{}; }

Profile profile_v1() {
  Profile p;
  p.name = "v1";
  p.treaties = Source::either;
  p.max_treaty_members = 0;
  p.general_dca_is_entente = false;
  p.security_organisations = 0;
  p.aligned_idealpoint_distance = 0;
  return p;
}

Profile profile_events() {
  Profile p;
  p.name = "events";
  p.events = true;
  return p;
}

Profile resolve_profile(const std::string& name_or_path) {
  if (name_or_path == "default" || name_or_path == "v2") return default_profile();
  if (name_or_path == "v1") return profile_v1();
  if (name_or_path == "events") return profile_events();
  return load_profile(name_or_path);
}

Profile parse_profile(std::string_view text, const std::string& file_name) {
  const toml::table doc = io::parse_toml(text, file_name);
  Profile p;
  auto fail = [&](const toml::node& node, const std::string& found, const std::string& expected) -> void {
    const auto at = node.source().begin;
    throw io::ParseError({file_name, at.line, at.column}, found, expected);
  };
  for (auto&& [key, node] : doc) {
    const std::string k(key.str());
    if (k == "name") {
      if (!node.is_string()) fail(node, "a non-string", "a name in quotes");
      p.name = *node.value<std::string>();
    } else if (k == "weights") {
      if (!node.is_table()) fail(node, k, "a [weights] table");
      for (auto&& [wk, wn] : *node.as_table()) {
        const std::string name(wk.str());
        auto it = std::find(kRelationNames.begin(), kRelationNames.end(), name);
        if (it == kRelationNames.end()) fail(wn, name, "one of alliance, entente, aligned, neutral, rival, hostile");
        const auto v = wn.value<double>();
        if (!v || *v < -1 || *v > 1) fail(wn, name, "a weight between -1 and 1");
        p.weight[it - kRelationNames.begin()] = *v;
      }
    } else if (k == "rules") {
      if (!node.is_table()) fail(node, k, "a [rules] table");
      for (auto&& [rk, rule_node] : *node.as_table()) {
        const std::string name(rk.str());
        const toml::node& rn = rule_node;  // a plain reference: lambdas below capture it
        auto source = [&](Source& into) {
          const auto v = rn.value<std::string>();
          if (v == "atop" || v == "tss") into = Source::atop;
          else if (v == "cow" || v == "td") into = Source::cow;
          else if (v == "either") into = Source::either;
          else fail(rn, v.value_or("?"), "\"atop\", \"cow\" or \"either\" (rivalries: \"tss\", \"td\" or \"either\")");
        };
        if (name == "treaties") source(p.treaties);
        else if (name == "rivalries") source(p.rivalries);
        else if (name == "hostile_hostility") {
          const auto v = rn.value<int64_t>();
          if (!v || *v < 1 || *v > 5) fail(rn, name, "a MID hostility level from 1 to 5");
          p.hostile_hostility = static_cast<int>(*v);
        } else if (name == "hostile_needs_reciprocation_or_deaths") {
          if (!rn.is_boolean()) fail(rn, name, "true or false");
          p.hostile_needs_reciprocation_or_deaths = *rn.value<bool>();
        } else if (name == "max_treaty_members") {
          const auto v = rn.value<int64_t>();
          if (!v || *v < 0 || *v > 1000) fail(rn, name, "a number of treaty members from 0 (any size) to 1000");
          p.max_treaty_members = static_cast<int>(*v);
        } else if (name == "defense_any_size" || name == "general_dca_is_entente") {
          if (!rn.is_boolean()) fail(rn, name, "true or false");
          (name == "defense_any_size" ? p.defense_any_size : p.general_dca_is_entente) = *rn.value<bool>();
        } else if (name == "security_organisations") {
          if (!rn.is_array()) fail(rn, name, "a list of COW IGO abbreviations in quotes, e.g. [\"nato\", \"sco\"]");
          p.security_organisations = 0;
          for (const auto& item : *rn.as_array()) {
            const auto v = item.value<std::string>();
            auto it = v ? std::find(kSecurityOrganisations.begin(), kSecurityOrganisations.end(), *v)
                        : kSecurityOrganisations.end();
            if (it == kSecurityOrganisations.end())
              fail(item, v.value_or("?"), fmt::format("one of {}", fmt::join(kSecurityOrganisations, ", ")));
            p.security_organisations |= 1u << (it - kSecurityOrganisations.begin());
          }
        } else if (name == "aligned_idealpoint_distance") {
          const auto v = rn.value<double>();
          if (!v || *v < 0 || *v > 10) fail(rn, name, "a distance in standard deviations from 0 (off) to 10");
          p.aligned_idealpoint_distance = *v;
        } else if (name == "aligned_agreement") {
          const auto v = rn.value<double>();
          if (!v || *v < 0 || *v > 1) fail(rn, name, "a share between 0 and 1");
          p.aligned_agreement = *v;
        } else if (name == "aligned_min_votes") {
          const auto v = rn.value<int64_t>();
          if (!v || *v < 1) fail(rn, name, "a whole number of roll calls, at least 1");
          p.aligned_min_votes = static_cast<int>(*v);
        } else if (name == "events") {
          if (!rn.is_boolean()) fail(rn, name, "true or false");
          p.events = *rn.value<bool>();
        } else if (name == "events_layer") {
          const auto v = rn.value<std::string>();
          if (!v || v->empty()) fail(rn, name, "an event layer's name in quotes");
          p.events_layer = *v;
        } else if (name == "events_min_year" || name == "events_min_month") {
          const auto v = rn.value<int64_t>();
          if (!v || *v < 1) fail(rn, name, "a whole number of events, at least 1");
          (name == "events_min_year" ? p.events_rule.min_events_year : p.events_rule.min_events_month) = *v;
        } else if (name == "events_cooperative" || name == "events_conflictual") {
          const auto v = rn.value<double>();
          const bool coop = name == "events_cooperative";
          if (!v || (coop ? (*v <= 0 || *v > 1) : (*v >= 0 || *v < -1)))
            fail(rn, name, coop ? "a net cooperation above 0, at most 1" : "a net cooperation below 0, at least -1");
          (coop ? p.events_rule.cooperative : p.events_rule.conflictual) = *v;
        } else {
          fail(rn, name, "a known rule: treaties, rivalries, hostile_hostility, hostile_needs_reciprocation_or_deaths, "
                         "max_treaty_members, defense_any_size, general_dca_is_entente, security_organisations, "
                         "aligned_idealpoint_distance, aligned_agreement, aligned_min_votes, events, events_layer, "
                         "events_min_year, events_min_month, events_cooperative, events_conflictual");
        }
      }
    } else {
      fail(node, k, "a known key: name, [weights], [rules]");
    }
  }
  return p;
}

Profile load_profile(const std::filesystem::path& path) {
  return parse_profile(io::read_whole_file(path), path.string());
}

world::PanelLayers stance_layers() {
  world::PanelLayers l;
  l.alliances = l.capabilities = l.majors = true;
  l.disputes = l.rivalries = l.votes = l.wars = true;
  l.treaties = l.dca = l.igos = l.idealpoints = true;
  return l;
}

world::PanelLayers stance_layers(const Profile& profile) {
  world::PanelLayers l = stance_layers();
  l.events = profile.events;
  l.events_layer = profile.events_layer;
  return l;
}

Facts facts(const world::Year& y, std::size_t i, std::size_t j) {
  const std::size_t n = y.n(), ij = i * n + j, ji = j * n + i;
  Facts f;
  f.atop_covered = y.atop_covered;
  f.cow_covered = y.cow_covered;
  if (f.atop_covered) f.atop = static_cast<std::uint8_t>(y.atop[ij] | y.atop[ji]);
  if (f.cow_covered) f.cow = static_cast<std::uint8_t>(y.cow[ij] | y.cow[ji]);
  f.tss_covered = y.tss_covered;
  f.td_covered = y.td_covered;
  f.tss = f.tss_covered && y.rival_tss[ij];
  f.td = f.td_covered && y.rival_td[ij];
  f.wars_covered = y.wars_covered;
  f.war = f.wars_covered && y.war[ij] != 0;
  f.disputes_covered = y.disputes_covered;
  if (f.disputes_covered) {
    f.hostility = y.mid_hostlev[ij];
    f.reciprocated = y.mid_recip[ij] != 0;
    f.fatality = y.mid_fatality[ij] == world::kUnknownFatality ? -1 : y.mid_fatality[ij];
  }
  f.treaties_covered = y.treaties_covered;
  if (f.treaties_covered)
    for (const auto t : y.shared_treaties(i, j)) {
      const auto& treaty = y.treaties[t];
      for (std::size_t k = 0; k < f.smallest_treaty.size(); ++k)
        if (treaty.obligations & (1u << k)) {
          auto& smallest = f.smallest_treaty[k];
          const auto members = static_cast<std::uint16_t>(std::min(treaty.members, 65535));
          smallest = smallest == 0 ? members : std::min(smallest, members);
        }
    }
  f.dca_covered = y.dca_covered;
  if (f.dca_covered)
    for (const auto& d : y.dcas_of(static_cast<int>(i), static_cast<int>(j)))
      if (d.in_force) ++(d.general ? f.dca_general : f.dca_sector);
  f.igos_covered = y.igos_covered;
  if (f.igos_covered)
    for (std::size_t k = 0; k < kSecurityOrganisations.size(); ++k) {
      auto at = std::lower_bound(y.igo_names.begin(), y.igo_names.end(), kSecurityOrganisations[k]);
      if (at == y.igo_names.end() || *at != kSecurityOrganisations[k]) continue;
      const auto igo = static_cast<std::uint16_t>(at - y.igo_names.begin());
      auto member = [&](std::size_t s) {
        return std::binary_search(y.igo_full[s].begin(), y.igo_full[s].end(), igo);
      };
      if (member(i) && member(j)) f.security_organisations |= 1u << k;
    }
  if (y.idealpoint.size() == y.n() && !std::isnan(y.idealpoint[i]) && !std::isnan(y.idealpoint[j]))
    f.idealpoint_distance = std::fabs(y.idealpoint[i] - y.idealpoint[j]);
  f.events_covered = y.events_covered;
  if (f.events_covered)
    if (const auto* e = y.events_of(static_cast<int>(i), static_cast<int>(j))) f.events = e->year;
  f.votes_covered = y.votes_covered;
  if (f.votes_covered) {
    similarity::PairTable t;
    std::vector<std::uint8_t> a(y.rollcalls), b(y.rollcalls);
    for (std::size_t r = 0; r < y.rollcalls; ++r) {
      auto level = [](std::int8_t v) { return v >= 1 && v <= 3 ? static_cast<std::uint8_t>(v - 1) : similarity::kNoLevel; };
      a[r] = level(y.votes[i * y.rollcalls + r]);
      b[r] = level(y.votes[j * y.rollcalls + r]);
    }
    t.fill(a.data(), b.data(), y.rollcalls);
    for (int l = 0; l < 3; ++l)
      for (int m = 0; m < 3; ++m) f.joint_votes += t.counts[l][m];
    if (f.joint_votes > 0)
      f.agreement = static_cast<double>(t.counts[0][0] + t.counts[1][1] + t.counts[2][2]) /
                    static_cast<double>(f.joint_votes);
  }
  return f;
}

Relation partnership(const Facts& f, const Profile& p, std::string* rule) {
  auto trusted = [](Source wanted, Source which) { return wanted == Source::either || wanted == which; };
  const std::uint8_t atop = f.atop_covered && trusted(p.treaties, Source::atop) ? f.atop : 0;
  const std::uint8_t cow = f.cow_covered && trusted(p.treaties, Source::cow) ? f.cow : 0;
  // Treaty identity splits ATOP's obligations into those a small treaty carries (a partnership)
  // and those only a large multilateral framework carries (context). An obligation of the
  // dyad-year file that no shared treaty of the member-level file carries stays unidentified and
  // counts, as it did before treaty identity. COW's obligations have no size and always count.
  std::uint8_t small = atop;
  int smallest_large = 0;
  if (p.max_treaty_members > 0 && f.treaties_covered)
    for (std::size_t k = 0; k < f.smallest_treaty.size(); ++k)
      if ((atop & (1u << k)) && f.smallest_treaty[k] > p.max_treaty_members) {
        small = static_cast<std::uint8_t>(small & ~(1u << k));
        smallest_large = smallest_large == 0 ? f.smallest_treaty[k] : std::min<int>(smallest_large, f.smallest_treaty[k]);
      }
  const std::uint8_t defense = static_cast<std::uint8_t>(((p.defense_any_size ? atop : small) | cow) & kAllianceBits);
  const std::uint8_t commitment = static_cast<std::uint8_t>((small | cow) & kEntenteBits);
  const std::uint32_t organisations = f.igos_covered ? f.security_organisations & p.security_organisations : 0;
  auto say = [&]<typename... A>(fmt::format_string<A...> words, A&&... args) {
    if (rule) *rule = fmt::format(words, std::forward<A>(args)...);
  };
  if (defense) {
    say("a defense or offense obligation");
    return Relation::alliance;
  }
  if (commitment) {
    if (p.max_treaty_members > 0 && f.treaties_covered)
      say("a treaty commitment short of defense, in a treaty of at most {} members", p.max_treaty_members);
    else
      say("a treaty commitment short of defense");
    return Relation::entente;
  }
  if (p.general_dca_is_entente && f.dca_covered && f.dca_general > 0) {
    say("a general defense cooperation agreement in force (DCAD)");
    return Relation::entente;
  }
  if (organisations) {
    std::string names;
    for (std::size_t k = 0; k < kSecurityOrganisations.size(); ++k)
      if (organisations & (1u << k)) names += fmt::format("{}{}", names.empty() ? "" : ", ", kSecurityOrganisations[k]);
    say("both full members of a security organisation ({})", names);
    return Relation::entente;
  }
  if (smallest_large > 0)
    say("no partnership: the only treaty commitments come from multilateral treaties of {} or more members, "
        "above the profile's {}", smallest_large, p.max_treaty_members);
  else
    say("no treaty, rivalry, conflict or close UN voting");
  return Relation::neutral;
}

bool hostile_dispute(const Facts& f, const Profile& p) {
  return f.disputes_covered && f.hostility >= p.hostile_hostility &&
         (!p.hostile_needs_reciprocation_or_deaths || f.reciprocated || f.fatality >= 1);
}

Relation decide(const Facts& f, const Profile& p, std::string* rule) {
  auto trusted = [](Source wanted, Source which) { return wanted == Source::either || wanted == which; };
  const bool treaty = (f.atop_covered && trusted(p.treaties, Source::atop) && f.atop) ||
                      (f.cow_covered && trusted(p.treaties, Source::cow) && f.cow);
  const bool rival = (f.tss && trusted(p.rivalries, Source::atop)) || (f.td && trusted(p.rivalries, Source::cow));
  const bool hostile = hostile_dispute(f, p);
  auto say = [&]<typename... A>(fmt::format_string<A...> words, A&&... args) {
    if (rule) *rule = fmt::format(words, std::forward<A>(args)...);
  };
  // The rules, strongest evidence first. Fighting outranks paper: the Sino-Soviet treaty of
  // 1950 was in force when the two fought on the Ussuri in 1969.
  if (f.war) {
    say("at war with each other this year");
    return Relation::hostile;
  }
  if (hostile) {
    say("a militarized dispute at hostility {} or more{}", p.hostile_hostility,
        p.hostile_needs_reciprocation_or_deaths ? ", reciprocated or deadly" : "");
    return Relation::hostile;
  }
  if (rival) {
    say("{}", treaty ? "a strategic rivalry outweighs the treaty obligations on paper" : "a strategic rivalry");
    return Relation::rival;
  }
  std::string why;
  const Relation partners = partnership(f, p, &why);
  if (partners != Relation::neutral) {
    if (rule) *rule = std::move(why);
    return partners;
  }
  // Event data ranks below treaties and the coded conflict data (curated, year-level) and, for
  // cooperation, below UN voting; conflictual events outrank close voting as fighting outranks
  // paper.
  const auto tone = p.events && f.events_covered ? events::tone(f.events, p.events_rule, events::Span::year)
                                                 : events::Tone::too_few;
  if (tone == events::Tone::conflictual) {
    say("no partnership, but conflictual event data: net cooperation {:+.2f} over {} events, at or below {:+.2f}",
        events::net_cooperation(f.events), f.events.events, p.events_rule.conflictual);
    return Relation::rival;
  }
  // Either measure of UN alignment decides. Ideal points see past lopsided votes but stretch at the
  // ends of the scale: the United States and Israel (85% identical votes in 2012) are a standard
  // deviation apart there, as far as Iran and Turkmenistan, whose agreement lopsided votes inflate.
  const bool close_ideal = p.aligned_idealpoint_distance > 0 && !std::isnan(f.idealpoint_distance) &&
                           f.idealpoint_distance <= p.aligned_idealpoint_distance;
  const bool close_votes = f.agreement >= p.aligned_agreement && f.joint_votes >= p.aligned_min_votes;
  if (close_ideal) {
    say("no partnership, but UN ideal points {:.2f} standard deviations apart, within {:.2f}", f.idealpoint_distance,
        p.aligned_idealpoint_distance);
    return Relation::aligned;
  }
  if (close_votes) {
    say("no partnership, but UN votes identical at least {:.0f}% of the time", 100 * p.aligned_agreement);
    return Relation::aligned;
  }
  if (tone == events::Tone::cooperative) {
    say("no partnership or close UN voting, but cooperative event data: net cooperation {:+.2f} over {} events, at or "
        "above {:+.2f}",
        events::net_cooperation(f.events), f.events.events, p.events_rule.cooperative);
    return Relation::aligned;
  }
  if (rule) *rule = std::move(why);  // what the partnership rules found short of a partnership
  return Relation::neutral;
}

Stance classify(const world::Year& y, std::size_t i, std::size_t j, const Profile& p) {
  Stance s;
  if (!y.in_universe(i, j)) {
    // Not a dyad this year (never members of the system on the same day): no relation to decide.
    s.rule = "not members of the state system on a common day of the year";
    s.weight = p.weight[static_cast<std::size_t>(s.relation)];
    return s;
  }
  const Facts f = facts(y, i, j);
  auto& ev = s.evidence;
  if (f.atop_covered) ev.push_back(fmt::format("ATOP obligations: {}", obligations_text(f.atop)));
  else s.missing.emplace_back("ATOP obligations");
  if (f.cow_covered) ev.push_back(fmt::format("COW alliance obligations: {}", obligations_text(f.cow)));
  else s.missing.emplace_back("COW alliance obligations");
  if (f.treaties_covered) {
    std::string list;
    for (const auto t : y.shared_treaties(i, j)) {
      const auto& treaty = y.treaties[t];
      s.treaties.push_back(treaty);
      list += fmt::format("{}{} (signed {}, {}: {}{})", list.empty() ? "" : "; ", treaty.atopid, treaty.signed_year,
                          treaty.bilateral() ? std::string("bilateral") : fmt::format("{} members", treaty.members),
                          obligations_text(treaty.obligations),
                          treaty.milinst < 0 ? "" : fmt::format(", military institutionalisation {}", treaty.milinst));
    }
    ev.push_back(fmt::format("ATOP treaties binding both: {}", list.empty() ? "none" : list));
  } else {
    s.missing.emplace_back("ATOP treaty identity");
  }
  if (f.dca_covered) {
    std::string list;
    for (const auto& d : y.dcas_of(static_cast<int>(i), static_cast<int>(j)))
      if (d.in_force) {
        s.dcas.push_back(d);
        list += fmt::format("{}{} ({}, signed {}, in force to {}{})", list.empty() ? "" : "; ", d.id,
                            d.general ? "general" : "sector", d.signed_year, d.end_year,
                            d.end_year >= 2010 ? " or later" : "");
      }
    ev.push_back(fmt::format("defense cooperation agreements in force (DCAD): {}", list.empty() ? "none" : list));
  } else {
    const auto [first, last] = y.dca_years;
    s.missing.emplace_back(last == 0            ? std::string("defense cooperation agreements (DCAD is not in the store)")
                           : y.year > last ? fmt::format("defense cooperation agreements (DCAD's coverage ended in {})", last)
                                           : fmt::format("defense cooperation agreements (DCAD's coverage starts in {})", first));
  }
  if (f.igos_covered) {
    for (std::size_t k = 0; k < kSecurityOrganisations.size(); ++k)
      if (f.security_organisations & (1u << k)) s.organisations.emplace_back(kSecurityOrganisations[k]);
    ev.push_back(fmt::format("intergovernmental organisations (COW IGO): {} shared full memberships; security "
                             "organisations: {}",
                             y.shared_igo_count(static_cast<int>(i), static_cast<int>(j)),
                             s.organisations.empty() ? std::string("none") : fmt::format("{}", fmt::join(s.organisations, ", "))));
  } else {
    s.missing.emplace_back("intergovernmental organisations (COW IGO, to 2014)");
  }
  if (f.tss_covered) ev.push_back(fmt::format("strategic rivalry (Thompson-Sakuwa-Suhas): {}", f.tss ? "ongoing" : "none"));
  else s.missing.emplace_back("strategic rivalry (Thompson-Sakuwa-Suhas)");
  if (f.td_covered) ev.push_back(fmt::format("strategic rivalry (Thompson-Dreyer): {}", f.td ? "ongoing" : "none"));
  else s.missing.emplace_back("strategic rivalry (Thompson-Dreyer)");
  if (f.wars_covered) ev.push_back(fmt::format("COW inter-state war: {}", f.war ? "on opposite sides" : "none"));
  else s.missing.emplace_back("COW wars");
  if (!f.disputes_covered) s.missing.emplace_back("MID disputes");
  else if (f.hostility > 0)
    ev.push_back(fmt::format("MID: highest hostility {}, {}, fatality level {}", f.hostility,
                             f.reciprocated ? "reciprocated" : "not reciprocated",
                             f.fatality < 0 ? std::string("unknown") : std::to_string(f.fatality)));
  else ev.push_back("MID: none");
  if (!std::isnan(f.idealpoint_distance))
    ev.push_back(fmt::format("UN ideal points: {:+.2f} and {:+.2f}, {:.2f} standard deviations apart", y.idealpoint[i],
                             y.idealpoint[j], f.idealpoint_distance));
  else if (f.votes_covered)
    ev.push_back("UN ideal points: none for one or both (too few votes)");
  if (!f.votes_covered) s.missing.emplace_back("UN votes");
  else ev.push_back(f.joint_votes > 0 ? fmt::format("UN votes: {:.0f}% identical on {} joint roll calls",
                                                    100 * f.agreement, f.joint_votes)
                                      : "UN votes: no joint roll calls");
  if (f.events_covered) {
    s.events_covered = true;
    s.events = f.events;
    s.events_tone = events::tone(f.events, p.events_rule, events::Span::year);
    s.event_months_covered = y.event_months_covered();
    ev.push_back(events_text(y, s, p));
  } else if (p.events) {
    s.missing.emplace_back(y.event_layer.name.empty() ? std::string("event data (no event layer in the store)")
                                                      : fmt::format("event data (layer {} covers {} to {})",
                                                                    y.event_layer.name, y.event_layer.coverage.first_date,
                                                                    y.event_layer.coverage.last_date));
  }
  s.relation = decide(f, p, &s.rule);
  s.weight = p.weight[static_cast<std::size_t>(s.relation)];
  return s;
}

YearStances classify_year(const world::Year& y, const Profile& p) {
  const std::size_t n = y.n();
  YearStances out;
  out.weight.assign(n * n, 0);
  out.relation.assign(n * n, Relation::neutral);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = i + 1; j < n; ++j) {
      if (!y.in_scope[i] || !y.in_scope[j] || !y.in_universe(i, j)) continue;
      const Relation r = decide(facts(y, i, j), p);
      out.weight[i * n + j] = out.weight[j * n + i] = p.weight[static_cast<std::size_t>(r)];
      out.relation[i * n + j] = out.relation[j * n + i] = r;
    }
  return out;
}

}  // namespace entente::stance
