#include "util/hash.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>

#include <fcntl.h>
#include <unistd.h>

namespace ks {

std::string hex64(std::uint64_t v) {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
    return buf;
}

FileHash hash_file_bytes(const std::filesystem::path& path) {
    auto fail = [&] {
        throw std::runtime_error("cannot read " + path.string() + ": " + std::strerror(errno));
    };
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (fd < 0) fail();
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    FileHash f;
    Fnv1a64 h;
    char buf[1 << 16];
    for (;;) {
        ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0) {
            if (errno == EINTR) continue;
            fail();
        }
        if (n == 0) break;
        h.update(buf, static_cast<std::size_t>(n));
        f.size += static_cast<std::uint64_t>(n);
    }
    f.hash = h.value();
    return f;
}

}  // namespace ks
