#include "entente/serve/server.hpp"

#include <fmt/format.h>
#include <httplib.h>

#include <atomic>
#include <charconv>
#include <chrono>
#include <stdexcept>

#include "entente/core/json.hpp"

namespace entente::serve {

namespace {
std::atomic<httplib::Server*> running{nullptr};

std::string error_json(int status, const std::string& message) {
  return Json{{"error", message}, {"status", status}}.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}
}  // namespace

void run_server(Api& api, const ServerOptions& options, const std::function<void(int port)>& on_listening) {
  httplib::Server server;
  server.new_task_queue = [threads = options.threads] {
    return new httplib::ThreadPool(static_cast<std::size_t>(std::max(1, threads)));
  };
  server.set_read_timeout(std::chrono::duration<double>(options.read_timeout_seconds));
  server.set_write_timeout(std::chrono::duration<double>(options.write_timeout_seconds));
  server.set_payload_max_length(api.limits().max_body_bytes);
  // Every request goes to the Api, whatever its method and path: the routes are its, not httplib's.
  // (Routes rather than a pre-routing handler, which runs before httplib has read the body.)
  const auto answer = [&api](const httplib::Request& req, httplib::Response& res) {
    const auto response = api.handle({req.method, req.target, req.body, req.get_header_value("Content-Type")});
    res.status = response.status;
    res.set_content(response.body, response.content_type);
    // No Access-Control-Allow-Origin: other sites' pages may not read the answers (CORS off).
    res.set_header("X-Content-Type-Options", "nosniff");
  };
  const std::string any = ".*";
  server.Get(any, answer).Post(any, answer).Put(any, answer).Patch(any, answer).Delete(any, answer).Options(any, answer);
  // What httplib refuses itself (a body over the limit: 413, a malformed request line: 400) gets
  // the same JSON error as the Api's refusals; those already have a body and are left alone.
  // (httplib 0.11 answers 400, not 413, to a Content-Length over the limit: the length says which.)
  const auto max_body = api.limits().max_body_bytes;
  server.set_error_handler(httplib::Server::HandlerWithResponse([max_body](const httplib::Request& req,
                                                                            httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    const auto length = req.get_header_value("Content-Length");
    std::size_t bytes = 0;
    const auto [end, ec] = std::from_chars(length.data(), length.data() + length.size(), bytes);
    if (res.status == 413 || (ec == std::errc() && end == length.data() + length.size() && bytes > max_body))
      res.status = 413;
    const std::string message = res.status == 413 ? fmt::format("the body is larger than {} bytes", max_body)
                                                  : fmt::format("the request was refused ({})", res.status);
    res.set_content(error_json(res.status, message), "application/json");
    return httplib::Server::HandlerResponse::Handled;
  }));
  const int port = options.port == 0 ? server.bind_to_any_port(options.host)
                                     : (server.bind_to_port(options.host, options.port) ? options.port : -1);
  if (port < 0) throw std::runtime_error(fmt::format("{}:{}: cannot listen there", options.host, options.port));
  running = &server;
  on_listening(port);
  server.listen_after_bind();
  running = nullptr;
}

void stop_server() {
  if (auto* server = running.load()) server->stop();
}

}  // namespace entente::serve
