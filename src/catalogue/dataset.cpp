#include "entente/catalogue/dataset.hpp"

#include <array>
#include <stdexcept>
#include <string>

namespace entente::catalogue {
namespace {

using evidence::Obligation;

constexpr std::array kAtopCoded = {Obligation::defense, Obligation::offense, Obligation::neutrality,
                                   Obligation::nonaggression, Obligation::consultation};
constexpr std::array kCowCoded = {Obligation::defense, Obligation::neutrality,
                                  Obligation::nonaggression, Obligation::entente};

// References as the providers ask to be cited (see each provider's codebook).
const std::array kDatasets = {
    DatasetInfo{
        "cow_states", "COW State System Membership List (v2016)",
        "Correlates of War Project, correlatesofwar.org (State System Membership)",
        "Correlates of War Project. 2017. State System Membership List, v2016. "
        "Online, http://correlatesofwar.org.",
        "@misc{cow2017states,\n  author = {{Correlates of War Project}},\n"
        "  title = {State System Membership List, v2016},\n  year = {2017},\n"
        "  howpublished = {\\url{http://correlatesofwar.org}}\n}",
        {}},
    DatasetInfo{
        "atop", "Alliance Treaty Obligations and Provisions (ATOP)",
        "ATOP project, atopdata.org (directed dyad-year file)",
        "Leeds, Brett Ashley, Jeffrey M. Ritter, Sara McLaughlin Mitchell, and Andrew G. Long. "
        "2002. Alliance Treaty Obligations and Provisions, 1815-1944. International Interactions "
        "28: 237-260. Data: ATOP v5.1.",
        "@article{leeds2002atop,\n  author = {Leeds, Brett Ashley and Ritter, Jeffrey M. and "
        "Mitchell, Sara McLaughlin and Long, Andrew G.},\n  title = {Alliance Treaty Obligations "
        "and Provisions, 1815--1944},\n  journal = {International Interactions},\n"
        "  volume = {28},\n  pages = {237--260},\n  year = {2002}\n}",
        kAtopCoded},
    DatasetInfo{
        "cow_alliance", "COW Formal Alliances (v4.1)",
        "Correlates of War Project, correlatesofwar.org (Formal Alliances v4.1)",
        "Gibler, Douglas M. 2009. International Military Alliances, 1648-2008. "
        "Washington, DC: CQ Press. Data: COW Formal Alliances v4.1.",
        "@book{gibler2009alliances,\n  author = {Gibler, Douglas M.},\n"
        "  title = {International Military Alliances, 1648--2008},\n  publisher = {CQ Press},\n"
        "  address = {Washington, DC},\n  year = {2009}\n}",
        kCowCoded},
    DatasetInfo{
        "cow_nmc", "COW National Material Capabilities (NMC)",
        "Correlates of War Project, correlatesofwar.org (National Material Capabilities)",
        "Singer, J. David, Stuart Bremer, and John Stuckey. 1972. Capability Distribution, "
        "Uncertainty, and Major Power War, 1820-1965. In Bruce Russett (ed.), Peace, War, and "
        "Numbers, 19-48. Beverly Hills: Sage. Data: COW National Material Capabilities.",
        "@incollection{singer1972nmc,\n  author = {Singer, J. David and Bremer, Stuart and "
        "Stuckey, John},\n  title = {Capability Distribution, Uncertainty, and Major Power War, "
        "1820--1965},\n  booktitle = {Peace, War, and Numbers},\n  editor = {Russett, Bruce},\n"
        "  pages = {19--48},\n  publisher = {Sage},\n  address = {Beverly Hills},\n"
        "  year = {1972}\n}",
        {}},
};

}  // namespace

std::span<const DatasetInfo> datasets() noexcept { return kDatasets; }

const DatasetInfo& dataset(std::string_view id) {
  for (const auto& d : kDatasets)
    if (d.id == id) return d;
  throw std::out_of_range("unknown dataset '" + std::string(id) + "'");
}

}  // namespace entente::catalogue
