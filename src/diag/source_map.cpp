#include "diag/source_map.h"

#include <algorithm>

namespace ks {

SourceMap::SourceMap(std::string file, std::string_view text) : file_(std::move(file)), text_(text) {
    line_starts_.push_back(0);
    int column = 1;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (i % kCheckpoint == 0) checkpoint_columns_.push_back(column);
        // LF, CRLF and a lone CR (old Mac files) each end a line.
        if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) {
            line_starts_.push_back(i + 1);
            column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++column;
        }
    }
}

SourcePosition SourceMap::at(std::ptrdiff_t byte_offset) const {
    if (byte_offset < 0) return {file_, 0, 0};
    auto offset = std::min<std::size_t>(static_cast<std::size_t>(byte_offset), text_.size());
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    std::size_t line_index = static_cast<std::size_t>(it - line_starts_.begin()) - 1;
    std::size_t begin = line_starts_[line_index];
    int column = 1;
    // Start from the nearest checkpoint on the same line: counting from the
    // line start was quadratic on long lines.
    std::size_t checkpoint = offset / kCheckpoint;
    if (checkpoint < checkpoint_columns_.size() && checkpoint * kCheckpoint >= begin) {
        begin = checkpoint * kCheckpoint;
        column = checkpoint_columns_[checkpoint];
    }
    for (std::size_t i = begin; i < offset; ++i)
        if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;  // count code points
    return {file_, static_cast<int>(line_index) + 1, column};
}

}  // namespace ks
