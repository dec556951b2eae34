#pragma once
// An Office Open XML package as a zip archive built in memory (libzip): the
// parts in the order given, each with the same fixed date and time, so the
// same parts give the same bytes. The archive is returned, never written
// anywhere: the caller commits it through the output folder.
#include <string>
#include <vector>

#include "util/dates.h"

namespace ks {

struct PackagePart {
    std::string name;    // "ppt/slides/slide1.xml"
    std::string bytes;
    bool compress = true;  // false for data that is already compressed (PNG, JPEG)
};

// Throws std::runtime_error when libzip fails.
std::string zip_package(const std::vector<PackagePart>& parts, const Timestamp& stamp);

}  // namespace ks
