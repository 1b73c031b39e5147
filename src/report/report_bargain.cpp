// The report's bargaining sections: one issue of `--bargain FILE` each, run by query::bargain (the
// result the `bargain` verb prints, so the report and the verb cannot disagree), with its actors,
// its rounds and its forecast as tables, and a few sentences read off that one result.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <stdexcept>

#include "entente/io/file.hpp"
#include "entente/query/bargain.hpp"
#include "entente/report/report_data.hpp"

#include "report_text.hpp"

namespace entente::report {

namespace {

// A number in a sentence: four significant digits, as the `bargain` verb's forecast line.
std::string num(double v) { return fmt::format("{:.4g}", v); }

double number(const Json& v) { return v.get<double>(); }

// "3.2 above" / "3.2 below" / "at": where `value` lies against `reference`, within `same` of it
// counting as at it (a difference the stopping rule would not see as a move).
std::string against(double value, double reference, double same) {
  const double d = value - reference;
  if (std::fabs(d) <= same) return "";
  return fmt::format("{} {}", num(std::fabs(d)), d > 0 ? "above" : "below");
}

// The actors who moved most (at most three), from the starting to the final positions of the
// result; a move of `same` or less is no move.
struct Move {
  std::string name;
  double from = 0, to = 0;
};
std::vector<Move> largest_moves(const Json& r, double same, std::vector<std::string>& unmoved) {
  std::vector<Move> moves;
  unmoved.clear();
  const auto& start = r.at("actors");
  const auto& end = r.at("forecast").at("positions");
  for (std::size_t k = 0; k < start.size(); ++k) {
    const double from = number(start.at(k).at("position")), to = number(end.at(k).at("position"));
    if (std::fabs(to - from) <= same) {
      unmoved.push_back(start.at(k).at("name").get<std::string>());
      continue;
    }
    moves.push_back({start.at(k).at("name").get<std::string>(), from, to});
  }
  // Largest first; equal moves in the file's order, so the text never depends on the sort.
  std::stable_sort(moves.begin(), moves.end(),
                   [](const Move& a, const Move& b) { return std::fabs(a.to - a.from) > std::fabs(b.to - b.from); });
  if (moves.size() > 3) moves.resize(3);
  return moves;
}

// The sentences of a run with rounds: how the rounds ended, the forecast against the starting
// median voter and weighted mean, and who moved most.
std::string run_text(const Json& r, const std::string& file, double same, std::string& summary) {
  const auto& rows = r.at("rows");
  const auto& first = rows.at(0);
  const double m0 = number(first.at("median")), w0 = number(first.at("mean"));
  const double f = number(r.at("forecast").at("median")), fm = number(r.at("forecast").at("mean"));
  const std::string variant = r.at("variant").at("name").get<std::string>();
  const bool converged = r.at("stopped") == "converged";
  const std::string rounds = count_of(static_cast<long long>(rows.size()), "round", "rounds");
  double lo = number(r.at("actors").at(0).at("position")), hi = lo;
  for (const auto& a : r.at("actors")) {
    lo = std::min(lo, number(a.at("position")));
    hi = std::max(hi, number(a.at("position")));
  }

  std::string text = fmt::format("{} actors start at positions from {} to {} on this issue ({}). ",
                                 r.at("actors").size(), num(lo), num(hi), file);
  text += converged ? fmt::format("Under the expected-utility model's {} variant the rounds converged after {} (in the "
                                  "last no actor moved more than {}, {} of the issue's range). ",
                                  variant, rounds, num(same), num(r.at("options").at("tolerance").get<double>()))
                    : fmt::format("Under the expected-utility model's {} variant the rounds stopped at the limit of {} "
                                  "without converging (an actor still moved {} in the last). ",
                                  variant, rounds, num(number(rows.back().at("largest_move"))));
  const std::string to_median = against(f, m0, same), to_mean = against(f, w0, same);
  std::string where = to_median.empty() ? "stays at the starting median voter and "
                                        : "lies " + to_median + " the starting median voter and ";
  if (to_mean.empty()) where += "equals the starting weighted mean";
  else where += (to_median.empty() ? "lies " : "") + to_mean + " the starting weighted mean";
  text += fmt::format(
      "The forecast is {} (the median voter of the final positions; their weighted mean is {}). Before round 1 the "
      "median voter was {} and the weighted mean {}: the forecast {}. ",
      num(f), num(fm), num(m0), num(w0), where);
  std::vector<std::string> unmoved;
  const auto moves = largest_moves(r, same, unmoved);
  if (moves.empty()) {
    text += "No actor moved. ";
  } else {
    std::vector<std::string> others;
    for (std::size_t k = 1; k < moves.size(); ++k)
      others.push_back(fmt::format("{} ({} to {})", moves[k].name, num(moves[k].from), num(moves[k].to)));
    text += fmt::format("{} moved most, from {} to {}", moves[0].name, num(moves[0].from), num(moves[0].to));
    if (!others.empty()) text += ", then " + join_and(others);
    // The few who held their ground are named (often the pivot the others moved to).
    if (unmoved.empty()) text += "; every actor moved. ";
    else if (unmoved.size() <= 3) text += fmt::format("; {} did not move. ", join_and(unmoved));
    else text += fmt::format("; {} of the {} actors did not move. ", unmoved.size(), r.at("actors").size());
  }
  text += "The model, its variants and how far a forecast depends on them: docs/models/bargain.md.";

  summary = fmt::format("Bargaining on \"{}\": the expected-utility model ({} variant) forecasts {} {}, from a "
                        "starting median voter of {} and weighted mean of {}.",
                        r.at("title").get<std::string>(), variant, num(f),
                        converged ? "after " + rounds : "when it stops at the limit of " + rounds, num(m0), num(w0));
  return text;
}

}  // namespace

BargainIssue read_bargain_issue(const std::string& path) {
  try {
    return {std::filesystem::path(path).filename().string(), bargain::read_issue(path, io::read_whole_file(path))};
  } catch (const std::exception& e) {
    throw std::invalid_argument(fmt::format("--bargain {}: {}", path, e.what()));
  }
}

Section bargaining_section(const BargainIssue& input, const query::BargainRequest& asked, int number) {
  auto request = asked;
  request.details = false;  // the section shows rounds and positions, not each round's offers
  request.members = 0;      // nor an ensemble
  const Json r = query::bargain(input.issue, request);
  const std::string id = number == 1 ? "bargaining" : fmt::format("bargaining-{}", number);
  // A move within the stopping rule's tolerance is no move (the rule's own threshold).
  const double same = r.at("options").at("tolerance").get<double>() * r.at("range").get<double>();

  Json tables = Json::array();
  std::string text, summary;
  if (r.at("rows").empty()) {
    // Every actor at one position: the model has no round to run (bargain::run).
    const std::string at = num(r.at("forecast").at("median").get<double>());
    text = fmt::format("All {} actors start at {} ({}): there is nothing to bargain over, and the forecast is {}.",
                       r.at("actors").size(), at, input.file, at);
    summary = fmt::format("Bargaining on \"{}\": every actor starts at {}, so the forecast is {}.",
                          r.at("title").get<std::string>(), at, at);
  } else {
    text = run_text(r, input.file, same, summary);
    Json actor_rows = Json::array(), round_rows = Json::array();
    const auto& finals = r.at("forecast").at("positions");
    for (std::size_t k = 0; k < r.at("actors").size(); ++k) {
      const auto& a = r.at("actors").at(k);
      actor_rows.push_back({a.at("name"), a.at("position"), a.at("capability"), a.at("salience"),
                            finals.at(k).at("position")});
    }
    for (const auto& row : r.at("rows"))
      round_rows.push_back({row.at("round"), row.at("median"), row.at("mean"), row.at("largest_move"), row.at("moved"),
                            row.at("conflict"), row.at("compromise"), row.at("capitulation")});
    tables.push_back(make_table(id + "-actors",
                                "The actors: starting position, capability, salience (0-1) and final position",
                                {"name", "position", "capability", "salience", "final_position"},
                                std::move(actor_rows)));
    tables.push_back(make_table(id + "-rounds",
                                "Each round: median voter and weighted mean of the positions it starts from, the "
                                "largest move, and how many actors moved, by the kind of offer they accepted",
                                {"round", "median", "mean", "largest_move", "moved", "conflict", "compromise",
                                 "capitulation"},
                                std::move(round_rows)));
  }
  Section s;
  // The section's title is the issue's title, so the key keeps its one meaning (the scenario
  // section does the same with its question).
  s.json = {{"id", id},
            {"title", r.at("title")},
            {"text", text},
            {"tables", std::move(tables)},
            {"file", input.file},
            {"salience_scale", r.at("salience_scale")},
            {"actors", r.at("actors")},
            {"variant", r.at("variant")},
            {"options", r.at("options")},
            {"range", r.at("range")},
            {"stopping_rule", r.at("stopping_rule")},
            {"stopped", r.at("stopped")},
            {"rows", r.at("rows")},
            {"forecast", r.at("forecast")}};
  s.summary = {summary};
  return s;
}

}  // namespace entente::report
