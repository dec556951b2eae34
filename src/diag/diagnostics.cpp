#include "diag/diagnostics.h"

#include <algorithm>

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

std::string format_diagnostic(const Diagnostic& d) {
    std::string out;
    std::string prefix;
    if (!d.where.file.empty()) {
        prefix = d.where.file + ":";
        if (d.where.known()) prefix += std::to_string(d.where.line) + ":" + std::to_string(d.where.column) + ":";
        prefix += " ";
    }
    out = prefix + severity_name(d.severity) + ": " + d.message + "\n";
    for (const auto& n : d.notes) out += prefix + "note: " + n + "\n";
    return out;
}

}  // namespace ks
