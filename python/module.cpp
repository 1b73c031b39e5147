// The compiled half of the Python package: api::Session with its methods answering in JSON text,
// which python/entente/__init__.py reads with the standard library's json and turns into pandas
// DataFrames and dicts. Passing text keeps this file free of hand-written converters: the one
// serialisation (nlohmann) writes, Python's json reads, and the values are the CLI's.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include "entente/actor/registry.hpp"
#include "entente/api/session.hpp"

namespace py = pybind11;
using entente::api::Session;

namespace {

std::string text(const entente::Json& result) { return result.dump(); }

}  // namespace

PYBIND11_MODULE(_entente, m) {
  m.doc() = "entente's library: one world and the command line's verbs, answering in the CLI's JSON";
  // An unknown state is a LookupError in Python too (its message is the CLI's, with near matches);
  // any other error of a query is a RuntimeError (std::invalid_argument a ValueError).
  py::register_exception<entente::actor::LookupError>(m, "UnknownStateError", PyExc_LookupError);

  py::class_<Session>(m, "Session")
      .def(py::init<std::optional<std::filesystem::path>>(), py::arg("db") = py::none())
      .def("label", [](const Session& s) { return s.source().label; })
      .def("info", [](const Session& s) { return text(s.info()); })
      .def("cite", [](const Session& s) { return text(s.cite()); })
      .def("actors", [](const Session& s, std::optional<int> year) { return text(s.actors(year)); },
           py::arg("year") = py::none())
      .def("dyad",
           [](const Session& s, const std::string& a, const std::string& b, std::optional<int> from,
              std::optional<int> to) { return text(s.dyad(a, b, from, to)); },
           py::arg("a"), py::arg("b"), py::arg("from_") = py::none(), py::arg("to") = py::none())
      .def("relations",
           [](const Session& s, int year, const std::vector<std::string>& actors,
              const std::optional<std::string>& profile) { return text(s.relations(year, actors, profile)); },
           py::arg("year"), py::arg("actors"), py::arg("profile"))
      .def("triangle",
           [](const Session& s, const std::string& a, const std::string& b, const std::string& c,
              std::optional<int> from, std::optional<int> to, std::optional<int> year,
              const std::optional<std::string>& profile) {
             return text(s.triangle(a, b, c, from, to, year, profile));
           },
           py::arg("a"), py::arg("b"), py::arg("c"), py::arg("from_"), py::arg("to"), py::arg("year"),
           py::arg("profile"))
      .def("explain",
           [](const Session& s, const std::string& a, const std::string& b, int year,
              const std::optional<std::string>& profile) { return text(s.explain(a, b, year, profile)); },
           py::arg("a"), py::arg("b"), py::arg("year"), py::arg("profile"))
      .def("balancer",
           [](const Session& s, int year, std::optional<int> top, const std::optional<std::string>& profile) {
             return text(s.balancer(year, top, profile));
           },
           py::arg("year"), py::arg("top"), py::arg("profile"))
      .def("balance",
           [](const Session& s, int year, const std::optional<std::string>& window, std::optional<double> min_weight,
              double time_limit, const std::string& method, const std::optional<std::string>& profile) {
             // None: the library's default, so that it is written in one place.
             return text(s.balance({year, window, min_weight.value_or(entente::query::kDefaultMinWeight), time_limit,
                                    method, profile}));
           },
           py::arg("year"), py::arg("window"), py::arg("min_weight"), py::arg("time_limit"), py::arg("method"),
           py::arg("profile"))
      .def("blocs",
           [](const Session& s, int from, int to, const std::optional<std::string>& window, int k, double alpha,
              int restarts, std::uint64_t seed, std::optional<double> time_limit, std::optional<double> min_weight,
              const std::optional<std::string>& profile) {
             return text(s.blocs({from, to, window, k, alpha, restarts, seed, time_limit,
                                  min_weight.value_or(entente::query::kDefaultMinWeight), profile}));
           },
           py::arg("from_"), py::arg("to"), py::arg("window"), py::arg("k"), py::arg("alpha"), py::arg("restarts"),
           py::arg("seed"), py::arg("time_limit"), py::arg("min_weight"), py::arg("profile"))
      .def("landscape",
           [](const Session& s, int year, const std::vector<std::string>& actors, const std::string& method,
              unsigned threads, std::uint64_t seed, std::uint64_t starts, const std::optional<std::string>& profile) {
             return text(s.landscape({year, actors, method, threads, seed, starts, profile}));
           },
           py::arg("year"), py::arg("actors"), py::arg("method"), py::arg("threads"), py::arg("seed"),
           py::arg("starts"), py::arg("profile"))
      .def("dyads",
           [](const Session& s, int from, int to, bool directed, bool relevant, const std::vector<std::string>& actors,
              const std::vector<std::string>& with, const std::string& universe, const std::string& contiguity,
              unsigned threads) {
             return s.dyads_text({from, to, directed, relevant, actors, with, universe, contiguity, threads});
           },
           py::arg("from_"), py::arg("to"), py::arg("directed"), py::arg("relevant"), py::arg("actors"),
           py::arg("with_"), py::arg("universe"), py::arg("contiguity"), py::arg("threads"))
      .def("states",
           [](const Session& s, int from, int to, const std::vector<std::string>& actors,
              const std::vector<std::string>& with, const std::string& universe) {
             return s.states_text({from, to, actors, with, universe});
           },
           py::arg("from_"), py::arg("to"), py::arg("actors"), py::arg("with_"), py::arg("universe"))
      .def("idealpoints",
           [](const Session& s, std::optional<int> from, std::optional<int> to, const std::vector<std::string>& actors) {
             return text(s.idealpoints(from, to, actors));
           },
           py::arg("from_"), py::arg("to"), py::arg("actors"))
      .def("scenario",
           [](const Session& s, const std::filesystem::path& file, std::optional<std::uint64_t> members,
              std::optional<std::uint64_t> seed, std::optional<std::uint64_t> runs, unsigned threads,
              const std::optional<std::string>& profile) {
             return text(s.scenario(file, {members, seed, runs, threads, profile}));
           },
           py::arg("file"), py::arg("members"), py::arg("seed"), py::arg("runs"), py::arg("threads"),
           py::arg("profile"))
      .def("bargain",
           [](const Session& s, const std::filesystem::path& file, const std::string& variant, int rounds,
              std::optional<double> tolerance, std::uint64_t members, std::uint64_t seed, unsigned threads) {
             entente::query::BargainRequest request;
             request.variant = variant;
             request.rounds = rounds;
             if (tolerance) request.tolerance = *tolerance;
             request.members = members;
             request.seed = seed;
             request.threads = threads;
             return text(s.bargain(file, request));
           },
           py::arg("file"), py::arg("variant"), py::arg("rounds"), py::arg("tolerance"), py::arg("members"),
           py::arg("seed"), py::arg("threads"));
}
