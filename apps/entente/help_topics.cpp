#include "help_topics.hpp"

#include <fmt/format.h>

namespace entente::cli {

const std::vector<HelpTopic>& help_topics() {
  static const std::vector<HelpTopic> topics = {
      {"stance",
       "A stance turns one dyad-year's evidence (treaties, rivalries, wars and disputes, defense\n"
       "cooperation, shared organisations, UN votes) into a relationship type - alliance, entente,\n"
       "aligned, neutral, rival, hostile - and a signed weight, by the rules of a profile (--profile).\n"
       "Verbs: explain (which evidence and which rule decided), relations.",
       "docs/models/stance.md"},
      {"triangle",
       "A strategic triangle (Dittmer 1981) is three states and their three ties: a menage a trois,\n"
       "a romantic triangle (with a pivot), a stable marriage (two partners and an outcast) or a\n"
       "unit veto. A balancer holds the pivot of many triangles, weighted by capabilities.\n"
       "Verbs: triangle, balancer; the report's triangle and balancers sections.",
       "docs/models/triangle.md"},
      {"balance",
       "Structural balance: whether the signed graph of stances splits into two camps, friends inside\n"
       "and enemies across; the frustration index counts the ties that must change sign, computed\n"
       "exactly. Blocs (Doreian-Mrvar) are the camps, tracked year by year.\n"
       "Verbs: balance, blocs; the report's blocs section.",
       "docs/models/balance.md"},
      {"landscape",
       "Landscape theory of aggregation (Axelrod & Bennett 1993): states of given sizes and pairwise\n"
       "propensities settle into the alignments of least energy; every stable alignment, with the\n"
       "share of alignments that descend to it.\n"
       "Verbs: landscape; the report's landscape section.",
       "docs/models/landscape.md"},
      {"scenarios",
       "A scenario (TOML) states a change to the world - a treaty signed, a rivalry ended, a war, a\n"
       "change of leadership - and runs every model before and after it, most important change\n"
       "first, with optional dynamics and an ensemble of noisy worlds.\n"
       "Verbs: scenario; entente report --scenario FILE.",
       "docs/scenarios.md"},
      {"events",
       "Event data: what states do to each other day by day - statements, visits, aid, protests,\n"
       "threats, force - machine-coded in CAMEO (KEDS, GDELT, ICEWS). Counted per dyad and period\n"
       "by quad class (verbal/material cooperation/conflict) with Goldstein (1992) sums; actor codes\n"
       "mapped to COW states, non-state and unmapped codes counted apart, never guessed.\n"
       "`events --into NAME --db STORE` keeps the cells as an evidence layer: `explain` shows it,\n"
       "`--profile events` uses its cooperation-conflict score (docs/models/event_score.md), and\n"
       "`triangle A B C --by month --from YYYY-MM --to YYYY-MM` reads it month by month.\n"
       "Verbs: events, explain, triangle --by month.",
       "docs/models/events.md"},
  };
  return topics;
}

std::optional<HelpTopic> find_help_topic(std::string_view name) {
  for (const auto& t : help_topics())
    if (t.name == name) return t;
  return std::nullopt;
}

std::string help_text(const HelpTopic& topic, const std::string& installed_docs) {
  std::string text = fmt::format("{}\n\n{}\n\nThe model in full: {}", topic.name, topic.summary, topic.doc);
  if (!installed_docs.empty()) {
    // docs/models/stance.md is installed as <docdir>/models/stance.md.
    const std::string_view relative = topic.doc.substr(std::string_view("docs/").size());
    text += fmt::format(" (installed as {}/{})", installed_docs, relative);
  }
  return text + "\n";
}

std::string help_index() {
  std::string text = "entente help TOPIC: the models, and where each is documented.\n\nTopics:\n";
  for (const auto& t : help_topics()) text += fmt::format("  {:<10} {}\n", t.name, t.doc);
  return text + "\nFor a command's options: entente COMMAND --help.\n";
}

}  // namespace entente::cli
