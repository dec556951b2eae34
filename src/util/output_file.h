#pragma once
// An output file opened once, by descriptor, never through a symbolic link:
// the exporters write the temporaries the output folder created for them
// (O_CREAT|O_EXCL) through this instead of letting a C library reopen the
// name (a link put there in between would be followed). Write errors carry
// the system's text ("No space left on device").
#include <cstddef>
#include <string>

namespace ks {

class OutputFile {
public:
    // Opens `path` for writing (truncated; created if missing, but never
    // through a link). Throws std::runtime_error.
    explicit OutputFile(const std::string& path);
    ~OutputFile();
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    // Throws std::runtime_error naming the file and the errno text.
    void write(const void* data, std::size_t size);
    // For C callbacks: false on failure, the message kept for error().
    bool try_write(const void* data, std::size_t size) noexcept;
    const std::string& error() const { return error_; }
    // Closes, reporting a failed close (NFS, quota) like a failed write.
    void close();

private:
    std::string path_, error_;
    int fd_ = -1;
};

}  // namespace ks
