// libFuzzer target: the depfile writer on arbitrary file names (NUL
// separates them: first the outputs' count byte, then names). Every name is
// either refused or escaped so that make reads back exactly that name, and
// the depfile never holds a line make would take for a recipe or a rule of
// its own.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <string_view>

#include "app/depfile.h"

namespace {

void require(bool ok) {
    if (!ok) std::abort();
}

constexpr std::string_view kSpecial = " #:|*?[]";

// GNU make's reading of one escaped word, as measured: "$$" is "$"; a run of
// n backslashes before a special character is n/2 backslashes, and the
// character is literal when n is odd (else it would end the word: nullopt).
bool unescape(const std::string& word, std::string& out) {
    out.clear();
    for (std::size_t i = 0; i < word.size();) {
        if (word[i] == '$') {
            if (i + 1 >= word.size() || word[i + 1] != '$') return false;
            out += '$';
            i += 2;
            continue;
        }
        if (word[i] == '\\') {
            std::size_t n = 0;
            while (i + n < word.size() && word[i + n] == '\\') ++n;
            if (i + n < word.size() && kSpecial.find(word[i + n]) != std::string_view::npos) {
                if (n % 2 == 0) return false;
                out.append(n / 2, '\\');
                out += word[i + n];
                i += n + 1;
            } else {
                out.append(n, '\\');
                i += n;
            }
            continue;
        }
        if (kSpecial.find(word[i]) != std::string_view::npos || word[i] == '\n' || word[i] == ';' || word[i] == '=')
            return false;
        out += word[i++];
    }
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    std::size_t outputs = data[0] % 4;
    ks::BuildResult build;
    std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
    for (std::size_t i = 0; !rest.empty() || i == 0; ++i) {
        auto nul = rest.find('\0');
        std::string name(rest.substr(0, nul));
        (i < outputs ? build.outputs : build.inputs).push_back(name);
        if (nul == std::string_view::npos) break;
        rest.remove_prefix(nul + 1);
    }
    bool expressible = true;
    for (const auto* list : {&build.outputs, &build.inputs})
        for (const auto& name : *list) {
            std::string why = ks::make_cannot_express(name);
            expressible = expressible && why.empty();
            if (!why.empty()) continue;
            std::string back;
            require(unescape(ks::make_escape(name), back) && back == name);
        }
    std::string text;
    try {
        text = ks::depfile_text(build);
    } catch (const std::runtime_error&) {
        require(!expressible);
        return 0;
    }
    require(expressible);
    // No recipe lines, no variable assignments: every line is part of a rule.
    for (std::size_t start = 0; start < text.size();) {
        auto nl = text.find('\n', start);
        std::string_view line(text.data() + start, nl - start);
        require(line.empty() || line.front() != '\t');
        start = nl + 1;
    }
    return 0;
}
