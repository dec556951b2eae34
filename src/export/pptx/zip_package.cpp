#include "export/pptx/zip_package.h"

#include <algorithm>
#include <cstdio>
#include <stdexcept>

#include <zip.h>

#include "util/c_handle.h"

namespace ks {
namespace {

using ZipSource = UniqueCPtr<zip_source_t, zip_source_free>;

[[noreturn]] void fail(const std::string& what, zip_error_t* error) {
    std::string message = "cannot build slides.pptx in memory: " + what + ": " + zip_error_strerror(error);
    zip_error_fini(error);
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
    zip_error_t* error = zip_source_error(source);
    if (zip_source_open(source) < 0) fail("reopening the archive", error);
    std::string out;
    char buf[1 << 16];
    for (;;) {
        zip_int64_t n = zip_source_read(source, buf, sizeof buf);
        if (n < 0) {
            zip_source_close(source);
            fail("reading the archive back", error);
        }
        if (n == 0) break;
        out.append(buf, static_cast<std::size_t>(n));
    }
    zip_source_close(source);
    return out;
}

}  // namespace

std::string zip_package(const std::vector<PackagePart>& parts, const Timestamp& stamp) {
    zip_error_t error;
    zip_error_init(&error);
    ZipSource memory(zip_source_buffer_create(nullptr, 0, 0, &error));
    if (!memory) fail("creating the buffer", &error);
    zip_t* archive = zip_open_from_source(memory.get(), ZIP_TRUNCATE, &error);
    if (!archive) fail("opening the buffer", &error);
    zip_source_keep(memory.get());  // the archive's close must not free it: we read it back
    auto abandon = [&](const std::string& what) {
        std::string message = std::string(zip_strerror(archive));
        zip_discard(archive);
        throw std::runtime_error("cannot build slides.pptx in memory: " + what + ": " + message);
    };
    for (const auto& part : parts) {
        zip_source_t* data = zip_source_buffer(archive, part.bytes.data(), part.bytes.size(), 0);
        if (!data) abandon("adding " + part.name);
        zip_int64_t index = zip_file_add(archive, part.name.c_str(), data, ZIP_FL_ENC_UTF_8);
        if (index < 0) {
            zip_source_free(data);
            abandon("adding " + part.name);
        }
        auto i = static_cast<zip_uint64_t>(index);
        if (zip_set_file_compression(archive, i, part.compress ? ZIP_CM_DEFLATE : ZIP_CM_STORE,
                                     part.compress ? 6 : 0) < 0 ||
            zip_file_set_dostime(archive, i, dos_time(stamp), dos_date(stamp), 0) < 0)
            abandon("setting up " + part.name);
    }
    if (zip_close(archive) < 0) abandon("finishing the archive");
    std::string bytes = read_all(memory.get());
    zip_error_fini(&error);
    return bytes;
}

}  // namespace ks
