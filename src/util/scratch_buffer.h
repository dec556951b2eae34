#pragma once
// Memory one thread reuses from one image to the next. A large buffer given
// back to the system after each use is faulted in afresh, page by page and
// zeroed by the kernel, every time: for a 1920x1080 slide that was a tenth
// of the CPU a PNG took. Contents are not kept meaningful between uses.
#include <cstddef>
#include <memory>

namespace ks {

class ScratchBuffer {
public:
    // At least `size` bytes, uninitialised; valid until the next call.
    unsigned char* get(std::size_t size) {
        if (size > capacity_) {
            data_.reset();  // the old one first: never both at once
            data_.reset(new unsigned char[size]);
            capacity_ = size;
        }
        return data_.get();
    }
    std::size_t capacity() const { return capacity_; }

private:
    std::unique_ptr<unsigned char[]> data_;
    std::size_t capacity_ = 0;
};

}  // namespace ks
