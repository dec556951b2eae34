#include "text/budoux.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "util/utf8.h"

namespace ks::text {

extern const char* const kBudouxJaModelJson;

namespace {

// Feature groups in the order of BudouX's parser.
constexpr std::array<const char*, 13> kFeatureNames = {
    "UW1", "UW2", "UW3", "UW4", "UW5", "UW6", "BW1", "BW2", "BW3", "TW1", "TW2", "TW3", "TW4"};
// [begin, end) offsets relative to the position i being scored.
constexpr std::array<std::array<int, 2>, 13> kFeatureSpans = {{
    {-3, -2}, {-2, -1}, {-1, 0}, {0, 1}, {1, 2}, {2, 3},  // UW1..UW6
    {-2, 0}, {-1, 1}, {0, 2},                            // BW1..BW3
    {-3, 0}, {-2, 1}, {-1, 2}, {0, 3},                   // TW1..TW4
}};

// Keys are at most three code points; pack them (and the length) into 64 bits.
std::uint64_t pack(std::u32string_view s) {
    std::uint64_t key = s.size();
    for (char32_t c : s) key = (key << 21) | (static_cast<std::uint64_t>(c) & 0x1FFFFF);
    return key;
}

struct Model {
    std::array<std::unordered_map<std::uint64_t, std::int64_t>, 13> groups;
    std::int64_t base_score = 0;
};

Model load_model() {
    Model model;
    const auto json = nlohmann::json::parse(kBudouxJaModelJson);
    std::int64_t total = 0;
    for (std::size_t g = 0; g < kFeatureNames.size(); ++g) {
        auto it = json.find(kFeatureNames[g]);
        if (it == json.end()) continue;
        for (const auto& [key, value] : it->items()) {
            std::u32string k;
            for (std::size_t i = 0; i < key.size();) k.push_back(utf8_next(key, i));
            if (k.empty() || k.size() > 3) continue;
            const auto w = value.get<std::int64_t>();
            model.groups[g][pack(k)] += w;
            total += w;
        }
    }
    // baseScore = -0.5 * sum of all weights; a boundary where score > 0.
    // Scores are doubled to stay in integers: 2*score = 2*sum - total.
    model.base_score = -total;
    return model;
}

const Model& model() {
    static const Model m = load_model();  // thread-safe lazy initialisation
    return m;
}

}  // namespace

std::vector<std::size_t> budoux_phrase_boundaries(std::u32string_view text) {
    std::vector<std::size_t> result;
    const Model& m = model();
    const long n = static_cast<long>(text.size());
    for (long i = 1; i < n; ++i) {
        std::int64_t score2 = m.base_score;
        for (std::size_t g = 0; g < kFeatureSpans.size(); ++g) {
            // JS String.substring semantics: clamp both ends to [0, n].
            long b = std::clamp(i + kFeatureSpans[g][0], 0L, n);
            long e = std::clamp(i + kFeatureSpans[g][1], 0L, n);
            if (b >= e) continue;
            const auto& group = m.groups[g];
            auto it = group.find(pack(text.substr(static_cast<std::size_t>(b), static_cast<std::size_t>(e - b))));
            if (it != group.end()) score2 += 2 * it->second;
        }
        if (score2 > 0) result.push_back(static_cast<std::size_t>(i));
    }
    return result;
}

std::vector<std::u32string_view> budoux_phrases(std::u32string_view text) {
    std::vector<std::u32string_view> phrases;
    if (text.empty()) return phrases;
    std::size_t start = 0;
    for (std::size_t b : budoux_phrase_boundaries(text)) {
        phrases.push_back(text.substr(start, b - start));
        start = b;
    }
    phrases.push_back(text.substr(start));
    return phrases;
}

}  // namespace ks::text
