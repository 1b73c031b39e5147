#pragma once
// The stance model: a dyad-year's evidence → a relationship type and a signed weight, by the
// rules of a named profile (TOML; data/profiles/default.toml, explained in
// docs/models/stance.md). Every stance carries the evidence it saw and the rule that decided,
// so `entente explain` can show why.
#include <array>
#include <cstdint>
#include <limits>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "entente/events/score.hpp"
#include "entente/world/panel.hpp"

namespace entente::stance {

enum class Relation { alliance, entente, aligned, neutral, rival, hostile };
std::string_view to_string(Relation r);

enum class Source { atop, cow, either };  // which dataset decides (treaties or rivalries)

// The security organisations (COW IGO abbreviations) a profile may count as evidence of
// partnership: alliances' own organisations and small regional security bodies. Large
// frameworks (the OSCE, the UN) are left out on purpose, for the reason large treaties are.
inline constexpr std::array<std::string_view, 9> kSecurityOrganisations = {
    "nato", "wpact", "seato", "cento", "anzus", "weu", "sco", "csto", "gcc"};

struct Profile {
  std::string name = "default";
  double weight[6] = {0.9, 0.5, 0.3, 0.0, -0.6, -1.0};  // indexed by Relation
  Source treaties = Source::atop;
  Source rivalries = Source::either;  // atop = TSS, cow = Thompson-Dreyer (see docs)
  int hostile_hostility = 4;
  bool hostile_needs_reciprocation_or_deaths = true;
  // Treaty identity (v2). A treaty obligation short of defense makes an entente only when a
  // treaty carrying it binds at most this many states that year; above, it is context (the ASEAN
  // Treaty of Amity, the Helsinki Final Act). 0: any size, as in v1.
  int max_treaty_members = 10;
  // A defense or offense promise makes an alliance whatever the treaty's size (NATO, the Rio Pact).
  bool defense_any_size = true;
  // Defense cooperation (DCAD): a general agreement in force makes an entente.
  bool general_dca_is_entente = true;
  // Shared full membership of one of these security organisations makes an entente (bits of
  // kSecurityOrganisations).
  std::uint32_t security_organisations = (1u << kSecurityOrganisations.size()) - 1;
  // Alignment: UN ideal points closer than this (in the year's standard deviations), or an
  // identical-vote share of at least aligned_agreement, make a dyad aligned; 0 leaves the
  // identical-vote share alone, as in v1.
  double aligned_idealpoint_distance = 0.5;
  double aligned_agreement = 0.8;
  int aligned_min_votes = 10;
  // Event data (docs/models/event_score.md): with `events`, a dyad-year's cooperation–conflict score
  // from an event evidence layer decides where treaties, rivalries, conflict and (for
  // cooperation) UN voting say nothing. `events_layer` names the layer; empty: the store's only one.
  bool events = false;
  std::string events_layer;
  events::ScoreRule events_rule;
};

// The profile compiled from data/profiles/default.toml's values (v2: treaty identity, defense
// cooperation, security organisations, ideal points).
Profile default_profile();
// The v1 rules (data/profiles/v1.toml): every treaty obligation counts whatever the treaty,
// alignment from the identical-vote share.
Profile profile_v1();
// A profile by name ("default", "v2" or "v1") or else from a TOML file at that path.
Profile resolve_profile(const std::string& name_or_path);
// Reads a profile file; unknown keys and bad values are errors naming file:line:column.
Profile load_profile(const std::filesystem::path& path);
Profile parse_profile(std::string_view text, const std::string& file_name);

struct Stance {
  Relation relation = Relation::neutral;
  double weight = 0;
  std::string rule;                   // the rule that decided, in words
  std::vector<std::string> evidence;  // what the layers said, one line each
  std::vector<std::string> missing;   // layers that did not cover the year
  std::vector<world::Treaty> treaties;  // the ATOP treaties binding both that year
  std::vector<world::DefenseAgreement> dcas;  // their defense cooperation agreements in force (DCAD)
  std::vector<std::string> organisations;     // security organisations both are full members of
  // Event data of the year (when the panel read an event layer that reaches into it), whether or
  // not the profile uses it: the tally, its tone under the profile's rule, and the months of the
  // year the layer covers.
  bool events_covered = false;
  events::Tally events;
  events::Tone events_tone = events::Tone::too_few;
  int event_months_covered = 0;
};

// The layers a panel must load for stances; with a profile, also the event layer it reads.
world::PanelLayers stance_layers();
world::PanelLayers stance_layers(const Profile& profile);
// The profile of `entente ... --profile events` (data/profiles/events.toml): the default rules
// with event data.
Profile profile_events();

// What the layers say about a dyad, before any rule is applied (treaty obligations of both
// directions merged; rivalries, wars and disputes are symmetric in the panel). The
// rules (decide) then only read these, so a model that re-decides many times under varied
// profiles (an ensemble) reads the evidence once.
struct Facts {
  bool atop_covered = false, cow_covered = false;
  std::uint8_t atop = 0, cow = 0;  // obligation bits (evidence::kObligations), either direction
  bool tss_covered = false, td_covered = false;
  bool tss = false, td = false;    // strategic rivalry ongoing
  bool wars_covered = false, war = false;
  bool disputes_covered = false;
  int hostility = 0;               // highest MID hostility level (0 none)
  bool reciprocated = false;
  int fatality = 0;                // highest MID fatality level, −1 unknown
  bool votes_covered = false;
  double agreement = -1;           // share of identical votes on joint roll calls, −1 without any
  long long joint_votes = 0;
  // Treaty identity: for each obligation (evidence::kObligations order), the members that year of
  // the smallest shared ATOP treaty carrying it; 0 when no shared treaty of the member-level file
  // carries it (then the dyad-year file's obligation stands unidentified).
  bool treaties_covered = false;
  std::array<std::uint16_t, 6> smallest_treaty{};
  // Defense cooperation agreements in force (DCAD).
  bool dca_covered = false;
  int dca_general = 0, dca_sector = 0;
  // Shared full memberships of kSecurityOrganisations (bits), COW IGO.
  bool igos_covered = false;
  std::uint32_t security_organisations = 0;
  // |difference| of the two UN ideal points (standard deviations of the year), NaN when missing.
  double idealpoint_distance = std::numeric_limits<double>::quiet_NaN();
  // The year's events between the two (both directions), when the panel read an event layer
  // that reaches into the year.
  bool events_covered = false;
  events::Tally events;
};
Facts facts(const world::Year& year, std::size_t i, std::size_t j);
// The partnership rules alone — treaties, defense cooperation, security organisations — without
// conflict, rivalry or voting: alliance, entente or neutral. decide() applies them after the
// conflict rules; the landscape's alliance component reads them too.
Relation partnership(const Facts& facts, const Profile& profile, std::string* rule = nullptr);
// A militarized dispute the profile counts as hostility (its level, and reciprocated or deadly
// when the profile asks for that); the landscape's disputes component reads it too.
bool hostile_dispute(const Facts& facts, const Profile& profile);
// The profile's rules on a dyad's facts; `rule`, when given, receives the deciding rule in words.
Relation decide(const Facts& facts, const Profile& profile, std::string* rule = nullptr);

// The stance of states i and j (positions in `year`); symmetric.
Stance classify(const world::Year& year, std::size_t i, std::size_t j, const Profile& profile);

// Signed weights of every dyad of the year (n×n, symmetric, 0 on the diagonal) and the types.
struct YearStances {
  std::vector<double> weight;
  std::vector<Relation> relation;
};
YearStances classify_year(const world::Year& year, const Profile& profile);

// The weakest |weight| that makes a tie an edge of a signed graph (balance, blocs, scenarios).
// 0.5 keeps treaties (alliance, entente) and antagonism (rivalry, hostility, war) and leaves out
// UN voting alignment, as Doreian & Mrvar's network of treaties and disputes does.
inline constexpr double kDefaultMinWeight = 0.5;

}  // namespace entente::stance
