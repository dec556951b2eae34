#pragma once
// Shared fixtures: the real fonts, layout set and seed deck of this repo.
#include <memory>
#include <string>

#include "text/font_context.h"
#include "text/text_engine.h"

namespace ks::test {

inline std::string source_path(const std::string& rel) { return std::string(KS_SOURCE_DIR) + "/" + rel; }

// One font context and text engine for the whole test binary (fontconfig
// scanning is the slow part).
inline const TextEngine& engine() {
    static FontContext fonts(source_path("fonts"));
    static TextEngine text(fonts);
    return text;
}

}  // namespace ks::test
