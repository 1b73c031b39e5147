#include "entente/query/long_runs.hpp"

#include <csignal>
#include <fmt/format.h>

namespace entente::query {
namespace {

std::atomic<bool> g_pressed{false};
struct sigaction g_previous {};

extern "C" void on_ctrl_c(int) { g_pressed.store(true); }

}  // namespace

StopOnCtrlC::StopOnCtrlC() {
  g_pressed.store(false);
  struct sigaction action {};
  action.sa_handler = on_ctrl_c;
  action.sa_flags = SA_RESETHAND;  // the next Ctrl-C ends the process, as usual
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, &g_previous);
}

StopOnCtrlC::~StopOnCtrlC() { sigaction(SIGINT, &g_previous, nullptr); }

const std::atomic<bool>& StopOnCtrlC::flag() const noexcept { return g_pressed; }

std::function<void(const balance::FrustrationProgress&)> balance_progress(std::ostream& out) {
  return [&out](const balance::FrustrationProgress& p) {
    out << fmt::format("entente: balance: {:.0f} s; solved {} of the {} nodes of the hardest block, searching the "
                       "next: best {}, bound {}, gap {} (Ctrl-C stops with the best so far)\n",
                       p.seconds, p.suffixes_proven, p.block_nodes, p.best, p.bound, p.best - p.bound)
        << std::flush;
  };
}

}  // namespace entente::query
