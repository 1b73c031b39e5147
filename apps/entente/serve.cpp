// `entente serve`: the web app and a JSON API of these answers (docs/serve.md).
#include <fmt/format.h>
#include <pthread.h>
#include <signal.h>

#include <iostream>
#include <thread>

#include "entente/serve/api.hpp"
#include "entente/serve/server.hpp"
#include "entente/world/source.hpp"
#include "cli.hpp"

namespace entente::cli {

namespace {

struct State {
  Common& common;
  CLI::App* srv = nullptr;
  serve::ServerOptions srv_options;
  explicit State(Common& c) : common(c) {}

  CLI::App* define(CLI::App& app) {
    // The web app and JSON API over the same answers (docs/serve.md).
    srv = app.add_subcommand("serve", "serve the web app and a JSON API of these answers (read-only on the store)");
    srv->add_option("--host", srv_options.host, "address to listen on (default: loopback only)")->capture_default_str();
    srv->add_option("--port", srv_options.port, "port (0: any free one)")->capture_default_str()->check(CLI::Range(0, 65535));
    srv->add_option("--threads", srv_options.threads, "requests answered at once")->capture_default_str()->check(CLI::Range(1, 256));
    add_common(srv, common, false);
    return srv;
  }

  int run() {
    // SIGINT and SIGTERM are waited for by one thread, which stops the server; the server's own
    // threads, started after this, inherit the blocked mask.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    entente::serve::Api api(entente::world::open_source_read_only(db_path(common)));
    std::thread waiter([&] {
      int signal_number = 0;
      sigwait(&stop_signals, &signal_number);
      entente::serve::stop_server();
    });
    waiter.detach();
    entente::serve::run_server(api, srv_options, [&](int port) {
      std::cerr << fmt::format("entente: serving {} on http://{}:{}/ (Ctrl-C stops)\n", api.source().label,
                               srv_options.host, port);
    });
    return 0;
  }
};

}  // namespace

Verb add_serve(CLI::App& app, Common& common) { return make_verb<State>(app, common); }

}  // namespace entente::cli
