#' entente: relations among states, from R
#'
#' The verbs of the entente command line as R functions. Open a world with [entente_world()],
#' then ask it questions: [triangle()], [dyads()], [relations()], [balance()], [landscape()],
#' [scenario()], ... Each verb returns exactly what `entente VERB --format json` prints for the
#' same query, read by jsonlite: a data.frame when the answer has rows (one row per JSON row,
#' columns named as the JSON fields; the answer's other fields in `attr(x, "meta")`), a list
#' otherwise. Missing values are `NA`, never 0.
#'
#' @useDynLib entente, .registration = TRUE
#' @importFrom Rcpp evalCpp
#' @keywords internal
"_PACKAGE"

#' Open a world: the bundled default world or a store
#'
#' @param db Path of a store written by `entente import` (opened read-only), or `NULL` for the
#'   bundled default world: the COW state system and, from 1946, the evidence on the 28 states of
#'   the 2012 essay and the great powers.
#' @return An `entente_world`: an external pointer to the open world, to pass to every verb. It
#'   lives in this R session only (a world saved with `saveRDS` cannot be used again; open it
#'   anew).
#' @examples
#' w <- entente_world()
#' info(w)$source
#' @export
entente_world <- function(db = NULL) {
  if (!is.null(db)) {
    stopifnot(is.character(db), length(db) == 1)
    db <- path.expand(db)
  }
  world <- .entente_open(db)
  attr(world, "db") <- db
  class(world) <- "entente_world"
  world
}

#' @export
print.entente_world <- function(x, ...) {
  db <- attr(x, "db")
  cat("<entente_world:", if (is.null(db)) "the bundled default world" else db, ">\n")
  invisible(x)
}

# Runs a verb of the C++ session with the options the caller gave (NULLs left out, so the
# library's defaults, which are the CLI's, apply) and reads its JSON.
call_verb <- function(world, verb, ...) {
  if (!inherits(world, "entente_world"))
    stop("expected an entente_world from entente_world(), got ", class(world)[1], call. = FALSE)
  options <- Filter(Negate(is.null), list(...))
  read_answer(.entente_call(world, verb, options))
}

# The one conversion from JSON to R, by jsonlite: an object with a `rows` array becomes a
# data.frame of those rows, with the object's other fields kept as attr(x, "meta"); anything
# else stays the list jsonlite reads.
read_answer <- function(text) {
  answer <- jsonlite::fromJSON(text)
  if (!is.list(answer) || is.data.frame(answer) || is.null(names(answer)) || !("rows" %in% names(answer)))
    return(answer)
  rows <- answer$rows
  if (!is.data.frame(rows)) {
    if (length(rows) != 0) return(answer)  # rows that are not objects: keep the list as read
    rows <- data.frame()
  }
  attr(rows, "meta") <- answer[names(answer) != "rows"]
  rows
}
