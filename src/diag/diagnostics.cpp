#include "diag/diagnostics.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <tuple>

namespace ks {

void Diagnostics::error(SourcePosition where, std::string message, std::vector<std::string> notes) {
    items_.push_back({Severity::Error, std::move(where), std::move(message), std::move(notes)});
}

void Diagnostics::warning(SourcePosition where, std::string message, std::vector<std::string> notes) {
    items_.push_back({Severity::Warning, std::move(where), std::move(message), std::move(notes)});
}

void Diagnostics::append(const Diagnostics& other) {
    items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

std::size_t Diagnostics::error_count() const {
    return std::count_if(items_.begin(), items_.end(),
                         [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

std::size_t Diagnostics::warning_count() const {
    return std::count_if(items_.begin(), items_.end(),
                         [](const Diagnostic& d) { return d.severity == Severity::Warning; });
}

bool Diagnostics::has_errors() const { return error_count() > 0; }

static const char* severity_name(Severity s) {
    switch (s) {
        case Severity::Note: return "note";
        case Severity::Warning: return "warning";
        case Severity::Error: return "error";
    }
    return "error";
}

// Control characters from inputs (an id with ESC in it) must not reach the
// terminal raw.
static std::string escape_controls(const std::string& s) {
    std::string out;
    for (unsigned char c : s) {
        if (c < 0x20 || c == 0x7F) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02X", c);
            out += buf;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

std::string format_diagnostic(const Diagnostic& d) {
    std::string out;
    std::string prefix;
    if (!d.where.file.empty()) {
        prefix = d.where.file + ":";
        if (d.where.known()) prefix += std::to_string(d.where.line) + ":" + std::to_string(d.where.column) + ":";
        prefix += " ";
    }
    prefix = escape_controls(prefix);
    out = prefix + severity_name(d.severity) + ": " + escape_controls(d.message) + "\n";
    for (const auto& n : d.notes) out += prefix + "note: " + escape_controls(n) + "\n";
    return out;
}

namespace {

// "slide 'ID': rest" → {"ID", "rest"}; other messages have no slide.
std::pair<std::string, std::string> split_slide(const std::string& message) {
    const std::string prefix = "slide '";
    if (message.rfind(prefix, 0) != 0) return {"", message};
    auto end = message.find("': ", prefix.size());
    if (end == std::string::npos) return {"", message};
    return {message.substr(prefix.size(), end - prefix.size()), message.substr(end + 3)};
}

}  // namespace

std::string format_diagnostics(const Diagnostics& diags, bool quiet, std::size_t cap) {
    // Group what was said about several slides in the same words: one
    // <confidentiality> too long for every slide is one problem. Printed at
    // the first place, with every slide and its line.
    using Key = std::tuple<int, std::string, std::string, std::vector<std::string>>;
    std::map<Key, std::size_t> group_of;  // key → index into groups
    std::vector<std::pair<Diagnostic, std::vector<std::string>>> groups;  // first diagnostic, its slides
    for (const auto& d : diags.items()) {
        if (quiet && d.severity == Severity::Note) continue;
        auto [slide, rest] = split_slide(d.message);
        if (slide.empty()) {
            groups.push_back({d, {}});
            continue;
        }
        std::string where = "'" + slide + "'" + (d.where.known() ? " (line " + std::to_string(d.where.line) + ")" : "");
        Key key{static_cast<int>(d.severity), d.where.file, rest, d.notes};
        auto [it, fresh] = group_of.emplace(key, groups.size());
        if (fresh) groups.push_back({d, {}});
        groups[it->second].second.push_back(where);
    }
    std::string out;
    std::size_t shown = 0, hidden_errors = 0, hidden_warnings = 0;
    for (auto& [d, slides] : groups) {
        if (d.severity != Severity::Note && shown >= cap) {
            (d.severity == Severity::Error ? hidden_errors : hidden_warnings) += std::max<std::size_t>(1, slides.size());
            continue;
        }
        if (slides.size() > 1) {
            std::string list;
            for (std::size_t i = 0; i < slides.size() && i < 10; ++i) list += (i ? ", " : "") + slides[i];
            if (slides.size() > 10) list += ", …";
            d.message = split_slide(d.message).second + " (on " + std::to_string(slides.size()) + " slides: " + list + ")";
        }
        out += format_diagnostic(d);
        if (d.severity != Severity::Note) ++shown;
    }
    if (hidden_errors || hidden_warnings)
        out += "kamishibai: and " + std::to_string(hidden_errors + hidden_warnings) + " more (" +
               std::to_string(hidden_errors) + " errors, " + std::to_string(hidden_warnings) +
               " warnings) not shown; fix the ones above first\n";
    return out;
}

}  // namespace ks
