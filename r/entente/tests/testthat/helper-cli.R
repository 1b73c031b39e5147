# Runs the command line built with this package (ctest passes its path in ENTENTE_CLI) and keeps
# its exit status, standard output and standard error apart.
run_cli <- function(...) {
  program <- Sys.getenv("ENTENTE_CLI")
  if (!nzchar(program) || !file.exists(program))
    testthat::skip("SKIPPED: ENTENTE_CLI does not name the built entente program (ctest sets it)")
  out <- tempfile()
  err <- tempfile()
  on.exit(unlink(c(out, err)))
  # ENTENTE_DB would stand in for a missing --db: the comparisons are on the bundled world unless
  # they say otherwise.
  status <- withr_unset_db(system2(program, c(...), stdout = out, stderr = err))
  list(status = status, stdout = paste(readLines(out, warn = FALSE), collapse = "\n"),
       stderr = paste(readLines(err, warn = FALSE), collapse = "\n"))
}

withr_unset_db <- function(expr) {
  old <- Sys.getenv("ENTENTE_DB", unset = NA)
  Sys.unsetenv("ENTENTE_DB")
  on.exit(if (!is.na(old)) Sys.setenv(ENTENTE_DB = old))
  expr
}

# The JSON the CLI prints for a query (`--format json` added), failing the test if it fails.
cli_json <- function(...) {
  result <- run_cli(..., "--format", "json")
  if (result$status != 0) testthat::fail(paste("entente", paste(c(...), collapse = " "), "failed:", result$stderr))
  result$stdout
}

# Where a data.frame of the R verbs differs from the rows of the CLI's JSON, read without any
# simplification (each row a list of its fields, null as NULL): a description per mismatch, none
# when the two agree field for field. Nested objects (a triangle's roles and ties) are nested
# data.frames in R and are compared field by field too; arrays inside a row are list columns.
row_mismatches <- function(frame, rows) {
  if (!is.data.frame(frame)) return("the R result is not a data.frame")
  if (nrow(frame) != length(rows))
    return(sprintf("%d rows in R, %d in the CLI's JSON", nrow(frame), length(rows)))
  column_mismatches(frame, rows, "")
}

column_mismatches <- function(column, values, path) {
  if (is.data.frame(column)) {
    fields <- unique(unlist(lapply(values, names)))
    extra <- setdiff(names(column), fields)
    missing <- setdiff(fields, names(column))
    found <- c(if (length(extra)) paste0(path, "$", extra, ": a column R has and the JSON lacks"),
               if (length(missing)) paste0(path, "$", missing, ": a field the JSON has and R lacks"))
    for (field in intersect(fields, names(column)))
      found <- c(found, column_mismatches(column[[field]], lapply(values, function(v) v[[field]]),
                                          paste0(path, "$", field)))
    return(found)
  }
  if (is.atomic(column) && all(vapply(values, function(v) is.null(v) || (is.atomic(v) && length(v) == 1), TRUE))) {
    # Scalars, the common case, compared a column at a time: null is NA, and a value is never NA.
    expected <- unlist(lapply(values, function(v) if (is.null(v)) NA else v))
    kind <- function(x) if (is.numeric(x)) "number" else typeof(x)
    if (!all(is.na(expected)) && kind(column) != kind(expected))
      return(sprintf("%s: R has a column of %s, the CLI %s", path, kind(column), kind(expected)))
    same <- ifelse(is.na(expected), is.na(column), !is.na(column) & column == expected)
  } else {
    same <- mapply(same_value, if (is.list(column)) column else as.list(column), values)
  }
  bad <- which(!same)
  if (length(bad) == 0) return(character())
  cells <- if (is.list(column)) column else as.list(column)
  sprintf("%s, row %d: R has %s, the CLI %s", path, bad,
          vapply(cells[bad], function(x) paste(deparse(x), collapse = ""), ""),
          vapply(values[bad], function(x) paste(deparse(x), collapse = ""), ""))
}

# One cell against one JSON value: null is NA (NULL in a list column); numbers equal exactly (R's column may be double
# where the JSON wrote an integer); arrays and objects element by element, an array of objects
# as the data.frame jsonlite makes of it.
same_value <- function(cell, json) {
  if (is.null(json)) return(is.null(cell) || (length(cell) == 1 && is.atomic(cell) && is.na(cell)))
  if (is.data.frame(cell))  # an array of objects inside a row: a data.frame in the cell
    return(is.list(json) && is.null(names(json)) && nrow(cell) == length(json) &&
           length(column_mismatches(cell, json, "")) == 0)
  if (is.list(json)) {
    if (length(cell) != length(json)) return(FALSE)
    if (!is.null(names(json)) && !identical(names(cell), names(json))) return(FALSE)
    cell <- if (is.list(cell)) cell else as.list(cell)
    return(all(mapply(same_value, cell, json)))
  }
  if (length(cell) != 1 || is.na(cell)) return(FALSE)
  if (is.numeric(json)) return(is.numeric(cell) && cell == json)
  identical(cell, json)
}

# The R verb's answer against the CLI's JSON: the rows field for field, and the rest of the
# answer (kept in attr(x, "meta")) as jsonlite reads it from the CLI. `timings` names fields that
# measure the run (the solver's seconds), which two runs never share; they are left out of the
# comparison wherever they are.
expect_same_as_cli <- function(frame, cli_text, timings = character()) {
  raw <- jsonlite::fromJSON(cli_text, simplifyVector = FALSE)
  testthat::expect_true(length(raw$rows) > 0, label = "the CLI's answer has rows")
  testthat::expect_equal(row_mismatches(drop_fields(frame, timings), drop_fields(raw$rows, timings)), character())
  cli <- jsonlite::fromJSON(cli_text)
  testthat::expect_identical(drop_fields(attr(frame, "meta"), timings), drop_fields(cli[names(cli) != "rows"], timings))
}

drop_fields <- function(x, names) {
  if (length(names) == 0 || !is.list(x)) return(x)
  keep <- attributes(x)
  if (!is.null(names(x))) x <- x[!(names(x) %in% names)]
  x[] <- lapply(x, drop_fields, names)
  if (is.data.frame(x)) attr(x, "meta") <- keep$meta
  x
}

# ../shared/data beside the repository, or $ENTENTE_SHARED_DATA, as the C++ tests find it; skips
# the test, saying so, when it is absent.
shared_data <- function() {
  data <- Sys.getenv("ENTENTE_SHARED_DATA",
                     file.path(Sys.getenv("ENTENTE_SOURCE_DIR", "."), "..", "shared", "data"))
  if (!dir.exists(data)) testthat::skip("SKIPPED: reference data ../shared/data is absent (set ENTENTE_SHARED_DATA)")
  data
}
