#include "export/pdf/hpdf_font_subset.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <string_view>
#include <vector>

namespace ks::hpdf {

namespace {

void write_all(int fd, const std::string& bytes, const std::string& path) {
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n <= 0) throw std::runtime_error("cannot write temporary file " + path);
        done += static_cast<std::size_t>(n);
    }
}

}  // namespace

TempFile::TempFile(const std::string& bytes, const std::string& suffix) {
    fd_ = ::memfd_create(("kamishibai" + suffix).c_str(), MFD_CLOEXEC);
    if (fd_ >= 0) {
        path_ = "/proc/self/fd/" + std::to_string(fd_);
        try {
            write_all(fd_, bytes, path_);
        } catch (...) {
            release();
            throw;
        }
        if (::access(path_.c_str(), R_OK) == 0) return;
        release();  // no /proc: a file on disk after all
    }
    std::string templ = (std::filesystem::temp_directory_path() / ("kamishibai-XXXXXX" + suffix)).string();
    std::vector<char> buf(templ.begin(), templ.end());
    buf.push_back('\0');
    const int fd = ::mkstemps(buf.data(), static_cast<int>(suffix.size()));
    if (fd < 0) throw std::runtime_error("cannot create a temporary file in " + std::filesystem::temp_directory_path().string());
    path_ = buf.data();
    try {
        write_all(fd, bytes, path_);
    } catch (...) {
        ::close(fd);
        release();  // a failed write leaves no file behind
        throw;
    }
    if (::close(fd) != 0) {
        release();
        throw std::runtime_error("cannot write temporary file " + std::string(buf.data()));
    }
}

void TempFile::release() {
    if (fd_ >= 0) ::close(fd_);
    else if (!path_.empty()) ::unlink(path_.c_str());
    fd_ = -1;
    path_.clear();
}

TempFile& TempFile::operator=(TempFile&& o) noexcept {
    if (this != &o) {
        release();
        path_ = std::move(o.path_);
        fd_ = o.fd_;
        o.path_.clear();
        o.fd_ = -1;
    }
    return *this;
}

TempFile::~TempFile() { release(); }

}  // namespace ks::hpdf
