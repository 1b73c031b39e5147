# The R verbs answer what the command line answers for the same query, field for field.

world <- entente_world()

test_that("the US-China-Russia triangle 1950-2012 is the CLI's, field for field", {
  t <- triangle(world, "USA", "CHN", "RUS", 1950, 2012)
  expect_s3_class(t, "data.frame")
  expect_equal(t$year, 1950:2012)
  expect_same_as_cli(t, cli_json("triangle", "USA", "CHN", "RUS", "--from", "1950", "--to", "2012"))
  # The nested columns carry the JSON's names: each state's role, each pair's tie.
  expect_setequal(names(t$roles), c("USA", "CHN", "RUS"))
  expect_setequal(names(t$ties), c("USA-CHN", "USA-RUS", "CHN-RUS"))
})

test_that("dyad-years with layers are the CLI's, field for field", {
  layers <- c("atop", "capabilities", "contiguity", "disputes", "majors", "rivalries")
  d <- dyads(world, 1946, 2012, layers = layers, actors = c("USA", "CHN", "RUS", "IND", "JPN", "PAK"))
  expect_equal(nrow(d), length(unique(paste(d$ccode1, d$ccode2, d$year))))
  expect_same_as_cli(d, cli_json("dyads", "--from", "1946", "--to", "2012", "--with", paste(layers, collapse = ","),
                                 "--actors", "USA,CHN,RUS,IND,JPN,PAK"))
})

test_that("directed dyad-years of every state in one year, with missing evidence, are the CLI's", {
  # Most of the 2012 system lies outside the bundled world's evidence: their cells are null in
  # the JSON and must be NA in R, never 0.
  d <- dyads(world, 2012, 2012, layers = c("atop", "disputes", "trade"), directed = TRUE)
  expect_true(anyNA(d$mid_onset))
  expect_same_as_cli(d, cli_json("dyads", "--from", "2012", "--to", "2012", "--with", "atop,disputes,trade",
                                 "--directed"))
})

test_that("the other verbs with rows are the CLI's, field for field", {
  expect_same_as_cli(relations(world, 2012, actors = c("USA", "RUS", "CHN", "IND")),
                     cli_json("relations", "--year", "2012", "--actors", "USA,RUS,CHN,IND"))
  expect_same_as_cli(balancer(world, 1990, top = 5), cli_json("balancer", "--year", "1990", "--top", "5"))
  expect_same_as_cli(landscape(world, 2012, actors = c("USA", "RUS", "CHN", "IND", "JPN")),
                     cli_json("landscape", "--year", "2012", "--actors", "USA,RUS,CHN,IND,JPN"))
  expect_same_as_cli(dyad(world, "RUS", "CHN", 2001, 2012), cli_json("dyad", "RUS", "CHN", "--from", "2001", "--to", "2012"))
  expect_same_as_cli(states(world, 2000, 2012, layers = c("capabilities", "majors"), actors = c("USA", "CHN")),
                     cli_json("states", "--from", "2000", "--to", "2012", "--with", "capabilities,majors",
                              "--actors", "USA,CHN"))
  expect_same_as_cli(actors(world, 1950), cli_json("actors", "--year", "1950"))
  expect_same_as_cli(balance(world, 2012), cli_json("balance", "--year", "2012"), timings = "seconds")
  expect_same_as_cli(blocs(world, 2010, 2012), cli_json("blocs", "--from", "2010", "--to", "2012"))
})

test_that("a scenario and a bargaining forecast are the CLI's, field for field", {
  examples <- file.path(Sys.getenv("ENTENTE_SOURCE_DIR", "."), "examples")
  if (!dir.exists(examples)) skip(paste("SKIPPED: no examples at", examples, "(ctest sets ENTENTE_SOURCE_DIR)"))
  file <- file.path(examples, "russia-china-alliance.toml")
  s <- scenario(world, file, members = 50, seed = 3, threads = 1)
  expect_same_as_cli(s, cli_json("scenario", file, "--members", "50", "--seed", "3", "--threads", "1"))
  file <- file.path(examples, "bargain-syria-2012.toml")
  expect_same_as_cli(bargain(world, file, members = 20, seed = 2), cli_json("bargain", file, "--members", "20", "--seed", "2"))
})

test_that("what the world holds and what to cite are the CLI's, field for field", {
  expect_same_as_cli(info(world), cli_json("info"))
  expect_same_as_cli(cite(world), cli_json("cite"))
})

test_that("a verb without rows gives the list jsonlite reads from the CLI's JSON", {
  e <- explain(world, "RUS", "CHN", 1969)
  expect_type(e, "list")
  expect_identical(e, jsonlite::fromJSON(cli_json("explain", "RUS", "CHN", "--year", "1969")))
})

test_that("an unknown state is an R error with the CLI's message", {
  for (name in c("XYZ", "Rusia")) {
    cli <- run_cli("triangle", "USA", "CHN", name, "--from", "1950", "--to", "2012", "--format", "json")
    expect_equal(cli$status, 1L)
    message <- sub("^entente: ", "", cli$stderr)
    expect_match(message, name, fixed = TRUE)
    expect_error(triangle(world, "USA", "CHN", name, 1950, 2012), message, fixed = TRUE)
  }
})

test_that("years outside the data and bad arguments are R errors", {
  cli <- run_cli("relations", "--year", "1700", "--format", "json")
  expect_equal(cli$status, 1L)
  expect_error(relations(world, 1700), sub("^entente: ", "", cli$stderr), fixed = TRUE)
  expect_error(dyads(world, 2000, 2001, threads = -1), "threads: expected a whole number >= 0", fixed = TRUE)
  expect_error(triangle("not a world", "USA", "CHN", "RUS"), "expected an entente_world", fixed = TRUE)
  saved <- tempfile(fileext = ".rds")
  on.exit(unlink(saved))
  saveRDS(world, saved)
  expect_error(info(readRDS(saved)), "open it again with entente_world()", fixed = TRUE)
})

test_that("a world is a store when given one, read as the CLI reads it", {
  data <- shared_data()
  db <- tempfile(fileext = ".db")
  on.exit(unlink(db))
  imported <- run_cli("import", "--db", db, file.path(data, "cow_states", "states2016.csv"))
  expect_equal(imported$status, 0L, info = imported$stderr)
  store <- entente_world(db)
  expect_output(print(store), db, fixed = TRUE)
  expect_same_as_cli(actors(store, 1900), cli_json("actors", "--year", "1900", "--db", db))
  expect_error(entente_world(file.path(tempdir(), "no-such-store.db")))
})
