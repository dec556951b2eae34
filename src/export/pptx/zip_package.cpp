#include "export/pptx/zip_package.h"

#include <algorithm>
#include <cstdio>
#include <memory>
#include <stdexcept>

#include <zip.h>

#include "util/shared_library.h"

namespace ks {
namespace {

// libzip is loaded on the first slides.pptx, not at start-up
// (util/shared_library.h); its header is compiled against, the library
// never linked. KS_LIBZIP_SONAME comes from src/CMakeLists.txt.
#define KS_ZIP(fn) decltype(&zip_##fn) fn = KS_LIBRARY_FUNCTION(lib, zip_##fn)
struct LibZip {
    SharedLibrary lib{KS_LIBZIP_SONAME, "--pptx needs libzip (Debian: libzip4)"};
    KS_ZIP(close);
    KS_ZIP(discard);
    KS_ZIP(error_fini);
    KS_ZIP(error_init);
    KS_ZIP(error_strerror);
    KS_ZIP(file_add);
    KS_ZIP(file_set_dostime);
    KS_ZIP(open_from_source);
    KS_ZIP(set_file_compression);
    KS_ZIP(source_buffer);
    KS_ZIP(source_buffer_create);
    KS_ZIP(source_close);
    KS_ZIP(source_error);
    KS_ZIP(source_free);
    KS_ZIP(source_keep);
    KS_ZIP(source_open);
    KS_ZIP(source_read);
    KS_ZIP(strerror);
};
#undef KS_ZIP

// Loaded once, on first use, by whichever thread comes first (a throw
// leaves it unloaded, for the next call to try again).
const LibZip& libzip() {
    static const LibZip api;
    return api;
}

struct FreeSource {
    void operator()(zip_source_t* source) const noexcept { libzip().source_free(source); }
};
using ZipSource = std::unique_ptr<zip_source_t, FreeSource>;

[[noreturn]] void fail(const std::string& what, zip_error_t* error) {
    std::string message = "cannot build slides.pptx in memory: " + what + ": " + libzip().error_strerror(error);
    libzip().error_fini(error);
    throw std::runtime_error(message);
}

// MS-DOS date and time fields of a zip entry, from the document timestamp
// itself (never through the local time zone).
zip_uint16_t dos_time(const Timestamp& t) {
    return static_cast<zip_uint16_t>((t.hour << 11) | (t.minute << 5) | (t.second / 2));
}
zip_uint16_t dos_date(const Timestamp& t) {
    int year = std::clamp(t.year, 1980, 2107);
    return static_cast<zip_uint16_t>(((year - 1980) << 9) | (t.month << 5) | t.day);
}

// The finished archive's bytes, read back from the memory source.
std::string read_all(zip_source_t* source) {
    zip_error_t* error = libzip().source_error(source);
    if (libzip().source_open(source) < 0) fail("reopening the archive", error);
    std::string out;
    char buf[1 << 16];
    for (;;) {
        zip_int64_t n = libzip().source_read(source, buf, sizeof buf);
        if (n < 0) {
            libzip().source_close(source);
            fail("reading the archive back", error);
        }
        if (n == 0) break;
        out.append(buf, static_cast<std::size_t>(n));
    }
    libzip().source_close(source);
    return out;
}

}  // namespace

std::string zip_package(const std::vector<PackagePart>& parts, const Timestamp& stamp) {
    zip_error_t error;
    libzip().error_init(&error);
    ZipSource memory(libzip().source_buffer_create(nullptr, 0, 0, &error));
    if (!memory) fail("creating the buffer", &error);
    zip_t* archive = libzip().open_from_source(memory.get(), ZIP_TRUNCATE, &error);
    if (!archive) fail("opening the buffer", &error);
    libzip().source_keep(memory.get());  // the archive's close must not free it: we read it back
    auto abandon = [&](const std::string& what) {
        std::string message = std::string(libzip().strerror(archive));
        libzip().discard(archive);
        throw std::runtime_error("cannot build slides.pptx in memory: " + what + ": " + message);
    };
    for (const auto& part : parts) {
        zip_source_t* data = libzip().source_buffer(archive, part.bytes.data(), part.bytes.size(), 0);
        if (!data) abandon("adding " + part.name);
        zip_int64_t index = libzip().file_add(archive, part.name.c_str(), data, ZIP_FL_ENC_UTF_8);
        if (index < 0) {
            libzip().source_free(data);
            abandon("adding " + part.name);
        }
        auto i = static_cast<zip_uint64_t>(index);
        if (libzip().set_file_compression(archive, i, part.compress ? ZIP_CM_DEFLATE : ZIP_CM_STORE,
                                     part.compress ? 6 : 0) < 0 ||
            libzip().file_set_dostime(archive, i, dos_time(stamp), dos_date(stamp), 0) < 0)
            abandon("setting up " + part.name);
    }
    if (libzip().close(archive) < 0) abandon("finishing the archive");
    std::string bytes = read_all(memory.get());
    libzip().error_fini(&error);
    return bytes;
}

}  // namespace ks
