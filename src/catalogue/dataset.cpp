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

constexpr std::string_view kAtopCitation =
    "Leeds, Brett Ashley, Jeffrey M. Ritter, Sara McLaughlin Mitchell, and Andrew G. Long. "
    "2002. Alliance Treaty Obligations and Provisions, 1815-1944. International Interactions "
    "28: 237-260. Data: ATOP v5.1.";
constexpr std::string_view kAtopBibtex =
    "@article{leeds2002atop,\n  author = {Leeds, Brett Ashley and Ritter, Jeffrey M. and "
    "Mitchell, Sara McLaughlin and Long, Andrew G.},\n  title = {Alliance Treaty Obligations "
    "and Provisions, 1815--1944},\n  journal = {International Interactions},\n"
    "  volume = {28},\n  pages = {237--260},\n  year = {2002}\n}";
constexpr std::string_view kVoetenPublisher = "Voeten, Harvard Dataverse, hdl:1902.1/12379";
constexpr std::string_view kUnvotesPublisher = "the unvotes R package (2021 release of the Voeten data)";
constexpr std::string_view kVoetenCitation =
    "Voeten, Erik, Anton Strezhnev, and Michael Bailey. 2009. United Nations General Assembly Voting Data. "
    "Harvard Dataverse, hdl:1902.1/12379. Bailey, Michael A., Anton Strezhnev, and Erik Voeten. 2017. "
    "Estimating Dynamic State Preferences from United Nations Voting Data. Journal of Conflict Resolution "
    "61(2): 430-456.";
constexpr std::string_view kVoetenBibtex =
    "@misc{voeten2009unga,\n  author = {Voeten, Erik and Strezhnev, Anton and Bailey, Michael},\n"
    "  title = {United Nations General Assembly Voting Data},\n  howpublished = {Harvard Dataverse, "
    "hdl:1902.1/12379},\n  year = {2009}\n}\n@article{bailey2017preferences,\n  author = {Bailey, Michael A. "
    "and Strezhnev, Anton and Voeten, Erik},\n  title = {Estimating Dynamic State Preferences from United "
    "Nations Voting Data},\n  journal = {Journal of Conflict Resolution},\n  volume = {61},\n  number = {2},\n"
    "  pages = {430--456},\n  year = {2017}\n}";
constexpr std::string_view kMidPublisher = "Correlates of War Project, correlatesofwar.org (MID 5.0)";
constexpr std::string_view kMidCitation =
    "Palmer, Glenn, Roseanne W. McManus, Vito D'Orazio, Michael R. Kenwick, Mikaela Karstens, Chase Bloch, "
    "Nick Dietrich, Kayla Kahn, Kellan Ritter, and Michael J. Soules. 2022. The MID5 Dataset, 2011-2014: "
    "Procedures, Coding Rules, and Description. Conflict Management and Peace Science 39(4): 470-482.";
constexpr std::string_view kMidBibtex =
    "@article{palmer2022mid5,\n  author = {Palmer, Glenn and McManus, Roseanne W. and D'Orazio, Vito and "
    "Kenwick, Michael R. and Karstens, Mikaela and Bloch, Chase and Dietrich, Nick and Kahn, Kayla and Ritter, "
    "Kellan and Soules, Michael J.},\n  title = {The {MID5} Dataset, 2011--2014: Procedures, Coding Rules, and "
    "Description},\n  journal = {Conflict Management and Peace Science},\n  volume = {39},\n  number = {4},\n"
    "  pages = {470--482},\n  year = {2022}\n}";
constexpr std::string_view kIgoPublisher =
    "Correlates of War Project, correlatesofwar.org (Intergovernmental Organizations v3), as shipped by the igoR "
    "R package";
constexpr std::string_view kIgoCitation =
    "Pevehouse, Jon C. W., Timothy Nordstrom, Roseanne W. McManus, and Anne Spencer Jamison. 2020. Tracking "
    "Organizations in the World: The Correlates of War IGO Version 3.0 Datasets. Journal of Peace Research "
    "57(3): 492-503.";
constexpr std::string_view kIgoBibtex =
    "@article{pevehouse2020igo,\n  author = {Pevehouse, Jon C. W. and Nordstrom, Timothy and McManus, Roseanne W. "
    "and Jamison, Anne Spencer},\n  title = {Tracking Organizations in the World: The {Correlates of War} {IGO} "
    "Version 3.0 Datasets},\n  journal = {Journal of Peace Research},\n  volume = {57},\n  number = {3},\n"
    "  pages = {492--503},\n  year = {2020}\n}";
constexpr std::string_view kTradePublisher = "Correlates of War Project, correlatesofwar.org (Trade v4.0)";
constexpr std::string_view kTradeCitation =
    "Barbieri, Katherine, and Omar M. G. Keshk. 2016. Correlates of War Project Trade Data Set Codebook, "
    "Version 4.0. Online, http://correlatesofwar.org. Barbieri, Katherine, Omar M. G. Keshk, and Brian Pollins. "
    "2009. Trading Data: Evaluating our Assumptions and Coding Rules. Conflict Management and Peace Science "
    "26(5): 471-491.";
constexpr std::string_view kTradeBibtex =
    "@misc{barbieri2016trade,\n  author = {Barbieri, Katherine and Keshk, Omar M. G.},\n  title = {Correlates "
    "of War Project Trade Data Set Codebook, Version 4.0},\n  year = {2016},\n  howpublished = "
    "{\\url{http://correlatesofwar.org}}\n}\n@article{barbieri2009trading,\n  author = {Barbieri, Katherine "
    "and Keshk, Omar M. G. and Pollins, Brian},\n  title = {Trading Data: Evaluating our Assumptions and "
    "Coding Rules},\n  journal = {Conflict Management and Peace Science},\n  volume = {26},\n  number = {5},\n"
    "  pages = {471--491},\n  year = {2009}\n}";

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
        "ATOP project, atopdata.org (directed dyad-year file)", kAtopCitation, kAtopBibtex, kAtopCoded},
    // The treaty-level files: which treaty an obligation comes from and how many states it binds.
    DatasetInfo{"atop_members", "ATOP, member level (treaty identity and size)",
                "ATOP project, atopdata.org (member-level file)", kAtopCitation, kAtopBibtex, {}},
    DatasetInfo{"atop_alliances", "ATOP, alliance level", "ATOP project, atopdata.org (alliance-level file)",
                kAtopCitation, kAtopBibtex, {}},
    DatasetInfo{
        "atop_institutions", "ATOP alliance institutionalisation (Leeds and Anac)",
        "ATOP project, atopdata.org (institutionalisation file)",
        "Leeds, Brett Ashley, and Sezi Anac. 2005. Alliance Institutionalization and Alliance Performance. "
        "International Interactions 31(3): 183-202.",
        "@article{leeds2005institutionalization,\n  author = {Leeds, Brett Ashley and Anac, Sezi},\n"
        "  title = {Alliance Institutionalization and Alliance Performance},\n  journal = {International "
        "Interactions},\n  volume = {31},\n  number = {3},\n  pages = {183--202},\n  year = {2005}\n}",
        {}},
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
    DatasetInfo{
        "cow_contiguity", "COW Direct Contiguity (v3.2)",
        "Correlates of War Project, correlatesofwar.org (Direct Contiguity v3.2)",
        "Stinnett, Douglas M., Jaroslav Tir, Philip Schafer, Paul F. Diehl, and Charles Gochman. 2002. "
        "The Correlates of War Project Direct Contiguity Data, Version 3. Conflict Management and Peace "
        "Science 19(2): 58-66.",
        "@article{stinnett2002contiguity,\n  author = {Stinnett, Douglas M. and Tir, Jaroslav and Schafer, "
        "Philip and Diehl, Paul F. and Gochman, Charles},\n  title = {The Correlates of War Project Direct "
        "Contiguity Data, Version 3},\n  journal = {Conflict Management and Peace Science},\n  volume = {19},\n"
        "  number = {2},\n  pages = {58--66},\n  year = {2002}\n}",
        {}},
    DatasetInfo{"unga_rollcalls", "UN General Assembly roll calls (Voeten)", kVoetenPublisher, kVoetenCitation,
                kVoetenBibtex, {}},
    DatasetInfo{"unga_votes", "UN General Assembly votes (Voeten)", kVoetenPublisher, kVoetenCitation,
                kVoetenBibtex, {}},
    // Derived: entente's own estimates from the Voeten votes, cited as the votes are.
    DatasetInfo{"unga_idealpoints", "UN General Assembly ideal points, estimated by entente from the Voeten votes",
                kVoetenPublisher, kVoetenCitation, kVoetenBibtex, {}},
    DatasetInfo{"unvotes_rollcalls", "UN General Assembly roll calls to 2019 (unvotes)", kUnvotesPublisher,
                kVoetenCitation, kVoetenBibtex, {}},
    DatasetInfo{"unvotes_issues", "UN General Assembly roll-call issues (unvotes)", kUnvotesPublisher,
                kVoetenCitation, kVoetenBibtex, {}},
    DatasetInfo{"unvotes_votes", "UN General Assembly votes 2016-2019 (unvotes)", kUnvotesPublisher,
                kVoetenCitation, kVoetenBibtex, {}},
    DatasetInfo{"qss_unvoting", "UN voting ideal points and agreement (QSS)",
                "Imai, Quantitative Social Science (Princeton University Press), companion data",
                "Imai, Kosuke. 2017. Quantitative Social Science: An Introduction. Princeton: Princeton "
                "University Press. Data from Bailey, Strezhnev and Voeten (2017).",
                "@book{imai2017qss,\n  author = {Imai, Kosuke},\n  title = {Quantitative Social Science: An "
                "Introduction},\n  publisher = {Princeton University Press},\n  year = {2017}\n}",
                {}},
    DatasetInfo{"cow_mid_disputes", "COW Militarized Interstate Disputes 5.0, disputes", kMidPublisher,
                kMidCitation, kMidBibtex, {}},
    DatasetInfo{"cow_mid_participants", "COW Militarized Interstate Disputes 5.0, participants", kMidPublisher,
                kMidCitation, kMidBibtex, {}},
    DatasetInfo{"cow_mid_dyad_years", "COW Militarized Interstate Disputes 5.0, dispute dyad-years",
                kMidPublisher, kMidCitation, kMidBibtex, {}},
    DatasetInfo{
        "cow_wars", "COW Inter-State War Data (v4.0)",
        "Correlates of War Project, correlatesofwar.org (COW War Data)",
        "Sarkees, Meredith Reid, and Frank Whelon Wayman. 2010. Resort to War: A Data Guide to Inter-State, "
        "Extra-State, Intra-State, and Non-State Wars, 1816-2007. Washington, DC: CQ Press.",
        "@book{sarkees2010resort,\n  author = {Sarkees, Meredith Reid and Wayman, Frank Whelon},\n"
        "  title = {Resort to War: A Data Guide to Inter-State, Extra-State, Intra-State, and Non-State Wars, "
        "1816--2007},\n  publisher = {CQ Press},\n  address = {Washington, DC},\n  year = {2010}\n}",
        {}},
    DatasetInfo{
        "rivalries_td", "Strategic rivalries (Thompson and Dreyer)",
        "Thompson and Dreyer, Handbook of International Rivalries (CQ Press), as distributed by peacesciencer",
        "Thompson, William R., and David R. Dreyer. 2012. Handbook of International Rivalries, 1494-2010. "
        "Washington, DC: CQ Press.",
        "@book{thompson2012rivalries,\n  author = {Thompson, William R. and Dreyer, David R.},\n"
        "  title = {Handbook of International Rivalries, 1494--2010},\n  publisher = {CQ Press},\n"
        "  address = {Washington, DC},\n  year = {2012}\n}",
        {}},
    DatasetInfo{
        "rivalries_tss", "Strategic rivalries (Thompson, Sakuwa and Suhas)",
        "Thompson, Sakuwa and Suhas (Springer), as distributed by peacesciencer",
        "Thompson, William R., Kentaro Sakuwa, and Prashant Hosur Suhas. 2022. Analyzing Strategic Rivalries "
        "in World Politics: Types of Rivalry, Regional Variation, and Escalation/De-escalation. Singapore: "
        "Springer.",
        "@book{thompson2022rivalries,\n  author = {Thompson, William R. and Sakuwa, Kentaro and Suhas, "
        "Prashant Hosur},\n  title = {Analyzing Strategic Rivalries in World Politics},\n"
        "  publisher = {Springer},\n  address = {Singapore},\n  year = {2022}\n}",
        {}},
    DatasetInfo{"cow_trade_dyadic", "COW Trade v4.0, dyadic", kTradePublisher, kTradeCitation, kTradeBibtex, {}},
    DatasetInfo{"cow_trade_national", "COW Trade v4.0, national totals", kTradePublisher, kTradeCitation,
                kTradeBibtex, {}},
    DatasetInfo{
        "democracy", "Democracy scores: Polity2, V-Dem polyarchy, QuickUDS",
        "Polity (systemicpeace.org), V-Dem (v-dem.net), QuickUDS (Marquez), as combined by peacesciencer",
        "Marshall, Monty G., and Ted Robert Gurr. 2020. Polity5: Political Regime Characteristics and "
        "Transitions, 1800-2018. Center for Systemic Peace. Coppedge, Michael, et al. 2020. V-Dem Dataset v10. "
        "Varieties of Democracy (V-Dem) Project. Marquez, Xavier. 2016. A Quick Method for Extending the "
        "Unified Democracy Scores. SSRN 2753830.",
        "@misc{marshall2020polity,\n  author = {Marshall, Monty G. and Gurr, Ted Robert},\n  title = {Polity5: "
        "Political Regime Characteristics and Transitions, 1800--2018},\n  publisher = {Center for Systemic "
        "Peace},\n  year = {2020}\n}\n@misc{coppedge2020vdem,\n  author = {Coppedge, Michael and others},\n"
        "  title = {V-Dem Dataset v10},\n  publisher = {Varieties of Democracy (V-Dem) Project},\n"
        "  year = {2020}\n}\n@misc{marquez2016quds,\n  author = {Marquez, Xavier},\n  title = {A Quick Method "
        "for Extending the Unified Democracy Scores},\n  howpublished = {SSRN 2753830},\n  year = {2016}\n}",
        {}},
    DatasetInfo{"cow_majors", "COW major powers (v2016)",
                "Correlates of War Project, correlatesofwar.org (State System Membership)",
                "Correlates of War Project. 2017. State System Membership List, v2016. Online, "
                "http://correlatesofwar.org.",
                "@misc{cow2017states,\n  author = {{Correlates of War Project}},\n"
                "  title = {State System Membership List, v2016},\n  year = {2017},\n"
                "  howpublished = {\\url{http://correlatesofwar.org}}\n}",
                {}},
    DatasetInfo{"dcad", "Defense Cooperation Agreement Dataset (DCAD) v1.0",
                "Kinne, Journal of Conflict Resolution (replication data)",
                "Kinne, Brandon J. 2020. The Defense Cooperation Agreement Dataset (DCAD). Journal of Conflict "
                "Resolution 64(4): 729-755.",
                "@article{kinne2020dcad,\n  author = {Kinne, Brandon J.},\n  title = {The Defense Cooperation "
                "Agreement Dataset ({DCAD})},\n  journal = {Journal of Conflict Resolution},\n  volume = {64},\n"
                "  number = {4},\n  pages = {729--755},\n  year = {2020}\n}",
                {}},
    DatasetInfo{"cow_igo", "COW Intergovernmental Organizations v3, state-year memberships", kIgoPublisher,
                kIgoCitation, kIgoBibtex, {}},
    DatasetInfo{"cow_igo_orgs", "COW Intergovernmental Organizations v3, the organisations", kIgoPublisher,
                kIgoCitation, kIgoBibtex, {}},
    DatasetInfo{
        "maoz_powers", "Regional and global powers (Maoz)", "Maoz, Networks of Nations, as distributed by peacesciencer",
        "Maoz, Zeev. 2010. Networks of Nations: The Evolution, Structure, and Impact of International Networks, "
        "1816-2001. Cambridge: Cambridge University Press.",
        "@book{maoz2010networks,\n  author = {Maoz, Zeev},\n  title = {Networks of Nations: The Evolution, "
        "Structure, and Impact of International Networks, 1816--2001},\n  publisher = {Cambridge University "
        "Press},\n  address = {Cambridge},\n  year = {2010}\n}",
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
