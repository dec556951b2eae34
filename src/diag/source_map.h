#pragma once
// Turns byte offsets in a loaded file into line:column positions.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "diag/source_position.h"

namespace ks {

class SourceMap {
public:
    SourceMap(std::string file, std::string_view text);
    SourcePosition at(std::ptrdiff_t byte_offset) const;
    const std::string& file() const { return file_; }

private:
    std::string file_;
    std::string_view text_;
    std::vector<std::size_t> line_starts_;
    // Column (within its line) at every kCheckpoint-th byte.
    static constexpr std::size_t kCheckpoint = 64;
    std::vector<int> checkpoint_columns_;
};

}  // namespace ks
