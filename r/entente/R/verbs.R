# The command line's verbs. Each passes its arguments under the CLI's option names (`--min-weight`
# is min_weight) to the C++ session; an argument left NULL takes the CLI's default, which the
# library keeps in one place, so no default is written twice.

#' What the world holds
#'
#' As `entente info --format json`: the datasets, their years and source files.
#' @param world An [entente_world()].
#' @return A data.frame of the datasets (one row each), with the store's counts, evidence scope
#'   and event layers in `attr(x, "meta")`.
#' @export
info <- function(world) call_verb(world, "info")

#' The references to cite for the world's datasets
#'
#' As `entente cite --format json`.
#' @inheritParams info
#' @return A data.frame, one row per reference (`datasets`, `title`, `version`, `citation`,
#'   `bibtex`).
#' @export
cite <- function(world) call_verb(world, "cite")

#' The states of the system
#'
#' As `entente actors --format json`.
#' @inheritParams info
#' @param year Only the states in the system that year (`NULL`: every state ever).
#' @return A data.frame, one row per state (`ccode`, `abbrev`, `iso3`, `iso_numeric`, `name`,
#'   `spells`).
#' @export
actors <- function(world, year = NULL) call_verb(world, "actors", year = year)

#' What two states promised each other, year by year
#'
#' As `entente dyad A B --format json`: treaty obligations both ways, the treaties behind them,
#' capabilities and the other evidence of each year.
#' @inheritParams info
#' @param a,b States: COW code, COW abbreviation, ISO3 code or name, as on the command line.
#' @param from,to First and last year (`NULL`: the years both are states and the world has
#'   evidence).
#' @return A data.frame, one row per year, with the pair and sources in `attr(x, "meta")`.
#' @export
dyad <- function(world, a, b, from = NULL, to = NULL) call_verb(world, "dyad", a = a, b = b, from = from, to = to)

#' The stance relations of a year
#'
#' As `entente relations --format json`: each pair's relation (alliance, entente, aligned,
#' neutral, rival, hostile), weight and the rule that decided it.
#' @inheritParams info
#' @param year The year (`NULL`: the CLI's default, 2012).
#' @param actors Only the relationships among these states (a character vector; empty: all).
#' @param profile The stance profile: `"default"`, `"v1"`, `"v2"`, `"events"` or a TOML file
#'   (`NULL`: the default profile).
#' @return A data.frame, one row per pair.
#' @export
relations <- function(world, year = NULL, actors = character(), profile = NULL)
  call_verb(world, "relations", year = year, actors = as.character(actors), profile = profile)

#' A strategic triangle, one year or year by year
#'
#' As `entente triangle A B C --format json`: Dittmer's type of the triangle and each state's
#' role, with the three ties, for one year or each year from `from` to `to`.
#' @inheritParams dyad
#' @param c The third state.
#' @param from,to A timeline from `from` to `to` (either may be given alone, as on the command
#'   line).
#' @param year One year instead of a timeline (`NULL` and no `from`/`to`: 2012).
#' @param profile As in [relations()].
#' @return A data.frame, one row per year: `year`, `type`, and the nested data.frames `roles`
#'   (`roles$USA$role`, `roles$USA$rank`, ...) and `ties` (`ties$"USA-CHN"$relation`, ...), as in
#'   the JSON; the actors and the years the type changed are in `attr(x, "meta")`.
#'   `jsonlite::flatten()` turns the nested columns into flat ones (`roles.USA.role`).
#' @examples
#' w <- entente_world()
#' t <- triangle(w, "USA", "CHN", "RUS", 1950, 2012)
#' table(t$type)
#' @export
triangle <- function(world, a, b, c, from = NULL, to = NULL, year = NULL, profile = NULL)
  call_verb(world, "triangle", a = a, b = b, c = c, from = from, to = to, year = year, profile = profile)

#' Why two states stand as they do in a year
#'
#' As `entente explain A B --format json`: the evidence, the rule that fired and the relation.
#' @inheritParams dyad
#' @param year The year (`NULL`: 2012, as the CLI).
#' @param profile As in [relations()].
#' @return A list, as jsonlite reads the JSON.
#' @export
explain <- function(world, a, b, year = NULL, profile = NULL)
  call_verb(world, "explain", a = a, b = b, year = year, profile = profile)

#' Who holds the balance: pivots and flexible partners
#'
#' As `entente balancer --format json`.
#' @inheritParams relations
#' @param top Only the first `top` states (`NULL`: all).
#' @return A data.frame, one row per state.
#' @export
balancer <- function(world, year = NULL, top = NULL, profile = NULL)
  call_verb(world, "balancer", year = year, top = top, profile = profile)

#' Structural balance of a year's stance graph
#'
#' As `entente balance --year Y --format json`: triads, walk balance, the exact frustration index
#' (with its proof, a lower bound equal to it, or the gap under a time limit) and the two sides.
#' @inheritParams relations
#' @param window A window of that many years from `year` (`NULL`: the year alone).
#' @param min_weight Ties weaker than this are left out (`NULL`: the CLI's default).
#' @param time_limit Seconds for the exact frustration index (`NULL`: the CLI's default).
#' @param method `"auto"`, `"exact"` or `"bounds"` (`NULL`: auto).
#' @return A data.frame, one row per graph (the year's, or the window's) with its summary
#'   figures, and the whole answer for each graph (the two sides, the edges left out, the
#'   search) in `attr(x, "meta")$graphs`.
#' @export
balance <- function(world, year = NULL, window = NULL, min_weight = NULL, time_limit = NULL, method = NULL,
                    profile = NULL)
  call_verb(world, "balance", year = year, window = if (!is.null(window)) as.character(window),
            min_weight = min_weight, time_limit = time_limit, method = method, profile = profile)

#' Blocs year by year, and who switched sides
#'
#' As `entente blocs --format json`: Doreian and Mrvar's partition of each year's stance graph.
#' @inheritParams balance
#' @param from,to First and last year (`NULL`: the CLI's defaults).
#' @param window Windows of that many years, one starting each year.
#' @param k Number of blocs.
#' @param alpha Weight of negative ties inside blocs against positive ties between them.
#' @param restarts Random starts of the search.
#' @param seed Seed of the random starts.
#' @return A data.frame, one row per year or window (`period`, `criterion`, `optimal`, bloc
#'   sizes, `switched`), with the blocs' members in `attr(x, "meta")$periods`.
#' @export
blocs <- function(world, from = NULL, to = NULL, window = NULL, k = NULL, alpha = NULL, restarts = NULL, seed = NULL,
                  time_limit = NULL, min_weight = NULL, profile = NULL)
  call_verb(world, "blocs", from = from, to = to, window = if (!is.null(window)) as.character(window), k = k,
            alpha = alpha, restarts = restarts, seed = seed, time_limit = time_limit, min_weight = min_weight,
            profile = profile)

#' Landscape theory: the alignments states would settle into
#'
#' As `entente landscape --year Y --actors ... --format json`: Axelrod and Bennett's energy over
#' two-bloc configurations, every local minimum and its basin.
#' @inheritParams relations
#' @param actors The states (a character vector).
#' @param method `"exact"` or `"heuristic"` (`NULL`: exact).
#' @param threads Worker threads (`NULL`: all cores; the result does not depend on it).
#' @param seed Seed of the heuristic's random starts.
#' @param starts The heuristic's random starts.
#' @return A data.frame of the minima, with the rest of the answer in `attr(x, "meta")`.
#' @export
landscape <- function(world, year = NULL, actors, method = NULL, threads = NULL, seed = NULL, starts = NULL,
                      profile = NULL)
  call_verb(world, "landscape", year = year, actors = as.character(actors), method = method, threads = threads,
            seed = seed, starts = starts, profile = profile)

#' Dyad-years with evidence layers merged in
#'
#' As `entente dyads --format json`: one row per dyad and year, with a column per variable of
#' each layer. Missing is `NA`, never 0; the datasets the world lacks are in
#' `attr(x, "meta")$missing_datasets`.
#' @inheritParams info
#' @param from,to First and last year (`NULL`: the CLI's defaults).
#' @param layers Layers, as `--with` on the command line: any of `"alliances"`, `"atop"`,
#'   `"capabilities"`, `"contiguity"`, `"disputes"`, `"rivalries"`, `"trade"`, `"votes"`,
#'   `"democracy"`, `"majors"`, `"similarity"`, `"dca"`, `"igos"`, `"idealpoints"`.
#' @param actors Only dyads among these states (empty: all).
#' @param directed Directed dyads: (a, b) and (b, a).
#' @param relevant Only politically relevant dyads.
#' @param universe `"simultaneous"` or `"any"` (`NULL`: simultaneous).
#' @param contiguity `"closest"` or `"january"` (`NULL`: closest).
#' @param threads Worker threads (`NULL`: all cores).
#' @return A data.frame, one row per dyad-year: `ccode1`, `ccode2`, `year` and the layers'
#'   columns (`docs/dyads.md` lists them).
#' @examples
#' w <- entente_world()
#' d <- dyads(w, 2000, 2012, layers = c("atop", "disputes"), actors = c("USA", "CHN", "RUS"))
#' head(d)
#' @export
dyads <- function(world, from = NULL, to = NULL, layers = character(), actors = character(), directed = NULL,
                  relevant = NULL, universe = NULL, contiguity = NULL, threads = NULL)
  call_verb(world, "dyads", from = from, to = to, with = as.character(layers), actors = as.character(actors),
            directed = directed, relevant = relevant, universe = universe, contiguity = contiguity,
            threads = threads)

#' State-years with evidence layers merged in
#'
#' As `entente states --format json`.
#' @inheritParams dyads
#' @param layers Layers, as `--with`: any of `"capabilities"`, `"democracy"`, `"majors"`,
#'   `"trade"`, `"idealpoints"`.
#' @param actors Only these states (empty: all).
#' @return A data.frame, one row per state and year.
#' @export
states <- function(world, from = NULL, to = NULL, layers = character(), actors = character(), universe = NULL)
  call_verb(world, "states", from = from, to = to, with = as.character(layers), actors = as.character(actors),
            universe = universe)

#' A counterfactual scenario, before and after
#'
#' As `entente scenario FILE --format json`: every model re-run before and after the file's
#' shocks, what changed, and the dynamics and ensemble the file asks for. The scenario's store is
#' the world's when it was opened on one, else the file's `[base]` store, else the bundled world.
#' @inheritParams info
#' @param path The scenario (TOML; `docs/scenarios.md` in the repository describes it).
#' @param members,runs Ensemble members and dynamics runs (`NULL`: the file's).
#' @param seed Seed of the ensemble and the dynamics (`NULL`: the file's).
#' @param threads Worker threads (`NULL`: all cores; the result does not depend on it).
#' @param profile As in [relations()].
#' @return A data.frame of what changed, most important first (`rank`, `tier`, `kind`,
#'   `change`), with the rest of the answer (shocks, `before`, `after`, dynamics, ensemble) in
#'   `attr(x, "meta")`.
#' @export
scenario <- function(world, path, members = NULL, seed = NULL, runs = NULL, threads = NULL, profile = NULL)
  call_verb(world, "scenario", path = path.expand(path), members = members, seed = seed, runs = runs,
            threads = threads, profile = profile)

#' A bargaining forecast (expected-utility model)
#'
#' As `entente bargain FILE --format json`: the rounds of challenges, compromises and
#' capitulations, and the forecast. The world is not read; it is taken for uniformity.
#' @inheritParams scenario
#' @param path The actors: CSV (name, capability, position, salience) or TOML.
#' @param variant A named variant, optionally with KEY=VALUE overrides (`NULL`: default).
#' @param rounds The round limit.
#' @param tolerance Converged when no move exceeds tolerance times the range.
#' @param members Ensemble members (`NULL`: no ensemble).
#' @param seed Seed of the ensemble.
#' @return A data.frame of the rounds, with the input, rounds' details and forecast in
#'   `attr(x, "meta")`.
#' @export
bargain <- function(world, path, variant = NULL, rounds = NULL, tolerance = NULL, members = NULL, seed = NULL,
                    threads = NULL)
  call_verb(world, "bargain", path = path.expand(path), variant = variant, rounds = rounds, tolerance = tolerance,
            members = members, seed = seed, threads = threads)
