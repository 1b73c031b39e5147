# Runs the R code blocks of a Markdown file (```r ... ```) in order, in one session, as a reader
# pasting them would, echoing each block; stops at the first error, so a vignette whose code no
# longer runs fails its test. Usage: Rscript r/run-markdown.R docs/vignettes/NAME-r.md
args <- commandArgs(trailingOnly = TRUE)
stopifnot(length(args) == 1)
lines <- readLines(args[1], encoding = "UTF-8")
opening <- grep("^```\\{?[rR]\\}?\\s*$", lines)
if (length(opening) == 0) stop(args[1], ": no ```r blocks to run")
fences <- grep("^```\\s*$", lines)
for (start in opening) {
  end <- fences[fences > start][1]
  if (is.na(end)) stop(args[1], ":", start, ": the block is not closed")
  code <- lines[seq_len(end - start - 1) + start]
  cat(sprintf("## %s:%d\n", args[1], start))
  exprs <- parse(text = code, keep.source = TRUE)
  # withAutoprint prints each value as the console would, and the error names the failing line.
  withAutoprint(exprs, evaluated = TRUE, local = globalenv(), echo = TRUE, max.deparse.length = Inf)
}
cat(sprintf("%s: %d blocks ran\n", args[1], length(opening)))
