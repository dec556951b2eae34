#pragma once
// The CLI's layout cache: the LayoutMemo (app/layout_memo.h) of the last
// build into an output folder, kept as OUT/.kamishibai/layout-cache, so a
// build after an edit fits and lays out only the slides whose inputs changed.
//
// Format: "kamishibai-layout-cache 1\n", the stamp of the program that wrote
// it, the fitting decisions and the laid-out slides by key (app/byte_codec.h,
// app/model_codec.h, app/frame_codec.h), then the FNV-1a 64 of every byte
// before it. The cache is an optimisation only and is never trusted: a
// missing, truncated, damaged, foreign (a link, not a regular file, another
// program's) or other-version file is ignored as a whole, and the build lays
// out everything and writes it anew. It is written after the output folder's
// commit, under the folder's lock, through .kamishibai/tmp/ (which every
// build clears) and a rename: complete or absent, never a temporary left.
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "app/layout_memo.h"

namespace ks {

std::filesystem::path layout_cache_path(const std::filesystem::path& out_dir);

// The bytes of `memo` as the cache file holds them.
std::string layout_cache_bytes(const LayoutMemo& memo);
// Restores the entries `bytes` holds into `memo`; false (memo untouched)
// when the bytes are not a whole, valid cache written by this program.
bool parse_layout_cache(std::string_view bytes, LayoutMemo& memo);

// The header, program stamp and checksum around `entries` (the fuzz target
// hands arbitrary entries to the reader this way).
std::string seal_layout_cache(std::string_view entries);

// The file at `path`, when it is a regular file (not followed through a link); false otherwise.
bool read_layout_cache(const std::filesystem::path& path, LayoutMemo& memo);
// Writes the file atomically (see above); false when it could not (the
// build stays correct: the next one lays out everything).
bool write_layout_cache(const std::filesystem::path& out_dir, const LayoutMemo& memo);

}  // namespace ks
