#include "util/read_file.h"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ks {
namespace {

// Opens without blocking (a FIFO without a writer would block open(2)),
// then refuses anything that is not a regular file.
int open_regular(const std::string& path, std::string& why) {
    int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        why = std::strerror(errno);
        return -1;
    }
    struct stat st{};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        why = S_ISDIR(st.st_mode) ? "it is a folder, not a file"
              : S_ISFIFO(st.st_mode) ? "it is a named pipe (FIFO), not a regular file"
                                     : "it is a device or special file, not a regular file";
        ::close(fd);
        return -1;
    }
    return fd;
}

}  // namespace

std::string regular_file_problem(const std::string& path) {
    std::string why;
    int fd = open_regular(path, why);
    if (fd >= 0) ::close(fd);
    return why;
}

std::optional<std::string> read_file(const std::string& path, std::string* why) {
    std::string reason;
    int fd = open_regular(path, reason);
    if (fd < 0) {
        if (why) *why = reason;
        return std::nullopt;
    }
    // Read straight into a string of the file's size (a font is megabytes:
    // no growing copies); a file that grows meanwhile is read to its end.
    struct stat st{};
    std::string data(::fstat(fd, &st) == 0 && st.st_size > 0 ? static_cast<std::size_t>(st.st_size) + 1 : 1 << 16,
                     '\0');
    std::size_t used = 0;
    for (;;) {
        if (used == data.size()) data.resize(data.size() * 2);
        ssize_t n = ::read(fd, data.data() + used, data.size() - used);
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN) continue;
            if (why) *why = std::strerror(errno);
            ::close(fd);
            return std::nullopt;
        }
        if (n == 0) break;
        used += static_cast<std::size_t>(n);
    }
    data.resize(used);
    ::close(fd);
    return data;
}

}  // namespace ks
