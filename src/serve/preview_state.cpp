#include "serve/preview_state.h"

#include <nlohmann/json.hpp>

namespace ks {

std::string preview_state_json(const PreviewState& state) {
    nlohmann::json slides = nlohmann::json::array();
    for (const auto& s : state.slides)
        slides.push_back({{"index", s.slide.index},
                          {"id", s.slide.id},
                          {"title", s.slide.title},
                          {"notes", s.slide.notes},
                          {"png", "/out/" + s.slide.png + "?v=" + s.hash},
                          {"hash", s.hash}});
    nlohmann::json j{{"version", state.version},
                     {"ok", state.ok},
                     {"errors", state.ok ? std::string() : state.messages},
                     {"messages", state.messages},
                     {"title", state.title},
                     {"slides", slides},
                     {"changed", state.changed},
                     {"mid_commit", state.mid_commit},
                     {"handout", state.handout_hash.empty() ? "" : "/out/handout.pdf?v=" + state.handout_hash},
                     {"slides_pdf", state.slides_pdf_hash.empty() ? "" : "/out/slides.pdf?v=" + state.slides_pdf_hash}};
    // Invalid UTF-8 (never expected: the outline is validated) is replaced, not thrown.
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace ks
