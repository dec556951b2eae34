#pragma once
// Content hashes of the files in the output folder, to tell which slides a
// build actually changed (by their PNG bytes) and to bust browser caches.
#include <filesystem>
#include <map>
#include <string>

namespace ks {

// Hex hash (util/hash.h) of the file's bytes; empty when it cannot be read.
std::string file_hash(const std::filesystem::path& path);

// relative path ("slides/01.png") -> hash, for every file under out/slides.
std::map<std::string, std::string> slide_png_hashes(const std::filesystem::path& out_dir);

}  // namespace ks
