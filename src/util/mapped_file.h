#pragma once
// A regular file mapped read-only into memory: its bytes without copying
// them (a font face is megabytes, of which a document reads a few pages).
// Like FreeType's own streams, which map font files the same way.
#include <cstddef>
#include <string>
#include <string_view>

namespace ks {

class MappedFile {
public:
    // Empty (ok() false) when the file cannot be opened, is not a regular
    // file, or is empty.
    explicit MappedFile(const std::string& path);
    ~MappedFile();
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;

    bool ok() const { return data_ != nullptr; }
    std::string_view bytes() const { return {static_cast<const char*>(data_), size_}; }

private:
    void* data_ = nullptr;
    std::size_t size_ = 0;
};

}  // namespace ks
