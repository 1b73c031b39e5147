# Writes the generated parts of the R package into its copy in the build tree (the one argument):
# roxygen2's NAMESPACE and help pages from the #' comments in R/, then Rcpp's registration of the
# C++ functions (R/RcppExports.R, src/RcppExports.cpp), which reads the NAMESPACE's useDynLib. Run by r/CMakeLists.txt before
# `R CMD INSTALL`; the R code is sourced, not loaded, so nothing needs compiling first.
args <- commandArgs(trailingOnly = TRUE)
stopifnot(length(args) == 1)
roxygen2::roxygenise(args[1], roclets = c("namespace", "rd"), load_code = "source")
Rcpp::compileAttributes(args[1])
