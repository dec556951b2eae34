#include "serve/preview_state.h"

#include <nlohmann/json.hpp>

namespace ks {

std::string preview_state_json(const PreviewState& state) {
    nlohmann::json slides = nlohmann::json::array();
    for (const auto& s : state.slides)
        slides.push_back({{"index", s.index},
                          {"id", s.id},
                          {"title", s.title},
                          {"notes", s.notes},
                          {"png", "/out/" + s.png + "?v=" + s.hash},
                          {"hash", s.hash}});
    nlohmann::json j{{"version", state.version},
                     {"ok", state.ok},
                     {"errors", state.ok ? std::string() : state.messages},
                     {"messages", state.messages},
                     {"title", state.title},
                     {"slides", slides},
                     {"changed", state.changed},
                     {"mid_commit", state.mid_commit},
                     {"handout", state.handout_hash.empty() ? "" : "/out/" + state.handout_file + "?v=" + state.handout_hash},
                     {"slides_pdf", state.slides_pdf_hash.empty() ? "" : "/out/" + state.slides_pdf_file + "?v=" + state.slides_pdf_hash}};
    // Invalid UTF-8 (never expected: the outline is validated) is replaced, not thrown.
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace ks
