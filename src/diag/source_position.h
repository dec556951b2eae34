#pragma once
#include <cstddef>
#include <string>

namespace ks {

// A place in an input file; line and column are 1-based, column counts
// Unicode code points (what an editor shows), not bytes.
struct SourcePosition {
    std::string file;
    int line = 0;
    int column = 0;

    bool known() const { return line > 0; }
};

}  // namespace ks
