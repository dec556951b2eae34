#pragma once
// Problems in the input are collected, never thrown: every stage appends to a
// Diagnostics list and the CLI prints them all, GCC style, at the end.
#include <string>
#include <vector>

#include "diag/source_position.h"

namespace ks {

enum class Severity { Note, Warning, Error };

struct Diagnostic {
    Severity severity = Severity::Error;
    SourcePosition where;
    std::string message;
    std::vector<std::string> notes;  // printed as "note:" lines after the message
};

class Diagnostics {
public:
    void error(SourcePosition where, std::string message, std::vector<std::string> notes = {});
    void warning(SourcePosition where, std::string message, std::vector<std::string> notes = {});
    void add(Diagnostic d) { items_.push_back(std::move(d)); }
    void append(const Diagnostics& other);

    bool has_errors() const;
    std::size_t error_count() const;
    std::size_t warning_count() const;
    const std::vector<Diagnostic>& items() const { return items_; }

private:
    std::vector<Diagnostic> items_;
};

// "file:line:col: error: message" plus note lines; no position parts when unknown.
std::string format_diagnostic(const Diagnostic& d);

// Every diagnostic for the terminal (notes left out when `quiet`). The same
// problem at the same place on several slides ("slide 'a': the footer does
// not fit ...", from one <footer>) is printed once, with the count and the
// slides; after `cap` printed problems the rest is summed up as "and N more".
std::string format_diagnostics(const Diagnostics& diags, bool quiet, std::size_t cap = 50);

}  // namespace ks
