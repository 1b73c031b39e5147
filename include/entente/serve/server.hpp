#pragma once
// `entente serve`: the Api behind an HTTP server (cpp-httplib) on one address and port.
#include <functional>
#include <string>

#include "entente/serve/api.hpp"

namespace entente::serve {

struct ServerOptions {
  std::string host = "127.0.0.1";  // loopback: nobody else reaches it unless asked
  int port = 8080;                 // 0: any free port (the one bound is passed to on_listening)
  int threads = 4;                 // requests answered at once (queries on the store take turns)
  double read_timeout_seconds = 5;
  double write_timeout_seconds = 30;
};

// Serves until stop_server is called (from another thread or a signal handler) or binding fails
// (std::runtime_error naming the address). on_listening is called once with the bound port.
void run_server(Api& api, const ServerOptions& options, const std::function<void(int port)>& on_listening);
// Asks the server started by run_server in this process to stop; safe from a signal handler thread.
void stop_server();

}  // namespace entente::serve
