#include "diag/diagnostics.h"

#include <algorithm>
#include <cstdio>

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

}  // namespace ks
