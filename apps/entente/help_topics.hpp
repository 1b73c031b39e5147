#pragma once
// `entente help TOPIC`: the models in a few lines each, and where their documentation is.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace entente::cli {

struct HelpTopic {
  std::string_view name;
  std::string_view summary;  // a few lines: what the model does and which verbs use it
  std::string_view doc;      // the document, relative to the source tree (and to the installed docs)
};

const std::vector<HelpTopic>& help_topics();
std::optional<HelpTopic> find_help_topic(std::string_view name);

// The text `entente help TOPIC` prints; the topics' list for an empty name. `installed_docs` is
// where the build installs docs/ (empty: not installed), named beside the source path.
std::string help_text(const HelpTopic& topic, const std::string& installed_docs);
std::string help_index();

}  // namespace entente::cli
