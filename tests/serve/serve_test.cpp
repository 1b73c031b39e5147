// `entente serve`: every API route answers with the CLI's JSON for the same query, bad requests
// are refused with a 4xx and the CLI's message, and a few real requests over loopback.
#include <gtest/gtest.h>
#include <httplib.h>

#include <fstream>
#include <future>
#include <sstream>
#include <thread>

#include "entente/core/json.hpp"
#include "entente/serve/api.hpp"
#include "entente/serve/server.hpp"
#include "test_support.hpp"

namespace {

using entente::Json;
using entente::serve::Api;
using entente::serve::Request;
using entente::testing::run_cli;

// One Api over the bundled default world, which the CLI reads when given no --db.
Api& api() {
  static Api instance(entente::world::open_default_world());
  return instance;
}

entente::serve::Response get(const std::string& target) { return api().handle({"GET", target, "", ""}); }

// The wall-clock seconds a search took differ from run to run; nothing else may.
Json without_seconds(Json j) {
  if (j.is_object()) {
    j.erase("seconds");
    for (auto& [key, value] : j.items()) value = without_seconds(value);
  } else if (j.is_array()) {
    for (auto& value : j) value = without_seconds(value);
  }
  return j;
}

void expect_same_as_cli(const std::string& target, std::vector<std::string> args) {
  const auto response = get(target);
  ASSERT_EQ(response.status, 200) << target << ": " << response.body;
  EXPECT_EQ(response.content_type, "application/json");
  args.insert(args.end(), {"--format", "json"});
  const auto cli = run_cli(args);
  ASSERT_EQ(cli.exit_code, 0) << cli.err;
  EXPECT_EQ(without_seconds(Json::parse(response.body)), without_seconds(Json::parse(cli.out))) << target;
}

TEST(ServeApi, EveryRouteAnswersWithTheCliJson) {
  expect_same_as_cli("/api/relations?year=1990&actors=USA,RUS,CHN,IND", {"relations", "--year", "1990", "--actors", "USA,RUS,CHN,IND"});
  expect_same_as_cli("/api/triangle?a=USA&b=RUS&c=CHN&from=1970&to=1980",
                     {"triangle", "USA", "RUS", "CHN", "--from", "1970", "--to", "1980"});
  expect_same_as_cli("/api/triangle?a=USA&b=RUS&c=CHN&year=2001&profile=v1",
                     {"triangle", "USA", "RUS", "CHN", "--year", "2001", "--profile", "v1"});
  expect_same_as_cli("/api/dyad?a=IND&b=PAK&from=1990&to=1995", {"dyad", "IND", "PAK", "--from", "1990", "--to", "1995"});
  expect_same_as_cli("/api/explain?a=USA&b=UKG&year=1999", {"explain", "USA", "UKG", "--year", "1999"});
  expect_same_as_cli("/api/balancer?year=2005&top=5", {"balancer", "--year", "2005", "--top", "5"});
  expect_same_as_cli("/api/balance?year=2010", {"balance", "--year", "2010"});
  expect_same_as_cli("/api/blocs?from=2008&to=2010", {"blocs", "--from", "2008", "--to", "2010"});
  expect_same_as_cli("/api/landscape?year=2012&actors=USA,RUS,CHN,IND,JPN",
                     {"landscape", "--year", "2012", "--actors", "USA,RUS,CHN,IND,JPN"});
  expect_same_as_cli("/api/actors?year=1950", {"actors", "--year", "1950"});
  expect_same_as_cli("/api/info", {"info"});
}

TEST(ServeApi, PercentEncodingAndPlusAreDecoded) {
  const auto plain = get("/api/explain?a=USA&b=UKG&year=1999");
  const auto encoded = get("/api/explain?a=%55SA&b=United+Kingdom&year=1999");
  ASSERT_EQ(encoded.status, 200) << encoded.body;
  EXPECT_EQ(plain.body, encoded.body);
}

std::string example(const std::string& name) {
  std::ifstream in(std::filesystem::path(ENTENTE_TEST_SOURCE_DIR) / "examples" / name);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The CLI's answer differs in one field: the file the scenario came from.
Json without_file(Json j) {
  j.erase("file");
  return j;
}

TEST(ServeApi, ScenarioFromTomlOrJsonIsTheCliScenario) {
  const auto path = (std::filesystem::path(ENTENTE_TEST_SOURCE_DIR) / "examples" / "china-india-war.toml").string();
  const auto cli = run_cli({"scenario", path, "--members", "20", "--runs", "5", "--seed", "4", "--format", "json"});
  ASSERT_EQ(cli.exit_code, 0) << cli.err;
  const auto toml = api().handle({"POST", "/api/scenario?members=20&runs=5&seed=4", example("china-india-war.toml"), "application/toml"});
  ASSERT_EQ(toml.status, 200) << toml.body;
  EXPECT_EQ(without_file(Json::parse(toml.body)), without_file(Json::parse(cli.out)));

  // The same scenario written as JSON.
  const Json body = {{"name", "war"},
                     {"base", {{"year", 2012}, {"focus", "CHN"}}},
                     {"shock", Json::array({{{"kind", "start_war"}, {"between", {"CHN", "IND"}}}})}};
  const auto as_json = api().handle({"POST", "/api/scenario?members=0&runs=0", body.dump(), "application/json"});
  const auto toml_twin = api().handle({"POST", "/api/scenario?members=0&runs=0",
                                       "name = \"war\"\n[base]\nyear = 2012\nfocus = \"CHN\"\n[[shock]]\n"
                                       "kind = \"start_war\"\nbetween = [\"CHN\", \"IND\"]\n",
                                       "text/plain"});
  EXPECT_EQ(as_json.status, toml_twin.status) << as_json.body << toml_twin.body;
  EXPECT_EQ(as_json.body, toml_twin.body);
}

struct Refusal {
  std::string target;
  int status;
  std::string says;
};

TEST(ServeApi, BadRequestsAreRefusedWithTheCliMessage) {
  // The CLI's own words for the same mistakes.
  const auto year = run_cli({"relations", "--year", "1700", "--format", "json"});
  ASSERT_EQ(year.exit_code, 1);
  const auto state = run_cli({"triangle", "USA", "RUS", "Atlantis", "--format", "json"});
  ASSERT_EQ(state.exit_code, 1);
  auto message = [](const std::string& err) { return err.substr(std::string("entente: ").size(), err.find('\n') - 9); };
  for (const Refusal& r : std::vector<Refusal>{
           {"/api/relations?year=1700", 400, message(year.err)},
           {"/api/triangle?a=USA&b=RUS&c=Atlantis", 404, message(state.err)},
           {"/api/relations?year=abc", 400, "year: \"abc\" is not a number"},
           {"/api/relations?yaer=1990", 400, "unknown parameter \"yaer\""},
           {"/api/relations?year=1990&year=1991", 400, "given twice"},
           {"/api/relations?year=%zz", 400, "two hex digits"},
           {"/api/relations?profile=/etc/passwd", 400, "is not one of default, v1, v2"},
           {"/api/triangle?a=USA&b=RUS", 400, "c: required"},
           {"/api/balance", 400, "year: required"},
           {"/api/nothing", 404, "no such route"},
           {"/nothing.html", 404, "no such file"},
           {"/../../etc/passwd", 400, "outside the served files"},
           {"/%2e%2e/%2e%2e/etc/passwd", 400, "outside the served files"},
           {"/api/%2E%2E/relations", 400, "outside the served files"},
           {"/api/landscape?year=2012&actors=USA,RUS,CHN,IND,JPN,UKG,FRN,GMY,ITA,BRA,ARG,MEX,CAN", 413, "at most 12"},
           {"/api/blocs?from=1800&to=2012", 413, "at most 80 years"},
           {"/api/relations?" + std::string(5000, 'x'), 414, "longer than"},
       }) {
    const auto response = get(r.target);
    EXPECT_EQ(response.status, r.status) << r.target << ": " << response.body;
    const auto body = Json::parse(response.body);
    EXPECT_EQ(body.at("status"), r.status);
    EXPECT_NE(body.at("error").get<std::string>().find(r.says), std::string::npos)
        << r.target << ": " << body.at("error") << " lacks " << r.says;
  }
  // Bytes that are not UTF-8 are quoted in the message as U+FFFD (found by fuzz_serve).
  const auto not_utf8 = get("/api/blocs?from=2009&to=\xff\xff" "2010");
  EXPECT_EQ(not_utf8.status, 400);
  EXPECT_NE(Json::parse(not_utf8.body).at("error").get<std::string>().find("\xef\xbf\xbd"), std::string::npos);
  EXPECT_EQ(api().handle({"POST", "/api/relations", "", ""}).status, 405);
  EXPECT_EQ(api().handle({"GET", "/api/scenario", "", ""}).status, 405);
  EXPECT_EQ(api().handle({"POST", "/api/scenario", std::string(70000, ' '), ""}).status, 413);
  const auto too_many = api().handle({"POST", "/api/scenario?members=5000", example("china-india-war.toml"), ""});
  EXPECT_EQ(too_many.status, 400) << too_many.body;
  const auto file_members = api().handle({"POST", "/api/scenario", example("russia-china-alliance.toml"), ""});
  EXPECT_EQ(file_members.status, 413) << file_members.body;  // the file asks for 1000 members
  const auto store = api().handle({"POST", "/api/scenario?members=0&runs=0",
                                   "[base]\nyear = 2012\nfocus = \"RUS\"\nstore = \"/tmp/x.db\"\n", ""});
  EXPECT_EQ(store.status, 400) << store.body;
  const auto bad_toml = api().handle({"POST", "/api/scenario", "[base\n", ""});
  EXPECT_EQ(bad_toml.status, 400) << bad_toml.body;
  const auto bad_json = api().handle({"POST", "/api/scenario", "{\"base\": ", "application/json"});
  EXPECT_EQ(bad_json.status, 400) << bad_json.body;
}

TEST(ServeApi, TheAppIsServedFromTheBinary) {
  if (entente::serve::app_assets().empty()) GTEST_SKIP() << "SKIPPED: built without web/node_modules (scripts/install-deps)";
  const auto page = get("/");
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.content_type, "text/html; charset=utf-8");
  EXPECT_NE(page.body.find("<script src=\"app.js\">"), std::string::npos);
  for (const char* file : {"/app.js", "/app.css", "/vendor/vega.min.js", "/vendor/vega-lite.min.js", "/vendor/vega-embed.min.js"})
    EXPECT_EQ(get(file).status, 200) << file;
  const auto map = get("/vendor/countries-110m.json");
  ASSERT_EQ(map.status, 200);
  EXPECT_EQ(Json::parse(map.body).at("type"), "Topology");
}

TEST(ServeApi, RepeatedQueriesComeFromTheCache) {
  const auto before = api().cache_hits();
  const auto first = get("/api/relations?year=1977&actors=USA,RUS");
  const auto second = get("/api/relations?actors=USA%2CRUS&year=1977");  // same query, other spelling
  EXPECT_EQ(first.body, second.body);
  EXPECT_EQ(api().cache_hits(), before + 1);
}

TEST(ServeApi, TheQueryStringParser) {
  const auto p = entente::serve::parse_query("a=1&b=x+y&c=%41%42&&d");
  EXPECT_EQ(p.at("a"), "1");
  EXPECT_EQ(p.at("b"), "x y");
  EXPECT_EQ(p.at("c"), "AB");
  EXPECT_EQ(p.at("d"), "");
  EXPECT_THROW(entente::serve::parse_query("=1"), std::invalid_argument);
  EXPECT_THROW(entente::serve::parse_query("a=%4"), std::invalid_argument);
  EXPECT_THROW(entente::serve::decode_path("/a%00b"), std::invalid_argument);
}

// A real server on a free loopback port, driven by an HTTP client.
TEST(ServeLoopback, RealRequestsOverLoopback) {
  std::promise<int> bound;
  entente::serve::ServerOptions options;
  options.port = 0;
  std::thread server([&] { entente::serve::run_server(api(), options, [&](int port) { bound.set_value(port); }); });
  const int port = bound.get_future().get();
  httplib::Client client("127.0.0.1", port);
  auto ok = client.Get("/api/relations?year=1990&actors=USA,RUS");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
  EXPECT_EQ(ok->body, get("/api/relations?year=1990&actors=USA,RUS").body);
  EXPECT_FALSE(ok->has_header("Access-Control-Allow-Origin"));  // CORS off
  auto missing = client.Get("/api/triangle?a=USA&b=RUS&c=Atlantis");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  auto traversal = client.Get("/%2e%2e/%2e%2e/etc/passwd");
  ASSERT_TRUE(traversal);
  EXPECT_EQ(traversal->status, 400);
  EXPECT_EQ(traversal->body.find("root:"), std::string::npos);
  // A body arrives whole: the scenario over the wire is the scenario in process.
  const std::string scenario = example("china-india-war.toml");
  auto posted = client.Post("/api/scenario?members=0&runs=0", scenario, "application/toml");
  ASSERT_TRUE(posted);
  EXPECT_EQ(posted->status, 200) << posted->body;
  EXPECT_EQ(posted->body, api().handle({"POST", "/api/scenario?members=0&runs=0", scenario, ""}).body);
  auto big = client.Post("/api/scenario", std::string(200000, 'x'), "text/plain");
  ASSERT_TRUE(big);
  EXPECT_EQ(big->status, 413);
  EXPECT_EQ(Json::parse(big->body).at("status"), 413);
  entente::serve::stop_server();
  server.join();
}

// The CLI verb: binds loopback, says where, answers, stops on SIGTERM.
TEST(ServeCli, ServeRefusesAMissingStore) {
  const auto r = run_cli({"serve", "--db", "no-such-store.db", "--port", "0"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("no such store"), std::string::npos) << r.err;
}

}  // namespace
