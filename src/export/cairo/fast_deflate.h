#pragma once
// A zlib stream made for slide images, where most bytes sit in long runs
// (flat backgrounds after PNG's Sub filter): one deflate block with the fixed
// Huffman code, literals plus distance-1 run matches. About ten times faster
// than zlib's fastest mode on such data, at a modest cost in size.
#include <cstddef>
#include <vector>

namespace ks {

std::vector<unsigned char> zlib_compress_runs(const unsigned char* data, std::size_t size);

}  // namespace ks
