#include "util/hash.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <new>
#include <stdexcept>

#include <fcntl.h>
#include <unistd.h>

#define XXH_INLINE_ALL  // header-only: no library to load at start-up
#include <xxhash.h>

namespace ks {

std::string hex64(std::uint64_t v) {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
    return buf;
}

std::uint64_t xxh3_64(const void* data, std::size_t size) { return XXH3_64bits(data, size); }

FileHash hash_file_bytes(const std::filesystem::path& path, FileHashKind kind) {
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
    Fnv1a64 fnv;
    struct StateDeleter {
        void operator()(XXH3_state_t* s) const { XXH3_freeState(s); }
    };
    std::unique_ptr<XXH3_state_t, StateDeleter> xxh(XXH3_createState());
    if (!xxh) throw std::bad_alloc();
    XXH3_64bits_reset(xxh.get());
    char buf[1 << 16];
    for (;;) {
        ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0) {
            if (errno == EINTR) continue;
            fail();
        }
        if (n == 0) break;
        if (kind == FileHashKind::Fnv1a) fnv.update(buf, static_cast<std::size_t>(n));
        else XXH3_64bits_update(xxh.get(), buf, static_cast<std::size_t>(n));
        f.size += static_cast<std::uint64_t>(n);
    }
    f.hash = kind == FileHashKind::Fnv1a ? fnv.value() : XXH3_64bits_digest(xxh.get());
    return f;
}

}  // namespace ks
