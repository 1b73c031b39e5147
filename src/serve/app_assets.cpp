// The web app (web/app/) compiled into the library with .incbin, as the report's page is
// (src/report/report_assets.cpp), so that `entente serve` needs nothing beside the binary. Its
// vendor files (Vega, Vega-Lite, vega-embed, the world map) and the relations' colours
// (web/shared/palette.js) are the report's own blobs. CMake
// defines ENTENTE_APP_ASSETS and ENTENTE_APP_WEB_DIR only when the app's and the report's files
// are all present.
#include "entente/serve/api.hpp"

#if defined(ENTENTE_APP_ASSETS) && ENTENTE_APP_ASSETS

#include "../report/report_assets.hpp"  // the report's blobs, private to the library

// clang-format off
#define ENTENTE_APP_BLOB(symbol, file)                  \
  ".balign 16\n"                                        \
  #symbol "_begin:\n"                                   \
  ".incbin \"" ENTENTE_APP_WEB_DIR "/" file "\"\n"      \
  #symbol "_end:\n"

__asm__(".pushsection .rodata\n"
        ENTENTE_APP_BLOB(entente_app_index_html, "app/index.html")
        ENTENTE_APP_BLOB(entente_app_js, "app/app.js")
        ENTENTE_APP_BLOB(entente_app_css, "app/app.css")
        ".popsection\n");
// clang-format on

extern "C" const char entente_app_index_html_begin[], entente_app_index_html_end[];
extern "C" const char entente_app_js_begin[], entente_app_js_end[];
extern "C" const char entente_app_css_begin[], entente_app_css_end[];

namespace entente::serve {

namespace {
std::string_view blob(const char* begin, const char* end) { return {begin, static_cast<std::size_t>(end - begin)}; }

// The report's vendor files and the palette both draw with, under the app's names; world.js's
// bytes are the map's plain JSON.
std::string_view vendor_name(std::string_view report_path) {
  if (report_path == "assets/palette.js") return "/palette.js";
  if (report_path == "assets/vega.min.js") return "/vendor/vega.min.js";
  if (report_path == "assets/vega-lite.min.js") return "/vendor/vega-lite.min.js";
  if (report_path == "assets/vega-embed.min.js") return "/vendor/vega-embed.min.js";
  if (report_path == "assets/world.js") return "/vendor/countries-110m.json";
  return {};
}
}  // namespace

const std::map<std::string, Asset, std::less<>>& app_assets() {
  static const auto assets = [] {
    constexpr std::string_view script = "text/javascript; charset=utf-8";
    std::map<std::string, Asset, std::less<>> files{
        {"/index.html", {"text/html; charset=utf-8", blob(entente_app_index_html_begin, entente_app_index_html_end)}},
        {"/app.js", {script, blob(entente_app_js_begin, entente_app_js_end)}},
        {"/app.css", {"text/css; charset=utf-8", blob(entente_app_css_begin, entente_app_css_end)}},
    };
    for (const auto& a : report::report_assets())
      if (const auto name = vendor_name(a.path); !name.empty())
        files.emplace(std::string(name), Asset{name.ends_with(".json") ? "application/json" : script, a.bytes});
    return files;
  }();
  return assets;
}

}  // namespace entente::serve

#else

namespace entente::serve {

const std::map<std::string, Asset, std::less<>>& app_assets() {
  static const std::map<std::string, Asset, std::less<>> none;
  return none;
}

}  // namespace entente::serve

#endif
