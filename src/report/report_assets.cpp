// The report page (web/report/) and its vendor files (web/node_modules/, pinned by
// web/package-lock.json) compiled into the library with .incbin, as the default world is
// (src/world/default_world_image.cpp), so `entente report` writes a complete offline folder from any
// directory. CMake defines ENTENTE_REPORT_ASSETS and ENTENTE_REPORT_WEB_DIR only when every file is
// present, and declares them OBJECT_DEPENDS of this file so that editing one rebuilds it.
#include "report_assets.hpp"

#include "entente/report/report_site.hpp"

#if defined(ENTENTE_REPORT_ASSETS) && ENTENTE_REPORT_ASSETS

#ifndef ENTENTE_REPORT_WEB_DIR
#error "ENTENTE_REPORT_WEB_DIR must name the web/ folder"
#endif

// One blob per file, between two symbols, in .rodata.
// clang-format off
#define ENTENTE_REPORT_BLOB(symbol, file)                  \
  ".balign 16\n"                                           \
  #symbol "_begin:\n"                                      \
  ".incbin \"" ENTENTE_REPORT_WEB_DIR "/" file "\"\n"      \
  #symbol "_end:\n"

__asm__(".pushsection .rodata\n"
        ENTENTE_REPORT_BLOB(entente_report_index_html, "report/index.html")
        ENTENTE_REPORT_BLOB(entente_report_js, "report/report.js")
        ENTENTE_REPORT_BLOB(entente_report_css, "report/report.css")
        ENTENTE_REPORT_BLOB(entente_report_palette, "shared/palette.js")
        ENTENTE_REPORT_BLOB(entente_report_vega, "node_modules/vega/build/vega.min.js")
        ENTENTE_REPORT_BLOB(entente_report_vega_lite, "node_modules/vega-lite/build/vega-lite.min.js")
        ENTENTE_REPORT_BLOB(entente_report_vega_embed, "node_modules/vega-embed/build/vega-embed.min.js")
        ENTENTE_REPORT_BLOB(entente_report_world, "node_modules/world-atlas/countries-110m.json")
        ".popsection\n");
// clang-format on

#define ENTENTE_REPORT_SYMBOLS(symbol)    \
  extern "C" const char symbol##_begin[]; \
  extern "C" const char symbol##_end[];
ENTENTE_REPORT_SYMBOLS(entente_report_index_html)
ENTENTE_REPORT_SYMBOLS(entente_report_js)
ENTENTE_REPORT_SYMBOLS(entente_report_css)
ENTENTE_REPORT_SYMBOLS(entente_report_palette)
ENTENTE_REPORT_SYMBOLS(entente_report_vega)
ENTENTE_REPORT_SYMBOLS(entente_report_vega_lite)
ENTENTE_REPORT_SYMBOLS(entente_report_vega_embed)
ENTENTE_REPORT_SYMBOLS(entente_report_world)

namespace entente::report {

namespace {
std::string_view blob(const char* begin, const char* end) {
  return {begin, static_cast<std::size_t>(end - begin)};
}
}  // namespace

bool has_report_assets() noexcept {
  return true;
}

std::vector<Asset> report_assets() {
  return {
      {"index.html", "", blob(entente_report_index_html_begin, entente_report_index_html_end), ""},
      {"assets/report.js", "", blob(entente_report_js_begin, entente_report_js_end), ""},
      {"assets/report.css", "", blob(entente_report_css_begin, entente_report_css_end), ""},
      // The relations' colours, shared with the web app of `entente serve` (web/shared/).
      {"assets/palette.js", "", blob(entente_report_palette_begin, entente_report_palette_end), ""},
      {"assets/vega.min.js", "", blob(entente_report_vega_begin, entente_report_vega_end), ""},
      {"assets/vega-lite.min.js", "", blob(entente_report_vega_lite_begin, entente_report_vega_lite_end), ""},
      {"assets/vega-embed.min.js", "", blob(entente_report_vega_embed_begin, entente_report_vega_embed_end), ""},
      {"assets/world.js", "window.ENTENTE_WORLD = ", blob(entente_report_world_begin, entente_report_world_end), ";\n"},
  };
}

}  // namespace entente::report

#else

namespace entente::report {

bool has_report_assets() noexcept {
  return false;
}
std::vector<Asset> report_assets() {
  return {};
}

}  // namespace entente::report

#endif
